// Completion tokens: the last argument of a call says how its result comes
// back. Without one, a call returns the body's JSON or throws; with one:
//
//   webhooksio::nothrow          returns result<boost::json::value>
//   webhooksio::with_response    returns webhooksio::response (status, headers, body) or throws
//   nothrow | with_response      returns result<response>
//   webhooksio::use_future       returns std::future<boost::json::value>; get() throws
//   use_future | with_response   returns std::future<response>
//   callback(error, body)        returns at once; the callback runs on one of the client's threads
//
// Asio's tokens (use_awaitable, deferred, ...) are the asio_client's
// (<webhooksio/asio.hpp>).
#pragma once

#include <concepts>
#include <type_traits>

#include <boost/json.hpp>

#include "error.hpp"

namespace webhooksio {

struct nothrow_t {
    explicit nothrow_t() = default;
};
inline constexpr nothrow_t nothrow{};

struct use_future_t {
    explicit use_future_t() = default;
};
inline constexpr use_future_t use_future{};

struct with_response_t {
    explicit with_response_t() = default;
};
inline constexpr with_response_t with_response{};

// `Delivery` (nothrow or use_future) of the whole response instead of its body.
template <class Delivery>
struct response_token {};

template <class Delivery>
    requires std::same_as<Delivery, nothrow_t> || std::same_as<Delivery, use_future_t>
constexpr response_token<Delivery> operator|(Delivery, with_response_t) noexcept {
    return {};
}
template <class Delivery>
    requires std::same_as<Delivery, nothrow_t> || std::same_as<Delivery, use_future_t>
constexpr response_token<Delivery> operator|(with_response_t, Delivery) noexcept {
    return {};
}

// The seed's callback(error, body): `error` is falsy on success. A callable
// taking (boost::system::error_code, boost::json::value) fits too, since
// webhooksio::error is an error_code.
template <class F>
concept callback = std::invocable<F&, const error&, boost::json::value> && std::move_constructible<std::decay_t<F>>;

template <class T>
concept completion_token =
    std::same_as<std::remove_cvref_t<T>, nothrow_t> || std::same_as<std::remove_cvref_t<T>, use_future_t> ||
    std::same_as<std::remove_cvref_t<T>, with_response_t> ||
    std::same_as<std::remove_cvref_t<T>, response_token<nothrow_t>> ||
    std::same_as<std::remove_cvref_t<T>, response_token<use_future_t>> || callback<T>;

}  // namespace webhooksio
