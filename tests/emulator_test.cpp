// The emulator through the real client over loopback: every call with
// its status and the state change a following read sees, real webhook
// delivery with retries and filters, auth and validation errors, concurrent
// clients, and a restart with --data.
#define BOOST_TEST_MODULE emulator
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <future>
#include <latch>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <webhooksio/emulator.hpp>
#include <webhooksio/webhooksio.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include "support/loopback_server.hpp"
#include "support/wire_cases.hpp"

namespace json = boost::json;
namespace wh = webhooksio;
using namespace std::chrono_literals;
using test_support::loopback_server;
using wh::emulator;

namespace {

// The default transport, noting the status of the last answer.
struct status_noting_transport {
    explicit status_noting_transport(wh::client_options options) : inner(std::move(options)) {}
    wh::result<wh::http_response> send(const wh::http_request& request) {
        auto answer = inner.send(request);
        if (answer) *last_status = answer->status;
        return answer;
    }
    wh::httplib_transport inner;
    std::shared_ptr<std::atomic<int>> last_status = std::make_shared<std::atomic<int>>(0);
};
using noting_client = wh::basic_client<status_noting_transport>;

// Retries are counted in milliseconds, so that no test waits long.
wh::emulator_options fast() { return {.retry_interval_unit = 1ms}; }

std::string str(const json::value& v, std::string_view key) { return std::string(v.at(key).as_string()); }

wh::api::register_account::options registration(std::string email) {
    return {.first_name = "Ada", .last_name = "Lovelace", .email_address = std::move(email), .password = "pw-1",
            .plan_id = webhooksio::plan_id{"free"}, .invite_code = "invite", .password_confirm = "pw-1"};
}

// A registered account and a client holding its API key.
struct account {
    account(const emulator& server, std::string email) {
        wh::client anonymous{"none", {.base_url = server.base_url()}};
        session = anonymous.register_account(registration(std::move(email)));
        api = std::make_shared<wh::client>(str(session, "api_token"), wh::client_options{.base_url = server.base_url()});
    }
    wh::account_id id() const { return wh::account_id{str(session, "account_id")}; }
    json::value session;
    std::shared_ptr<wh::client> api;  // shared: a pipeline may be built on an account
};

// The "field" a 400 names, "" for any other answer.
template <class Result>
std::string field_of(const Result& answer) {
    if (answer || answer.error().diagnostics().status != 400) return "";
    const json::value& body = answer.error().diagnostics().body;
    const json::value* field = body.is_object() ? body.as_object().if_contains("field") : nullptr;
    return field && field->is_string() ? std::string(field->as_string()) : "";
}

// The HTTP status a failed call carried.
template <class F>
int status_of(F&& call) {
    auto answer = call();
    BOOST_REQUIRE(!answer);
    return answer.error().diagnostics().status;
}

}  // namespace

// ---------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(every_seed_call)

// Calls each endpoint through the client, checks the status it answered
// with and, through a following read, the change it made; at the end every
// seed endpoint of the table must have been called.
struct seed_walk {
    emulator server{fast()};
    loopback_server receiver;
    std::unique_ptr<noting_client> client = connect("none");

    std::unique_ptr<noting_client> connect(std::string key) {
        return std::make_unique<noting_client>(std::move(key), wh::client_options{.base_url = server.base_url()});
    }
    std::set<std::string_view> called;

    template <class E>
    json::value expect(int status, const typename E::params& ids, const typename E::options& options = {}) {
        json::value answer = client->call<E>(ids, options);
        BOOST_TEST(client->transport().last_status->load() == status, E::name << " answered " << client->transport().last_status->load());
        called.insert(E::name);
        return answer;
    }
    template <class E>
    int expect_error(const typename E::params& ids, const typename E::options& options = {}) {
        called.insert(E::name);
        return status_of([&] { return client->call<E>(ids, options, wh::nothrow); });
    }
    template <class E>
    int error_of(const typename E::params& ids, const typename E::options& options = {}) {
        return status_of([&] { return client->call<E>(ids, options, wh::nothrow); });
    }
};

BOOST_FIXTURE_TEST_CASE(all_77_seed_calls_answer_and_change_the_state, seed_walk) {
    using namespace wh::api;
    using wh::account_id, wh::bucket_id, wh::input_id, wh::destination_id, wh::application_id,
        wh::application_version_id, wh::consumer_id, wh::recipe_id, wh::user_id, wh::bucket_key;

    // Utilities: fixed data; /v1/plans/:plan_id wins over the gateway's /v1/:input_name/:input_id.
    BOOST_TEST(str(expect<health_check>(200, {}), "status") == "ok");
    BOOST_TEST(expect<get_plans>(200, {}).as_array().size() == 3u);
    BOOST_TEST(str(expect<get_plan>(200, {wh::plan_id{"free"}}), "id") == "free");
    BOOST_TEST(error_of<get_plan>({wh::plan_id{"gold"}}) == 404);
    BOOST_TEST(!expect<get_timezones>(200, {}).as_array().empty());
    const json::value policies = expect<get_retry_policies>(200, {});
    const std::string policy = str(policies.at(0), "id");
    BOOST_TEST(str(expect<get_retry_policy>(200, {wh::policy_id{policy}}), "id") == policy);

    // Accounts and sign-in: the token is the account's API key.
    const json::value session = expect<register_account>(201, {}, registration("ada@example.com"));
    const account_id acc{str(session, "account_id")};
    const user_id owner{str(session, "user_id")};
    const std::string token = str(session, "api_token");
    BOOST_TEST(str(expect<login>(200, {}, {.email_address = "ada@example.com", .password = "pw-1"}), "api_token") == token);
    client = connect(token);

    BOOST_TEST(str(expect<get_account>(200, {acc}), "id") == acc.str());
    expect<update_account>(200, {acc}, {.name = "Analytical Engines"});
    BOOST_TEST(str(expect<get_account>(200, {acc}), "name") == "Analytical Engines");
    const account_id sub{str(expect<create_sub_account>(201, {acc}, {.name = "Branch"}), "id")};
    BOOST_TEST(expect<get_sub_accounts>(200, {acc}).as_array().size() == 1u);
    expect<delete_account>(200, {sub});
    BOOST_TEST(expect<get_sub_accounts>(200, {acc}).as_array().empty());

    // Users.
    const user_id babbage{str(expect<create_user>(201, {acc}, {.first_name = "Charles", .last_name = "Babbage",
                                                               .email_address = "cb@example.com", .password = "pw-2",
                                                               .timezone = "UTC", .permission_level = "admin",
                                                               .notify = false}),
                              "id")};
    BOOST_TEST(expect<get_users>(200, {acc}).as_array().size() == 2u);
    expect<update_user>(200, {acc, babbage}, {.first_name = "Chas", .last_name = "Babbage",
                                              .email_address = "cb@example.com", .timezone = "Europe/London"});
    BOOST_TEST(str(expect<get_user>(200, {acc, babbage}), "first_name") == "Chas");
    expect<change_password>(200, {acc, babbage}, {.new_password = "pw-3", .new_confirm_password = "pw-3"});
    BOOST_TEST(str(client->login({.email_address = "cb@example.com", .password = "pw-3"}), "user_id") == babbage.str());
    BOOST_TEST(str(expect<get_api_token>(200, {acc, owner}), "api_token") == token);
    const std::string change_key = str(expect<reset_password>(200, {}, {.email_address = "cb@example.com"}), "password_change_key");
    BOOST_TEST(str(expect<lookup_password_change_key>(200, {wh::password_change_key{change_key}}), "user_id") == babbage.str());
    const std::string verify_key = str(expect<resend_verification_email>(200, {acc, babbage}), "email_verification_key");
    BOOST_TEST(expect<verify_email_address>(200, {wh::email_verification_key{verify_key}}).at("verified").as_bool());
    BOOST_TEST(client->get_user(acc, babbage).at("verified").as_bool());
    expect<delete_user>(200, {acc, babbage});
    BOOST_TEST(error_of<get_user>({acc, babbage}) == 404);

    // Buckets, inputs, destinations.
    const bucket_id bucket{str(expect<create_bucket>(201, {acc}, {.name = "Orders", .key = "orders"}), "id")};
    BOOST_TEST(bucket.str().size() == 34u);
    BOOST_TEST(bucket.str().starts_with("BU"));
    expect<update_bucket>(200, {acc, bucket}, {.name = "All orders"});
    BOOST_TEST(str(expect<get_bucket>(200, {acc, bucket}), "name") == "All orders");
    BOOST_TEST(expect<get_buckets>(200, {acc}).as_array().size() == 1u);
    const input_id input{str(expect<create_input>(201, {acc}, {.bucket_id = webhooksio::bucket_id{bucket.str()}, .name = "shop"}), "id")};
    expect<update_input>(200, {acc, input}, {.name = "shop", .response_code = 202});
    BOOST_TEST(expect<get_input>(200, {acc, input}).at("response_code").as_int64() == 202);
    BOOST_TEST(expect<get_inputs>(200, {acc, bucket}).as_array().size() == 1u);
    const destination_id destination{str(expect<create_destination>(201, {acc, input},
                                                                     {.name = "first", .endpoint_url = "http://127.0.0.1:1/"}),
                                         "id")};
    expect<update_destination>(200, {acc, destination}, {.name = "receiver", .endpoint_url = receiver.base_url() + "/hook"});
    BOOST_TEST(str(expect<get_destination>(200, {acc, destination}), "endpoint_url") == receiver.base_url() + "/hook");
    BOOST_TEST(expect<get_destinations>(200, {acc, input}).as_array().size() == 1u);
    BOOST_TEST(client->get_bucket(acc, bucket, {.expand = true}).at("inputs").at(0).at("destinations").as_array().size() == 1u);

    // A webhook through the gateway makes the messages the next calls read.
    const json::value accepted = client->send_input_request(wh::input_name{"shop"}, input, {.extra = {{"order", 7}}});
    BOOST_TEST(client->transport().last_status->load() == 202);
    BOOST_REQUIRE(server.wait_for_deliveries());
    const wh::incoming_message_id incoming{str(accepted, "incoming_message_id")};
    const wh::outgoing_message_id outgoing{std::string(accepted.at("outgoing_message_ids").at(0).as_string())};
    BOOST_TEST(str(expect<get_incoming_message>(200, {acc, incoming}), "body") == R"({"order":7})");
    BOOST_TEST(expect<get_outgoing_message>(200, {acc, outgoing}).at("attempts").as_array().size() == 1u);
    BOOST_TEST(str(expect<get_outgoing_message_status>(200, {acc, outgoing}), "status") == "success");
    BOOST_TEST(receiver.last().body == R"({"order":7})");

    // Reports and the request log count what happened.
    const json::value overview = expect<get_overview_report>(200, {acc}, {.start_date = "2000-01-01", .end_date = "2999-12-31",
                                                                           .precision = "day"});
    BOOST_TEST(overview.at("totals").at("incoming").as_int64() == 1);
    BOOST_TEST(expect<get_summary_report>(200, {acc}).at("totals").at("success").as_int64() == 1);
    BOOST_TEST(expect<get_request_log>(200, {acc}).as_array().size() == 2u);  // in, and out

    // Recipes.
    const recipe_id recipe{str(expect<create_recipe>(201, {acc}, {.name = "upper", .type = "outgoing",
                                                                  .recipe_draft = "return msg;"}),
                               "id")};
    expect<update_recipe>(200, {acc, recipe}, {.name = "upper", .type = "outgoing", .recipe_draft = "return msg.x;"});
    expect<publish_recipe>(200, {acc, recipe});
    BOOST_TEST(str(expect<get_recipe>(200, {acc, recipe}), "recipe") == "return msg.x;");
    BOOST_TEST(expect<get_recipes>(200, {acc}).as_array().size() == 1u);
    // Not a recipe (no wh(), no exit()): the test works and says why the recipe failed.
    const json::value tested = expect<test_recipe>(200, {acc}, {.type = "outgoing", .recipe = "return msg;"});
    BOOST_TEST(str(tested, "outcome") == "failed");
    BOOST_TEST(!str(tested, "error").empty());
    expect<delete_recipe>(200, {acc, recipe});
    BOOST_TEST(error_of<get_recipe>({acc, recipe}) == 404);

    // Applications, versions, consumers and their destinations.
    const get_application::params none{acc, application_id{"AP0"}};
    BOOST_TEST(error_of<get_application>(none) == 404);
    const create_application::options app_options{.name = "Shop", .categories = std::vector<std::string>{"commerce"},
                                                  .overview = "o", .description = "d", .homepage_url = "https://a",
                                                  .api_url = "https://a/api", .logo_url = "https://a/l.png", .active = true};
    const application_id app{str(expect<create_application>(201, {acc}, app_options), "id")};
    update_application::options renamed{.name = "Shop 2", .categories = std::vector<std::string>{"commerce"},
                                        .overview = "o", .description = "d", .homepage_url = "https://a",
                                        .api_url = "https://a/api", .logo_url = "https://a/l.png", .active = true};
    expect<update_application>(200, {acc, app}, renamed);
    BOOST_TEST(str(expect<get_application>(200, {acc, app}), "name") == "Shop 2");
    BOOST_TEST(expect<get_applications>(200, {acc}).as_array().size() == 1u);
    const application_version_id v1{str(expect<create_application_version>(
                                            201, {acc, app}, {.key = "v1", .release_date = "2026-01-01",
                                                              .version_json = json::object{}, .examples_json = json::array{},
                                                              .active = true}),
                                        "id")};
    expect<update_application_version>(200, {acc, app, v1}, {.key = "v1.1", .release_date = "2026-01-02",
                                                              .version_json = json::object{}, .examples_json = json::array{},
                                                              .active = true});
    BOOST_TEST(str(expect<get_application_version>(200, {acc, app, v1}), "key") == "v1.1");
    BOOST_TEST(expect<get_application_versions>(200, {acc, app}).as_array().size() == 1u);

    const consumer_id customer{"customer-42"};
    expect<create_consumer>(201, {acc, app}, {.consumer_id = webhooksio::consumer_id{customer.str()}, .bucket_key = webhooksio::bucket_key{"main"}, .name = "Customer"});
    expect<update_consumer>(200, {acc, app, customer}, {.name = "Customer 42"});
    BOOST_TEST(str(expect<get_consumer>(200, {acc, app, customer}), "name") == "Customer 42");
    BOOST_TEST(expect<get_consumers>(200, {acc, app}).as_array().size() == 1u);
    BOOST_TEST(expect<get_consumer_buckets>(200, {acc, app, customer}).as_array().size() == 1u);
    const destination_id hook{str(expect<create_consumer_destination>(
                                      201, {acc, app, customer},
                                      {.application_version_id = webhooksio::application_version_id{v1.str()}, .name = "theirs", .bucket_key = webhooksio::bucket_key{"main"},
                                       .endpoint_url = "http://127.0.0.1:1/", .event_filters = std::vector<std::string>{"paid"}}),
                                  "id")};
    expect<update_consumer_destination>(200, {acc, app, customer, hook},
                                        {.application_version_id = webhooksio::application_version_id{v1.str()}, .name = "theirs",
                                         .endpoint_url = receiver.base_url() + "/consumer"});
    BOOST_TEST(str(expect<get_consumer_destinations>(200, {acc, app, customer}, {.bucket_key = webhooksio::bucket_key{"main"}}).at(0), "endpoint_url") ==
               receiver.base_url() + "/consumer");
    BOOST_TEST(expect<get_consumer_subscription>(200, {acc, app, customer}, {.bucket_key = webhooksio::bucket_key{"main"}, .event_name = "paid"})
                   .at("subscribed").as_bool());
    BOOST_TEST(!client->get_consumer_subscription(acc, app, customer, {.bucket_key = webhooksio::bucket_key{"main"}, .event_name = "refunded"})
                    .at("subscribed").as_bool());
    expect<send_consumer_webhook_request>(200, {acc, app, customer, bucket_key{"main"}},
                                          {.extra = {{"event_type", "paid"}, {"amount", 5}}});
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_TEST(receiver.last().target == "/consumer");
    BOOST_TEST(expect<get_consumer_request_log>(200, {acc, app, customer}).as_array().size() == 2u);
    BOOST_TEST(!str(expect<create_client_token>(201, {acc, app, customer}), "token").empty());
    BOOST_TEST(!str(expect<get_embedded_view_html>(200, {acc, app, customer}), "html").empty());
    expect<delete_consumer_destination>(200, {acc, app, customer, hook});
    BOOST_TEST(client->get_consumer_destinations(acc, app, customer, {.bucket_key = webhooksio::bucket_key{"main"}}).as_array().empty());
    expect<delete_consumer>(200, {acc, app, customer});
    BOOST_TEST(error_of<get_consumer>({acc, app, customer}) == 404);
    expect<delete_application_version>(200, {acc, app, v1});
    BOOST_TEST(error_of<get_application_version>({acc, app, v1}) == 404);
    expect<delete_application>(200, {acc, app});
    BOOST_TEST(error_of<get_application>({acc, app}) == 404);

    // Deletes, and what hangs under them goes too.
    expect<delete_destination>(200, {acc, destination});
    BOOST_TEST(error_of<get_destination>({acc, destination}) == 404);
    expect<delete_input>(200, {acc, input});
    BOOST_TEST(error_of<get_input>({acc, input}) == 404);
    BOOST_TEST(error_of<get_incoming_message>({acc, incoming}) == 404);
    const input_id second{str(client->create_input(acc, {.bucket_id = webhooksio::bucket_id{bucket.str()}, .name = "second"}), "id")};
    expect<delete_bucket>(200, {acc, bucket});
    BOOST_TEST(error_of<get_input>({acc, second}) == 404);
    BOOST_TEST(client->get_buckets(acc).as_array().empty());

    // Every seed endpoint of the table was called.
    std::size_t seed = 0;
    wh::api::for_each_endpoint([&]<class E>(std::type_identity<E>) {
        if (!E::in_seed) return;
        ++seed;
        BOOST_TEST(called.contains(E::name), E::name << " was not called");
    });
    BOOST_TEST(seed == 77u);
    BOOST_TEST(called.size() == 77u);
}

// The 20 calls beyond the seed's (the gateway's two are in the delivery suite
// below): each with its status and the change a following read sees.
BOOST_FIXTURE_TEST_CASE(the_20_other_calls_answer_and_change_the_state, seed_walk) {
    using namespace wh::api;
    using wh::account_id, wh::application_id, wh::consumer_id, wh::destination_id, wh::input_id, wh::user_id;
    auto hook_count = [&](std::string_view target) {
        std::size_t n = 0;
        for (const auto& r : receiver.requests()) n += r.target == target;
        return n;
    };

    // Gateway authentication: fixed data per type, no key needed.
    BOOST_TEST(expect<get_gateway_auth_options>(200, {wh::auth_type{"input"}}).as_array().size() == 4u);
    BOOST_TEST(str(expect<get_gateway_auth_option>(200, {wh::auth_type{"destination"}, wh::auth_option{"bearer"}}),
                   "name") == "Bearer token");
    BOOST_TEST(error_of<get_gateway_auth_option>({wh::auth_type{"input"}, wh::auth_option{"bearer"}}) == 404);
    BOOST_TEST(error_of<get_gateway_auth_options>({wh::auth_type{"pigeon"}}) == 404);

    // Accounts: the caller's own and its sub-accounts.
    const json::value session = client->register_account(registration("grace@example.com"));
    const account_id acc{str(session, "account_id")};
    const user_id owner{str(session, "user_id")};
    BOOST_TEST(error_of<list_accounts>({}) == 401);
    client = connect(str(session, "api_token"));
    client->create_sub_account(acc, {.name = "Branch", .account_key = "branch-1"});
    const json::value accounts = expect<list_accounts>(200, {});
    BOOST_REQUIRE(accounts.as_array().size() == 2u);
    BOOST_TEST(str(accounts.at(0), "id") == acc.str());
    BOOST_TEST(str(client->call<list_accounts>({}, {.account_key = "branch-1"}).at(0), "name") == "Branch");
    const std::string html = str(expect<get_account_embedded_view_html>(200, {acc}, {.bucket_key = webhooksio::bucket_key{"a\"b"}}), "html");
    BOOST_TEST(html.find(acc.str()) != std::string::npos);
    BOOST_TEST(html.find("a&quot;b") != std::string::npos);

    // Subscriptions: one per account, on a plan the emulator has.
    BOOST_TEST(error_of<get_subscription>({acc}) == 404);
    BOOST_TEST(error_of<create_subscription>({acc}, {.user_id = webhooksio::user_id{owner.str()}, .plan_id = webhooksio::plan_id{"gold"}}) == 404);
    BOOST_TEST(error_of<create_subscription>({acc}, {.user_id = webhooksio::user_id{owner.str()}, .plan_id = webhooksio::plan_id{"startup"}}) == 400);  // paid, no token
    expect<create_subscription>(201, {acc}, {.user_id = webhooksio::user_id{owner.str()}, .plan_id = webhooksio::plan_id{"free"}});
    BOOST_TEST(error_of<create_subscription>({acc}, {.user_id = webhooksio::user_id{owner.str()}, .plan_id = webhooksio::plan_id{"free"}}) == 409);
    BOOST_TEST(str(expect<get_subscription>(200, {acc}).at("plan"), "id") == "free");
    expect<update_subscription>(200, {acc}, {.plan_id = webhooksio::plan_id{"startup"}, .payment_token = "tok_visa"});
    const json::value upgraded = client->call<get_subscription>({acc});
    BOOST_TEST(str(upgraded.at("plan"), "id") == "startup");
    BOOST_TEST(!upgraded.as_object().contains("payment_token"));  // a secret, never kept
    BOOST_TEST(str(client->get_account(acc), "plan_id") == "startup");
    expect<cancel_subscription>(200, {acc});
    BOOST_TEST(str(client->call<get_subscription>({acc}), "status") == "cancelled");
    BOOST_TEST(error_of<update_subscription>({acc}, {.plan_id = webhooksio::plan_id{"free"}}) == 409);

    // Invoices: a fixed list per account.
    const json::value invoices = expect<get_invoices>(200, {acc});
    BOOST_REQUIRE(invoices.as_array().size() == 2u);
    const std::string invoice = str(invoices.at(1), "id");
    BOOST_TEST(invoice.size() == 34u);
    BOOST_TEST(expect<get_invoice>(200, {acc, wh::invoice_id{invoice}}) == invoices.at(1));
    BOOST_TEST(error_of<get_invoice>({acc, wh::invoice_id{"IV00000000000000000000000000000000"}}) == 404);

    // Certificates.
    const wh::certificate_id cert{str(expect<import_certificate>(201, {acc}, {.domain = "127.0.0.1", .port = receiver.port()}),
                                      "id")};
    BOOST_TEST(cert.str().starts_with("CE"));
    BOOST_TEST(expect<get_certificate>(200, {acc, cert}).at("port").as_int64() == receiver.port());
    BOOST_TEST(expect<get_certificates>(200, {acc}).as_array().size() == 1u);

    // A delivered message: its attempt is addressable, and a resend delivers it again.
    const wh::bucket_id bucket{str(client->create_bucket(acc, {.name = "b"}), "id")};
    const input_id input{str(client->create_input(acc, {.bucket_id = webhooksio::bucket_id{bucket.str()}, .name = "in"}), "id")};
    client->create_destination(acc, input, {.name = "d", .endpoint_url = receiver.base_url() + "/hook"});
    const json::value accepted = client->send_input_request(wh::input_name{"in"}, input, {.extra = {{"n", 1}}});
    const wh::outgoing_message_id outgoing{std::string(accepted.at("outgoing_message_ids").at(0).as_string())};
    BOOST_REQUIRE(server.wait_for_deliveries());
    const std::string attempt = str(client->get_outgoing_message(acc, outgoing).at("attempts").at(0), "id");
    BOOST_TEST(attempt.starts_with("AT"));
    const json::value seen = expect<get_outgoing_message_attempt>(200, {acc, wh::attempt_id{attempt}});
    BOOST_TEST(seen.at("http_status").as_int64() == 200);
    BOOST_TEST(str(seen, "outgoing_message_id") == outgoing.str());
    BOOST_TEST(error_of<get_outgoing_message_attempt>({acc, wh::attempt_id{"AT00000000000000000000000000000000"}}) == 404);

    BOOST_TEST(error_of<resend_messages>({acc}, {.outgoing_message_ids = json::array{"OM00000000000000000000000000000000"}}) ==
               404);
    BOOST_TEST(hook_count("/hook") == 1u);  // a bad ID queues nothing
    const json::value resent = expect<resend_messages>(200, {acc}, {.outgoing_message_ids = json::array{outgoing.str()}});
    BOOST_TEST(resent.at("resent").as_array().size() == 1u);
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_TEST(hook_count("/hook") == 2u);
    BOOST_TEST(receiver.last().headers.find("Webhooks-Attempt")->second == "2");
    BOOST_TEST(client->get_outgoing_message(acc, outgoing).at("attempts").as_array().size() == 2u);

    // retry_request: a failed message, named by its ID, is tried once more.
    const wh::bucket_id other{str(client->create_bucket(acc, {.name = "c"}), "id")};
    const input_id flaky{str(client->create_input(acc, {.bucket_id = webhooksio::bucket_id{other.str()}, .name = "flaky"}), "id")};
    const destination_id nowhere{str(client->create_destination(acc, flaky, {.name = "d", .endpoint_url = "http://127.0.0.1:1/",
                                                                              .retry_count = 0}),
                                     "id")};
    const json::value lost = client->send_input_request(wh::input_name{"flaky"}, flaky);
    const std::string failed{lost.at("outgoing_message_ids").at(0).as_string()};
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_TEST(str(client->get_outgoing_message_status(acc, wh::outgoing_message_id{failed}), "status") == "failed");
    BOOST_TEST(error_of<retry_request>({}, {.extra = {{"outgoing_message_id", outgoing.str()}}}) == 409);  // not failed
    BOOST_TEST(error_of<retry_request>({}) == 400);
    client->update_destination(acc, nowhere, {.name = "d", .endpoint_url = receiver.base_url() + "/retried"});
    expect<retry_request>(202, {}, {.extra = {{"outgoing_message_id", failed}}});
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_TEST(hook_count("/retried") == 1u);
    BOOST_TEST(str(client->get_outgoing_message_status(acc, wh::outgoing_message_id{failed}), "status") == "success");

    // The dynamic input gateway delivers to the URL it names, not to the input's destinations.
    expect<send_dynamic_input_request>(200, {input, wh::target_url{receiver.base_url() + "/dynamic?from=input"}},
                                       {.extra = {{"n", 2}}});
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_TEST(receiver.last().target == "/dynamic?from=input");
    BOOST_TEST(receiver.last().body == R"({"n":2})");
    BOOST_TEST(hook_count("/hook") == 2u);

    // A consumer destination, with the certificate for its host; and the dynamic consumer gateway.
    const application_id app{str(client->create_application(
                                     acc, {.name = "Shop", .categories = std::vector<std::string>{"commerce"}, .overview = "o",
                                           .description = "d", .homepage_url = "https://a", .api_url = "https://a/api",
                                           .logo_url = "https://a/l.png", .active = true}),
                                 "id")};
    const wh::application_version_id v1{str(client->create_application_version(
                                                acc, app, {.key = "v1", .release_date = "2026-01-01",
                                                           .version_json = json::object{}, .examples_json = json::array{},
                                                           .active = true}),
                                            "id")};
    const consumer_id customer{"customer-7"};
    client->create_consumer(acc, app, {.consumer_id = webhooksio::consumer_id{customer.str()}, .bucket_key = webhooksio::bucket_key{"main"}, .name = "Customer"});
    const destination_id hook{str(client->create_consumer_destination(acc, app, customer,
                                                                      {.application_version_id = webhooksio::application_version_id{v1.str()}, .name = "theirs",
                                                                       .bucket_key = webhooksio::bucket_key{"main"},
                                                                       .endpoint_url = receiver.base_url() + "/consumer"}),
                                  "id")};
    const json::value destination =
        expect<get_consumer_destination>(200, {acc, app, customer, hook}, {.include_certificate_data = true});
    BOOST_TEST(str(destination, "endpoint_url") == receiver.base_url() + "/consumer");
    BOOST_TEST(str(destination.at("certificate"), "id") == cert.str());
    BOOST_TEST(error_of<get_consumer_destination>({acc, app, customer, destination_id{"OU0"}}) == 404);
    expect<send_dynamic_consumer_webhook_request>(
        200, {app, customer, wh::bucket_key{"main"}, wh::target_url{receiver.base_url() + "/elsewhere"}},
        {.extra = {{"amount", 5}}});
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_TEST(receiver.last().target == "/elsewhere");
    BOOST_TEST(receiver.last().body == R"({"amount":5})");
    BOOST_TEST(hook_count("/consumer") == 0u);
    BOOST_TEST(error_of<send_dynamic_consumer_webhook_request>(
                   {app, consumer_id{"nobody"}, wh::bucket_key{"main"}, wh::target_url{receiver.base_url()}}) == 404);

    // Another account's key: 403 on this account's routes.
    account bob(server, "bob@example.com");
    BOOST_TEST(status_of([&] { return bob.api->call<get_invoices>({acc}, {}, wh::nothrow); }) == 403);
    BOOST_TEST(status_of([&] { return bob.api->call<get_certificate>({acc, cert}, {}, wh::nothrow); }) == 403);
    BOOST_TEST(status_of([&] {
                   return bob.api->call<resend_messages>({acc}, {.outgoing_message_ids = json::array{outgoing.str()}},
                                                         wh::nothrow);
               }) == 403);
    BOOST_TEST(status_of([&] { return bob.api->call<get_outgoing_message_attempt>({bob.id(), wh::attempt_id{attempt}}, {},
                                                                                 wh::nothrow); }) == 403);
    BOOST_TEST(bob.api->call<list_accounts>({}).as_array().size() == 1u);

    expect<delete_certificate>(200, {acc, cert});
    BOOST_TEST(error_of<get_certificate>({acc, cert}) == 404);
    BOOST_TEST(client->call<get_certificates>({acc}).as_array().empty());

    // Every endpoint beyond the seed and the gateway's two was called.
    std::size_t others = 0;
    wh::api::for_each_endpoint([&]<class E>(std::type_identity<E>) {
        if (E::in_seed || E::name == "send_input_request" || E::name == "check_input_gateway") return;
        ++others;
        BOOST_TEST(called.contains(E::name), E::name << " was not called");
    });
    BOOST_TEST(others == 20u);
    BOOST_TEST(called.size() == 20u);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(delivery)

// A bucket, an input and a destination pointing at `receiver`.
struct pipeline {
    pipeline(const emulator& server, const loopback_server& receiver, wh::api::create_destination::options destination,
             std::string email)
        : pipeline(receiver, std::move(destination), account(server, std::move(email))) {}
    pipeline(const loopback_server& receiver, wh::api::create_destination::options destination, account existing)
        : pipeline(receiver.base_url() + "/hook", std::move(destination), std::move(existing)) {}
    pipeline(std::string endpoint_url, wh::api::create_destination::options destination, account existing)
        : owner(std::move(existing)) {
        const auto acc = owner.id();
        const std::string bucket = str(owner.api->create_bucket(acc, {.name = "b"}), "id");
        input = wh::input_id{str(owner.api->create_input(acc, {.bucket_id = wh::bucket_id{bucket}, .name = "in", .event_location = "payload",
                                                               .event_path = "msg.type"}),
                                 "id")};
        destination.endpoint_url = std::move(endpoint_url);
        target = wh::destination_id{str(owner.api->create_destination(acc, input, destination), "id")};
    }
    json::value send(std::string type, wh::http_headers headers = {}) {
        return owner.api->send_input_request(wh::input_name{"in"}, input,
                                             {.headers = std::move(headers), .extra = {{"type", std::move(type)}}});
    }
    account owner;
    wh::input_id input{"-"};
    wh::destination_id target{"-"};
};

BOOST_AUTO_TEST_CASE(a_receiver_that_fails_twice_sees_three_attempts) {
    emulator server{fast()};
    std::atomic<int> arrivals{0};
    loopback_server receiver([&](const httplib::Request&, httplib::Response& response) {
        response.status = ++arrivals <= 2 ? 500 : 200;
        response.set_content("{}", "application/json");
    });
    pipeline p(server, receiver, {.name = "d", .endpoint_url = "-", .retry_count = 5, .retry_interval = 2}, "r@example.com");

    const json::value accepted = p.send("order.created");
    BOOST_REQUIRE(server.wait_for_deliveries());

    BOOST_TEST(arrivals.load() == 3);
    const auto requests = receiver.requests();
    BOOST_REQUIRE(requests.size() == 3u);
    BOOST_TEST(requests[2].body == R"({"type":"order.created"})");
    BOOST_TEST(requests[2].method == "POST");
    BOOST_TEST(requests[2].headers.find("Webhooks-Attempt")->second == "3");
    BOOST_TEST(requests[2].headers.find("Webhooks-Event")->second == "order.created");
    const wh::outgoing_message_id id{std::string(accepted.at("outgoing_message_ids").at(0).as_string())};
    BOOST_TEST(requests[2].headers.find("Webhooks-Message-Id")->second == id.str());
    const json::value message = p.owner.api->get_outgoing_message(p.owner.id(), id);
    BOOST_TEST(str(message, "status") == "success");
    const auto& attempts = message.at("attempts").as_array();
    BOOST_REQUIRE(attempts.size() == 3u);
    BOOST_TEST(attempts[0].at("http_status").as_int64() == 500);
    BOOST_TEST(attempts[1].at("http_status").as_int64() == 500);
    BOOST_TEST(attempts[2].at("http_status").as_int64() == 200);
    // The request log: the incoming request and the three attempts.
    BOOST_TEST(p.owner.api->get_request_log(p.owner.id()).as_array().size() == 4u);
    BOOST_TEST(p.owner.api->get_request_log(p.owner.id(), {.http_status = 500}).as_array().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_message_that_keeps_failing_ends_failed_after_its_retries) {
    emulator server{fast()};
    loopback_server receiver([](const httplib::Request&, httplib::Response& response) { response.status = 503; });
    pipeline p(server, receiver, {.name = "d", .endpoint_url = "-", .retry_count = 2, .retry_interval = 1}, "f@example.com");
    const json::value accepted = p.send("x");
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_TEST(receiver.requests().size() == 3u);  // the first attempt and two retries
    const wh::outgoing_message_id id{std::string(accepted.at("outgoing_message_ids").at(0).as_string())};
    BOOST_TEST(str(p.owner.api->get_outgoing_message_status(p.owner.id(), id), "status") == "failed");
}

BOOST_AUTO_TEST_CASE(a_filtered_out_event_is_not_delivered) {
    emulator server{fast()};
    loopback_server receiver;
    pipeline p(server, receiver, {.name = "d", .endpoint_url = "-", .event_filters = std::vector<std::string>{"order.created"}},
               "filter@example.com");

    BOOST_TEST(p.send("user.deleted").at("outgoing_message_ids").as_array().empty());
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_TEST(receiver.requests().empty());

    // The filter lets its own event through.
    BOOST_TEST(p.send("order.created").at("outgoing_message_ids").as_array().size() == 1u);
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_TEST(receiver.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_destination_removed_before_delivery_gets_nothing) {
    emulator server{fast()};
    loopback_server receiver;
    pipeline p(server, receiver, {.name = "d", .endpoint_url = "-"}, "gone@example.com");

    server.hold_deliveries();
    const json::value accepted = p.send("x");
    p.owner.api->delete_destination(p.owner.id(), p.target);
    server.release_deliveries();
    BOOST_REQUIRE(server.wait_for_deliveries());

    BOOST_TEST(receiver.requests().empty());
    const wh::outgoing_message_id id{std::string(accepted.at("outgoing_message_ids").at(0).as_string())};
    const json::value message = p.owner.api->get_outgoing_message(p.owner.id(), id);
    BOOST_TEST(str(message, "status") == "cancelled");
    BOOST_TEST(message.at("attempts").as_array().empty());
}

BOOST_AUTO_TEST_CASE(the_input_answers_with_its_configured_response) {
    emulator server{fast()};
    account owner(server, "answer@example.com");
    const std::string bucket = str(owner.api->create_bucket(owner.id(), {.name = "b"}), "id");
    const json::value input = owner.api->create_input(
        owner.id(), {.bucket_id = wh::bucket_id{bucket}, .name = "in", .response_code = 202, .response_content_type = "application/json",
                     .response_content = R"({"thanks":true})"});
    const json::value answer = owner.api->send_input_request(wh::input_name{"in"}, wh::input_id{str(input, "id")});
    BOOST_TEST(answer.at("thanks").as_bool());
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// Destinations given a signing_secret (an extension of the API): each attempt
// is checked, as it arrives, with the library's verifier.
BOOST_AUTO_TEST_SUITE(signed_delivery)

using delivery::pipeline;

constexpr std::string_view first_secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

// A receiver that verifies every delivery with `secrets` as it arrives,
// answering 500 to the first `failures` of them.
struct verifying_receiver {
    explicit verifying_receiver(std::vector<wh::webhook_secret> with, int failures = 0)
        : secrets(std::move(with)), server([this, failures](const httplib::Request& request, httplib::Response& response) {
              std::vector<boost::system::error_code> results;
              for (const auto& secret : secrets) results.push_back(wh::verify_webhook(secret, request.headers, request.body));
              std::lock_guard lock(mutex);
              verdicts.push_back(std::move(results));
              response.status = static_cast<int>(verdicts.size()) <= failures ? 500 : 200;
          }) {}

    std::vector<std::vector<boost::system::error_code>> results() {
        std::lock_guard lock(mutex);
        return verdicts;
    }

    const std::vector<wh::webhook_secret> secrets;
    std::mutex mutex;
    std::vector<std::vector<boost::system::error_code>> verdicts;  // per attempt, per secret
    loopback_server server;  // last: it calls the above
};

std::string header(const test_support::captured_request& r, const std::string& name) {
    auto it = r.headers.find(name);
    return it == r.headers.end() ? std::string("<absent>") : it->second;
}

BOOST_AUTO_TEST_CASE(every_attempt_is_signed_and_a_retry_keeps_its_id_with_a_time_of_its_own) {
    emulator server{fast()};
    verifying_receiver receiver({wh::webhook_secret{first_secret}}, 1);
    pipeline p(server, receiver.server,
               {.name = "d", .endpoint_url = "-", .retry_count = 2, .retry_interval = 1,
                .signing_secret = std::string(first_secret)},
               "signed@example.com");
    const json::value accepted = p.send("order.created");
    BOOST_REQUIRE(server.wait_for_deliveries());

    const auto results = receiver.results();
    BOOST_REQUIRE(results.size() == 2u);  // the first attempt (answered 500) and its retry
    for (const auto& attempt : results) BOOST_TEST(!attempt.at(0), attempt.at(0).message());
    const auto requests = receiver.server.requests();
    const std::string id(accepted.at("outgoing_message_ids").at(0).as_string());
    for (const auto& r : requests) {
        BOOST_TEST(header(r, "webhook-id") == id);
        BOOST_TEST(header(r, "webhook-signature").starts_with("v1,"));
        BOOST_TEST(header(r, "webhook-signature").find(' ') == std::string::npos);  // one secret, one signature
        BOOST_TEST(header(r, "Webhooks-Message-Id") == id);                          // the usual headers stay
    }
    // Each attempt's own time: the retry's signature is over its timestamp.
    BOOST_TEST(!wh::verify_webhook(wh::webhook_secret{first_secret}, id, header(requests[1], "webhook-timestamp"),
                                   header(requests[1], "webhook-signature"), requests[1].body));
}

BOOST_AUTO_TEST_CASE(answers_and_the_request_log_show_the_secret_masked_at_most) {
    emulator server{fast()};
    verifying_receiver receiver({wh::webhook_secret{first_secret}});
    pipeline p(server, receiver.server, {.name = "d", .endpoint_url = "-", .signing_secret = std::string(first_secret)},
               "masked@example.com");
    p.send("x");
    BOOST_REQUIRE(server.wait_for_deliveries());
    const std::string key(first_secret.substr(6));
    const json::value shown = p.owner.api->get_destination(p.owner.id(), p.target);
    BOOST_TEST(str(shown, "signing_secret") == "whsec_\u2026" + key.substr(key.size() - 4));
    for (const json::value& answer : {shown, p.owner.api->get_destinations(p.owner.id(), p.input),
                                      p.owner.api->get_request_log(p.owner.id())})
        BOOST_TEST(json::serialize(answer).find(key.substr(0, 8)) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_destination_without_a_secret_gets_no_signature_headers) {
    emulator server{fast()};
    loopback_server receiver;
    pipeline p(server, receiver, {.name = "d", .endpoint_url = "-"}, "plain@example.com");
    p.send("x");
    BOOST_REQUIRE(server.wait_for_deliveries());
    const auto r = receiver.last();
    for (const char* name : {"webhook-id", "webhook-timestamp", "webhook-signature"})
        BOOST_TEST(header(r, name) == "<absent>", name);
    BOOST_TEST(header(r, "Webhooks-Attempt") == "1");
    BOOST_TEST(!p.owner.api->get_destination(p.owner.id(), p.target).as_object().contains("signing_secret"));
}

// After update_destination changes the secret, both sign during the overlap;
// with no overlap only the new one does; "" turns signing off.
BOOST_AUTO_TEST_CASE(after_a_rotation_both_secrets_sign_for_the_overlap) {
    const wh::webhook_secret old_secret{first_secret}, new_secret = wh::webhook_secret::generate();
    for (const std::chrono::seconds overlap : {std::chrono::seconds(std::chrono::hours(24)), std::chrono::seconds(0)}) {
        BOOST_TEST_CONTEXT("overlap " << overlap.count() << " s") {
            emulator server{{.retry_interval_unit = 1ms, .signing_overlap = overlap}};
            verifying_receiver receiver({old_secret, new_secret});
            pipeline p(server, receiver.server, {.name = "d", .endpoint_url = "-", .signing_secret = old_secret.text()},
                       "rotate@example.com");
            const auto update = [&](std::string secret) {
                p.owner.api->update_destination(p.owner.id(), p.target,
                                                {.name = "d", .endpoint_url = receiver.server.base_url() + "/hook",
                                                 .signing_secret = std::move(secret)});
            };
            update(new_secret.text());
            p.send("x");
            BOOST_REQUIRE(server.wait_for_deliveries());
            auto results = receiver.results();
            BOOST_REQUIRE(results.size() == 1u);
            BOOST_TEST(!results[0][1]);  // the new secret
            if (overlap.count() > 0) {
                BOOST_TEST(!results[0][0]);  // the old one, too
                BOOST_TEST(std::ranges::count(header(receiver.server.last(), "webhook-signature"), ' ') == 1);
            } else {
                BOOST_TEST(results[0][0] == wh::errc::no_matching_signature);
            }

            update("");
            p.send("y");
            BOOST_REQUIRE(server.wait_for_deliveries());
            BOOST_TEST(receiver.results().back()[1] == wh::errc::missing_webhook_header);
        }
    }
}

// A secret that is not one stores nothing, and the answer does not quote it.
BOOST_AUTO_TEST_CASE(a_bad_signing_secret_is_400_and_changes_nothing) {
    emulator server{fast()};
    verifying_receiver receiver({wh::webhook_secret{first_secret}});
    pipeline p(server, receiver.server, {.name = "d", .endpoint_url = "-", .signing_secret = std::string(first_secret)},
               "bad-secret@example.com");
    const std::string too_short = "whsec_" + wh::webhook_secret{"c2hvcnQtc2VjcmV0"}.text().substr(6);
    for (const std::string& bad : {std::string("whsec_not base64!"), too_short}) {
        auto created = p.owner.api->with(wh::nothrow).create_destination(
            p.owner.id(), p.input, {.name = "e", .endpoint_url = receiver.server.base_url(), .signing_secret = bad});
        BOOST_REQUIRE(created.has_error());
        BOOST_TEST(created.error().diagnostics().status == 400);
        BOOST_TEST(created.error().what().find("signing_secret") != std::string::npos);
        BOOST_TEST(created.error().what().find(bad.substr(6)) == std::string::npos);
        auto updated = p.owner.api->with(wh::nothrow).update_destination(
            p.owner.id(), p.target, {.name = "changed", .endpoint_url = "-", .signing_secret = bad});
        BOOST_REQUIRE(updated.has_error());
        BOOST_TEST(updated.error().diagnostics().status == 400);
    }
    BOOST_TEST(p.owner.api->get_destinations(p.owner.id(), p.input).as_array().size() == 1u);
    BOOST_TEST(str(p.owner.api->get_destination(p.owner.id(), p.target), "name") == "d");
    p.send("x");
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_TEST(!receiver.results().at(0).at(0));
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(recipes)

using delivery::pipeline;

// The docs' example.
constexpr std::string_view docs_recipe =
    R"(function wh(){ result.data = {"name": data.name, "client_id": 8000}; exit(result); })";

// A recipe, created and published: its ID.
wh::recipe_id published(const account& owner, std::string code, bool on_each_attempt = false) {
    const wh::recipe_id id{str(owner.api->create_recipe(owner.id(), {.name = "r", .type = "destination",
                                                                      .recipe_draft = code,
                                                                      .run_on_each_attempt = on_each_attempt}),
                               "id")};
    owner.api->publish_recipe(owner.id(), id);
    return id;
}

json::value body_of(const test_support::captured_request& request) { return json::parse(request.body); }

std::string header(const test_support::captured_request& request, const std::string& name) {
    const auto found = request.headers.find(name);
    return found == request.headers.end() ? std::string("(none)") : found->second;
}

json::value outgoing_message(const pipeline& p, const json::value& accepted, std::size_t i = 0) {
    const wh::outgoing_message_id id{std::string(accepted.at("outgoing_message_ids").at(i).as_string())};
    return p.owner.api->get_outgoing_message(p.owner.id(), id);
}

// The log entries of one direction ("incoming" or "outgoing").
std::vector<json::value> log_entries(const pipeline& p, std::string_view direction) {
    std::vector<json::value> entries;
    const json::value log = p.owner.api->get_request_log(p.owner.id());
    for (const auto& entry : log.as_array())
        if (entry.at("direction").as_string() == direction) entries.push_back(entry);
    return entries;
}

BOOST_AUTO_TEST_CASE(test_recipe_runs_the_docs_example_and_stores_nothing) {
    emulator server{fast()};
    account owner(server, "docs@example.com");
    const json::value answer = owner.api->test_recipe(
        owner.id(), {.sample_code = R"({"name": "Ada", "plan": "pro"})", .type = "input",
                     .recipe = std::string(docs_recipe), .event_type = "invoice.paid"});
    BOOST_TEST(str(answer, "outcome") == "deliver");
    BOOST_TEST(answer.at("result").at("data") == json::parse(R"({"name": "Ada", "client_id": 8000})"));
    BOOST_TEST(json::parse(str(answer.at("output"), "body")) == json::parse(R"({"name": "Ada", "client_id": 8000})"));
    BOOST_TEST(!answer.as_object().contains("error"));

    // A failing recipe: the test itself works, with the error and the console output.
    const json::value failed = owner.api->test_recipe(
        owner.id(), {.sample_code = "{}", .type = "input",
                     .recipe = R"(function wh(){ console.log("type", event_type); throw new Error("no invoice"); })",
                     .event_type = "invoice.paid"});
    BOOST_TEST(str(failed, "outcome") == "failed");
    BOOST_TEST(str(failed, "error").find("no invoice") != std::string::npos, str(failed, "error"));
    BOOST_TEST(str(failed, "console") == "type invoice.paid\n");
    BOOST_TEST(failed.at("result").is_null());
    BOOST_TEST(owner.api->get_recipes(owner.id()).as_array().empty());
}

BOOST_AUTO_TEST_CASE(an_input_recipe_and_a_destination_recipe_transform_live_traffic) {
    emulator server{fast()};
    loopback_server receiver;
    account owner(server, "live@example.com");
    const wh::recipe_id to_order = published(owner, R"(function wh(){
        result.data = {order: data.type, by: "input"}; result.headers = {"X-Input": "yes"}; exit(result); })");
    const wh::recipe_id wrap = published(owner, R"(function wh(){
        result.data = {wrapped: data, event: event_type, tag: headers["x-tag"]};
        result.headers = {"X-Recipe": "destination"}; exit(result); })");
    pipeline p(receiver, {.name = "d", .endpoint_url = "-", .recipe_id = wrap}, owner);
    p.owner.api->update_input(p.owner.id(), p.input, {.name = "in", .recipe_id = to_order});

    p.send("order.created", {{"X-Tag", "t1"}});
    BOOST_REQUIRE(server.wait_for_deliveries());

    BOOST_REQUIRE(receiver.requests().size() == 1u);
    const auto request = receiver.last();
    BOOST_TEST(body_of(request) ==
               json::parse(R"({"wrapped": {"order": "order.created", "by": "input"}, "event": "order.created", "tag": "t1"})"));
    BOOST_TEST(header(request, "Content-Type") == "application/json");
    BOOST_TEST(header(request, "X-Input") == "yes");
    BOOST_TEST(header(request, "X-Recipe") == "destination");
    BOOST_TEST(header(request, "Webhooks-Attempt") == "1");  // the emulator's own headers stay
}

BOOST_AUTO_TEST_CASE(a_dropping_recipe_stops_delivery_and_says_so_in_the_log) {
    emulator server{fast()};
    loopback_server receiver;
    account owner(server, "drop@example.com");
    const wh::recipe_id drop_false = published(owner, "function wh(){ exit(false); }");
    const wh::recipe_id drop_null = published(owner, "function wh(){ if (data.type === 'test') exit(null); exit(result); }");

    // At the destination: the outgoing message is dropped, never attempted.
    pipeline p(receiver, {.name = "d", .endpoint_url = "-", .recipe_id = drop_false}, owner);
    const json::value accepted = p.send("order.created");
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_TEST(receiver.requests().empty());
    const json::value message = outgoing_message(p, accepted);
    BOOST_TEST(str(message, "status") == "dropped");
    BOOST_TEST(message.at("attempts").as_array().empty());
    const auto outgoing = log_entries(p, "outgoing");
    BOOST_REQUIRE(outgoing.size() == 1u);
    BOOST_TEST(str(outgoing[0].at("recipe"), "outcome") == "drop");
    BOOST_TEST(str(outgoing[0].at("recipe"), "recipe_id") == drop_false.str());
    const json::value report = p.owner.api->get_overview_report(
        p.owner.id(), {.start_date = "2000-01-01", .end_date = "2999-12-31", .precision = "day"});
    BOOST_TEST(report.at("totals").at("dropped").as_int64() == 1);
    BOOST_TEST(report.at("totals").at("pending").as_int64() == 0);

    // At the input: no outgoing message at all; the incoming one says why.
    p.owner.api->update_destination(p.owner.id(), p.target, {.name = "d", .endpoint_url = receiver.base_url(), .recipe_id = wh::recipe_id{""}});
    p.owner.api->update_input(p.owner.id(), p.input, {.name = "in", .recipe_id = drop_null});
    const json::value test_event = p.send("test");
    BOOST_TEST(test_event.at("outgoing_message_ids").as_array().empty());
    const json::value incoming = p.owner.api->get_incoming_message(
        p.owner.id(), wh::incoming_message_id{str(test_event, "incoming_message_id")});
    BOOST_TEST(str(incoming, "status") == "dropped");
    BOOST_TEST(str(log_entries(p, "incoming").back().at("recipe"), "outcome") == "drop");

    // The same input recipe lets another event through, to the destination now without a recipe.
    BOOST_TEST(p.send("order.created").at("outgoing_message_ids").as_array().size() == 1u);
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_REQUIRE(receiver.requests().size() == 1u);
    BOOST_TEST(body_of(receiver.last()) == json::parse(R"({"type": "order.created"})"));
}

BOOST_AUTO_TEST_CASE(a_failing_input_recipe_fails_its_incoming_message_and_sends_nothing) {
    emulator server{fast()};
    loopback_server receiver;
    account owner(server, "input-throws@example.com");
    pipeline p(receiver, {.name = "d", .endpoint_url = "-"}, owner);
    p.owner.api->update_input(p.owner.id(), p.input,
                              {.name = "in", .recipe_id = published(owner, R"(function wh(){ console.log("got", data.type);
                                                                           throw new TypeError("no total"); })")});
    const json::value accepted = p.send("order.created");
    BOOST_REQUIRE(server.wait_for_deliveries());

    BOOST_TEST(accepted.at("outgoing_message_ids").as_array().empty());
    BOOST_TEST(receiver.requests().empty());
    const json::value incoming =
        p.owner.api->get_incoming_message(p.owner.id(), wh::incoming_message_id{str(accepted, "incoming_message_id")});
    BOOST_TEST(str(incoming, "status") == "failed");
    BOOST_TEST(str(incoming, "error") == "the recipe threw TypeError: no total");
    const json::value entry = log_entries(p, "incoming").back().at("recipe");
    BOOST_TEST(str(entry, "error") == "the recipe threw TypeError: no total");
    BOOST_TEST(str(entry, "console") == "got order.created\n");
}

// The destination fails its first attempt, and meanwhile a new version of the
// recipe is published: a recipe run on each attempt sends the new version's
// output on the retry, one run once sends its first output again.
BOOST_AUTO_TEST_CASE(run_on_each_attempt_runs_again_on_a_retry_else_the_output_is_kept) {
    for (const bool on_each_attempt : {false, true}) {
        BOOST_TEST_CONTEXT("run_on_each_attempt " << on_each_attempt) {
            emulator server{fast()};
            account owner(server, "each@example.com");
            const auto version = [](int n) {
                return "function wh(){ result.data = {version: " + std::to_string(n) + "}; exit(result); }";
            };
            const wh::recipe_id recipe = published(owner, version(1), on_each_attempt);
            std::atomic<int> arrivals{0};
            loopback_server receiver([&](const httplib::Request&, httplib::Response& response) {
                if (++arrivals > 1) return loopback_server::json_ok({}, response);
                owner.api->update_recipe(owner.id(), recipe, {.name = "r", .type = "destination", .recipe_draft = version(2)});
                owner.api->publish_recipe(owner.id(), recipe);
                response.status = 500;
            });
            pipeline p(receiver,
                       {.name = "d", .endpoint_url = "-", .retry_count = 1, .retry_interval = 1, .recipe_id = recipe},
                       owner);
            const json::value accepted = p.send("x");
            BOOST_REQUIRE(server.wait_for_deliveries());

            const auto requests = receiver.requests();
            BOOST_REQUIRE(requests.size() == 2u);
            BOOST_TEST(body_of(requests[0]) == json::parse(R"({"version": 1})"));
            BOOST_TEST(body_of(requests[1]) == json::parse(on_each_attempt ? R"({"version": 2})" : R"({"version": 1})"));
            BOOST_TEST(str(outgoing_message(p, accepted), "status") == "success");
        }
    }
}

BOOST_AUTO_TEST_CASE(hostile_recipes_fail_their_message_and_another_account_is_served) {
    // Limits of the test's own: a memory limit that the allocating recipe
    // reaches long before the time limit, however loaded the machine.
    wh::emulator_options options = fast();
    options.recipe_time = 1s;
    options.recipe_memory = 4 << 20;
    emulator server{options};
    loopback_server hostile_receiver;
    account hostile(server, "hostile@example.com");
    struct hostile_recipe {
        const char* code;
        const char* reason;  // in the error on the message and its attempt
    };
    const std::vector<hostile_recipe> recipes{
        {"function wh(){ while (true) {} }", "ran out of time (limit 1000 ms)"},
        // Doubling a string reaches the memory limit in a few steps, long before the time limit.
        {"function wh(){ var all = [], s = 'x'; while (true) all.push(s = s + s); }",
         "ran out of memory (limit 4194304 bytes)"},
        {R"(function wh(){ console.log("about to throw"); throw new Error("boom"); })", "threw Error: boom"},
        {"function wh(){ result.data = 1; }", "without calling exit"},
        {R"(function wh(){ result.headers = {"X-A": "1\r\nX-Injected: 1"}; exit(result); })", "control character"}};
    pipeline p(hostile_receiver, {.name = "d0", .endpoint_url = "-", .recipe_id = published(hostile, recipes[0].code)},
               hostile);
    for (std::size_t i = 1; i < recipes.size(); ++i)
        hostile.api->create_destination(hostile.id(), p.input,
                                        {.name = "d" + std::to_string(i), .endpoint_url = hostile_receiver.base_url(),
                                         .recipe_id = published(hostile, recipes[i].code)});
    loopback_server receiver;
    pipeline other(server, receiver, {.name = "d", .endpoint_url = "-"}, "other@example.com");

    const json::value accepted = p.send("x");
    other.send("y");
    BOOST_REQUIRE(server.wait_for_deliveries());

    BOOST_TEST(receiver.requests().size() == 1u);  // the other account's delivery arrived
    BOOST_TEST(hostile_receiver.requests().empty());
    const auto log = log_entries(p, "outgoing");
    BOOST_REQUIRE(log.size() == recipes.size());
    BOOST_REQUIRE(accepted.at("outgoing_message_ids").as_array().size() == recipes.size());
    for (std::size_t i = 0; i < recipes.size(); ++i) {
        BOOST_TEST_CONTEXT(recipes[i].code) {
            const json::value message = outgoing_message(p, accepted, i);
            BOOST_TEST(str(message, "status") == "failed");
            BOOST_TEST(str(message, "error").find(recipes[i].reason) != std::string::npos, str(message, "error"));
            const auto& attempts = message.at("attempts").as_array();
            BOOST_REQUIRE(attempts.size() == 1u);  // no retry: the recipe decided
            BOOST_TEST(str(attempts[0], "error") == str(message, "error"));
            BOOST_TEST(attempts[0].at("http_status").as_int64() == 0);
        }
    }
    // The console output of the run that threw is in its log entry.
    const auto threw = std::ranges::find_if(log, [](const json::value& e) {
        return str(e.at("recipe"), "outcome") == "failed" && str(e.at("recipe"), "error").find("boom") != std::string::npos;
    });
    BOOST_REQUIRE(threw != log.end());
    BOOST_TEST(str(threw->at("recipe"), "console") == "about to throw\n");
}

BOOST_AUTO_TEST_CASE(only_the_published_version_runs) {
    emulator server{fast()};
    loopback_server receiver;
    account owner(server, "publish@example.com");
    const std::string first = "function wh(){ result.data = 'first'; exit(result); }";
    const std::string second = "function wh(){ result.data = 'second'; exit(result); }";
    const wh::recipe_id recipe{str(owner.api->create_recipe(owner.id(), {.name = "r", .type = "destination", .recipe_draft = first}), "id")};
    pipeline p(receiver, {.name = "d", .endpoint_url = "-", .recipe_id = recipe}, owner);

    // Never published: nothing runs, the webhook goes as it came.
    p.send("a");
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_TEST(receiver.last().body == R"({"type":"a"})");

    owner.api->publish_recipe(owner.id(), recipe);
    owner.api->update_recipe(owner.id(), recipe, {.name = "r", .type = "destination", .recipe_draft = second});
    p.send("b");
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_TEST(receiver.last().body == "first");

    owner.api->publish_recipe(owner.id(), recipe);
    p.send("c");
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_TEST(receiver.last().body == "second");
    BOOST_TEST(receiver.requests().size() == 3u);
}

// Creating or updating a recipe changes its draft; the code that runs
// (`recipe`) changes only by publish_recipe.
BOOST_AUTO_TEST_CASE(only_publish_recipe_changes_the_running_code) {
    emulator server{fast()};
    account owner(server, "running-code@example.com");
    const std::string draft = "function wh(){ exit(result); }", sneaked = "function wh(){ exit(false); }";
    const auto created = owner.api->with(wh::nothrow).create_recipe(
        owner.id(), {.name = "r", .type = "destination", .recipe_draft = draft, .extra = {{"recipe", sneaked}}});
    BOOST_TEST(field_of(created) == "recipe");
    const wh::recipe_id recipe{str(owner.api->create_recipe(owner.id(), {.name = "r", .type = "destination", .recipe_draft = draft}), "id")};
    owner.api->publish_recipe(owner.id(), recipe);
    for (const char* key : {"recipe", "published", "published_at"}) {
        const auto updated = owner.api->with(wh::nothrow).update_recipe(
            owner.id(), recipe, {.name = "r", .type = "destination", .recipe_draft = draft, .extra = {{key, sneaked}}});
        BOOST_TEST(field_of(updated) == key);
    }
    BOOST_TEST(str(owner.api->get_recipe(owner.id(), recipe), "recipe") == draft);
}

// While an input recipe or test_recipe of one account runs to its time
// limit, another account's calls are answered: the recipe runs without the
// emulator's lock. Account B asks again and again for as long as A's call is
// under way, so some of its calls come while A's recipe runs.
BOOST_AUTO_TEST_CASE(a_long_recipe_holds_no_other_account_back) {
    wh::emulator_options options = fast();
    options.recipe_time = 2s;
    emulator server{options};
    loopback_server receiver;
    pipeline slow(server, receiver, {.name = "d", .endpoint_url = "-"}, "slow-input@example.com");
    slow.owner.api->update_input(slow.owner.id(), slow.input,
                                 {.name = "in", .recipe_id = published(slow.owner, "function wh(){ while (true) {} }")});
    account other(server, "waiting@example.com");
    other.api->create_bucket(other.id(), {.name = "b"});

    const std::vector<std::pair<const char*, std::function<void()>>> long_calls{
        {"an input recipe", [&] { slow.send("x"); }},
        {"test_recipe", [&] {
             slow.owner.api->test_recipe(slow.owner.id(), {.sample_code = "{}", .type = "input",
                                                            .recipe = "function wh(){ while (true) {} }"});
         }}};
    for (const auto& [name, call] : long_calls) {
        BOOST_TEST_CONTEXT(name) {
            auto running = std::async(std::launch::async, call);
            std::chrono::steady_clock::duration slowest{};
            int calls = 0;
            while (running.wait_for(0s) != std::future_status::ready && calls < 10'000) {
                const auto start = std::chrono::steady_clock::now();
                BOOST_TEST(other.api->get_buckets(other.id()).as_array().size() == 1u);
                slowest = std::max(slowest, std::chrono::steady_clock::now() - start);
                ++calls;
            }
            running.get();
            BOOST_TEST(calls > 1);
            // Half the recipe's 2 s: under the lock, one call waited for all of it.
            BOOST_TEST(slowest < 1s, std::chrono::duration<double>(slowest).count() << " s");
        }
    }
}

// Account A's destinations each run a recipe to its time limit, a backlog of
// seconds for the delivery workers; account B's webhook, sent after, is
// delivered without waiting behind it.
BOOST_AUTO_TEST_CASE(one_accounts_slow_recipes_hold_no_other_accounts_delivery_back) {
    wh::emulator_options options = fast();
    options.recipe_time = 250ms;
    options.delivery_threads = 2;
    emulator server{options};
    loopback_server never_reached;
    account slow(server, "slow-destinations@example.com");
    const wh::recipe_id endless = published(slow, "function wh(){ while (true) {} }");
    pipeline a(never_reached, {.name = "d0", .endpoint_url = "-", .recipe_id = endless}, slow);
    for (int i = 1; i < 4; ++i)
        slow.api->create_destination(slow.id(), a.input, {.name = "d" + std::to_string(i),
                                                          .endpoint_url = never_reached.base_url(), .recipe_id = endless});
    loopback_server receiver;
    pipeline b(server, receiver, {.name = "d", .endpoint_url = "-"}, "prompt@example.com");

    for (int i = 0; i < 12; ++i) a.send("x");  // 48 runs of 250 ms on 2 workers: 6 s
    const auto sent = std::chrono::steady_clock::now();
    b.send("y");
    BOOST_REQUIRE(receiver.wait_for_requests(1));
    const auto waited = std::chrono::steady_clock::now() - sent;
    // One run of A's recipe frees a worker for it; in turn behind A's backlog it waited 6 s.
    BOOST_TEST(waited < 2500ms, std::chrono::duration<double>(waited).count() << " s");
    BOOST_TEST(never_reached.requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(no_key_is_401_another_accounts_is_403_unknown_is_404) {
    emulator server{fast()};
    account ada(server, "ada@example.com");
    account bob(server, "bob@example.com");
    const wh::bucket_id bucket{str(ada.api->create_bucket(ada.id(), {.name = "mine"}), "id")};

    wh::client keyless{"", {.base_url = server.base_url()}};
    auto e = keyless.with(wh::nothrow).get_buckets(ada.id());
    BOOST_REQUIRE(!e);
    BOOST_TEST(e.error().diagnostics().status == 401);
    BOOST_TEST(e.error().diagnostics().body.at("message").is_string());
    wh::client wrong_key{"key_nope", {.base_url = server.base_url()}};
    BOOST_TEST(status_of([&] { return wrong_key.with(wh::nothrow).get_buckets(ada.id()); }) == 401);
    // The key may also travel as ?_token=.
    wh::client query_key{str(ada.session, "api_token"), {.base_url = server.base_url(), .token_in_query = true}};
    BOOST_TEST(query_key.get_buckets(ada.id()).as_array().size() == 1u);

    BOOST_TEST(status_of([&] { return bob.api->with(wh::nothrow).get_buckets(ada.id()); }) == 403);
    BOOST_TEST(status_of([&] { return bob.api->with(wh::nothrow).get_bucket(bob.id(), bucket); }) == 403);
    BOOST_TEST(status_of([&] { return bob.api->with(wh::nothrow).delete_bucket(ada.id(), bucket); }) == 403);
    BOOST_TEST(ada.api->get_buckets(ada.id()).as_array().size() == 1u);  // still there

    auto missing = ada.api->with(wh::nothrow).get_bucket(ada.id(), wh::bucket_id{"BU00000000000000000000000000000000"});
    BOOST_REQUIRE(!missing);
    BOOST_TEST(missing.error().diagnostics().status == 404);
    BOOST_TEST(std::string(missing.error().diagnostics().body.at("message").as_string()) == "bucket not found");
}

// The router is made from the table: every route with its method reaches a
// handler (whatever it then answers), none is the router's 404.
BOOST_AUTO_TEST_CASE(every_route_of_the_table_is_routed) {
    emulator server{fast()};
    httplib::Client raw("127.0.0.1", server.port());
    raw.set_tcp_nodelay(true);
    std::size_t routed = 0;
    wh::api::for_each_endpoint([&]<class E>(std::type_identity<E>) {
        const wh::reflection::endpoint_info& endpoint = wh::reflection::info_of<E>();
        // The route with an ID in each placeholder (and an encoded http URL for :target_url).
        std::string target(endpoint.literal_runs[0]);
        for (std::size_t i = 0; i < endpoint.ids.size(); ++i)
            target += (endpoint.ids[i] == "target_url" ? "http%3A%2F%2F127.0.0.1%3A1%2Fx" : "XX0") +
                      std::string(endpoint.literal_runs[i + 1]);
        httplib::Request request;
        // A HEAD answer has no body to tell which 404 it is: GET the same route.
        request.method = E::method == wh::http_method::head ? "GET" : std::string(wh::to_string(E::method));
        request.path = target;
        auto answer = raw.send(request);
        BOOST_REQUIRE(answer);
        const json::value body = json::parse(answer->body);
        const json::value* said = body.is_object() ? body.as_object().if_contains("message") : nullptr;
        const std::string message = said && said->is_string() ? std::string(said->get_string()) : "";
        BOOST_TEST(!message.starts_with("no such route"), E::name << ": " << message);
        ++routed;
    });
    BOOST_TEST(routed == test_support::load("endpoints.json").at("endpoints").as_array().size());
}

BOOST_AUTO_TEST_CASE(missing_fields_are_400_naming_each_and_every_error_is_json) {
    emulator server{fast()};
    account ada(server, "ada@example.com");
    httplib::Client raw("127.0.0.1", server.port());
    raw.set_tcp_nodelay(true);
    const httplib::Headers auth{{"Authorization", "Bearer " + str(ada.session, "api_token")}};
    const std::string inputs = "/v1/accounts/" + ada.id().str() + "/inputs";

    auto answer = raw.Post(inputs.c_str(), auth, "{}", "application/json");
    BOOST_REQUIRE(answer);
    BOOST_TEST(answer->status == 400);
    const json::value body = json::parse(answer->body);
    BOOST_TEST(json::serialize(body.at("missing")) == R"(["bucket_id","name"])");
    BOOST_TEST(std::string(body.at("message").as_string()).find("bucket_id, name") != std::string::npos);

    answer = raw.Post(inputs.c_str(), auth, R"({"name":"x","bucket_id":)", "application/json");
    BOOST_REQUIRE(answer);
    BOOST_TEST(answer->status == 400);
    BOOST_TEST(json::parse(answer->body).at("message").is_string());

    // "a|b": one of them will do; neither is named as missing.
    const std::string check = "/v1/accounts/" + ada.id().str() + "/applications/AP1/consumers/c/check";
    answer = raw.Post(check.c_str(), auth, R"({"bucket_key":"k"})", "application/json");
    BOOST_REQUIRE(answer);
    BOOST_TEST(answer->status == 400);
    BOOST_TEST(json::serialize(json::parse(answer->body).at("missing")) == R"(["event_name|event_type"])");

    // Query options count for GET routes.
    const std::string overview = "/v1/accounts/" + ada.id().str() + "/stats/overview?precision=day";
    answer = raw.Get(overview.c_str(), auth);
    BOOST_REQUIRE(answer);
    BOOST_TEST(answer->status == 400);
    BOOST_TEST(json::serialize(json::parse(answer->body).at("missing")) == R"(["start_date","end_date"])");

    answer = raw.Get("/v2/nothing/here");
    BOOST_REQUIRE(answer);
    BOOST_TEST(answer->status == 404);
    BOOST_TEST(std::string(json::parse(answer->body).at("message").as_string()).starts_with("no such route"));
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(concurrency_and_persistence)

BOOST_AUTO_TEST_CASE(eight_clients_creating_200_buckets_each_lose_none) {
    emulator server{fast()};
    account ada(server, "ada@example.com");
    const std::string token = str(ada.session, "api_token");
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            wh::client api{token, {.base_url = server.base_url()}};
            for (int i = 0; i < 200; ++i)
                if (!api.with(wh::nothrow).create_bucket(ada.id(), {.name = std::to_string(t) + "-" + std::to_string(i)}))
                    ++failures;
        });
    for (auto& thread : threads) thread.join();
    BOOST_TEST(failures.load() == 0);
    const json::array buckets = ada.api->get_buckets(ada.id()).as_array();
    BOOST_TEST(buckets.size() == 1600u);
    std::set<std::string> ids, names;
    for (const auto& b : buckets) {
        ids.insert(str(b, "id"));
        names.insert(str(b, "name"));
    }
    BOOST_TEST(ids.size() == 1600u);
    BOOST_TEST(names.size() == 1600u);
}

struct temporary_directory {
    temporary_directory() : path(std::filesystem::temp_directory_path() / ("webhooksio-emulator-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(path);
    }
    ~temporary_directory() { std::filesystem::remove_all(path); }
    std::filesystem::path path;
};

// A data file in a temporary directory, and what a test keeps of an account
// to use it again after a restart.
struct restart {
    void keep(const account& a) {
        token = str(a.session, "api_token");
        account_id = wh::account_id{str(a.session, "account_id")};
        user_id = wh::user_id{str(a.session, "user_id")};
    }
    wh::client client_of(const emulator& e) const { return wh::client{token, {.base_url = e.base_url()}}; }

    temporary_directory dir;
    std::filesystem::path file = dir.path / "state.json";
    std::string token;
    wh::account_id account_id{"-"};
    wh::user_id user_id{"-"};
};

BOOST_AUTO_TEST_CASE(a_restart_with_data_keeps_the_state) {
    restart r;
    std::string bucket;
    {
        emulator first{{.data_file = r.file}};
        account ada(first, "ada@example.com");
        r.keep(ada);
        bucket = str(ada.api->create_bucket(ada.id(), {.name = "kept"}), "id");
    }
    BOOST_TEST(std::filesystem::exists(r.file));
    BOOST_TEST(!std::filesystem::exists(r.file.string() + ".tmp"));

    emulator second{{.data_file = r.file}};
    wh::client api = r.client_of(second);
    BOOST_TEST(str(api.get_bucket(r.account_id, wh::bucket_id{bucket}), "name") == "kept");
    BOOST_TEST(str(api.login({.email_address = "ada@example.com", .password = "pw-1"}), "api_token") == r.token);
}

BOOST_AUTO_TEST_CASE(an_api_key_authenticates_until_its_account_goes_and_after_a_restart) {
    restart r;
    std::string bobs_token;
    const wh::account_id bobs_account{[&] {
        emulator first{{.data_file = r.file}};
        account ada(first, "keys-ada@example.com");
        account bob(first, "keys-bob@example.com");
        r.keep(ada);
        bobs_token = str(bob.session, "api_token");
        bob.api->delete_account(bob.id());
        // Gone with its account at once, while the other keys still work.
        BOOST_TEST(status_of([&] { return bob.api->with(wh::nothrow).get_account(bob.id()); }) == 401);
        BOOST_TEST(bool(r.client_of(first).with(wh::nothrow).get_account(r.account_id)));
        return bob.id();
    }()};

    // The data file's snapshot and journal give the keys back as they were.
    emulator second{{.data_file = r.file}};
    auto with_key = [&](const std::string& key) { return wh::client{key, {.base_url = second.base_url()}}; };
    BOOST_TEST(bool(r.client_of(second).with(wh::nothrow).get_account(r.account_id)));
    BOOST_TEST(status_of([&] { return with_key(bobs_token).with(wh::nothrow).get_account(bobs_account); }) == 401);
    // A key only like one, or a part of one, is no key.
    std::string altered = r.token;
    altered.back() = altered.back() == '0' ? '1' : '0';
    for (const std::string& wrong : {altered, r.token.substr(0, r.token.size() - 1), r.token + "0", std::string("key_")})
        BOOST_TEST(status_of([&] { return with_key(wrong).with(wh::nothrow).get_account(r.account_id); }) == 401, wrong);
    // An account made after the restart has a key that works.
    account carol(second, "keys-carol@example.com");
    BOOST_TEST(bool(carol.api->with(wh::nothrow).get_account(carol.id())));
}

BOOST_AUTO_TEST_CASE(a_delivery_pending_at_shutdown_is_made_after_the_restart) {
    temporary_directory dir;
    const auto file = dir.path / "state.json";
    loopback_server receiver;
    std::string token, account_id, message;
    {
        emulator first{{.data_file = file, .retry_interval_unit = 1ms}};
        first.hold_deliveries();
        delivery::pipeline p(first, receiver, {.name = "d", .endpoint_url = "-"}, "later@example.com");
        token = str(p.owner.session, "api_token");
        account_id = p.owner.id().str();
        message = std::string(p.send("x").at("outgoing_message_ids").at(0).as_string());
    }
    BOOST_TEST(receiver.requests().empty());

    emulator second{{.data_file = file, .retry_interval_unit = 1ms}};
    BOOST_REQUIRE(second.wait_for_deliveries());
    BOOST_TEST(receiver.requests().size() == 1u);
    wh::client api{token, {.base_url = second.base_url()}};
    BOOST_TEST(str(api.get_outgoing_message_status(wh::account_id{account_id}, wh::outgoing_message_id{message}), "status") ==
               "success");
}

BOOST_AUTO_TEST_CASE(a_corrupt_data_file_is_an_error_not_an_empty_state) {
    temporary_directory dir;
    const auto file = dir.path / "state.json";
    std::ofstream(file) << R"({"format":"webhooksio-emulator/1","records":[{"id":"BU1")";
    try {
        emulator broken{{.data_file = file}};
        BOOST_FAIL("a corrupt data file was accepted");
    } catch (const std::runtime_error& e) {
        BOOST_TEST(std::string(e.what()).find("corrupt") != std::string::npos);
    }
    BOOST_TEST(std::filesystem::file_size(file) > 0u);  // left as it was
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// Issue 12's emulator defects, each with the test that showed it.
BOOST_AUTO_TEST_SUITE(hardening)

using concurrency_and_persistence::restart;
using concurrency_and_persistence::temporary_directory;
using delivery::pipeline;

// The message's one outgoing message, as the API shows it.
json::value outgoing_of(const pipeline& p, const json::value& accepted) {
    const wh::outgoing_message_id id{std::string(accepted.at("outgoing_message_ids").at(0).as_string())};
    return p.owner.api->get_outgoing_message(p.owner.id(), id);
}

BOOST_AUTO_TEST_CASE(an_event_with_cr_lf_injects_no_header_and_smuggles_no_request) {
    emulator server{fast()};
    loopback_server receiver;
    pipeline p(server, receiver, {.name = "d", .endpoint_url = "-", .retry_count = 3, .retry_interval = 1}, "inject@example.com");

    const json::value accepted =
        p.send("order\r\nX-Injected: evil\r\nContent-Length: 0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: internal");
    BOOST_REQUIRE(server.wait_for_deliveries());

    for (const auto& request : receiver.requests()) {
        BOOST_TEST(!request.headers.contains("X-Injected"));
        BOOST_TEST(request.target != "/smuggled");
    }
    BOOST_TEST(receiver.requests().empty());  // refused, not sent with the header cut
    const json::value message = outgoing_of(p, accepted);
    BOOST_TEST(str(message, "status") == "failed");
    const auto& attempts = message.at("attempts").as_array();
    BOOST_REQUIRE(attempts.size() == 1u);  // a refusal is not retried
    BOOST_TEST(str(attempts[0], "error").find("CR, LF or NUL") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(settings_that_would_put_cr_lf_on_the_wire_are_400_naming_the_field) {
    emulator server{fast()};
    account owner(server, "settings@example.com");
    const auto acc = owner.id();
    const wh::bucket_id bucket{str(owner.api->create_bucket(acc, {.name = "b"}), "id")};
    const wh::input_id input{str(owner.api->create_input(acc, {.bucket_id = bucket, .name = "in"}), "id")};
    auto destination = [&](const wh::api::create_destination::options& o) {
        return field_of(owner.api->with(wh::nothrow).create_destination(acc, input, o));
    };
    BOOST_TEST(destination({.name = "d", .endpoint_url = "http://127.0.0.1:1/", .header_prefix = "X\r\nX-Injected: evil"}) == "header_prefix");
    BOOST_TEST(destination({.name = "d", .endpoint_url = "http://127.0.0.1:1/", .header_prefix = "Bad Name"}) == "header_prefix");
    BOOST_TEST(destination({.name = "d", .endpoint_url = "http://127.0.0.1:1/", .message_method = "POST /smuggled HTTP/1.1\r\nHost: x\r\n\r\nPOST"}) == "message_method");
    BOOST_TEST(destination({.name = "d", .endpoint_url = "http://127.0.0.1:1/", .message_method = "BREW"}) == "message_method");
    BOOST_TEST(destination({.name = "d", .endpoint_url = "http://127.0.0.1:1/", .headers_to_include = std::vector<std::string>{"X-Ok", "X-Bad\r\nX-Injected: 1"}}) ==
               "headers_to_include");
    BOOST_TEST(destination({.name = "d", .endpoint_url = "http://127.0.0.1:1/", .message_method = "PUT", .headers_to_include = std::vector<std::string>{"X-Ok"},
                            .header_prefix = "Shop"})
                   .empty());  // good settings pass

    const wh::destination_id made{str(owner.api->create_destination(acc, input, {.name = "d", .endpoint_url = "http://127.0.0.1:1/"}), "id")};
    BOOST_TEST(field_of(owner.api->with(wh::nothrow).update_destination(
                   acc, made, {.name = "d", .endpoint_url = "http://127.0.0.1:1/", .header_prefix = "A\nB"})) ==
               "header_prefix");
    BOOST_TEST(field_of(owner.api->with(wh::nothrow).create_input(acc, {.bucket_id = bucket, .name = "in2", .response_content_type = "text/plain\r\nSet-Cookie: a=b"})) == "response_content_type");
    // Any control character but tab, not only CR, LF and NUL (RFC 9110's field-value).
    BOOST_TEST(field_of(owner.api->with(wh::nothrow).create_input(acc, {.bucket_id = bucket, .name = "in3", .response_content_type = "text/plain\x0b"})) == "response_content_type");

    // A consumer's destination is checked the same way.
    const wh::application_id app{str(owner.api->create_application(acc, {.name = "Shop", .categories = std::vector<std::string>{"c"},
                                                                          .overview = "o", .description = "d", .homepage_url = "https://a",
                                                                          .api_url = "https://a/api", .logo_url = "https://a/l.png",
                                                                          .active = true}),
                                     "id")};
    const std::string version = str(owner.api->create_application_version(acc, app, {.key = "v1", .release_date = "2026-01-01",
                                                                                      .version_json = json::object{},
                                                                                      .examples_json = json::array{}, .active = true}),
                                    "id");
    owner.api->create_consumer(acc, app, {.consumer_id = wh::consumer_id{"c1"}, .bucket_key = wh::bucket_key{"main"}, .name = "C"});
    BOOST_TEST(field_of(owner.api->with(wh::nothrow).create_consumer_destination(
                   acc, app, wh::consumer_id{"c1"},
                   {.application_version_id = wh::application_version_id{version}, .name = "theirs", .bucket_key = wh::bucket_key{"main"},
                    .endpoint_url = "http://127.0.0.1:1/", .extra = {{"header_prefix", "X\r\nY"}}})) == "header_prefix");
}

BOOST_AUTO_TEST_CASE(response_code_retry_count_and_retry_interval_out_of_range_are_400_naming_the_field) {
    emulator server{fast()};
    account owner(server, "ranges@example.com");
    const auto acc = owner.id();
    const wh::bucket_id bucket{str(owner.api->create_bucket(acc, {.name = "b"}), "id")};
    for (long long code : {0LL, 99LL, 600LL, 99999LL})
        BOOST_TEST(field_of(owner.api->with(wh::nothrow).create_input(acc, {.bucket_id = bucket, .name = "in", .response_code = code})) ==
                   "response_code");
    const wh::input_id input{str(owner.api->create_input(acc, {.bucket_id = bucket, .name = "in", .response_code = 599}), "id")};
    BOOST_TEST(field_of(owner.api->with(wh::nothrow).update_input(acc, input, {.name = "in", .response_code = 0})) == "response_code");

    auto destination = [&](const wh::api::create_destination::options& o) {
        return field_of(owner.api->with(wh::nothrow).create_destination(acc, input, o));
    };
    BOOST_TEST(destination({.name = "d", .endpoint_url = "http://127.0.0.1:1/", .retry_count = 1'000'000'000}) == "retry_count");
    BOOST_TEST(destination({.name = "d", .endpoint_url = "http://127.0.0.1:1/", .retry_count = -1}) == "retry_count");
    BOOST_TEST(destination({.name = "d", .endpoint_url = "http://127.0.0.1:1/", .extra = {{"retry_interval", std::int64_t{1} << 62}}}) == "retry_interval");
    BOOST_TEST(destination({.name = "d", .endpoint_url = "http://127.0.0.1:1/", .retry_interval = -5}) == "retry_interval");
    BOOST_TEST(destination({.name = "d", .endpoint_url = "http://127.0.0.1:1/", .retry_count = 25, .retry_interval = 86'400}).empty());
}

BOOST_AUTO_TEST_CASE(an_update_cannot_take_another_users_email_address) {
    emulator server{fast()};
    account ada(server, "ada@example.com");
    account bob(server, "bob@example.com");
    const wh::user_id bobs_user{str(bob.session, "user_id")};

    const auto taken = bob.api->with(wh::nothrow).update_user(bob.id(), bobs_user,
                                            {.first_name = "B", .last_name = "B", .email_address = "ada@example.com", .timezone = "UTC"});
    BOOST_REQUIRE(!taken);
    BOOST_TEST(taken.error().diagnostics().status == 409);

    // Ada's login and reset are still hers.
    wh::client anonymous{"none", {.base_url = server.base_url()}};
    BOOST_TEST(str(anonymous.login({.email_address = "ada@example.com", .password = "pw-1"}), "user_id") == str(ada.session, "user_id"));
    const std::string key = str(anonymous.reset_password({.email_address = "ada@example.com"}), "password_change_key");
    BOOST_TEST(str(anonymous.lookup_password_change_key(wh::password_change_key{key}), "user_id") == str(ada.session, "user_id"));
    // Keeping one's own address is no conflict.
    BOOST_TEST(bool(bob.api->with(wh::nothrow).update_user(bob.id(), bobs_user,
                                         {.first_name = "B", .last_name = "B", .email_address = "bob@example.com", .timezone = "UTC"})));
}

BOOST_AUTO_TEST_CASE(an_email_address_names_one_user_whatever_its_case) {
    emulator server{fast()};
    account bob(server, "Bob@Example.io");
    const std::string bobs_user = str(bob.session, "user_id");
    wh::client anonymous{"none", {.base_url = server.base_url()}};

    // Registering, creating or renaming a user to the same address in another case is a conflict...
    const auto again = anonymous.with(wh::nothrow).register_account(registration("bob@example.IO"));
    BOOST_TEST((!again && again.error().diagnostics().status == 409));
    account ada(server, "ada@example.io");
    const auto created = ada.api->with(wh::nothrow).create_user(
        ada.id(), {.first_name = "B", .last_name = "B", .email_address = "BOB@EXAMPLE.IO", .password = "pw-2", .timezone = "UTC",
                    .permission_level = "admin", .notify = false});
    BOOST_TEST((!created && created.error().diagnostics().status == 409));
    const auto renamed = ada.api->with(wh::nothrow).update_user(ada.id(), wh::user_id{str(ada.session, "user_id")},
                                              {.first_name = "A", .last_name = "A", .email_address = "bob@EXAMPLE.io", .timezone = "UTC"});
    BOOST_TEST((!renamed && renamed.error().diagnostics().status == 409));

    // ...and logging in or resetting the password finds the user in any case.
    BOOST_TEST(str(anonymous.login({.email_address = "bob@example.io", .password = "pw-1"}), "user_id") == bobs_user);
    const std::string key = str(anonymous.reset_password({.email_address = "BOB@example.io"}), "password_change_key");
    BOOST_TEST(str(anonymous.lookup_password_change_key(wh::password_change_key{key}), "user_id") == bobs_user);
    // The address is kept as it was given; changing only its case is no conflict with oneself.
    BOOST_TEST(str(bob.api->get_user(bob.id(), wh::user_id{bobs_user}), "email_address") == "Bob@Example.io");
    BOOST_TEST(bool(bob.api->with(wh::nothrow).update_user(bob.id(), wh::user_id{bobs_user},
                                         {.first_name = "B", .last_name = "B", .email_address = "bob@example.io", .timezone = "UTC"})));
}

BOOST_AUTO_TEST_CASE(credentials_and_pseudo_headers_are_never_stored_nor_forwarded_whatever_their_case) {
    emulator server{fast()};
    loopback_server receiver;
    pipeline p(server, receiver,
               {.name = "d", .endpoint_url = "-",
                .headers_to_include = std::vector<std::string>{"authorization", "Cookie", "proxy-authorization", "x-custom",
                                                               "REMOTE_ADDR", "local_port"}},
               "headers@example.com");

    httplib::Client sender("127.0.0.1", server.port());
    const httplib::Headers sent{{"authorization", "Bearer secret-1"}, {"cookie", "session=secret-2"},
                                {"PROXY-AUTHORIZATION", "Basic secret-3"}, {"X-Custom", "kept"}};
    auto answer = sender.Post(("/v1/in/" + p.input.str()).c_str(), sent, R"({"type":"t"})", "application/json");
    BOOST_REQUIRE(answer);
    BOOST_REQUIRE(answer->status == 200);
    BOOST_REQUIRE(server.wait_for_deliveries());

    const auto delivered = receiver.last();
    BOOST_TEST(delivered.headers.find("X-Custom")->second == "kept");
    // (The receiver's own server adds REMOTE_ADDR and the like to what it captured.)
    for (std::string_view name : {"Authorization", "Cookie", "Proxy-Authorization"})
        BOOST_TEST(!delivered.headers.contains(std::string(name)), name);
    BOOST_TEST(delivered.headers.count("REMOTE_ADDR") == 1u);  // the receiver's, not a forwarded one

    const json::value accepted = json::parse(answer->body);
    const json::value incoming = p.owner.api->get_incoming_message(
        p.owner.id(), wh::incoming_message_id{str(accepted, "incoming_message_id")});
    const std::string stored = json::serialize(incoming.at("headers"));
    for (std::string_view secret : {"secret-1", "secret-2", "secret-3", "REMOTE_ADDR", "REMOTE_PORT", "LOCAL_ADDR", "LOCAL_PORT"})
        BOOST_TEST(stored.find(secret) == std::string::npos, secret);
    BOOST_TEST(stored.find("kept") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_body_over_max_body_is_413) {
    emulator server{{.retry_interval_unit = 1ms, .max_body = 4096}};
    account owner(server, "big@example.com");
    const wh::bucket_id bucket{str(owner.api->create_bucket(owner.id(), {.name = "b"}), "id")};
    const std::string input = str(owner.api->create_input(owner.id(), {.bucket_id = bucket, .name = "in"}), "id");
    httplib::Client sender("127.0.0.1", server.port());
    auto small = sender.Post(("/v1/in/" + input).c_str(), std::string(4000, 'x'), "text/plain");
    BOOST_REQUIRE(small);
    BOOST_TEST(small->status == 200);
    auto large = sender.Post(("/v1/in/" + input).c_str(), std::string(5000, 'x'), "text/plain");
    BOOST_REQUIRE(large);
    BOOST_TEST(large->status == 413);
    BOOST_TEST(json::parse(large->body).at("status").as_int64() == 413);  // JSON, like every error
}

BOOST_AUTO_TEST_CASE(of_a_huge_answer_only_the_start_is_read) {
    emulator server{fast()};
    constexpr std::size_t total = 64u << 20;
    std::atomic<std::size_t> written{0};
    loopback_server receiver([&](const httplib::Request&, httplib::Response& response) {
        response.set_chunked_content_provider("text/plain", [&](std::size_t offset, httplib::DataSink& sink) {
            static const std::string chunk(64 * 1024, 'a');
            if (offset >= total) {
                sink.done();
                return true;
            }
            if (!sink.write(chunk.data(), chunk.size())) return false;
            written += chunk.size();
            return true;
        });
    });
    pipeline p(server, receiver, {.name = "d", .endpoint_url = "-"}, "huge@example.com");
    const json::value accepted = p.send("x");
    BOOST_REQUIRE(server.wait_for_deliveries());

    const json::value message = outgoing_of(p, accepted);
    BOOST_TEST(str(message, "status") == "success");
    BOOST_TEST(str(message.at("attempts").at(0), "response_body") == std::string(2048, 'a'));
    // The emulator hung up after 2 KiB: the sender could not write it all
    // (what socket buffers took is far below the whole).
    BOOST_TEST(written.load() < total / 2);
}

// A receiver whose answers wait until the test lets them go.
struct stalling_receiver {
    stalling_receiver()
        : server([this](const httplib::Request&, httplib::Response& response) {
              arrived.count_down();
              gate.wait();
              response.set_content("{}", "application/json");
          }) {}
    ~stalling_receiver() { release(); }
    void release() {
        if (!released.exchange(true)) opened.set_value();
    }
    std::promise<void> opened;
    std::shared_future<void> gate = opened.get_future().share();
    std::atomic<bool> released{false};
    std::latch arrived{1};
    loopback_server server;
};

BOOST_AUTO_TEST_CASE(a_stalled_destination_does_not_delay_another_accounts_delivery) {
    emulator server{{.retry_interval_unit = 1ms, .delivery_timeout = 120s, .delivery_threads = 2}};
    stalling_receiver slow;
    pipeline stalled(server, slow.server, {.name = "d", .endpoint_url = "-", .retry_count = 0}, "slow@example.com");
    for (int i = 0; i < 4; ++i) stalled.send("x");  // more than there are delivery threads
    slow.arrived.wait();

    std::promise<void> arrived;
    loopback_server fast_receiver([&](const httplib::Request&, httplib::Response& response) {
        arrived.set_value();
        response.set_content("{}", "application/json");
    });
    pipeline other(server, fast_receiver, {.name = "d", .endpoint_url = "-"}, "fast@example.com");
    other.send("y");
    // A bound only so that a failure ends; the delivery needs nothing the slow one holds.
    BOOST_TEST((arrived.get_future().wait_for(60s) == std::future_status::ready));
    slow.release();
}

BOOST_AUTO_TEST_CASE(delivery_timeout_bounds_an_attempt_as_a_whole_not_each_read) {
    emulator server{{.retry_interval_unit = 1ms, .delivery_timeout = 300ms}};
    std::mutex mutex;
    std::condition_variable changed;
    bool released = false;
    loopback_server trickler([&](const httplib::Request&, httplib::Response& response) {
        // One byte every 50 ms: each read is quick, the whole never ends (until released).
        response.set_chunked_content_provider("text/plain", [&](std::size_t offset, httplib::DataSink& sink) {
            std::unique_lock lock(mutex);
            if (released || offset >= 2400) {
                sink.done();
                return true;
            }
            changed.wait_for(lock, 50ms, [&] { return released; });
            return sink.write("a", 1);
        });
    });
    pipeline p(server, trickler, {.name = "d", .endpoint_url = "-", .retry_count = 0}, "trickle@example.com");
    const json::value accepted = p.send("x");
    // The trickle lasts 2 minutes; the attempt ends at its timeout.
    BOOST_TEST(server.wait_for_deliveries(60s));
    {
        std::lock_guard lock(mutex);
        released = true;
    }
    changed.notify_all();
    const json::value message = outgoing_of(p, accepted);
    BOOST_TEST(str(message, "status") == "failed");
    BOOST_TEST(str(message.at("attempts").at(0), "error").find("timed out") != std::string::npos);
}

// The error the one attempt to deliver to `url` ends with.
std::string attempt_error(emulator& server, std::string url, std::string email) {
    pipeline p(std::move(url), {.name = "d", .endpoint_url = "-", .retry_count = 0}, account(server, std::move(email)));
    const json::value accepted = p.send("x");
    BOOST_REQUIRE(server.wait_for_deliveries(60s));
    const json::value message = outgoing_of(p, accepted);
    BOOST_TEST(str(message, "status") == "failed");
    return str(message.at("attempts").at(0), "error");
}

// A port on 127.0.0.1 that takes connections (the kernel completes them)
// and never answers: nothing accepts them.
struct silent_port {
    silent_port() {
        fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        BOOST_REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0);
        BOOST_REQUIRE(listen(fd, 8) == 0);
        BOOST_REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0);
        port = ntohs(address.sin_port);
    }
    ~silent_port() { close(fd); }
    int fd = -1;
    int port = 0;
};

BOOST_AUTO_TEST_CASE(a_refused_connection_says_so_with_the_address) {
    emulator server{fast()};
    const std::string error = attempt_error(server, "http://127.0.0.1:1/hook", "refused@example.com");
    BOOST_TEST(error == "connection refused by 127.0.0.1:1");
}

BOOST_AUTO_TEST_CASE(a_receiver_that_never_answers_times_out_with_the_address) {
    emulator server{{.retry_interval_unit = 1ms, .delivery_timeout = 300ms}};
    silent_port silent;
    const std::string address = "127.0.0.1:" + std::to_string(silent.port);
    const std::string error = attempt_error(server, "http://" + address + "/hook", "silent@example.com");
    BOOST_TEST(error.starts_with("timed out waiting for " + address), error);
    BOOST_TEST(error.find("delivery_timeout (300 ms)") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(https_to_a_plain_http_server_is_a_tls_failure_with_the_address) {
    emulator server{fast()};
    loopback_server plain;
    const std::string address = "127.0.0.1:" + std::to_string(plain.port());
    const std::string error = attempt_error(server, "https://" + address + "/hook", "tls@example.com");
    BOOST_TEST(error.starts_with("TLS handshake with " + address + " failed (is it an https server?)"), error);
}

// .invalid never resolves (RFC 6761): nothing is sent anywhere.
BOOST_AUTO_TEST_CASE(a_host_name_that_does_not_resolve_says_so) {
    emulator server{fast()};
    const std::string error = attempt_error(server, "http://receiver.invalid/hook", "dns@example.com");
    BOOST_TEST(error == "the host name receiver.invalid does not resolve (DNS lookup failed)");
}

BOOST_AUTO_TEST_CASE(stopping_cancels_an_attempt_under_way_which_a_restart_makes_again) {
    restart r;
    stalling_receiver slow;
    std::string message;
    auto first = std::make_unique<emulator>(wh::emulator_options{.data_file = r.file, .delivery_timeout = 120s});
    {
        pipeline p(*first, slow.server, {.name = "d", .endpoint_url = "-"}, "stop@example.com");
        r.keep(p.owner);
        message = std::string(p.send("x").at("outgoing_message_ids").at(0).as_string());
    }
    slow.arrived.wait();  // the attempt is under way
    auto stopped = std::async(std::launch::async, [&] { first.reset(); });
    // A bound only so that a failure ends: the attempt would last 120 s.
    BOOST_TEST((stopped.wait_for(60s) == std::future_status::ready));
    slow.release();
    stopped.wait();

    emulator second{{.data_file = r.file}};
    BOOST_REQUIRE(second.wait_for_deliveries());
    const json::value status = r.client_of(second).get_outgoing_message_status(r.account_id, wh::outgoing_message_id{message});
    BOOST_TEST(str(status, "status") == "success");
    BOOST_TEST(slow.server.requests().size() == 2u);  // the cancelled attempt, then the one after the restart
}

BOOST_AUTO_TEST_CASE(a_change_made_by_a_get_route_survives_a_restart) {
    restart r;
    {
        emulator first{{.data_file = r.file}};
        account ada(first, "verify@example.com");
        r.keep(ada);
        const std::string key = str(ada.api->resend_verification_email(ada.id(), r.user_id), "email_verification_key");  // a GET
        BOOST_TEST(ada.api->verify_email_address(wh::email_verification_key{key}).at("verified").as_bool());  // a GET
    }
    emulator second{{.data_file = r.file}};
    BOOST_TEST(r.client_of(second).get_user(r.account_id, r.user_id).at("verified").as_bool());
}

BOOST_AUTO_TEST_CASE(the_data_file_is_private_and_holds_no_plain_or_unsalted_password) {
    temporary_directory dir;
    const auto file = dir.path / "state.json";
    {
        emulator first{{.data_file = file}};
        account a(first, "one@example.com");
        account b(first, "two@example.com");  // the same password
    }
    const auto permissions = std::filesystem::status(file).permissions();
    BOOST_TEST(static_cast<unsigned>(permissions & std::filesystem::perms::all) == 0600u);
    std::ifstream in(file);
    const std::string text{std::istreambuf_iterator<char>(in), {}};
    BOOST_TEST(text.find("pw-1") == std::string::npos);
    BOOST_TEST(text.find("pbkdf2-sha256$") != std::string::npos);
    // Salted: the same password hashes differently.
    std::vector<std::string> hashes;
    for (std::size_t at = text.find("pbkdf2-sha256$"); at != std::string::npos; at = text.find("pbkdf2-sha256$", at + 1))
        hashes.push_back(text.substr(at, text.find('"', at) - at));
    BOOST_REQUIRE(hashes.size() == 2u);
    BOOST_TEST(hashes[0] != hashes[1]);

    emulator second{{.data_file = file}};
    wh::client anonymous{"none", {.base_url = second.base_url()}};
    BOOST_TEST(bool(anonymous.with(wh::nothrow).login({.email_address = "two@example.com", .password = "pw-1"})));
    BOOST_TEST(!anonymous.with(wh::nothrow).login({.email_address = "two@example.com", .password = "pw-2"}));
}

BOOST_AUTO_TEST_CASE(a_write_adds_what_it_changed_not_the_whole_state) {
    restart r;
    const std::filesystem::path wal = r.file.string() + "-wal";
    auto written = [&] { return std::filesystem::file_size(r.file) + std::filesystem::file_size(wal); };
    std::string bucket;
    {
        emulator first{{.data_file = r.file}};
        account ada(first, "journal@example.com");
        r.keep(ada);
        const std::string big_bucket = str(ada.api->create_bucket(ada.id(), {.name = std::string(200'000, 'b')}), "id");
        const auto before = written();
        bucket = str(ada.api->create_bucket(ada.id(), {.name = "small"}), "id");
        // The WAL gains the pages the new row and its indexes touched, far less than the 200 KB state.
        BOOST_TEST(written() - before < 64'000u);
        ada.api->delete_bucket(ada.id(), wh::bucket_id{big_bucket});
    }
    emulator second{{.data_file = r.file}};
    const json::array buckets = r.client_of(second).get_buckets(r.account_id).as_array();
    BOOST_REQUIRE(buckets.size() == 1u);
    BOOST_TEST(str(buckets[0], "id") == bucket);
}

// update_user neither verifies an address (only the key sent to it does)
// nor gives an unverified user a permission level.
BOOST_AUTO_TEST_CASE(update_user_neither_verifies_nor_grants_without_the_key) {
    emulator server{fast()};
    account owner(server, "verifier@example.com");
    const auto acc = owner.id();
    const wh::user_id grace{str(owner.api->create_user(acc, {.first_name = "Grace", .last_name = "Hopper",
                                                             .email_address = "grace@example.com", .password = "pw-2",
                                                             .timezone = "UTC", .permission_level = "user", .notify = false}),
                                "id")};
    auto update = [&](std::string permission, wh::extra_options extra = {}) {
        return owner.api->with(wh::nothrow).update_user(acc, grace, {.first_name = "Grace", .last_name = "Hopper", .email_address = "grace@example.com",
                                                   .timezone = "UTC", .permission_level = std::move(permission),
                                                   .extra = std::move(extra)});
    };
    BOOST_TEST(field_of(update("user", {{"verified", true}})) == "verified");
    BOOST_TEST(field_of(update("admin")) == "permission_level");
    json::value user = owner.api->get_user(acc, grace);
    BOOST_TEST(!user.at("verified").as_bool());
    BOOST_TEST(str(user, "permission_level") == "user");

    // With the key sent to the address, it is verified; then a permission level can be given.
    const std::string key = str(owner.api->resend_verification_email(acc, grace), "email_verification_key");
    wh::client anonymous{"none", {.base_url = server.base_url()}};
    anonymous.verify_email_address(wh::email_verification_key{key});
    BOOST_TEST(bool(update("admin")));
    user = owner.api->get_user(acc, grace);
    BOOST_TEST(user.at("verified").as_bool());
    BOOST_TEST(str(user, "permission_level") == "admin");
}

BOOST_AUTO_TEST_CASE(the_embedded_view_escapes_the_consumer_id) {
    emulator server{fast()};
    account owner(server, "embedded@example.com");
    const auto acc = owner.id();
    const wh::application_id app{str(owner.api->create_application(
                                         acc, {.name = "Shop", .categories = std::vector<std::string>{"c"}, .overview = "o",
                                               .description = "d", .homepage_url = "https://a", .api_url = "https://a/api",
                                               .logo_url = "https://a/l.png", .active = true}),
                                     "id")};
    const wh::consumer_id hostile{"\"><script>alert('x')</script>"};
    owner.api->create_consumer(acc, app, {.consumer_id = hostile, .bucket_key = wh::bucket_key{"main"}, .name = "C"});
    const std::string html = str(owner.api->get_embedded_view_html(acc, app, hostile), "html");
    BOOST_TEST(html.find("<script>") == std::string::npos, html);
    BOOST_TEST(html.find("&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos, html);
}

// With --deny-private-destinations, a destination or dynamic route to the
// emulator's own machine or network is refused when it is set, and a name
// that resolves to such an address when it is delivered to. Without the
// option the same name is delivered to.
BOOST_AUTO_TEST_CASE(private_destinations_are_refused_when_denied) {
    loopback_server receiver;
    // A name, not an address: the resolver reads 2130706433 as 127.0.0.1.
    const std::string loopback_name = "http://2130706433:" + std::to_string(receiver.port()) + "/hook";
    for (const bool deny : {false, true}) {
        BOOST_TEST_CONTEXT("deny_private_destinations " << deny) {
            wh::emulator_options options = fast();
            options.deny_private_destinations = deny;
            emulator server{options};
            account owner(server, "private-" + std::to_string(deny) + "@example.com");
            const auto acc = owner.id();
            const wh::bucket_id bucket{str(owner.api->create_bucket(acc, {.name = "b"}), "id")};
            const wh::input_id input{str(owner.api->create_input(acc, {.bucket_id = bucket, .name = "in"}), "id")};
            if (deny) {
                for (const char* url : {"http://127.0.0.1:1/", "http://10.1.2.3/", "http://192.168.0.1/", "http://172.16.5.4/",
                                        "http://169.254.169.254/latest", "http://0.0.0.0/", "http://[::1]:8080/",
                                        "http://[::ffff:127.0.0.1]/", "http://[fd00::1]/", "http://localhost:8080/"}) {
                    BOOST_TEST_CONTEXT(url) {
                        BOOST_TEST(field_of(owner.api->with(wh::nothrow).create_destination(acc, input, {.name = "d", .endpoint_url = url})) == "endpoint_url");
                        BOOST_TEST(field_of(owner.api->with(wh::nothrow).send_dynamic_input_request(input, wh::target_url{url})) ==
                                   "target_url");
                    }
                }
            }
            const wh::destination_id named{
                str(owner.api->create_destination(acc, input, {.name = "named", .endpoint_url = loopback_name, .retry_count = 0}), "id")};
            if (deny)
                BOOST_TEST(field_of(owner.api->with(wh::nothrow).update_destination(acc, named, {.name = "named", .endpoint_url = "http://10.0.0.1/"})) == "endpoint_url");
            const std::size_t before = receiver.requests().size();
            const json::value accepted = owner.api->send_input_request(wh::input_name{"in"}, input);
            BOOST_REQUIRE(server.wait_for_deliveries());
            const json::value message = owner.api->get_outgoing_message(
                acc, wh::outgoing_message_id{std::string(accepted.at("outgoing_message_ids").at(0).as_string())});
            if (deny) {
                BOOST_TEST(receiver.requests().size() == before);
                BOOST_TEST(str(message, "status") == "failed");
                const json::value& attempt = message.at("attempts").at(0);
                BOOST_TEST(str(attempt, "error").find("resolves to a private or loopback address") != std::string::npos,
                           str(attempt, "error"));
            } else {
                BOOST_TEST(receiver.requests().size() == before + 1);
                BOOST_TEST(str(message, "status") == "success");
            }
        }
    }
}

// The parent account may use its sub-account's resources; the sub-account,
// with its own key, may not use its parent's.
BOOST_AUTO_TEST_CASE(a_parent_reaches_its_sub_account_and_not_the_other_way) {
    emulator server{fast()};
    account parent(server, "parent@example.com");
    const wh::bucket_id parents_bucket{str(parent.api->create_bucket(parent.id(), {.name = "parent's"}), "id")};
    const wh::account_id sub{str(parent.api->create_sub_account(parent.id(), {.name = "Branch"}), "id")};

    const wh::bucket_id subs_bucket{str(parent.api->create_bucket(sub, {.name = "branch's"}), "id")};
    BOOST_TEST(parent.api->get_buckets(sub).as_array().size() == 1u);
    BOOST_TEST(str(parent.api->get_bucket(sub, subs_bucket), "name") == "branch's");
    BOOST_TEST(str(parent.api->get_account(sub), "id") == sub.str());

    // The sub-account's own key, through a user of its own.
    const wh::user_id clerk{str(parent.api->create_user(sub, {.first_name = "C", .last_name = "C", .email_address = "clerk@example.com",
                                                              .password = "pw-2", .timezone = "UTC", .permission_level = "user",
                                                              .notify = false}),
                                "id")};
    wh::client branch{str(parent.api->get_api_token(sub, clerk), "api_token"), {.base_url = server.base_url()}};
    BOOST_TEST(str(branch.get_bucket(sub, subs_bucket), "name") == "branch's");
    BOOST_TEST(status_of([&] { return branch.with(wh::nothrow).get_account(parent.id()); }) == 403);
    BOOST_TEST(status_of([&] { return branch.with(wh::nothrow).get_buckets(parent.id()); }) == 403);
    BOOST_TEST(status_of([&] { return branch.with(wh::nothrow).get_bucket(parent.id(), parents_bucket); }) == 403);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// webhooksio::model: each struct read from the emulator's real answer, and
// the tolerant conversion of described structs.

// Boost.Test prints the operands of a failed check, but not a std::optional:
// its printer hook, boost_test_print_type, is found by argument-dependent
// lookup, which for std::optional<int> looks in std only. The optionals these
// tests compare are compared unprinted, through Boost.Test's public macro.
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::optional<bool>)
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::optional<int>)
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::optional<std::string>)
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::optional<wh::account_id>)
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::optional<wh::attempt_id>)
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::optional<wh::bucket_id>)
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::optional<wh::destination_id>)
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::optional<wh::incoming_message_id>)
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::optional<wh::input_id>)
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::optional<wh::outgoing_message_id>)
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::optional<wh::plan_id>)
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::optional<wh::user_id>)

// A user's own described struct, opted in to the tolerant conversion.
namespace shop {
struct order {
    std::string id;
    int total = 0;
    std::optional<std::string> note;
    std::vector<std::string> tags;
};
BOOST_DESCRIBE_STRUCT(order, (), (id, total, note, tags))
using webhooksio::tolerant::tag_invoke;
}  // namespace shop

// The same struct without the opt-in: Boost.JSON's own strict conversion.
namespace strict {
struct order {
    std::string id;
    int total = 0;
};
BOOST_DESCRIBE_STRUCT(order, (), (id, total))
}  // namespace strict

BOOST_AUTO_TEST_SUITE(models)

BOOST_AUTO_TEST_CASE(missing_fields_keep_their_defaults_and_unknown_fields_are_ignored) {
    // Boost.JSON 1.81 alone wants every member and nothing else.
    BOOST_TEST(json::try_value_to<strict::order>(json::parse(R"({"id":"O1"})")).has_error());
    BOOST_TEST(json::try_value_to<strict::order>(json::parse(R"({"id":"O1","total":3,"new":1})")).has_error());

    const auto o = json::value_to<shop::order>(json::parse(R"({"id":"O1","currency":"EUR","tags":"a,b"})"));
    BOOST_TEST(o.id == "O1");
    BOOST_TEST(o.total == 0);
    BOOST_TEST(!o.note);
    BOOST_TEST(o.tags == (std::vector<std::string>{"a", "b"}));
    BOOST_TEST(json::value_to<shop::order>(json::parse(R"({"note":null,"tags":[]})")).id.empty());
    BOOST_TEST(json::value_to<shop::order>(json::parse(R"({"note":"gift"})")).note == "gift");
    // The way back: empty optionals are left out, lists are the API's text.
    BOOST_TEST(json::value_from(o) == json::parse(R"({"id":"O1","total":0,"tags":"a,b"})"));

    // A model: an answer with fields of the future and without most of today's.
    const auto b = json::value_to<wh::model::bucket>(json::parse(
        R"({"id":"BU1","name":"orders","colour":"blue","stats":{"n":1},"inputs":[{"id":"IN1","later":[]}]})"));
    BOOST_TEST(b.id == wh::bucket_id{"BU1"});
    BOOST_TEST(b.name == "orders");
    BOOST_TEST(!b.account_id);
    BOOST_TEST(!b.key);
    BOOST_TEST(b.created_at.empty());
    BOOST_REQUIRE(b.inputs);
    BOOST_TEST(b.inputs->at(0).id == wh::input_id{"IN1"});
    BOOST_TEST(b.inputs->at(0).event_filters.empty());
}

BOOST_AUTO_TEST_CASE(a_field_of_the_wrong_type_is_an_error_not_a_default) {
    BOOST_TEST(json::try_value_to<shop::order>(json::parse(R"({"total":"three"})")).error() ==
               json::error::not_number);
    BOOST_TEST(json::try_value_to<wh::model::bucket>(json::parse(R"({"id":7})")).error() == json::error::not_string);
    BOOST_TEST(json::try_value_to<wh::model::bucket>(json::parse(R"(["BU1"])")).error() == json::error::not_object);
    BOOST_CHECK_THROW(json::value_to<wh::model::incoming_message>(json::parse(R"({"outgoing_message_ids":[1]})")),
                      boost::system::system_error);
}

BOOST_AUTO_TEST_CASE(value_to_names_the_field_of_the_wrong_type) {
    // The message value_to throws up to Boost's "[boost.json:N]", or "" when it converts.
    auto message = [](auto convert) -> std::string {
        try {
            convert();
        } catch (const boost::system::system_error& e) {
            const std::string what = e.what();
            return what.substr(0, what.rfind(" [boost.json:"));
        }
        return "";
    };
    BOOST_TEST(message([] { json::value_to<wh::model::bucket>(json::parse(R"({"id":"BU1","name":7})")); }) ==
               "bucket.name (a number): value is not a string");
    // Inside lists and structs of structs, and in a list of IDs, by its path.
    BOOST_TEST(message([] { json::value_to<wh::model::bucket>(json::parse(R"({"inputs":[{"id":"IN1"},{"name":true}]})")); }) ==
               "bucket.inputs[1].name (a boolean): value is not a string");
    BOOST_TEST(message([] {
                   json::value_to<wh::model::bucket>(
                       json::parse(R"({"inputs":[{"destinations":[{"id":"OU1"},{"retry_interval":"soon"}]}]})"));
               }) == "bucket.inputs[0].destinations[1].retry_interval (a string): not a number");
    BOOST_TEST(message([] { json::value_to<wh::model::incoming_message>(json::parse(R"({"outgoing_message_ids":["OM1",2]})")); }) ==
               "incoming_message.outgoing_message_ids[1] (a number): value is not a string");
    BOOST_TEST(message([] { json::value_to<wh::model::session>(json::parse(R"({"user":{"verified":"yes"}})")); }) ==
               "session.user.verified (a string): value is not boolean");
    BOOST_TEST(message([] { json::value_to<wh::model::bucket>(json::parse(R"(["BU1"])")); }) ==
               "bucket (an array): value is not an object");
    // A struct of one's own says the same.
    BOOST_TEST(message([] { json::value_to<shop::order>(json::parse(R"({"total":"three"})")); }) ==
               "order.total (a string): not a number");
    // The error is still the code try_value_to returns.
    try {
        json::value_to<wh::model::bucket>(json::parse(R"({"name":7})"));
    } catch (const boost::system::system_error& e) {
        BOOST_TEST(e.code() == json::error::not_string);
    }
}

namespace model = wh::model;

// An input with a destination at `receiver`, and one webhook through it,
// delivered at the second attempt.
struct delivered_once {
    emulator server{fast()};
    std::atomic<int> arrivals{0};
    loopback_server receiver{[this](const httplib::Request&, httplib::Response& response) {
        response.status = ++arrivals == 1 ? 500 : 200;
        response.set_content("thanks", "text/plain");
    }};
    delivery::pipeline p{server, receiver, {.name = "d", .endpoint_url = "-", .retry_count = 3, .retry_interval = 1},
                         "models@example.com"};
    json::value accepted = p.send("order.created");
    bool delivered = server.wait_for_deliveries();
    wh::account_id acc = p.owner.id();
    wh::incoming_message_id incoming{str(accepted, "incoming_message_id")};
    wh::outgoing_message_id outgoing{std::string(accepted.at("outgoing_message_ids").at(0).as_string())};
};

BOOST_AUTO_TEST_CASE(a_session_and_an_account) {
    emulator server;
    account owner(server, "session@example.com");
    const auto session = json::value_to<model::session>(owner.session);
    BOOST_TEST(session.account_id == owner.id());
    BOOST_TEST(session.api_token.size() >= 12u);
    BOOST_TEST(session.account.id == owner.id());
    BOOST_TEST(session.user.id == session.user_id);
    BOOST_TEST(session.user.email_address == "session@example.com");

    const auto a = json::value_to<model::account>(owner.api->get_account(owner.id()));
    BOOST_TEST(a.id == owner.id());
    BOOST_TEST(a.name == "Ada Lovelace");
    BOOST_TEST(a.plan_id == wh::plan_id{"free"});
    BOOST_TEST(!a.parent_account_id);
    BOOST_TEST(!a.created_at.empty());
    const auto sub = json::value_to<model::account>(
        owner.api->create_sub_account(owner.id(), {.name = "shop", .account_key = "ext-7"}));
    BOOST_TEST(sub.name == "shop");
    BOOST_TEST(sub.account_key == "ext-7");
    BOOST_TEST(sub.parent_account_id == owner.id());
    BOOST_TEST(sub.id != owner.id());
}

BOOST_AUTO_TEST_CASE(a_user) {
    emulator server;
    account owner(server, "owner@example.com");
    const auto u = json::value_to<model::user>(owner.api->create_user(
        owner.id(), {.first_name = "Grace", .last_name = "Hopper", .email_address = "grace@example.com",
                     .password = "pw-2", .timezone = "Europe/London", .permission_level = "admin", .notify = false}));
    BOOST_REQUIRE(u.id);
    BOOST_TEST(u.account_id == owner.id());
    BOOST_TEST(u.first_name == "Grace");
    BOOST_TEST(u.last_name == "Hopper");
    BOOST_TEST(u.email_address == "grace@example.com");
    BOOST_TEST(u.timezone == "Europe/London");
    BOOST_TEST(u.permission_level == "admin");
    BOOST_TEST(!u.verified);
    BOOST_TEST(json::value_to<model::user>(owner.api->get_user(owner.id(), *u.id)).email_address == u.email_address);
}

BOOST_FIXTURE_TEST_CASE(the_gateway_s_answer, delivered_once) {
    const auto answer = json::value_to<model::gateway_answer>(accepted);
    BOOST_TEST(answer.incoming_message_id == incoming);
    BOOST_TEST(answer.outgoing_message_ids == std::vector<wh::outgoing_message_id>{outgoing});
    // The IDs are the next calls' arguments.
    BOOST_TEST(json::value_to<model::incoming_message>(p.owner.api->get_incoming_message(acc, *answer.incoming_message_id))
                   .outgoing_message_ids == answer.outgoing_message_ids);
}

BOOST_FIXTURE_TEST_CASE(a_bucket_expanded_with_its_input_and_destination, delivered_once) {
    const auto made = json::value_to<model::bucket>(p.owner.api->create_bucket(acc, {.name = "orders", .key = "k-1"}));
    BOOST_REQUIRE(made.id);
    BOOST_TEST(made.account_id == acc);
    BOOST_TEST(made.name == "orders");
    BOOST_TEST(made.key == "k-1");
    BOOST_TEST(!made.inputs);  // not expanded

    const auto first = json::value_to<std::vector<model::bucket>>(p.owner.api->get_buckets(acc, {.expand = true}));
    BOOST_REQUIRE(first.size() == 2u);
    BOOST_REQUIRE(first[0].inputs);
    BOOST_REQUIRE(first[0].inputs->size() == 1u);
    BOOST_TEST(first[0].inputs->front().id == p.input);
    BOOST_REQUIRE(first[0].inputs->front().destinations);
    BOOST_TEST(first[0].inputs->front().destinations->at(0).id == p.target);
}

BOOST_AUTO_TEST_CASE(an_input) {
    emulator server;
    account owner(server, "input@example.com");
    const auto bucket = json::value_to<model::bucket>(owner.api->create_bucket(owner.id(), {.name = "b"}));
    const auto in = json::value_to<model::input>(owner.api->create_input(
        owner.id(), {.bucket_id = wh::bucket_id{bucket.id->str()}, .name = "orders", .event_location = "header",
                     .event_path = "X-Event", .event_filters = std::vector<std::string>{"a.b", "c"},
                     .response_code = 202, .type = "static"}));
    BOOST_REQUIRE(in.id);
    BOOST_TEST(in.bucket_id == bucket.id);
    BOOST_TEST(in.name == "orders");
    BOOST_TEST(in.url == server.base_url() + "/v1/orders/" + in.id->str());
    BOOST_TEST(in.event_location == "header");
    BOOST_TEST(in.event_path == "X-Event");
    BOOST_TEST(in.event_filters == (std::vector<std::string>{"a.b", "c"}));
    BOOST_TEST(in.response_code == 202);
    BOOST_TEST(in.type == "static");
    BOOST_TEST(!in.response_content);
    BOOST_TEST(!in.destinations);
}

BOOST_FIXTURE_TEST_CASE(a_destination, delivered_once) {
    const auto d = json::value_to<model::destination>(p.owner.api->create_destination(
        acc, p.input,
        {.name = "crm", .endpoint_url = "http://127.0.0.1:9/crm", .message_method = "PUT", .retry_count = 4,
         .retry_interval = 30, .verify_ssl = false, .headers_to_include = std::vector<std::string>{"X-A", "X-B"},
         .header_prefix = "Shop", .rate_limit = 10}));
    BOOST_REQUIRE(d.id);
    BOOST_TEST(d.input_id == p.input);
    BOOST_TEST(d.name == "crm");
    BOOST_TEST(d.endpoint_url == "http://127.0.0.1:9/crm");
    BOOST_TEST(d.message_method == "PUT");
    BOOST_TEST(d.retry_count == 4);
    BOOST_TEST(d.retry_interval == 30);
    BOOST_TEST(d.verify_ssl == false);
    BOOST_TEST(d.headers_to_include == (std::vector<std::string>{"X-A", "X-B"}));
    BOOST_TEST(d.header_prefix == "Shop");
    BOOST_TEST(d.rate_limit == 10);
    BOOST_TEST(d.event_filters.empty());
    BOOST_TEST(!d.status);
}

BOOST_FIXTURE_TEST_CASE(an_incoming_message_with_its_outgoing_messages, delivered_once) {
    BOOST_REQUIRE(delivered);
    const auto m = json::value_to<model::incoming_message>(
        p.owner.api->get_incoming_message(acc, incoming, {.include_outgoing_messages = true}));
    BOOST_TEST(m.id == incoming);
    BOOST_TEST(m.account_id == acc);
    BOOST_TEST(m.input_id == p.input);
    BOOST_TEST(m.bucket_id.has_value());
    BOOST_TEST(m.method == "POST");
    BOOST_TEST(m.body == R"({"type":"order.created"})");
    BOOST_TEST(m.event == "order.created");
    BOOST_TEST(m.headers.contains("Content-Type"));
    BOOST_TEST(!m.headers.contains("Authorization"));
    BOOST_TEST(m.outgoing_message_ids == std::vector<wh::outgoing_message_id>{outgoing});
    BOOST_REQUIRE(m.outgoing_messages);
    BOOST_REQUIRE(m.outgoing_messages->size() == 1u);
    BOOST_TEST(m.outgoing_messages->front().id == outgoing);
    BOOST_TEST(!json::value_to<model::incoming_message>(p.owner.api->get_incoming_message(acc, incoming)).outgoing_messages);
}

BOOST_FIXTURE_TEST_CASE(an_outgoing_message_with_its_attempts, delivered_once) {
    BOOST_REQUIRE(delivered);
    const auto m = json::value_to<model::outgoing_message>(p.owner.api->get_outgoing_message(acc, outgoing));
    BOOST_TEST(m.id == outgoing);
    BOOST_TEST(m.account_id == acc);
    BOOST_TEST(m.incoming_message_id == incoming);
    BOOST_TEST(m.destination_id == p.target);
    BOOST_TEST(m.endpoint_url == receiver.base_url() + "/hook");
    BOOST_TEST(m.event == "order.created");
    BOOST_TEST(m.status == "success");
    BOOST_TEST(m.attempt_count == 2);
    BOOST_REQUIRE(m.attempts.size() == 2u);
    BOOST_TEST(m.attempts[0].http_status == 500);
    BOOST_TEST(m.attempts[1].http_status == 200);
}

BOOST_FIXTURE_TEST_CASE(an_attempt, delivered_once) {
    BOOST_REQUIRE(delivered);
    const auto m = json::value_to<model::outgoing_message>(p.owner.api->get_outgoing_message(acc, outgoing));
    BOOST_REQUIRE(m.attempts.size() == 2u);
    BOOST_REQUIRE(m.attempts[1].id);
    const auto a = json::value_to<model::attempt>(p.owner.api->get_outgoing_message_attempt(acc, *m.attempts[1].id));
    BOOST_TEST(a.id == m.attempts[1].id);
    BOOST_TEST(a.outgoing_message_id == outgoing);
    BOOST_TEST(a.number == 2);
    BOOST_TEST(a.http_status == 200);
    BOOST_TEST(a.response_body == "thanks");
    BOOST_TEST(a.error.empty());
    BOOST_TEST(!a.started_at.empty());
    BOOST_TEST(a.duration_ms >= 0);
}

BOOST_FIXTURE_TEST_CASE(log_entries, delivered_once) {
    BOOST_REQUIRE(delivered);
    const auto log = json::value_to<std::vector<model::log_entry>>(p.owner.api->get_request_log(acc));
    BOOST_REQUIRE(log.size() == 3u);  // the webhook in, and two attempts out
    BOOST_TEST(log[0].direction == "incoming");
    BOOST_TEST(log[0].method == "POST");
    BOOST_TEST(log[0].input_id == p.input);
    BOOST_TEST(log[0].incoming_message_id == incoming);
    BOOST_TEST(!log[0].attempt);
    BOOST_TEST(log[2].direction == "outgoing");
    BOOST_TEST(log[2].http_status == 200);
    BOOST_TEST(log[2].attempt == 2);
    BOOST_TEST(log[2].destination_id == p.target);
    BOOST_TEST(log[2].outgoing_message_id == outgoing);
    BOOST_TEST(log[2].url == receiver.base_url() + "/hook");
    BOOST_TEST(!log[2].id.empty());
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// Compatibility with existing clients and the API docs' curl examples: raw
// HTTP on a socket of the test's own, exactly as curl sends it.
BOOST_AUTO_TEST_SUITE(compatibility)

namespace {

// One connection to the emulator; its reads give up after 10 s (a guard
// against a hang, not a timing).
class raw_connection {
public:
    explicit raw_connection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        int yes = 1;
        ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
        timeval guard{10, 0};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &guard, sizeof guard);
        ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &guard, sizeof guard);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        BOOST_REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    }
    ~raw_connection() { ::close(fd_); }
    raw_connection(const raw_connection&) = delete;
    raw_connection& operator=(const raw_connection&) = delete;

    void send(std::string_view text) { BOOST_REQUIRE(try_send(text)); }
    // false once the emulator closed the connection (or the guard ran out).
    bool try_send(std::string_view text) { return ::send(fd_, text.data(), text.size(), MSG_NOSIGNAL) == ssize_t(text.size()); }
    // Has the emulator closed the connection? Looks without waiting.
    bool closed_by_peer() {
        char byte;
        const ssize_t n = ::recv(fd_, &byte, 1, MSG_DONTWAIT | MSG_PEEK);
        return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
    }

    // One whole answer: its head and the Content-Length bytes after it ("" when the connection ended first).
    std::string answer(bool head = false) {
        std::string in;
        char buffer[4096];
        for (;;) {
            if (auto head_end = in.find("\r\n\r\n"); head_end != std::string::npos) {
                const auto at = in.find("Content-Length: ");
                const std::size_t length = at == std::string::npos || head ? 0 : std::stoul(in.substr(at + 16));
                if (in.size() >= head_end + 4 + length) return in;
            }
            const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
            if (n <= 0) return {};
            in.append(buffer, static_cast<std::size_t>(n));
        }
    }

private:
    int fd_;
};

// One request on a connection of its own.
std::string round_trip(const emulator& server, std::string_view request) {
    raw_connection c(server.port());
    c.send(request);
    return c.answer(request.starts_with("HEAD "));
}

int status_in(const std::string& answer) { return answer.size() > 12 ? std::stoi(answer.substr(9, 3)) : 0; }
bool has_line(const std::string& answer, std::string_view line) {
    return answer.find(std::string("\r\n") + std::string(line) + "\r\n") != std::string::npos;
}
std::string body_of(const std::string& answer) { return answer.substr(answer.find("\r\n\r\n") + 4); }

}  // namespace

BOOST_AUTO_TEST_CASE(the_docs_curl_examples_work_as_raw_http) {
    emulator server(fast());
    account a(server, "curl@example.com");
    const std::string key = str(a.session, "api_token");
    const std::string accounts = "/v1/accounts/" + a.id().str();

    // curl -H "Authorization: Bearer KEY" .../buckets, and the same with ?_token=KEY
    auto bearer = round_trip(server, "GET " + accounts + "/buckets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key + "\r\n\r\n");
    BOOST_TEST(status_in(bearer) == 200);
    auto token = round_trip(server, "GET " + accounts + "/buckets?_token=" + key + " HTTP/1.1\r\nHost: x\r\n\r\n");
    BOOST_TEST(status_in(token) == 200);
    // the scheme in any case (RFC 9110)
    BOOST_TEST(status_in(round_trip(server, "GET " + accounts + " HTTP/1.1\r\nHost: x\r\nAuthorization: bearer " + key + "\r\n\r\n")) == 200);

    // curl -X POST url: no body, no Content-Length, answered at once (the guard is 10 s; a stall was 5 s then 400)
    auto bodiless = round_trip(server, "POST " + accounts + "/buckets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key + "\r\n\r\n");
    BOOST_TEST(status_in(bodiless) == 400);  // served: the handler names the missing option
    BOOST_TEST(body_of(bodiless).find("missing required option(s): name") != std::string::npos);

    // CORS preflight, and the origin on a plain answer
    auto preflight = round_trip(server, "OPTIONS " + accounts + "/buckets HTTP/1.1\r\nHost: x\r\nOrigin: https://app.example\r\n"
                                      "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: authorization, content-type\r\n\r\n");
    BOOST_TEST(status_in(preflight) / 100 == 2);
    BOOST_TEST(has_line(preflight, "Access-Control-Allow-Origin: *"));
    BOOST_TEST(preflight.find("Access-Control-Allow-Methods: GET, HEAD, POST") != std::string::npos);
    BOOST_TEST(has_line(preflight, "Access-Control-Allow-Headers: Authorization, Content-Type"));
    BOOST_TEST(has_line(round_trip(server, "GET /v1/health HTTP/1.1\r\nHost: x\r\nOrigin: https://app.example\r\n\r\n"),
                        "Access-Control-Allow-Origin: *"));
    BOOST_TEST(has_line(round_trip(server, "GET /v1/nothing HTTP/1.1\r\nHost: x\r\nOrigin: https://app.example\r\n\r\n"),
                        "Access-Control-Allow-Origin: *"));  // errors too

    // repeated slashes, absolute form
    BOOST_TEST(status_in(round_trip(server, "GET //v1/health HTTP/1.1\r\nHost: x\r\n\r\n")) == 200);
    BOOST_TEST(status_in(round_trip(server, "GET ///v1//health HTTP/1.1\r\nHost: x\r\n\r\n")) == 200);
    BOOST_TEST(status_in(round_trip(server, "GET http://localhost/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")) == 200);

    // a known route with another method: 405 and Allow
    auto wrong = round_trip(server, "DELETE /v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    BOOST_TEST(status_in(wrong) == 405);
    BOOST_TEST(has_line(wrong, "Allow: GET, HEAD, OPTIONS"));
    BOOST_TEST(status_in(round_trip(server, "GET /v1/no/such/route/here HTTP/1.1\r\nHost: x\r\n\r\n")) == 404);
}

BOOST_AUTO_TEST_CASE(allowed_origins_are_configurable) {
    emulator server({.allowed_origins = {"https://app.example"}});
    auto allowed = round_trip(server, "GET /v1/health HTTP/1.1\r\nHost: x\r\nOrigin: https://app.example\r\n\r\n");
    BOOST_TEST(has_line(allowed, "Access-Control-Allow-Origin: https://app.example"));
    auto other = round_trip(server, "GET /v1/health HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\n\r\n");
    BOOST_TEST(status_in(other) == 200);
    BOOST_TEST(other.find("Access-Control-Allow-Origin") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_encoded_slash_stays_in_its_segment) {
    emulator server(fast());
    account a(server, "slash@example.com");
    const std::string key = str(a.session, "api_token");
    const std::string bucket = str(a.api->create_bucket(a.id(), {.name = "keep"}), "id");
    auto answer = round_trip(server, "DELETE /v1/accounts/" + a.id().str() + "%2Fbuckets%2F" + bucket +
                                       " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key + "\r\n\r\n");
    BOOST_TEST(status_in(answer) / 100 == 4);
    BOOST_TEST(str(a.api->get_bucket(a.id(), wh::bucket_id{bucket}), "id") == bucket);  // throws if it were gone
}

BOOST_AUTO_TEST_CASE(the_gateway_takes_post_and_head_and_the_input_s_own_name) {
    emulator server(fast());
    account a(server, "gateway@example.com");
    const wh::bucket_id bucket{str(a.api->create_bucket(a.id(), {.name = "b"}), "id")};
    const std::string input = str(a.api->create_input(a.id(), {.bucket_id = wh::bucket_id{bucket.str()}, .name = "orders"}), "id");
    BOOST_TEST(status_in(round_trip(server, "POST /v1/orders/" + input + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")) == 200);
    BOOST_TEST(status_in(round_trip(server, "HEAD /v1/orders/" + input + " HTTP/1.1\r\nHost: x\r\n\r\n")) == 200);
    auto get = round_trip(server, "GET /v1/orders/" + input + " HTTP/1.1\r\nHost: x\r\n\r\n");
    BOOST_TEST(status_in(get) == 405);
    BOOST_TEST(has_line(get, "Allow: HEAD, POST, OPTIONS"));
    BOOST_TEST(status_in(round_trip(server, "POST /v1/other/" + input + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")) == 404);
}

BOOST_AUTO_TEST_CASE(documented_list_filters_and_stats) {
    emulator server(fast());
    account a(server, "filters@example.com");
    const wh::bucket_id bucket{str(a.api->create_bucket(a.id(), {.name = "b"}), "id")};
    const wh::input_id orders{str(a.api->create_input(a.id(), {.bucket_id = wh::bucket_id{bucket.str()}, .name = "orders",
                                                               .event_filters = std::vector<std::string>{"order.paid"}}), "id")};
    a.api->create_input(a.id(), {.bucket_id = wh::bucket_id{bucket.str()}, .name = "users", .event_filters = std::vector<std::string>{"user.new"}});
    BOOST_TEST(a.api->get_inputs(a.id(), bucket, {.key = "orders"}).as_array().size() == 1u);
    BOOST_TEST(a.api->get_inputs(a.id(), bucket, {.event_filter = "user.new"}).as_array().size() == 1u);
    BOOST_TEST(a.api->get_inputs(a.id(), bucket).as_array().size() == 2u);
    a.api->create_destination(a.id(), orders, {.name = "one", .endpoint_url = "http://127.0.0.1:9/a"});
    a.api->create_destination(a.id(), orders, {.name = "two", .endpoint_url = "http://127.0.0.1:9/b"});
    auto two = a.api->get_destinations(a.id(), orders, {.destination_key = "two"}).as_array();
    BOOST_REQUIRE(two.size() == 1u);
    BOOST_TEST(str(two[0], "name") == "two");
    BOOST_TEST(a.api->get_bucket(a.id(), bucket, {.include_stats = true}).as_object().contains("stats"));
    BOOST_TEST(!a.api->get_bucket(a.id(), bucket).as_object().contains("stats"));
}

BOOST_AUTO_TEST_CASE(report_and_log_dates_in_the_docs_formats) {
    emulator server(fast());
    account a(server, "dates@example.com");
    const wh::bucket_id bucket{str(a.api->create_bucket(a.id(), {.name = "b"}), "id")};
    const std::string input = str(a.api->create_input(a.id(), {.bucket_id = wh::bucket_id{bucket.str()}, .name = "in"}), "id");
    BOOST_REQUIRE(status_in(round_trip(server, "POST /v1/in/" + input + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")) == 200);
    const std::string log = "GET /v1/accounts/" + a.id().str() + "/log?_token=" + str(a.session, "api_token");
    auto entries = [&](std::string query) {
        auto answer = round_trip(server, log + '&' + query + " HTTP/1.1\r\nHost: x\r\n\r\n");
        BOOST_REQUIRE(status_in(answer) == 200);
        return json::parse(body_of(answer)).as_array().size();
    };
    BOOST_TEST(entries("start_date=today") == 1u);
    BOOST_TEST(entries("start_date=yesterday") == 1u);
    BOOST_TEST(entries("start_date=2%20days%20ago&end_date=now") == 1u);
    BOOST_TEST(entries("start_date=last%20week") == 1u);
    BOOST_TEST(entries("end_date=yesterday") == 0u);
    BOOST_TEST(entries("start_date=tomorrow") == 0u);
    BOOST_TEST(entries("start_date=2000-01-01&end_date=2000-01-02T00:00:00Z") == 0u);
    auto bad = round_trip(server, log + "&start_date=someday HTTP/1.1\r\nHost: x\r\n\r\n");
    BOOST_TEST(status_in(bad) == 400);
    BOOST_TEST(body_of(bad).find("start_date") != std::string::npos);
}

// 40 connections hold a request's head open; the health check is answered
// while they all still are (each then completes its own request).
BOOST_AUTO_TEST_CASE(slow_clients_do_not_starve_others) {
    emulator server({.read_timeout = std::chrono::seconds(60)});  // the slow ones outlive the test
    std::vector<std::unique_ptr<raw_connection>> slow;
    for (int i = 0; i < 40; ++i) {
        slow.push_back(std::make_unique<raw_connection>(server.port()));
        slow.back()->send("GET /v1/health HTTP/1.1\r\nHost: x\r\n");  // the head is not over
    }
    BOOST_TEST(status_in(round_trip(server, "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n")) == 200);
    for (auto& connection : slow) {
        connection->send("\r\n");
        BOOST_TEST(status_in(connection->answer()) == 200);
    }
}

BOOST_AUTO_TEST_CASE(a_second_emulator_on_a_busy_port_refuses) {
    emulator first;
    BOOST_CHECK_THROW(emulator({.port = first.port()}), std::runtime_error);
    BOOST_TEST(status_in(round_trip(first, "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n")) == 200);
}

// A delivery under way when the emulator stops is neither failed nor
// dropped: the next start with the same data file sends it again.
BOOST_AUTO_TEST_CASE(a_delivery_interrupted_by_a_stop_resumes_at_the_next_start) {
    const auto data = std::filesystem::temp_directory_path() / ("emulator-resume-" + std::to_string(::getpid()) + ".json");
    std::filesystem::remove(data);
    std::atomic<int> emulator_port{0};
    std::atomic<bool> refuse{true};
    // The first attempt fails only once the emulator has stopped serving,
    // i.e. once its stop has begun; later ones succeed.
    loopback_server destination([&](const httplib::Request&, httplib::Response& response) {
        if (refuse.exchange(false)) {
            for (int i = 0; i < 10'000; ++i) {  // bounded: a guard, not a timing
                httplib::Client probe("127.0.0.1", emulator_port);
                probe.set_connection_timeout(std::chrono::seconds(1));
                if (!probe.Get("/v1/health")) break;
                std::this_thread::yield();
            }
            response.status = 500;
            return;
        }
        response.set_content("{}", "application/json");
    });
    std::string message;
    {
        auto first = std::make_unique<emulator>(wh::emulator_options{.data_file = data, .retry_interval_unit = 1ms});
        emulator_port = first->port();
        account a(*first, "resume@example.com");
        const wh::bucket_id bucket{str(a.api->create_bucket(a.id(), {.name = "b"}), "id")};
        const std::string input = str(a.api->create_input(a.id(), {.bucket_id = wh::bucket_id{bucket.str()}, .name = "in"}), "id");
        a.api->create_destination(a.id(), wh::input_id{input},
                                  {.name = "d", .endpoint_url = destination.base_url() + "/hook", .retry_count = 0});
        auto sent = round_trip(*first, "POST /v1/in/" + input + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
        BOOST_REQUIRE(status_in(sent) == 200);
        message = std::string(json::parse(body_of(sent)).at("outgoing_message_ids").at(0).as_string());
        BOOST_REQUIRE(destination.wait_for_requests(1));
        first.reset();  // the attempt under way fails during the stop
    }
    emulator second({.data_file = data, .retry_interval_unit = 1ms});
    BOOST_TEST(second.wait_for_deliveries());
    BOOST_TEST(destination.requests().size() == 2u);
    std::filesystem::remove(data);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// The HTTP server's bounds (docs/emulator-server.md): what a client can make
// the emulator read, hold and wait for.
BOOST_AUTO_TEST_SUITE(bounded_server)

using compatibility::body_of;
using compatibility::raw_connection;
using compatibility::round_trip;
using compatibility::status_in;

// An account with an input "in", and the gateway request line that posts to it.
struct gateway {
    explicit gateway(const emulator& server, std::string email) : owner(server, std::move(email)) {
        const wh::bucket_id bucket{str(owner.api->create_bucket(owner.id(), {.name = "b"}), "id")};
        input = str(owner.api->create_input(owner.id(), {.bucket_id = bucket, .name = "in"}), "id");
    }
    std::string post_line() const { return "POST /v1/in/" + input + " HTTP/1.1\r\nHost: x\r\n"; }
    long long incoming() const {
        return owner.api->get_summary_report(owner.id()).at("totals").at("incoming").as_int64();
    }
    account owner;
    std::string input;
};

BOOST_AUTO_TEST_CASE(a_chunked_body_over_max_body_is_413_and_nothing_is_stored) {
    emulator server{{.max_body = 4096}};
    gateway g(server, "chunked@example.com");
    auto chunked = [&](int chunks) {
        std::string request = g.post_line() + "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < chunks; ++i) request += "7d0\r\n" + std::string(2000, 'x') + "\r\n";  // 2000 bytes each
        return round_trip(server, request + "0\r\n\r\n");
    };
    BOOST_TEST(status_in(chunked(2)) == 200);  // 4000 bytes
    const std::string refused = chunked(3);    // 6000 bytes
    BOOST_TEST(status_in(refused) == 413);
    BOOST_TEST(json::parse(body_of(refused)).at("status").as_int64() == 413);
    BOOST_TEST(g.incoming() == 1);  // the first only
}

// gzip of `size` zero bytes (zlib's own format: windowBits 15 + 16).
std::string gzip_of_zeros(std::size_t size) {
    const std::string plain(size, '\0');
    z_stream z{};
    BOOST_REQUIRE(deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&z, plain.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
    z.avail_in = static_cast<uInt>(plain.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    BOOST_REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

// A Content-Encoding is kept as sent: the body is counted against --max-body
// as it came, stored and delivered compressed, never inflated.
BOOST_AUTO_TEST_CASE(a_gzip_body_is_kept_as_sent_and_counted_compressed) {
    emulator server{{.max_body = 64u << 10}};
    loopback_server receiver;
    delivery::pipeline p(server, receiver, {.name = "d", .endpoint_url = "-"}, "gzip@example.com");
    const std::string compressed = gzip_of_zeros(8u << 20);  // inflates to 128 times max_body
    BOOST_REQUIRE(compressed.size() < (64u << 10));
    const std::string answer =
        round_trip(server, "POST /v1/in/" + p.input.str() + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                           "Content-Encoding: gzip\r\nContent-Length: " + std::to_string(compressed.size()) + "\r\n\r\n" + compressed);
    BOOST_TEST(status_in(answer) == 200);
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_REQUIRE(receiver.requests().size() == 1u);
    BOOST_TEST(receiver.last().body.size() == compressed.size());
    BOOST_TEST((receiver.last().body == compressed));
}

// The request head is bounded in bytes: a client that sends header lines
// without end is answered 431 (or cut off) after a bounded number of bytes.
BOOST_AUTO_TEST_CASE(an_endless_request_head_is_refused_after_a_bounded_number_of_bytes) {
    emulator server;
    raw_connection c(server.port());
    const std::string line = "X-Filler: " + std::string(90, 'a') + "\r\n";
    std::string block = "GET /v1/health HTTP/1.1\r\nHost: x\r\n";
    while (block.size() < (64u << 10)) block += line;
    std::size_t sent = 0;
    constexpr std::size_t at_most = 64u << 20;
    while (sent < at_most && c.try_send(block)) sent += block.size();
    // What the emulator read, and what the kernel's socket buffers took, is far below.
    BOOST_TEST(sent < at_most / 4);
    const std::string answer = c.answer();
    BOOST_TEST((answer.empty() || status_in(answer) == 431), answer.substr(0, 40));
}

// ...and in lines: many short ones are refused as well.
BOOST_AUTO_TEST_CASE(a_request_head_with_too_many_lines_is_431) {
    emulator server;
    std::string request = "GET /v1/health HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 150; ++i) request += "X-" + std::to_string(i) + ": y\r\n";  // 1.5 KiB in all
    const std::string answer = round_trip(server, request + "\r\n");
    BOOST_TEST(status_in(answer) == 431);
    BOOST_TEST(json::parse(body_of(answer)).at("status").as_int64() == 431);
}

// A client that trickles its head, a byte at a time, is cut off at head_timeout.
BOOST_AUTO_TEST_CASE(a_head_trickled_past_head_timeout_is_cut_off) {
    emulator server{{.head_timeout = 500ms}};
    raw_connection c(server.port());
    c.send("GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    std::mutex mutex;
    std::condition_variable never;
    int rounds = 0;
    // One byte every 100 ms, for 10 s at most (a guard: the cut comes at 0.5 s).
    for (; rounds < 100 && !c.closed_by_peer(); ++rounds) {
        if (!c.try_send("a")) break;
        std::unique_lock lock(mutex);
        never.wait_for(lock, 100ms);  // the client's pace, not a wait for the server
    }
    BOOST_TEST(rounds < 100);
}

// 300 connections that each send a header byte every second (the head never
// ends) don't keep the health check from being answered, long before any of
// them could be cut off (head_timeout: 10 s; the bound is half of it).
BOOST_AUTO_TEST_CASE(three_hundred_slow_clients_do_not_starve_the_health_check) {
    emulator server;
    std::vector<std::unique_ptr<raw_connection>> slow;
    for (int i = 0; i < 300; ++i) {
        slow.push_back(std::make_unique<raw_connection>(server.port()));
        slow.back()->send("GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    }
    std::mutex mutex;
    std::condition_variable changed;
    bool done = false;
    std::thread trickle([&] {
        std::unique_lock lock(mutex);
        for (int round = 0; round < 30 && !done; ++round) {  // 30 s at most
            for (auto& connection : slow) connection->try_send("a");
            changed.wait_for(lock, 1s, [&] { return done; });
        }
    });
    const auto asked = std::chrono::steady_clock::now();
    const int health = status_in(round_trip(server, "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n"));
    const auto waited = std::chrono::steady_clock::now() - asked;
    {
        std::lock_guard lock(mutex);
        done = true;
    }
    changed.notify_all();
    trickle.join();
    BOOST_TEST(health == 200);
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(waited).count() < 5000);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// Delivery's bounds: loops end, a destination's answer is read within
// limits, retries keep their time across a restart.
BOOST_AUTO_TEST_SUITE(bounded_delivery)

using hardening::outgoing_of;

// Two destinations pointing back at their own input: each webhook doubles at
// every pass, until max_hops (3) passes; the fourth is refused with 508.
BOOST_AUTO_TEST_CASE(destinations_pointing_back_at_their_input_end_after_max_hops) {
    emulator server{fast()};
    bounded_server::gateway g(server, "loop@example.com");
    const std::string self = server.base_url() + "/v1/in/" + g.input;
    for (std::string name : {"one", "two"})
        g.owner.api->create_destination(g.owner.id(), wh::input_id{g.input}, {.name = name, .endpoint_url = self, .retry_count = 0});
    g.owner.api->send_input_request(wh::input_name{"in"}, wh::input_id{g.input}, {.extra = {{"type", "x"}}});

    auto totals = [&] { return g.owner.api->get_summary_report(g.owner.id()).at("totals"); };
    BOOST_REQUIRE(server.wait_for_deliveries(30s));
    BOOST_TEST(totals().at("incoming").as_int64() == 1 + 2 + 4);  // hops 0, 1 and 2
    BOOST_TEST(totals().at("outgoing").as_int64() == 2 * 7);
    // Each refusal is logged twice: by the gateway that refused, and as the answer to the attempt.
    json::array refused;
    const json::value log = g.owner.api->get_request_log(g.owner.id(), {.http_status = 508});
    for (const auto& entry : log.as_array())
        if (str(entry, "direction") == "incoming") refused.push_back(entry);
    BOOST_TEST(refused.size() == 8u);
    BOOST_REQUIRE(!refused.empty());
    BOOST_TEST(str(refused.at(0), "error").find("loop detected") != std::string::npos);
    // Nothing more comes: the queue is idle and stays so.
    BOOST_REQUIRE(server.wait_for_deliveries(1s));
    BOOST_TEST(totals().at("incoming").as_int64() == 7);
    BOOST_TEST(totals().at("outgoing").as_int64() == 14);
}

// A destination that answers one request with `prefix`, then `filler` without
// end (64 MiB at most), and notes how much it wrote before the emulator hung up.
class hostile_destination {
public:
    hostile_destination(std::string prefix, std::string filler) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        BOOST_REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        BOOST_REQUIRE(::listen(fd_, 4) == 0);
        BOOST_REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        port_ = ntohs(address.sin_port);
        thread_ = std::thread([this, prefix = std::move(prefix), filler = std::move(filler)] {
            const int c = ::accept(fd_, nullptr, nullptr);
            if (c < 0) return;
            timeval guard{10, 0};
            ::setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &guard, sizeof guard);
            char request[4096];
            (void)::recv(c, request, sizeof request, 0);
            std::string block = prefix;
            while (block.size() < (64u << 10)) block += filler;
            std::size_t total = 0;
            bool cut = false;
            for (bool first = true; total < (64u << 20); first = false) {
                const std::string& out = first ? block : block.substr(prefix.size());
                if (::send(c, out.data(), out.size(), MSG_NOSIGNAL) != ssize_t(out.size())) {
                    cut = true;
                    break;
                }
                total += out.size();
            }
            written_ = total;
            hung_up_ = cut;
            ::close(c);
        });
    }
    ~hostile_destination() {
        finish();
        ::close(fd_);
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }
    // Waits until it is done writing (the emulator hung up, or 64 MiB went out).
    void finish() {
        ::shutdown(fd_, SHUT_RDWR);  // no connection came: accept() returns
        if (thread_.joinable()) thread_.join();
    }
    std::size_t written() const { return written_; }
    bool hung_up() const { return hung_up_; }

private:
    int fd_;
    int port_ = 0;
    std::atomic<std::size_t> written_{0};
    std::atomic<bool> hung_up_{false};
    std::thread thread_;
};

// The recorded error of `destination`'s one attempt, once the hostile destination is done.
std::string attempt_error(hostile_destination& destination, std::string email) {
    emulator server{fast()};
    bounded_server::gateway g(server, std::move(email));
    g.owner.api->create_destination(g.owner.id(), wh::input_id{g.input},
                                    {.name = "d", .endpoint_url = destination.url(), .retry_count = 0});
    const json::value accepted =
        g.owner.api->send_input_request(wh::input_name{"in"}, wh::input_id{g.input}, {.extra = {{"type", "x"}}});
    BOOST_REQUIRE(server.wait_for_deliveries(60s));
    const wh::outgoing_message_id id{std::string(accepted.at("outgoing_message_ids").at(0).as_string())};
    const json::value message = g.owner.api->get_outgoing_message(g.owner.id(), id);
    BOOST_TEST(str(message, "status") == "failed");
    return str(message.at("attempts").at(0), "error");
}

BOOST_AUTO_TEST_CASE(an_endless_answer_head_fails_the_attempt_after_a_bounded_read) {
    hostile_destination destination("HTTP/1.1 200 OK\r\n", "X-Filler: " + std::string(90, 'a') + "\r\n");
    const std::string error = attempt_error(destination, "endless-head@example.com");
    BOOST_TEST(error.find("head is larger than") != std::string::npos, error);
    destination.finish();
    BOOST_TEST(destination.hung_up());
    BOOST_TEST(destination.written() < (16u << 20));  // what was read, and what socket buffers took
}

BOOST_AUTO_TEST_CASE(an_endless_chunk_size_line_fails_the_attempt_after_a_bounded_read) {
    hostile_destination destination("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;", std::string(100, 'a'));
    const std::string error = attempt_error(destination, "endless-chunk@example.com");
    BOOST_TEST(error.find("chunk") != std::string::npos, error);
    destination.finish();
    BOOST_TEST(destination.hung_up());
    BOOST_TEST(destination.written() < (16u << 20));
}

// A retry due in 4 s is made then, not at once, when the emulator restarts
// in between.
BOOST_AUTO_TEST_CASE(a_retry_pending_at_a_restart_is_made_when_it_is_due) {
    concurrency_and_persistence::restart r;
    std::mutex mutex;
    std::vector<std::chrono::steady_clock::time_point> arrivals;
    loopback_server receiver([&](const httplib::Request&, httplib::Response& response) {
        std::lock_guard lock(mutex);
        arrivals.push_back(std::chrono::steady_clock::now());
        response.status = arrivals.size() == 1 ? 500 : 200;
    });
    std::string message;
    {
        emulator first{{.data_file = r.file, .retry_interval_unit = 1ms}};
        delivery::pipeline p(first, receiver, {.name = "d", .endpoint_url = "-", .retry_count = 1, .retry_interval = 4000},
                             "due@example.com");
        r.keep(p.owner);
        message = std::string(p.send("x").at("outgoing_message_ids").at(0).as_string());
        // Until the failed attempt is recorded (bounded: a guard against a hang).
        for (int i = 0; i < 10'000; ++i)
            if (str(p.owner.api->get_outgoing_message_status(p.owner.id(), wh::outgoing_message_id{message}), "status") ==
                "retrying")
                break;
    }
    emulator second{{.data_file = r.file, .retry_interval_unit = 1ms}};
    BOOST_REQUIRE(second.wait_for_deliveries(60s));
    std::lock_guard lock(mutex);
    BOOST_REQUIRE(arrivals.size() == 2u);
    // Due 4 s after the first attempt ended; a wide margin below.
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(arrivals[1] - arrivals[0]).count() >= 3000);
    BOOST_TEST(str(r.client_of(second).get_outgoing_message_status(r.account_id, wh::outgoing_message_id{message}), "status") ==
               "success");
}

BOOST_AUTO_TEST_SUITE_END()
