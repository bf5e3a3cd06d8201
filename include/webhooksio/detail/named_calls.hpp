// What the clients' call methods share, synchronous or asynchronous: the IDs
// of a generic call as route strings, the endpoint concept, and the macros
// that spell one named method per endpoint of the table
// (WEBHOOKSIO_API_ENDPOINTS): its IDs as parameters id0, id1, ...
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <utility>

#include <boost/preprocessor/punctuation/comma_if.hpp>
#include <boost/preprocessor/repetition/repeat.hpp>

namespace webhooksio::detail {

// The IDs of a generic call as the strings the route takes, in order.
template <class... Ids>
std::array<std::string_view, sizeof...(Ids)> id_views(const std::tuple<Ids...>& ids) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<std::string_view, sizeof...(Ids)>{std::get<I>(ids).str_view()...};
    }(std::index_sequence_for<Ids...>{});
}

template <class E>
concept endpoint_type = requires {
    typename E::params;
    typename E::options;
    E::name;
    E::route;
    E::method;
};

}  // namespace webhooksio::detail

// Endpoint E's i-th ID as parameter id<i>, and the IDs of such a method as
// the strings its route takes.
#define WEBHOOKSIO_ID_PARAM(z, i, E) const std::tuple_element_t<i, api::E::params>& id##i,
#define WEBHOOKSIO_ID_VIEW(z, i, unused) BOOST_PP_COMMA_IF(i) id##i.str_view()
#define WEBHOOKSIO_ID_VIEWS(ids) std::array<std::string_view, ids>{BOOST_PP_REPEAT(ids, WEBHOOKSIO_ID_VIEW, _)}
