// The client beyond the table: typed options, encoding edge cases, errors,
// the recording transport, the blocking client's tokens (threads sharing a
// client: reliability_test).
#define BOOST_TEST_MODULE client
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <optional>
#include <sstream>
#include <unordered_set>
#include <thread>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/asio/error.hpp>
#include <webhooksio/testing/recording_transport.hpp>
#include <webhooksio/webhooksio.hpp>

#include "support/expect_throw.hpp"
#include "support/loopback_server.hpp"

namespace json = boost::json;
namespace wh = webhooksio;
using test_support::expect_throw;
using test_support::loopback_server;
using wh::account_id;
using wh::bucket_id;

namespace {

std::string header(const httplib::Headers& headers, const std::string& name) {
    auto it = headers.find(name);
    return it == headers.end() ? std::string("<absent>") : it->second;
}

// A client of `server`; options.base_url, if given, is a path prefix.
// Retries don't wait: their sleep is a no-op.
wh::client client_for(const loopback_server& server, wh::client_options options = {.base_url = ""}) {
    options.base_url = server.base_url() + options.base_url;
    options.sleep = [](std::chrono::milliseconds) {};
    return wh::client{"SECRET-KEY-0123", options};
}

void reply_with(loopback_server& server, int status, std::string body, std::string type = "application/json") {
    server.set_reply([=](const httplib::Request&, httplib::Response& response) {
        response.status = status;
        response.set_content(body, type.c_str());
    });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(typed_options)

BOOST_AUTO_TEST_CASE(a_named_call_sends_the_typed_options_as_a_json_body) {
    loopback_server server;
    auto api = client_for(server);
    api.create_destination(account_id{"AC1"}, wh::input_id{"IN1"},
                           {.name = "Slack",
                            .endpoint_url = "http://127.0.0.1:9/hook",
                            .retry_count = 3,
                            .verify_ssl = false,
                            .alert_on_failure = std::vector<std::string>{"a@x.io", "b@x.io"}});
    auto sent = server.last();
    BOOST_TEST(sent.method == "POST");
    BOOST_TEST(sent.target == "/v1/accounts/AC1/inputs/IN1/destinations");
    // Unset options are absent, not null; lists travel comma-joined.
    BOOST_TEST(json::parse(sent.body) == json::parse(R"({"name":"Slack","endpoint_url":"http://127.0.0.1:9/hook",
        "retry_count":3,"verify_ssl":false,"alert_on_failure":"a@x.io,b@x.io"})"));
    BOOST_TEST(header(sent.headers, "Content-Type") == "application/json");
}

BOOST_AUTO_TEST_CASE(a_get_sends_its_options_in_the_query_string) {
    loopback_server server;
    auto api = client_for(server);
    json::value answer = api.get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {.expand = true});
    BOOST_TEST(answer == json::parse(R"({"ok":true})"));
    BOOST_TEST(server.last().target == "/v1/accounts/AC1/buckets/BU1?expand=true");
    api.get_bucket(account_id{"AC1"}, bucket_id{"BU1"});
    BOOST_TEST(server.last().target == "/v1/accounts/AC1/buckets/BU1");
    BOOST_TEST(server.last().body.empty());
}

// A flag set to false is false wherever it is copied: std::optional<bool>'s
// direct initialization would otherwise test whether the flag is set and keep
// that (true). Nor is a flag a condition (`if (options.expand)`).
BOOST_AUTO_TEST_CASE(a_flag_copied_into_a_std_optional_keeps_its_value) {
    const wh::api::get_bucket::options options{.expand = false};
    const std::optional<bool> direct(options.expand), braced{options.expand}, copied = options.expand;
    for (const std::optional<bool>& copy : {direct, braced, copied}) {
        BOOST_TEST(copy.has_value());
        BOOST_TEST(copy.value_or(true) == false);
    }
    static_assert(!std::is_constructible_v<bool, decltype(options.expand)>);
    // An optional text is still one.
    static_assert(std::is_constructible_v<bool, decltype(std::declval<const wh::api::create_bucket::options&>().key)>);
}

BOOST_AUTO_TEST_CASE(a_post_without_options_sends_an_empty_object) {
    loopback_server server;
    auto api = client_for(server);
    api.publish_recipe(account_id{"AC1"}, wh::recipe_id{"RE1"});
    BOOST_TEST(server.last().body == "{}");
}

BOOST_AUTO_TEST_CASE(extra_fields_travel_beside_the_typed_ones) {
    loopback_server server;
    auto api = client_for(server);
    api.create_bucket(account_id{"AC1"}, {.name = "B", .extra = {{"color", "blue"}, {"name", "ignored"}}});
    BOOST_TEST(json::parse(server.last().body) == json::parse(R"({"name":"B","color":"blue"})"));
    api.get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {.expand = true, .extra = {{"expand", false}, {"x", 1}}});
    BOOST_TEST(server.last().target == "/v1/accounts/AC1/buckets/BU1?expand=true&x=1");
}

BOOST_AUTO_TEST_CASE(the_generic_call_takes_typed_or_free_form_options) {
    loopback_server server;
    auto api = client_for(server);
    api.call<wh::api::get_bucket>({account_id{"AC1"}, bucket_id{"BU1"}}, json::object{{"expand", true}});
    BOOST_TEST(server.last().target == "/v1/accounts/AC1/buckets/BU1?expand=true");
    api.call<wh::api::get_bucket>({account_id{"AC1"}, bucket_id{"BU1"}}, {.include_stats = false});
    BOOST_TEST(server.last().target == "/v1/accounts/AC1/buckets/BU1?include_stats=false");
    api.call<wh::api::health_check>({});
    BOOST_TEST(server.last().target == "/v1/health");
}

BOOST_AUTO_TEST_CASE(either_name_of_the_subscription_event_will_do) {
    loopback_server server;
    auto api = client_for(server);
    const wh::application_id app{"AP1"};
    api.get_consumer_subscription(account_id{"AC1"}, app, wh::consumer_id{"C1"},
                                  {.bucket_key = webhooksio::bucket_key{"default"}, .event_type = "invoice.create"});
    BOOST_TEST(server.requests().size() == 1u);
    auto missing = api.with(wh::nothrow).get_consumer_subscription(account_id{"AC1"}, app, wh::consumer_id{"C1"},
                                                 {.bucket_key = webhooksio::bucket_key{"default"}});
    BOOST_TEST(missing.error() == wh::errc::usage);
    BOOST_TEST(missing.error().what().find("event_name|event_type") != std::string::npos);
    BOOST_TEST(server.requests().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(encoding)

BOOST_AUTO_TEST_CASE(ids_never_change_the_route) {
    loopback_server server;
    auto api = client_for(server);
    api.get_bucket(account_id{"a/../b"}, bucket_id{"x?y#z%2Fw é"});
    BOOST_TEST(server.last().target == "/v1/accounts/a%2F..%2Fb/buckets/x%3Fy%23z%252Fw%20%C3%A9");
}

BOOST_AUTO_TEST_CASE(option_values_and_keys_are_percent_encoded) {
    loopback_server server;
    auto api = client_for(server);
    api.get_request_log(account_id{"AC1"}, {.start_date = "last week & more", .extra = {{"a b", "c=d"}}});
    BOOST_TEST(server.last().target == "/v1/accounts/AC1/log?start_date=last%20week%20%26%20more&a%20b=c%3Dd");
}

BOOST_AUTO_TEST_CASE(unusable_ids_are_refused_and_nothing_is_sent) {
    loopback_server server;
    auto api = client_for(server);
    for (std::string id : {std::string(), std::string("."), std::string(".."), std::string("a\0b", 3)}) {
        auto e = expect_throw<wh::usage_error>([&] { api.get_account(account_id{id}); });
        BOOST_TEST(e.what().find(":account_id") != std::string::npos);
    }
    BOOST_TEST(server.requests().empty());
}

BOOST_AUTO_TEST_CASE(a_free_form_call_missing_a_required_option_is_refused) {
    loopback_server server;
    auto api = client_for(server);
    auto e = expect_throw<wh::usage_error>(
        [&] { api.call<wh::api::create_user>({account_id{"AC1"}}, json::object{{"first_name", "Bob"}}); });
    BOOST_TEST(e.what().find("last_name, email_address, password") != std::string::npos);
    BOOST_TEST(server.requests().empty());
}

BOOST_AUTO_TEST_CASE(the_key_can_travel_in_the_query_and_the_agent_be_extended) {
    loopback_server server;
    auto api = client_for(server, {.base_url = "", .user_agent_suffix = "my-app/2", .token_in_query = true});
    api.get_account(account_id{"AC1"});
    auto sent = server.last();
    BOOST_TEST(sent.target == "/v1/accounts/AC1?_token=SECRET-KEY-0123");
    BOOST_TEST(header(sent.headers, "Authorization") == "<absent>");
    BOOST_TEST(header(sent.headers, "User-Agent") == std::string("webhooksio-cpp/") + wh::version + " my-app/2");
}

BOOST_AUTO_TEST_CASE(a_base_url_path_prefixes_every_route) {
    loopback_server server;
    auto api = client_for(server, {.base_url = "/proxy/"});
    api.health_check();
    BOOST_TEST(server.last().target == "/proxy/v1/health");
}

BOOST_AUTO_TEST_CASE(bad_construction_is_a_usage_error) {
    expect_throw<wh::usage_error>([] { wh::client api{"KEY", {.base_url = "ftp://example.com"}}; });
    expect_throw<wh::usage_error>([] { wh::client api{"KEY", {.base_url = "http://:80"}}; });
    auto e = expect_throw<wh::usage_error>([] { wh::client api{"KEY\r\nX-Evil: 1"}; });
    BOOST_TEST(e.what().find("KEY") == std::string::npos);
    expect_throw<wh::usage_error>([] { wh::client api{"KEY", {.user_agent_suffix = "a\nb"}}; });
}

// The options are checked in one place for both transports
// (detail/checked_options.hpp): the blocking client refuses a bad proxy as
// the asynchronous one does, in the same words, when it is made.
BOOST_AUTO_TEST_CASE(bad_proxy_options_are_a_usage_error_when_the_client_is_made) {
    const auto with_proxy = [](wh::proxy_options proxy) {
        wh::client_options options;
        options.proxy = std::move(proxy);
        return expect_throw<wh::usage_error>([&] { wh::client api{"KEY", options}; });
    };
    BOOST_TEST(with_proxy({.host = "proxy.corp", .port = 0}).what().find("proxy.port must be from 1 to 65535") !=
               std::string::npos);
    BOOST_TEST(with_proxy({.host = "proxy.corp", .port = 70000}).what().find("proxy.port") != std::string::npos);
    BOOST_TEST(with_proxy({.host = "proxy.corp", .port = 3128, .username = "u\r\nX: 1"}).what().find(
                   "the proxy options hold a CR, LF or NUL character") != std::string::npos);
    const auto pem = expect_throw<wh::usage_error>([] { wh::client api{"KEY", {.ca_bundle_pem = "not a certificate"}}; });
    BOOST_TEST(pem.what().find("ca_bundle_pem holds no PEM certificate") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(a_4xx_with_a_json_body_is_a_status_error_with_the_body) {
    loopback_server server;
    reply_with(server, 404, R"({"message":"Bucket not found"})");
    auto api = client_for(server);
    auto e = expect_throw<wh::status_error>([&] { api.get_bucket(account_id{"AC1"}, bucket_id{"BU9"}); });
    BOOST_TEST(e.diagnostics().status == 404);
    BOOST_TEST(e.diagnostics().body.at("message") == "Bucket not found");
    BOOST_TEST(e.what().find("Bucket not found") != std::string::npos);
    BOOST_TEST(e.what().find("get_bucket") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_5xx_without_json_keeps_the_raw_body) {
    loopback_server server;
    reply_with(server, 502, "<html>Bad Gateway</html>", "text/html");
    auto api = client_for(server);
    auto r = api.with(wh::nothrow).get_plans();
    BOOST_TEST(!r.has_value());
    BOOST_TEST(r.has_error());
    BOOST_TEST(r.error() == wh::errc::server_error);
    BOOST_TEST(r.error().diagnostics().status == 502);
    BOOST_TEST(r.error().diagnostics().body.is_null());
    BOOST_TEST(r.error().diagnostics().raw_body == "<html>Bad Gateway</html>");
    BOOST_TEST(r.error().diagnostics().header("content-type") == "text/html");
}

BOOST_AUTO_TEST_CASE(a_2xx_that_is_not_json_is_a_decode_error) {
    loopback_server server;
    reply_with(server, 200, "{\"truncated\": ", "application/json");
    auto api = client_for(server);
    auto e = expect_throw<wh::decode_error>([&] { api.health_check(); });
    BOOST_TEST(e == wh::errc::invalid_response);
    BOOST_TEST(e.diagnostics().status == 200);
    BOOST_TEST(e.diagnostics().raw_body == "{\"truncated\": ");
}

BOOST_AUTO_TEST_CASE(an_empty_2xx_body_is_null) {
    loopback_server server;
    reply_with(server, 204, "", "application/json");
    auto api = client_for(server);
    BOOST_TEST(api.delete_bucket(account_id{"AC1"}, bucket_id{"BU1"}).is_null());
}

BOOST_AUTO_TEST_CASE(a_refused_connection_is_a_transport_error) {
    int port = 0;
    {
        loopback_server gone;  // a port that was just free, now closed
        port = gone.port();
    }
    wh::client api{"SECRET-KEY-0123", {.base_url = "http://127.0.0.1:" + std::to_string(port)}};
    auto e = expect_throw<wh::transport_error>([&] { api.health_check(); });
    BOOST_TEST(e == boost::asio::error::connection_refused);  // the system's own code
    BOOST_TEST((e.diagnostics().failure == wh::transport_failure::connect));
    BOOST_TEST(e.diagnostics().host == "127.0.0.1");
    BOOST_TEST(e.diagnostics().port == port);
    // In words, with the server: not "transport error: Connection".
    BOOST_TEST(e.what().find("health_check") != std::string::npos);
    BOOST_TEST(e.what().find("127.0.0.1:" + std::to_string(port) + ": Connection refused") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_key_never_appears_in_an_error) {
    loopback_server server;
    // A hostile server that echoes the credentials back.
    server.set_reply([](const httplib::Request& request, httplib::Response& response) {
        response.status = 401;
        // The key plain, in the target, and JSON-escaped ("\u0053" is 'S').
        json::object body{{"message", "bad token " + request.get_header_value("Authorization") + " " + request.target}};
        std::string text = json::serialize(body);
        text.insert(text.size() - 1, R"(,"echo":"\u0053ECRET-KEY-0123")");
        response.set_content(text, "application/json");
    });
    for (bool in_query : {false, true}) {
        auto api = client_for(server, {.base_url = "", .token_in_query = in_query});
        auto e = expect_throw<wh::status_error>([&] { api.get_account(account_id{"AC1"}); });
        BOOST_TEST(e.diagnostics().status == 401);
        BOOST_TEST(e.what().find("SECRET-KEY-0123") == std::string::npos);
        BOOST_TEST(e.diagnostics().raw_body.find("SECRET-KEY-0123") == std::string::npos);
        BOOST_TEST(e.diagnostics().raw_body.find("ECRET-KEY-0123") == std::string::npos);  // nor JSON-escaped
        BOOST_TEST(json::serialize(e.diagnostics().body).find("SECRET-KEY-0123") == std::string::npos);
        BOOST_TEST(e.diagnostics().body.at("echo") == "[redacted]");
        BOOST_TEST(e.what().find("[redacted]") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(only_a_key_long_enough_to_be_a_secret_is_redacted) {
    loopback_server server;
    server.set_reply([](const httplib::Request& request, httplib::Response& response) {
        response.status = 403;
        response.set_content(R"({"message":"no: )" + request.get_header_value("Authorization") + R"(, see the KEYS page"})",
                             "application/json");
    });
    // "KEY" is no API key the service hands out: redacting it would turn
    // "KEYS" into "[redacted]S" and mangle every message.
    wh::client short_key{"KEY", {.base_url = server.base_url(), .max_retries = 0}};
    auto e = expect_throw<wh::status_error>([&] { short_key.get_account(account_id{"AC1"}); });
    BOOST_TEST(e.diagnostics().body.at("message") == "no: Bearer KEY, see the KEYS page");

    wh::client real_key{"0123456789abcdef", {.base_url = server.base_url(), .max_retries = 0}};
    e = expect_throw<wh::status_error>([&] { real_key.get_account(account_id{"AC1"}); });
    BOOST_TEST(e.diagnostics().body.at("message") == "no: Bearer [redacted], see the KEYS page");
    BOOST_TEST(e.diagnostics().raw_body == R"({"message":"no: Bearer [redacted], see the KEYS page"})");
    BOOST_TEST(e.what().ends_with("HTTP 403: no: Bearer [redacted], see the KEYS page"));
}

BOOST_AUTO_TEST_CASE(errors_are_error_codes_and_exceptions_are_system_errors) {
    loopback_server server;
    server.set_reply([](const httplib::Request&, httplib::Response& response) {
        response.status = 404;
        response.set_header("X-Request-Id", "R42");
        response.set_content(R"({"message":"Bucket not found"})", "application/json");
    });
    auto api = client_for(server);
    auto r = api.with(wh::nothrow).get_bucket(account_id{"AC1"}, bucket_id{"BU9"});
    const boost::system::error_code& ec = r.error();  // a webhooksio::error is an error_code
    BOOST_TEST(ec == wh::errc::not_found);
    BOOST_TEST(ec != wh::errc::forbidden);
    BOOST_TEST(ec.category().name() == std::string("webhooksio"));
    BOOST_TEST(r.error().diagnostics().header("x-request-id") == "R42");
    BOOST_TEST(r.error().diagnostics().endpoint == "get_bucket");
    BOOST_TEST(r.error().diagnostics().route == "/v1/accounts/:account_id/buckets/:bucket_id");
    try {
        api.get_bucket(account_id{"AC1"}, bucket_id{"BU9"});
        BOOST_FAIL("no exception");
    } catch (const boost::system::system_error& e) {
        BOOST_TEST(e.code() == wh::errc::not_found);
        BOOST_TEST(std::string(e.what()).ends_with("HTTP 404: Bucket not found"));
        BOOST_TEST(dynamic_cast<const wh::status_error*>(&e) != nullptr);
    }
    for (auto [status, code] : {std::pair{400, wh::errc::bad_request}, {401, wh::errc::unauthorized},
                                {403, wh::errc::forbidden}, {409, wh::errc::conflict}, {429, wh::errc::rate_limited},
                                {500, wh::errc::server_error}, {418, wh::errc::other_status}})
        BOOST_TEST((wh::errc_of_status(status) == code));
}

BOOST_AUTO_TEST_CASE(a_result_has_the_interface_of_boost_system_result) {
    loopback_server server;
    auto api = client_for(server);
    auto ok = api.with(wh::nothrow).get_plans();
    BOOST_TEST(ok.has_value());
    BOOST_TEST(!ok.has_error());
    BOOST_TEST(!ok.error());
    const auto& const_ok = ok;
    BOOST_TEST(const_ok.value() == json::parse(R"({"ok":true})"));
    BOOST_TEST(*const_ok == json::parse(R"({"ok":true})"));

    reply_with(server, 404, R"({"message":"gone"})");
    const auto failed = api.with(wh::nothrow).get_plans();
    BOOST_TEST(failed.has_error());
    BOOST_TEST(failed.value_or(json::value("fallback")) == json::value("fallback"));
    BOOST_CHECK_THROW(failed.value(), wh::status_error);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(recording)

BOOST_AUTO_TEST_CASE(the_recording_transport_records_and_answers_from_a_script) {
    wh::testing::recording_transport wire;
    wire.respond({.status = 201, .body = R"({"id":"BU1"})"});
    wire.respond({.status = 409, .body = R"({"message":"exists"})"});
    wire.fail(wh::error::transport(wh::errc::timed_out, wh::transport_failure::timeout, "timed out"));
    // Without retries, so that each scripted answer meets exactly one request.
    wh::basic_client<wh::testing::recording_transport> api{"KEY", {.max_retries = 0}, wire};

    BOOST_TEST(api.create_bucket(account_id{"AC1"}, {.name = "B"}).at("id") == "BU1");
    auto conflict = api.with(wh::nothrow).create_bucket(account_id{"AC1"}, {.name = "B"});
    BOOST_TEST(conflict.error() == wh::errc::conflict);
    BOOST_TEST(conflict.error().diagnostics().status == 409);
    auto timeout = api.with(wh::nothrow).health_check();
    BOOST_TEST(timeout.error() == wh::errc::timed_out);
    BOOST_TEST((timeout.error().diagnostics().failure == wh::transport_failure::timeout));
    // A request the test did not script is an error, never a made-up answer.
    auto unscripted = api.with(wh::nothrow).health_check();
    BOOST_TEST(unscripted.error() == wh::errc::usage);
    BOOST_TEST(unscripted.error().what().find("no answer scripted for GET /v1/health") != std::string::npos);

    BOOST_TEST_REQUIRE(wire.request_count() == 4u);
    BOOST_TEST(wire.requests()[0].target == "/v1/accounts/AC1/buckets");
    BOOST_TEST(wire.requests()[0].body == R"({"name":"B"})");
    // The record is not a temporary: iterating a member of it is safe.
    int authorizations = 0;
    for (const auto& [name, value] : wire.requests().at(0).headers)
        if (name == "Authorization" && value == "Bearer KEY") ++authorizations;
    BOOST_TEST(authorizations == 1);
}

BOOST_AUTO_TEST_SUITE_END()

// The table at run time (reflection.hpp): what the CLI and the emulator use.
BOOST_AUTO_TEST_SUITE(reflection)

namespace reflection = wh::reflection;

BOOST_AUTO_TEST_CASE(every_endpoint_is_there_in_table_order_and_found_by_name) {
    const auto all = reflection::endpoints();
    BOOST_TEST(all.size() == boost::mp11::mp_size<wh::api::endpoints>::value);
    std::size_t index = 0;
    wh::api::for_each_endpoint([&]<class E>(std::type_identity<E>) {
        const reflection::endpoint_info& info = reflection::info_of<E>();
        BOOST_TEST(all[index].name == E::name);
        BOOST_TEST(reflection::find_endpoint(E::name) == &all[index]);
        BOOST_TEST(info.route == E::route);
        BOOST_TEST(info.ids.size() == std::tuple_size_v<typename E::params>);
        BOOST_TEST(info.literal_runs.size() == info.ids.size() + 1);
        ++index;
    });
    BOOST_TEST(reflection::find_endpoint("get_bukket") == nullptr);
}

BOOST_AUTO_TEST_CASE(an_endpoint_shows_its_ids_options_and_requirements) {
    const reflection::endpoint_info& e = *reflection::find_endpoint("create_destination");
    BOOST_TEST(e.seed_name == "createDestination");
    BOOST_TEST((e.method == wh::http_method::post));
    BOOST_TEST(e.route == "/v1/accounts/:account_id/inputs/:input_id/destinations");
    BOOST_TEST(e.in_seed);
    BOOST_TEST(e.needs_api_key());
    BOOST_TEST((std::vector<std::string_view>(e.ids.begin(), e.ids.end()) ==
                std::vector<std::string_view>{"account_id", "input_id"}));
    const auto option = [&](std::string_view name) {
        for (const reflection::option_info& o : e.options)
            if (o.name == name) return o;
        BOOST_FAIL("no option " << name);
        return reflection::option_info{};
    };
    BOOST_TEST(option("name").required);
    BOOST_TEST((option("name").kind == reflection::option_kind::text));
    BOOST_TEST(!option("retry_count").required);
    BOOST_TEST((option("retry_count").kind == reflection::option_kind::number));
    BOOST_TEST((option("alert_on_failure").kind == reflection::option_kind::list));
    BOOST_TEST(!option("endpoint_url").description.empty());
    const auto& subscription = *reflection::find_endpoint("get_consumer_subscription");
    BOOST_TEST((std::ranges::find(subscription.required, "event_name|event_type") != subscription.required.end()));
    for (std::string_view open : {"health_check", "get_plans", "register_account", "login", "send_input_request"})
        BOOST_TEST(!reflection::find_endpoint(open)->needs_api_key(), open);
}

BOOST_AUTO_TEST_CASE(options_given_as_text_become_what_a_typed_call_sends) {
    const reflection::endpoint_info& e = *reflection::find_endpoint("create_destination");
    const auto option = [&](std::string_view name) -> const reflection::option_info& {
        return *std::ranges::find(e.options, name, &reflection::option_info::name);
    };
    json::object options;
    BOOST_TEST(reflection::put_option(options, option("name"), "Slack"));
    BOOST_TEST(reflection::put_option(options, option("retry_count"), "3"));
    BOOST_TEST(reflection::put_option(options, option("alert_on_failure"), "a@x.io,b@x.io"));
    BOOST_TEST(!reflection::put_option(options, option("retry_count"), "3x"));
    BOOST_TEST(!reflection::put_option(options, option("verify_ssl"), "yes"));
    BOOST_TEST(reflection::put_option(options, option("verify_ssl"), "false"));
    BOOST_TEST(options == (json::object{{"name", "Slack"}, {"retry_count", 3},
                                        {"alert_on_failure", "a@x.io,b@x.io"}, {"verify_ssl", false}}));
    BOOST_TEST((reflection::missing_options(e, options) == std::vector<std::string_view>{"endpoint_url"}));
}

BOOST_AUTO_TEST_CASE(a_call_by_name_is_sent_and_checked_like_call_of_e) {
    wh::testing::recording_transport wire;
    wire.respond({.status = 200, .body = R"({"id":"BU1"})"});
    wh::basic_client<wh::testing::recording_transport> api{"KEY", {.max_retries = 0}, wire};
    const reflection::endpoint_info& get_bucket = reflection::info_of<wh::api::get_bucket>();
    BOOST_TEST(api.call(get_bucket, std::vector<std::string>{"AC 1", "BU1"}, {{"expand", true}}).at("id") == "BU1");
    BOOST_TEST_REQUIRE(wire.requests().size() == 1u);
    BOOST_TEST(wire.requests()[0].target == "/v1/accounts/AC%201/buckets/BU1?expand=true");

    // Bad input is refused, and nothing is sent.
    const auto one_id = expect_throw<wh::usage_error>(
        [&] { api.call(get_bucket, std::vector<std::string>{"AC1"}, {}); });
    BOOST_TEST(one_id.what().find("takes 2 ID(s), not 1") != std::string::npos, one_id.what());
    const auto missing = expect_throw<wh::usage_error>([&] {
        api.call(reflection::info_of<wh::api::create_bucket>(), std::vector<std::string>{"AC1"}, {});
    });
    BOOST_TEST(missing.what().find("missing required option(s): name") != std::string::npos);
    BOOST_TEST(wire.requests().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(responses)

BOOST_AUTO_TEST_CASE(with_response_keeps_the_status_and_headers_of_a_success) {
    loopback_server server;
    server.set_reply([](const httplib::Request&, httplib::Response& response) {
        response.status = 201;
        response.set_header("X-Request-Id", "R7");
        response.set_content(R"({"id":"BU1"})", "application/json");
    });
    auto api = client_for(server);
    wh::response r = api.with(wh::with_response).create_bucket(account_id{"AC1"}, {.name = "B"});
    BOOST_TEST(r.status == 201);
    BOOST_TEST(r.header("x-request-id") == "R7");
    BOOST_TEST(r.header("X-REQUEST-ID") == "R7");
    BOOST_TEST(r.header("absent") == "");
    BOOST_TEST(r.body.at("id") == "BU1");

    wh::result<wh::response> quiet = api.call<wh::api::get_bucket>({account_id{"AC1"}, bucket_id{"BU1"}}, {},
                                                                  wh::nothrow | wh::with_response);
    BOOST_TEST(quiet->status == 201);

    reply_with(server, 404, R"({"message":"no"})");
    BOOST_CHECK_THROW(api.with(wh::with_response).create_bucket(account_id{"AC1"}, {.name = "B"}), wh::status_error);
    BOOST_TEST(api.with(wh::nothrow | wh::with_response).get_buckets(account_id{"AC1"}).error() == wh::errc::not_found);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(blocking)

// The blocking client has no asynchronous form of its own: callbacks and
// futures are the asio_client's.
template <class Client, class Token>
concept takes_token = requires(Client& api, Token token) { api.with(token).get_plans(); };

BOOST_AUTO_TEST_CASE(a_call_runs_on_the_callers_thread) {
    static_assert(takes_token<wh::client, wh::nothrow_t>);
    static_assert(!takes_token<wh::client, void (*)(boost::system::error_code, json::value)>);
    loopback_server server;
    std::vector<std::thread::id> attempts;
    wh::client_options options{.base_url = server.base_url()};
    options.hooks.before_request = [&](const wh::attempt_info&) { attempts.push_back(std::this_thread::get_id()); };
    wh::client api{"KEY", options};
    BOOST_TEST(api.health_check() == json::parse(R"({"ok":true})"));
    BOOST_TEST((attempts == std::vector{std::this_thread::get_id()}));
}

BOOST_AUTO_TEST_CASE(an_exception_thrown_by_a_hook_reaches_the_caller_with_every_token) {
    loopback_server server;
    wh::client_options options{.base_url = server.base_url()};
    options.hooks.after_response = [](const wh::attempt_outcome&) { throw std::runtime_error("from the hook"); };
    wh::client api{"KEY", options};
    const auto thrown = [](auto call) {
        try {
            call();
        } catch (const std::runtime_error& e) {
            return std::string(e.what());
        }
        return std::string("nothing thrown");
    };
    BOOST_TEST(thrown([&] { api.health_check(); }) == "from the hook");
    BOOST_TEST(thrown([&] { (void)api.with(wh::nothrow).health_check(); }) == "from the hook");
    BOOST_TEST(thrown([&] { api.with(wh::with_response).health_check(); }) == "from the hook");
    BOOST_TEST(thrown([&] { (void)api.with(wh::nothrow | wh::with_response).health_check(); }) == "from the hook");
    BOOST_TEST(server.requests().size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_client_moves_but_does_not_copy) {
    static_assert(!std::is_copy_constructible_v<wh::client>);
    static_assert(!std::is_copy_assignable_v<wh::client>);
    static_assert(std::is_nothrow_move_constructible_v<wh::client>);
    static_assert(!std::is_convertible_v<std::string, wh::client>, "the constructor is explicit");
    loopback_server server;
    wh::client first{"KEY", {.base_url = server.base_url()}};
    BOOST_TEST(first.health_check() == json::parse(R"({"ok":true})"));
    wh::client moved = std::move(first);
    BOOST_TEST(moved.get_plans() == json::parse(R"({"ok":true})"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(gateway)

BOOST_AUTO_TEST_CASE(a_payload_is_the_whole_body_whatever_json_it_is) {
    loopback_server server;
    auto api = client_for(server);
    const wh::input_name orders{"orders"};
    const wh::input_id in1{"IN1"};
    for (const json::value& payload : {json::value(json::array{1, "two"}), json::value("text"), json::value(42),
                                       json::value(json::object{{"type", "order.created"}})}) {
        api.send_input_request(orders, in1, {.payload = payload});
        BOOST_TEST(server.last().body == json::serialize(payload));
        BOOST_TEST(header(server.last().headers, "Content-Type") == "application/json");
    }
    BOOST_TEST(server.last().target == "/v1/orders/IN1");
}

BOOST_AUTO_TEST_CASE(a_raw_body_goes_as_it_is_with_its_content_type_and_headers) {
    loopback_server server;
    auto api = client_for(server);
    api.send_input_request(wh::input_name{"orders"}, wh::input_id{"IN1"},
                           {.raw_body = "a=1&b=%20",
                            .content_type = "application/x-www-form-urlencoded",
                            .headers = {{"X-Event", "order.paid"}, {"X-Trace", "t1"}}});
    const auto sent = server.last();
    BOOST_TEST(sent.body == "a=1&b=%20");
    BOOST_TEST(header(sent.headers, "Content-Type") == "application/x-www-form-urlencoded");
    BOOST_TEST(header(sent.headers, "X-Event") == "order.paid");
    BOOST_TEST(header(sent.headers, "X-Trace") == "t1");

    api.send_dynamic_input_request(wh::input_id{"IN1"}, wh::target_url{"https://example.com/hook"},
                                   {.raw_body = "<order/>", .content_type = "application/xml"});
    BOOST_TEST(server.last().body == "<order/>");
    BOOST_TEST(header(server.last().headers, "Content-Type") == "application/xml");
    api.send_input_request(wh::input_name{"orders"}, wh::input_id{"IN1"}, {.raw_body = "plain"});
    BOOST_TEST(header(server.last().headers, "Content-Type") == "text/plain");
}

BOOST_AUTO_TEST_CASE(a_webhook_that_could_change_the_request_is_refused_and_nothing_is_sent) {
    loopback_server server;
    auto api = client_for(server);
    const wh::input_name orders{"orders"};
    const wh::input_id in1{"IN1"};
    using options = wh::api::send_input_request::options;
    const std::vector<std::pair<options, std::string>> bad{
        {{.headers = {{"X-Event", "a\r\nX-Injected: 1"}}}, "control character"},
        {{.headers = {{"X-Event\r\nX-Injected", "1"}}}, "not an HTTP token"},
        {{.headers = {{"Content-Length", "0"}}}, "the library's to set"},
        {{.headers = {{"authorization", "Bearer other"}}}, "the library's to set"},
        {{.payload = json::value(1), .raw_body = "x"}, "one body"},
        {{.content_type = "text/xml"}, "set raw_body too"},
        {{.raw_body = "x", .content_type = "text/plain\r\nX-Injected: 1"}, "control character"},
        {{.payload = json::value(1), .extra = {{"also", 1}}}, "send its fields in payload"},
    };
    for (const auto& [opts, why] : bad) {
        // An init-capture: clang before 16 cannot capture a structured binding.
        auto e = expect_throw<wh::usage_error>([&, &opts = opts] { api.send_input_request(orders, in1, opts); });
        BOOST_TEST(e.what().find(why) != std::string::npos, e.what());
    }
    BOOST_TEST(server.requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ids)

BOOST_AUTO_TEST_CASE(ids_are_made_from_text_only_explicitly_and_behave_as_values) {
    static_assert(!std::is_constructible_v<wh::account_id, std::nullptr_t>);
    static_assert(!std::is_constructible_v<wh::account_id, wh::bucket_id>, "another ID's text only explicitly");
    static_assert(!std::is_convertible_v<std::string, wh::account_id>);
    static_assert(std::is_constructible_v<wh::account_id, json::string>);
    static_assert(std::is_copy_constructible_v<wh::account_id>);

    const json::value answer = json::parse(R"({"id":"BU2"})");
    const wh::bucket_id from_json{answer.at("id").as_string()};
    const wh::bucket_id from_other{wh::account_id{"BU1"}.str()};
    BOOST_TEST(from_json.str() == "BU2");
    BOOST_TEST((from_other < from_json));
    std::ostringstream printed;
    printed << from_json;
    BOOST_TEST(printed.str() == "BU2");
    std::unordered_set<wh::bucket_id> seen{from_json, from_other, wh::bucket_id{"BU2"}};
    BOOST_TEST(seen.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(http_syntax)

using namespace std::string_view_literals;

BOOST_AUTO_TEST_CASE(a_token_is_letters_digits_and_rfc_9110_symbols_only) {
    BOOST_TEST(wh::is_http_token("X-Event"));
    BOOST_TEST(wh::is_http_token("!#$%&'*+-.^_`|~0aZ"));
    for (std::string_view bad : {""sv, "X Event"sv, "X-Event:"sv, "X\r\nY"sv, "a\0b"sv, "(x)"sv, "\"x\""sv,
                                 "caf\xc3\xa9"sv, "x\t"sv, "x/y"sv, "x@y"sv, "\x7f"sv})
        BOOST_TEST(!wh::is_http_token(bad), bad);
}

BOOST_AUTO_TEST_CASE(a_field_value_holds_no_control_character_but_tab) {
    for (std::string_view good : {""sv, "text/plain; charset=utf-8"sv, "a\tb"sv, "caf\xc3\xa9"sv, " spaced "sv})
        BOOST_TEST(wh::is_http_field_value(good), good);
    for (std::string_view bad : {"a\rb"sv, "a\nb"sv, "a\0b"sv, "\x01"sv, "\x1f"sv, "del\x7f"sv})
        BOOST_TEST(!wh::is_http_field_value(bad), bad);
}

BOOST_AUTO_TEST_SUITE_END()
