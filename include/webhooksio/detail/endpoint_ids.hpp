// What the clients' generic calls share, synchronous or asynchronous: the
// endpoint concept, and the IDs of a call as the strings its route takes.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <utility>

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
