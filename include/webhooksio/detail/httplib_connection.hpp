// One keep-alive connection of httplib_transport, on cpp-httplib's public
// API only (every release from Debian 12's 0.11.4 on: docs/portability.md).
//
// httplib bounds each wait (its read and connect timeouts, set per exchange
// to what is left of the call's deadline) and, from 0.26 on, the length of
// every line and the number of header fields. What it does not bound on
// every release is watched from outside, by exchange_watch: the call's
// deadline, and the bytes the exchange has taken from the socket against
// what the response may hold. A violation closes the connection
// (ClientImpl::stop), which ends httplib's read at once. The response's
// header fields and body are checked by httplib's callbacks as they come.
//
// A reused connection is written to only when it is idle and open (no byte
// waits on it). TLS trusts only the given CAs and checks the host name with
// OpenSSL (RFC 6125). httplib opens a proxy's tunnel (CONNECT); the proxy's
// credentials go on that request only.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "../client_options.hpp"
#include "../config.hpp"
#include "checked_options.hpp"

namespace webhooksio::detail {

// Why an exchange stopped, beyond what httplib::Error says.
enum class stop_reason : std::uint8_t {
    none,
    headers_too_large,  // over max_response_header_fields or max_response_header_bytes
    framing_too_large,  // chunk framing or trailers out of proportion to the body
    read_timeout,       // one wait took longer than read_timeout
    deadline,           // the call's total_timeout ran out
};

// Where a connection goes, computed once per transport.
struct connection_target {
    std::string host;  // without the brackets of an IPv6 literal
    int port = 0;
    bool https = false;
};

// One exchange as httplib's callbacks count it and exchange_watch sees it.
struct exchange_progress {
    std::chrono::steady_clock::time_point started;
    std::chrono::steady_clock::time_point deadline;
    std::size_t max_head_bytes = 0;
    std::uint64_t received_before = 0;      // the socket's byte count when the exchange began
    std::atomic<bool> head_done{false};     // the status line and header fields are in
    std::atomic<std::uint64_t> body{0};     // body bytes handed over (chunk framing removed)
    std::atomic<stop_reason> stopped{stop_reason::none};
};

class httplib_connection;

// Ends exchanges that overrun: one thread per transport, started at the
// first exchange, waking at the earliest deadline and, while an exchange
// has run longer than `look_after`, every `look_after` to count its bytes.
// Normal exchanges (shorter than that) cost it nothing but a lock.
class exchange_watch {
public:
    static constexpr std::chrono::milliseconds look_after{2};

    exchange_watch() = default;
    WEBHOOKSIO_DECL ~exchange_watch();
    exchange_watch(const exchange_watch&) = delete;
    exchange_watch& operator=(const exchange_watch&) = delete;

    // While registered, `connection` may be stopped from the watch's thread.
    WEBHOOKSIO_DECL void add(httplib_connection& connection);
    WEBHOOKSIO_DECL void remove(httplib_connection& connection);

private:
    WEBHOOKSIO_DECL void run();
    // Stops what overran; returns when to look next.
    WEBHOOKSIO_DECL std::chrono::steady_clock::time_point inspect(std::chrono::steady_clock::time_point now);

    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<httplib_connection*> watched_;
    std::chrono::steady_clock::time_point next_look_ = std::chrono::steady_clock::time_point::max();
    bool stopping_ = false;
    std::thread thread_;
};

// httplib's plain (ClientImpl) or TLS (SSLClient) client, configured once,
// and what its callbacks record.
class httplib_connection {
public:
    WEBHOOKSIO_DECL httplib_connection(const client_options& options, const connection_target& target);
    httplib_connection(const httplib_connection&) = delete;
    httplib_connection& operator=(const httplib_connection&) = delete;

    httplib::ClientImpl& client() noexcept { return *client_; }

    // Sets the timeouts for an exchange that ends by `deadline`; when the
    // connection served before and is no longer idle and open, closes it,
    // so that httplib opens a new one (nothing is written to it).
    WEBHOOKSIO_DECL void prepare(const client_options& options, std::chrono::steady_clock::time_point deadline);

    // After a successful exchange: notes whether httplib read past the
    // response (`body` bytes), which makes the connection unfit for another.
    WEBHOOKSIO_DECL void finish(const httplib::Response& response, std::size_t body);

    // Headers every request on this connection carries (a plain HTTP
    // proxy's credentials).
    const httplib::Headers& extra_headers() const noexcept { return extra_headers_; }

    // The current exchange.
    exchange_progress progress;
    // For TLS, the first reason OpenSSL gave for refusing the server's certificate.
    std::string tls_refusal;

    // exchange_watch's look: stops the exchange when it is past its deadline
    // or has read more than its response may hold. From the watch's thread.
    WEBHOOKSIO_DECL void inspect(std::chrono::steady_clock::time_point now);

    // From OpenSSL's callback: the TLS session of the current socket.
    void on_handshake(SSL* session) noexcept { session_ = session; }

private:
    WEBHOOKSIO_DECL void on_new_socket(int socket);
    WEBHOOKSIO_DECL void configure_tls(SSL_CTX* ctx, const client_options& options);
    WEBHOOKSIO_DECL long write_headers(httplib::Stream& stream, httplib::Headers& headers);
    WEBHOOKSIO_DECL std::uint64_t consumed() const;
    WEBHOOKSIO_DECL void stop(stop_reason why);

    template <class Client>
    void configure(Client& client, const client_options& options, const connection_target& target);

    std::unique_ptr<httplib::ClientImpl> client_;
    httplib::Headers extra_headers_;
    std::atomic<int> socket_{-1};         // the socket httplib opened last
    SSL* session_ = nullptr;              // its TLS session
    bool leftover_ = false;               // the last exchange read past its response
    std::string connect_credentials_;     // for the proxy's CONNECT only
    std::atomic<bool> awaiting_connect_{false};  // the next request written is httplib's CONNECT
    std::string target_host_;
};

}  // namespace webhooksio::detail

#if WEBHOOKSIO_DEFINITIONS
#include "../impl/httplib_connection.ipp"
#endif
