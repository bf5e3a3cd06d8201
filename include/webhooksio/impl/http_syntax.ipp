// Definitions for http_syntax.hpp.
#pragma once

#include <algorithm>
#include <initializer_list>

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

namespace detail {
inline bool is_one_of(std::string_view name, std::initializer_list<std::string_view> set) noexcept {
    return std::ranges::any_of(set, [&](std::string_view member) { return equals_ignoring_case(name, member); });
}
}  // namespace detail

WEBHOOKSIO_DECL bool is_credential_header(std::string_view name) noexcept {
    return detail::is_one_of(name, {"Authorization", "Proxy-Authorization", "Cookie"});
}

WEBHOOKSIO_DECL bool is_framing_header(std::string_view name) noexcept {
    return detail::is_one_of(name, {"Content-Length", "Transfer-Encoding", "Host", "Connection", "TE", "Upgrade",
                                    "Expect"});
}

WEBHOOKSIO_DECL bool is_reserved_request_header(std::string_view name) noexcept {
    return is_framing_header(name) || (is_credential_header(name) && !equals_ignoring_case(name, "Cookie")) ||
           equals_ignoring_case(name, "Content-Type");
}

}  // namespace webhooksio
