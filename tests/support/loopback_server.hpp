// A real HTTP server on 127.0.0.1 for the tests: it records every request and
// answers with `reply`, which a test may replace.
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

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
        server_.set_tcp_nodelay(true);
        auto record = [this](const httplib::Request& request, httplib::Response& response) {
            handler reply;
            {
                std::lock_guard lock(mutex_);
                requests_.push_back({request.method, request.target, request.headers, request.body});
                reply = reply_;
            }
            reply(request, response);
        };
        server_.Get(".*", record);
        server_.Post(".*", record);
        server_.Put(".*", record);
        server_.Delete(".*", record);
        port_ = server_.bind_to_any_port("127.0.0.1");
        if (port_ <= 0) throw std::runtime_error("loopback_server: cannot bind 127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        // stop() is a no-op until the loop runs: wait for it, so stopping never misses.
        while (!server_.is_running()) std::this_thread::yield();
    }

    ~loopback_server() {
        server_.stop();
        thread_.join();
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

    captured_request last() const {
        std::lock_guard lock(mutex_);
        if (requests_.empty()) throw std::runtime_error("loopback_server: no request arrived");
        return requests_.back();
    }

    int port() const { return port_; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

private:
    httplib::Server server_;
    mutable std::mutex mutex_;
    std::vector<captured_request> requests_;
    handler reply_;
    int port_ = 0;
    std::thread thread_;
};

}  // namespace test_support
