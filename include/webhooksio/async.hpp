// Completion tokens: the last argument of a call says how its result comes
// back. Without one a call returns the JSON or throws; with one:
//   webhooksio::nothrow      returns result<boost::json::value>
//   webhooksio::use_future   returns std::future<boost::json::value>
//   callback(error, body)    returns at once; the callback runs on a worker
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

// The seed's callback(error, body): `error` is falsy on success.
template <class F>
concept callback = std::invocable<F&, const error&, boost::json::value> && std::move_constructible<std::decay_t<F>>;

template <class T>
concept completion_token =
    std::same_as<std::remove_cvref_t<T>, nothrow_t> || std::same_as<std::remove_cvref_t<T>, use_future_t> || callback<T>;

}  // namespace webhooksio
