// A transport for your own tests: it records every request and answers from a
// script, without a network. Copies share one record, so you can keep one
// copy and hand the other to the client:
//
//   webhooksio::testing::recording_transport wire;
//   wire.respond({.status = 200, .body = R"({"id":"BU1"})"});
//   webhooksio::basic_client<webhooksio::testing::recording_transport> api{"KEY", {}, wire};
//   api.get_bucket(account_id{"AC1"}, bucket_id{"BU1"});
//   assert(wire.requests().at(0).target == "/v1/accounts/AC1/buckets/BU1");
#pragma once

#include <deque>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "../client_options.hpp"
#include "../error.hpp"
#include "../transport.hpp"

namespace webhooksio::testing {

class recording_transport {
public:
    recording_transport() = default;
    // Lets basic_client<recording_transport> be built from options alone.
    explicit recording_transport(const client_options&) {}

    // Queues the answer to a coming request; with none queued, a request gets
    // 200 with an empty JSON object.
    void respond(http_response response) { push(std::move(response)); }
    void fail(error e) { push(std::move(e)); }

    std::vector<http_request> requests() const {
        std::lock_guard lock(state_->mutex);
        return state_->requests;
    }

    result<http_response> send(const http_request& request) {
        std::lock_guard lock(state_->mutex);
        state_->requests.push_back(request);
        if (state_->script.empty()) return http_response{200, {{"Content-Type", "application/json"}}, "{}"};
        result<http_response> next = std::move(state_->script.front());
        state_->script.pop_front();
        return next;
    }

private:
    void push(result<http_response> answer) {
        std::lock_guard lock(state_->mutex);
        state_->script.push_back(std::move(answer));
    }

    struct state {
        mutable std::mutex mutex;
        std::vector<http_request> requests;
        std::deque<result<http_response>> script;
    };
    std::shared_ptr<state> state_ = std::make_shared<state>();
};

static_assert(transport<recording_transport>);

}  // namespace webhooksio::testing
