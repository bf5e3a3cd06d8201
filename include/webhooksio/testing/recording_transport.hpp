// A transport for your own tests: it records every request and answers from a
// script, without a network. Copies share one record, so you can keep one
// copy and hand the other to the client:
//
//   webhooksio::testing::recording_transport wire;
//   wire.respond({.status = 200, .body = R"({"id":"BU1"})"});
//   webhooksio::basic_client<webhooksio::testing::recording_transport> api{"KEY", {}, wire};
//   api.get_bucket(account_id{"AC1"}, bucket_id{"BU1"});
//   assert(wire.requests().at(0).target == "/v1/accounts/AC1/buckets/BU1");
//
// Not part of <webhooksio/webhooksio.hpp>: include it in your tests.
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "../client_options.hpp"
#include "../error.hpp"
#include "../result.hpp"
#include "../transport.hpp"

namespace webhooksio::testing {

class recording_transport {
public:
    recording_transport() = default;
    // Lets basic_client<recording_transport> be built from options alone.
    explicit recording_transport(const client_options&) {}

    // Queues the answer to the next request that has none yet.
    void respond(http_response response) { push(std::move(response)); }
    // Queues a failure instead, e.g. error::transport(errc::timed_out, transport_failure::timeout, "...").
    void fail(error e) { push(std::move(e)); }
    // Queues an answer that never comes: the send of async_recording_transport
    // waits until it is cancelled, as one to a server that never answers. (A
    // synchronous send cannot wait for that: it fails with errc::usage.)
    void hang() { push(std::nullopt); }

    // Every request sent so far, oldest first. A reference to the record
    // itself, so that `wire.requests().at(0).headers` stays valid; read it
    // while no call is in flight (a deque: later requests don't move it).
    const std::deque<http_request>& requests() const noexcept { return state_->requests; }

    // How many requests were sent; safe while calls are in flight.
    std::size_t request_count() const {
        std::lock_guard lock(state_->mutex);
        return state_->requests.size();
    }

    // The transport's part: records the request and takes the next scripted
    // answer. A request with none scripted fails with errc::usage (a test
    // that sends more than it expected), never with a made-up answer.
    result<http_response> send(const http_request& request) {
        std::optional<result<http_response>> answer = take(request);
        if (!answer) return usage_error("a synchronous send cannot hang (hang() is for async_recording_transport):", request);
        return std::move(*answer);
    }

    // The same for async_recording_transport: no answer (nullopt) when the
    // script says to hang.
    std::optional<result<http_response>> take(const http_request& request) {
        std::lock_guard lock(state_->mutex);
        state_->requests.push_back(request);
        if (state_->script.empty()) return usage_error("no answer scripted for", request);
        std::optional<result<http_response>> next = std::move(state_->script.front());
        state_->script.pop_front();
        return next;
    }

private:
    static error usage_error(const std::string& what, const http_request& request) {
        return error::transport(errc::usage, transport_failure::other,
                                "recording_transport: " + what + ' ' + std::string(to_string(request.method)) + ' ' +
                                    request.target);
    }

    void push(std::optional<result<http_response>> answer) {
        std::lock_guard lock(state_->mutex);
        state_->script.push_back(std::move(answer));
    }

    struct state {
        mutable std::mutex mutex;
        std::deque<http_request> requests;
        std::deque<std::optional<result<http_response>>> script;  // nullopt: hang
    };
    std::shared_ptr<state> state_ = std::make_shared<state>();
};

static_assert(transport<recording_transport>);

}  // namespace webhooksio::testing
