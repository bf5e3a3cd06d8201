// The conversions model.hpp declares with WEBHOOKSIO_SEPARATE_COMPILATION:
// each is tolerant_json.hpp's, for its struct.
#pragma once

#include "../model.hpp"
#include "../tolerant_json.hpp"

namespace webhooksio::model {

#define WEBHOOKSIO_DETAIL_MODEL_CONVERSIONS(T)                                                                   \
    boost::json::result<T> tag_invoke(boost::json::try_value_to_tag<T> tag, const boost::json::value& in) {      \
        return tolerant::tag_invoke(tag, in);                                                                    \
    }                                                                                                            \
    T tag_invoke(boost::json::value_to_tag<T> tag, const boost::json::value& in) {                               \
        return tolerant::tag_invoke(tag, in);                                                                    \
    }                                                                                                            \
    void tag_invoke(boost::json::value_from_tag tag, boost::json::value& out, const T& in) {                     \
        tolerant::tag_invoke(tag, out, in);                                                                      \
    }
WEBHOOKSIO_DETAIL_MODEL_TYPES(WEBHOOKSIO_DETAIL_MODEL_CONVERSIONS)
#undef WEBHOOKSIO_DETAIL_MODEL_CONVERSIONS

}  // namespace webhooksio::model
