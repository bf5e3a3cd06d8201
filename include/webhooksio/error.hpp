// Errors as C++ users know them: a boost::system::error_code for what went
// wrong, and diagnostics for the whole story (status, headers, body,
// endpoint, host). Tests compare codes:
//
//     ec == webhooksio::errc::not_found              // the API answered 404
//     ec == boost::asio::error::connection_refused   // the system's own code, when the transport knows it
//
// `webhooksio::error` is such a code with the diagnostics attached; the
// exceptions derive from boost::system::system_error and carry both.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <boost/json.hpp>
#include <boost/system/error_category.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/is_error_code_enum.hpp>
#include <boost/system/system_error.hpp>

#include "config.hpp"
#include "http.hpp"

namespace webhooksio {

// The library's error codes, category "webhooksio". An HTTP status that is
// not 2xx becomes the code of its meaning (404 is not_found, any 5xx is
// server_error); the exact status is in the diagnostics.
enum class errc {
    bad_request = 1,     // HTTP 400 (and 422): the API refused the call's options
    unauthorized,        // HTTP 401: no API key, or not a valid one
    forbidden,           // HTTP 403: the key may not touch this resource
    not_found,           // HTTP 404
    conflict,            // HTTP 409
    rate_limited,        // HTTP 429
    server_error,        // HTTP 5xx
    other_status,        // any other status that is not 2xx
    invalid_response,    // an answer that is not what the API sends: a 2xx body that is not JSON
    response_too_large,  // body or headers over the client's limits; reading stopped
    timed_out,           // no answer within read_timeout, or the call within total_timeout
    usage,               // bad input to the library (ID, option, key, base URL); nothing was sent
    // Transport failures whose system cause the transport could not tell:
    connection_failed,   // no connection was made; nothing was sent
    send_failed,         // the request could not be written
    receive_failed,      // the connection failed before a whole answer came
    tls_failed,          // TLS handshake or certificate verification failed
    // A webhook delivery that verify_webhook (signature.hpp) refuses:
    missing_webhook_header,        // no webhook-id, webhook-timestamp or webhook-signature
    malformed_webhook_timestamp,   // webhook-timestamp is not Unix seconds
    webhook_timestamp_out_of_tolerance,  // too old or too far ahead: a replay, or a clock off
    no_matching_signature,         // no v1 signature is the secret's over this id, time and body
};

WEBHOOKSIO_DECL const boost::system::error_category& error_category() noexcept;

inline boost::system::error_code make_error_code(errc e) noexcept {
    return {static_cast<int>(e), error_category()};
}

// The code of a status that is not 2xx.
WEBHOOKSIO_DECL errc errc_of_status(int status) noexcept;

inline std::ostream& operator<<(std::ostream& out, errc e) { return out << make_error_code(e).message(); }

}  // namespace webhooksio

template <>
struct boost::system::is_error_code_enum<webhooksio::errc> : std::true_type {};

namespace webhooksio {

// At which step a request failed when no complete answer came. `connect`
// means no byte of the request was sent (so a retry can never duplicate it).
enum class transport_failure { none, connect, timeout, tls, read, write, too_large, other };

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

inline std::ostream& operator<<(std::ostream& out, transport_failure f) { return out << to_string(f); }

// Everything known about a failed call. The API key is in none of it: an
// echo of the key in a body or message is replaced by "[redacted]".
struct diagnostics {
    // The whole story in one sentence, e.g. "webhooksio: get_bucket (GET
    // /v1/accounts/:account_id/buckets/:bucket_id): HTTP 404: Bucket not found".
    std::string message{};
    // The call: its C++ name and route template; empty for a failure outside
    // a call (a bad base URL at construction).
    std::string_view endpoint{};
    std::string_view route{};

    // When the API answered: its status (0 when no answer came), headers and
    // body, as received and (when it is JSON) parsed; null otherwise.
    int status = 0;
    http_headers headers{};
    std::string raw_body{};
    boost::json::value body{};

    // When no complete answer came: the server tried, and the step that failed.
    std::string host{};
    int port = 0;
    transport_failure failure = transport_failure::none;

    // The value of response header `name` (case-insensitive), or "".
    std::string_view header(std::string_view name) const { return find_header(headers, name); }
};

// An error_code with the diagnostics of the failure attached: pass it where
// an error_code goes, compare it with any code or condition, and ask it for
// the details. Falsy when there is no error, as in the original Node.js client's `if (error)`.
class error : public boost::system::error_code {
public:
    error() = default;
    WEBHOOKSIO_DECL error(boost::system::error_code code, webhooksio::diagnostics details);

    const boost::system::error_code& code() const noexcept { return *this; }

    // An empty diagnostics object when there is none (a default error).
    WEBHOOKSIO_DECL const webhooksio::diagnostics& diagnostics() const noexcept;

    // The diagnostics' message, or the code's when there is none.
    WEBHOOKSIO_DECL std::string what() const;

    // Bad input to the library; nothing was sent.
    WEBHOOKSIO_DECL static error usage(std::string message);
    // No complete answer came: `code` is the system's code when the transport
    // knows it (connection refused, reset, ...), else an errc; `message` says
    // it in words. For transports of your own.
    WEBHOOKSIO_DECL static error transport(boost::system::error_code code, transport_failure failure,
                                           std::string message);

private:
    std::shared_ptr<const webhooksio::diagnostics> details_;
};

inline std::ostream& operator<<(std::ostream& out, const error& e) { return out << e.what(); }

// The exceptions a call throws: one type per way of failing, all of them a
// boost::system::system_error whose code() is the error's code and whose
// what() is the diagnostics' message.
class exception : public boost::system::system_error {
public:
    WEBHOOKSIO_DECL explicit exception(webhooksio::error e);

    const char* what() const noexcept override { return error_.diagnostics().message.c_str(); }
    const webhooksio::error& error() const noexcept { return error_; }
    const webhooksio::diagnostics& diagnostics() const noexcept { return error_.diagnostics(); }

private:
    webhooksio::error error_;
};

struct usage_error : exception { using exception::exception; };      // errc::usage: nothing was sent
struct status_error : exception { using exception::exception; };     // the API answered with a non-2xx status
struct decode_error : exception { using exception::exception; };     // a 2xx answer the client can't read
struct transport_error : exception { using exception::exception; };  // no complete answer came

// Throws the exception type that matches e's code.
[[noreturn]] WEBHOOKSIO_DECL void throw_error(error e);

namespace detail {
// The exception a future carries for `e`: the one a synchronous call throws.
WEBHOOKSIO_DECL std::exception_ptr exception_for(error e);
}  // namespace detail

}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
#include "impl/error.ipp"
#endif
