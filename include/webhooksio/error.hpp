// Typed errors. Every failure of a call is one of four kinds; the value type
// `error` travels in results and callbacks, the exceptions derive from
// webhooksio::exception for those who prefer to catch.
#pragma once

#include <exception>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include <boost/json.hpp>

#include "config.hpp"

namespace webhooksio {

enum class error_kind {
    none,       // no error: a default-constructed error is falsy
    usage,      // bad input to the library; nothing was sent
    transport,  // the request did not complete (connect, timeout, TLS, I/O)
    status,     // the API answered with a non-2xx status
    decode,     // a 2xx answer whose body is not JSON
};

// What kept a request from completing. too_large: the response body was over
// client_options::max_response_body, and reading stopped.
enum class transport_failure { none, connect, timeout, tls, read, write, too_large, other };

constexpr std::string_view to_string(error_kind k) noexcept {
    switch (k) {
        case error_kind::none: return "none";
        case error_kind::usage: return "usage";
        case error_kind::transport: return "transport";
        case error_kind::status: return "status";
        case error_kind::decode: return "decode";
    }
    return "none";
}

constexpr std::string_view to_string(transport_failure f) noexcept {
    switch (f) {
        case transport_failure::none: return "none";
        case transport_failure::connect: return "connect";
        case transport_failure::timeout: return "timeout";
        case transport_failure::tls: return "tls";
        case transport_failure::read: return "read";
        case transport_failure::write: return "write";
        case transport_failure::too_large: return "too_large";
        case transport_failure::other: return "other";
    }
    return "other";
}

inline std::ostream& operator<<(std::ostream& out, error_kind k) { return out << to_string(k); }
inline std::ostream& operator<<(std::ostream& out, transport_failure f) { return out << to_string(f); }

class error {
public:
    error() = default;
    error(error_kind kind, std::string message) : kind_(kind), message_(std::move(message)) {}

    static error usage(std::string message) { return {error_kind::usage, std::move(message)}; }
    static error transport(transport_failure failure, std::string message) {
        error e{error_kind::transport, std::move(message)};
        e.failure_ = failure;
        return e;
    }
    static error status(int status, std::string message, std::string raw_body, boost::json::value body) {
        error e{error_kind::status, std::move(message)};
        e.status_ = status;
        e.raw_body_ = std::move(raw_body);
        e.body_ = std::move(body);
        return e;
    }
    static error decode(int status, std::string message, std::string raw_body) {
        error e{error_kind::decode, std::move(message)};
        e.status_ = status;
        e.raw_body_ = std::move(raw_body);
        return e;
    }

    // True when there is an error, as in the seed's `if (error) ...`.
    explicit operator bool() const noexcept { return kind_ != error_kind::none; }

    error_kind kind() const noexcept { return kind_; }
    const std::string& message() const noexcept { return message_; }
    // For transport errors: what failed.
    transport_failure failure() const noexcept { return failure_; }
    // For status and decode errors: the HTTP status (0 otherwise).
    int status() const noexcept { return status_; }
    // For status errors: the API's JSON error body, or null when it sent none.
    const boost::json::value& body() const noexcept { return body_; }
    // For status and decode errors: the response body as received.
    const std::string& raw_body() const noexcept { return raw_body_; }

private:
    error_kind kind_ = error_kind::none;
    std::string message_;
    transport_failure failure_ = transport_failure::none;
    int status_ = 0;
    std::string raw_body_;
    boost::json::value body_;
};

class exception : public std::runtime_error {
public:
    explicit exception(webhooksio::error e) : std::runtime_error(e.message()), error_(std::move(e)) {}
    const webhooksio::error& error() const noexcept { return error_; }

private:
    webhooksio::error error_;
};

struct usage_error : exception { using exception::exception; };
struct transport_error : exception { using exception::exception; };
struct status_error : exception { using exception::exception; };
struct decode_error : exception { using exception::exception; };

// Throws the exception type that matches e.kind().
[[noreturn]] WEBHOOKSIO_DECL void throw_error(error e);

namespace detail {
// The exception a future carries for `e`: the one a synchronous call throws.
WEBHOOKSIO_DECL std::exception_ptr exception_for(error e);
}  // namespace detail

// Either a value or the error that took its place.
template <class T>
class result {
public:
    result(const T& value) : state_(std::in_place_index<0>, value) {}
    result(T&& value) : state_(std::in_place_index<0>, std::move(value)) {}
    result(webhooksio::error e) : state_(std::in_place_index<1>, std::move(e)) {}

    bool has_value() const noexcept { return state_.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    // The value; throws the typed exception when there is none.
    T& value() & {
        if (!has_value()) throw_error(std::get<1>(state_));
        return std::get<0>(state_);
    }
    T&& value() && { return std::move(value()); }
    T& operator*() & { return std::get<0>(state_); }
    T* operator->() { return &std::get<0>(state_); }
    const T& operator*() const& { return std::get<0>(state_); }
    const T* operator->() const { return &std::get<0>(state_); }

    const webhooksio::error& error() const& { return std::get<1>(state_); }
    webhooksio::error&& error() && { return std::get<1>(std::move(state_)); }

private:
    std::variant<T, webhooksio::error> state_;
};

}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
#include "impl/error.ipp"
#endif
