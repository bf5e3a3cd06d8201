// The whole endpoint table: every call of the Webhooks.io API as a type in
// namespace webhooksio::api, one header per area of the API.
#pragma once

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

// X(name, number of IDs) for every endpoint: the client's named methods and
// the list below are made from it.
#define WEBHOOKSIO_API_ENDPOINTS(X)                                                                            \
    WEBHOOKSIO_API_ACCOUNTS(X) WEBHOOKSIO_API_APPLICATIONS(X) WEBHOOKSIO_API_BUCKETS(X) WEBHOOKSIO_API_INPUTS(X) \
    WEBHOOKSIO_API_DESTINATIONS(X) WEBHOOKSIO_API_RECIPES(X) WEBHOOKSIO_API_PROVIDERS(X)                       \
    WEBHOOKSIO_API_REPORTING(X) WEBHOOKSIO_API_MESSAGES(X) WEBHOOKSIO_API_USERS(X) WEBHOOKSIO_API_UTILS(X)     \
    WEBHOOKSIO_API_BILLING(X) WEBHOOKSIO_API_GATEWAY(X) WEBHOOKSIO_API_CERTIFICATES(X)

namespace webhooksio::api {

#define WEBHOOKSIO_LIST_ENTRY(name, ids) , name
// Every endpoint type, for code that walks the table (tests, tools, servers).
using endpoints = boost::mp11::mp_pop_front<boost::mp11::mp_list<void WEBHOOKSIO_API_ENDPOINTS(WEBHOOKSIO_LIST_ENTRY)>>;
#undef WEBHOOKSIO_LIST_ENTRY

// Calls `f` with a default-constructed tag of every endpoint: f(std::type_identity<E>{}).
template <class F>
void for_each_endpoint(F&& f) {
    boost::mp11::mp_for_each<boost::mp11::mp_transform<std::type_identity, endpoints>>(f);
}

}  // namespace webhooksio::api
