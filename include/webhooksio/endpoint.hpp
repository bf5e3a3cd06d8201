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
    // A plain loop: std::copy_n costs the compiler more to evaluate.
    constexpr fixed_string(const char (&s)[N]) {
        for (std::size_t i = 0; i < N; ++i) chars[i] = s[i];
    }
    constexpr std::string_view view() const { return {chars, N - 1}; }
};

// The name of the i-th `:placeholder` of a route ("" when there is none).
constexpr std::string_view placeholder_at(std::string_view route, std::size_t i) {
    std::size_t seen = 0;
    for (std::size_t pos = 0; pos < route.size(); ++pos) {
        if (route[pos] != ':') continue;
        std::size_t end = route.find('/', pos);
        if (end == std::string_view::npos) end = route.size();
        if (seen++ == i) return route.substr(pos + 1, end - pos - 1);
        pos = end;
    }
    return {};
}

constexpr std::size_t placeholder_count(std::string_view route) {
    std::size_t n = 0;
    while (!placeholder_at(route, n).empty()) ++n;
    return n;
}

// A route split at its placeholders, for routes with at most N of them: the
// literal runs around the placeholders ({"/v1/accounts/", "/buckets"} for
// "/v1/accounts/:account_id/buckets"), their names, and how many it has.
template <std::size_t N>
struct route_parts {
    std::array<std::string_view, N + 1> literal_runs{};
    std::array<std::string_view, N> names{};
    std::size_t count = 0;
};

// One pass over the characters, without string_view::find (slow to evaluate
// at compile time): the compiler runs this for every endpoint of the table.
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
// The table's strings are sv literals: their length comes with them, where a
// plain literal would make the compiler count the characters of every name,
// summary and option description at compile time.
using namespace std::string_view_literals;
}  // namespace api

// The base of every endpoint descriptor in namespace webhooksio::api. The
// derived struct adds its C++ `name`, its `summary` and its `options` struct.
template <detail::fixed_string SeedName, http_method Method, detail::fixed_string Route, class... Ids>
struct endpoint {
    static constexpr std::string_view seed_name = SeedName.view();
    static constexpr http_method method = Method;
    static constexpr std::string_view route = Route.view();
    static constexpr bool in_seed = true;
    using params = std::tuple<Ids...>;

    static_assert(detail::route_matches<Ids...>(Route.view()),
                  "webhooksio: an endpoint's ID types must match the :placeholders of its route "
                  "in number, name and order");
};

}  // namespace webhooksio
