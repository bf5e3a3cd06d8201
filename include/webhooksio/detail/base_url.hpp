// Splits a base URL such as "https://api.webhooks.io:443/prefix" into parts.
#pragma once

#include <charconv>
#include <string>
#include <string_view>

#include "../config.hpp"
#include "../error.hpp"

namespace webhooksio::detail {

struct base_url {
    std::string scheme;  // "http" or "https"
    std::string host;
    int port = 0;
    std::string path;  // "" or "/prefix" without a trailing slash

    // The host without an IPv6 address's brackets: what is resolved, and
    // what the server's certificate must name.
    std::string address() const { return host.starts_with('[') ? host.substr(1, host.size() - 2) : host; }
};

// The parts of `url`, or a usage error saying what is wrong with it.
WEBHOOKSIO_DECL result<base_url> parse_base_url(std::string_view url);

}  // namespace webhooksio::detail

#if WEBHOOKSIO_DEFINITIONS
#include "../impl/base_url.ipp"
#endif
