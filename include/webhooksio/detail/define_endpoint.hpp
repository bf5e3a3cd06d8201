// The one macro that adds an endpoint to the table. One call per endpoint
// declares everything the library knows of it: its descriptor type in
// webhooksio::api and its options struct (members, Boost.Describe list,
// help texts and the list of members the library walks, all from one list),
// and nothing per client. Its area's header lists it in
// WEBHOOKSIO_API_<AREA>(X), from which api::areas::<area> and api::endpoints
// are made (plain lists, the same in every translation unit) and each client
// writes its named methods.
//
//     WEBHOOKSIO_ENDPOINT(buckets, create_bucket, seed("createBucket"), post,
//         "/v1/accounts/:account_id/buckets", (account_id),
//         "Adds a bucket to an account",
//         (required, std::string, name, "Name for the bucket.")
//         (optional, std::string, key, "The key for the bucket."))
//
// The arguments: the area (the list api::areas::<area> that names it), the
// C++ name, seed("name") for one of the Node.js client's calls or
// docs("name") for a route only the API docs name, the HTTP method, the route,
// the ID types of its :placeholders in order (`()` for none), the summary,
// then one (required|optional, C++ type, name, description) per option. An
// option whose value is an ID takes the ID type (webhooksio::bucket_id).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/list.hpp>

#include "../config.hpp"
#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

// ---- The pieces of WEBHOOKSIO_ENDPOINT.

// seed("createBucket") or docs("name"): the endpoint's seed_name and in_seed.
#define WEBHOOKSIO_DETAIL_SOURCE_seed(name) WEBHOOKSIO_DETAIL_SOURCE(name, true)
#define WEBHOOKSIO_DETAIL_SOURCE_docs(name) WEBHOOKSIO_DETAIL_SOURCE(name, false)
#define WEBHOOKSIO_DETAIL_SOURCE(name, seed)                               \
    static constexpr std::string_view seed_name{name, sizeof(name) - 1}; \
    static constexpr bool in_seed = seed;

// `(a, b)` -> `, a, b`; `()` -> nothing.
#define WEBHOOKSIO_DETAIL_LEADING_COMMA(...) __VA_OPT__(, ) __VA_ARGS__
// `(a, b)` -> `a, b`.
#define WEBHOOKSIO_DETAIL_UNPARENTHESIZE(...) __VA_ARGS__

// WEBHOOKSIO_DETAIL_EACH(OP, (a...)(b...)...) gives WEBHOOKSIO_DETAIL_OP(a...)
// WEBHOOKSIO_DETAIL_OP(b...) ... for an option list, which may be empty. Each
// element's macro ends with the name of its twin, which the next element's
// parentheses call (a macro cannot call itself); the `()` appended to the list
// stops the walk. The whole table preprocesses in about 0.04 s this way; with
// BOOST_PP_SEQ_FOR_EACH_I it took 0.8 s in every translation unit.
#define WEBHOOKSIO_DETAIL_EACH(op, list) WEBHOOKSIO_DETAIL_EACH_##op##_A list()

#define WEBHOOKSIO_DETAIL_EACH_TAG_A(...) __VA_OPT__(WEBHOOKSIO_DETAIL_TAG(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_TAG_B)
#define WEBHOOKSIO_DETAIL_EACH_TAG_B(...) __VA_OPT__(WEBHOOKSIO_DETAIL_TAG(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_TAG_A)
#define WEBHOOKSIO_DETAIL_EACH_MEMBER_A(...) __VA_OPT__(WEBHOOKSIO_DETAIL_MEMBER(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_MEMBER_B)
#define WEBHOOKSIO_DETAIL_EACH_MEMBER_B(...) __VA_OPT__(WEBHOOKSIO_DETAIL_MEMBER(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_MEMBER_A)
#define WEBHOOKSIO_DETAIL_EACH_DOC_A(...) __VA_OPT__(WEBHOOKSIO_DETAIL_DOC(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_DOC_B)
#define WEBHOOKSIO_DETAIL_EACH_DOC_B(...) __VA_OPT__(WEBHOOKSIO_DETAIL_DOC(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_DOC_A)
#define WEBHOOKSIO_DETAIL_EACH_COUNT_A(...) __VA_OPT__(+1 WEBHOOKSIO_DETAIL_EACH_COUNT_B)
#define WEBHOOKSIO_DETAIL_EACH_COUNT_B(...) __VA_OPT__(+1 WEBHOOKSIO_DETAIL_EACH_COUNT_A)
// The names, separated by commas: the first one has none before it.
#define WEBHOOKSIO_DETAIL_EACH_NAME_A(...) __VA_OPT__(WEBHOOKSIO_DETAIL_NAME(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_NEXT_NAME_A)
#define WEBHOOKSIO_DETAIL_EACH_NEXT_NAME_A(...) __VA_OPT__(, WEBHOOKSIO_DETAIL_NAME(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_NEXT_NAME_B)
#define WEBHOOKSIO_DETAIL_EACH_NEXT_NAME_B(...) __VA_OPT__(, WEBHOOKSIO_DETAIL_NAME(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_NEXT_NAME_A)
#define WEBHOOKSIO_DETAIL_EACH_POINTER_A(...) __VA_OPT__(WEBHOOKSIO_DETAIL_POINTER(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_POINTER_B)
#define WEBHOOKSIO_DETAIL_EACH_POINTER_B(...) __VA_OPT__(WEBHOOKSIO_DETAIL_POINTER(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_POINTER_A)

#define WEBHOOKSIO_DETAIL_MEMBER(kind, type, name, description) WEBHOOKSIO_DETAIL_MEMBER_##kind(type, name)
#define WEBHOOKSIO_DETAIL_MEMBER_required(type, name) ::webhooksio::required<type, ::webhooksio::api::option::name> name;
#define WEBHOOKSIO_DETAIL_MEMBER_optional(type, name) \
    ::webhooksio::optional<type, ::webhooksio::api::option::name> name{};
// The tag that carries an option's name in its member's type (options.hpp).
#define WEBHOOKSIO_DETAIL_TAG(kind, type, name, description) struct name;
#define WEBHOOKSIO_DETAIL_DOC(kind, type, name, description) \
    ::webhooksio::option_doc{std::string_view(#name, sizeof(#name) - 1), std::string_view(description, sizeof(description) - 1)},
#define WEBHOOKSIO_DETAIL_NAME(kind, type, name, description) name
// Each with the comma before it, which member_pointers' leading `void` takes.
#define WEBHOOKSIO_DETAIL_POINTER(kind, type, name, description) , &options::name

// The table's routes are checked where the library's definitions are
// compiled (a header-only file, src.hpp's file), which every program has,
// not in each user's file of a separately compiled program, where it would
// cost about 3% of the file's compile time. An endpoint of your own is
// checked wherever it is declared (endpoint.hpp).
#if WEBHOOKSIO_DEFINITIONS
#define WEBHOOKSIO_DETAIL_CHECK_ROUTE(ids) \
    static_assert(::webhooksio::detail::route_matches<WEBHOOKSIO_DETAIL_UNPARENTHESIZE ids>(route), \
                  WEBHOOKSIO_DETAIL_ROUTE_MISMATCH);
#else
#define WEBHOOKSIO_DETAIL_CHECK_ROUTE(ids) static_assert(true);
#endif

// An area's list type from its WEBHOOKSIO_API_<AREA> macro.
#define WEBHOOKSIO_DETAIL_AREA(list) boost::mp11::mp_rest<boost::mp11::mp_list<void list(WEBHOOKSIO_DETAIL_AREA_ITEM)>>
#define WEBHOOKSIO_DETAIL_AREA_ITEM(E) , E

#define WEBHOOKSIO_ENDPOINT(...) WEBHOOKSIO_DETAIL_ENDPOINT(, __VA_ARGS__)
// The same for a gateway call, whose options also carry the webhook itself
// (WEBHOOKSIO_WEBHOOK_MEMBERS, options.hpp).
#define WEBHOOKSIO_WEBHOOK_ENDPOINT(...) WEBHOOKSIO_DETAIL_ENDPOINT(WEBHOOKSIO_WEBHOOK_MEMBERS, __VA_ARGS__)

// The descriptor has the members of webhooksio::endpoint<...> (endpoint.hpp),
// its texts written as constants rather than passed as template arguments.
#define WEBHOOKSIO_DETAIL_ENDPOINT(webhook, area, E, source, method, route_, ids, summary_, ...)                  \
    namespace option {                                                                                         \
    WEBHOOKSIO_DETAIL_EACH(TAG, __VA_ARGS__)                                                                   \
    }                                                                                                          \
    struct E : ::webhooksio::detail::endpoint_base<::webhooksio::http_method::method                           \
                                                       WEBHOOKSIO_DETAIL_LEADING_COMMA ids> {                  \
        WEBHOOKSIO_DETAIL_SOURCE_##source                                                                      \
        static constexpr std::string_view route{route_, sizeof(route_) - 1};                                   \
        WEBHOOKSIO_DETAIL_CHECK_ROUTE(ids)                                                                     \
        static constexpr std::string_view name{#E, sizeof(#E) - 1};                                            \
        static constexpr std::string_view summary{summary_, sizeof(summary_) - 1};                             \
        struct options {                                                                                       \
            WEBHOOKSIO_DETAIL_EACH(MEMBER, __VA_ARGS__)                                                        \
            webhook                                                                                            \
            ::webhooksio::extra_options extra{}; /* any further option, sent as given */                      \
        };                                                                                                     \
        static constexpr std::array<::webhooksio::option_doc, 0 WEBHOOKSIO_DETAIL_EACH(COUNT, __VA_ARGS__)>      \
            option_docs{{WEBHOOKSIO_DETAIL_EACH(DOC, __VA_ARGS__)}};                                            \
        using option_members =                                                                                 \
            ::webhooksio::detail::member_pointers<void WEBHOOKSIO_DETAIL_EACH(POINTER, __VA_ARGS__)>;          \
    };                                                                                                         \
    /* for users' own reflection: the library walks option_members (config.hpp) */                           \
    WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(E::options, (), (WEBHOOKSIO_DETAIL_EACH(NAME, __VA_ARGS__)))
