// The one macro that adds an endpoint to the table. One call per endpoint
// declares everything the library knows of it: its descriptor type in
// webhooksio::api and its options struct (members, Boost.Describe list and
// help texts, all from one list), and nothing per client. Its area's header
// lists it in WEBHOOKSIO_API_<AREA>(X), from which api::areas::<area> and
// api::endpoints are made (plain lists, the same in every translation unit)
// and each client writes its named methods.
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
#include <boost/preprocessor/arithmetic/dec.hpp>
#include <boost/preprocessor/control/if.hpp>
#include <boost/preprocessor/punctuation/comma_if.hpp>
#include <boost/preprocessor/seq/for_each_i.hpp>
#include <boost/preprocessor/seq/size.hpp>
#include <boost/preprocessor/seq/variadic_seq_to_seq.hpp>
#include <boost/preprocessor/tuple/rem.hpp>

#include "../config.hpp"
#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

// ---- The pieces of WEBHOOKSIO_ENDPOINT.

#define WEBHOOKSIO_DETAIL_SOURCE_seed(name) name, true
#define WEBHOOKSIO_DETAIL_SOURCE_docs(name) name, false

// `(a, b)` -> `, a, b`; `()` -> nothing.
#define WEBHOOKSIO_DETAIL_LEADING_COMMA(...) __VA_OPT__(, ) __VA_ARGS__

// Calls m(i, kind, type, name, description) for the i-th option (from 1) of
// the options list, which may be empty: a dummy first element makes it a
// sequence, and is skipped.
#define WEBHOOKSIO_DETAIL_EACH_OPTION(m, ...) \
    BOOST_PP_SEQ_FOR_EACH_I(WEBHOOKSIO_DETAIL_OPTION, m, BOOST_PP_VARIADIC_SEQ_TO_SEQ((~) __VA_ARGS__))
#define WEBHOOKSIO_DETAIL_OPTION(r, m, i, option) \
    WEBHOOKSIO_DETAIL_APPLY(BOOST_PP_IF(i, m, WEBHOOKSIO_DETAIL_SKIP), (i, BOOST_PP_TUPLE_REM() option))
#define WEBHOOKSIO_DETAIL_APPLY(m, args) m args

#define WEBHOOKSIO_DETAIL_SKIP(...)
#define WEBHOOKSIO_DETAIL_OPTION_COUNT(...) \
    BOOST_PP_DEC(BOOST_PP_SEQ_SIZE(BOOST_PP_VARIADIC_SEQ_TO_SEQ((~) __VA_ARGS__)))

#define WEBHOOKSIO_DETAIL_MEMBER(i, kind, type, name, description) WEBHOOKSIO_DETAIL_MEMBER_##kind(type, name)
#define WEBHOOKSIO_DETAIL_MEMBER_required(type, name) ::webhooksio::required<type, ::webhooksio::api::option::name> name;
#define WEBHOOKSIO_DETAIL_MEMBER_optional(type, name) \
    ::webhooksio::optional<type, ::webhooksio::api::option::name> name{};
// The tag that carries an option's name in its member's type (options.hpp).
#define WEBHOOKSIO_DETAIL_TAG(i, kind, type, name, description) struct name;
#define WEBHOOKSIO_DETAIL_DOC(i, kind, type, name, description) \
    ::webhooksio::option_doc{std::string_view(#name, sizeof(#name) - 1), std::string_view(description, sizeof(description) - 1)},
#define WEBHOOKSIO_DETAIL_NAME(i, kind, type, name, description) BOOST_PP_COMMA_IF(BOOST_PP_DEC(i)) name

// An area's list type from its WEBHOOKSIO_API_<AREA> macro.
#define WEBHOOKSIO_DETAIL_AREA(list) boost::mp11::mp_rest<boost::mp11::mp_list<void list(WEBHOOKSIO_DETAIL_AREA_ITEM)>>
#define WEBHOOKSIO_DETAIL_AREA_ITEM(E) , E

#define WEBHOOKSIO_ENDPOINT(...) WEBHOOKSIO_DETAIL_ENDPOINT(, __VA_ARGS__)
// The same for a gateway call, whose options also carry the webhook itself
// (WEBHOOKSIO_WEBHOOK_MEMBERS, options.hpp).
#define WEBHOOKSIO_WEBHOOK_ENDPOINT(...) WEBHOOKSIO_DETAIL_ENDPOINT(WEBHOOKSIO_WEBHOOK_MEMBERS, __VA_ARGS__)

#define WEBHOOKSIO_DETAIL_ENDPOINT(webhook, area, E, source, method, route, ids, summary_, ...)                   \
    namespace option {                                                                                         \
    WEBHOOKSIO_DETAIL_EACH_OPTION(WEBHOOKSIO_DETAIL_TAG, __VA_ARGS__)                                          \
    }                                                                                                          \
    struct E : ::webhooksio::endpoint<WEBHOOKSIO_DETAIL_SOURCE_##source, ::webhooksio::http_method::method,     \
                                      route WEBHOOKSIO_DETAIL_LEADING_COMMA ids> {                              \
        static constexpr std::string_view name{#E, sizeof(#E) - 1};                                            \
        static constexpr std::string_view summary{summary_, sizeof(summary_) - 1};                             \
        struct options {                                                                                       \
            WEBHOOKSIO_DETAIL_EACH_OPTION(WEBHOOKSIO_DETAIL_MEMBER, __VA_ARGS__)                               \
            webhook                                                                                            \
            ::webhooksio::extra_options extra{}; /* any further option, sent as given */                      \
        };                                                                                                     \
        static constexpr std::array<::webhooksio::option_doc, WEBHOOKSIO_DETAIL_OPTION_COUNT(__VA_ARGS__)>      \
            option_docs{{WEBHOOKSIO_DETAIL_EACH_OPTION(WEBHOOKSIO_DETAIL_DOC, __VA_ARGS__)}};                   \
    };                                                                                                         \
    BOOST_DESCRIBE_STRUCT(E::options, (), (WEBHOOKSIO_DETAIL_EACH_OPTION(WEBHOOKSIO_DETAIL_NAME, __VA_ARGS__)))
