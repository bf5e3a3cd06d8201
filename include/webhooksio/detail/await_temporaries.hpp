// A g++ bug the asynchronous client guards against (asio/client.hpp).
//
// g++ before 14 destroys twice every member of class type of an aggregate
// built inside a co_await expression: it builds each such member in a hidden
// variable of the coroutine, copies its bytes into the aggregate, and then
// destroys both. Options given as a braced list in the awaited call
//
//     co_await api.async_create_bucket(account_id{"AC1"}, {.name = "B"}, asio::use_awaitable);
//
// are such an aggregate: their strings are freed twice (or, short, freed
// from where they never were allocated), whatever the function takes
// (const&, a value, &&) and whatever it returns, since the code at fault is
// the caller's. (GCC's PR 99576, 100611 and 101367; tests/compiler/
// await_temporaries.cpp shows it.) A library cannot repair the caller's
// code; it can refuse it at compile time, where it is sure to be wrong.
//
// Define WEBHOOKSIO_AWAIT_TEMPORARY_GUARD to 0 or 1 to override the choice.
// Only asio/client.hpp includes this header.
#pragma once

#include <type_traits>
#include <utility>

#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include "../options.hpp"

#ifndef WEBHOOKSIO_AWAIT_TEMPORARY_GUARD
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ < 14
#define WEBHOOKSIO_AWAIT_TEMPORARY_GUARD 1
#else
#define WEBHOOKSIO_AWAIT_TEMPORARY_GUARD 0
#endif
#endif

namespace webhooksio::detail {

// Whether an options struct has a required option whose destruction frees
// something (a string, an ID): a braced list of it must give that option,
// so it always holds a member the bug destroys twice. Options without one
// may be braced safely when what they set holds no memory
// (`{.expand = true}`, `{}`): those stay allowed.
template <class M>
inline constexpr bool owning_required = false;
template <class T>
inline constexpr bool owning_required<required<T>> = !std::is_trivially_destructible_v<T>;

template <class D>
using is_owning_required = std::bool_constant<owning_required<typename member_type<std::remove_cv_t<decltype(D::pointer)>>::type>>;

template <class Options>
inline constexpr bool has_owning_required =
    boost::mp11::mp_any_of<boost::describe::describe_members<Options, boost::describe::mod_public>,
                           is_owning_required>::value;

// Whether a completion token makes the call an asio::awaitable, which is
// co_awaited where it is made (use_awaitable, as_tuple(use_awaitable), ...).
// Other tokens are left alone: a deferred operation or a callback call may
// well be made outside any co_await.
template <class T>
inline constexpr bool is_asio_awaitable = false;
template <class T, class Executor>
inline constexpr bool is_asio_awaitable<boost::asio::awaitable<T, Executor>> = true;

struct probe_initiation {
    template <class Handler>
    void operator()(Handler&&) const {}
};

template <class Token, class Signature>
concept awaitable_token = is_asio_awaitable<decltype(boost::asio::async_initiate<Token, Signature>(
    probe_initiation{}, std::declval<std::decay_t<Token>&>()))>;

// Options passed as a temporary that this compiler would destroy twice.
template <class Options, class Token, class Signature>
consteval bool unsafe_temporary_options() {
    if constexpr (WEBHOOKSIO_AWAIT_TEMPORARY_GUARD && has_owning_required<Options>)
        return awaitable_token<Token, Signature>;
    else
        return false;
}

}  // namespace webhooksio::detail
