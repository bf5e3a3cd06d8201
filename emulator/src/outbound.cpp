// One delivery attempt on the wire (outbound.hpp).
#include "outbound.hpp"

#include <algorithm>
#include <array>
#include <exception>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <webhooksio/http_syntax.hpp>

#include "endpoint_url.hpp"

namespace webhooksio::emulation {

bool is_http_method(std::string_view method) {
    static constexpr std::array<std::string_view, 7> known{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};
    return std::ranges::find(known, method) != known.end();
}

std::optional<std::string> unsafe_header_reason(std::string_view name, std::string_view value) {
    if (name.empty()) return "an empty header name";
    if (!is_http_token(name)) return "the header name \"" + std::string(name) + "\" is not a token";
    if (!is_http_field_value(value))
        return "the value of header " + std::string(name) + " holds a control character such as CR, LF or NUL";
    return std::nullopt;
}

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using error_code = boost::system::error_code;

constexpr auto step = net::as_tuple(net::use_awaitable);

// What is read of an answer is bounded, element by element: its head (the
// status line and header lines) by max_answer_head_bytes and
// max_answer_head_lines; every other piece of framing (a chunk-size line
// with its extensions, the trailers) must fit in the read buffer; of the
// body, kept_response_bytes are read and the rest never is.
constexpr std::uint32_t max_answer_head_bytes = 16u << 10;
constexpr std::size_t max_answer_head_lines = 100;
constexpr std::size_t read_buffer_bytes = 32u << 10;

// Why `out` must not be sent, if it must not: every header and the method
// are checked here, in one place, whatever they were made from.
std::optional<std::string> refusal(const outbound_request& out) {
    if (!is_http_method(out.method)) return "the method is not an HTTP method the emulator sends";
    for (const auto& [name, value] : out.headers)
        if (auto reason = unsafe_header_reason(name, value)) return reason;
    if (!out.content_type.empty())
        if (auto reason = unsafe_header_reason("Content-Type", out.content_type)) return reason;
    return std::nullopt;
}

http::request<http::string_body> request_of(const outbound_request& out, const endpoint_url& target) {
    http::request<http::string_body> request;
    request.method_string(out.method);
    request.target(target.target);
    request.version(11);
    const bool default_port = target.port == (target.scheme == "https" ? 443 : 80);
    request.set(http::field::host, default_port ? target.host : target.host + ':' + std::to_string(target.port));
    for (const auto& [name, value] : out.headers) request.insert(name, value);
    if (!out.content_type.empty()) request.set(http::field::content_type, out.content_type);
    request.set(hops_header, std::to_string(out.hops));  // last: no header given replaces it
    request.body() = out.body;
    request.prepare_payload();
    return request;
}

// The exchange itself, on a connected stream (TCP, or TLS over it): the
// request out, then the answer's head and the start of its body in.
template <class Stream>
net::awaitable<void> exchange(Stream& stream, const outbound_request& out, const endpoint_url& target,
                              outbound_result& result) {
    auto request = request_of(out, target);
    if (auto [written, n] = co_await http::async_write(stream, request, step); written) {
        result.error = "sending the request failed: " + written.message();
        co_return;
    }
    beast::flat_buffer buffer(read_buffer_bytes);
    http::response_parser<http::buffer_body> parser;
    parser.header_limit(max_answer_head_bytes);
    parser.body_limit(boost::none);  // only the start is read (below)
    if (out.method == "HEAD") parser.skip(true);
    if (auto [read, n] = co_await http::async_read_header(stream, buffer, parser, step); read) {
        if (read == http::error::header_limit || read == http::error::buffer_overflow)
            result.error = "the answer's head is larger than " + std::to_string(max_answer_head_bytes) + " bytes";
        else
            result.error = "reading the answer failed: " + read.message();
        co_return;
    }
    const auto& head = parser.get();
    if (static_cast<std::size_t>(std::distance(head.begin(), head.end())) > max_answer_head_lines) {
        result.error = "the answer's head has more than " + std::to_string(max_answer_head_lines) + " header lines";
        co_return;
    }
    std::array<char, kept_response_bytes> kept{};
    while (!parser.is_done() && result.body.size() < kept_response_bytes) {
        const std::size_t room = kept_response_bytes - result.body.size();
        parser.get().body().data = kept.data();
        parser.get().body().size = room;
        auto [read, n] = co_await http::async_read_some(stream, buffer, parser, step);
        result.body.append(kept.data(), room - parser.get().body().size);
        if (read && read != http::error::need_buffer) {
            result.body.clear();
            result.error = read == http::error::buffer_overflow
                               ? "the answer's framing (a chunk-size line or its trailers) exceeds " +
                                     std::to_string(read_buffer_bytes) + " bytes"
                               : "reading the answer's body failed: " + read.message();
            co_return;
        }
    }
    result.status = static_cast<int>(head.result_int());
}

// Connects to the destination (with TLS for https) and makes the exchange.
net::awaitable<void> deliver(const outbound_request& out, const endpoint_url& target, outbound_result& result) {
    const auto executor = co_await net::this_coro::executor;
    const std::string address = target.host + ':' + std::to_string(target.port);
    net::ip::tcp::resolver resolver(executor);
    const std::string port = std::to_string(target.port);
    auto [resolved, endpoints] = co_await resolver.async_resolve(target.host, port, step);
    if (resolved) {
        result.error = "the host name " + target.host + " does not resolve (DNS lookup failed)";
        co_return;
    }
    beast::tcp_stream tcp(executor);
    if (auto [connected, where] = co_await tcp.async_connect(endpoints, step); connected) {
        result.error = connected == net::error::connection_refused ? "connection refused by " + address
                                                                   : address + ": " + connected.message();
        co_return;
    }
    tcp.socket().set_option(net::ip::tcp::no_delay(true));
    if (target.scheme != "https") {
        co_await exchange(tcp, out, target, result);
        co_return;
    }
    net::ssl::context tls(net::ssl::context::tls_client);
    tls.set_default_verify_paths();
    tls.set_verify_mode(out.verify_tls ? net::ssl::verify_peer : net::ssl::verify_none);
    beast::ssl_stream<beast::tcp_stream> stream(std::move(tcp), tls);
    if (out.verify_tls) stream.set_verify_callback(net::ssl::host_name_verification(target.host));
    // SNI: the name the destination's certificate is chosen by.
    SSL_set_tlsext_host_name(stream.native_handle(), target.host.c_str());
    if (auto [handshake] = co_await stream.async_handshake(net::ssl::stream_base::client, step); handshake) {
        result.error = "TLS handshake with " + address + " failed (is it an https server?): " + handshake.message();
        co_return;
    }
    co_await exchange(stream, out, target, result);
}

}  // namespace

outbound_result send_outbound(const outbound_request& out, std::chrono::milliseconds timeout, std::stop_token stop) {
    const auto started = std::chrono::steady_clock::now();
    outbound_result result;
    auto finish = [&] {
        result.duration_ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
        return result;
    };
    const std::optional<endpoint_url> target = parse_endpoint_url(out.url);
    if (!target) {
        result.error = "the endpoint_url is not an http(s) URL";
        return finish();
    }
    if (auto reason = refusal(out)) {
        result.error = "not sent: " + *reason;
        result.refused = true;
        return finish();
    }
    // One io_context per attempt, run on this (delivery) thread: the attempt
    // ends when the exchange does, at the deadline, or when `stop` is
    // requested; whatever is under way then is dropped with the context.
    net::io_context context;
    bool finished = false;
    std::exception_ptr failure;
    net::co_spawn(context, deliver(out, *target, result), [&](std::exception_ptr e) {
        finished = true;
        failure = e;
    });
    {
        std::stop_callback cancel(stop, [&] { context.stop(); });
        context.run_until(started + timeout);
    }
    if (failure) {
        result.status = 0;
        result.error = "the attempt failed: an error inside the emulator";
    } else if (!finished) {
        result.status = 0;
        result.body.clear();
        result.error = stop.stop_requested()
                           ? "cancelled: the emulator is stopping"
                           : "timed out waiting for " + target->host + ':' + std::to_string(target->port) +
                                 ": the attempt took longer than the delivery_timeout (" +
                                 std::to_string(timeout.count()) + " ms)";
    }
    return finish();
}

}  // namespace webhooksio::emulation
