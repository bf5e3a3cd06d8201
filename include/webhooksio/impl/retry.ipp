// Definitions for detail/retry.hpp.
#pragma once

#include <algorithm>
#include <charconv>
#include <random>
#include <thread>

namespace webhooksio::detail {

WEBHOOKSIO_DECL std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                                          std::chrono::system_clock::time_point now) {
    using namespace std::chrono;
    auto number = [&](std::string_view text, auto& out) {
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
        return ec == std::errc{} && end == text.data() + text.size();
    };
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);

    // Capped at ~31 years, so that no computation below can overflow.
    constexpr long long longest = 1'000'000'000;
    if (long long s = 0; number(value, s)) {
        if (s < 0) return std::nullopt;
        return milliseconds(std::min(s, longest) * 1000);
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
    // In seconds: system_clock's nanoseconds end in 2262.
    const sys_seconds at = sys_days(date) + hours(hour) + minutes(minute) + seconds(second);
    const sys_seconds from = floor<seconds>(now);
    return at > from ? milliseconds(std::min<long long>((at - from).count(), longest) * 1000) : milliseconds(0);
}

WEBHOOKSIO_DECL bool retryable(http_method method, const result<http_response>& outcome) {
    if (!outcome) {
        switch (outcome.error().diagnostics().failure) {
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

WEBHOOKSIO_DECL retry_policy::retry_policy(const client_options& options)
    : max_retries_(std::max(0, options.max_retries)),
      initial_delay_(options.retry_initial_delay),
      max_delay_(options.retry_max_delay),
      retry_after_limit_(options.retry_after_limit),
      total_timeout_(options.total_timeout),
      sleep_(options.sleep),
      hooks_(options.hooks) {}

WEBHOOKSIO_DECL std::chrono::milliseconds retry_policy::backoff(int retry, const result<http_response>& outcome) const {
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

WEBHOOKSIO_DECL void retry_policy::before_attempt(const call_spec& call, int attempt) const {
    if (hooks_.before_request) hooks_.before_request({call.endpoint, call.method, call.route, attempt});
}

WEBHOOKSIO_DECL std::optional<std::chrono::milliseconds> retry_policy::after_attempt(
    const call_spec& call, int attempt, const result<http_response>& outcome, std::chrono::nanoseconds elapsed,
    std::string_view api_key, std::chrono::steady_clock::time_point deadline) const {
    auto wait = attempt <= max_retries_ && retryable(call.method, outcome) ? std::optional(backoff(attempt, outcome))
                                                                           : std::nullopt;
    // A wait that would end past the call's deadline is not made.
    if (wait && std::chrono::steady_clock::now() + *wait >= deadline) wait.reset();
    if (hooks_.after_response) {
        const std::string message = outcome ? std::string() : redacted(outcome.error().what(), api_key);
        hooks_.after_response({{call.endpoint, call.method, call.route, attempt}, outcome ? outcome->status : 0,
                               outcome.error().code(), outcome.error().diagnostics().failure, message, elapsed,
                               wait});
    }
    return wait;
}

WEBHOOKSIO_DECL result<http_response> retry_policy::run(const call_spec& call, http_request& request,
                                                        std::string_view api_key, transport_ref transport) const {
    if (total_timeout_.count() > 0) request.deadline = std::chrono::steady_clock::now() + total_timeout_;
    int attempt = 1;
    std::chrono::nanoseconds elapsed{0};
    auto send = [&] {
        before_attempt(call, attempt);
        // The clock is read only for a hook that will see the time.
        const bool timed = times_attempts();
        const auto start = timed ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point();
        result<http_response> sent = transport.send(request);
        if (timed) elapsed = std::chrono::steady_clock::now() - start;
        return sent;
    };
    // One variable for every attempt's outcome: the last one is returned
    // without a move (a retry's is move-assigned to it).
    result<http_response> outcome = send();
    while (const auto wait = after_attempt(call, attempt, outcome, elapsed, api_key, request.deadline)) {
        if (sleep_) sleep_(*wait);
        else std::this_thread::sleep_for(*wait);
        ++attempt;
        outcome = send();
    }
    return outcome;
}

}  // namespace webhooksio::detail
