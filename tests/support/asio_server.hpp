// HTTP servers on 127.0.0.1 for the asynchronous tests, over Asio on a thread
// of their own: each answers what its handler says, byte for byte, so that a
// test can also misbehave (hang, close after answering, send bytes nobody
// asked for). TLS when given a certificate. Every server is also an HTTP
// proxy: it tunnels a CONNECT to the address asked for.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "tls_certificate.hpp"

namespace test_support {

namespace net = boost::asio;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;
using request = http::request<http::string_body>;

// What the server does with one request.
struct answer {
    std::string bytes{};                   // written as they are
    bool close_after = false;              // then closes the connection
    bool hang = false;                     // writes nothing and waits for the client to leave
    std::chrono::milliseconds trickle{0};  // when set, one byte at a time, this long apart
    int after_closed = 0;                  // answers once this many connections have closed
};

// A complete response with this status and body (and Content-Length).
inline std::string response(int status, const std::string& body, const std::string& extra_headers = {}) {
    return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n" + extra_headers + "\r\n" + body;
}

class asio_server {
public:
    using handler = std::function<answer(const request&)>;

    explicit asio_server(handler reply, const tls_certificate* certificate = nullptr)
        : reply_(std::move(reply)), acceptor_(io_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)) {
        if (certificate) {
            tls_.emplace(net::ssl::context::tls_server);
            SSL_CTX_use_certificate(tls_->native_handle(), certificate->certificate());
            SSL_CTX_use_PrivateKey(tls_->native_handle(), certificate->private_key());
        }
        net::co_spawn(io_, accept(), net::detached);
        thread_ = std::thread([this] { io_.run(); });
    }

    ~asio_server() {
        net::post(io_, [this] {
            stopping_ = true;
            acceptor_.close();
            closed_signal_.cancel();
            for (auto& socket : sockets_)
                if (auto s = socket.lock()) s->close();
        });
        thread_.join();
    }

    asio_server(const asio_server&) = delete;
    asio_server& operator=(const asio_server&) = delete;

    int port() const { return acceptor_.local_endpoint().port(); }
    std::string base_url() const {
        return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port());
    }

    std::vector<request> requests() const {
        std::lock_guard lock(mutex_);
        return requests_;
    }
    // Connections accepted in all, open now, and the most open at once.
    int accepted() const { return accepted_; }
    int most_open() const { return most_open_; }
    // Waits (bounded) until the server closed or saw closed `n` connections.
    bool wait_closed(int n) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, std::chrono::seconds(10), [&] { return closed_ >= n; });
    }

private:
    net::awaitable<void> accept() {
        for (;;) {
            auto [ec, socket] = co_await acceptor_.async_accept(net::as_tuple(net::use_awaitable));
            if (ec || stopping_) co_return;
            socket.set_option(tcp::no_delay(true));
            auto shared = std::make_shared<tcp::socket>(std::move(socket));
            sockets_.push_back(shared);
            ++accepted_;
            most_open_ = std::max(most_open_.load(), ++open_);
            net::co_spawn(io_, serve(shared), net::detached);
        }
    }

    net::awaitable<void> serve(std::shared_ptr<tcp::socket> socket) {
        if (tls_) {
            net::ssl::stream<tcp::socket&> stream(*socket, *tls_);
            auto [ec] = co_await stream.async_handshake(net::ssl::stream_base::server, net::as_tuple(net::use_awaitable));
            if (!ec) co_await exchanges(stream);
        } else {
            co_await exchanges(*socket);
        }
        boost::system::error_code ignored;
        socket->close(ignored);
        --open_;
        std::lock_guard lock(mutex_);
        ++closed_;
        changed_.notify_all();
        closed_signal_.cancel();  // wakes the answers waiting for closes
    }

    template <class Stream>
    net::awaitable<void> exchanges(Stream& stream) {
        boost::beast::flat_buffer buffer;
        for (;;) {
            request in;
            auto [read, n] = co_await http::async_read(stream, buffer, in, net::as_tuple(net::use_awaitable));
            if (read) co_return;
            handler reply;
            {
                std::lock_guard lock(mutex_);
                requests_.push_back(in);
                reply = reply_;
            }
            if constexpr (std::is_same_v<Stream, tcp::socket>) {
                if (in.method() == http::verb::connect) {
                    co_await tunnel(stream, std::string(in.target()));
                    co_return;
                }
            }
            answer out = reply(in);
            while (!stopping_ && closed_count() < out.after_closed)
                co_await closed_signal_.async_wait(net::as_tuple(net::use_awaitable));
            if (out.hang) {
                // Until the client closes (or the server stops).
                char byte;
                co_await stream.async_read_some(net::buffer(&byte, 1), net::as_tuple(net::use_awaitable));
                co_return;
            }
            if (out.trickle.count() > 0) {
                net::steady_timer pause(io_);
                for (char byte : out.bytes) {
                    pause.expires_after(out.trickle);
                    co_await pause.async_wait(net::as_tuple(net::use_awaitable));
                    auto [written, m] = co_await net::async_write(stream, net::buffer(&byte, 1), net::as_tuple(net::use_awaitable));
                    if (written || stopping_) co_return;
                }
                continue;
            }
            auto [written, m] = co_await net::async_write(stream, net::buffer(out.bytes), net::as_tuple(net::use_awaitable));
            if (written || out.close_after) co_return;
        }
    }

    // CONNECT host:port: 200, then bytes both ways until either side closes.
    net::awaitable<void> tunnel(tcp::socket& client, std::string target) {
        const auto colon = target.rfind(':');
        tcp::socket server(io_);
        tcp::resolver resolver(io_);
        auto [resolved, endpoints] = co_await resolver.async_resolve(target.substr(0, colon), target.substr(colon + 1),
                                                                     net::as_tuple(net::use_awaitable));
        if (resolved) co_return;
        auto [connected, endpoint] = co_await net::async_connect(server, endpoints, net::as_tuple(net::use_awaitable));
        if (connected) co_return;
        server.set_option(tcp::no_delay(true));
        const std::string ok = "HTTP/1.1 200 Connection established\r\n\r\n";
        auto [written, n] = co_await net::async_write(client, net::buffer(ok), net::as_tuple(net::use_awaitable));
        if (written) co_return;
        using namespace net::experimental::awaitable_operators;
        co_await (pipe(client, server) && pipe(server, client));
    }

    static net::awaitable<void> pipe(tcp::socket& from, tcp::socket& to) {
        char data[4096];
        for (;;) {
            auto [read, n] = co_await from.async_read_some(net::buffer(data), net::as_tuple(net::use_awaitable));
            if (read) break;
            auto [written, m] = co_await net::async_write(to, net::buffer(data, n), net::as_tuple(net::use_awaitable));
            if (written) break;
        }
        boost::system::error_code ignored;
        to.shutdown(tcp::socket::shutdown_send, ignored);
    }

    int closed_count() const {
        std::lock_guard lock(mutex_);
        return closed_;
    }

    net::io_context io_;
    // Never expires: cancelled at each close, it wakes whoever waits for one.
    net::steady_timer closed_signal_{io_, net::steady_timer::time_point::max()};
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    handler reply_;
    std::vector<request> requests_;
    tcp::acceptor acceptor_;
    std::optional<net::ssl::context> tls_;
    std::vector<std::weak_ptr<tcp::socket>> sockets_;
    std::atomic<int> accepted_{0}, open_{0}, most_open_{0};
    int closed_ = 0;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace test_support
