// The whole endpoint table: every call of the Webhooks.io API as a type in
// namespace webhooksio::api, one header per area of the API. Each endpoint
// is one WEBHOOKSIO_ENDPOINT in its area's header (detail/define_endpoint.hpp);
// everything else (this list, the client's named methods, reflection, the
// emulator's routes) is made from it.
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

namespace webhooksio::detail {

// The named methods of every endpoint for a client: one base per endpoint,
// made by its WEBHOOKSIO_ENDPOINT.
template <class Client, class Endpoints = api::endpoints>
struct named_calls;
template <class Client, class... E>
struct named_calls<Client, boost::mp11::mp_list<E...>> : api::named_call<Client, E>... {};

}  // namespace webhooksio::detail
