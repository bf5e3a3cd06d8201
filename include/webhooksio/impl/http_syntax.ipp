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

WEBHOOKSIO_DECL bool same_header_name(std::string_view a, std::string_view b) noexcept {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    return std::ranges::equal(a, b, [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace webhooksio
