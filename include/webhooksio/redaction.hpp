// The API key is a secret: the library takes it out of every message and
// error body it makes, and tools that print messages of their own (the
// command-line tool's about its arguments, say) do the same with this.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "detail/request.hpp"

namespace webhooksio {

// `text` with `secret`, as it is and percent-encoded, replaced by "[redacted]".
inline std::string redacted(std::string text, std::string_view secret) {
    return detail::redacted(std::move(text), secret);
}

}  // namespace webhooksio
