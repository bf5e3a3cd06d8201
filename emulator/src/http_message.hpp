// A request as the emulator's HTTP server hands it to the API, and the answer
// it sends back: plain data, so that the router, the handlers and the service
// never see the transport (http_server.hpp).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <webhooksio/http_syntax.hpp>

namespace webhooksio::emulation {

using field_list = std::vector<std::pair<std::string, std::string>>;

// ASCII text compared in any case: header names (RFC 9110), e-mail addresses.
// The client's one definition, under the name the emulator's code reads.
inline bool same_ignoring_case(std::string_view a, std::string_view b) { return webhooksio::equals_ignoring_case(a, b); }

struct incoming_request {
    std::string method;  // "GET", ...
    std::string target;  // as it came: "/v1/health?x=1", "http://host/v1/health"
    std::string path;    // the target's path, decoded: for messages and logs
    field_list headers;  // in the order they came
    field_list params;   // the query, decoded
    std::string body;    // as sent: de-chunked, never decoded (Content-Encoding)

    bool has_header(std::string_view name) const {
        for (const auto& [key, value] : headers)
            if (same_ignoring_case(key, name)) return true;
        return false;
    }
    // The first value of header `name`, "" when absent.
    std::string get_header_value(std::string_view name) const {
        for (const auto& [key, value] : headers)
            if (same_ignoring_case(key, name)) return value;
        return {};
    }
    // The first value of query parameter `name`, "" when absent.
    std::string get_param_value(std::string_view name) const {
        for (const auto& [key, value] : params)
            if (key == name) return value;
        return {};
    }
};

struct outgoing_response {
    int status = 200;
    field_list headers;
    std::string body;

    void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
    void set_content(std::string content, std::string content_type) {
        body = std::move(content);
        set_header("Content-Type", std::move(content_type));
    }
};

}  // namespace webhooksio::emulation
