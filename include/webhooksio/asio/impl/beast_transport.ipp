// Definitions for asio/beast_transport.hpp: the connection pool, its
// watchdog, and one send as a coroutine on the pool's strand.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <iterator>
#include <list>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <openssl/evp.h>
#include <openssl/ssl.h>

#include "../../detail/base_url.hpp"
#include "../../detail/checked_options.hpp"
#include "../../detail/basic_credentials.hpp"
#include "../../detail/request.hpp"
#include "../../error.hpp"
#include "../../http_syntax.hpp"
#include "../../retry.hpp"
#include "../../detail/strand.hpp"

namespace webhooksio::detail {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;
using boost::system::error_code;
using steady_clock = std::chrono::steady_clock;

// Every step of a send awaits its result as (error_code, value...): failures
// are values here, not exceptions.
inline constexpr auto as_result = net::as_tuple(net::use_awaitable);

// The pool's own steps: no cancellation slot from the coroutine they run in
// (asio_client awaits a send in its own coroutine), since send_op::cancel()
// stops them itself.
inline auto pool_step() { return net::bind_cancellation_slot(net::cancellation_slot(), as_result); }

// One keep-alive connection: TCP, and TLS over it for https. Its timeouts are
// the pool's watchdog's business (one timer for the whole pool, not one per
// read): it reads `since` and `limit`.
struct connection {
    connection(const net::any_io_executor& strand, std::size_t buffer_limit) : socket(strand), buffer(buffer_limit) {}
    tcp::socket socket;
    std::optional<net::ssl::stream<tcp::socket&>> tls;
    // What was read and not parsed yet, bytes past the last response too.
    // Beast's parser bounds the header (header_limit) and the body
    // (body_limit), but waits for a whole chunk-size line or trailer section
    // in the buffer: its limit bounds those (buffer_overflow).
    beast::flat_buffer buffer;
    // When the step under way began (connecting, or one read), or when the
    // connection went idle; how long that step may take (zero: no bound).
    steady_clock::time_point since;
    std::chrono::milliseconds limit{0};
    bool timed_out = false;  // the watchdog closed it
    std::list<connection>::iterator self;  // its place in the pool

    void close() {
        error_code ignored;
        socket.close(ignored);
    }
    // The next step, bounded by `bound` (zero: none).
    void start_step(std::chrono::milliseconds bound) {
        since = steady_clock::now();
        limit = bound;
    }
};

// What one send is doing, for whoever cancels it (the token's cancellation
// slot, or the transport's destruction). Used on the pool's strand only.
struct send_op {
    http_request request;  // when the send owns it (start_send)
    bool cancelled = false;
    bool granted = false;                      // a connection slot was handed over
    std::optional<net::steady_timer> in_line;  // while waiting for a slot
    tcp::resolver* resolver = nullptr;         // while resolving
    connection* conn = nullptr;                // while connecting or exchanging

    // Whatever is pending completes at once; a connection is closed, so
    // never reused half-read.
    void cancel() {
        cancelled = true;
        if (in_line) in_line->cancel();
        if (resolver) resolver->cancel();
        if (conn) conn->close();
    }
};

struct send_outcome {
    error_code ec;
    http_response response;
    bool keep_alive = false;  // the connection may carry another request
};

// A failed exchange's code as the error model has it: a read the watchdog
// stopped is errc::timed_out, a response over a limit errc::response_too_large;
// the system's codes stay as they are.
inline error_code exchange_error(const error_code& ec, const connection& c) {
    if (c.timed_out) return errc::timed_out;
    if (ec == http::error::body_limit || ec == http::error::header_limit || ec == http::error::buffer_overflow)
        return errc::response_too_large;
    return ec;
}

// A connection that timed out is a connect failure (nothing was sent), not
// a read that timed out: the system's own timed_out.
inline error_code connect_error(const error_code& ec, const connection& c) {
    if (c.timed_out) return net::error::timed_out;
    return ec;
}

inline bool is_ip_address(const std::string& host) {
    error_code ec;
    net::ip::make_address(host, ec);
    return !ec;
}

class connection_pool : public std::enable_shared_from_this<connection_pool> {
public:
    connection_pool(net::any_io_executor executor, const client_options& options, base_url url);

    const net::any_io_executor& strand() const noexcept { return strand_; }
    const net::any_io_executor& executor() const noexcept { return executor_; }

    // One send, from waiting in line to the response; runs on the strand.
    // `request` lives as long as the send (in `op`, or in the caller's frame).
    static net::awaitable<send_outcome> send(std::shared_ptr<connection_pool> pool, std::shared_ptr<send_op> op,
                                             const http_request& request);

    // The transport is gone: every send in flight completes with
    // operation_aborted, idle connections close.
    void shutdown();

private:
    net::awaitable<error_code> wait_in_line(const std::shared_ptr<send_op>& op);
    void give_back_slot();
    connection* take_idle();
    void park(connection& c);
    void discard(connection& c);
    void close_expired_idle(steady_clock::time_point now);
    static bool clean(connection& c);

    void watch();
    void inspect();

    net::awaitable<error_code> connect(connection& c, send_op& op);
    net::awaitable<error_code> tunnel(connection& c);
    template <class Stream>
    net::awaitable<send_outcome> exchange(Stream& stream, connection& c, const std::string& out, http_method method);
    std::string serialize(const http_request& request) const;
    // The most a connection's read buffer may hold: a whole header, or a
    // chunk-size line or trailer section as long, and one read's worth.
    std::size_t buffer_limit() const noexcept { return max_header_ + 64 * 1024; }

    net::any_io_executor executor_;
    net::any_io_executor strand_;  // strand_of(executor_): see detail/strand.hpp
    base_url url_;
    std::string authority_;  // host[:port] as the Host header gives it
    proxy_options proxy_;
    std::string proxy_credentials_;
    std::chrono::milliseconds connect_timeout_, read_timeout_, idle_timeout_;
    std::size_t max_body_, max_header_, max_fields_;
    bool verify_tls_;
    std::optional<net::ssl::context> tls_;

    std::size_t free_slots_;
    std::deque<std::shared_ptr<send_op>> line_;
    std::list<connection> open_;
    std::vector<connection*> idle_;  // oldest first
    std::list<send_op*> active_;
    bool closed_ = false;

    // The watchdog: one timer that, while sends are in flight, looks at every
    // connection a few times per timeout, closing those whose step (connect,
    // or one read) took too long and those idle for idle_timeout. It stops
    // when the last send ends, so that it never keeps io_context::run() from
    // returning; idle connections are then checked at the pool's next use.
    net::steady_timer watchdog_;
    std::chrono::milliseconds watch_period_;
    bool watching_ = false;
};

inline net::ssl::context tls_context(const client_options& options) {
    net::ssl::context context(net::ssl::context::tls_client);
    if (!options.verify_tls) {
        context.set_verify_mode(net::ssl::verify_none);
        return context;
    }
    context.set_verify_mode(net::ssl::verify_peer);
    // A CA bundle replaces the system's certificates; both forms add up.
    if (options.ca_bundle_pem.empty() && options.ca_bundle_path.empty()) context.set_default_verify_paths();
    error_code ec;
    if (!options.ca_bundle_pem.empty() &&
        context.add_certificate_authority(net::buffer(options.ca_bundle_pem), ec))
        throw_error(error::usage("webhooksio: ca_bundle_pem holds a certificate OpenSSL cannot add"));
    if (!options.ca_bundle_path.empty() && context.load_verify_file(options.ca_bundle_path, ec))
        throw_error(error::usage("webhooksio: cannot read the CA certificates of ca_bundle_path"));
    return context;
}

// A quarter of the shortest timeout: a step that overruns is stopped within
// 1.25 times its bound.
inline std::chrono::milliseconds watch_period_for(const client_options& options) {
    std::chrono::milliseconds shortest = options.idle_timeout;
    for (auto bound : {options.connect_timeout, options.read_timeout})
        if (bound.count() > 0) shortest = std::min(shortest, bound);
    return std::max(std::chrono::milliseconds(1), shortest / 4);
}

inline connection_pool::connection_pool(net::any_io_executor executor, const client_options& options, base_url url)
    : executor_(std::move(executor)),
      strand_(strand_of(executor_)),
      url_(std::move(url)),
      proxy_(options.proxy),
      connect_timeout_(options.connect_timeout),
      read_timeout_(options.read_timeout),
      idle_timeout_(options.idle_timeout),
      max_body_(options.max_response_body),
      max_header_(options.max_response_header_bytes),
      max_fields_(options.max_response_header_fields),
      verify_tls_(options.verify_tls),
      free_slots_(std::max<std::size_t>(1, options.max_connections)),
      watchdog_(strand_),
      watch_period_(watch_period_for(options)) {
    const bool default_port = url_.port == (url_.scheme == "https" ? 443 : 80);
    authority_ = default_port ? url_.host : url_.host + ':' + std::to_string(url_.port);
    // The options were checked by the transport (detail/checked_options.hpp).
    if (!proxy_.host.empty() && !proxy_.username.empty())
        proxy_credentials_ = basic_credentials(proxy_.username, proxy_.password);
    if (url_.scheme == "https") tls_.emplace(tls_context(options));
}

inline net::awaitable<send_outcome> connection_pool::send(std::shared_ptr<connection_pool> pool,
                                                          std::shared_ptr<send_op> op, const http_request& request) {
    connection_pool& self = *pool;
    const auto registered = self.active_.insert(self.active_.end(), op.get());
    struct unregister {
        connection_pool& pool;
        std::list<send_op*>::iterator at;
        ~unregister() {
            pool.active_.erase(at);
            if (pool.active_.empty() && pool.watching_) {
                pool.watching_ = false;
                pool.watchdog_.cancel();
            }
        }
    } unregister_at_exit{self, registered};
    if (!self.watching_) self.watch();
    const error_code aborted = net::error::operation_aborted;

    // The request goes on the wire as it is: nothing in it may end its line
    // or a header early and start another.
    const auto in_line = [](std::string_view target) {
        return !target.empty() && std::ranges::all_of(target, [](char c) { return c > ' ' && c != 0x7f; });
    };
    const bool well_formed = in_line(request.target) && std::ranges::all_of(request.headers, [](const auto& h) {
        return is_http_token(h.first) && is_http_field_value(h.second);
    });
    if (!well_formed) co_return send_outcome{make_error_code(boost::system::errc::invalid_argument), {}};
    if (self.closed_ || op->cancelled) co_return send_outcome{aborted, {}};

    const error_code waited = co_await self.wait_in_line(op);
    if (waited) co_return send_outcome{waited, {}};
    struct slot_holder {
        connection_pool& pool;
        ~slot_holder() { pool.give_back_slot(); }
    } hold_slot{self};
    if (self.closed_ || op->cancelled) co_return send_outcome{aborted, {}};

    const std::string out = self.serialize(request);
    for (bool first_try = true;; first_try = false) {
        connection* c = self.take_idle();
        const bool reused = c != nullptr;
        if (!c) {
            c = &self.open_.emplace_back(self.strand_, self.buffer_limit());
            c->self = std::prev(self.open_.end());
            const error_code ec = co_await self.connect(*c, *op);
            op->conn = nullptr;
            if (ec || op->cancelled || self.closed_) {
                self.discard(*c);
                co_return send_outcome{op->cancelled || self.closed_ ? aborted : ec, {}};
            }
        }
        op->conn = c;
        // (One co_await per statement: g++ 12 mishandles co_await in a ?: or
        // a condition, destroying temporaries twice.)
        send_outcome outcome;
        if (c->tls) outcome = co_await self.exchange(*c->tls, *c, out, request.method);
        else outcome = co_await self.exchange(c->socket, *c, out, request.method);
        op->conn = nullptr;
        if (!outcome.ec && outcome.keep_alive && !self.closed_) self.park(*c);
        else self.discard(*c);
        if (outcome.ec && (op->cancelled || self.closed_)) outcome.ec = aborted;
        // A kept-alive connection the server closed just as it was reused:
        // an idempotent request goes once more on a fresh connection. (A POST
        // may have arrived: the client decides, see retry.hpp.)
        const bool closed_under_us = outcome.ec == http::error::end_of_stream ||
                                     outcome.ec == net::error::eof ||
                                     outcome.ec == net::error::connection_reset ||
                                     outcome.ec == net::error::broken_pipe;
        if (reused && first_try && closed_under_us && is_idempotent(request.method)) continue;
        co_return outcome;
    }
}

inline net::awaitable<error_code> connection_pool::wait_in_line(const std::shared_ptr<send_op>& op) {
    if (free_slots_ > 0 && line_.empty()) {
        --free_slots_;
        co_return error_code{};
    }
    // The slot comes from give_back_slot(), which cancels this endless wait.
    op->in_line.emplace(strand_, net::steady_timer::time_point::max());
    line_.push_back(op);
    co_await op->in_line->async_wait(pool_step());
    op->in_line.reset();
    co_return op->granted ? error_code{} : error_code(net::error::operation_aborted);
}

inline void connection_pool::give_back_slot() {
    while (!line_.empty()) {
        auto next = std::move(line_.front());
        line_.pop_front();
        if (next->cancelled) continue;  // left the line
        next->granted = true;
        next->in_line->cancel();
        return;
    }
    ++free_slots_;
}

// Whether an idle connection can carry a request: nothing left over from the
// last response, nothing arrived since (an unsolicited response, or the
// server's close), both in our buffers and in the socket.
inline bool connection_pool::clean(connection& c) {
    if (c.buffer.size() != 0) return false;
    if (c.tls && SSL_pending(c.tls->native_handle()) > 0) return false;
    char byte = 0;
    error_code ec;
    c.socket.receive(net::buffer(&byte, 1), tcp::socket::message_peek, ec);
    return ec == net::error::would_block;
}

inline connection* connection_pool::take_idle() {
    close_expired_idle(steady_clock::now());
    while (!idle_.empty()) {
        connection* c = idle_.back();
        idle_.pop_back();
        if (clean(*c)) return c;
        discard(*c);
    }
    return nullptr;
}

inline void connection_pool::park(connection& c) {
    c.start_step(std::chrono::milliseconds(0));  // idle since now; idle_timeout is the watchdog's
    idle_.push_back(&c);
}

// The oldest go first, once their idle time is over.
inline void connection_pool::close_expired_idle(steady_clock::time_point now) {
    std::size_t expired = 0;
    while (expired < idle_.size() && now - idle_[expired]->since >= idle_timeout_) ++expired;
    for (std::size_t i = 0; i < expired; ++i) discard(*idle_[i]);
    idle_.erase(idle_.begin(), idle_.begin() + std::ptrdiff_t(expired));
}

inline void connection_pool::discard(connection& c) {
    c.close();
    open_.erase(c.self);
}

inline void connection_pool::shutdown() {
    closed_ = true;
    for (send_op* op : active_) op->cancel();
    for (connection* c : idle_) discard(*c);
    idle_.clear();
    watching_ = false;
    watchdog_.cancel();
}

inline void connection_pool::watch() {
    watching_ = true;
    watchdog_.expires_after(watch_period_);
    watchdog_.async_wait([pool = shared_from_this()](error_code ec) {
        if (!ec && pool->watching_) pool->inspect();
    });
}

// One look at every connection: a step over its bound is stopped (its
// socket closed, so its read or connect completes with an error that
// exchange_error / connect_error turn into a timeout), idle ones past
// idle_timeout close.
inline void connection_pool::inspect() {
    const auto now = steady_clock::now();
    close_expired_idle(now);
    for (connection& c : open_)
        if (c.limit.count() > 0 && !c.timed_out && now - c.since >= c.limit) {
            c.timed_out = true;
            c.close();
        }
    watch();
}

// The request as bytes: its line, Host, its headers, Content-Length when it
// has a body, and the body. Every part was checked for CR, LF and NUL.
inline std::string connection_pool::serialize(const http_request& request) const {
    // Through a plain HTTP proxy the target is absolute; through CONNECT, or
    // without a proxy, it is the path.
    const bool absolute = !proxy_.host.empty() && !tls_;
    const bool has_body = request.method == http_method::post || request.method == http_method::put ||
                          !request.body.empty();
    std::string out;
    std::size_t size = request.target.size() + authority_.size() + request.body.size() + 64;
    for (const auto& [name, value] : request.headers) size += name.size() + value.size() + 4;
    out.reserve(size);
    out += to_string(request.method);
    out += ' ';
    if (absolute) out += "http://" + authority_;
    out += request.target;
    out += " HTTP/1.1\r\nHost: ";
    out += authority_;
    out += "\r\n";
    for (const auto& [name, value] : request.headers) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    if (absolute && !proxy_credentials_.empty()) out += "Proxy-Authorization: " + proxy_credentials_ + "\r\n";
    if (has_body) out += "Content-Length: " + std::to_string(request.body.size()) + "\r\n";
    out += "\r\n";
    out += request.body;
    return out;
}

inline net::awaitable<error_code> connection_pool::connect(connection& c, send_op& op) {
    const bool proxied = !proxy_.host.empty();
    tcp::resolver resolver(strand_);
    op.resolver = &resolver;
    // Named, not temporaries of the co_await expression (g++ before 14
    // destroys some of those twice: detail/await_temporaries.hpp).
    const std::string host = proxied ? proxy_.host : url_.address();
    const std::string port = std::to_string(proxied ? proxy_.port : url_.port);
    auto [resolved, endpoints] = co_await resolver.async_resolve(host, port, pool_step());
    op.resolver = nullptr;
    if (op.cancelled) co_return net::error::operation_aborted;
    if (resolved) co_return resolved;

    op.conn = &c;
    c.start_step(connect_timeout_);
    // Once stopped (timed out or cancelled), no further address is tried.
    const auto go_on = [&](const error_code&, const tcp::endpoint&) { return !c.timed_out && !op.cancelled; };
    auto [connected, endpoint] = co_await net::async_connect(c.socket, endpoints, go_on, pool_step());
    if (connected) co_return connect_error(connected, c);
    error_code ignored;
    c.socket.set_option(tcp::no_delay(true), ignored);
    // Lets clean() look into the socket without waiting.
    c.socket.non_blocking(true, ignored);

    if (proxied && tls_) {
        const error_code tunnelled = co_await tunnel(c);
        if (tunnelled) co_return connect_error(tunnelled, c);
    }
    if (tls_) {
        c.tls.emplace(c.socket, *tls_);
        const std::string address = url_.address();
        if (!is_ip_address(address)) SSL_set_tlsext_host_name(c.tls->native_handle(), address.c_str());
        if (verify_tls_) c.tls->set_verify_callback(net::ssl::host_name_verification(address));
        auto [handshake] = co_await c.tls->async_handshake(net::ssl::stream_base::client, pool_step());
        if (handshake) co_return connect_error(handshake, c);
    }
    c.start_step(std::chrono::milliseconds(0));
    co_return error_code{};
}

// HTTPS through a proxy: CONNECT host:port, the proxy's credentials on this
// request only (never inside the tunnel), then TLS with the API server.
inline net::awaitable<error_code> connection_pool::tunnel(connection& c) {
    const std::string target = url_.host + ':' + std::to_string(url_.port);
    std::string request = "CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n";
    if (!proxy_credentials_.empty()) request += "Proxy-Authorization: " + proxy_credentials_ + "\r\n";
    request += "\r\n";
    auto [written, n] = co_await net::async_write(c.socket, net::buffer(request), pool_step());
    if (written) co_return written;
    http::response_parser<http::empty_body> answer;
    answer.skip(true);  // a CONNECT's answer has no body: the tunnel follows
    auto [read, m] = co_await http::async_read(c.socket, c.buffer, answer, pool_step());
    if (read) co_return read;
    if (answer.get().result_int() / 100 != 2 || c.buffer.size() != 0)
        co_return make_error_code(errc::connection_failed);  // the proxy would not open the tunnel
    co_return error_code{};
}

// Writes the request and reads its response.
template <class Stream>
net::awaitable<send_outcome> connection_pool::exchange(Stream& stream, connection& c, const std::string& out,
                                                       http_method method) {
    // The write is not timed: a small request goes into the socket's buffer
    // at once, and the client's total_timeout bounds the call.
    auto [written, n] = co_await net::async_write(stream, net::buffer(out), pool_step());
    if (written) co_return send_outcome{exchange_error(written, c), {}};

    http::response_parser<http::string_body> parser;
    parser.body_limit(max_body_);
    parser.header_limit(std::uint32_t(std::min<std::size_t>(max_header_, UINT32_MAX)));
    if (method == http_method::head) parser.skip(true);
    // read_timeout bounds each read (the watchdog sees to it), as in the sync
    // transport; the client's total_timeout bounds them all.
    bool fields_counted = false;
    while (!parser.is_done()) {
        c.start_step(read_timeout_);
        auto [read, m] = co_await http::async_read_some(stream, c.buffer, parser, pool_step());
        if (read) co_return send_outcome{exchange_error(read, c), {}};
        // The header's size is bounded while it is read; its fields are
        // counted once it is whole.
        if (!fields_counted && parser.is_header_done()) {
            fields_counted = true;
            const auto& fields = parser.get();
            if (std::size_t(std::distance(fields.begin(), fields.end())) > max_fields_)
                co_return send_outcome{make_error_code(errc::response_too_large), {}};
        }
    }
    c.start_step(std::chrono::milliseconds(0));

    auto message = parser.release();
    send_outcome outcome;
    outcome.response.status = int(message.result_int());
    outcome.response.headers.reserve(std::size_t(std::distance(message.begin(), message.end())));
    for (const auto& field : message)
        outcome.response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    outcome.response.body = std::move(message.body());
    outcome.keep_alive = message.keep_alive();
    co_return outcome;
}

// A send that threw (out of memory, mostly) completes with the error; any
// other exception goes on, out of io_context::run(), as in Asio.
inline error_code error_of(const std::exception_ptr& failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const boost::system::system_error& e) {
        return e.code();
    } catch (const std::bad_alloc&) {
        return make_error_code(boost::system::errc::not_enough_memory);
    }
}

WEBHOOKSIO_DECL void start_send(const std::shared_ptr<connection_pool>& pool, http_request request,
                                net::any_completion_handler<send_signature> handler) {
    auto op = std::make_shared<send_op>();
    op->request = std::move(request);
    // A cancellation may come from any thread: it goes through the strand.
    auto slot = net::get_associated_cancellation_slot(handler);
    if (slot.is_connected()) {
        slot.assign([op, strand = pool->strand()](net::cancellation_type type) {
            if ((type & (net::cancellation_type::terminal | net::cancellation_type::partial)) !=
                net::cancellation_type::none)
                net::post(strand, [op] { op->cancel(); });
        });
    }
    auto executor = net::get_associated_executor(handler, pool->executor());
    const http_request& owned = op->request;
    net::co_spawn(pool->strand(), connection_pool::send(pool, std::move(op), owned),
                  net::bind_executor(executor, [handler = std::move(handler), slot](
                                                   std::exception_ptr failure, send_outcome outcome) mutable {
                      if (slot.is_connected()) slot.clear();
                      if (failure) outcome.ec = error_of(failure);
                      std::move(handler)(outcome.ec, std::move(outcome.response));
                  }));
}

}  // namespace webhooksio::detail

namespace webhooksio {

WEBHOOKSIO_DECL bool beast_transport::runs_on(const boost::asio::any_io_executor& strand) const noexcept {
    return pool_->strand() == strand;
}

WEBHOOKSIO_DECL boost::asio::awaitable<std::tuple<boost::system::error_code, http_response>> beast_transport::co_send(
    const http_request& request, boost::asio::cancellation_slot slot) {
    auto op = std::make_shared<detail::send_op>();
    // On the strand already: a cancellation acts at once.
    if (slot.is_connected()) slot.assign([op](boost::asio::cancellation_type) { op->cancel(); });
    detail::send_outcome outcome = co_await detail::connection_pool::send(pool_, op, request);
    if (slot.is_connected()) slot.clear();
    co_return std::tuple(outcome.ec, std::move(outcome.response));
}

WEBHOOKSIO_DECL beast_transport::beast_transport(executor_type executor, const client_options& options) {
    auto url = detail::check_client_options(options);
    if (!url) throw_error(std::move(url).error());
    pool_ = std::make_shared<detail::connection_pool>(std::move(executor), options, std::move(*url));
}

WEBHOOKSIO_DECL beast_transport::~beast_transport() {
    if (pool_) boost::asio::post(pool_->strand(), [pool = pool_] { pool->shutdown(); });
}

WEBHOOKSIO_DECL beast_transport::executor_type beast_transport::get_executor() const noexcept {
    return pool_->executor();
}

}  // namespace webhooksio
