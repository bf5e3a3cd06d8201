// The emulator's HTTP server (http_server.hpp).
#include "http_server.hpp"

#include <algorithm>
#include <atomic>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/encoding_opts.hpp>
#include <boost/url/parse_query.hpp>

#include "router.hpp"

namespace webhooksio::emulation {

namespace net = boost::asio;
namespace http = boost::beast::http;
using net::ip::tcp;
using error_code = boost::system::error_code;

namespace {

constexpr auto step = net::as_tuple(net::use_awaitable);

// After a refusal the rest of the request is read and dropped, up to a bound,
// before the connection closes: closing with unread bytes would reset it, and
// the client would lose the answer it is about to read.
constexpr std::size_t max_drained_bytes = 1u << 20;
constexpr std::chrono::seconds max_drain_time{1};

// The request as the API sees it: its path decoded, its query split and
// decoded ('+' is a space, as HTML forms send it).
incoming_request to_incoming(http::request<http::string_body>&& message) {
    incoming_request out;
    out.method = std::string(message.method_string());
    out.target = std::string(message.target());
    if (std::optional<std::string> raw = raw_path_of(out.target)) {
        if (auto path = boost::urls::make_pct_string_view(*raw)) out.path = path->decode();
        else out.path = *raw;
    }
    if (const auto question = out.target.find('?'); question != std::string::npos) {
        if (auto query = boost::urls::parse_query(std::string_view(out.target).substr(question + 1))) {
            boost::urls::encoding_opts plus_is_space;
            plus_is_space.space_as_plus = true;
            for (const auto& param : *query)
                out.params.emplace_back(param.key.decode(plus_is_space),
                                        param.has_value ? param.value.decode(plus_is_space) : std::string());
        }
    }
    for (const auto& field : message) out.headers.emplace_back(field.name_string(), field.value());
    out.body = std::move(message.body());
    return out;
}

// What the server says, as Beast writes it. A HEAD answer has the head of
// the GET's, its Content-Length included, and no body.
http::response<http::string_body> to_beast(outgoing_response&& answer, unsigned version, bool keep_alive, bool head) {
    http::response<http::string_body> out;
    out.version(version);
    out.result(static_cast<unsigned>(answer.status));
    for (auto& [name, value] : answer.headers) out.insert(name, value);
    out.body() = std::move(answer.body);
    out.keep_alive(keep_alive);
    out.prepare_payload();
    if (head) out.body().clear();
    return out;
}

bool is_parse_error(const error_code& ec) { return ec.category() == http::make_error_code(http::error::bad_target).category(); }

}  // namespace

class http_server::state {
public:
    state(http_limits limits, serve_fn serve, refuse_fn refuse)
        : limits_(limits), serve_(std::move(serve)), refuse_(std::move(refuse)) {}

    // Pending sessions are destroyed with the io_context, last (stop() has
    // joined its threads): their frames hold sockets and buffers only.
    ~state() = default;

    void start(const std::string& host, int port) {
        error_code ec;
        tcp::resolver resolver(context_);
        const auto found = resolver.resolve(host, std::to_string(port), tcp::resolver::passive, ec);
        if (!ec && !found.empty()) {
            const tcp::endpoint where = found.begin()->endpoint();
            // SO_REUSEADDR only: a second server on a busy port must fail to bind.
            if (!acceptor_.open(where.protocol(), ec) && !acceptor_.set_option(tcp::acceptor::reuse_address(true), ec) &&
                !acceptor_.bind(where, ec) && !acceptor_.listen(net::socket_base::max_listen_connections, ec))
                port_ = acceptor_.local_endpoint().port();
        }
        if (port_ == 0)
            throw std::runtime_error("cannot listen on " + host + ':' + std::to_string(port) +
                                     ": the port is in use, or the address is not one of this machine's");
        net::co_spawn(strand_, accept_loop(), net::detached);
        const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 2u, 4u);
        for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { context_.run(); });
    }

    void stop() {
        context_.stop();
        for (auto& thread : threads_)
            if (thread.joinable()) thread.join();
        error_code ignored;
        acceptor_.close(ignored);  // from here on, connecting is refused
    }

    int port() const noexcept { return port_; }

private:
    net::awaitable<void> accept_loop() {
        for (;;) {
            while (active_ >= limits_.max_connections) {  // until a session ends
                slot_freed_.expires_at(net::steady_timer::time_point::max());
                co_await slot_freed_.async_wait(step);
            }
            auto [ec, socket] = co_await acceptor_.async_accept(step);
            if (!acceptor_.is_open()) co_return;
            if (ec) {  // out of file descriptors, say: try again shortly, not in a hot loop
                net::steady_timer pause(strand_, std::chrono::milliseconds(100));
                co_await pause.async_wait(step);
                continue;
            }
            error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);
            ++active_;
            net::co_spawn(context_, session(std::move(socket)), [this](std::exception_ptr) {
                --active_;
                net::post(strand_, [this] { slot_freed_.cancel(); });
            });
        }
    }

    // One connection: its requests one after another (keep-alive), each
    // within the limits; a refused one ends the connection.
    net::awaitable<void> session(tcp::socket socket) {
        boost::beast::tcp_stream stream(std::move(socket));
        boost::beast::flat_buffer buffer(limits_.max_head_bytes + (16u << 10));
        for (bool first = true;; first = false) {
            if (!first && buffer.size() == 0) {  // an idle kept-alive connection
                stream.expires_after(limits_.keep_alive_timeout);
                auto [idle, n] = co_await stream.async_read_some(buffer.prepare(4096), step);
                if (idle) co_return;
                buffer.commit(n);
            }
            http::request_parser<http::string_body> parser;
            parser.header_limit(limits_.max_head_bytes);
            parser.body_limit(limits_.max_body);
            stream.expires_after(limits_.head_timeout);
            auto [head_error, head_bytes] = co_await http::async_read_header(stream, buffer, parser, step);
            if (head_error) {
                if (head_error == http::error::header_limit || head_error == http::error::buffer_overflow)
                    co_await refuse(stream, 431, "the request head is larger than " + std::to_string(limits_.max_head_bytes) + " bytes");
                else if (head_error == http::error::body_limit)
                    co_await refuse(stream, 413, body_too_large());
                else if (is_parse_error(head_error))
                    co_await refuse(stream, 400, "the request is not HTTP/1.1: " + head_error.message());
                co_return;  // timed out, or the client went away
            }
            const auto& head = parser.get();
            if (static_cast<std::size_t>(std::distance(head.begin(), head.end())) > limits_.max_head_lines) {
                co_await refuse(stream, 431, "the request head has more than " + std::to_string(limits_.max_head_lines) + " header lines");
                co_return;
            }
            if (!parser.is_done()) {
                if (boost::beast::iequals(head[http::field::expect], "100-continue")) {
                    http::response<http::empty_body> go_on{http::status::continue_, head.version()};
                    stream.expires_after(limits_.write_timeout);
                    auto [written, n] = co_await http::async_write(stream, go_on, step);
                    if (written) co_return;
                }
                stream.expires_after(limits_.body_timeout);
                auto [body_error, body_bytes] = co_await http::async_read(stream, buffer, parser, step);
                if (body_error == http::error::body_limit) co_await refuse(stream, 413, body_too_large());
                else if (is_parse_error(body_error)) co_await refuse(stream, 400, "the request body is malformed: " + body_error.message());
                if (body_error) co_return;
            }
            const bool keep_alive = parser.get().keep_alive();
            const unsigned version = parser.get().version();
            const bool is_head = parser.get().method() == http::verb::head;
            outgoing_response answer;
            try {
                answer = serve_(to_incoming(parser.release()));
            } catch (const std::exception& e) {
                answer = refuse_(500, std::string("emulator: ") + e.what());
            }
            auto out = to_beast(std::move(answer), version, keep_alive, is_head);
            stream.expires_after(limits_.write_timeout);
            auto [written, n] = co_await http::async_write(stream, out, step);
            if (written) co_return;
            if (!keep_alive) {
                error_code ignored;
                stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
                co_return;
            }
        }
    }

    std::string body_too_large() const {
        return "the request body is larger than " + std::to_string(limits_.max_body) + " bytes (--max-body)";
    }

    // Answers `status` and closes the connection, gracefully (see max_drained_bytes).
    net::awaitable<void> refuse(boost::beast::tcp_stream& stream, int status, std::string message) {
        auto out = to_beast(refuse_(status, std::move(message)), 11, false, false);
        stream.expires_after(limits_.write_timeout);
        auto [written, n] = co_await http::async_write(stream, out, step);
        if (written) co_return;
        error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream.expires_after(max_drain_time);
        std::vector<char> sink(16u << 10);
        for (std::size_t drained = 0; drained < max_drained_bytes;) {
            auto [read, m] = co_await stream.async_read_some(net::buffer(sink), step);
            if (read) break;
            drained += m;
        }
    }

    net::io_context context_;  // first: destroyed last, after every I/O object of it
    const http_limits limits_;
    const serve_fn serve_;
    const refuse_fn refuse_;
    net::strand<net::io_context::executor_type> strand_{context_.get_executor()};
    tcp::acceptor acceptor_{strand_};
    net::steady_timer slot_freed_{strand_};
    std::atomic<unsigned> active_{0};
    int port_ = 0;
    std::vector<std::thread> threads_;
};

http_server::http_server(const std::string& host, int port, http_limits limits, serve_fn serve, refuse_fn refuse)
    : state_(std::make_unique<state>(limits, std::move(serve), std::move(refuse))) {
    state_->start(host, port);
}

http_server::~http_server() { state_->stop(); }

int http_server::port() const noexcept { return state_->port(); }

}  // namespace webhooksio::emulation
