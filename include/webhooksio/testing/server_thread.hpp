// Runs an httplib::Server (or SSLServer) on a thread of its own while this
// object lives: the examples' receivers and the tests' servers start and
// stop their servers this way (the emulator's own server is Beast's). A
// testing helper of the client library (webhooksio::webhooksio brings
// cpp-httplib's flags), included one by one: the umbrella header doesn't.
#pragma once

#include <stdexcept>
#include <string>
#include <thread>

#include <httplib.h>

namespace webhooksio {

class server_thread {
public:
    // Binds `server` to host:port (port 0: a free one) with TCP_NODELAY and
    // serves on a new thread; throws std::runtime_error when it cannot bind,
    // e.g. when another server listens on that port already.
    explicit server_thread(httplib::Server& server, const std::string& host = "127.0.0.1", int port = 0)
        : server_(server) {
        server_.set_tcp_nodelay(true);
        // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a
        // second server binds the same port and the kernel splits the
        // connections between the two.
        server_.set_socket_options([](socket_t socket) {
            int yes = 1;
            setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        });
        port_ = port == 0 ? server_.bind_to_any_port(host) : (server_.bind_to_port(host, port) ? port : -1);
        if (port_ <= 0)
            throw std::runtime_error("cannot listen on " + host + ':' + std::to_string(port) +
                                     ": the port is in use, or the address is not one of this machine's");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        // stop() is a no-op until the loop runs: wait for it, so stopping never misses.
        while (!server_.is_running()) std::this_thread::yield();
    }

    ~server_thread() {
        server_.stop();
        thread_.join();
    }

    server_thread(const server_thread&) = delete;
    server_thread& operator=(const server_thread&) = delete;

    int port() const noexcept { return port_; }

private:
    httplib::Server& server_;
    int port_ = 0;
    std::thread thread_;
};

}  // namespace webhooksio
