// One keep-alive connection of httplib_transport: cpp-httplib 0.11.4's client
// with what it lacks, through its virtual hooks. Every wait of an exchange
// ends at the read timeout or the call's deadline, whichever comes first; the
// response's headers are bounded; a reused connection that holds unread
// bytes (an answer nobody asked for) or was closed is never written to; TLS
// trusts only the given CAs and checks the host name with OpenSSL (RFC 6125);
// a proxy's credentials go on the CONNECT request of a tunnel only.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>

#include <httplib.h>

#include "../client_options.hpp"
#include "../config.hpp"

namespace webhooksio::detail {

// Why an exchange stopped, beyond what httplib::Error says.
enum class stop_reason {
    none,
    stale,              // the reused connection held unread bytes or was closed: nothing was written
    headers_too_large,  // over max_response_header_fields or max_response_header_bytes
    read_timeout,       // one wait took longer than read_timeout
    deadline,           // the call's total_timeout ran out
    proxy_refused,      // the proxy did not open the tunnel
};

// What one exchange may take.
struct exchange_limits {
    std::chrono::milliseconds read_timeout{};
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
    std::size_t max_header_fields = 0;
    std::size_t max_header_bytes = 0;
};

// Where a connection goes, computed once per transport.
struct connection_target {
    std::string host;  // without the brackets of an IPv6 literal
    int port = 0;
    bool https = false;
};

// The state and the work of a connection that do not depend on httplib's
// class (plain or TLS): compiled once.
class connection_guard {
public:
    // Set before each exchange.
    exchange_limits limits;
    // Why the last exchange stopped, and for TLS what OpenSSL refused.
    stop_reason stopped = stop_reason::none;
    std::string tls_refusal;

protected:
    WEBHOOKSIO_DECL connection_guard(const client_options& options, connection_target target);

    // Opens the socket (to the proxy when there is one, then through its
    // tunnel for HTTPS); false with `error` set otherwise.
    WEBHOOKSIO_DECL bool open(int& socket, time_t connect_timeout_sec, time_t connect_timeout_usec,
                              httplib::Error& error);
    // Runs httplib's exchange over a guarded stream; a reused connection
    // that is not idle and open fails before writing, as `stale`.
    WEBHOOKSIO_DECL bool exchange(int socket, SSL* ssl, const std::function<bool(httplib::Stream&)>& callback);
    // Makes `ctx` verify the server: its certificate chain against the CAs
    // of `options` (the system's when none are given), and the host name.
    WEBHOOKSIO_DECL void configure_tls(SSL_CTX* ctx, const client_options& options);

private:
    // Asks the proxy for a tunnel to the target over `socket`.
    WEBHOOKSIO_DECL bool tunnel(int socket);

    connection_target target_;
    std::string proxy_host_;
    int proxy_port_ = 0;
    std::string proxy_authorization_;  // the header's value, "" for none
    bool served_ = false;              // the socket served an exchange already
    bool leftover_ = false;            // bytes past the last response were read: not reusable
};

// A connection over httplib's plain (ClientImpl) or TLS (SSLClient) client.
template <class Client>
class guarded_connection final : public Client, public connection_guard {
public:
    guarded_connection(const client_options& options, const connection_target& target)
        : Client(target.host, target.port), connection_guard(options, target) {
        if constexpr (std::is_same_v<Client, httplib::SSLClient>) {
            // httplib's own checks are replaced by configure_tls: its CA
            // loading adds the system's CAs to the given ones, and its host
            // name check is lax.
            this->enable_server_certificate_verification(false);
            if (options.verify_tls) configure_tls(this->ssl_context(), options);
        }
    }

private:
    using socket_type = typename Client::Socket;

    bool create_and_connect_socket(socket_type& socket, httplib::Error& error) override {
        return this->is_valid() &&
               open(socket.sock, this->connection_timeout_sec_, this->connection_timeout_usec_, error);
    }

    bool process_socket(const socket_type& socket, std::function<bool(httplib::Stream&)> callback) override {
        return exchange(socket.sock, socket.ssl, callback);
    }
};

// A connection as the transport's pool keeps it: httplib's client, to send,
// and its guard, to set the limits and learn why an exchange stopped.
struct pooled_connection {
    std::unique_ptr<httplib::ClientImpl> client;
    connection_guard* guard = nullptr;
};

// A new connection (opened at its first exchange) to `target`.
WEBHOOKSIO_DECL pooled_connection make_connection(const client_options& options, const connection_target& target);

// A certificate store holding every certificate of `pem`; null when none.
WEBHOOKSIO_DECL X509_STORE* store_from_pem(const std::string& pem);

}  // namespace webhooksio::detail

#if WEBHOOKSIO_DEFINITIONS
#include "../impl/httplib_connection.ipp"
#endif
