// The retry loop of retry.hpp's policy: internal, shared by every endpoint.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "../client_options.hpp"
#include "../config.hpp"
#include "../endpoint.hpp"
#include "../error.hpp"
#include "../hooks.hpp"
#include "../retry.hpp"
#include "../transport.hpp"
#include "request.hpp"

namespace webhooksio::detail {

// "120" (seconds) or an IMF-fixdate such as "Fri, 27 Nov 2026 12:00:00 GMT",
// as a wait from `now`; nullopt when it is neither.
WEBHOOKSIO_DECL std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                                          std::chrono::system_clock::time_point now);

// Whether the outcome of an attempt with `method` may be tried again.
WEBHOOKSIO_DECL bool retryable(http_method method, const result<http_response>& outcome);

// The retry part of client_options, and the loop that applies it.
class retry_policy {
public:
    WEBHOOKSIO_DECL explicit retry_policy(const client_options& options);

    // The wait before retry number `retry` (1 for the first).
    WEBHOOKSIO_DECL std::chrono::milliseconds backoff(int retry, const result<http_response>& outcome) const;

    // One attempt, for a loop of any kind (this one's run(), or a timer-driven
    // asynchronous one): before_attempt() tells the hooks it starts;
    // after_attempt() tells them how it ended and gives the wait before the
    // next attempt, or nullopt when `outcome` is final (also when the wait
    // would end past `deadline`). `elapsed` is only read when times_attempts().
    WEBHOOKSIO_DECL void before_attempt(const call_spec& call, int attempt) const;
    WEBHOOKSIO_DECL std::optional<std::chrono::milliseconds> after_attempt(
        const call_spec& call, int attempt, const result<http_response>& outcome, std::chrono::nanoseconds elapsed,
        std::string_view api_key, std::chrono::steady_clock::time_point deadline) const;
    bool times_attempts() const noexcept { return static_cast<bool>(hooks_.after_response); }

    // Sends `request` through `transport` until it succeeds, fails for good
    // or the retries run out, sleeping between attempts; total_timeout from
    // now is its deadline (set in `request`, which is taken by reference so
    // that a call moves its request nowhere).
    WEBHOOKSIO_DECL result<http_response> run(const call_spec& call, http_request& request,
                                              std::string_view api_key, transport_ref transport) const;

private:
    int max_retries_;
    std::chrono::milliseconds initial_delay_, max_delay_, retry_after_limit_, total_timeout_;
    std::function<void(std::chrono::milliseconds)> sleep_;
    call_hooks hooks_;
};

}  // namespace webhooksio::detail

#if WEBHOOKSIO_DEFINITIONS
#include "../impl/retry.ipp"
#endif
