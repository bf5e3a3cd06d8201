// Definitions for httplib_transport.hpp.
#pragma once

#include <cstdint>

namespace webhooksio {
namespace detail {

// `connect` means that no byte of the request was sent (retry.hpp relies
// on it): the connection was refused, unreachable or timed out.
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

}  // namespace detail

WEBHOOKSIO_DECL httplib_transport::httplib_transport(client_options options) : options_(std::move(options)) {
    auto url = detail::parse_base_url(options_.base_url);
    if (!url) throw_error(std::move(url).error());
    std::string host = url->host;
    if (host.starts_with('[')) host = host.substr(1, host.size() - 2);  // httplib adds them back in Host
    target_ = {std::move(host), url->port, url->scheme == "https"};
    if (!options_.ca_bundle_pem.empty()) {
        X509_STORE* store = detail::store_from_pem(options_.ca_bundle_pem);
        if (!store) throw_error(error::usage("webhooksio: ca_bundle_pem holds no PEM certificate"));
        X509_STORE_free(store);
    }
}

WEBHOOKSIO_DECL result<http_response> httplib_transport::send(const http_request& request) {
    auto [connection, reused] = pool_->acquire(*this);
    auto answer = exchange(connection, request);
    // Once more on a fresh connection (httplib opens one: the failed socket
    // is closed), which is not a failure of the call, so not a retry:
    //   - a reused connection found holding unread bytes or closed before
    //     the request was written, whatever the method;
    //   - an idempotent request on a reused connection that the server
    //     closed while it sat idle, which the check above can miss by a hair.
    const bool stale = answer.stopped == detail::stop_reason::stale;
    const bool closed_while_idle = !answer.response && reused && is_idempotent(request.method) &&
                                   answer.stopped == detail::stop_reason::none &&
                                   (answer.failure == httplib::Error::Read || answer.failure == httplib::Error::Write);
    if (stale || closed_while_idle) answer = exchange(connection, request);
    if (!answer.response) return failure(answer);
    pool_->release(std::move(connection));
    return std::move(*answer.response);
}

WEBHOOKSIO_DECL httplib_transport::outcome httplib_transport::exchange(detail::pooled_connection& connection,
                                                                       const http_request& request) const {
    outcome result;
    const auto now = std::chrono::steady_clock::now();
    if (now >= request.deadline) {
        result.stopped = detail::stop_reason::deadline;
        return result;
    }
    detail::connection_guard& guard = *connection.guard;
    guard.stopped = detail::stop_reason::none;
    guard.tls_refusal.clear();
    guard.limits = {options_.read_timeout, request.deadline, options_.max_response_header_fields,
                    options_.max_response_header_bytes};
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(request.deadline - now);
    connection.client->set_connection_timeout(std::min(options_.connect_timeout, left));

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

    httplib::Response in;
    // This overload of send() doesn't copy the request, as send(const Request&) does.
    const bool sent = connection.client->send(out, in, result.failure);
    result.stopped = guard.stopped;
    // A connect that timed out because the call's time ran out.
    if (!sent && result.stopped == detail::stop_reason::none && std::chrono::steady_clock::now() >= request.deadline)
        result.stopped = detail::stop_reason::deadline;
    result.body_too_large = read.too_large;
    result.tls_refusal = std::move(guard.tls_refusal);
    if (!sent) return result;

    http_response& response = result.response.emplace();
    response.status = in.status;
    response.body = std::move(read.body);
    response.headers.reserve(in.headers.size());
    for (auto& [name, value] : in.headers) response.headers.emplace_back(name, std::move(value));
    return result;
}

// The one place where a failed exchange becomes an error.
WEBHOOKSIO_DECL error httplib_transport::failure(const outcome& failed) const {
    auto ms = [](std::chrono::milliseconds d) { return std::to_string(d.count()) + " ms"; };
    switch (failed.stopped) {
        case detail::stop_reason::headers_too_large:
            return error::transport(transport_failure::too_large,
                                    "the response's headers exceed max_response_header_fields (" +
                                        std::to_string(options_.max_response_header_fields) +
                                        ") or max_response_header_bytes (" +
                                        std::to_string(options_.max_response_header_bytes) + "); reading stopped");
        case detail::stop_reason::deadline:
            return error::transport(transport_failure::timeout,
                                    "the call took longer than total_timeout (" + ms(options_.total_timeout) + ')');
        case detail::stop_reason::read_timeout:
            return error::transport(transport_failure::timeout,
                                    "no answer within read_timeout (" + ms(options_.read_timeout) + ')');
        case detail::stop_reason::proxy_refused:
            return error::transport(transport_failure::connect, "transport error: the proxy refused to open a tunnel");
        default: break;
    }
    if (failed.body_too_large)
        return error::transport(transport_failure::too_large,
                                "the response body is larger than max_response_body (" +
                                    std::to_string(options_.max_response_body) + " bytes); reading stopped");
    std::string what = "transport error: " + httplib::to_string(failed.failure);
    if (!failed.tls_refusal.empty()) what += ": the server's certificate was refused: " + failed.tls_refusal;
    return error::transport(detail::classify(failed.failure), std::move(what));
}

WEBHOOKSIO_DECL std::pair<detail::pooled_connection, bool> httplib_transport::pool::acquire(
    const httplib_transport& owner) {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto connection = std::move(idle_.back());
            idle_.pop_back();
            return {std::move(connection), true};
        }
    }
    return {detail::make_connection(owner.options_, owner.target_), false};
}

WEBHOOKSIO_DECL void httplib_transport::pool::release(detail::pooled_connection connection) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
}

}  // namespace webhooksio
