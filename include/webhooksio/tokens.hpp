// The tokens of the blocking client: the last argument of a call says how
// its result comes back. Without one, a call returns the body's JSON or
// throws; with one:
//
//   webhooksio::nothrow          returns result<boost::json::value>
//   webhooksio::with_response    returns webhooksio::response (status, headers, body) or throws
//   nothrow | with_response      returns result<response>
//
// The blocking client runs each call on the caller's thread and starts no
// thread. Callbacks, futures, coroutines and every other Asio completion
// token are the asio_client's (<webhooksio/asio.hpp>; docs/migration.md).
#pragma once

#include <concepts>
#include <type_traits>

namespace webhooksio {

struct nothrow_t {
    explicit nothrow_t() = default;
};
inline constexpr nothrow_t nothrow{};

struct with_response_t {
    explicit with_response_t() = default;
};
inline constexpr with_response_t with_response{};

// `Delivery` (nothrow) of the whole response instead of its body.
template <class Delivery>
struct response_token {};

constexpr response_token<nothrow_t> operator|(nothrow_t, with_response_t) noexcept { return {}; }
constexpr response_token<nothrow_t> operator|(with_response_t, nothrow_t) noexcept { return {}; }

template <class T>
concept completion_token =
    std::same_as<std::remove_cvref_t<T>, nothrow_t> || std::same_as<std::remove_cvref_t<T>, with_response_t> ||
    std::same_as<std::remove_cvref_t<T>, response_token<nothrow_t>>;

}  // namespace webhooksio
