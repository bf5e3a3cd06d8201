// The Utils endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../detail/define_endpoint.hpp"

namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(utils, health_check, seed("healthCheck"), get, "/v1/health", (),
    "System health check")

WEBHOOKSIO_ENDPOINT(utils, get_plans, seed("getPlans"), get, "/v1/plans", (),
    "Returns all the possible public plans.")

WEBHOOKSIO_ENDPOINT(utils, get_plan, seed("getPlan"), get, "/v1/plans/:plan_id", (plan_id),
    "Returns the details of a specific plan.")

WEBHOOKSIO_ENDPOINT(utils, get_timezones, seed("getTimezones"), get, "/v1/util/timezones", (),
    "Returns all valid timezones.")

WEBHOOKSIO_ENDPOINT(utils, get_retry_policies, seed("getRetryPolicies"), get, "/v1/retry_policies", (),
    "Returns the possible retry policies along with the system default policy.")

WEBHOOKSIO_ENDPOINT(utils, get_retry_policy, seed("getRetryPolicy"), get, "/v1/retry_policies/:policy_id", (policy_id),
    "Returns the details of a specific retry policy.")

// The area's endpoints, in the order above: WEBHOOKSIO_API_UTILS(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_UTILS(X) \
    X(health_check)             \
    X(get_plans)                \
    X(get_plan)                 \
    X(get_timezones)            \
    X(get_retry_policies)       \
    X(get_retry_policy)

namespace areas {
using utils = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_UTILS);
}  // namespace areas

}  // namespace webhooksio::api
