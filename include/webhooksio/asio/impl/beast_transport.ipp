// Definitions for asio/beast_transport.hpp: the connection pool, and one send
// as a coroutine on the pool's strand.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <iterator>
#include <list>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <openssl/evp.h>
#include <openssl/ssl.h>

#include "../../detail/base_url.hpp"
#include "../../detail/request.hpp"
#include "../../error.hpp"
#include "../../retry.hpp"

namespace webhooksio::detail {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;
using boost::system::error_code;
using pool_strand = net::strand<net::any_io_executor>;

// Every step of a send awaits its result as (error_code, value...): failures
// are values here, not exceptions.
inline constexpr auto as_result = net::as_tuple(net::use_awaitable);

// The pool's own steps: no cancellation slot from the coroutine they run in
// (asio_client awaits a send in its own coroutine), since send_op::cancel()
// stops them itself.
inline auto pool_step() { return net::bind_cancellation_slot(net::cancellation_slot(), as_result); }

// One keep-alive connection: TCP, and TLS over it for https.
struct connection {
    explicit connection(const net::any_io_executor& strand) : tcp(strand) {}
    beast::tcp_stream tcp;
    std::optional<net::ssl::stream<beast::tcp_stream&>> tls;
    beast::flat_buffer buffer;  // bytes read past the last response land here
    std::chrono::steady_clock::time_point idle_since;
    std::list<connection>::iterator self;  // its place in the pool
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
        if (conn) conn->tcp.close();
    }
};

// A failed exchange's code as the error model has it: a read or write that
// timed out is errc::timed_out, a response over a limit errc::response_too_large;
// the system's codes stay as they are.
inline error_code exchange_error(const error_code& ec) {
    if (ec == beast::error::timeout) return errc::timed_out;
    if (ec == http::error::body_limit || ec == http::error::header_limit) return errc::response_too_large;
    return ec;
}

// A connection that timed out is a connect failure (nothing was sent), not
// a read that timed out: the system's own timed_out.
inline error_code connect_error(const error_code& ec) {
    return ec == beast::error::timeout ? error_code(net::error::timed_out) : ec;
}

struct send_outcome {
    error_code ec;
    http_response response;
};

// "user:password" in base64, for a Basic Proxy-Authorization.
inline std::string basic_credentials(const proxy_options& proxy) {
    const std::string plain = proxy.username + ':' + proxy.password;
    std::string encoded(4 * ((plain.size() + 2) / 3) + 1, '\0');
    const int size = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                     reinterpret_cast<const unsigned char*>(plain.data()), int(plain.size()));
    encoded.resize(std::size_t(size));
    return "Basic " + encoded;
}

inline bool is_ip_address(const std::string& host) {
    error_code ec;
    net::ip::make_address(host, ec);
    return !ec;
}

class connection_pool {
public:
    connection_pool(net::any_io_executor executor, const client_options& options, base_url url);

    const pool_strand& strand() const noexcept { return strand_; }
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
    static bool clean(connection& c);

    net::awaitable<error_code> connect(connection& c, send_op& op);
    net::awaitable<error_code> tunnel(connection& c);
    template <class Stream>
    net::awaitable<send_outcome> exchange(Stream& stream, connection& c, const http::request<http::string_body>& out,
                                          bool& keep_alive);
    http::request<http::string_body> to_beast(const http_request& request) const;

    net::any_io_executor executor_;
    pool_strand strand_;
    // The same as an any_io_executor, made once: each conversion of a strand
    // allocates.
    net::any_io_executor on_strand_;
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
        throw_error(error::usage("webhooksio: ca_bundle_pem holds no PEM certificate"));
    if (!options.ca_bundle_path.empty() && context.load_verify_file(options.ca_bundle_path, ec))
        throw_error(error::usage("webhooksio: cannot read the CA certificates of ca_bundle_path"));
    return context;
}

inline connection_pool::connection_pool(net::any_io_executor executor, const client_options& options, base_url url)
    : executor_(std::move(executor)),
      // The asio_client's own strand, or one of our own.
      strand_(executor_.target<pool_strand>() ? *executor_.target<pool_strand>() : net::make_strand(executor_)),
      on_strand_(strand_),
      url_(std::move(url)),
      proxy_(options.proxy),
      connect_timeout_(options.connect_timeout),
      read_timeout_(options.read_timeout),
      idle_timeout_(options.idle_timeout),
      max_body_(options.max_response_body),
      max_header_(options.max_response_header_bytes),
      max_fields_(options.max_response_header_fields),
      verify_tls_(options.verify_tls),
      free_slots_(std::max<std::size_t>(1, options.max_connections)) {
    const bool default_port = url_.port == (url_.scheme == "https" ? 443 : 80);
    authority_ = default_port ? url_.host : url_.host + ':' + std::to_string(url_.port);
    if (!proxy_.host.empty()) {
        if (proxy_.port <= 0 || proxy_.port > 65535)
            throw_error(error::usage("webhooksio: proxy.port must be from 1 to 65535"));
        if (has_control_line_break(proxy_.host) || has_control_line_break(proxy_.username) ||
            has_control_line_break(proxy_.password))
            throw_error(error::usage("webhooksio: the proxy options hold a CR, LF or NUL character"));
        if (!proxy_.username.empty()) proxy_credentials_ = basic_credentials(proxy_);
    }
    if (url_.scheme == "https") tls_.emplace(tls_context(options));
}

inline net::awaitable<send_outcome> connection_pool::send(std::shared_ptr<connection_pool> pool,
                                                          std::shared_ptr<send_op> op, const http_request& request) {
    connection_pool& self = *pool;
    const auto registered = self.active_.insert(self.active_.end(), op.get());
    struct unregister {
        connection_pool& pool;
        std::list<send_op*>::iterator at;
        ~unregister() { pool.active_.erase(at); }
    } unregister_at_exit{self, registered};
    const error_code aborted = net::error::operation_aborted;

    if (has_control_line_break(request.target))
        co_return send_outcome{make_error_code(boost::system::errc::invalid_argument), {}};
    for (const auto& [name, value] : request.headers)
        if (has_control_line_break(name) || has_control_line_break(value))
            co_return send_outcome{make_error_code(boost::system::errc::invalid_argument), {}};
    if (self.closed_ || op->cancelled) co_return send_outcome{aborted, {}};

    const error_code waited = co_await self.wait_in_line(op);
    if (waited) co_return send_outcome{waited, {}};
    struct slot_holder {
        connection_pool& pool;
        ~slot_holder() { pool.give_back_slot(); }
    } hold_slot{self};
    if (self.closed_ || op->cancelled) co_return send_outcome{aborted, {}};

    const http_method method = request.method;
    const auto out = self.to_beast(request);
    for (bool first_try = true;; first_try = false) {
        connection* c = self.take_idle();
        const bool reused = c != nullptr;
        if (!c) {
            c = &self.open_.emplace_back(self.on_strand_);
            c->self = std::prev(self.open_.end());
            const error_code ec = co_await self.connect(*c, *op);
            op->conn = nullptr;
            if (ec || op->cancelled || self.closed_) {
                self.discard(*c);
                co_return send_outcome{op->cancelled || self.closed_ ? aborted : ec, {}};
            }
        }
        op->conn = c;
        bool keep_alive = false;
        // (One co_await per statement: g++ 12 mishandles co_await in a ?: or
        // a condition, destroying temporaries twice.)
        send_outcome outcome;
        if (c->tls) outcome = co_await self.exchange(*c->tls, *c, out, keep_alive);
        else outcome = co_await self.exchange(c->tcp, *c, out, keep_alive);
        op->conn = nullptr;
        if (!outcome.ec && keep_alive && !self.closed_) self.park(*c);
        else self.discard(*c);
        if (outcome.ec && (op->cancelled || self.closed_)) outcome.ec = aborted;
        // A kept-alive connection the server closed just as it was reused:
        // an idempotent request goes once more on a fresh connection. (A POST
        // may have arrived: the client decides, see retry.hpp.)
        const bool closed_under_us = outcome.ec == http::error::end_of_stream ||
                                     outcome.ec == net::error::eof ||
                                     outcome.ec == net::error::connection_reset ||
                                     outcome.ec == net::error::broken_pipe;
        if (reused && first_try && closed_under_us && is_idempotent(method)) continue;
        co_return outcome;
    }
}

inline net::awaitable<error_code> connection_pool::wait_in_line(const std::shared_ptr<send_op>& op) {
    if (free_slots_ > 0 && line_.empty()) {
        --free_slots_;
        co_return error_code{};
    }
    // The slot comes from give_back_slot(), which cancels this endless wait.
    op->in_line.emplace(on_strand_, net::steady_timer::time_point::max());
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
    c.tcp.socket().receive(net::buffer(&byte, 1), tcp::socket::message_peek, ec);
    return ec == net::error::would_block;
}

inline connection* connection_pool::take_idle() {
    const auto now = std::chrono::steady_clock::now();
    while (!idle_.empty()) {
        connection* c = idle_.back();
        idle_.pop_back();
        if (now - c->idle_since < idle_timeout_ && clean(*c)) return c;
        discard(*c);
    }
    return nullptr;
}

inline void connection_pool::park(connection& c) {
    const auto now = std::chrono::steady_clock::now();
    c.idle_since = now;
    idle_.push_back(&c);
    // The oldest go first, once their idle time is over.
    std::size_t expired = 0;
    while (expired < idle_.size() && now - idle_[expired]->idle_since >= idle_timeout_) ++expired;
    for (std::size_t i = 0; i < expired; ++i) discard(*idle_[i]);
    idle_.erase(idle_.begin(), idle_.begin() + std::ptrdiff_t(expired));
}

inline void connection_pool::discard(connection& c) {
    error_code ignored;
    c.tcp.socket().close(ignored);
    open_.erase(c.self);
}

inline void connection_pool::shutdown() {
    closed_ = true;
    for (send_op* op : active_) op->cancel();
    for (connection* c : idle_) discard(*c);
    idle_.clear();
}

inline http::request<http::string_body> connection_pool::to_beast(const http_request& request) const {
    // Through a plain HTTP proxy the target is absolute; through CONNECT, or
    // without a proxy, it is the path.
    const bool absolute = !proxy_.host.empty() && !tls_;
    http::request<http::string_body> out{http::string_to_verb(to_string(request.method)),
                                         absolute ? "http://" + authority_ + request.target : request.target, 11};
    out.set(http::field::host, authority_);
    for (const auto& [name, value] : request.headers) out.insert(name, value);
    if (absolute && !proxy_credentials_.empty()) out.set(http::field::proxy_authorization, proxy_credentials_);
    const bool has_body = request.method == http_method::post || request.method == http_method::put;
    out.body() = request.body;
    if (has_body || !out.body().empty()) out.prepare_payload();
    return out;
}

inline net::awaitable<error_code> connection_pool::connect(connection& c, send_op& op) {
    const bool proxied = !proxy_.host.empty();
    tcp::resolver resolver(on_strand_);
    op.resolver = &resolver;
    auto [resolved, endpoints] = co_await resolver.async_resolve(
        proxied ? proxy_.host : url_.host, std::to_string(proxied ? proxy_.port : url_.port), pool_step());
    op.resolver = nullptr;
    if (op.cancelled) co_return net::error::operation_aborted;
    if (resolved) co_return resolved;

    op.conn = &c;
    c.tcp.expires_after(connect_timeout_);
    auto [connected, endpoint] = co_await c.tcp.async_connect(endpoints, pool_step());
    if (connected) co_return connect_error(connected);
    error_code ignored;
    c.tcp.socket().set_option(tcp::no_delay(true), ignored);
    // Lets clean() look into the socket without waiting.
    c.tcp.socket().non_blocking(true, ignored);

    if (proxied && tls_) {
        const error_code tunnelled = co_await tunnel(c);
        if (tunnelled) co_return tunnelled;
    }
    if (tls_) {
        c.tls.emplace(c.tcp, *tls_);
        if (!is_ip_address(url_.host)) SSL_set_tlsext_host_name(c.tls->native_handle(), url_.host.c_str());
        if (verify_tls_) c.tls->set_verify_callback(net::ssl::host_name_verification(url_.host));
        auto [handshake] = co_await c.tls->async_handshake(net::ssl::stream_base::client, pool_step());
        if (handshake) co_return connect_error(handshake);
    }
    c.tcp.expires_never();
    co_return error_code{};
}

// HTTPS through a proxy: CONNECT host:port, the proxy's credentials on this
// request only (never inside the tunnel), then TLS with the API server.
inline net::awaitable<error_code> connection_pool::tunnel(connection& c) {
    const std::string target = url_.host + ':' + std::to_string(url_.port);
    http::request<http::empty_body> request{http::verb::connect, target, 11};
    request.set(http::field::host, target);
    if (!proxy_credentials_.empty()) request.set(http::field::proxy_authorization, proxy_credentials_);
    auto [written, n] = co_await http::async_write(c.tcp, request, pool_step());
    if (written) co_return connect_error(written);
    http::response_parser<http::empty_body> answer;
    answer.skip(true);  // a CONNECT's answer has no body: the tunnel follows
    auto [read, m] = co_await http::async_read(c.tcp, c.buffer, answer, pool_step());
    if (read) co_return connect_error(read);
    if (answer.get().result_int() / 100 != 2 || c.buffer.size() != 0)
        co_return make_error_code(errc::connection_failed);  // the proxy would not open the tunnel
    co_return error_code{};
}

template <class Stream>
net::awaitable<send_outcome> connection_pool::exchange(Stream& stream, connection& c,
                                                       const http::request<http::string_body>& out,
                                                       bool& keep_alive) {
    // The write is not timed: a small request goes into the socket's buffer
    // at once, and total_timeout bounds the call (one timer less per call).
    auto [written, n] = co_await http::async_write(stream, out, pool_step());
    if (written) co_return send_outcome{exchange_error(written), {}};

    http::response_parser<http::string_body> parser;
    parser.body_limit(max_body_);
    parser.header_limit(std::uint32_t(std::min<std::size_t>(max_header_, UINT32_MAX)));
    if (out.method() == http::verb::head) parser.skip(true);
    // read_timeout bounds each read, as in the sync transport; the client's
    // total_timeout bounds them all.
    bool fields_counted = false;
    while (!parser.is_done()) {
        c.tcp.expires_after(read_timeout_);
        auto [read, m] = co_await http::async_read_some(stream, c.buffer, parser, pool_step());
        if (read) co_return send_outcome{exchange_error(read), {}};
        // The header's size is bounded while it is read; its fields are
        // counted once it is whole.
        if (!fields_counted && parser.is_header_done()) {
            fields_counted = true;
            const auto& fields = parser.get();
            if (std::size_t(std::distance(fields.begin(), fields.end())) > max_fields_)
                co_return send_outcome{make_error_code(errc::response_too_large), {}};
        }
    }
    c.tcp.expires_never();

    auto message = parser.release();
    keep_alive = message.keep_alive();
    send_outcome outcome;
    outcome.response.status = int(message.result_int());
    outcome.response.headers.reserve(std::size_t(std::distance(message.begin(), message.end())));
    for (const auto& field : message)
        outcome.response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    outcome.response.body = std::move(message.body());
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

WEBHOOKSIO_DECL bool beast_transport::runs_on(const boost::asio::strand<executor_type>& strand) const noexcept {
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
    auto url = detail::parse_base_url(options.base_url);
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
