// The default asynchronous transport, over Boost.Beast: HTTP and HTTPS
// (asio::ssl), a pool of keep-alive connections per transport, an HTTP proxy.
//
//   - At most client_options::max_connections connections are open at once;
//     sends beyond that wait in line (first come, first served).
//   - A connection goes back to the pool only after a complete exchange, and
//     is checked before each reuse: one the server closed, or that holds
//     bytes nobody asked for, is closed and replaced, so that an unsolicited
//     response is never taken for the answer to the next request.
//   - Per attempt: connect_timeout bounds the connection (connect, proxy,
//     TLS handshake), read_timeout every read; the asio_client's
//     total_timeout bounds the rest. One timer per transport (a watchdog,
//     looking a few times per timeout) enforces them, so a step is stopped
//     within 1.25 times its bound; it also closes connections idle for
//     client_options::idle_timeout. It runs only while sends are in flight,
//     so that it never keeps io_context::run() from returning: a connection
//     that went idle after the last send is closed at the pool's next use,
//     or with the transport.
//   - Responses are bounded: the body by max_response_body, the header by
//     max_response_header_bytes and max_response_header_fields.
//   - A send cancelled through its token's cancellation slot (terminal or
//     partial) completes at once with operation_aborted; its connection is
//     closed, never reused half-read.
//   - Every send runs on one strand of the transport, so one transport may be
//     used from every thread of a multi-threaded io_context. Destroying the
//     transport cancels every send in flight (they complete with
//     operation_aborted); it never waits for them.
#pragma once

#include <memory>
#include <tuple>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/cancellation_signal.hpp>

#include "../client_options.hpp"
#include "../config.hpp"
#include "../transport.hpp"
#include "async_transport.hpp"

namespace webhooksio {
namespace detail {

class connection_pool;

// Starts one send; compiled once, whatever the completion token.
WEBHOOKSIO_DECL void start_send(const std::shared_ptr<connection_pool>& pool, http_request request,
                                boost::asio::any_completion_handler<send_signature> handler);

}  // namespace detail

class beast_transport {
public:
    using executor_type = boost::asio::any_io_executor;

    // Throws usage_error for a bad base_url, proxy or CA bundle: now, not at
    // the first send.
    WEBHOOKSIO_DECL beast_transport(executor_type executor, const client_options& options);
    // Cancels every send in flight; never blocks.
    WEBHOOKSIO_DECL ~beast_transport();

    beast_transport(beast_transport&&) noexcept = default;
    beast_transport& operator=(beast_transport&&) = delete;

    WEBHOOKSIO_DECL executor_type get_executor() const noexcept;

    // asio_client's shortcut past the completion-token machinery, for a
    // coroutine on the transport's own strand (runs_on): the send as an
    // awaitable, cancelled through `slot` (emitted on that strand).
    WEBHOOKSIO_DECL bool runs_on(const executor_type& strand) const noexcept;
    WEBHOOKSIO_DECL boost::asio::awaitable<std::tuple<boost::system::error_code, http_response>> co_send(
        const http_request& request, boost::asio::cancellation_slot slot);

    template <boost::asio::completion_token_for<send_signature> Token>
    auto async_send(const http_request& request, Token&& token) {
        return boost::asio::async_initiate<Token, send_signature>(
            [](auto handler, const std::shared_ptr<detail::connection_pool>& pool, const http_request& request) {
                detail::start_send(pool, request, std::move(handler));
            },
            token, pool_, request);
    }

private:
    std::shared_ptr<detail::connection_pool> pool_;
};

static_assert(async_transport<beast_transport>);

}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
#include "impl/beast_transport.ipp"
#endif
