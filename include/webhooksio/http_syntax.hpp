// What RFC 9110 lets a header line hold: the checks that keep text from
// ending a header early and starting another, shared by the client, the
// emulator and its recipe engine.
#pragma once

#include <cstddef>
#include <string_view>

#include "config.hpp"

namespace webhooksio {

// Whether `name` is an RFC 9110 token, what a header name must be: one or
// more letters, digits and !#$%&'*+-.^_`|~ (no space, colon, CR or LF).
WEBHOOKSIO_DECL bool is_http_token(std::string_view name) noexcept;

// Whether `value` may be a header's value (RFC 9110 field-value): no
// control character but horizontal tab, so no CR, LF or NUL; bytes of
// UTF-8 and other octets from 0x80 up may stand.
WEBHOOKSIO_DECL bool is_http_field_value(std::string_view value) noexcept;

// Whether `a` and `b` are the same text but for the case of ASCII letters:
// how HTTP compares header names and other tokens, whatever the locale.
constexpr bool equals_ignoring_case(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// The header sets, compared ignoring case. Credentials (Authorization,
// Proxy-Authorization, Cookie): never kept with a stored message nor relayed.
WEBHOOKSIO_DECL bool is_credential_header(std::string_view name) noexcept;
// Headers that frame a message on the wire (Content-Length,
// Transfer-Encoding, Host, Connection, TE, Upgrade, Expect): whoever sends
// the message sets them; one taken from elsewhere could split it in two.
WEBHOOKSIO_DECL bool is_framing_header(std::string_view name) noexcept;
// The headers a webhook sent through the client may not set: the framing
// ones, the credentials but Cookie, and Content-Type (its own member).
WEBHOOKSIO_DECL bool is_reserved_request_header(std::string_view name) noexcept;

}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
#include "impl/http_syntax.ipp"
#endif
