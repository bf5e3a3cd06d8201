// Definitions for detail/httplib_connection.hpp.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <memory>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

namespace webhooksio::detail {

// Counts the head of a response (status line to blank line, 1xx heads
// included) as its bytes go by, and says when it is over the bounds.
class head_counter {
public:
    explicit head_counter(const exchange_limits& limits) : limits_(limits) {}

    // False when the bytes make the head too large.
    bool feed(const char* data, std::size_t size) {
        for (std::size_t i = 0; i < size && !done_; ++i) {
            ++bytes_;
            const char c = data[i];
            if (lines_ == 0 && line_length_ < sizeof status_) status_[line_length_] = c;
            if (c != '\n') {
                if (c != '\r') ++line_length_;
                continue;
            }
            if (line_length_ == 0) {
                // The blank line: an interim (1xx) head is followed by another.
                done_ = status_[9] != '1';
                lines_ = 0;
                continue;
            }
            if (lines_ > 0) ++fields_;
            ++lines_;
            line_length_ = 0;
            if (fields_ > limits_.max_header_fields) return false;
        }
        return bytes_ <= limits_.max_header_bytes || done_;
    }

    bool done() const noexcept { return done_; }

private:
    const exchange_limits& limits_;
    std::size_t bytes_ = 0, fields_ = 0, lines_ = 0, line_length_ = 0;
    char status_[12] = {};  // "HTTP/1.1 200"
    bool done_ = false;
};

// An httplib stream over a connected socket and, for HTTPS, its TLS session.
// The socket is non-blocking while the stream lives, so that no read or
// write ever waits longer than the limits allow. Reads go through a buffer,
// as in httplib's own stream: httplib reads a response's head a byte at a
// time, which would otherwise be a system call per byte.
class guarded_stream final : public httplib::Stream {
public:
    guarded_stream(int socket, SSL* ssl, const exchange_limits& limits, stop_reason& stopped)
        : socket_(socket), ssl_(ssl), limits_(limits), stopped_(stopped), head_(limits),
          flags_(::fcntl(socket, F_GETFL)) {
        ::fcntl(socket_, F_SETFL, flags_ | O_NONBLOCK);
    }
    ~guarded_stream() override { ::fcntl(socket_, F_SETFL, flags_); }
    guarded_stream(const guarded_stream&) = delete;
    guarded_stream& operator=(const guarded_stream&) = delete;

    // httplib asks these only around content providers, which are not used.
    bool is_readable() const override { return true; }
    bool is_writable() const override { return true; }

    ssize_t read(char* data, std::size_t size) override {
        if (next_ == end_) {
            const ssize_t n = read_some(buffer_, sizeof buffer_);
            if (n <= 0) return n;
            next_ = 0;
            end_ = std::size_t(n);
        }
        const std::size_t n = std::min(size, end_ - next_);
        std::memcpy(data, buffer_ + next_, n);
        next_ += n;
        return ssize_t(n);
    }

    ssize_t write(const char* data, std::size_t size) override {
        const int chunk = int(std::min<std::size_t>(size, INT_MAX));
        for (;;) {
            int wants = POLLOUT;
            if (ssl_) {
                ERR_clear_error();
                const int n = SSL_write(ssl_, data, chunk);
                if (n > 0) return n;
                const int e = SSL_get_error(ssl_, n);
                if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) return -1;
                wants = e == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT;
            } else {
                const ssize_t n = ::send(socket_, data, std::size_t(chunk), MSG_NOSIGNAL);
                if (n >= 0) return n;
                if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return -1;
            }
            if (!wait(wants)) return -1;
        }
    }

    void get_remote_ip_and_port(std::string&, int&) const override {}
    void get_local_ip_and_port(std::string&, int&) const override {}
    socket_t socket() const override { return socket_; }

    // Bytes read from the socket that nobody took: what followed the response.
    bool has_unread() const noexcept { return next_ != end_; }

private:
    // What the socket has now, up to `size` bytes: at least one, waiting
    // within the limits; 0 at its end, -1 on failure. The head's bytes are
    // counted as they arrive.
    ssize_t read_some(char* data, std::size_t size) {
        const int chunk = int(std::min<std::size_t>(size, INT_MAX));
        for (;;) {
            ssize_t n;
            int wants = POLLIN;
            if (ssl_) {
                ERR_clear_error();
                n = SSL_read(ssl_, data, chunk);
                if (n <= 0) {
                    const int e = SSL_get_error(ssl_, int(n));
                    if (e == SSL_ERROR_ZERO_RETURN) return 0;
                    if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) return -1;
                    wants = e == SSL_ERROR_WANT_WRITE ? POLLOUT : POLLIN;
                }
            } else {
                n = ::recv(socket_, data, std::size_t(chunk), 0);
                if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return -1;
            }
            if (n >= 0) {
                if (!head_.done() && !head_.feed(data, std::size_t(n))) {
                    stopped_ = stop_reason::headers_too_large;
                    return -1;
                }
                return n;
            }
            if (!wait(wants)) return -1;
        }
    }

    // Waits until the socket is ready for `events`, at most read_timeout and
    // never past the deadline; false (and why) when it isn't.
    bool wait(int events) {
        for (;;) {
            const auto now = std::chrono::steady_clock::now();
            if (now >= limits_.deadline) {
                stopped_ = stop_reason::deadline;
                return false;
            }
            const auto left = std::chrono::ceil<std::chrono::milliseconds>(limits_.deadline - now);
            const bool deadline_first = left < limits_.read_timeout;
            const auto wait = deadline_first ? left : limits_.read_timeout;
            pollfd ready{socket_, short(events), 0};
            const int n = ::poll(&ready, 1, int(std::min<long long>(wait.count(), INT_MAX)));
            if (n > 0) return true;
            if (n < 0 && errno != EINTR) return false;
            if (n == 0 && !deadline_first) {
                stopped_ = stop_reason::read_timeout;
                return false;
            }
        }
    }

    int socket_;
    SSL* ssl_;
    const exchange_limits& limits_;
    stop_reason& stopped_;
    head_counter head_;
    int flags_;
    char buffer_[4096];
    std::size_t next_ = 0, end_ = 0;  // the unread part of buffer_
};

// Whether a connection that served before can take a request: no byte
// waits on it and the server did not close it. For TLS, records that are
// not application data (a session ticket, say) don't count.
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

WEBHOOKSIO_DECL connection_guard::connection_guard(const client_options& options, connection_target target)
    : target_(std::move(target)), proxy_host_(options.proxy.host), proxy_port_(options.proxy.port) {
    if (!options.proxy.host.empty() && !options.proxy.username.empty())
        proxy_authorization_ =
            httplib::make_basic_authentication_header(options.proxy.username, options.proxy.password, true).second;
}

WEBHOOKSIO_DECL bool connection_guard::open(int& socket, time_t connect_timeout_sec, time_t connect_timeout_usec,
                                            httplib::Error& error) {
    const bool via_proxy = !proxy_host_.empty();
    const auto read = std::chrono::duration_cast<std::chrono::microseconds>(limits.read_timeout).count();
    socket = httplib::detail::create_client_socket(via_proxy ? proxy_host_ : target_.host, std::string(),
                                                   via_proxy ? proxy_port_ : target_.port, AF_UNSPEC,
                                                   /*tcp_nodelay=*/true, nullptr, connect_timeout_sec,
                                                   connect_timeout_usec, read / 1000000, read % 1000000,
                                                   read / 1000000, read % 1000000, std::string(), error);
    if (socket == INVALID_SOCKET) return false;
    served_ = leftover_ = false;
    if (via_proxy && target_.https && !tunnel(socket)) {
        ::close(socket);
        socket = INVALID_SOCKET;
        error = httplib::Error::Connection;
        return false;
    }
    return true;
}

WEBHOOKSIO_DECL bool connection_guard::tunnel(int socket) {
    std::string authority = target_.host.find(':') != std::string::npos ? '[' + target_.host + ']' : target_.host;
    authority += ':' + std::to_string(target_.port);
    std::string request = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n";
    if (!proxy_authorization_.empty()) request += "Proxy-Authorization: " + proxy_authorization_ + "\r\n";
    request += "\r\n";

    guarded_stream stream(socket, nullptr, limits, stopped);
    for (std::size_t sent = 0; sent < request.size();) {
        const ssize_t n = stream.write(request.data() + sent, request.size() - sent);
        if (n <= 0) return false;
        sent += std::size_t(n);
    }
    // The proxy's answer, up to the blank line (its size bounded by the
    // stream's head counter).
    std::string head;
    char byte;
    while (!head.ends_with("\r\n\r\n")) {
        if (stream.read(&byte, 1) != 1) return false;
        head += byte;
    }
    // Nothing may follow the proxy's answer: the tunnel's first bytes are
    // our TLS handshake's.
    const bool opened = head.starts_with("HTTP/1.") && head.substr(8, 4) == " 200" && !stream.has_unread();
    if (!opened) stopped = stop_reason::proxy_refused;
    return opened;
}

WEBHOOKSIO_DECL bool connection_guard::exchange(int socket, SSL* ssl,
                                                const std::function<bool(httplib::Stream&)>& callback) {
    if (served_ && (leftover_ || !idle_and_open(socket, ssl))) {
        stopped = stop_reason::stale;
        return false;
    }
    served_ = true;
    guarded_stream stream(socket, ssl, limits, stopped);
    const bool exchanged = callback(stream);
    leftover_ = stream.has_unread();
    return exchanged;
}

WEBHOOKSIO_DECL X509_STORE* store_from_pem(const std::string& pem) {
    std::unique_ptr<BIO, decltype(&BIO_free)> in(BIO_new_mem_buf(pem.data(), int(pem.size())), &BIO_free);
    X509_STORE* store = X509_STORE_new();
    int added = 0;
    while (X509* cert = PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr)) {
        added += X509_STORE_add_cert(store, cert);
        X509_free(cert);
    }
    if (added == 0) {
        X509_STORE_free(store);
        return nullptr;
    }
    return store;
}

// Keeps the first reason OpenSSL gives for refusing the server's certificate.
inline int record_refusal(int ok, X509_STORE_CTX* store) {
    if (ok) return ok;
    auto* ssl = static_cast<SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    auto* guard = static_cast<connection_guard*>(SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl)));
    if (guard && guard->tls_refusal.empty())
        guard->tls_refusal = X509_verify_cert_error_string(X509_STORE_CTX_get_error(store));
    return ok;
}

WEBHOOKSIO_DECL void connection_guard::configure_tls(SSL_CTX* ctx, const client_options& options) {
    if (!ctx) return;
    SSL_CTX_set_app_data(ctx, this);
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
    if (X509_VERIFY_PARAM_set1_ip_asc(param, target_.host.c_str()) != 1)
        X509_VERIFY_PARAM_set1_host(param, target_.host.c_str(), target_.host.size());
}

WEBHOOKSIO_DECL pooled_connection make_connection(const client_options& options, const connection_target& target) {
    pooled_connection made;
    if (target.https) {
        auto tls = std::make_unique<guarded_connection<httplib::SSLClient>>(options, target);
        made.guard = tls.get();
        made.client = std::move(tls);
    } else {
        auto plain = std::make_unique<guarded_connection<httplib::ClientImpl>>(options, target);
        made.guard = plain.get();
        made.client = std::move(plain);
        // A plain request goes to the proxy itself, in absolute form, with
        // the credentials (over HTTPS they go on CONNECT only: see tunnel).
        const proxy_options& proxy = options.proxy;
        if (!proxy.host.empty()) {
            made.client->set_proxy(proxy.host, proxy.port);
            if (!proxy.username.empty())
                made.client->set_default_headers(
                    {httplib::make_basic_authentication_header(proxy.username, proxy.password, true)});
        }
    }
    made.client->set_keep_alive(true);
    // Targets arrive percent-encoded already; don't encode them twice.
    made.client->set_url_encode(false);
    return made;
}

}  // namespace webhooksio::detail
