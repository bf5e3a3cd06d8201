// Definitions for detail/httplib_connection.hpp.
#pragma once

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <type_traits>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "../detail/basic_credentials.hpp"

namespace webhooksio::detail {

// The bytes a socket received since it opened (Linux's TCP_INFO
// tcpi_bytes_received, at a fixed offset of the kernel's structure: glibc's
// <netinet/tcp.h>, which httplib includes, declares an older, shorter one);
// 0 when the kernel does not say (before Linux 4.1).
inline std::uint64_t tcp_bytes_received(int socket) {
    constexpr std::size_t offset = 128;  // offsetof(struct tcp_info, tcpi_bytes_received) in <linux/tcp.h>
    unsigned char info[256] = {};
    socklen_t size = sizeof info;
    if (::getsockopt(socket, IPPROTO_TCP, TCP_INFO, info, &size) != 0 || size < offset + 8) return 0;
    std::uint64_t received = 0;
    std::memcpy(&received, info + offset, sizeof received);
    return received;
}

// Whether a connection that served before can take a request: no byte
// waits on it (an answer nobody asked for) and the server did not close it.
// For TLS, records that are not application data (a session ticket, say)
// don't count.
inline bool idle_and_open(int socket, SSL* ssl) {
    if (ssl && SSL_pending(ssl) > 0) return false;
    pollfd ready{socket, POLLIN, 0};
    if (::poll(&ready, 1, 0) == 0) return true;
    if (!ssl) return false;
    const int flags = ::fcntl(socket, F_GETFL);
    ::fcntl(socket, F_SETFL, flags | O_NONBLOCK);
    ERR_clear_error();
    char byte;
    const int n = SSL_peek(ssl, &byte, 1);
    const bool only_handshake = n <= 0 && SSL_get_error(ssl, n) == SSL_ERROR_WANT_READ;
    ERR_clear_error();
    ::fcntl(socket, F_SETFL, flags);
    return only_handshake;
}

// The size of `response` on the wire, when it had a Content-Length: its head
// written the usual way ("Name: value"), and its body; 0 otherwise.
inline std::uint64_t wire_size(const httplib::Response& response, std::size_t body) {
    if (!response.has_header("Content-Length")) return 0;
    std::uint64_t size = response.version.size() + 5 + response.reason.size() + 2 + 2 + body;
    for (const auto& [name, value] : response.headers) size += name.size() + 2 + value.size() + 2;
    return size;
}

// The options httplib's releases name differently.
template <class Client>
void send_paths_as_given(Client& client) {
    if constexpr (requires { client.set_path_encode(false); })
        client.set_path_encode(false);  // 0.2x on
    else
        client.set_url_encode(false);
}

template <class Client>
void bound_whole_exchange(Client& client, std::chrono::milliseconds left) {
    // From 0.19 on httplib ends the exchange itself; exchange_watch does on
    // every release.
    if constexpr (requires { client.set_max_timeout(left); }) client.set_max_timeout(left);
}

template <class Client>
SSL_CTX* tls_context_of(Client& client) {
    if constexpr (requires { client.ssl_context(); })
        return client.ssl_context();
    else
        return static_cast<SSL_CTX*>(client.tls_context());  // 0.3x on, OpenSSL backend
}

// ---- exchange_watch ----

WEBHOOKSIO_DECL exchange_watch::~exchange_watch() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        changed_.notify_all();
    }
    if (thread_.joinable()) thread_.join();
}

WEBHOOKSIO_DECL void exchange_watch::add(httplib_connection& connection) {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
    watched_.push_back(&connection);
    // A watch that looks periodically will see it in time: no wake-up.
    if (next_look_ == std::chrono::steady_clock::time_point::max()) changed_.notify_all();
}

WEBHOOKSIO_DECL void exchange_watch::remove(httplib_connection& connection) {
    std::lock_guard lock(mutex_);
    auto at = std::find(watched_.begin(), watched_.end(), &connection);
    if (at == watched_.end()) return;
    *at = watched_.back();
    watched_.pop_back();
}

WEBHOOKSIO_DECL void exchange_watch::run() {
    std::unique_lock lock(mutex_);
    // The watch keeps looking for a while after the last exchange, so that
    // steady traffic never has to wake it.
    int idle_looks = 0;
    while (!stopping_) {
        const auto now = std::chrono::steady_clock::now();
        idle_looks = watched_.empty() ? idle_looks + 1 : 0;
        next_look_ = idle_looks > 50 ? std::chrono::steady_clock::time_point::max() : inspect(now);
        changed_.wait_until(lock, next_look_);
    }
}

WEBHOOKSIO_DECL std::chrono::steady_clock::time_point exchange_watch::inspect(std::chrono::steady_clock::time_point now) {
    auto next = now + look_after;
    for (httplib_connection* connection : watched_) {
        connection->inspect(now);
        next = std::min(next, connection->progress.deadline);
    }
    return next;
}

// ---- httplib_connection ----

// Records the TLS session of a connection once its handshake is done, so
// that prepare() can look into what OpenSSL holds.
inline void record_session(const SSL* ssl, int where, int) {
    if (!(where & SSL_CB_HANDSHAKE_DONE)) return;
    if (auto* connection = static_cast<httplib_connection*>(SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl))))
        connection->on_handshake(const_cast<SSL*>(ssl));
}

// Keeps the first reason OpenSSL gives for refusing the server's certificate.
inline int record_refusal(int ok, X509_STORE_CTX* store) {
    if (ok) return ok;
    auto* ssl = static_cast<SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    auto* connection = static_cast<httplib_connection*>(SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl)));
    if (connection && connection->tls_refusal.empty())
        connection->tls_refusal = X509_verify_cert_error_string(X509_STORE_CTX_get_error(store));
    return ok;
}

WEBHOOKSIO_DECL httplib_connection::httplib_connection(const client_options& options, const connection_target& target)
    : target_host_(target.host) {
    if (target.https) {
        auto tls = std::make_unique<httplib::SSLClient>(target.host, target.port);
        configure(*tls, options, target);
        client_ = std::move(tls);
    } else {
        auto plain = std::make_unique<httplib::ClientImpl>(target.host, target.port);
        configure(*plain, options, target);
        client_ = std::move(plain);
    }
}

template <class Client>
void httplib_connection::configure(Client& client, const client_options& options, const connection_target& target) {
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);
    client.set_socket_options([this](auto socket) { on_new_socket(int(socket)); });
    // Targets arrive percent-encoded already; don't encode them twice.
    send_paths_as_given(client);

    const proxy_options& proxy = options.proxy;
    if (!proxy.host.empty()) {
        client.set_proxy(proxy.host, proxy.port);
        if (!proxy.username.empty()) {
            const std::string credentials = basic_credentials(proxy.username, proxy.password);
            if (!target.https) {
                // A plain request goes to the proxy itself, in absolute form,
                // with the credentials.
                extra_headers_.emplace("Proxy-Authorization", credentials);
            } else if constexpr (requires { client.set_header_writer({}); }) {
                // httplib would put them on every request, inside the tunnel
                // too: they go on its CONNECT only, the first request written
                // on a new socket.
                connect_credentials_ = credentials;
                client.set_header_writer(
                    [this](httplib::Stream& stream, httplib::Headers& headers) { return write_headers(stream, headers); });
            } else {
                // Before 0.14 (no header writer): httplib's own basic
                // authentication, which needs a password. A field of the
                // request's own keeps httplib from adding the credentials
                // inside the tunnel: the server sees it empty.
                client.set_proxy_basic_auth(proxy.username, proxy.password);
                if (!proxy.password.empty()) extra_headers_.emplace("Proxy-Authorization", "");
            }
        }
    }

    if constexpr (std::is_same_v<Client, httplib::SSLClient>) {
        // httplib's own checks are replaced by configure_tls: its CA loading
        // adds the system's CAs to the given ones, and its host name check
        // differs between releases.
        client.enable_server_certificate_verification(false);
        SSL_CTX* context = tls_context_of(client);
        if (!context) return;
        SSL_CTX_set_app_data(context, this);
        SSL_CTX_set_info_callback(context, record_session);
        if (options.verify_tls) configure_tls(context, options);
    }
}

WEBHOOKSIO_DECL void httplib_connection::on_new_socket(int socket) {
    socket_ = socket;
    session_ = nullptr;
    if (!connect_credentials_.empty()) awaiting_connect_ = true;
}

WEBHOOKSIO_DECL long httplib_connection::write_headers(httplib::Stream& stream, httplib::Headers& headers) {
    std::string out;
    for (const auto& [name, value] : headers) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    if (awaiting_connect_.exchange(false)) out += "Proxy-Authorization: " + connect_credentials_ + "\r\n";
    out += "\r\n";
    return long(stream.write(out.data(), out.size()));
}

WEBHOOKSIO_DECL void httplib_connection::prepare(const client_options& options,
                                                 std::chrono::steady_clock::time_point deadline) {
    const auto now = std::chrono::steady_clock::now();
    const auto left = std::max(std::chrono::ceil<std::chrono::milliseconds>(deadline - now), std::chrono::milliseconds(1));
    // No wait of httplib's may outlast the call.
    client_->set_connection_timeout(std::min(options.connect_timeout, left));
    client_->set_read_timeout(std::min(options.read_timeout, left));
    client_->set_write_timeout(std::min(options.read_timeout, left));
    bound_whole_exchange(*client_, left);

    // An open socket served the exchange before this one.
    if (client_->is_socket_open() && (leftover_ || !idle_and_open(socket_, session_)))
        client_->stop();  // httplib opens a new one
    const bool reused = client_->is_socket_open() != 0;
    leftover_ = false;

    progress.started = now;
    progress.deadline = deadline;
    progress.max_head_bytes = options.max_response_header_bytes;
    progress.received_before = reused ? tcp_bytes_received(socket_) : 0;
    progress.head_done = false;
    progress.body = 0;
    progress.stopped = stop_reason::none;
    tls_refusal.clear();
}

WEBHOOKSIO_DECL void httplib_connection::finish(const httplib::Response& response, std::size_t body) {
    // Over plain TCP, httplib's reads are buffered: bytes that followed the
    // response were read with it, and the next exchange must not trust the
    // socket. (Over TLS, OpenSSL keeps them: SSL_pending sees them.)
    if (session_ || !client_->is_socket_open()) return;
    const std::uint64_t expected = wire_size(response, body);
    leftover_ = expected != 0 && consumed() > expected;
}

WEBHOOKSIO_DECL std::uint64_t httplib_connection::consumed() const {
    const int socket = socket_;
    if (socket < 0) return 0;
    const std::uint64_t received = tcp_bytes_received(socket);
    int waiting = 0;
    if (::ioctl(socket, FIONREAD, &waiting) != 0) waiting = 0;
    const std::uint64_t taken = received - std::min<std::uint64_t>(received, std::uint64_t(waiting));
    return taken - std::min(taken, progress.received_before);
}

WEBHOOKSIO_DECL void httplib_connection::inspect(std::chrono::steady_clock::time_point now) {
    if (progress.stopped != stop_reason::none) return;
    if (now >= progress.deadline) return stop(stop_reason::deadline);
    if (now - progress.started < exchange_watch::look_after) return;
    // What the response may take from the socket: its head, then chunk
    // framing and trailers in proportion to its body (a chunk of one byte
    // takes six), with room for TLS records and a CONNECT answer.
    constexpr std::uint64_t room = 64 * 1024, framing_per_body_byte = 8;
    const bool head_done = progress.head_done;
    const std::uint64_t allowed =
        progress.max_head_bytes + room + (head_done ? framing_per_body_byte * progress.body.load() : 0);
    if (consumed() > allowed) stop(head_done ? stop_reason::framing_too_large : stop_reason::headers_too_large);
}

WEBHOOKSIO_DECL void httplib_connection::stop(stop_reason why) {
    progress.stopped = why;
    client_->stop();  // shuts the socket down under httplib's read: it fails at once
}

WEBHOOKSIO_DECL void httplib_connection::configure_tls(SSL_CTX* ctx, const client_options& options) {
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, record_refusal);
    // The given CAs replace the system's.
    if (!options.ca_bundle_pem.empty() || !options.ca_bundle_path.empty()) {
        X509_STORE* store = options.ca_bundle_pem.empty() ? X509_STORE_new() : store_from_pem(options.ca_bundle_pem);
        if (!options.ca_bundle_path.empty()) X509_STORE_load_file(store, options.ca_bundle_path.c_str());
        SSL_CTX_set_cert_store(ctx, store);  // the context owns it
    } else {
        SSL_CTX_set_default_verify_paths(ctx);
    }
    // OpenSSL checks the name during the handshake (X509_check_host or
    // X509_check_ip_asc), per RFC 6125: the subject alternative names only,
    // a wildcard only as the whole left-most label of a name with at least
    // two more labels.
    X509_VERIFY_PARAM* param = SSL_CTX_get0_param(ctx);
    X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS | X509_CHECK_FLAG_NEVER_CHECK_SUBJECT);
    if (X509_VERIFY_PARAM_set1_ip_asc(param, target_host_.c_str()) != 1)
        X509_VERIFY_PARAM_set1_host(param, target_host_.c_str(), target_host_.size());
}

}  // namespace webhooksio::detail
