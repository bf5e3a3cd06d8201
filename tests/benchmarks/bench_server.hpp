// The server the network benchmarks call: cpp-httplib on 127.0.0.1 with
// TCP_NODELAY, answering every request with a small JSON body. Unlike the
// tests' loopback_server it records nothing but the client ports it has seen
// (a recording would grow with every call and distort memory and speed).
#pragma once

#include <cstddef>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>

#include <httplib.h>

namespace bench {

class bench_server {
public:
    bench_server() {
        server_.set_tcp_nodelay(true);
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
        port_ = server_.bind_to_any_port("127.0.0.1");
        if (port_ <= 0) throw std::runtime_error("bench_server: cannot bind 127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        // stop() is a no-op until the loop runs: wait for it, so stopping never misses.
        while (!server_.is_running()) std::this_thread::yield();
    }

    ~bench_server() {
        server_.stop();
        thread_.join();
    }

    int port() const { return port_; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

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
    int port_ = 0;
    std::thread thread_;
};

}  // namespace bench
