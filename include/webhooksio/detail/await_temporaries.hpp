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
// code; it can refuse, at compile time, every call the bug can reach: options
// as a temporary with a token that makes the call an awaitable.
//
// Define WEBHOOKSIO_AWAIT_TEMPORARY_GUARD to 0 or 1 to override the choice.
// Only asio/client.hpp includes this header.
#pragma once

#include <type_traits>
#include <utility>

#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>

#ifndef WEBHOOKSIO_AWAIT_TEMPORARY_GUARD
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ < 14
#define WEBHOOKSIO_AWAIT_TEMPORARY_GUARD 1
#else
#define WEBHOOKSIO_AWAIT_TEMPORARY_GUARD 0
#endif
#endif

namespace webhooksio::detail {

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

// Options passed as a temporary that this compiler may destroy twice: any,
// whatever their members. Every options struct has members of class type
// (`extra`, and strings, IDs, payloads), and whether a braced list builds
// them in the coroutine's hidden variables depends on which ones it names;
// a rule by members would let some double frees through (the gateway's
// `{.raw_body = ..., .content_type = ...}` was one). A call that needs no
// options is written without them instead.
template <class Options, class Token, class Signature>
consteval bool unsafe_temporary_options() {
    if constexpr (WEBHOOKSIO_AWAIT_TEMPORARY_GUARD)
        return awaitable_token<Token, Signature>;
    else
        return false;
}

}  // namespace webhooksio::detail
