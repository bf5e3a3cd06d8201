// The blocking client's named methods, written once for every endpoint of the
// table (WEBHOOKSIO_API_ENDPOINTS): create_bucket(account_id, options) and the
// rest. Each endpoint E gets a base class with one method, E(ids..., options),
// a single non-template function, so that a wrong argument is reported
// against its parameter: the compiler names the ID it expected, or the field
// of a misspelt designated initializer.
#pragma once

#include <array>
#include <span>
#include <string_view>
#include <tuple>

#include "../api.hpp"
#include "../config.hpp"

namespace webhooksio::detail {

// How a named method reaches its client's private `run`: a client befriends
// this one class rather than a base per endpoint.
struct named_access {
    template <class E, class Client, std::size_t N>
    static auto run(Client& client, const std::array<std::string_view, N>& ids, const typename E::options& options) {
        return client.template run<E>(std::span<const std::string_view>(ids), options);
    }
};

// What the named methods of Client return; each client says (client.hpp).
// Declared apart from the client, which is not yet complete when its bases,
// and so their methods' declarations, are made.
template <class Client>
struct named_result;

// E_method<Client> holds E(ids..., options = {}): the IDs E's route takes, in
// order, as their own types. Defined outside the class, so not inline: with
// WEBHOOKSIO_SEPARATE_COMPILATION a user's file can leave the default client's
// methods to the program's src.hpp file (extern template, client.hpp).
#define WEBHOOKSIO_DETAIL_NAMED_METHOD(E)                                                                      \
    template <class Client, class Ids = ::webhooksio::api::E::params>                                          \
    struct E##_method;                                                                                         \
    template <class Client, class... Ids>                                                                      \
    struct E##_method<Client, std::tuple<Ids...>> {                                                            \
        WEBHOOKSIO_NOINLINE typename named_result<Client>::type E(                                             \
            const Ids&... ids, const ::webhooksio::api::E::options& options = {});                             \
    };                                                                                                         \
    template <class Client, class... Ids>                                                                      \
    typename named_result<Client>::type E##_method<Client, std::tuple<Ids...>>::E(                             \
        const Ids&... ids, const ::webhooksio::api::E::options& options) {                                     \
        return named_access::run<::webhooksio::api::E>(                                                        \
            static_cast<Client&>(*this), std::array<std::string_view, sizeof...(Ids)>{ids.str_view()...},     \
            options);                                                                                          \
    }

WEBHOOKSIO_API_ENDPOINTS(WEBHOOKSIO_DETAIL_NAMED_METHOD)

// Every named method, as the bases of one class.
struct no_more_methods {};
#define WEBHOOKSIO_DETAIL_NAMED_BASE(E) E##_method<Client>,
template <class Client>
struct named_methods : WEBHOOKSIO_API_ENDPOINTS(WEBHOOKSIO_DETAIL_NAMED_BASE) no_more_methods {};

#undef WEBHOOKSIO_DETAIL_NAMED_BASE
#undef WEBHOOKSIO_DETAIL_NAMED_METHOD

}  // namespace webhooksio::detail
