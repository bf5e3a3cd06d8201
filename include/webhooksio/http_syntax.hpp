// What RFC 9110 lets a header line hold: the checks that keep text from
// ending a header early and starting another, shared by the client, the
// emulator and its recipe engine.
#pragma once

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

// Whether two header names are the same name: ASCII letters compare without
// case (RFC 9110 5.1), every other byte as it is.
WEBHOOKSIO_DECL bool same_header_name(std::string_view a, std::string_view b) noexcept;

}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
#include "impl/http_syntax.ipp"
#endif
