// A whole answer of the API, for the calls that ask for more than its body
// (the `with_response` token): status, headers and the JSON body.
#pragma once

#include <string_view>

#include <boost/json.hpp>

#include "http.hpp"

namespace webhooksio {

struct response {
    int status = 0;
    http_headers headers{};
    boost::json::value body{};  // null for an empty body

    // The value of header `name` (case-insensitive), or "".
    std::string_view header(std::string_view name) const { return find_header(headers, name); }
};

}  // namespace webhooksio
