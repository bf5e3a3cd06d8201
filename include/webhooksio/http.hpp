// The HTTP vocabulary shared by the client, its transports and its errors:
// methods, headers, a request as sent and a response as received.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config.hpp"
#include "http_syntax.hpp"

namespace webhooksio {

enum class http_method { get, post, put, delete_, head };

constexpr std::string_view to_string(http_method m) noexcept {
    switch (m) {
        case http_method::get: return "GET";
        case http_method::post: return "POST";
        case http_method::put: return "PUT";
        case http_method::delete_: return "DELETE";
        case http_method::head: return "HEAD";
    }
    return "GET";
}

// Header names and values in the order they came; names compare
// case-insensitively (find_header).
using http_headers = std::vector<std::pair<std::string, std::string>>;

// The value of header `name` (case-insensitive), or "" when absent.
WEBHOOKSIO_DECL std::string_view find_header(const http_headers& headers, std::string_view name);

struct http_request {
    http_method method = http_method::get;
    std::string target{};  // path and query, already percent-encoded
    http_headers headers{};
    std::string body{};
    // When the transport gives up, whatever it is doing: the end of the
    // call's total_timeout (max: never).
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

struct http_response {
    int status = 0;
    http_headers headers{};
    std::string body{};
};

}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
#include "impl/http.ipp"
#endif
