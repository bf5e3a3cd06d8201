// The whole endpoint table: every call of the Webhooks.io API as a type in
// namespace webhooksio::api, one header per area of the API. Each endpoint
// is one WEBHOOKSIO_ENDPOINT in its area's header (detail/define_endpoint.hpp);
// its area's WEBHOOKSIO_API_<AREA> list names it; everything else (the lists
// here, each client's named methods, reflection, the emulator's routes) is
// made from them.
#pragma once

#include <type_traits>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include "api/accounts.hpp"
#include "api/applications.hpp"
#include "api/billing.hpp"
#include "api/buckets.hpp"
#include "api/certificates.hpp"
#include "api/destinations.hpp"
#include "api/gateway.hpp"
#include "api/inputs.hpp"
#include "api/messages.hpp"
#include "api/providers.hpp"
#include "api/recipes.hpp"
#include "api/reporting.hpp"
#include "api/users.hpp"
#include "api/utils.hpp"

// X(endpoint) for every endpoint, area by area, in the order of
// api::endpoints: how each client writes its named methods once.
#define WEBHOOKSIO_API_ENDPOINTS(X)                                                                        \
    WEBHOOKSIO_API_ACCOUNTS(X) WEBHOOKSIO_API_APPLICATIONS(X) WEBHOOKSIO_API_BUCKETS(X) WEBHOOKSIO_API_INPUTS(X) \
    WEBHOOKSIO_API_DESTINATIONS(X) WEBHOOKSIO_API_RECIPES(X) WEBHOOKSIO_API_PROVIDERS(X)                    \
    WEBHOOKSIO_API_REPORTING(X) WEBHOOKSIO_API_MESSAGES(X) WEBHOOKSIO_API_USERS(X) WEBHOOKSIO_API_UTILS(X)   \
    WEBHOOKSIO_API_BILLING(X) WEBHOOKSIO_API_GATEWAY(X) WEBHOOKSIO_API_CERTIFICATES(X)

namespace webhooksio::api {

// Every endpoint type, area by area, for code that walks the table (tests,
// tools, servers).
using endpoints = boost::mp11::mp_append<areas::accounts, areas::applications, areas::buckets, areas::inputs,
                                         areas::destinations, areas::recipes, areas::providers, areas::reporting,
                                         areas::messages, areas::users, areas::utils, areas::billing,
                                         areas::gateway, areas::certificates>;

// Calls `f` with a default-constructed tag of every endpoint: f(std::type_identity<E>{}).
template <class F>
void for_each_endpoint(F&& f) {
    boost::mp11::mp_for_each<boost::mp11::mp_transform<std::type_identity, endpoints>>(f);
}

}  // namespace webhooksio::api
