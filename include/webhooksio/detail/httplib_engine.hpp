// httplib_transport's engine: a pool of keep-alive connections over
// cpp-httplib's public API, and one exchange of a request and its answer.
// Read only by the library's definitions (impl/httplib_transport.ipp).
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <httplib.h>

#include "../client_options.hpp"
#include "../config.hpp"
#include "../error.hpp"
#include "../httplib_transport.hpp"
#include "checked_options.hpp"
#include "httplib_connection.hpp"
#include "retry.hpp"

namespace webhooksio {

class httplib_transport::engine {
public:
    // Throws usage_error for options that detail/checked_options.hpp refuses
    // (a bad base_url or proxy, a ca_bundle_pem without a certificate): now,
    // not at the first call.
    WEBHOOKSIO_DECL explicit engine(client_options options);

    WEBHOOKSIO_DECL result<http_response> send(const http_request& request);

private:
    struct outcome {
        std::optional<http_response> response;
        httplib::Error failure = httplib::Error::Success;
        detail::stop_reason stopped = detail::stop_reason::none;
        bool body_too_large = false;
        std::string tls_refusal;
    };

    WEBHOOKSIO_DECL outcome exchange(detail::httplib_connection& connection, const http_request& request);
    WEBHOOKSIO_DECL error failure(const outcome& failed) const;

    // Idle keep-alive connections. Only a connection that completed its
    // exchange goes back; a failed one is dropped with its socket.
    class pool {
    public:
        // A connection, and whether it served an exchange before.
        WEBHOOKSIO_DECL std::pair<std::unique_ptr<detail::httplib_connection>, bool> acquire(
            const engine& owner);
        WEBHOOKSIO_DECL void release(std::unique_ptr<detail::httplib_connection> connection);

        detail::exchange_watch watch;

    private:
        std::mutex mutex_;
        std::vector<std::unique_ptr<detail::httplib_connection>> idle_;
    };

    client_options options_;
    detail::connection_target target_;
    pool pool_;
};

}  // namespace webhooksio
