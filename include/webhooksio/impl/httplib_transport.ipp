// Definitions for httplib_transport.hpp.
#pragma once

#include <cerrno>
#include <cstdint>

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <boost/asio/error.hpp>

#include "../detail/httplib_engine.hpp"

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

}  // namespace detail

WEBHOOKSIO_DECL httplib_transport::engine::engine(client_options options) : options_(std::move(options)) {
    auto url = detail::check_client_options(options_);
    if (!url) throw_error(std::move(url).error());
    target_ = {url->address(), url->port, url->scheme == "https"};  // httplib adds IPv6 brackets back in Host
}

WEBHOOKSIO_DECL result<http_response> httplib_transport::engine::send(const http_request& request) {
    auto [connection, reused] = pool_.acquire(*this);
    auto answer = exchange(*connection, request);
    // Once more, for an idempotent request on a reused connection that the
    // server closed while it sat idle, which the check before writing
    // (httplib_connection::prepare) can miss by a hair. httplib opens a new
    // connection (the failed socket is closed); not a failure of the call,
    // so not a retry.
    const bool closed_while_idle = !answer.response && reused && is_idempotent(request.method) &&
                                   answer.stopped == detail::stop_reason::none &&
                                   (answer.failure == httplib::Error::Read || answer.failure == httplib::Error::Write);
    if (closed_while_idle) answer = exchange(*connection, request);
    if (!answer.response) return failure(answer);
    pool_.release(std::move(connection));
    return std::move(*answer.response);
}

WEBHOOKSIO_DECL httplib_transport::engine::outcome httplib_transport::engine::exchange(detail::httplib_connection& connection,
                                                                       const http_request& request) {
    outcome result;
    if (std::chrono::steady_clock::now() >= request.deadline) {
        result.stopped = detail::stop_reason::deadline;
        return result;
    }
    connection.prepare(options_, request.deadline);
    detail::exchange_progress& progress = connection.progress;

    httplib::Request out;
    out.method = std::string(to_string(request.method));
    out.path = request.target;
    for (const auto& [name, value] : request.headers) out.headers.emplace(name, value);
    for (const auto& [name, value] : connection.extra_headers()) out.headers.emplace(name, value);
    out.body = request.body;

    // The head is checked once httplib has it, before any of the body is read.
    out.response_handler = [&progress, this](const httplib::Response& head) {
        std::size_t bytes = 0;
        for (const auto& [name, value] : head.headers) bytes += name.size() + value.size() + 4;
        if (head.headers.size() > options_.max_response_header_fields || bytes > options_.max_response_header_bytes) {
            progress.stopped = detail::stop_reason::headers_too_large;
            return false;
        }
        progress.head_done = true;
        return true;
    };
    // Read the body ourselves, so that an oversized one stops the read.
    struct reader {
        std::string body;
        std::size_t limit;
        detail::exchange_progress& progress;
        bool too_large = false;
    } read{{}, options_.max_response_body, progress};
    out.content_receiver = [r = &read](const char* data, std::size_t size, auto, auto total) {
        if (total > r->limit || r->body.size() + size > r->limit) {
            r->too_large = true;
            return false;
        }
        r->body.append(data, size);
        r->progress.body.fetch_add(size, std::memory_order_relaxed);
        return true;
    };

    httplib::Response in;
    pool_.watch.add(connection);
    // This overload of send() doesn't copy the request, as send(const Request&) does.
    const bool sent = connection.client().send(out, in, result.failure);
    pool_.watch.remove(connection);

    result.stopped = progress.stopped;
    result.body_too_large = read.too_large;
    result.tls_refusal = std::move(connection.tls_refusal);
    if (!sent && result.stopped == detail::stop_reason::none && !read.too_large) {
        // httplib says Read (or, from 0.2x, Timeout) for a wait that timed
        // out: one that lasted to the deadline, or at least read_timeout.
        const auto now = std::chrono::steady_clock::now();
        const auto step = detail::classify(result.failure);
        const bool waited = step == transport_failure::read || step == transport_failure::other;
        if (now >= request.deadline)
            result.stopped = detail::stop_reason::deadline;
        else if (waited && now - progress.started >= options_.read_timeout)
            result.stopped = detail::stop_reason::read_timeout;
    }
    if (!sent) return result;
    connection.finish(in, read.body.size());

    http_response& response = result.response.emplace();
    response.status = in.status;
    response.body = std::move(read.body);
    response.headers.reserve(in.headers.size());
    for (auto& [name, value] : in.headers) response.headers.emplace_back(name, std::move(value));
    return result;
}

// The one place where a failed exchange becomes an error.
WEBHOOKSIO_DECL error httplib_transport::engine::failure(const outcome& failed) const {
    const std::string server = target_.host + ':' + std::to_string(target_.port);
    auto ms = [](std::chrono::milliseconds d) { return std::to_string(d.count()) + " ms"; };
    switch (failed.stopped) {
        case detail::stop_reason::headers_too_large:
            return error::transport(errc::response_too_large, transport_failure::too_large,
                                    "the response's headers from " + server + " exceed max_response_header_fields (" +
                                        std::to_string(options_.max_response_header_fields) +
                                        ") or max_response_header_bytes (" +
                                        std::to_string(options_.max_response_header_bytes) + "); reading stopped");
        case detail::stop_reason::framing_too_large:
            return error::transport(errc::response_too_large, transport_failure::too_large,
                                    "the response from " + server +
                                        " sends chunk framing or trailers out of proportion to its body; reading stopped");
        case detail::stop_reason::deadline:
            return error::transport(errc::timed_out, transport_failure::timeout,
                                    "the call took longer than total_timeout (" + ms(options_.total_timeout) + ')');
        case detail::stop_reason::read_timeout:
            return error::transport(errc::timed_out, transport_failure::timeout,
                                    "no answer from " + server + " within read_timeout (" + ms(options_.read_timeout) +
                                        ')');
        default: break;
    }
    if (failed.body_too_large)
        return error::transport(errc::response_too_large, transport_failure::too_large,
                                "the response body from " + server + " is larger than max_response_body (" +
                                    std::to_string(options_.max_response_body) + " bytes); reading stopped");
    const transport_failure step = detail::classify(failed.failure);
    switch (step) {
        case transport_failure::connect: {
            const auto why = failed.failure == httplib::Error::ConnectionTimeout
                                 ? make_error_code(errc::timed_out)
                                 : detail::why_no_connection(target_.host, target_.port, options_.connect_timeout);
            return error::transport(why, step, "could not connect to " + server + ": " + why.message());
        }
        case transport_failure::tls: {
            std::string what = "TLS with " + server + " failed: " + httplib::to_string(failed.failure);
            if (!failed.tls_refusal.empty()) what += ": the server's certificate was refused: " + failed.tls_refusal;
            return error::transport(errc::tls_failed, step, std::move(what));
        }
        case transport_failure::write:
            return error::transport(errc::send_failed, step, "sending the request to " + server + " failed");
        default:
            return error::transport(errc::receive_failed, step,
                                    "the connection to " + server + " failed before a whole answer came");
    }
}

WEBHOOKSIO_DECL std::pair<std::unique_ptr<detail::httplib_connection>, bool> httplib_transport::engine::pool::acquire(
    const engine& owner) {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto connection = std::move(idle_.back());
            idle_.pop_back();
            return {std::move(connection), true};
        }
    }
    return {std::make_unique<detail::httplib_connection>(owner.options_, owner.target_), false};
}

WEBHOOKSIO_DECL void httplib_transport::engine::pool::release(std::unique_ptr<detail::httplib_connection> connection) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
}

WEBHOOKSIO_DECL httplib_transport::httplib_transport(client_options options)
    : engine_(std::make_unique<engine>(std::move(options))) {}
WEBHOOKSIO_DECL httplib_transport::httplib_transport(httplib_transport&&) noexcept = default;
WEBHOOKSIO_DECL httplib_transport& httplib_transport::operator=(httplib_transport&&) noexcept = default;
WEBHOOKSIO_DECL httplib_transport::~httplib_transport() = default;

WEBHOOKSIO_DECL result<http_response> httplib_transport::send(const http_request& request) {
    return engine_->send(request);
}

}  // namespace webhooksio
