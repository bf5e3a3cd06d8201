// Definitions for http_syntax.hpp.
#pragma once

#include <algorithm>

namespace webhooksio {

WEBHOOKSIO_DECL bool is_http_token(std::string_view name) noexcept {
    constexpr std::string_view symbols = "!#$%&'*+-.^_`|~";
    return !name.empty() && std::ranges::all_of(name, [&](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               symbols.find(c) != std::string_view::npos;
    });
}

WEBHOOKSIO_DECL bool is_http_field_value(std::string_view value) noexcept {
    return std::ranges::none_of(value, [](unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7f; });
}

}  // namespace webhooksio
