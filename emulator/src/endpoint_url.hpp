// A destination's endpoint_url, split as a delivery needs it (by Boost.URL).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace webhooksio::emulation {

struct endpoint_url {
    std::string scheme;  // "http" or "https"
    std::string host;
    int port = 0;        // the scheme's when the URL names none
    std::string target;  // path and query, as sent: "/hook?x=1"
};

// The parts of an absolute http(s) URL with a host; nothing for any other text.
std::optional<endpoint_url> parse_endpoint_url(std::string_view url);

// `text` percent-encoded as one path segment (all but unreserved characters).
std::string encoded_segment(std::string_view text);

}  // namespace webhooksio::emulation
