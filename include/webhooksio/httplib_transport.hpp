// The default transport, over cpp-httplib's public API: HTTP and HTTPS,
// keep-alive connections reused from a pool (one per concurrent caller) when
// they are idle and open, TCP_NODELAY on, timeouts and the call's deadline,
// proxy, CA certificates and limits on the response
// (detail/httplib_connection.hpp).
#pragma once

#include <memory>

#include "client_options.hpp"
#include "config.hpp"
#include "result.hpp"
#include "transport.hpp"

namespace webhooksio {

class httplib_transport {
public:
    // Throws usage_error for options that detail/checked_options.hpp refuses
    // (a bad base_url or proxy, a ca_bundle_pem without a certificate): now,
    // not at the first call.
    WEBHOOKSIO_DECL explicit httplib_transport(client_options options);
    WEBHOOKSIO_DECL httplib_transport(httplib_transport&&) noexcept;
    WEBHOOKSIO_DECL httplib_transport& operator=(httplib_transport&&) noexcept;
    WEBHOOKSIO_DECL ~httplib_transport();

    WEBHOOKSIO_DECL result<http_response> send(const http_request& request);

private:
    // The connections and the exchanges over cpp-httplib
    // (detail/httplib_engine.hpp): behind a pointer, so that a program built
    // with WEBHOOKSIO_SEPARATE_COMPILATION never reads httplib.h outside its
    // one source file.
    class engine;
    std::unique_ptr<engine> engine_;
};

static_assert(transport<httplib_transport>);

}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
#include "impl/httplib_transport.ipp"
#endif
