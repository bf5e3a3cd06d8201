// A misbehaving HTTP server on 127.0.0.1 for the reliability tests, over raw
// sockets so that it can do what a well-behaved library won't: reset a
// connection, stop in the middle of a response, never answer. Connections
// are served one at a time; each reads a whole request, then fails on purpose.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <poll.h>

namespace test_support {

enum class fault {
    reset_after_request,  // read the request, then reset the connection (RST)
    reset_mid_response,   // send the headers and part of the body, then reset
    hang,                 // read the request and never answer, until the client leaves
    close_when_idle,      // answer 200 with keep-alive, then close the idle connection
    unsolicited_response, // answer {"request":n} with keep-alive, then send a second, unasked-for answer
    unsolicited_at_once,  // the same, both answers in one write: they arrive together
    reset_second_request, // answer the first request with keep-alive, read the second, then reset
    raw_reply,            // answer with the bytes given to the constructor, then close
    trickle,              // send headers for a 1,000-byte body, then one byte every 100 ms
    // Responses that never end, for the bounds on what a client reads: the
    // server writes until the client closes (bytes_written() says how much
    // it managed to), at most 64 MiB.
    endless_chunk_extension,  // chunked, then a chunk-size line "1;aaaa..."
    endless_trailers,         // chunked, a last chunk, then trailer fields
    endless_header_line,      // a header field "X-Long: aaaa..."
    endless_header_lines,     // header fields "X-Filler: x"
    drip_head,                // a status line and a header field, one byte every 50 ms, for 4 s
};

namespace detail {

// A socket bound to 127.0.0.1 on a free port, with TCP_NODELAY.
inline int bound_socket(int& port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("fault_server: socket() failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
        ::close(fd);
        throw std::runtime_error("fault_server: cannot bind 127.0.0.1");
    }
    port = ntohs(address.sin_port);
    return fd;
}

}  // namespace detail

// A port where connections are refused: bound (so no one else takes it) but
// never listening.
class refusing_port {
public:
    refusing_port() : fd_(detail::bound_socket(port_)) {}
    ~refusing_port() { ::close(fd_); }
    refusing_port(const refusing_port&) = delete;
    refusing_port& operator=(const refusing_port&) = delete;
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

private:
    int port_ = 0;
    int fd_;
};

class fault_server {
public:
    explicit fault_server(fault what, std::string reply = {})
        : fault_(what), reply_(std::move(reply)), listener_(detail::bound_socket(port_)) {
        if (::listen(listener_, 16) != 0) throw std::runtime_error("fault_server: listen() failed");
        thread_ = std::thread([this] { serve(); });
    }

    ~fault_server() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
            changed_.notify_all();
            // Wakes accept() and a blocked recv().
            ::shutdown(listener_, SHUT_RDWR);
            if (current_ >= 0) ::shutdown(current_, SHUT_RDWR);
        }
        thread_.join();
        ::close(listener_);
    }

    fault_server(const fault_server&) = delete;
    fault_server& operator=(const fault_server&) = delete;

    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    // Complete requests read so far, and connections accepted.
    int requests() const {
        std::lock_guard lock(mutex_);
        return requests_;
    }
    int connections() const {
        std::lock_guard lock(mutex_);
        return connections_;
    }

    // Waits (bounded) until `n` connections were closed by this server.
    bool wait_closed(int n) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, std::chrono::seconds(10), [&] { return closed_ >= n; });
    }

    // The bytes an endless fault managed to write before the client closed.
    std::size_t bytes_written() const {
        std::lock_guard lock(mutex_);
        return written_;
    }

    // Waits (bounded) until `n` unsolicited answers of fault::unsolicited_response were sent.
    bool wait_unsolicited(int n) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, std::chrono::seconds(10), [&] { return unsolicited_ >= n; });
    }

private:
    void serve() {
        for (;;) {
            int connection = ::accept(listener_, nullptr, nullptr);
            {
                std::lock_guard lock(mutex_);
                if (stopping_ || connection < 0) {
                    if (connection >= 0) ::close(connection);
                    return;
                }
                current_ = connection;
                ++connections_;
            }
            int on = 1;
            ::setsockopt(connection, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
            misbehave(connection);
            // Closed under the lock, so that the destructor never shuts down
            // a descriptor number that was reused meanwhile.
            std::lock_guard lock(mutex_);
            ::close(connection);
            current_ = -1;
            ++closed_;
            changed_.notify_all();
        }
    }

    void misbehave(int connection) {
        if (fault_ == fault::unsolicited_response || fault_ == fault::unsolicited_at_once ||
            fault_ == fault::reset_second_request) {
            answer_on_keep_alive(connection);
            return;
        }
        if (!read_request(connection)) return;
        switch (fault_) {
            case fault::reset_after_request: break;
            case fault::reset_mid_response:
                write_all(connection,
                          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                          "{\"partial\":");
                break;
            case fault::hang: {
                char byte;
                while (::recv(connection, &byte, 1, 0) > 0) {}  // until the client gives up
                break;
            }
            case fault::close_when_idle:
                write_all(connection,
                          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n"
                          "Connection: keep-alive\r\n\r\n{\"ok\":true}");
                ::shutdown(connection, SHUT_WR);  // a graceful FIN, as a server whose idle timeout ran out
                return;
            case fault::raw_reply: write_all(connection, reply_); return;
            case fault::trickle: trickle(connection); return;
            case fault::endless_chunk_extension:
                endless(connection, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;", "a");
                return;
            case fault::endless_trailers:
                endless(connection, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n",
                        "X-Trailer: x\r\n");
                return;
            case fault::endless_header_line: endless(connection, "HTTP/1.1 200 OK\r\nX-Long: ", "a"); return;
            case fault::endless_header_lines: endless(connection, "HTTP/1.1 200 OK\r\n", "X-Filler: x\r\n"); return;
            case fault::drip_head: drip(connection, "HTTP/1.1 200 OK\r\nX-Filler: "); return;
            default: break;
        }
        reset(connection);
    }

    static std::string json_answer(const std::string& body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
               "\r\nConnection: keep-alive\r\n\r\n" + body;
    }

    // Several requests on one connection, until the client leaves.
    void answer_on_keep_alive(int connection) {
        for (int on_this_connection = 1; read_request(connection); ++on_this_connection) {
            if (fault_ == fault::reset_second_request && on_this_connection == 2) {
                reset(connection);
                return;
            }
            std::string answer = json_answer("{\"request\":" + std::to_string(requests()) + "}");
            const bool unsolicited = fault_ != fault::reset_second_request && on_this_connection == 1;
            if (unsolicited && fault_ == fault::unsolicited_at_once) answer += json_answer("{\"unsolicited\":true}");
            write_all(connection, answer);
            if (unsolicited) {
                if (fault_ == fault::unsolicited_response) write_all(connection, json_answer("{\"unsolicited\":true}"));
                std::lock_guard lock(mutex_);
                ++unsolicited_;
                changed_.notify_all();
            }
        }
    }

    // A body that would take 100 s, one byte at a time, until the client
    // leaves or the server stops.
    void trickle(int connection) {
        write_all(connection, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n");
        for (int sent = 0; sent < 1000; ++sent) {
            {
                std::unique_lock lock(mutex_);
                if (changed_.wait_for(lock, std::chrono::milliseconds(100), [&] { return stopping_; })) return;
            }
            if (::send(connection, " ", 1, MSG_NOSIGNAL) != 1) return;
        }
    }

    // `start`, then `unit` again and again, until the client closes the
    // connection, the server stops, or 64 MiB went out. The send buffer is
    // small, so that what was written is close to what the client read.
    void endless(int connection, std::string_view start, std::string_view unit) {
        int buffer = 16 * 1024;
        ::setsockopt(connection, SOL_SOCKET, SO_SNDBUF, &buffer, sizeof buffer);
        std::string block(start);
        while (block.size() < 16 * 1024) block += unit;
        for (std::size_t total = 0; total < (std::size_t(64) << 20);) {
            const ssize_t n = ::send(connection, block.data(), block.size(), MSG_NOSIGNAL);
            if (n <= 0) return;
            total += std::size_t(n);
            {
                std::lock_guard lock(mutex_);
                if (stopping_) return;
                written_ = total;
            }
            // From now on, whole units: the block starts where the last one ended.
            block.erase(0, std::size_t(n));
            if (block.size() < 8 * 1024)
                while (block.size() < 16 * 1024) block += unit;
        }
    }

    // `head`, then 'x', one byte every 50 ms, until the client leaves or
    // the server stops; after 4 s (80 bytes) it closes the connection.
    void drip(int connection, std::string_view head) {
        for (std::size_t sent = 0; sent < 80; ++sent) {
            {
                std::unique_lock lock(mutex_);
                if (changed_.wait_for(lock, std::chrono::milliseconds(50), [&] { return stopping_; })) return;
            }
            const char byte = sent < head.size() ? head[sent] : 'x';
            if (::send(connection, &byte, 1, MSG_NOSIGNAL) != 1) return;
        }
    }

    // Reads one request's headers and Content-Length body; false when the
    // client left first.
    bool read_request(int connection) {
        std::string data;
        char buffer[4096];
        std::size_t header_end = std::string::npos;
        std::size_t needed = 0;
        for (;;) {
            if (header_end == std::string::npos && (header_end = data.find("\r\n\r\n")) != std::string::npos) {
                header_end += 4;
                needed = header_end + content_length(std::string_view(data).substr(0, header_end));
            }
            if (header_end != std::string::npos && data.size() >= needed) break;
            ssize_t n = ::recv(connection, buffer, sizeof buffer, 0);
            if (n <= 0) return false;
            data.append(buffer, std::size_t(n));
        }
        std::lock_guard lock(mutex_);
        ++requests_;
        return true;
    }

    static std::size_t content_length(std::string_view headers) {
        std::string lower(headers);
        for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
        auto at = lower.find("\r\ncontent-length:");
        return at == std::string::npos ? 0 : std::strtoul(lower.c_str() + at + 17, nullptr, 10);
    }

    static void write_all(int connection, std::string_view data) {
        while (!data.empty()) {
            ssize_t n = ::send(connection, data.data(), data.size(), MSG_NOSIGNAL);
            if (n <= 0) return;
            data.remove_prefix(std::size_t(n));
        }
    }

    // With a zero linger time, closing sends RST instead of FIN.
    static void reset(int connection) {
        linger abort{1, 0};
        ::setsockopt(connection, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
    }

    fault fault_;
    std::string reply_;
    int port_ = 0;
    int listener_;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    bool stopping_ = false;
    int current_ = -1;
    int requests_ = 0, connections_ = 0, closed_ = 0, unsolicited_ = 0;
    std::size_t written_ = 0;
};

// An HTTP proxy on 127.0.0.1 that only tunnels (CONNECT) to 127.0.0.1, and
// records the head of each CONNECT request it gets. What goes through the
// tunnel is encrypted end to end: the TLS server on the other side sees it.
class tunnel_proxy {
public:
    tunnel_proxy() : listener_(detail::bound_socket(port_)) {
        if (::listen(listener_, 16) != 0) throw std::runtime_error("tunnel_proxy: listen() failed");
        thread_ = std::thread([this] { serve(); });
    }

    ~tunnel_proxy() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
            ::shutdown(listener_, SHUT_RDWR);
            for (int fd : open_) ::shutdown(fd, SHUT_RDWR);
        }
        thread_.join();
        ::close(listener_);
    }

    tunnel_proxy(const tunnel_proxy&) = delete;
    tunnel_proxy& operator=(const tunnel_proxy&) = delete;

    int port() const { return port_; }

    std::vector<std::string> connect_requests() const {
        std::lock_guard lock(mutex_);
        return heads_;
    }

private:
    void serve() {
        for (;;) {
            int client = ::accept(listener_, nullptr, nullptr);
            if (client < 0 || !track(client)) return;
            int on = 1;
            ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
            tunnel(client);
        }
    }

    // Registers `fd` for the destructor to wake; false when stopping.
    bool track(int fd) {
        std::lock_guard lock(mutex_);
        if (stopping_) {
            ::close(fd);
            return false;
        }
        open_.push_back(fd);
        return true;
    }

    void close_all() {
        std::lock_guard lock(mutex_);
        for (int fd : open_) ::close(fd);
        open_.clear();
    }

    void tunnel(int client) {
        std::string head;
        char byte;
        while (head.size() < 16384 && !head.ends_with("\r\n\r\n") && ::recv(client, &byte, 1, 0) == 1) head += byte;
        {
            std::lock_guard lock(mutex_);
            heads_.push_back(head);
        }
        // "CONNECT 127.0.0.1:<port> HTTP/1.1"
        auto colon = head.find(':');
        int target_port = colon == std::string::npos ? 0 : std::atoi(head.c_str() + colon + 1);
        int server = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(std::uint16_t(target_port));
        int on = 1;
        ::setsockopt(server, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        if (!head.starts_with("CONNECT ") || !track(server) ||
            ::connect(server, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            close_all();
            return;
        }
        const std::string_view established = "HTTP/1.1 200 Connection established\r\n\r\n";
        ::send(client, established.data(), established.size(), MSG_NOSIGNAL);
        relay(client, server);
        close_all();
    }

    // Copies bytes both ways until either side closes.
    static void relay(int a, int b) {
        pollfd fds[2] = {{a, POLLIN, 0}, {b, POLLIN, 0}};
        char buffer[16384];
        for (;;) {
            if (::poll(fds, 2, -1) <= 0) return;
            for (int i = 0; i < 2; ++i) {
                if (!fds[i].revents) continue;
                ssize_t n = ::recv(fds[i].fd, buffer, sizeof buffer, 0);
                if (n <= 0 || ::send(fds[1 - i].fd, buffer, std::size_t(n), MSG_NOSIGNAL) != n) return;
            }
        }
    }

    int port_ = 0;
    int listener_;
    std::thread thread_;
    mutable std::mutex mutex_;
    bool stopping_ = false;
    std::vector<int> open_;
    std::vector<std::string> heads_;
};

}  // namespace test_support
