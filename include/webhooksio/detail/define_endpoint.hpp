// The one macro that adds an endpoint to the table. One call per endpoint
// declares everything the library knows of it: its descriptor type in
// webhooksio::api, its options struct (members, Boost.Describe list and
// help texts, all from one list) and the client's named methods. Its area's
// header lists it in api::areas::<area>, from which api::endpoints is made:
// a plain list, the same in every translation unit.
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
#include <boost/preprocessor/repetition/repeat.hpp>
#include <boost/preprocessor/seq/for_each_i.hpp>
#include <boost/preprocessor/seq/size.hpp>
#include <boost/preprocessor/seq/variadic_seq_to_seq.hpp>
#include <boost/preprocessor/tuple/rem.hpp>
#include <boost/preprocessor/variadic/size.hpp>

#include "../config.hpp"
#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio {
struct diagnostics;
}  // namespace webhooksio

namespace webhooksio::api {

// The client's named method of endpoint E, e.g. create_bucket(account_id,
// options[, token]): basic_client<T> derives from named_call<basic_client<T>,
// E> for every E of the table. Each endpoint's macro call specializes it.
template <class Client, class E>
struct named_call;

// The same for the asynchronous client (asio/client.hpp): async_create_bucket(
// account_id, options, token) and (account_id, options, diagnostics&, token).
// Only declared here; instantiated by a program that includes asio.hpp.
template <class Client, class E>
struct async_named_call;

// A call of E made without its options, with a token: possible when none of
// E's options is required.
template <class E, class Token>
concept optionless_call = detail::all_optional<typename E::options> &&
                          !std::is_same_v<std::remove_cvref_t<Token>, typename E::options> &&
                          !std::is_same_v<std::remove_cvref_t<Token>, ::webhooksio::diagnostics>;

// A completion token of that client (tokens.hpp), checked only once the
// client is complete.
template <class Token, class Client>
concept token_of = Client::template accepts_token<Token>;

// Whether the asynchronous client refuses E's options as a temporary with
// `Token` (asio/client.hpp), asked only once the client is complete.
template <class Client, class E, class Token>
inline constexpr bool refuses_temporary_options = Client::template refuses_temporary_options<E, Token>;

}  // namespace webhooksio::api

// ---- The pieces of WEBHOOKSIO_ENDPOINT.

#define WEBHOOKSIO_DETAIL_SOURCE_seed(name) name, true
#define WEBHOOKSIO_DETAIL_SOURCE_docs(name) name, false

// `(a, b)` -> `, a, b`; `()` -> nothing.
#define WEBHOOKSIO_DETAIL_LEADING_COMMA(...) __VA_OPT__(, ) __VA_ARGS__
// The number of elements of `(a, b)`: 2; of `()`: 0.
#define WEBHOOKSIO_DETAIL_COUNT(...) BOOST_PP_DEC(BOOST_PP_VARIADIC_SIZE(~ __VA_OPT__(, ) __VA_ARGS__))

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
#define WEBHOOKSIO_DETAIL_MEMBER_required(type, name) ::webhooksio::required<type> name;
#define WEBHOOKSIO_DETAIL_MEMBER_optional(type, name) ::webhooksio::optional<type> name{};
#define WEBHOOKSIO_DETAIL_DOC(i, kind, type, name, description) \
    ::webhooksio::option_doc{std::string_view(#name, sizeof(#name) - 1), std::string_view(description, sizeof(description) - 1)},
#define WEBHOOKSIO_DETAIL_NAME(i, kind, type, name, description) BOOST_PP_COMMA_IF(BOOST_PP_DEC(i)) name

#define WEBHOOKSIO_DETAIL_ID_PARAM(z, i, E) const std::tuple_element_t<i, ::webhooksio::api::E::params>& id##i,
#define WEBHOOKSIO_DETAIL_ID_VIEW(z, i, unused) BOOST_PP_COMMA_IF(i) id##i.str_view()
#define WEBHOOKSIO_DETAIL_ID_VIEWS(n) std::array<std::string_view, n>{BOOST_PP_REPEAT(n, WEBHOOKSIO_DETAIL_ID_VIEW, _)}

// The named method, with and without a completion token, handing its IDs
// and options to the client's shared code.
#define WEBHOOKSIO_DETAIL_NAMED_CALL(E, n)                                                                     \
    template <class Client>                                                                                    \
    struct named_call<Client, ::webhooksio::api::E> {                                                          \
        WEBHOOKSIO_NOINLINE boost::json::value E(BOOST_PP_REPEAT(n, WEBHOOKSIO_DETAIL_ID_PARAM, E)             \
                                                     const ::webhooksio::api::E::options& options = {}) {      \
            return static_cast<Client&>(*this).template run<::webhooksio::api::E>(WEBHOOKSIO_DETAIL_ID_VIEWS(n), \
                                                                                   options);                  \
        }                                                                                                      \
        template <::webhooksio::api::token_of<Client> Token>                                                   \
        auto E(BOOST_PP_REPEAT(n, WEBHOOKSIO_DETAIL_ID_PARAM, E) const ::webhooksio::api::E::options& options, \
               Token&& token) {                                                                                \
            return static_cast<Client&>(*this).template run<::webhooksio::api::E>(                            \
                WEBHOOKSIO_DETAIL_ID_VIEWS(n), options, std::forward<Token>(token));                           \
        }                                                                                                      \
    };

#define WEBHOOKSIO_DETAIL_ASYNC_NAMED_CALL(E, n)                                                               \
    template <class Client>                                                                                    \
    struct async_named_call<Client, ::webhooksio::api::E> {                                                    \
        template <class Token>                                                                                 \
        auto async_##E(BOOST_PP_REPEAT(n, WEBHOOKSIO_DETAIL_ID_PARAM, E)                                       \
                       const ::webhooksio::api::E::options& options, Token&& token) {                         \
            return static_cast<Client&>(*this).template initiate_named<::webhooksio::api::E>(                  \
                WEBHOOKSIO_DETAIL_ID_VIEWS(n), options, nullptr, std::forward<Token>(token));                  \
        }                                                                                                      \
        template <class Token>                                                                                 \
        auto async_##E(BOOST_PP_REPEAT(n, WEBHOOKSIO_DETAIL_ID_PARAM, E)                                       \
                       const ::webhooksio::api::E::options& options, ::webhooksio::diagnostics& diag,          \
                       Token&& token) {                                                                        \
            return static_cast<Client&>(*this).template initiate_named<::webhooksio::api::E>(                  \
                WEBHOOKSIO_DETAIL_ID_VIEWS(n), options, &diag, std::forward<Token>(token));                    \
        }                                                                                                      \
        /* Without options, when none is required. */                                                        \
        template <class Token>                                                                                 \
            requires ::webhooksio::api::optionless_call<::webhooksio::api::E, Token>                            \
        auto async_##E(BOOST_PP_REPEAT(n, WEBHOOKSIO_DETAIL_ID_PARAM, E) Token&& token) {                       \
            return static_cast<Client&>(*this).template initiate_named<::webhooksio::api::E>(                  \
                WEBHOOKSIO_DETAIL_ID_VIEWS(n), ::webhooksio::api::E::options{}, nullptr,                       \
                std::forward<Token>(token));                                                                   \
        }                                                                                                      \
        template <class Token>                                                                                 \
            requires ::webhooksio::api::optionless_call<::webhooksio::api::E, Token>                            \
        auto async_##E(BOOST_PP_REPEAT(n, WEBHOOKSIO_DETAIL_ID_PARAM, E) ::webhooksio::diagnostics& diag,       \
                       Token&& token) {                                                                        \
            return static_cast<Client&>(*this).template initiate_named<::webhooksio::api::E>(                  \
                WEBHOOKSIO_DETAIL_ID_VIEWS(n), ::webhooksio::api::E::options{}, &diag,                         \
                std::forward<Token>(token));                                                                   \
        }                                                                                                      \
        /* Options as a temporary that g++ before 14 would destroy twice: refused (asio/client.hpp). */         \
        template <class Token>                                                                                 \
            requires ::webhooksio::api::refuses_temporary_options<Client, ::webhooksio::api::E, Token>        \
        auto async_##E(BOOST_PP_REPEAT(n, WEBHOOKSIO_DETAIL_ID_PARAM, E) ::webhooksio::api::E::options&&,      \
                       Token&&) {                                                                              \
            Client::template refuse_temporary_options<Token>(WEBHOOKSIO_DETAIL_ID_VIEWS(n));                   \
        }                                                                                                      \
        template <class Token>                                                                                 \
            requires ::webhooksio::api::refuses_temporary_options<Client, ::webhooksio::api::E, Token>        \
        auto async_##E(BOOST_PP_REPEAT(n, WEBHOOKSIO_DETAIL_ID_PARAM, E) ::webhooksio::api::E::options&&,      \
                       ::webhooksio::diagnostics&, Token&&) {                                                  \
            Client::template refuse_temporary_options<Token>(WEBHOOKSIO_DETAIL_ID_VIEWS(n));                   \
        }                                                                                                      \
    };

#define WEBHOOKSIO_ENDPOINT(...) WEBHOOKSIO_DETAIL_ENDPOINT(, __VA_ARGS__)
// The same for a gateway call, whose options also carry the webhook itself
// (WEBHOOKSIO_WEBHOOK_MEMBERS, options.hpp).
#define WEBHOOKSIO_WEBHOOK_ENDPOINT(...) WEBHOOKSIO_DETAIL_ENDPOINT(WEBHOOKSIO_WEBHOOK_MEMBERS, __VA_ARGS__)

#define WEBHOOKSIO_DETAIL_ENDPOINT(webhook, area, E, source, method, route, ids, summary_, ...)                   \
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
    BOOST_DESCRIBE_STRUCT(E::options, (), (WEBHOOKSIO_DETAIL_EACH_OPTION(WEBHOOKSIO_DETAIL_NAME, __VA_ARGS__)))  \
    WEBHOOKSIO_DETAIL_NAMED_CALL(E, WEBHOOKSIO_DETAIL_COUNT ids)                                                 \
    WEBHOOKSIO_DETAIL_ASYNC_NAMED_CALL(E, WEBHOOKSIO_DETAIL_COUNT ids)
