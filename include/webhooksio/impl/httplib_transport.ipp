// Definitions for httplib_transport.hpp.
#pragma once

#include <cerrno>
#include <cstdint>

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <boost/asio/error.hpp>

#include <openssl/pem.h>
#include <openssl/x509.h>

namespace webhooksio {
namespace detail {

// The step at which httplib failed. `connect` means that no byte of the
// request was sent (retry.hpp relies on it): the connection was refused,
// unreachable or timed out.
inline transport_failure classify(httplib::Error e) {
    switch (e) {
        case httplib::Error::Connection:
        case httplib::Error::ConnectionTimeout: return transport_failure::connect;
        case httplib::Error::SSLConnection:
        case httplib::Error::SSLLoadingCerts:
        case httplib::Error::SSLServerVerification: return transport_failure::tls;
        case httplib::Error::Read: return transport_failure::read;
        case httplib::Error::Write: return transport_failure::write;
        default: return transport_failure::other;
    }
}

// httplib loses the system's reason for a failed connection, so one more
// connect (a failure path only, bounded by the connect timeout) asks the
// system: "connection refused" rather than "Connection".
inline boost::system::error_code why_no_connection(const std::string& host, int port,
                                                   std::chrono::milliseconds timeout) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0)
        return boost::asio::error::host_not_found;
    std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, &::freeaddrinfo);
    int error = 0;
    for (addrinfo* a = found; a; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        timeval limit{static_cast<time_t>(timeout.count() / 1000), static_cast<suseconds_t>(timeout.count() % 1000 * 1000)};
        ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
        error = ::connect(fd, a->ai_addr, a->ai_addrlen) == 0 ? 0 : errno;
        ::close(fd);
        if (error == 0) break;
    }
    if (error == 0) return make_error_code(errc::connection_failed);  // it answers now
    if (error == EINPROGRESS || error == EAGAIN) return make_error_code(errc::timed_out);
    return {error, boost::system::system_category()};
}

// A certificate store holding every certificate of `pem`; null when none.
inline X509_STORE* store_from_pem(const std::string& pem) {
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

}  // namespace detail

WEBHOOKSIO_DECL httplib_transport::httplib_transport(client_options options) : options_(std::move(options)) {
    auto url = detail::parse_base_url(options_.base_url);
    if (!url) throw_error(std::move(url).error());
    https_ = url->scheme == "https";
    host_ = url->host;
    port_ = url->port;
    origin_ = url->scheme + "://" + url->host + ':' + std::to_string(url->port);
    if (!options_.ca_bundle_pem.empty()) {
        X509_STORE* store = detail::store_from_pem(options_.ca_bundle_pem);
        if (!store) throw_error(error::usage("webhooksio: ca_bundle_pem holds no PEM certificate"));
        X509_STORE_free(store);
    }
}

WEBHOOKSIO_DECL result<http_response> httplib_transport::send(const http_request& request) {
    auto [connection, reused] = pool_->acquire(*this);
    auto answer = exchange(*connection, request);
    // A keep-alive connection the server closed while it sat idle fails
    // without an answer; httplib usually notices before sending, and when
    // it does not, an idempotent request goes once more on a fresh
    // connection. That is not a failure of the call, so not a retry.
    if (!answer.response && reused && is_idempotent(request.method) &&
        (answer.failure == httplib::Error::Read || answer.failure == httplib::Error::Write) &&
        answer.elapsed < options_.read_timeout) {
        connection = connect();
        answer = exchange(*connection, request);
    }
    if (!answer.response) return failure(answer);
    pool_->release(std::move(connection));
    return std::move(*answer.response);
}

WEBHOOKSIO_DECL httplib_transport::outcome httplib_transport::exchange(httplib::Client& connection,
                                                                       const http_request& request) const {
    httplib::Request out;
    out.method = std::string(to_string(request.method));
    out.path = request.target;
    for (const auto& [name, value] : request.headers) out.headers.emplace(name, value);
    out.body = request.body;

    // Read the body ourselves, so that an oversized one stops the read.
    // One pointer captured keeps the callback in std::function's own storage.
    struct reader {
        std::string body;
        std::size_t limit;
        bool too_large = false;
    } read{{}, options_.max_response_body};
    out.content_receiver = [r = &read](const char* data, std::size_t size, std::uint64_t, std::uint64_t total) {
        if (total > r->limit || r->body.size() + size > r->limit) {
            r->too_large = true;
            return false;
        }
        r->body.append(data, size);
        return true;
    };

    outcome result;
    httplib::Response in;
    const auto start = std::chrono::steady_clock::now();
    // This overload of send() doesn't copy the request, as send(const Request&) does.
    const bool sent = connection.send(out, in, result.failure);
    result.elapsed = std::chrono::steady_clock::now() - start;
    result.too_large = read.too_large;
    if (!sent) return result;

    http_response& response = result.response.emplace();
    response.status = in.status;
    response.body = std::move(read.body);
    response.headers.reserve(in.headers.size());
    for (auto& [name, value] : in.headers) response.headers.emplace_back(name, std::move(value));
    return result;
}

WEBHOOKSIO_DECL error httplib_transport::failure(const outcome& failed) const {
    const std::string server = host_ + ':' + std::to_string(port_);
    if (failed.too_large)
        return error::transport(errc::response_too_large, transport_failure::too_large,
                                "the response body from " + server + " is larger than max_response_body (" +
                                    std::to_string(options_.max_response_body) + " bytes); reading stopped");
    transport_failure step = detail::classify(failed.failure);
    // httplib reports a read that timed out as a plain read error.
    if (step == transport_failure::read && failed.elapsed >= options_.read_timeout) step = transport_failure::timeout;
    switch (step) {
        case transport_failure::connect: {
            const auto why = failed.failure == httplib::Error::ConnectionTimeout
                                 ? make_error_code(errc::timed_out)
                                 : detail::why_no_connection(host_, port_, options_.connect_timeout);
            return error::transport(why, step, "could not connect to " + server + ": " + why.message());
        }
        case transport_failure::timeout:
            return error::transport(errc::timed_out, step, "no answer from " + server + " within read_timeout (" +
                                                               std::to_string(options_.read_timeout.count()) + " ms)");
        case transport_failure::tls:
            return error::transport(errc::tls_failed, step, "TLS with " + server + " failed: " +
                                                                httplib::to_string(failed.failure));
        case transport_failure::write:
            return error::transport(errc::send_failed, step, "sending the request to " + server + " failed");
        default:
            return error::transport(errc::receive_failed, step, "the connection to " + server +
                                                                    " failed before a whole answer came");
    }
}

WEBHOOKSIO_DECL std::unique_ptr<httplib::Client> httplib_transport::connect() const {
    auto connection = std::make_unique<httplib::Client>(origin_);
    // Without TCP_NODELAY a keep-alive call on Linux waits ~40 ms for the
    // peer's delayed ACK.
    connection->set_tcp_nodelay(true);
    connection->set_keep_alive(true);
    // Targets arrive percent-encoded already; don't encode them twice.
    connection->set_url_encode(false);
    connection->set_connection_timeout(options_.connect_timeout);
    connection->set_read_timeout(options_.read_timeout);
    connection->set_write_timeout(options_.read_timeout);
    const proxy_options& proxy = options_.proxy;
    if (!proxy.host.empty()) {
        connection->set_proxy(proxy.host, proxy.port);
        if (!proxy.username.empty()) connection->set_proxy_basic_auth(proxy.username, proxy.password);
    }
    if (https_) {
        connection->enable_server_certificate_verification(options_.verify_tls);
        if (!options_.ca_bundle_pem.empty()) {
            // The connection owns its store (httplib frees it).
            X509_STORE* store = detail::store_from_pem(options_.ca_bundle_pem);
            if (!options_.ca_bundle_path.empty())
                X509_STORE_load_locations(store, options_.ca_bundle_path.c_str(), nullptr);
            connection->set_ca_cert_store(store);
        } else if (!options_.ca_bundle_path.empty()) {
            connection->set_ca_cert_path(options_.ca_bundle_path);
        }
    }
    return connection;
}

WEBHOOKSIO_DECL std::pair<std::unique_ptr<httplib::Client>, bool> httplib_transport::pool::acquire(
    const httplib_transport& owner) {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto connection = std::move(idle_.back());
            idle_.pop_back();
            return {std::move(connection), true};
        }
    }
    return {owner.connect(), false};
}

WEBHOOKSIO_DECL void httplib_transport::pool::release(std::unique_ptr<httplib::Client> connection) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
}

}  // namespace webhooksio
