// The client against a hostile network: faults injected over loopback,
// retries and their backoff, timeouts, limits, TLS, proxies, hooks, and many
// threads sharing one client. No test waits for real: the client's sleep is
// replaced by one that records what it was asked to wait.
#define BOOST_TEST_MODULE reliability
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <latch>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/error.hpp>
#include <webhooksio/testing/recording_transport.hpp>
#include <webhooksio/webhooksio.hpp>

#include "support/expect_throw.hpp"
#include "support/fault_server.hpp"
#include "support/loopback_server.hpp"
#include "support/tls_certificate.hpp"

namespace json = boost::json;
namespace wh = webhooksio;
using namespace std::chrono_literals;
using test_support::fault;
using test_support::fault_server;
using test_support::loopback_server;
using wh::account_id;
using wh::bucket_id;

namespace {

const std::string key = "SECRET-KEY-0123";

// What the hooks and the sleep of a client saw.
struct observer {
    struct attempt {
        int number = 0;
        int status = 0;
        boost::system::error_code code;
        wh::transport_failure failure = wh::transport_failure::none;
        std::string message;
        bool retried = false;
    };

    std::mutex mutex;
    std::vector<std::chrono::milliseconds> sleeps;
    std::vector<attempt> attempts;
    std::vector<std::string> seen_text;  // everything a hook was shown

    wh::client_options options(std::string base_url, int max_retries = 2) {
        wh::client_options o{.base_url = std::move(base_url)};
        o.max_retries = max_retries;
        o.sleep = [this](std::chrono::milliseconds wait) {
            std::lock_guard lock(mutex);
            sleeps.push_back(wait);
        };
        o.hooks.before_request = [this](const wh::attempt_info& info) {
            std::lock_guard lock(mutex);
            seen_text.push_back(std::string(info.endpoint) + ' ' + std::string(info.route));
        };
        o.hooks.after_response = [this](const wh::attempt_outcome& outcome) {
            std::lock_guard lock(mutex);
            attempts.push_back({outcome.call.attempt, outcome.status, outcome.code, outcome.failure, std::string(outcome.message),
                                outcome.retry_in.has_value()});
            seen_text.push_back(std::string(outcome.message));
        };
        return o;
    }

    std::size_t count() {
        std::lock_guard lock(mutex);
        return attempts.size();
    }
};

// Runs `call`, which must throw Error; returns the error it carried, after
// checking that the key is nowhere in it.
template <class Error, class F>
wh::error expect_throw(F&& call) {
    wh::error e = test_support::expect_throw<Error>(std::forward<F>(call));
    BOOST_TEST(e.what().find(key) == std::string::npos);
    BOOST_TEST(e.diagnostics().raw_body.find(key) == std::string::npos);
    return e;
}

void key_never_seen_by_hooks(observer& seen) {
    std::lock_guard lock(seen.mutex);
    for (const auto& text : seen.seen_text) BOOST_TEST(text.find(key) == std::string::npos);
}

// A reply that answers from `statuses` in turn, then 200.
loopback_server::handler statuses_then_ok(std::vector<int> statuses, std::string retry_after = "") {
    auto next = std::make_shared<std::atomic<std::size_t>>(0);
    return [=](const httplib::Request&, httplib::Response& response) {
        std::size_t i = (*next)++;
        if (i < statuses.size()) {
            response.status = statuses[i];
            if (!retry_after.empty()) response.set_header("Retry-After", retry_after);
            response.set_content(R"({"message":"busy"})", "application/json");
        } else {
            response.set_content(R"({"ok":true})", "application/json");
        }
    };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(faults)

BOOST_AUTO_TEST_CASE(a_refused_connection_is_retried_even_for_a_post) {
    test_support::refusing_port nobody;
    observer seen;
    wh::client api{key, seen.options(nobody.base_url())};
    auto e = expect_throw<wh::transport_error>([&] { api.create_bucket(account_id{"AC1"}, {.name = "B"}); });
    BOOST_TEST((e.diagnostics().failure == wh::transport_failure::connect));
    BOOST_TEST(seen.count() == 3u);  // nothing was ever sent, so a POST may go again
    // Backoff with jitter: half to all of 0.5 s, then of 1 s.
    BOOST_TEST_REQUIRE(seen.sleeps.size() == 2u);
    BOOST_TEST((seen.sleeps[0] >= 250ms && seen.sleeps[0] <= 500ms));
    BOOST_TEST((seen.sleeps[1] >= 500ms && seen.sleeps[1] <= 1000ms));
    key_never_seen_by_hooks(seen);
}

BOOST_AUTO_TEST_CASE(the_backoff_doubles_up_to_its_cap) {
    test_support::refusing_port nobody;
    observer seen;
    wh::client api{key, seen.options(nobody.base_url(), 5)};
    expect_throw<wh::transport_error>([&] { api.health_check(); });
    BOOST_TEST_REQUIRE(seen.sleeps.size() == 5u);
    auto ceiling = 500ms;
    for (auto wait : seen.sleeps) {
        BOOST_TEST((wait >= ceiling / 2 && wait <= ceiling));  // jitter: half to all
        ceiling = std::min(ceiling * 2, std::chrono::milliseconds(5s));
    }
}

BOOST_AUTO_TEST_CASE(a_reset_after_the_request_is_retried_for_a_get_only) {
    {
        fault_server server(fault::reset_after_request);
        observer seen;
        wh::client api{key, seen.options(server.base_url())};
        auto e = expect_throw<wh::transport_error>([&] { api.get_bucket(account_id{"AC1"}, bucket_id{"BU1"}); });
        BOOST_TEST((e.diagnostics().failure == wh::transport_failure::read || e.diagnostics().failure == wh::transport_failure::write));
        BOOST_TEST(server.requests() == 3);
    }
    {
        fault_server server(fault::reset_after_request);
        observer seen;
        wh::client api{key, seen.options(server.base_url())};
        expect_throw<wh::transport_error>([&] { api.create_bucket(account_id{"AC1"}, {.name = "B"}); });
        BOOST_TEST(server.requests() == 1);  // the server may have acted on it: never sent twice
        BOOST_TEST(seen.sleeps.empty());
    }
}

BOOST_AUTO_TEST_CASE(a_reset_in_the_middle_of_the_response_is_a_read_error) {
    fault_server server(fault::reset_mid_response);
    observer seen;
    wh::client api{key, seen.options(server.base_url())};
    auto e = expect_throw<wh::transport_error>([&] { api.get_account(account_id{"AC1"}); });
    BOOST_TEST((e.diagnostics().failure == wh::transport_failure::read));
    BOOST_TEST(server.requests() == 3);
    key_never_seen_by_hooks(seen);
}

BOOST_AUTO_TEST_CASE(a_response_slower_than_read_timeout_fails_in_time) {
    fault_server server(fault::hang);
    observer seen;
    auto options = seen.options(server.base_url(), 0);
    options.read_timeout = 300ms;
    wh::client api{key, options};
    const auto start = std::chrono::steady_clock::now();
    auto e = expect_throw<wh::transport_error>([&] { api.get_account(account_id{"AC1"}); });
    const auto elapsed = std::chrono::steady_clock::now() - start;
    BOOST_TEST((e.diagnostics().failure == wh::transport_failure::timeout));
    BOOST_TEST(e.what().find("read_timeout") != std::string::npos);
    // The server never answers: without the timeout the call would never end.
    // The margin is generous for sanitizer builds on a busy machine.
    BOOST_TEST((elapsed >= options.read_timeout));
    BOOST_TEST((elapsed < options.read_timeout + 5s));
    BOOST_TEST(server.requests() == 1);
}

BOOST_AUTO_TEST_CASE(a_get_answered_503_twice_then_200_succeeds_on_the_third_attempt) {
    loopback_server server(statuses_then_ok({503, 503}));
    observer seen;
    wh::client api{key, seen.options(server.base_url())};
    BOOST_TEST(api.get_account(account_id{"AC1"}).at("ok") == true);
    BOOST_TEST(server.requests().size() == 3u);
    BOOST_TEST_REQUIRE(seen.attempts.size() == 3u);
    BOOST_TEST(seen.attempts[0].status == 503);
    BOOST_TEST(seen.attempts[0].retried);
    BOOST_TEST(seen.attempts[2].number == 3);
    BOOST_TEST(seen.attempts[2].status == 200);
    BOOST_TEST(!seen.attempts[2].retried);
    BOOST_TEST(seen.sleeps.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_post_answered_503_is_not_sent_again) {
    loopback_server server(statuses_then_ok({503}));
    observer seen;
    wh::client api{key, seen.options(server.base_url())};
    auto e = expect_throw<wh::status_error>([&] { api.create_bucket(account_id{"AC1"}, {.name = "B"}); });
    BOOST_TEST(e.diagnostics().status == 503);
    BOOST_TEST(server.requests().size() == 1u);
    BOOST_TEST(seen.sleeps.empty());
}

BOOST_AUTO_TEST_CASE(a_429_waits_what_retry_after_says_up_to_the_limit) {
    {
        loopback_server server(statuses_then_ok({429}, "7"));
        observer seen;
        wh::client api{key, seen.options(server.base_url())};
        BOOST_TEST(api.get_plans().at("ok") == true);
        BOOST_TEST(server.requests().size() == 2u);
        BOOST_TEST_REQUIRE(seen.sleeps.size() == 1u);
        BOOST_TEST(seen.sleeps[0].count() == 7000);
    }
    {
        loopback_server server(statuses_then_ok({429}, "3600"));
        observer seen;
        wh::client api{key, seen.options(server.base_url())};
        api.get_plans();
        BOOST_TEST_REQUIRE(seen.sleeps.size() == 1u);
        BOOST_TEST((seen.sleeps[0] == wh::client_options{}.retry_after_limit));
    }
}

BOOST_AUTO_TEST_CASE(retry_after_is_seconds_or_an_http_date) {
    using wh::detail::parse_retry_after;
    const auto now = std::chrono::sys_days(std::chrono::year(2026) / 11 / 27) + 12h;
    BOOST_TEST(parse_retry_after("120", now).value().count() == 120'000);
    BOOST_TEST(parse_retry_after(" 0 ", now).value().count() == 0);
    BOOST_TEST(parse_retry_after("Fri, 27 Nov 2026 12:00:30 GMT", now).value().count() == 30'000);
    BOOST_TEST(parse_retry_after("Fri, 27 Nov 2026 11:00:00 GMT", now).value().count() == 0);  // past
    for (const char* bad : {"", "-5", "soon", "1.5", "Fri, 31 Feb 2026 12:00:30 GMT", "Fri, 27 Nov 2026 12:00:30 CET",
                            "Fri, 27 Xyz 2026 12:00:30 GMT", "Fri, 27 Nov 2026 25:00:30 GMT"})
        BOOST_TEST(!parse_retry_after(bad, now).has_value(), bad);
}

BOOST_AUTO_TEST_CASE(a_502_with_an_html_body_is_a_status_error_that_keeps_the_body) {
    loopback_server server([](const httplib::Request&, httplib::Response& response) {
        response.status = 502;
        response.set_content("<html><body>Bad Gateway</body></html>", "text/html");
    });
    observer seen;
    wh::client api{key, seen.options(server.base_url())};
    auto e = expect_throw<wh::status_error>([&] { api.get_plans(); });
    BOOST_TEST(e.diagnostics().status == 502);
    BOOST_TEST(e.diagnostics().raw_body == "<html><body>Bad Gateway</body></html>");
    BOOST_TEST(e.diagnostics().body.is_null());
    BOOST_TEST(server.requests().size() == 3u);  // retried twice, then given up
}

BOOST_AUTO_TEST_CASE(a_200_with_truncated_json_is_a_decode_error) {
    loopback_server server([](const httplib::Request&, httplib::Response& response) {
        response.set_content(R"({"id":"BU1","name":"Bu)", "application/json");
    });
    observer seen;
    wh::client api{key, seen.options(server.base_url())};
    auto e = expect_throw<wh::decode_error>([&] { api.get_bucket(account_id{"AC1"}, bucket_id{"BU1"}); });
    BOOST_TEST(e.diagnostics().status == 200);
    BOOST_TEST(e.diagnostics().raw_body == R"({"id":"BU1","name":"Bu)");
    BOOST_TEST(server.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_oversized_body_is_refused) {
    loopback_server server([](const httplib::Request& request, httplib::Response& response) {
        std::string big = '"' + std::string(4096, 'x') + '"';
        if (request.path.ends_with("/chunked")) {
            // Without a Content-Length, the limit stops the read as it grows.
            response.set_chunked_content_provider("application/json", [big](std::size_t, httplib::DataSink& sink) {
                for (int i = 0; i < 4; ++i) sink.write(big.data(), big.size());
                sink.done();
                return true;
            });
        } else {
            response.set_content(big, "application/json");
        }
    });
    observer seen;
    auto options = seen.options(server.base_url());
    options.max_response_body = 1024;
    wh::client api{key, options};
    for (const char* plan : {"sized", "chunked"}) {
        auto e = expect_throw<wh::transport_error>([&] { api.get_plan(wh::plan_id{plan}); });
        BOOST_TEST((e.diagnostics().failure == wh::transport_failure::too_large));
        BOOST_TEST(e.what().find("max_response_body (1024 bytes)") != std::string::npos);
    }
    BOOST_TEST(server.requests().size() == 2u);  // not worth retrying
    options.max_response_body = 4098;            // exactly the body: accepted
    wh::client roomy{key, options};
    BOOST_TEST(roomy.get_plan(wh::plan_id{"sized"}).as_string().size() == 4096u);
}

BOOST_AUTO_TEST_CASE(a_stale_keep_alive_connection_is_replaced_without_a_retry) {
    fault_server server(fault::close_when_idle);
    observer seen;
    wh::client api{key, seen.options(server.base_url())};
    BOOST_TEST(api.health_check().at("ok") == true);
    BOOST_TEST_REQUIRE(server.wait_closed(1));  // the server closed the idle connection
    BOOST_TEST(api.health_check().at("ok") == true);
    BOOST_TEST(server.connections() == 2);
    BOOST_TEST(server.requests() == 2);
    BOOST_TEST_REQUIRE(seen.attempts.size() == 2u);
    BOOST_TEST(seen.attempts[1].number == 1);  // not counted as a failure
    BOOST_TEST(seen.sleeps.empty());
}

BOOST_AUTO_TEST_CASE(max_retries_zero_tries_once) {
    loopback_server server(statuses_then_ok({503}));
    observer seen;
    wh::client api{key, seen.options(server.base_url(), 0)};
    expect_throw<wh::status_error>([&] { api.get_plans(); });
    BOOST_TEST(server.requests().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(hooks)

BOOST_AUTO_TEST_CASE(hooks_see_the_endpoint_and_never_the_key) {
    // A transport whose failure message quotes the request, key included.
    wh::testing::recording_transport wire;
    wire.fail(wh::error::transport(boost::asio::error::connection_refused, wh::transport_failure::connect,
                                   "refused: Bearer " + key));
    wire.respond({.status = 200, .body = "{}"});
    observer seen;
    auto options = seen.options("http://127.0.0.1:1");
    std::vector<wh::attempt_info> before;
    options.hooks.before_request = [&](const wh::attempt_info& info) { before.push_back(info); };
    wh::basic_client<wh::testing::recording_transport> api{key, options, wire};
    api.get_bucket(account_id{"AC1"}, bucket_id{"BU1"});

    BOOST_TEST_REQUIRE(before.size() == 2u);
    BOOST_TEST(before[0].endpoint == "get_bucket");
    BOOST_TEST((before[0].method == wh::http_method::get));
    BOOST_TEST(before[0].route == "/v1/accounts/:account_id/buckets/:bucket_id");
    BOOST_TEST(before[1].attempt == 2);
    BOOST_TEST_REQUIRE(seen.attempts.size() == 2u);
    BOOST_TEST(seen.attempts[0].message == "refused: Bearer [redacted]");
    BOOST_TEST(seen.attempts[0].code == boost::asio::error::connection_refused);
    BOOST_TEST(seen.attempts[1].status == 200);
    key_never_seen_by_hooks(seen);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(tls_and_proxy)

// An HTTPS server on 127.0.0.1 with `certificate`.
class tls_server {
public:
    explicit tls_server(const test_support::tls_certificate& certificate)
        : server_(certificate.certificate(), certificate.private_key()) {
        server_.Get(".*", loopback_server::json_ok);
        running_.emplace(server_);
    }
    std::string base_url() const { return "https://127.0.0.1:" + std::to_string(running_->port()); }

private:
    httplib::SSLServer server_;
    std::optional<wh::server_thread> running_;
};

BOOST_AUTO_TEST_CASE(a_self_signed_certificate_fails_verification_unless_its_ca_is_given) {
    test_support::tls_certificate certificate;
    tls_server server(certificate);
    observer seen;

    wh::client strict{key, seen.options(server.base_url())};
    auto e = expect_throw<wh::transport_error>([&] { strict.health_check(); });
    BOOST_TEST((e.diagnostics().failure == wh::transport_failure::tls));
    BOOST_TEST(seen.sleeps.empty());  // a certificate does not get better by trying again

    auto options = seen.options(server.base_url());
    options.ca_bundle_pem = certificate.pem();
    BOOST_TEST(wh::client(key, options).health_check().at("ok") == true);

    const std::string path = "reliability_test_ca.pem";
    std::ofstream(path) << certificate.pem();
    options.ca_bundle_pem.clear();
    options.ca_bundle_path = path;
    BOOST_TEST(wh::client(key, options).health_check().at("ok") == true);
    std::remove(path.c_str());

    auto unverified = seen.options(server.base_url());
    unverified.verify_tls = false;
    BOOST_TEST(wh::client(key, unverified).health_check().at("ok") == true);

    auto bad = seen.options(server.base_url());
    bad.ca_bundle_pem = "not a certificate";
    expect_throw<wh::usage_error>([&] { wh::client(key, bad); });
}

BOOST_AUTO_TEST_CASE(requests_go_through_the_proxy_with_its_credentials) {
    loopback_server proxy;
    wh::client_options options{.base_url = "http://api.webhooks.invalid"};
    options.proxy = {.host = "127.0.0.1", .port = proxy.port(), .username = "user", .password = "pass"};
    wh::client api{key, options};
    BOOST_TEST(api.health_check().at("ok") == true);
    auto request = proxy.last();
    BOOST_TEST(request.target == "http://api.webhooks.invalid:80/v1/health");
    BOOST_TEST(request.headers.find("Proxy-Authorization")->second == "Basic dXNlcjpwYXNz");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(concurrency)

BOOST_AUTO_TEST_CASE(eight_threads_share_a_client_and_nothing_is_lost_or_duplicated) {
    loopback_server server([](const httplib::Request& request, httplib::Response& response) {
        response.set_content(json::serialize(json::object{{"target", request.target}}), "application/json");
    });
    wh::client api{key, {.base_url = server.base_url()}};
    constexpr int threads = 8, calls = 500;
    std::atomic<int> mismatches = 0;
    std::latch start(threads);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            start.arrive_and_wait();
            for (int i = 0; i < calls; ++i) {
                std::string id = "AC" + std::to_string(t) + "-" + std::to_string(i);
                auto answer = api.get_account(account_id{id}, {}, wh::nothrow);
                if (!answer || answer->at("target").as_string() != "/v1/accounts/" + id) ++mismatches;
            }
        });
    }
    for (auto& w : workers) w.join();
    BOOST_TEST(mismatches.load() == 0);
    // The server counts: every call arrived exactly once.
    std::map<std::string, int> arrivals;
    for (const auto& request : server.requests()) ++arrivals[request.target];
    BOOST_TEST(arrivals.size() == std::size_t(threads * calls));
    int duplicated = 0;
    for (const auto& [target, n] : arrivals) duplicated += n != 1;
    BOOST_TEST(duplicated == 0);
}

BOOST_AUTO_TEST_SUITE_END()
