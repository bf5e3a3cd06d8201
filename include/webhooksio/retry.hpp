// Retries: which failed attempts are tried again and how long to wait
// before (the loop that applies it is internal: detail/retry.hpp).
//
//   - A connection that could not be made (nothing was sent) is retried for
//     every method.
//   - 429, 502, 503 and 504, resets, timeouts and other I/O failures after the
//     request went out are retried for GET, PUT, DELETE and HEAD only: a POST
//     the server may have received is never sent again.
//   - The n-th retry waits a random time between half and all of
//     min(retry_initial_delay * 2^(n-1), retry_max_delay), or what the
//     server's Retry-After says, up to retry_after_limit.
//   - total_timeout bounds the whole: each attempt gives up at its end, and
//     a wait that would end after it is not made (the call fails with the
//     last attempt's error).
#pragma once

#include "http.hpp"

namespace webhooksio {

// Whether the server may see a request twice without harm.
constexpr bool is_idempotent(http_method m) noexcept { return m != http_method::post; }

}  // namespace webhooksio
