// The API key is a secret: the library takes it out of every message and
// error body it makes, and tools that print messages of their own (the
// command-line tool's about its arguments, say) do the same with this.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include <boost/json/fwd.hpp>

#include "config.hpp"
// Needed by the definitions only, but included here, outside their block,
// so that the single header declares it whichever file includes it first.
#include "detail/url.hpp"

namespace webhooksio {

namespace detail {

// The key is a secret: it must never reach a message, a log or a hook. A
// key shorter than this is no secret the API hands out, and redacting it in
// text would mangle messages ("KEY" in "KEYS").
inline constexpr std::size_t min_secret_length = 12;
WEBHOOKSIO_DECL void redact(std::string& text, std::string_view secret);
// `text` with the key taken out, as it is and percent-encoded.
WEBHOOKSIO_DECL std::string redacted(std::string text, std::string_view secret);
// The same for a parsed JSON document: a server may send the key back
// JSON-escaped ("\u002B"), which only shows once parsed. True when it took
// something out.
WEBHOOKSIO_DECL bool redact_json(boost::json::value& v, std::string_view secret);

}  // namespace detail

// `text` with `secret`, as it is and percent-encoded, replaced by "[redacted]".
inline std::string redacted(std::string text, std::string_view secret) {
    return detail::redacted(std::move(text), secret);
}

}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
#include "impl/redaction.ipp"
#endif
