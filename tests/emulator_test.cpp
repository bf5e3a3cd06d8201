// The emulator through the real client over loopback: every call with
// its status and the state change a following read sees, real webhook
// delivery with retries and filters, auth and validation errors, concurrent
// clients, and a restart with --data.
#define BOOST_TEST_MODULE emulator
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <atomic>
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

#include "support/loopback_server.hpp"

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
            .plan_id = "free", .invite_code = "invite", .password_confirm = "pw-1"};
}

// A registered account and a client holding its API key.
struct account {
    account(const emulator& server, std::string email) {
        wh::client anonymous{"none", {.base_url = server.base_url()}};
        session = anonymous.register_account(registration(std::move(email)));
        api = std::make_unique<wh::client>(str(session, "api_token"), wh::client_options{.base_url = server.base_url()});
    }
    wh::account_id id() const { return wh::account_id{str(session, "account_id")}; }
    json::value session;
    std::unique_ptr<wh::client> api;
};

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
    const input_id input{str(expect<create_input>(201, {acc}, {.bucket_id = bucket.str(), .name = "shop"}), "id")};
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
    BOOST_TEST(expect_error<test_recipe>({acc}, {.type = "outgoing", .recipe = "return msg;"}) == 501);
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
    expect<create_consumer>(201, {acc, app}, {.consumer_id = customer.str(), .bucket_key = "main", .name = "Customer"});
    expect<update_consumer>(200, {acc, app, customer}, {.name = "Customer 42"});
    BOOST_TEST(str(expect<get_consumer>(200, {acc, app, customer}), "name") == "Customer 42");
    BOOST_TEST(expect<get_consumers>(200, {acc, app}).as_array().size() == 1u);
    BOOST_TEST(expect<get_consumer_buckets>(200, {acc, app, customer}).as_array().size() == 1u);
    const destination_id hook{str(expect<create_consumer_destination>(
                                      201, {acc, app, customer},
                                      {.application_version_id = v1.str(), .name = "theirs", .bucket_key = "main",
                                       .endpoint_url = "http://127.0.0.1:1/", .event_filters = std::vector<std::string>{"paid"}}),
                                  "id")};
    expect<update_consumer_destination>(200, {acc, app, customer, hook},
                                        {.application_version_id = v1.str(), .name = "theirs",
                                         .endpoint_url = receiver.base_url() + "/consumer"});
    BOOST_TEST(str(expect<get_consumer_destinations>(200, {acc, app, customer}, {.bucket_key = "main"}).at(0), "endpoint_url") ==
               receiver.base_url() + "/consumer");
    BOOST_TEST(expect<get_consumer_subscription>(200, {acc, app, customer}, {.bucket_key = "main", .event_name = "paid"})
                   .at("subscribed").as_bool());
    BOOST_TEST(!client->get_consumer_subscription(acc, app, customer, {.bucket_key = "main", .event_name = "refunded"})
                    .at("subscribed").as_bool());
    expect<send_consumer_webhook_request>(200, {acc, app, customer, bucket_key{"main"}},
                                          {.extra = {{"event_type", "paid"}, {"amount", 5}}});
    BOOST_REQUIRE(server.wait_for_deliveries());
    BOOST_TEST(receiver.last().target == "/consumer");
    BOOST_TEST(expect<get_consumer_request_log>(200, {acc, app, customer}).as_array().size() == 2u);
    BOOST_TEST(!str(expect<create_client_token>(201, {acc, app, customer}), "token").empty());
    BOOST_TEST(!str(expect<get_embedded_view_html>(200, {acc, app, customer}), "html").empty());
    expect<delete_consumer_destination>(200, {acc, app, customer, hook});
    BOOST_TEST(client->get_consumer_destinations(acc, app, customer, {.bucket_key = "main"}).as_array().empty());
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
    const input_id second{str(client->create_input(acc, {.bucket_id = bucket.str(), .name = "second"}), "id")};
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
    const std::string html = str(expect<get_account_embedded_view_html>(200, {acc}, {.bucket_key = "a\"b"}), "html");
    BOOST_TEST(html.find(acc.str()) != std::string::npos);
    BOOST_TEST(html.find("a&quot;b") != std::string::npos);

    // Subscriptions: one per account, on a plan the emulator has.
    BOOST_TEST(error_of<get_subscription>({acc}) == 404);
    BOOST_TEST(error_of<create_subscription>({acc}, {.user_id = owner.str(), .plan_id = "gold"}) == 404);
    BOOST_TEST(error_of<create_subscription>({acc}, {.user_id = owner.str(), .plan_id = "startup"}) == 400);  // paid, no token
    expect<create_subscription>(201, {acc}, {.user_id = owner.str(), .plan_id = "free"});
    BOOST_TEST(error_of<create_subscription>({acc}, {.user_id = owner.str(), .plan_id = "free"}) == 409);
    BOOST_TEST(str(expect<get_subscription>(200, {acc}).at("plan"), "id") == "free");
    expect<update_subscription>(200, {acc}, {.plan_id = "startup", .payment_token = "tok_visa"});
    const json::value upgraded = client->call<get_subscription>({acc});
    BOOST_TEST(str(upgraded.at("plan"), "id") == "startup");
    BOOST_TEST(!upgraded.as_object().contains("payment_token"));  // a secret, never kept
    BOOST_TEST(str(client->get_account(acc), "plan_id") == "startup");
    expect<cancel_subscription>(200, {acc});
    BOOST_TEST(str(client->call<get_subscription>({acc}), "status") == "cancelled");
    BOOST_TEST(error_of<update_subscription>({acc}, {.plan_id = "free"}) == 409);

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
    const input_id input{str(client->create_input(acc, {.bucket_id = bucket.str(), .name = "in"}), "id")};
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
    const input_id flaky{str(client->create_input(acc, {.bucket_id = other.str(), .name = "flaky"}), "id")};
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
    client->create_consumer(acc, app, {.consumer_id = customer.str(), .bucket_key = "main", .name = "Customer"});
    const destination_id hook{str(client->create_consumer_destination(acc, app, customer,
                                                                      {.application_version_id = v1.str(), .name = "theirs",
                                                                       .bucket_key = "main",
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
        : owner(server, std::move(email)) {
        const auto acc = owner.id();
        const std::string bucket = str(owner.api->create_bucket(acc, {.name = "b"}), "id");
        input = wh::input_id{str(owner.api->create_input(acc, {.bucket_id = bucket, .name = "in", .event_location = "payload",
                                                               .event_path = "msg.type"}),
                                 "id")};
        destination.endpoint_url = receiver.base_url() + "/hook";
        target = wh::destination_id{str(owner.api->create_destination(acc, input, destination), "id")};
    }
    json::value send(std::string type) {
        return owner.api->send_input_request(wh::input_name{"in"}, input, {.extra = {{"type", std::move(type)}}});
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
        owner.id(), {.bucket_id = bucket, .name = "in", .response_code = 202, .response_content_type = "application/json",
                     .response_content = R"({"thanks":true})"});
    const json::value answer = owner.api->send_input_request(wh::input_name{"in"}, wh::input_id{str(input, "id")});
    BOOST_TEST(answer.at("thanks").as_bool());
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
    auto e = keyless.get_buckets(ada.id(), {}, wh::nothrow);
    BOOST_REQUIRE(!e);
    BOOST_TEST(e.error().diagnostics().status == 401);
    BOOST_TEST(e.error().diagnostics().body.at("message").is_string());
    wh::client wrong_key{"key_nope", {.base_url = server.base_url()}};
    BOOST_TEST(status_of([&] { return wrong_key.get_buckets(ada.id(), {}, wh::nothrow); }) == 401);
    // The key may also travel as ?_token=.
    wh::client query_key{str(ada.session, "api_token"), {.base_url = server.base_url(), .token_in_query = true}};
    BOOST_TEST(query_key.get_buckets(ada.id()).as_array().size() == 1u);

    BOOST_TEST(status_of([&] { return bob.api->get_buckets(ada.id(), {}, wh::nothrow); }) == 403);
    BOOST_TEST(status_of([&] { return bob.api->get_bucket(bob.id(), bucket, {}, wh::nothrow); }) == 403);
    BOOST_TEST(status_of([&] { return bob.api->delete_bucket(ada.id(), bucket, {}, wh::nothrow); }) == 403);
    BOOST_TEST(ada.api->get_buckets(ada.id()).as_array().size() == 1u);  // still there

    auto missing = ada.api->get_bucket(ada.id(), wh::bucket_id{"BU00000000000000000000000000000000"}, {}, wh::nothrow);
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
    BOOST_TEST(routed == 99u);
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
                if (!api.create_bucket(ada.id(), {.name = std::to_string(t) + "-" + std::to_string(i)}, wh::nothrow))
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

// The "field" a 400 names, "" for any other answer.
template <class Result>
std::string field_of(const Result& answer) {
    if (answer || answer.error().diagnostics().status != 400) return "";
    const json::value& body = answer.error().diagnostics().body;
    const json::value* field = body.is_object() ? body.as_object().if_contains("field") : nullptr;
    return field && field->is_string() ? std::string(field->as_string()) : "";
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
    const std::string bucket = str(owner.api->create_bucket(acc, {.name = "b"}), "id");
    const wh::input_id input{str(owner.api->create_input(acc, {.bucket_id = bucket, .name = "in"}), "id")};
    auto destination = [&](const wh::api::create_destination::options& o) {
        return field_of(owner.api->create_destination(acc, input, o, wh::nothrow));
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
    BOOST_TEST(field_of(owner.api->update_destination(
                   acc, made, {.name = "d", .endpoint_url = "http://127.0.0.1:1/", .header_prefix = "A\nB"}, wh::nothrow)) ==
               "header_prefix");
    BOOST_TEST(field_of(owner.api->create_input(acc, {.bucket_id = bucket, .name = "in2", .response_content_type = "text/plain\r\nSet-Cookie: a=b"},
                                                wh::nothrow)) == "response_content_type");

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
    owner.api->create_consumer(acc, app, {.consumer_id = "c1", .bucket_key = "main", .name = "C"});
    BOOST_TEST(field_of(owner.api->create_consumer_destination(
                   acc, app, wh::consumer_id{"c1"},
                   {.application_version_id = version, .name = "theirs", .bucket_key = "main",
                    .endpoint_url = "http://127.0.0.1:1/", .extra = {{"header_prefix", "X\r\nY"}}},
                   wh::nothrow)) == "header_prefix");
}

BOOST_AUTO_TEST_CASE(response_code_retry_count_and_retry_interval_out_of_range_are_400_naming_the_field) {
    emulator server{fast()};
    account owner(server, "ranges@example.com");
    const auto acc = owner.id();
    const std::string bucket = str(owner.api->create_bucket(acc, {.name = "b"}), "id");
    for (long long code : {0LL, 99LL, 600LL, 99999LL})
        BOOST_TEST(field_of(owner.api->create_input(acc, {.bucket_id = bucket, .name = "in", .response_code = code}, wh::nothrow)) ==
                   "response_code");
    const wh::input_id input{str(owner.api->create_input(acc, {.bucket_id = bucket, .name = "in", .response_code = 599}), "id")};
    BOOST_TEST(field_of(owner.api->update_input(acc, input, {.name = "in", .response_code = 0}, wh::nothrow)) == "response_code");

    auto destination = [&](const wh::api::create_destination::options& o) {
        return field_of(owner.api->create_destination(acc, input, o, wh::nothrow));
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

    const auto taken = bob.api->update_user(bob.id(), bobs_user,
                                            {.first_name = "B", .last_name = "B", .email_address = "ada@example.com", .timezone = "UTC"},
                                            wh::nothrow);
    BOOST_REQUIRE(!taken);
    BOOST_TEST(taken.error().diagnostics().status == 409);

    // Ada's login and reset are still hers.
    wh::client anonymous{"none", {.base_url = server.base_url()}};
    BOOST_TEST(str(anonymous.login({.email_address = "ada@example.com", .password = "pw-1"}), "user_id") == str(ada.session, "user_id"));
    const std::string key = str(anonymous.reset_password({.email_address = "ada@example.com"}), "password_change_key");
    BOOST_TEST(str(anonymous.lookup_password_change_key(wh::password_change_key{key}), "user_id") == str(ada.session, "user_id"));
    // Keeping one's own address is no conflict.
    BOOST_TEST(bool(bob.api->update_user(bob.id(), bobs_user,
                                         {.first_name = "B", .last_name = "B", .email_address = "bob@example.com", .timezone = "UTC"},
                                         wh::nothrow)));
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
    const std::string bucket = str(owner.api->create_bucket(owner.id(), {.name = "b"}), "id");
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
    BOOST_TEST(bool(anonymous.login({.email_address = "two@example.com", .password = "pw-1"}, wh::nothrow)));
    BOOST_TEST(!anonymous.login({.email_address = "two@example.com", .password = "pw-2"}, wh::nothrow));
}

BOOST_AUTO_TEST_CASE(a_write_appends_what_it_changed_and_a_restart_replays_it) {
    restart r;
    const auto& file = r.file;
    auto contents = [&] {
        std::ifstream in(file, std::ios::binary);
        return std::string{std::istreambuf_iterator<char>(in), {}};
    };
    std::string bucket;
    {
        emulator first{{.data_file = file}};
        account ada(first, "journal@example.com");
        r.keep(ada);
        const std::string big_bucket = str(ada.api->create_bucket(ada.id(), {.name = std::string(200'000, 'b')}), "id");
        const std::string before = contents();
        bucket = str(ada.api->create_bucket(ada.id(), {.name = "small"}), "id");
        const std::string after = contents();
        // Appended, not rewritten: what was there stays, and little is added.
        BOOST_TEST(after.starts_with(before));
        BOOST_TEST(after.size() - before.size() < 4096u);
        ada.api->delete_bucket(ada.id(), wh::bucket_id{big_bucket});
    }
    // A line torn by a crash while it was appended is dropped, not an error.
    std::ofstream(file, std::ios::app) << R"({"put":{"id":"BU)";
    {
        emulator second{{.data_file = file}};
        const json::array buckets = r.client_of(second).get_buckets(r.account_id).as_array();
        BOOST_REQUIRE(buckets.size() == 1u);
        BOOST_TEST(str(buckets[0], "id") == bucket);
    }
    // A bad line anywhere else is corruption.
    std::ofstream(file, std::ios::app) << "{\"neither\":1}\n{\"erase\":\"x\"}\n";
    BOOST_CHECK_EXCEPTION(emulator{{.data_file = file}}, std::runtime_error, [](const std::runtime_error& e) {
        return std::string(e.what()).find("corrupt") != std::string::npos;
    });
}

BOOST_AUTO_TEST_SUITE_END()
