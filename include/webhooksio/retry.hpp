// Retries: which failed attempts are tried again, how long to wait before,
// and the loop around a transport that does it. Ordinary functions: every
// endpoint shares them.
//
//   - A connection that could not be made (nothing was sent) is retried for
//     every method.
//   - 429, 502, 503 and 504, resets, timeouts and other I/O failures after the
//     request went out are retried for GET, PUT, DELETE and HEAD only: a POST
//     the server may have received is never sent again.
//   - The n-th retry waits a random time between half and all of
//     min(retry_initial_delay * 2^(n-1), retry_max_delay), or what the
//     server's Retry-After says, up to retry_after_limit.
#pragma once

#include <algorithm>
#include <charconv>
#include <chrono>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include "client_options.hpp"
#include "detail/function_ref.hpp"
#include "detail/request.hpp"
#include "endpoint.hpp"
#include "error.hpp"
#include "hooks.hpp"
#include "transport.hpp"

namespace webhooksio {

// Whether the server may see a request twice without harm.
constexpr bool is_idempotent(http_method m) noexcept { return m != http_method::post; }

namespace detail {

// "120" (seconds) or an IMF-fixdate such as "Fri, 27 Nov 2026 12:00:00 GMT",
// as a wait from `now`; nullopt when it is neither.
inline std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                                 std::chrono::system_clock::time_point now) {
    using namespace std::chrono;
    auto number = [&](std::string_view text, auto& out) {
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
        return ec == std::errc{} && end == text.data() + text.size();
    };
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);

    if (long long s = 0; number(value, s)) {
        if (s < 0) return std::nullopt;
        return milliseconds(std::min<long long>(s, 1'000'000'000) * 1000);
    }
    // "Fri, 27 Nov 2026 12:00:00 GMT": fixed widths after the comma.
    auto comma = value.find(", ");
    if (comma == std::string_view::npos) return std::nullopt;
    std::string_view d = value.substr(comma + 2);
    if (d.size() != 24 || d[2] != ' ' || d[6] != ' ' || d[11] != ' ' || d[14] != ':' || d[17] != ':' ||
        d.substr(20) != " GMT")
        return std::nullopt;
    constexpr std::string_view months = "JanFebMarAprMayJunJulAugSepOctNovDec";
    auto month = months.find(d.substr(3, 3));
    unsigned day = 0, hour = 0, minute = 0, second = 0;
    int year = 0;
    if (month == std::string_view::npos || month % 3 != 0 || !number(d.substr(0, 2), day) ||
        !number(d.substr(7, 4), year) || !number(d.substr(12, 2), hour) || !number(d.substr(15, 2), minute) ||
        !number(d.substr(18, 2), second) || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    const year_month_day date{std::chrono::year(year), std::chrono::month(unsigned(month / 3 + 1)), std::chrono::day(day)};
    if (!date.ok()) return std::nullopt;
    const auto at = sys_days(date) + hours(hour) + minutes(minute) + seconds(second);
    return at > now ? duration_cast<milliseconds>(at - now) : milliseconds(0);
}

// Whether the outcome of an attempt with `method` may be tried again.
inline bool retryable(http_method method, const result<http_response>& outcome) {
    if (!outcome) {
        switch (outcome.error().failure()) {
            case transport_failure::connect: return true;  // nothing was sent
            case transport_failure::timeout:
            case transport_failure::read:
            case transport_failure::write: return is_idempotent(method);
            default: return false;  // TLS, refused body, ...: trying again won't help
        }
    }
    const int status = outcome->status;
    return (status == 429 || status == 502 || status == 503 || status == 504) && is_idempotent(method);
}

// The retry part of client_options, and the loop that applies it.
class retry_policy {
public:
    explicit retry_policy(const client_options& options)
        : max_retries_(std::max(0, options.max_retries)),
          initial_delay_(options.retry_initial_delay),
          max_delay_(options.retry_max_delay),
          retry_after_limit_(options.retry_after_limit),
          sleep_(options.sleep),
          hooks_(options.hooks) {}

    // The wait before retry number `retry` (1 for the first).
    std::chrono::milliseconds backoff(int retry, const result<http_response>& outcome) const {
        if (outcome) {
            if (auto after = parse_retry_after(find_header(outcome->headers, "Retry-After"),
                                               std::chrono::system_clock::now()))
                return std::min(*after, retry_after_limit_);
        }
        auto delay = initial_delay_;
        for (int i = 1; i < retry && delay < max_delay_; ++i) delay *= 2;
        delay = std::min(delay, max_delay_);
        // Jitter spreads out the clients that failed together.
        thread_local std::minstd_rand random{std::random_device{}()};
        std::uniform_int_distribution<long long> half_to_all(delay.count() / 2, delay.count());
        return std::chrono::milliseconds(half_to_all(random));
    }

    // Sends `request` through `send` until it succeeds, fails for good or the
    // retries run out; tells the hooks about each attempt.
    result<http_response> run(const call_spec& call, const http_request& request, std::string_view api_key,
                              function_ref<result<http_response>(const http_request&)> send) const {
        for (int attempt = 1;; ++attempt) {
            const attempt_info info{call.endpoint, call.method, call.route, attempt};
            if (hooks_.before_request) hooks_.before_request(info);
            // The clock is read only for a hook that will see the time.
            const bool timed = static_cast<bool>(hooks_.after_response);
            const auto start = timed ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point();
            result<http_response> outcome = send(request);
            const auto elapsed = timed ? std::chrono::steady_clock::now() - start : std::chrono::nanoseconds(0);

            const bool again = attempt <= max_retries_ && retryable(call.method, outcome);
            const auto wait = again ? std::optional(backoff(attempt, outcome)) : std::nullopt;
            if (hooks_.after_response) {
                const std::string message = outcome ? std::string() : redacted(outcome.error().message(), api_key);
                hooks_.after_response({info, outcome ? outcome->status : 0,
                                       outcome ? transport_failure::none : outcome.error().failure(), message,
                                       elapsed, wait});
            }
            if (!again) return outcome;
            if (sleep_) sleep_(*wait);
            else std::this_thread::sleep_for(*wait);
        }
    }

private:
    int max_retries_;
    std::chrono::milliseconds initial_delay_, max_delay_, retry_after_limit_;
    std::function<void(std::chrono::milliseconds)> sleep_;
    call_hooks hooks_;
};

}  // namespace detail
}  // namespace webhooksio
