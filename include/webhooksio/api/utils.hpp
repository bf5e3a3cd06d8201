// The Utils endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// System health check
struct health_check : endpoint<"healthCheck", http_method::get, "/v1/health"> {
    static constexpr std::string_view name = "health_check"sv;
    static constexpr std::string_view summary = "System health check"sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(health_check::options, (), ())

// Returns all the possible public plans.
struct get_plans : endpoint<"getPlans", http_method::get, "/v1/plans"> {
    static constexpr std::string_view name = "get_plans"sv;
    static constexpr std::string_view summary = "Returns all the possible public plans."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_plans::options, (), ())

// Returns the details of a specific plan.
struct get_plan : endpoint<"getPlan", http_method::get, "/v1/plans/:plan_id", plan_id> {
    static constexpr std::string_view name = "get_plan"sv;
    static constexpr std::string_view summary = "Returns the details of a specific plan."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_plan::options, (), ())

// Returns all valid timezones.
struct get_timezones : endpoint<"getTimezones", http_method::get, "/v1/util/timezones"> {
    static constexpr std::string_view name = "get_timezones"sv;
    static constexpr std::string_view summary = "Returns all valid timezones."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_timezones::options, (), ())

// Returns the possible retry policies along with the system default policy.
struct get_retry_policies : endpoint<"getRetryPolicies", http_method::get, "/v1/retry_policies"> {
    static constexpr std::string_view name = "get_retry_policies"sv;
    static constexpr std::string_view summary = "Returns the possible retry policies along with the system default policy."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_retry_policies::options, (), ())

// Returns the details of a specific retry policy.
struct get_retry_policy : endpoint<"getRetryPolicy", http_method::get, "/v1/retry_policies/:policy_id", policy_id> {
    static constexpr std::string_view name = "get_retry_policy"sv;
    static constexpr std::string_view summary = "Returns the details of a specific retry policy."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_retry_policy::options, (), ())

}  // namespace webhooksio::api

// The Utils calls with their number of IDs, for the client's named methods.
#define WEBHOOKSIO_API_UTILS(X) \
    X(health_check, 0) \
    X(get_plans, 0) \
    X(get_plan, 1) \
    X(get_timezones, 0) \
    X(get_retry_policies, 0) \
    X(get_retry_policy, 1)
