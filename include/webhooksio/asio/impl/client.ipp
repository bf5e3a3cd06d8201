// Definitions for asio/client.hpp: one call as a coroutine on the client's
// strand, its attempts (with retries) stopped by its deadline, its token's
// cancellation or the client's destruction.
#pragma once

#include <algorithm>
#include <chrono>
#include <exception>
#include <string>
#include <utility>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/post.hpp>

#include "../../detail/request.hpp"
#include "../../detail/strand.hpp"

namespace webhooksio::detail {

// The step at which a send failed, from its code alone: what the retry rules
// need (retry.hpp). beast_transport reports a connection that timed out with
// the system's timed_out and a read with errc::timed_out; a code it does not
// know counts as a failed read, retried for idempotent calls only.
inline transport_failure failure_of(const error_code& ec) {
    namespace e = net::error;
    if (ec == e::operation_aborted) return transport_failure::other;
    if (ec == errc::connection_failed || ec == e::connection_refused || ec == e::host_not_found ||
        ec == e::host_not_found_try_again || ec == e::network_unreachable || ec == e::host_unreachable ||
        ec == e::timed_out)
        return transport_failure::connect;
    if (ec == errc::timed_out) return transport_failure::timeout;
    if (ec == errc::tls_failed || ec.category() == e::get_ssl_category()) return transport_failure::tls;
    if (ec == errc::response_too_large) return transport_failure::too_large;
    if (ec == errc::send_failed || ec == e::broken_pipe) return transport_failure::write;
    return transport_failure::read;
}

// The error of a send that failed with `ec`, in words.
inline error send_error(const error_code& ec, const std::string& server) {
    const transport_failure step = failure_of(ec);
    switch (step) {
        case transport_failure::connect:
            return error::transport(ec, step, "could not connect to " + server + ": " + ec.message());
        case transport_failure::timeout:
            return error::transport(ec, step, "no answer from " + server + " within read_timeout");
        // errc::tls_failed, as from the synchronous client; the reason (a
        // certificate that did not verify, ...) is in the message.
        case transport_failure::tls:
            return error::transport(errc::tls_failed, step, "TLS with " + server + " failed: " + ec.message());
        case transport_failure::too_large:
            return error::transport(ec, step, "the response from " + server +
                                                  " is larger than max_response_body, max_response_header_fields or "
                                                  "max_response_header_bytes; "
                                                  "reading stopped");
        case transport_failure::write:
            return error::transport(ec, step, "sending the request to " + server + " failed: " + ec.message());
        case transport_failure::read:
            return error::transport(ec, step, "the connection to " + server +
                                                  " failed before a whole answer came: " + ec.message());
        default: return error::transport(ec, step, "the call was cancelled");
    }
}

// How a call ended, as the coroutine hands it to the completion handler.
struct call_outcome {
    error failure;
    response answer;
};

WEBHOOKSIO_DECL async_client_state::async_client_state(net::any_io_executor executor, std::string api_key,
                                                       const client_options& options)
    : core(std::move(api_key), options),
      executor(executor),
      on_strand(strand_of(executor)),
      deadlines(on_strand),
      total_timeout(options.total_timeout),
      server(core.context().host + ':' + std::to_string(core.context().port)) {}

// What stops a call: its deadline (total_timeout), its token's cancellation
// slot and the client's destruction all end the step under way (a send or a
// backoff wait) through one signal, which each step is bound to. Shared with
// the token's cancellation handler, which may run after the call ended. Used
// on the client's strand only.
struct call_control {
    void stop(bool by_deadline) {
        if (finished || timed_out || aborted) return;
        (by_deadline ? timed_out : aborted) = true;
        signal.emit(net::cancellation_type::terminal);
    }
    bool stopped() const noexcept { return timed_out || aborted; }

    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
    net::cancellation_signal signal;
    bool finished = false, timed_out = false, aborted = false;
};

WEBHOOKSIO_DECL void async_client_state::shutdown() {
    closed = true;
    for (call_control* call : calls) call->stop(false);
    stop_watching();
}

// Every call has the same total_timeout, so the calls in flight, in the order
// they started, are also in the order of their deadlines: one timer, set for
// the first deadline still ahead, serves them all.
WEBHOOKSIO_DECL void async_client_state::watch_deadlines() {
    const auto next = std::find_if(calls.begin(), calls.end(), [](call_control* c) { return !c->stopped(); });
    if (next == calls.end() || (*next)->deadline == std::chrono::steady_clock::time_point::max()) {
        stop_watching();
        return;
    }
    watching = true;
    deadlines.expires_at((*next)->deadline);
    deadlines.async_wait([self = shared_from_this()](error_code ec) {
        if (ec || !self->watching) return;
        const auto now = std::chrono::steady_clock::now();
        for (call_control* call : self->calls) {
            if (call->deadline > now) break;
            call->stop(true);
        }
        self->watch_deadlines();
    });
}

WEBHOOKSIO_DECL void async_client_state::stop_watching() {
    if (!watching) return;
    watching = false;
    deadlines.cancel();
}

// Every attempt of a call, with the waits between them, as retry.hpp rules;
// each step bound to the call's signal.
inline net::awaitable<result<http_response>> attempts(async_client_state& client, call_control& control,
                                                      const call_spec& call, const http_request& request,
                                                      std::chrono::steady_clock::time_point deadline) {
    const retry_policy& retries = client.core.retries();
    auto stoppable = net::bind_cancellation_slot(control.signal.slot(), as_result);
    const auto stopped = [&] { return result<http_response>(send_error(net::error::operation_aborted, client.server)); };
    for (int attempt = 1;; ++attempt) {
        if (control.stopped()) co_return stopped();
        retries.before_attempt(call, attempt);
        // The clock is read only for a hook that will see the time.
        const bool timed = retries.times_attempts();
        const auto start = timed ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point();
        async_transport_ref::send_result answer;
        if (client.sender->awaitable())
            answer = co_await client.sender->co_send(request, control.signal.slot());
        else
            answer = co_await net::async_initiate<decltype(stoppable), send_signature>(
                [&](auto handler) { client.sender->async_send(request, std::move(handler)); }, stoppable);
        auto& [ec, sent] = answer;
        const auto elapsed = timed ? std::chrono::steady_clock::now() - start : std::chrono::nanoseconds(0);
        result<http_response> outcome = ec ? result<http_response>(send_error(ec, client.server))
                                           : result<http_response>(std::move(sent));
        const auto wait =
            retries.after_attempt(call, attempt, outcome, elapsed, client.core.context().api_key, deadline);
        if (!wait) co_return outcome;
        if (control.stopped()) co_return stopped();
        net::steady_timer backoff(client.on_strand, *wait);
        auto [waited] = co_await backoff.async_wait(stoppable);
        if (waited) co_return stopped();
    }
}

inline net::awaitable<call_outcome> run_call(std::shared_ptr<async_client_state> client,
                                             std::shared_ptr<call_control> control, const call_spec& call,
                                             result<http_request> request) {
    if (!request) co_return call_outcome{std::move(request).error(), {}};

    if (client->total_timeout.count() > 0)
        control->deadline = std::chrono::steady_clock::now() + client->total_timeout;
    const auto registered = client->calls.insert(client->calls.end(), control.get());
    struct at_exit {
        async_client_state& client;
        std::list<call_control*>::iterator registered;
        call_control& control;
        ~at_exit() {
            client.calls.erase(registered);
            control.finished = true;
            if (client.calls.empty()) client.stop_watching();  // so that io_context::run() may return
        }
    } cleanup{*client, registered, *control};
    if (client->closed) control->stop(false);
    if (!client->watching) client->watch_deadlines();

    result<http_response> sent = co_await attempts(*client, *control, call, *request, control->deadline);
    // A call stopped under way fails for that reason, not for what the
    // stopped step saw.
    if (!sent && control->timed_out)
        sent = error::transport(errc::timed_out, transport_failure::timeout,
                                "no answer from " + client->server + " within total_timeout (" +
                                    std::to_string(client->total_timeout.count()) + " ms)");
    else if (!sent && control->aborted)
        sent = send_error(net::error::operation_aborted, client->server);

    result<response> answer = decode_response(client->core.context(), call, std::move(sent));
    if (!answer) co_return call_outcome{std::move(answer).error(), {}};
    co_return call_outcome{error(), std::move(*answer)};
}

// Completes a call's handler. With (error_code, T), an exception thrown
// inside the call is thrown here, where the handler would run: out of
// io_context::run(), the handler not called (an exception a handler throws
// goes the same way in Asio). With (exception_ptr, T) the handler gets it,
// or a failure's typed exception.
template <class T, class Pick>
void complete(net::any_completion_handler<void(error_code, T)> handler, std::exception_ptr thrown,
              call_outcome outcome, Pick& pick) {
    if (thrown) std::rethrow_exception(thrown);
    std::move(handler)(outcome.failure.code(), pick(std::move(outcome.answer)));
}

template <class T, class Pick>
void complete(net::any_completion_handler<throwing_signature<T>> handler, std::exception_ptr thrown,
              call_outcome outcome, Pick& pick) {
    if (!thrown && outcome.failure) thrown = exception_for(std::move(outcome.failure));
    if (thrown) std::move(handler)(thrown, T{});
    else std::move(handler)(thrown, pick(std::move(outcome.answer)));
}

// Runs the call on the client's strand and completes `handler` with what
// `pick` takes from the response, on the handler's own executor.
template <class Signature, class Pick>
void spawn_call(std::shared_ptr<async_client_state> client, const call_spec& call, result<http_request> request,
                diagnostics* diag, net::any_completion_handler<Signature> handler, Pick pick) {
    auto control = std::make_shared<call_control>();
    // The token's cancellation, of any type and from any thread, goes
    // through the strand.
    auto slot = net::get_associated_cancellation_slot(handler);
    if (slot.is_connected())
        slot.assign([control, strand = client->on_strand](net::cancellation_type) {
            net::post(strand, [control] { control->stop(false); });
        });
    auto executor = net::get_associated_executor(handler, client->executor);
    auto strand = client->on_strand;
    net::co_spawn(strand, run_call(std::move(client), std::move(control), call, std::move(request)),
                  net::bind_executor(executor, [handler = std::move(handler), slot, diag, pick](
                                                   std::exception_ptr thrown, call_outcome outcome) mutable {
                      if (slot.is_connected()) slot.clear();
                      if (diag && outcome.failure) *diag = outcome.failure.diagnostics();
                      complete(std::move(handler), thrown, std::move(outcome), pick);
                  }));
}

// The four signatures: (error_code or exception_ptr) with the body or the
// whole response.
inline constexpr auto pick_body = [](response r) { return std::move(r.body); };
inline constexpr auto pick_response = [](response r) { return r; };

WEBHOOKSIO_DECL void start_call(std::shared_ptr<async_client_state> client, const call_spec& call,
                                result<http_request> request, diagnostics* diag,
                                net::any_completion_handler<call_signature> handler) {
    spawn_call(std::move(client), call, std::move(request), diag, std::move(handler), pick_body);
}

WEBHOOKSIO_DECL void start_call(std::shared_ptr<async_client_state> client, const call_spec& call,
                                result<http_request> request, diagnostics* diag,
                                net::any_completion_handler<response_signature> handler) {
    spawn_call(std::move(client), call, std::move(request), diag, std::move(handler), pick_response);
}

WEBHOOKSIO_DECL void start_call(std::shared_ptr<async_client_state> client, const call_spec& call,
                                result<http_request> request, diagnostics* diag,
                                net::any_completion_handler<throwing_signature<boost::json::value>> handler) {
    spawn_call(std::move(client), call, std::move(request), diag, std::move(handler), pick_body);
}

WEBHOOKSIO_DECL void start_call(std::shared_ptr<async_client_state> client, const call_spec& call,
                                result<http_request> request, diagnostics* diag,
                                net::any_completion_handler<throwing_signature<response>> handler) {
    spawn_call(std::move(client), call, std::move(request), diag, std::move(handler), pick_response);
}

}  // namespace webhooksio::detail
