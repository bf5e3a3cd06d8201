// The default transport, over cpp-httplib: HTTP and HTTPS, keep-alive
// connections reused from a pool (one per concurrent caller), TCP_NODELAY on.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <httplib.h>

#include "client_options.hpp"
#include "detail/base_url.hpp"
#include "error.hpp"
#include "transport.hpp"

namespace webhooksio {

class httplib_transport {
public:
    explicit httplib_transport(client_options options) : options_(std::move(options)) {
        auto url = detail::parse_base_url(options_.base_url);
        if (!url) throw_error(std::move(url).error());
        origin_ = url->scheme + "://" + url->host + ':' + std::to_string(url->port);
    }

    result<http_response> send(const http_request& request) {
        std::unique_ptr<httplib::Client> connection = pool_->acquire(*this);
        httplib::Request out;
        out.method = std::string(to_string(request.method));
        out.path = request.target;
        for (const auto& [name, value] : request.headers) out.headers.emplace(name, value);
        out.body = request.body;

        httplib::Result sent = connection->send(out);
        if (!sent) return error::transport(classify(sent.error()), "transport error: " + httplib::to_string(sent.error()));

        http_response response;
        response.status = sent->status;
        response.body = std::move(sent->body);
        response.headers.reserve(sent->headers.size());
        for (auto& [name, value] : sent->headers) response.headers.emplace_back(name, value);
        pool_->release(std::move(connection));
        return response;
    }

private:
    static transport_failure classify(httplib::Error e) {
        switch (e) {
            case httplib::Error::Connection: return transport_failure::connect;
            case httplib::Error::ConnectionTimeout: return transport_failure::timeout;
            case httplib::Error::SSLConnection:
            case httplib::Error::SSLLoadingCerts:
            case httplib::Error::SSLServerVerification: return transport_failure::tls;
            case httplib::Error::Read: return transport_failure::read;
            case httplib::Error::Write: return transport_failure::write;
            default: return transport_failure::other;
        }
    }

    std::unique_ptr<httplib::Client> connect() const {
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
        connection->enable_server_certificate_verification(options_.verify_tls);
        if (!options_.ca_bundle_path.empty()) connection->set_ca_cert_path(options_.ca_bundle_path);
        return connection;
    }

    // Idle keep-alive connections. Only a connection that completed its
    // exchange goes back; a failed one is dropped with its socket.
    class pool {
    public:
        std::unique_ptr<httplib::Client> acquire(const httplib_transport& owner) {
            {
                std::lock_guard lock(mutex_);
                if (!idle_.empty()) {
                    auto connection = std::move(idle_.back());
                    idle_.pop_back();
                    return connection;
                }
            }
            return owner.connect();
        }
        void release(std::unique_ptr<httplib::Client> connection) {
            std::lock_guard lock(mutex_);
            idle_.push_back(std::move(connection));
        }

    private:
        std::mutex mutex_;
        std::vector<std::unique_ptr<httplib::Client>> idle_;
    };

    client_options options_;
    std::string origin_;
    // Behind a pointer so that the transport can move into its client.
    std::unique_ptr<pool> pool_ = std::make_unique<pool>();
};

static_assert(transport<httplib_transport>);

}  // namespace webhooksio
