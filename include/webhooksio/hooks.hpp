// Hooks: optional callbacks around every attempt of a call, for logging and
// metrics. A hook sees the endpoint, never the API key: the route is the
// template (no IDs, no query) and any message has the key redacted.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string_view>

#include <boost/system/error_code.hpp>

#include "error.hpp"
#include "http.hpp"

namespace webhooksio {

// One attempt of a call, as the hooks see it.
struct attempt_info {
    std::string_view endpoint{};  // the C++ name, e.g. "get_bucket"
    http_method method{};
    std::string_view route{};     // the template, e.g. "/v1/accounts/:account_id/buckets/:bucket_id"
    int attempt = 1;            // 1 for the first try, 2 for the first retry, ...
};

// How an attempt ended.
struct attempt_outcome {
    attempt_info call{};
    int status = 0;                                    // the HTTP status, 0 when no response came
    boost::system::error_code code{};                  // the transport's code when no response came
    transport_failure failure = transport_failure::none;  // what failed when no response came
    std::string_view message{};                        // the transport's words (key redacted), or ""
    std::chrono::nanoseconds elapsed{};                // this attempt alone, not its backoff
    std::optional<std::chrono::milliseconds> retry_in{};  // set when another attempt follows after this wait
};

struct call_hooks {
    // Called before each attempt is sent.
    std::function<void(const attempt_info&)> before_request{};
    // Called after each attempt, with its response status or its failure.
    std::function<void(const attempt_outcome&)> after_response{};
};

}  // namespace webhooksio
