// Benchmark 4, the floor: all_calls.cpp's 77 calls against a client that only
// declares its named methods, so that no code of the library is compiled but
// the endpoint table and what the call sites build themselves (IDs and
// options structs). tools/bench.sh times it beside all_calls.cpp.
#include <httplib.h>

#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/preprocessor/repetition/repeat.hpp>

#include <webhooksio/api.hpp>

namespace webhooksio {

struct client {
#define DECLARED_ID_PARAM(z, i, E) const std::tuple_element_t<i, api::E::params>&,
#define DECLARED_CALL(E, ids) \
    boost::json::value E(BOOST_PP_REPEAT(ids, DECLARED_ID_PARAM, E) const api::E::options& options = {});
    WEBHOOKSIO_API_ENDPOINTS(DECLARED_CALL)
#undef DECLARED_CALL
#undef DECLARED_ID_PARAM
};

}  // namespace webhooksio

using namespace webhooksio;

#include "seed_calls.inc"
