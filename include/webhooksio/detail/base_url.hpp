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
};

// The parts of `url`, or a usage error saying what is wrong with it.
WEBHOOKSIO_DECL result<base_url> parse_base_url(std::string_view url);

}  // namespace webhooksio::detail

#if WEBHOOKSIO_DEFINITIONS
#include "../impl/base_url.ipp"
#endif
