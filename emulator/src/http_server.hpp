// The emulator's HTTP/1.1 server, over Boost.Beast: one io_context served by
// a few threads, one asynchronous session per connection (no thread of its
// own), and a bound on everything a client can make it hold:
//
//   - the request head: max_head_bytes (the request line and every header
//     line) and max_head_lines header lines, else 431; it must be whole
//     within head_timeout of the server starting to wait for it, else the
//     connection is closed, so a client that trickles a head is cut off;
//   - the body: max_body bytes as they come off the wire, counted after
//     de-chunking, else 413; a Content-Encoding is not undone, so what is
//     counted is what is kept; the body must be in within body_timeout;
//   - connections: at most max_connections at once; the next ones wait in the
//     listen queue until one ends, which head_timeout and keep_alive_timeout
//     see to.
//
// What a request means is the caller's (serve_fn); the server answers only
// what it refuses itself, through refuse_fn, so that every answer looks alike.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http_message.hpp"

namespace webhooksio::emulation {

struct http_limits {
    std::size_t max_body = 8u << 20;
    std::uint32_t max_head_bytes = 64u << 10;
    std::size_t max_head_lines = 100;
    std::chrono::milliseconds head_timeout{10'000};
    std::chrono::milliseconds body_timeout{5'000};
    std::chrono::milliseconds write_timeout{5'000};
    std::chrono::milliseconds keep_alive_timeout{5'000};
    unsigned max_connections = 512;
};

class http_server {
public:
    using serve_fn = std::function<outgoing_response(const incoming_request&)>;
    using refuse_fn = std::function<outgoing_response(int status, std::string message)>;

    // Binds host:port (port 0: a free one) and serves on a few threads of its
    // own; throws std::runtime_error when it cannot bind, e.g. when another
    // server listens on that port already.
    http_server(const std::string& host, int port, http_limits limits, serve_fn serve, refuse_fn refuse);

    // Stops listening, ends every connection and joins the threads: no
    // request is served once it returns.
    ~http_server();

    http_server(const http_server&) = delete;
    http_server& operator=(const http_server&) = delete;

    int port() const noexcept;

private:
    class state;
    std::unique_ptr<state> state_;
};

}  // namespace webhooksio::emulation
