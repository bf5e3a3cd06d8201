// The asynchronous part (<webhooksio/asio.hpp>) against in-process servers on
// 127.0.0.1: the Beast transport's pool, limits, cancellation, TLS and proxy.
#define BOOST_TEST_MODULE asio
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <exception>
#include <string>
#include <vector>

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <webhooksio/asio.hpp>

#include "support/asio_server.hpp"
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
    net::io_context io;
    auto options = options_for(server.base_url());
    error_code untrusted;
    {
        webhooksio::beast_transport transport(io.get_executor(), options);
        transport.async_send(get("/x"), [&](error_code ec, http_response) { untrusted = ec; });
        io.run();
    }
    BOOST_TEST((untrusted.category() == net::error::get_ssl_category()), untrusted.message());

    options.ca_bundle_pem = certificate.pem();
    std::string body;
    {
        io.restart();
        webhooksio::beast_transport transport(io.get_executor(), options);
        transport.async_send(get("/x"), [&](error_code ec, http_response r) {
            BOOST_TEST(!ec, ec.message());
            body = r.body;
        });
        io.run();
    }
    BOOST_TEST(body == "GET /x");

    // The certificate names 127.0.0.1 only: another name for the same host fails.
    options.base_url = "https://localhost:" + std::to_string(server.port());
    error_code wrong_name;
    {
        io.restart();
        webhooksio::beast_transport transport(io.get_executor(), options);
        transport.async_send(get("/x"), [&](error_code ec, http_response) { wrong_name = ec; });
        io.run();
    }
    BOOST_TEST((wrong_name.category() == net::error::get_ssl_category()), wrong_name.message());
}

BOOST_AUTO_TEST_CASE(https_through_a_proxy_credentials_on_connect_only) {
    test_support::tls_certificate certificate;
    asio_server api(echo, &certificate);
    asio_server proxy(echo);
    net::io_context io;
    auto options = options_for(api.base_url());
    options.ca_bundle_pem = certificate.pem();
    options.proxy = {.host = "127.0.0.1", .port = proxy.port(), .username = "user", .password = ""};
    std::string body;
    {
        webhooksio::beast_transport transport(io.get_executor(), options);
        transport.async_send(get("/through"), [&](error_code ec, http_response r) {
            BOOST_TEST(!ec, ec.message());
            body = r.body;
        });
        io.run();
    }
    BOOST_TEST(body == "GET /through");
    const auto connects = proxy.requests();
    BOOST_TEST_REQUIRE(connects.size() == 1u);
    BOOST_TEST(connects[0].method() == boost::beast::http::verb::connect);
    BOOST_TEST(connects[0].target() == "127.0.0.1:" + std::to_string(api.port()));
    BOOST_TEST(connects[0][boost::beast::http::field::proxy_authorization] == "Basic dXNlcjo=");  // "user:"
    BOOST_TEST(api.requests().at(0).count(boost::beast::http::field::proxy_authorization) == 0u);
}

BOOST_AUTO_TEST_CASE(plain_http_through_a_proxy_uses_the_absolute_form) {
    asio_server proxy(echo);
    net::io_context io;
    auto options = options_for("http://api.example:8080");
    options.proxy = {.host = "127.0.0.1", .port = proxy.port(), .username = "u", .password = "p"};
    std::string body;
    webhooksio::beast_transport transport(io.get_executor(), options);
    transport.async_send(get("/v1/x"), [&](error_code ec, http_response r) {
        BOOST_TEST(!ec, ec.message());
        body = r.body;
    });
    io.run();
    BOOST_TEST(body == "GET http://api.example:8080/v1/x");
    BOOST_TEST(proxy.requests().at(0)[boost::beast::http::field::proxy_authorization] == "Basic dTpw");
}

BOOST_AUTO_TEST_CASE(responses_are_bounded) {
    asio_server server([](const test_support::request& r) {
        if (r.target() == "/header") return answer{response(200, "{}", "X-Big: " + std::string(2000, 'h') + "\r\n")};
        return answer{response(200, std::string(2000, 'b'))};
    });
    net::io_context io;
    auto options = options_for(server.base_url());
    options.max_response_body = 1024;
    options.max_response_header_bytes = 1024;
    webhooksio::beast_transport transport(io.get_executor(), options);
    error_code body, header;
    transport.async_send(get("/body"), [&](error_code ec, http_response) { body = ec; });
    transport.async_send(get("/header"), [&](error_code ec, http_response) { header = ec; });
    io.run();
    BOOST_TEST((body == boost::beast::http::error::body_limit), body.message());
    BOOST_TEST((header == boost::beast::http::error::header_limit), header.message());
}
