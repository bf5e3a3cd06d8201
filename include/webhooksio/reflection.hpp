// The endpoint table at run time: every endpoint's name, summary, method,
// route, ID names and options, as plain data, for code that picks an
// endpoint by name (a command-line tool, a server, a test generator):
//
//     for (const reflection::endpoint_info& e : reflection::endpoints())
//         std::cout << e.name << ": " << to_string(e.method) << ' ' << e.route << '\n';
//     const reflection::endpoint_info* found = reflection::find_endpoint("get_bucket");
//     api.call(*found, std::vector<std::string>{"AC1", "BU1"}, {{"expand", true}});
//
// Everything here is made at compile time from the types of
// webhooksio::api, and only for a program that uses it: endpoints() and
// find_endpoint() are templates so that a file that never calls them doesn't
// compile the table's data.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/mp11/list.hpp>

#include "api.hpp"
#include "config.hpp"
#include "detail/call_spec.hpp"
#include "endpoint.hpp"
#include "error.hpp"
#include "options.hpp"
#include "result.hpp"

namespace webhooksio::reflection {

using webhooksio::option_info;
using webhooksio::option_kind;

// One endpoint of the table.
struct endpoint_info {
    std::string_view name;       // the C++ name: "get_bucket"
    std::string_view seed_name;  // the Node.js client's (or the API docs') name: "getBucket"
    std::string_view summary;
    http_method method;
    std::string_view route;  // "/v1/accounts/:account_id/buckets/:bucket_id"
    bool in_seed;            // one of the Node.js client's 77 calls
    std::span<const std::string_view> ids;           // the route's placeholder names, in order
    std::span<const std::string_view> literal_runs;  // the route's text around them: one more than ids
    std::span<const option_info> options;            // the options struct's members, in order
    std::span<const std::string_view> required;      // required options: "a", or "a|b" for one of a and b

    // Whether a call needs the API key: every route under /v1/accounts does;
    // the others (sign-up, login, health, plans, the request gateway) are public.
    constexpr bool needs_api_key() const noexcept { return route.starts_with("/v1/accounts"); }
};

}  // namespace webhooksio::reflection

namespace webhooksio::detail {

template <class E>
inline constexpr reflection::endpoint_info endpoint_info_of{
    E::name,          E::seed_name, E::summary, E::method, E::route, E::in_seed,
    placeholders_of<typename E::params>::value, literal_runs_of<E>, option_infos_of<E>, required_options_of<E>};

template <class... E>
constexpr std::array<reflection::endpoint_info, sizeof...(E)> endpoint_infos(boost::mp11::mp_list<E...>) {
    return {endpoint_info_of<E>...};
}

// What the request pipeline needs of an endpoint found at run time, or a
// usage error when `ids` IDs are not the number its route takes.
WEBHOOKSIO_DECL result<call_spec> spec_for(const reflection::endpoint_info& endpoint, std::size_t ids);

}  // namespace webhooksio::detail

namespace webhooksio::reflection {

// The endpoint type E's entry.
template <class E>
const endpoint_info& info_of() noexcept {
    return detail::endpoint_info_of<E>;
}

// Every endpoint, in the order of api::endpoints. (Table is a template
// parameter only so that nothing is compiled for a program that never calls it.)
template <class Table = api::endpoints>
std::span<const endpoint_info> endpoints() noexcept {
    static constexpr auto all = detail::endpoint_infos(Table{});
    return all;
}

// The endpoint with this C++ name, or nullptr.
template <class Table = api::endpoints>
const endpoint_info* find_endpoint(std::string_view name) noexcept {
    for (const endpoint_info& e : endpoints<Table>())
        if (e.name == name) return &e;
    return nullptr;
}

// The entries of endpoint.required that `options` leaves out (an option set
// to null counts as left out), as the client checks before it sends a call.
WEBHOOKSIO_DECL std::vector<std::string_view> missing_options(const endpoint_info& endpoint,
                                                              const boost::json::object& options);

// Puts option `option`, given as text, into `options` as a typed call would
// send it: "true"/"false" for a flag, digits for a number, "a,b" for a list,
// JSON text for a JSON document, anything for text. False, and `options`
// unchanged, when the text is not a value of the option's kind.
WEBHOOKSIO_DECL bool put_option(boost::json::object& options, const option_info& option, std::string_view text);

}  // namespace webhooksio::reflection

#if WEBHOOKSIO_DEFINITIONS
#include "impl/reflection.ipp"
#endif
