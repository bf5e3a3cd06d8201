// The checks on settings that steer the wire (settings.hpp).
#include "settings.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "outbound.hpp"
#include "service.hpp"

namespace webhooksio::emulation {

namespace {

api_error bad(std::string_view field, std::string why) {
    return {400, std::string(field) + ' ' + why, {{"field", field}}};
}

// A whole number given as a JSON number or as digits; nothing for anything else.
std::optional<long long> whole_number(const boost::json::value& v) {
    if (v.is_int64()) return v.get_int64();
    if (v.is_uint64()) return v.get_uint64() > 1'000'000'000'000ull ? std::nullopt : std::optional<long long>(v.get_uint64());
    if (v.is_string()) {
        const std::string_view digits = v.get_string();
        long long out = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
        if (ec == std::errc() && end == digits.data() + digits.size()) return out;
    }
    return std::nullopt;
}

void check_range(const boost::json::object& options, std::string_view field, long long low, long long high) {
    const boost::json::value* v = options.if_contains(field);
    if (!v || v->is_null()) return;
    const std::optional<long long> n = whole_number(*v);
    if (!n || *n < low || *n > high)
        throw bad(field, "must be a whole number from " + std::to_string(low) + " to " + std::to_string(high));
}

// The text of a string setting, "" when absent.
std::string_view text_of(const boost::json::object& options, std::string_view field) {
    const boost::json::value* v = options.if_contains(field);
    if (!v || v->is_null()) return {};
    if (!v->is_string()) throw bad(field, "must be a string");
    return v->get_string();
}

void check_header(std::string_view field, std::string_view name, std::string_view value) {
    if (auto reason = unsafe_header_reason(name, value)) throw bad(field, "would put " + *reason + " on the wire");
}

}  // namespace

void check_settings(const boost::json::object& options) {
    if (const std::string_view prefix = text_of(options, "header_prefix"); !prefix.empty())
        check_header("header_prefix", std::string(prefix) + "-Event", "");
    if (const std::string_view method = text_of(options, "message_method"); !method.empty() && !is_http_method(method))
        throw bad("message_method", "must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS");
    for (const std::string& name : list_of(options, "headers_to_include")) check_header("headers_to_include", name, "");
    check_header("response_content_type", "Content-Type", text_of(options, "response_content_type"));
    check_range(options, "response_code", 100, 599);
    check_range(options, "retry_count", 0, max_retry_count);
    check_range(options, "retry_interval", 0, max_retry_interval);
}

long long retry_delay(long long interval, int attempt, bool exponential) {
    long long delay = std::clamp<long long>(interval, 0, max_retry_delay);
    // Doubling stops at the cap, so it never overflows.
    for (int i = 1; exponential && i < attempt && delay < max_retry_delay; ++i) delay = std::min(delay * 2, max_retry_delay);
    return delay;
}

}  // namespace webhooksio::emulation
