// A real HTTP server on 127.0.0.1 for the tests: it records every request and
// answers with `reply`, which a test may replace.
#pragma once

#include <functional>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include <webhooksio/testing/server_thread.hpp>

namespace test_support {

struct captured_request {
    std::string method;
    std::string target;  // as sent, still percent-encoded
    httplib::Headers headers;
    std::string body;
};

class loopback_server {
public:
    using handler = std::function<void(const httplib::Request&, httplib::Response&)>;

    explicit loopback_server(handler reply = json_ok) : reply_(std::move(reply)) {
        auto record = [this](const httplib::Request& request, httplib::Response& response) {
            handler reply;
            {
                std::lock_guard lock(mutex_);
                requests_.push_back({request.method, request.target, request.headers, request.body});
                reply = reply_;
            }
            arrived_.notify_all();
            reply(request, response);
        };
        server_.Get(".*", record);
        server_.Post(".*", record);
        server_.Put(".*", record);
        server_.Delete(".*", record);
        running_.emplace(server_);
    }

    static void json_ok(const httplib::Request&, httplib::Response& response) {
        response.set_content(R"({"ok":true})", "application/json");
    }

    void set_reply(handler reply) {
        std::lock_guard lock(mutex_);
        reply_ = std::move(reply);
    }

    std::vector<captured_request> requests() const {
        std::lock_guard lock(mutex_);
        return requests_;
    }

    // Waits (bounded) until `n` requests have arrived; whether they did.
    bool wait_for_requests(std::size_t n) const {
        std::unique_lock lock(mutex_);
        return arrived_.wait_for(lock, std::chrono::seconds(10), [&] { return requests_.size() >= n; });
    }

    captured_request last() const {
        std::lock_guard lock(mutex_);
        if (requests_.empty()) throw std::runtime_error("loopback_server: no request arrived");
        return requests_.back();
    }

    int port() const { return running_->port(); }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port()); }

private:
    httplib::Server server_;
    mutable std::mutex mutex_;
    mutable std::condition_variable arrived_;
    std::vector<captured_request> requests_;
    handler reply_;
    // Last, so that the server stops before what its handlers use goes.
    std::optional<webhooksio::server_thread> running_;
};

}  // namespace test_support
