// The server the network benchmarks call: cpp-httplib on 127.0.0.1 with
// TCP_NODELAY, answering every request with a small JSON body. Unlike the
// tests' loopback_server it records nothing but the client ports it has seen
// (a recording would grow with every call and distort memory and speed).
#pragma once

#include <cstddef>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>

#include <httplib.h>

#include <webhooksio/testing/server_thread.hpp>

namespace bench {

class bench_server {
public:
    bench_server() {
        // httplib closes a keep-alive connection after 5 requests by default;
        // the benchmarks measure calls on connections that stay open.
        server_.set_keep_alive_max_count(1'000'000);
        // Nor close one that idles while the other client has its turn (a
        // turn lasts long under valgrind).
        server_.set_keep_alive_timeout(60);
        auto reply = [this](const httplib::Request& request, httplib::Response& response) {
            {
                std::lock_guard lock(mutex_);
                ports_.insert(request.remote_port);
            }
            response.status = request.method == "POST" ? 201 : 200;
            response.set_content(R"({"id":"BU1","name":"My Bucket","key":"my-bucket"})", "application/json");
        };
        server_.Get(".*", reply);
        server_.Post(".*", reply);
        running_.emplace(server_);
    }

    int port() const { return running_->port(); }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port()); }

    // Distinct client ports (= connections) seen since the last forget_ports().
    std::size_t connections_seen() const {
        std::lock_guard lock(mutex_);
        return ports_.size();
    }
    void forget_ports() {
        std::lock_guard lock(mutex_);
        ports_.clear();
    }

private:
    httplib::Server server_;
    mutable std::mutex mutex_;
    std::set<int> ports_;
    // Last, so that the server stops before what its handlers use goes.
    std::optional<webhooksio::server_thread> running_;
};

}  // namespace bench
