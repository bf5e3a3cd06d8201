// What an endpoint is: a type that carries its method, its route template and
// the ID types that fill the route's placeholders, all known at compile time.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <tuple>

#include "http.hpp"

namespace webhooksio {

// GET, DELETE and HEAD carry their options in the query string; POST and PUT
// in a JSON body.
constexpr bool options_in_query(http_method m) noexcept {
    return m == http_method::get || m == http_method::delete_ || m == http_method::head;
}

// An option's name and what the API docs say of it (for help texts).
struct option_doc {
    std::string_view name;
    std::string_view description;
};

namespace detail {

// A string literal usable as a template argument.
template <std::size_t N>
struct fixed_string {
    char chars[N]{};
    constexpr fixed_string(const char (&s)[N]) {
        for (std::size_t i = 0; i < N; ++i) chars[i] = s[i];
    }
    constexpr std::string_view view() const { return {chars, N - 1}; }
};

// A route split at its placeholders, for routes with at most N of them: the
// literal runs around the placeholders ({"/v1/accounts/", "/buckets"} for
// "/v1/accounts/:account_id/buckets"), their names, and how many it has.
template <std::size_t N>
struct route_parts {
    std::array<std::string_view, N + 1> literal_runs{};
    std::array<std::string_view, N> names{};
    std::size_t count = 0;
};

// The one scanner of routes: the endpoint table checks its IDs with it, the
// request pipeline expands routes from its literal runs, the emulator routes
// by them. One pass over the characters, without string_view::find (see
// tests/benchmarks/compile_time: the compiler runs this for every endpoint).
template <std::size_t N>
constexpr route_parts<N> split_route(std::string_view route) {
    route_parts<N> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i < route.size(); ++i) {
        if (route[i] != ':') continue;
        std::size_t end = i + 1;
        while (end < route.size() && route[end] != '/') ++end;
        if (parts.count < N) {
            parts.literal_runs[parts.count] = route.substr(start, i - start);
            parts.names[parts.count] = route.substr(i + 1, end - i - 1);
        }
        ++parts.count;
        start = i = end;
    }
    if (parts.count <= N) parts.literal_runs[parts.count] = route.substr(start);
    return parts;
}

// Whether the route's placeholders are the IDs' names, in order.
template <class... Ids>
constexpr bool route_matches(std::string_view route) {
    constexpr std::array<std::string_view, sizeof...(Ids)> names{Ids::placeholder...};
    const auto parts = split_route<sizeof...(Ids)>(route);
    return parts.count == names.size() && parts.names == names;
}

}  // namespace detail

namespace api {
// Groups of options of which a call needs at least one ("a|b"), beside its
// required<T> members; empty for most endpoints.
template <class E>
inline constexpr std::array<std::string_view, 0> required_any_of{};
}  // namespace api

namespace detail {

// What every endpoint descriptor holds beside its texts: its method and the
// ID types of its route's placeholders, in order.
template <http_method Method, class... Ids>
struct endpoint_base {
    static constexpr http_method method = Method;
    using params = std::tuple<Ids...>;
};

// The one message for a route whose placeholders are not its IDs.
#define WEBHOOKSIO_DETAIL_ROUTE_MISMATCH \
    "webhooksio: an endpoint's ID types must match the :placeholders of its route in number, name and order"

}  // namespace detail

// The base of an endpoint of your own: its seed name, method, route and ID
// types in one line. The derived struct adds its C++ `name`, its `options`
// struct (described with Boost.Describe) and their `option_docs`, as the
// table's endpoints have them (detail/define_endpoint.hpp). Those write the
// same members as plain constants over endpoint_base: string template
// arguments made about a sixth of the table's compile time, in every file.
template <detail::fixed_string SeedName, bool InSeed, http_method Method, detail::fixed_string Route, class... Ids>
struct endpoint : detail::endpoint_base<Method, Ids...> {
    static constexpr std::string_view seed_name = SeedName.view();
    static constexpr bool in_seed = InSeed;  // one of the Node.js client's calls
    static constexpr std::string_view route = Route.view();

    static_assert(detail::route_matches<Ids...>(route), WEBHOOKSIO_DETAIL_ROUTE_MISMATCH);
};

}  // namespace webhooksio
