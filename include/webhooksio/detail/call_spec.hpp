// What one endpoint contributes to a call, as constants: the part of the
// request pipeline (detail/request.hpp) that reflection.hpp shares without
// the pipeline itself.
#pragma once

#include <array>
#include <span>
#include <string_view>
#include <tuple>

#include "../endpoint.hpp"
#include "../options.hpp"

namespace webhooksio::detail {

// What one endpoint contributes to a call: constants, made once per
// endpoint at compile time (spec_of below).
struct call_spec {
    std::string_view endpoint;  // the C++ name, for messages
    http_method method;
    std::string_view route;
    std::span<const std::string_view> placeholders;
    std::span<const std::string_view> literal_runs;  // the route around its placeholders
    std::span<const std::string_view> required;      // "a" or "a|b" (one of)
    std::span<const option_info> options;            // the typed options, for the kinds of free-form ones
};

template <class Params>
struct placeholders_of;
template <class... Ids>
struct placeholders_of<std::tuple<Ids...>> {
    static constexpr std::array<std::string_view, sizeof...(Ids)> value{Ids::placeholder...};
};

template <class E>
inline constexpr auto literal_runs_of = split_route<std::tuple_size_v<typename E::params>>(E::route).literal_runs;

template <class E>
inline constexpr auto required_options_of = required_options<E>();

// The spec of endpoint E, a constant the pipeline gets by reference.
template <class E>
inline constexpr call_spec spec_of{E::name, E::method, E::route, placeholders_of<typename E::params>::value,
                                   literal_runs_of<E>, required_options_of<E>, option_infos_of<E>};

}  // namespace webhooksio::detail
