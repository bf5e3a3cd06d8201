// The transport concept: how the client's requests reach the network. The
// default is cpp-httplib (httplib_transport.hpp); a test or an application
// can plug in its own.
#pragma once

#include <concepts>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "endpoint.hpp"
#include "error.hpp"

namespace webhooksio {

using http_headers = std::vector<std::pair<std::string, std::string>>;

struct http_request {
    http_method method = http_method::get;
    std::string target;  // path and query, already percent-encoded
    http_headers headers;
    std::string body;
};

struct http_response {
    int status = 0;
    http_headers headers;
    std::string body;
};

// A transport sends one request and returns the response or a transport error.
// One transport serves every thread of its client: send() must be thread-safe.
template <class T>
concept transport = requires(T& t, const http_request& request) {
    { t.send(request) } -> std::same_as<result<http_response>>;
};

// The value of header `name` (case-insensitive), or "" when absent.
inline std::string_view find_header(const http_headers& headers, std::string_view name) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    for (const auto& [key, value] : headers) {
        if (key.size() != name.size()) continue;
        bool same = true;
        for (std::size_t i = 0; same && i < key.size(); ++i) same = lower(key[i]) == lower(name[i]);
        if (same) return value;
    }
    return {};
}

}  // namespace webhooksio
