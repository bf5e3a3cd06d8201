// The asynchronous part (<webhooksio/asio.hpp>) against in-process servers on
// 127.0.0.1: the Beast transport's pool, limits, cancellation, TLS and proxy.
#define BOOST_TEST_MODULE asio
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <exception>
#include <future>
#include <stdexcept>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <webhooksio/asio.hpp>
#include <webhooksio/testing/async_recording_transport.hpp>
#include <webhooksio/webhooksio.hpp>

#include "support/asio_server.hpp"
#include "support/fault_server.hpp"
#include "support/loopback_server.hpp"
#include "support/wire_cases.hpp"
#include "support/tls_certificate.hpp"

namespace net = boost::asio;
using boost::system::error_code;
using test_support::answer;
using test_support::asio_server;
using test_support::response;
using webhooksio::http_request;
using webhooksio::http_response;

namespace {

// Runs `body` as a coroutine on `io` until everything on `io` is done; an
// exception (a failed BOOST_TEST_REQUIRE) comes out here.
template <class F>
void run(net::io_context& io, F body) {
    std::exception_ptr failure;
    net::co_spawn(io, std::move(body), [&](std::exception_ptr e) { failure = e; });
    io.run();
    if (failure) std::rethrow_exception(failure);
}

// Answers 200 with the request's method and target in the body.
answer echo(const test_support::request& r) {
    return {response(200, std::string(r.method_string()) + ' ' + std::string(r.target()))};
}

webhooksio::client_options options_for(const std::string& base_url) {
    webhooksio::client_options options;
    options.base_url = base_url;
    return options;
}

http_request get(std::string target) { return {webhooksio::http_method::get, std::move(target), {}, {}}; }

// What a GET of `target` gets through a fresh transport with `options`: the
// error, and the body.
std::pair<error_code, std::string> send_once(const webhooksio::client_options& options, const std::string& target) {
    net::io_context io;
    webhooksio::beast_transport transport(io.get_executor(), options);
    std::pair<error_code, std::string> out;
    transport.async_send(get(target), [&](error_code ec, http_response r) { out = {ec, std::move(r.body)}; });
    io.run();
    return out;
}
http_request post(std::string target) { return {webhooksio::http_method::post, std::move(target), {}, "{}"}; }

}  // namespace

BOOST_AUTO_TEST_CASE(answers_in_order_over_one_kept_alive_connection) {
    asio_server server(echo);
    net::io_context io;
    webhooksio::beast_transport transport(io.get_executor(), options_for(server.base_url()));
    std::vector<std::string> bodies;
    run(io, [&]() -> net::awaitable<void> {
        for (int i = 0; i < 3; ++i) {
            auto [ec, r] = co_await transport.async_send(get("/v1/n" + std::to_string(i)),
                                                         net::as_tuple(net::use_awaitable));
            BOOST_TEST_REQUIRE(!ec, ec.message());
            BOOST_TEST(r.status == 200);
            bodies.push_back(r.body);
        }
    });
    BOOST_TEST(bodies == (std::vector<std::string>{"GET /v1/n0", "GET /v1/n1", "GET /v1/n2"}),
               boost::test_tools::per_element());
    BOOST_TEST(server.accepted() == 1);
    const auto requests = server.requests();
    BOOST_TEST(requests.at(0)[boost::beast::http::field::host] == "127.0.0.1:" + std::to_string(server.port()));
}

BOOST_AUTO_TEST_CASE(any_completion_token_callback_future_deferred) {
    asio_server server(echo);
    net::io_context io;
    webhooksio::beast_transport transport(io.get_executor(), options_for(server.base_url()));
    std::string by_callback;
    transport.async_send(get("/callback"), [&](error_code ec, http_response r) {
        BOOST_TEST(!ec);
        by_callback = r.body;
    });
    auto later = transport.async_send(get("/deferred"), net::deferred);
    std::string by_deferred;
    std::move(later)([&](error_code, http_response r) { by_deferred = r.body; });
    io.run();
    BOOST_TEST(by_callback == "GET /callback");
    BOOST_TEST(by_deferred == "GET /deferred");

    // use_future, with the io_context on another thread.
    io.restart();
    auto work = net::make_work_guard(io);
    std::thread runner([&] { io.run(); });
    std::future<http_response> future = transport.async_send(post("/future"), net::use_future);
    BOOST_TEST(future.get().body == "POST /future");
    work.reset();
    runner.join();
}

BOOST_AUTO_TEST_CASE(never_more_than_max_connections_and_the_rest_wait_in_line) {
    asio_server server(echo);
    net::io_context io;
    auto options = options_for(server.base_url());
    options.max_connections = 4;
    webhooksio::beast_transport transport(io.get_executor(), options);
    constexpr int calls = 200;
    int right = 0;
    for (int i = 0; i < calls; ++i)
        transport.async_send(get("/" + std::to_string(i)), [&, i](error_code ec, http_response r) {
            right += !ec && r.body == "GET /" + std::to_string(i);
        });
    io.run();
    BOOST_TEST(right == calls);
    BOOST_TEST(server.most_open() <= 4);
    BOOST_TEST(server.accepted() == 4);
}

BOOST_AUTO_TEST_CASE(bytes_nobody_asked_for_are_never_taken_for_the_next_answer) {
    // The first answer comes with a second, unsolicited response behind it.
    int n = 0;
    asio_server server([&](const test_support::request& r) {
        answer a = echo(r);
        if (n++ == 0) a.bytes += response(200, "UNSOLICITED");
        return a;
    });
    net::io_context io;
    webhooksio::beast_transport transport(io.get_executor(), options_for(server.base_url()));
    std::vector<std::string> bodies;
    run(io, [&]() -> net::awaitable<void> {
        for (const char* target : {"/first", "/second", "/third"}) {
            auto [ec, r] = co_await transport.async_send(get(target), net::as_tuple(net::use_awaitable));
            BOOST_TEST_REQUIRE(!ec, ec.message());
            bodies.push_back(r.body);
        }
    });
    BOOST_TEST(bodies == (std::vector<std::string>{"GET /first", "GET /second", "GET /third"}),
               boost::test_tools::per_element());
    BOOST_TEST(server.accepted() == 2);  // the tainted connection was replaced
}

BOOST_AUTO_TEST_CASE(a_connection_the_server_closed_after_answering_is_not_reused) {
    int n = 0;
    asio_server server([&](const test_support::request& r) {
        answer a = echo(r);
        a.close_after = n++ == 0;  // without saying so (no Connection: close)
        return a;
    });
    net::io_context io;
    webhooksio::beast_transport transport(io.get_executor(), options_for(server.base_url()));
    run(io, [&]() -> net::awaitable<void> {
        auto [ec1, r1] = co_await transport.async_send(get("/first"), net::as_tuple(net::use_awaitable));
        BOOST_TEST_REQUIRE(!ec1, ec1.message());
        BOOST_TEST_REQUIRE(server.wait_closed(1));
        // A POST is never sent twice: it must go out once, on a fresh connection.
        auto [ec2, r2] = co_await transport.async_send(post("/second"), net::as_tuple(net::use_awaitable));
        BOOST_TEST_REQUIRE(!ec2, ec2.message());
        BOOST_TEST(r2.body == "POST /second");
    });
    BOOST_TEST(server.accepted() == 2);
    BOOST_TEST(server.requests().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_cancelled_send_completes_at_once_and_its_connection_is_closed) {
    net::io_context io;
    net::cancellation_signal cancel;
    bool hang = true;
    asio_server server([&](const test_support::request& r) {
        if (!hang) return echo(r);
        // The request arrived: cancel it from the client's thread.
        net::post(io, [&] { cancel.emit(net::cancellation_type::terminal); });
        return answer{.hang = true};
    });
    webhooksio::beast_transport transport(io.get_executor(), options_for(server.base_url()));
    error_code cancelled;
    transport.async_send(get("/hang"), net::bind_cancellation_slot(cancel.slot(), [&](error_code ec, http_response) {
                             cancelled = ec;
                         }));
    io.run();
    BOOST_TEST(cancelled == net::error::operation_aborted);
    BOOST_TEST(server.wait_closed(1));

    hang = false;
    io.restart();
    run(io, [&]() -> net::awaitable<void> {
        auto [ec, r] = co_await transport.async_send(get("/after"), net::as_tuple(net::use_awaitable));
        BOOST_TEST(!ec);
        BOOST_TEST(r.body == "GET /after");
    });
    BOOST_TEST(server.accepted() == 2);
}

BOOST_AUTO_TEST_CASE(a_timer_wins_over_a_hanging_send_with_awaitable_operators) {
    asio_server server([](const test_support::request&) { return answer{.hang = true}; });
    net::io_context io;
    webhooksio::beast_transport transport(io.get_executor(), options_for(server.base_url()));
    bool timer_won = false;
    run(io, [&]() -> net::awaitable<void> {
        using namespace net::experimental::awaitable_operators;
        net::steady_timer timer(io, std::chrono::milliseconds(20));
        auto winner = co_await (transport.async_send(get("/hang"), net::as_tuple(net::use_awaitable)) ||
                                timer.async_wait(net::use_awaitable));
        timer_won = winner.index() == 1;
    });
    BOOST_TEST(timer_won);
    BOOST_TEST(server.wait_closed(1));
}

BOOST_AUTO_TEST_CASE(destroying_the_transport_cancels_what_is_in_flight) {
    asio_server server([](const test_support::request&) { return answer{.hang = true}; });
    net::io_context io;
    std::vector<error_code> outcomes;
    {
        webhooksio::beast_transport transport(io.get_executor(), options_for(server.base_url()));
        for (int i = 0; i < 3; ++i)
            transport.async_send(get("/hang"), [&](error_code ec, http_response) { outcomes.push_back(ec); });
        io.run_one();  // under way
    }
    io.run();
    BOOST_TEST(outcomes.size() == 3u);
    for (const auto& ec : outcomes) BOOST_TEST(ec == net::error::operation_aborted);
}

BOOST_AUTO_TEST_CASE(a_self_signed_certificate_is_accepted_only_with_its_ca) {
    test_support::tls_certificate certificate;
    asio_server server(echo, &certificate);
    auto options = options_for(server.base_url());
    const auto untrusted = send_once(options, "/x");
    BOOST_TEST((untrusted.first.category() == net::error::get_ssl_category()), untrusted.first.message());

    options.ca_bundle_pem = certificate.pem();
    const auto trusted = send_once(options, "/x");
    BOOST_TEST(!trusted.first, trusted.first.message());
    BOOST_TEST(trusted.second == "GET /x");

    // The certificate names 127.0.0.1 only: another name for the same host fails.
    options.base_url = "https://localhost:" + std::to_string(server.port());
    const auto wrong_name = send_once(options, "/x");
    BOOST_TEST((wrong_name.first.category() == net::error::get_ssl_category()), wrong_name.first.message());
}

BOOST_AUTO_TEST_CASE(https_through_a_proxy_credentials_on_connect_only) {
    test_support::tls_certificate certificate;
    asio_server api(echo, &certificate);
    asio_server proxy(echo);
    auto options = options_for(api.base_url());
    options.ca_bundle_pem = certificate.pem();
    options.proxy = {.host = "127.0.0.1", .port = proxy.port(), .username = "user", .password = ""};
    const auto answer = send_once(options, "/through");
    BOOST_TEST(!answer.first, answer.first.message());
    BOOST_TEST(answer.second == "GET /through");
    const auto connects = proxy.requests();
    BOOST_TEST_REQUIRE(connects.size() == 1u);
    BOOST_TEST(connects[0].method() == boost::beast::http::verb::connect);
    BOOST_TEST(connects[0].target() == "127.0.0.1:" + std::to_string(api.port()));
    BOOST_TEST(connects[0][boost::beast::http::field::proxy_authorization] == "Basic dXNlcjo=");  // "user:"
    BOOST_TEST(api.requests().at(0).count(boost::beast::http::field::proxy_authorization) == 0u);
}

BOOST_AUTO_TEST_CASE(plain_http_through_a_proxy_uses_the_absolute_form) {
    asio_server proxy(echo);
    auto options = options_for("http://api.example:8080");
    options.proxy = {.host = "127.0.0.1", .port = proxy.port(), .username = "u", .password = "p"};
    const auto answer = send_once(options, "/v1/x");
    BOOST_TEST(!answer.first, answer.first.message());
    BOOST_TEST(answer.second == "GET http://api.example:8080/v1/x");
    BOOST_TEST(proxy.requests().at(0)[boost::beast::http::field::proxy_authorization] == "Basic dTpw");
}

BOOST_AUTO_TEST_CASE(responses_are_bounded) {
    asio_server server([](const test_support::request& r) {
        if (r.target() == "/header") return answer{response(200, "{}", "X-Big: " + std::string(2000, 'h') + "\r\n")};
        if (r.target() == "/fields") {
            std::string fields;
            for (int i = 0; i < 20; ++i) fields += "X-" + std::to_string(i) + ": v\r\n";
            return answer{response(200, "{}", fields)};
        }
        return answer{response(200, std::string(2000, 'b'))};
    });
    net::io_context io;
    auto options = options_for(server.base_url());
    options.max_response_body = 1024;
    options.max_response_header_bytes = 1024;
    options.max_response_header_fields = 10;
    webhooksio::beast_transport transport(io.get_executor(), options);
    error_code body, header, fields;
    transport.async_send(get("/body"), [&](error_code ec, http_response) { body = ec; });
    transport.async_send(get("/header"), [&](error_code ec, http_response) { header = ec; });
    transport.async_send(get("/fields"), [&](error_code ec, http_response) { fields = ec; });
    io.run();
    BOOST_TEST((fields == webhooksio::errc::response_too_large), fields.message());
    BOOST_TEST((body == webhooksio::errc::response_too_large), body.message());
    BOOST_TEST((header == webhooksio::errc::response_too_large), header.message());
}

// A response that never ends stops the read once it is over the limits: the
// parser's for the head, the read buffer's for a chunk-size line or trailers
// (the parser waits for them whole). The server could write little before
// the client closed.
BOOST_AUTO_TEST_CASE(endless_responses_are_cut_short) {
    using test_support::fault;
    for (fault endless : {fault::endless_chunk_extension, fault::endless_trailers, fault::endless_header_line,
                          fault::endless_header_lines}) {
        test_support::fault_server server(endless);
        auto options = options_for(server.base_url());
        const auto [code, body] = send_once(options, "/x");
        BOOST_TEST((code == webhooksio::errc::response_too_large), int(endless) << ": " << code.message());
        BOOST_TEST_REQUIRE(server.wait_closed(1));
        BOOST_TEST_MESSAGE("fault " << int(endless) << ": " << server.bytes_written() << " bytes: " << code.message());
        BOOST_TEST(server.bytes_written() < (std::size_t(4) << 20), int(endless));
    }
}

// total_timeout ends a call whatever the server sends or doesn't, well
// before read_timeout: a head that comes a byte at a time, and no answer.
BOOST_AUTO_TEST_CASE(total_timeout_ends_a_dripping_head_and_a_silent_server) {
    using test_support::fault;
    for (fault slow : {fault::drip_head, fault::hang}) {
        test_support::fault_server server(slow);
        net::io_context io;
        auto options = options_for(server.base_url());
        options.read_timeout = std::chrono::seconds(5);
        options.total_timeout = std::chrono::milliseconds(300);
        options.max_retries = 0;
        webhooksio::asio_client api(io.get_executor(), "KEY-123456789012", options);
        webhooksio::diagnostics diag;
        error_code code;
        const auto start = std::chrono::steady_clock::now();
        api.async_get_plans({}, diag, [&](error_code ec, boost::json::value) { code = ec; });
        io.run();
        BOOST_TEST((code == webhooksio::errc::timed_out), int(slow) << ": " << code.message());
        BOOST_TEST(diag.message.find("total_timeout") != std::string::npos, diag.message);
        BOOST_TEST((std::chrono::steady_clock::now() - start < std::chrono::seconds(2)), int(slow));
    }
}

BOOST_AUTO_TEST_CASE(a_request_that_could_split_on_the_wire_is_refused_unsent) {
    // A request handed to the transport directly, past the client's checks.
    asio_server server(echo);
    net::io_context io;
    webhooksio::beast_transport transport(io.get_executor(), options_for(server.base_url()));
    std::vector<http_request> bad(4, get("/x"));
    bad[0].target = "/x HTTP/1.1\r\nX-Injected: 1\r\n\r\nGET /y";
    bad[1].target = "/x /y";
    bad[2].headers.emplace_back("X-Name", "value\r\nX-Injected: 1");
    bad[3].headers.emplace_back("Bad Name", "value");
    std::vector<error_code> codes;
    for (const http_request& request : bad)
        transport.async_send(request, [&](error_code ec, http_response) { codes.push_back(ec); });
    io.run();
    BOOST_TEST_REQUIRE(codes.size() == bad.size());
    for (const error_code& code : codes)
        BOOST_TEST((code == boost::system::errc::invalid_argument), code.message());
    BOOST_TEST(server.requests().empty());
}

BOOST_AUTO_TEST_CASE(an_ipv6_base_url_is_resolved_without_its_brackets) {
    // Nothing listens on [::1]:1: the connection is refused (or the address
    // unreachable where there is no IPv6), never "host not found" for a
    // name that still holds its brackets.
    const auto [code, body] = send_once(options_for("http://[::1]:1"), "/x");
    BOOST_TEST(code);
    BOOST_TEST((code != net::error::host_not_found && code != net::error::host_not_found_try_again), code.message());
}

BOOST_AUTO_TEST_CASE(a_read_that_hangs_ends_after_read_timeout) {
    asio_server server([](const test_support::request&) { return answer{.hang = true}; });
    auto options = options_for(server.base_url());
    options.read_timeout = std::chrono::milliseconds(100);
    const auto [code, body] = send_once(options, "/x");
    BOOST_TEST((code == webhooksio::errc::timed_out), code.message());
    BOOST_TEST(server.wait_closed(1));  // closed, never reused half-read
}

BOOST_AUTO_TEST_CASE(an_idle_connection_is_closed_after_idle_timeout_while_calls_are_in_flight) {
    // /a is answered at once and its connection goes idle; /b only once the
    // server has seen a connection close, which only the idle timer does.
    // Without it /b would wait for its read_timeout and fail.
    asio_server server([](const test_support::request& r) {
        if (r.target() == "/a") return echo(r);
        answer later = echo(r);
        later.after_closed = 1;
        return later;
    });
    net::io_context io;
    auto options = options_for(server.base_url());
    options.idle_timeout = std::chrono::milliseconds(50);
    options.read_timeout = std::chrono::seconds(10);
    webhooksio::beast_transport transport(io.get_executor(), options);
    error_code a, b;
    transport.async_send(get("/a"), [&](error_code ec, http_response) { a = ec; });
    transport.async_send(get("/b"), [&](error_code ec, http_response) { b = ec; });
    io.run();  // returns: no timer is left once the last send is over
    BOOST_TEST(!a, a.message());
    BOOST_TEST(!b, b.message());
    BOOST_TEST(server.accepted() == 2);
}

// ---- The client: asio_client over the Beast transport.

namespace {

namespace api = webhooksio::api;
using webhooksio::account_id;
using webhooksio::bucket_id;

// Answers 200 with {"target": <the request's target>, "method": ...}.
answer json_echo(const test_support::request& r) {
    boost::json::object body{{"method", std::string(r.method_string())}, {"target", std::string(r.target())}};
    return {response(200, boost::json::serialize(body))};
}

// Answers these statuses in turn (JSON bodies), then 200.
asio_server::handler statuses_then_ok(std::vector<int> statuses) {
    auto left = std::make_shared<std::vector<int>>(std::move(statuses));
    return [left](const test_support::request& r) {
        if (left->empty()) return json_echo(r);
        const int status = left->front();
        left->erase(left->begin());
        return answer{response(status, R"({"message":"not now"})")};
    };
}

webhooksio::client_options quick_retries(const std::string& base_url) {
    auto options = options_for(base_url);
    options.retry_initial_delay = std::chrono::milliseconds(1);
    options.retry_max_delay = std::chrono::milliseconds(2);
    return options;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_coroutine_and_a_callback_get_the_answer) {
    asio_server server(json_echo);
    net::io_context io;
    webhooksio::asio_client api(io.get_executor(), "KEY-123456789012", options_for(server.base_url()));
    boost::json::value by_callback;
    api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU2"}, {}, [&](error_code ec, boost::json::value v) {
        BOOST_TEST(!ec, ec.message());
        by_callback = std::move(v);
    });
    run(io, [&]() -> net::awaitable<void> {
        // Options are named before a co_await (detail/await_temporaries.hpp).
        const api::get_bucket::options expand{.expand = true};
        boost::json::value b = co_await api.async_call<api::get_bucket>({account_id{"AC1"}, bucket_id{"BU1"}}, expand,
                                                                         net::use_awaitable);
        BOOST_TEST(b.at("target").as_string() == "/v1/accounts/AC1/buckets/BU1?expand=true");
        // (Named: g++ 12 can't keep an initializer list's array in a coroutine frame.)
        const boost::json::object free_form{{"expand", false}};
        auto [ec, v] = co_await api.async_call<api::get_bucket>({account_id{"AC1"}, bucket_id{"BU3"}}, free_form,
                                                                net::as_tuple(net::use_awaitable));
        BOOST_TEST(!ec);
        BOOST_TEST(v.at("target").as_string() == "/v1/accounts/AC1/buckets/BU3?expand=false");
    });
    BOOST_TEST(by_callback.at("target").as_string() == "/v1/accounts/AC1/buckets/BU2");
    const auto requests = server.requests();
    BOOST_TEST(requests.at(0)[boost::beast::http::field::authorization] == "Bearer KEY-123456789012");
}

BOOST_AUTO_TEST_CASE(a_failed_call_gives_its_code_and_diagnostics) {
    asio_server server([](const test_support::request&) {
        return answer{response(404, R"({"message":"Bucket not found"})", "X-Request-Id: R1\r\n")};
    });
    net::io_context io;
    webhooksio::asio_client api(io.get_executor(), "KEY-123456789012", options_for(server.base_url()));
    webhooksio::diagnostics diag;
    error_code code;
    api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {}, diag,
                         [&](error_code ec, boost::json::value) { code = ec; });
    bool thrown = false;
    run(io, [&]() -> net::awaitable<void> {
        try {
            co_await api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, net::use_awaitable);
        } catch (const boost::system::system_error& e) {
            thrown = e.code() == webhooksio::errc::not_found;
        }
    });
    BOOST_TEST((code == webhooksio::errc::not_found), code.message());
    BOOST_TEST(thrown);
    BOOST_TEST(diag.status == 404);
    BOOST_TEST(diag.endpoint == "get_bucket");
    BOOST_TEST(diag.header("x-request-id") == "R1");
    BOOST_TEST(diag.body.at("message").as_string() == "Bucket not found");
}

BOOST_AUTO_TEST_CASE(with_response_gives_status_and_headers) {
    asio_server server([](const test_support::request&) { return answer{response(201, R"({"id":"BU9"})", "X-Id: 9\r\n")}; });
    net::io_context io;
    webhooksio::asio_client api(io.get_executor(), "KEY-123456789012", options_for(server.base_url()));
    run(io, [&]() -> net::awaitable<void> {
        // Options holding strings are named first: g++ before 14 destroys
        // their braced temporary twice in a co_await expression (the library
        // refuses it: detail/await_temporaries.hpp).
        const api::create_bucket::options options{.name = "b", .key = "k"};
        webhooksio::response r =
            co_await api.async_create_bucket(account_id{"AC1"}, options, net::use_awaitable | webhooksio::with_response);
        BOOST_TEST(r.status == 201);
        BOOST_TEST(r.header("x-id") == "9");
        BOOST_TEST(r.body.at("id").as_string() == "BU9");
    });
}

BOOST_AUTO_TEST_CASE(bad_input_is_refused_and_nothing_is_sent) {
    asio_server server(json_echo);
    net::io_context io;
    webhooksio::asio_client api(io.get_executor(), "KEY-123456789012", options_for(server.base_url()));
    error_code code;
    api.async_get_bucket(account_id{"AC1"}, bucket_id{".."}, {}, [&](error_code ec, boost::json::value) { code = ec; });
    io.run();
    BOOST_TEST((code == webhooksio::errc::usage), code.message());
    BOOST_TEST(server.requests().empty());
}

BOOST_AUTO_TEST_CASE(a_thousand_calls_on_one_thread_never_more_than_max_connections) {
    asio_server server(json_echo);
    net::io_context io;
    webhooksio::asio_client api(io.get_executor(), "KEY-123456789012", options_for(server.base_url()));
    constexpr int calls = 1000;
    int right = 0;
    for (int i = 0; i < calls; ++i) {
        const std::string id = "BU" + std::to_string(i);
        api.async_get_bucket(account_id{"AC1"}, bucket_id{id}, {}, [&, id](error_code ec, boost::json::value v) {
            right += !ec && v.at("target").as_string() == "/v1/accounts/AC1/buckets/" + id;
        });
    }
    io.run();
    BOOST_TEST(right == calls);
    BOOST_TEST(server.most_open() <= int(webhooksio::client_options{}.max_connections));
    BOOST_TEST(server.accepted() == int(webhooksio::client_options{}.max_connections));
}

BOOST_AUTO_TEST_CASE(a_hanging_call_is_cancelled_by_its_slot_or_a_timer) {
    net::io_context io;
    net::cancellation_signal cancel;
    asio_server server([&](const test_support::request& r) {
        if (r.target().ends_with("/BU1")) net::post(io, [&] { cancel.emit(net::cancellation_type::terminal); });
        return answer{.hang = true};
    });
    // A read_timeout far above what is checked: a cancellation that did not
    // reach the send would end the calls only after 30 s, with the same code.
    auto options = options_for(server.base_url());
    options.read_timeout = std::chrono::seconds(30);
    webhooksio::asio_client api(io.get_executor(), "KEY-123456789012", options);
    const auto start = std::chrono::steady_clock::now();
    error_code by_slot;
    api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {},
                         net::bind_cancellation_slot(cancel.slot(), [&](error_code ec, boost::json::value) { by_slot = ec; }));
    bool timer_won = false;
    run(io, [&]() -> net::awaitable<void> {
        using namespace net::experimental::awaitable_operators;
        net::steady_timer timer(io, std::chrono::milliseconds(20));
        auto first = co_await (api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU2"}, net::use_awaitable) ||
                               timer.async_wait(net::use_awaitable));
        timer_won = first.index() == 1;
    });
    BOOST_TEST((by_slot == net::error::operation_aborted), by_slot.message());
    BOOST_TEST(timer_won);
    BOOST_TEST((std::chrono::steady_clock::now() - start < std::chrono::seconds(10)), "cancelled before read_timeout");
    BOOST_TEST(server.wait_closed(2));  // both connections closed, never reused half-read
}

BOOST_AUTO_TEST_CASE(a_call_waiting_to_retry_is_cancelled_by_its_slot) {
    asio_server server([](const test_support::request&) { return answer{response(503, "{}")}; });
    net::io_context io;
    net::cancellation_signal cancel;
    auto options = options_for(server.base_url());
    options.max_retries = 1;
    options.retry_initial_delay = options.retry_max_delay = std::chrono::seconds(30);
    // The first attempt is over and the backoff about to start: cancel now.
    options.hooks.after_response = [&](const webhooksio::attempt_outcome&) {
        net::post(io, [&] { cancel.emit(net::cancellation_type::terminal); });
    };
    webhooksio::asio_client api(io.get_executor(), "KEY-123456789012", options);
    error_code code;
    api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {},
                         net::bind_cancellation_slot(cancel.slot(), [&](error_code ec, boost::json::value) { code = ec; }));
    io.run();
    BOOST_TEST((code == net::error::operation_aborted), code.message());
    BOOST_TEST(server.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(total_timeout_bounds_a_call_against_a_trickling_server) {
    // One byte every 20 ms: each read is well within read_timeout, the whole
    // answer would take seconds.
    asio_server server([](const test_support::request&) {
        return answer{.bytes = response(200, std::string(200, ' ') + "{}"), .trickle = std::chrono::milliseconds(20)};
    });
    net::io_context io;
    auto options = options_for(server.base_url());
    options.read_timeout = std::chrono::seconds(5);
    options.total_timeout = std::chrono::milliseconds(200);
    webhooksio::asio_client api(io.get_executor(), "KEY-123456789012", options);
    webhooksio::diagnostics diag;
    error_code code;
    api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {}, diag, [&](error_code ec, boost::json::value) { code = ec; });
    io.run();
    BOOST_TEST((code == webhooksio::errc::timed_out), code.message());
    BOOST_TEST(diag.message.find("total_timeout") != std::string::npos, diag.message);
}

BOOST_AUTO_TEST_CASE(one_timer_serves_the_deadlines_of_calls_started_at_different_times) {
    asio_server server([](const test_support::request&) { return answer{.hang = true}; });
    net::io_context io;
    auto options = options_for(server.base_url());
    options.total_timeout = std::chrono::milliseconds(100);
    // Far above the deadlines: a deadline that did not fire would end the
    // calls only after 30 s, with the same code.
    options.read_timeout = std::chrono::seconds(30);
    webhooksio::asio_client api(io.get_executor(), "KEY-123456789012", options);
    const auto start = std::chrono::steady_clock::now();
    std::vector<error_code> codes;
    const auto note = [&](error_code ec, boost::json::value) { codes.push_back(ec); };
    // Three at once, then one more after they all ended (the timer was
    // stopped with the last of them, and is set again).
    for (int i = 0; i < 3; ++i) api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {}, note);
    io.run();
    api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {}, note);
    io.restart();
    io.run();
    BOOST_TEST((std::chrono::steady_clock::now() - start < std::chrono::seconds(10)), "ended by total_timeout");
    BOOST_TEST_REQUIRE(codes.size() == 4u);
    for (const error_code& code : codes) BOOST_TEST((code == webhooksio::errc::timed_out), code.message());
}

BOOST_AUTO_TEST_CASE(a_tls_failure_is_tls_failed_with_its_reason) {
    test_support::tls_certificate certificate;
    asio_server server(echo, &certificate);
    net::io_context io;
    webhooksio::asio_client api(io.get_executor(), "KEY-123456789012", options_for(server.base_url()));
    webhooksio::diagnostics diag;
    error_code code;
    api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {}, diag, [&](error_code ec, boost::json::value) { code = ec; });
    io.run();
    BOOST_TEST((code == webhooksio::errc::tls_failed), code.message());
    BOOST_TEST(diag.failure == webhooksio::transport_failure::tls);
    BOOST_TEST(diag.message.find("certificate verify failed") != std::string::npos, diag.message);
}

BOOST_AUTO_TEST_CASE(retries_follow_the_sync_policy_a_post_goes_once) {
    asio_server get_server(statuses_then_ok({503, 503}));
    asio_server post_server(statuses_then_ok({503}));
    net::io_context io;
    webhooksio::asio_client get_api(io.get_executor(), "KEY-123456789012", quick_retries(get_server.base_url()));
    webhooksio::asio_client post_api(io.get_executor(), "KEY-123456789012", quick_retries(post_server.base_url()));
    error_code get_code, post_code;
    get_api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {},
                             [&](error_code ec, boost::json::value) { get_code = ec; });
    post_api.async_create_bucket(account_id{"AC1"}, {.name = "b", .key = "k"},
                                 [&](error_code ec, boost::json::value) { post_code = ec; });
    io.run();
    BOOST_TEST(!get_code, get_code.message());
    BOOST_TEST(get_server.requests().size() == 3u);
    BOOST_TEST((post_code == webhooksio::errc::server_error), post_code.message());
    BOOST_TEST(post_server.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(four_threads_eight_coroutines_each_share_one_client) {
    asio_server server(json_echo);
    net::io_context io(4);
    webhooksio::asio_client api(io.get_executor(), "KEY-123456789012", options_for(server.base_url()));
    std::atomic<int> right{0};
    constexpr int coroutines = 32, calls_each = 10;
    for (int c = 0; c < coroutines; ++c)
        net::co_spawn(net::make_strand(io), [&, c]() -> net::awaitable<void> {
            for (int i = 0; i < calls_each; ++i) {
                const std::string id = "BU" + std::to_string(c) + "-" + std::to_string(i);
                auto [ec, v] = co_await api.async_get_bucket(account_id{"AC1"}, bucket_id{id},
                                                             net::as_tuple(net::use_awaitable));
                right += !ec && v.at("target").as_string() == "/v1/accounts/AC1/buckets/" + id;
            }
        }, net::detached);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) threads.emplace_back([&] { io.run(); });
    for (auto& t : threads) t.join();
    BOOST_TEST(right.load() == coroutines * calls_each);
    BOOST_TEST(server.most_open() <= 16);
}

BOOST_AUTO_TEST_CASE(destroying_the_client_cancels_the_calls_in_flight) {
    asio_server server([](const test_support::request&) { return answer{.hang = true}; });
    net::io_context io;
    std::vector<error_code> outcomes;
    {
        webhooksio::asio_client api(io.get_executor(), "KEY-123456789012", options_for(server.base_url()));
        for (int i = 0; i < 20; ++i)  // more than max_connections: some wait in line
            api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {},
                                 [&](error_code ec, boost::json::value) { outcomes.push_back(ec); });
        io.poll();  // under way
    }
    io.run();
    BOOST_TEST(outcomes.size() == 20u);
    for (const auto& ec : outcomes) BOOST_TEST((ec == net::error::operation_aborted), ec.message());
}

BOOST_AUTO_TEST_CASE(the_async_recording_transport_records_and_answers_from_its_script) {
    net::io_context io;
    webhooksio::testing::async_recording_transport wire(io.get_executor());
    wire.record().respond({.status = 200, .headers = {}, .body = R"({"id":"BU1"})"});
    webhooksio::basic_asio_client<webhooksio::testing::async_recording_transport> api(
        io.get_executor(), "KEY-123456789012", {}, wire);
    boost::json::value body;
    api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {}, [&](error_code ec, boost::json::value v) {
        BOOST_TEST(!ec, ec.message());
        body = std::move(v);
    });
    io.run();
    BOOST_TEST(body.at("id").as_string() == "BU1");
    BOOST_TEST(wire.record().requests().at(0).target == "/v1/accounts/AC1/buckets/BU1");
}

BOOST_AUTO_TEST_CASE(options_in_a_co_await_expression_are_destroyed_once) {
    // Under AddressSanitizer (CI), a double destruction of the options'
    // members would stop the test; the requests show what each call saw.
    // Under g++ before 14, braced options in a co_await expression do not
    // compile (tests/compile_fail/braced_options_in_co_await.cpp).
    net::io_context io;
    webhooksio::testing::async_recording_transport wire(io.get_executor());
    for (int i = 0; i < 6; ++i) wire.record().respond({.status = 200, .headers = {}, .body = "{}"});
    webhooksio::basic_asio_client<webhooksio::testing::async_recording_transport> api(
        io.get_executor(), "KEY-123456789012", {}, wire);
    const std::string long_name = "a name longer than the small buffer of a string";
    // A braced temporary with a callback is not in a co_await expression.
    api.async_create_bucket(account_id{"AC1"}, {.name = long_name, .key = "K0"}, [](error_code, boost::json::value) {});
    run(io, [&]() -> net::awaitable<void> {
        // Without options, and named options: safe with every compiler.
        co_await api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, net::use_awaitable);
        co_await api.async_call<api::get_bucket>({account_id{"AC1"}, bucket_id{"BU2"}}, net::as_tuple(net::use_awaitable));
        const api::create_bucket::options named{.name = long_name, .key = "K1"};
        co_await api.async_create_bucket(account_id{"AC1"}, named, net::use_awaitable);
        // A new user's first gateway send, named: optional strings only.
        const webhooksio::input_id in{"IN1"};
        const api::send_input_request::options webhook{.raw_body = std::string(100, 'x'), .content_type = "text/plain"};
        auto [ec, v] = co_await api.async_send_input_request(webhooksio::input_name{"orders"}, in, webhook,
                                                             net::as_tuple(net::use_awaitable));
        BOOST_TEST(!ec, ec.message());
#if !WEBHOOKSIO_AWAIT_TEMPORARY_GUARD
        // Braced: only where the compiler gets it right.
        co_await api.async_create_bucket(account_id{"AC1"}, {.name = long_name, .key = "K2"}, net::use_awaitable);
#else
        co_await api.async_create_bucket(account_id{"AC1"}, named, net::use_awaitable);
#endif
    });
    const auto& sent = wire.record().requests();
    BOOST_TEST_REQUIRE(sent.size() == 6u);
    BOOST_TEST(sent[0].body == R"({"name":")" + long_name + R"(","key":"K0"})");
    BOOST_TEST(sent[1].target == "/v1/accounts/AC1/buckets/BU1");
    BOOST_TEST(sent[2].target == "/v1/accounts/AC1/buckets/BU2");
    BOOST_TEST(sent[3].body == R"({"name":")" + long_name + R"(","key":"K1"})");
    BOOST_TEST(sent[4].target == "/v1/orders/IN1");
    BOOST_TEST(sent[4].body == std::string(100, 'x'));
    BOOST_TEST(sent[5].body.starts_with(R"({"name":")" + long_name));
}

namespace {

// A client whose after_response hook throws.
webhooksio::client_options throwing_hook(const std::string& base_url) {
    auto options = options_for(base_url);
    options.hooks.after_response = [](const webhooksio::attempt_outcome&) { throw std::runtime_error("from the hook"); };
    return options;
}

// What `f` threw, as a runtime_error's words.
template <class F>
std::string thrown_by(F&& f) {
    try {
        f();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "nothing thrown";
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_exception_thrown_by_a_hook_reaches_the_caller_in_every_form) {
    asio_server server(json_echo);
    net::io_context io;
    webhooksio::asio_client api(io.get_executor(), "KEY-123456789012", throwing_hook(server.base_url()));
    // A callback: not called; the exception leaves io_context::run().
    bool called = false;
    api.async_get_plans([&](error_code, boost::json::value) { called = true; });
    BOOST_TEST(thrown_by([&] { io.run(); }) == "from the hook");
    BOOST_TEST(!called);
    // A future holds it.
    io.restart();
    std::future<boost::json::value> future = api.async_get_plans(net::use_future);
    std::future<webhooksio::response> whole = api.async_get_plans(net::use_future | webhooksio::with_response);
    io.run();
    BOOST_TEST(thrown_by([&] { future.get(); }) == "from the hook");
    BOOST_TEST(thrown_by([&] { whole.get(); }) == "from the hook");
    // A coroutine gets it from its co_await.
    io.restart();
    std::string in_coroutine;
    run(io, [&]() -> net::awaitable<void> {
        try {
            co_await api.async_get_plans(net::use_awaitable);
        } catch (const std::runtime_error& e) {
            in_coroutine = e.what();
        }
    });
    BOOST_TEST(in_coroutine == "from the hook");
    // A token that can't carry it (as_tuple): out of io_context::run().
    io.restart();
    net::co_spawn(io, [&]() -> net::awaitable<void> {
        co_await api.async_get_plans(net::as_tuple(net::use_awaitable));
        called = true;
    }, net::detached);
    BOOST_TEST(thrown_by([&] { io.run(); }) == "from the hook");
    BOOST_TEST(!called);
    BOOST_TEST(server.requests().size() == 5u);
}

BOOST_AUTO_TEST_CASE(a_future_and_a_coroutine_get_a_failure_as_its_typed_exception) {
    asio_server server([](const test_support::request&) { return answer{response(404, R"({"message":"no"})")}; });
    net::io_context io;
    webhooksio::asio_client api(io.get_executor(), "KEY-123456789012", options_for(server.base_url()));
    std::future<boost::json::value> future = api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, net::use_future);
    bool typed = false;
    run(io, [&]() -> net::awaitable<void> {
        try {
            co_await api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, net::use_awaitable);
        } catch (const webhooksio::status_error& e) {
            typed = e.code() == webhooksio::errc::not_found;
        }
    });
    BOOST_TEST(typed);
    BOOST_CHECK_THROW(future.get(), webhooksio::status_error);
}

BOOST_AUTO_TEST_CASE(a_hanging_answer_of_the_recording_transport_waits_for_its_cancellation) {
    net::io_context io;
    webhooksio::testing::async_recording_transport wire(io.get_executor());
    wire.record().hang();
    wire.record().hang();
    // The transport alone: nothing completes until the slot fires.
    net::cancellation_signal cancel;
    std::optional<error_code> sent;
    wire.async_send(get("/v1/x"), net::bind_cancellation_slot(cancel.slot(), [&](error_code ec, http_response) {
                        sent = ec;
                    }));
    io.poll();
    BOOST_TEST(!sent.has_value());
    cancel.emit(net::cancellation_type::terminal);
    io.run();
    io.restart();
    BOOST_TEST_REQUIRE(sent.has_value());
    BOOST_TEST((*sent == net::error::operation_aborted), sent->message());
    // Through the client: a call cancelled deterministically, no server.
    webhooksio::basic_asio_client<webhooksio::testing::async_recording_transport> api(
        io.get_executor(), "KEY-123456789012", {}, wire);
    net::cancellation_signal cancel_call;
    std::optional<error_code> called;
    api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {},
                         net::bind_cancellation_slot(cancel_call.slot(), [&](error_code ec, boost::json::value) {
                             called = ec;
                         }));
    for (int i = 0; i < 1000 && wire.record().request_count() < 2; ++i) io.poll_one();  // sent; it hangs
    io.poll();
    BOOST_TEST(!called.has_value());
    cancel_call.emit(net::cancellation_type::terminal);
    io.run();
    BOOST_TEST_REQUIRE(called.has_value());
    BOOST_TEST((*called == net::error::operation_aborted), called->message());
    // The synchronous recording transport cannot wait: it says so.
    webhooksio::testing::recording_transport sync_wire;
    sync_wire.hang();
    const auto answer = sync_wire.send(get("/v1/y"));
    BOOST_TEST_REQUIRE(!answer);
    BOOST_TEST((answer.error() == webhooksio::errc::usage));
}

BOOST_AUTO_TEST_CASE(every_call_is_on_the_wire_what_the_sync_client_sends) {
    namespace json = boost::json;
    test_support::loopback_server server;
    webhooksio::client sync_api{"KEY-123456789012", {.base_url = server.base_url()}};
    net::io_context io;
    webhooksio::asio_client async_api(io.get_executor(), "KEY-123456789012", options_for(server.base_url()));
    const json::array cases = test_support::load("wire_cases.json").at("cases").as_array();
    std::size_t checked = 0;
    api::for_each_endpoint([&]<class E>(std::type_identity<E>) {
        BOOST_TEST_CONTEXT(E::name) {
            const json::object& c = test_support::find_by(cases, "name", E::name);
            const auto ids = test_support::make_params<typename E::params>(c.at("ids").as_array());
            const json::object& options = c.at("options").as_object();
            const json::value sync_answer = sync_api.call<E>(ids, options);
            const auto by_sync = server.last();
            json::value async_answer;
            async_api.async_call<E>(ids, options, [&](error_code ec, json::value v) {
                BOOST_TEST(!ec, ec.message());
                async_answer = std::move(v);
            });
            io.run();
            io.restart();
            const auto by_async = server.last();
            BOOST_TEST(async_answer == sync_answer);
            BOOST_TEST(by_async.method == c.at("method").as_string());
            BOOST_TEST(by_async.target == c.at("target").as_string());
            BOOST_TEST(by_async.method == by_sync.method);
            BOOST_TEST(by_async.target == by_sync.target);
            BOOST_TEST(by_async.body == by_sync.body);
            // Every header, both ways (httplib adds what the server saw to both).
            for (const auto& [name, value] : by_sync.headers)
                if (name != "REMOTE_ADDR" && name != "REMOTE_PORT" && name != "LOCAL_ADDR" && name != "LOCAL_PORT")
                    BOOST_TEST(test_support::header_of(by_async.headers, name) == value, name);
            for (const auto& [name, value] : by_async.headers)
                BOOST_TEST(by_sync.headers.count(name) == 1u, name);
            ++checked;
        }
    });
    BOOST_TEST(checked == cases.size());
}
