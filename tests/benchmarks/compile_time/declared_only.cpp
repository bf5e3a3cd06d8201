// Benchmark 4, the floor: all_calls.cpp's 77 calls against a client that only
// declares its named methods, so that no code of the library is compiled but
// the endpoint table and what the call sites build themselves (IDs and
// options structs). tools/bench.sh times it beside all_calls.cpp.
#include <httplib.h>

#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/preprocessor/repetition/repeat.hpp>

#include <webhooksio/api.hpp>

namespace webhooksio {

struct client {
#define DECLARED_ID_PARAM(z, i, E) const std::tuple_element_t<i, api::E::params>&,
#define DECLARED_CALL(E, ids) \
    boost::json::value E(BOOST_PP_REPEAT(ids, DECLARED_ID_PARAM, E) const api::E::options& options = {});
    WEBHOOKSIO_API_ENDPOINTS(DECLARED_CALL)
#undef DECLARED_CALL
#undef DECLARED_ID_PARAM
};

}  // namespace webhooksio

using namespace webhooksio;

void all_seed_calls(client& api) {
    api.register_account({.first_name = "x", .last_name = "x", .email_address = "x", .password = "x", .plan_id = "x", .invite_code = "x", .password_confirm = "x"});
    api.create_sub_account(account_id{"x"}, {.name = "x"});
    api.get_sub_accounts(account_id{"x"});
    api.get_account(account_id{"x"});
    api.update_account(account_id{"x"}, {.name = "x"});
    api.delete_account(account_id{"x"});
    api.create_application(account_id{"x"}, {.name = "x", .categories = std::vector<std::string>{"x"}, .overview = "x", .description = "x", .homepage_url = "x", .api_url = "x", .logo_url = "x", .active = true});
    api.update_application(account_id{"x"}, application_id{"x"}, {.name = "x", .categories = std::vector<std::string>{"x"}, .overview = "x", .description = "x", .homepage_url = "x", .api_url = "x", .logo_url = "x", .active = true});
    api.get_application(account_id{"x"}, application_id{"x"});
    api.get_applications(account_id{"x"});
    api.delete_application(account_id{"x"}, application_id{"x"});
    api.create_application_version(account_id{"x"}, application_id{"x"}, {.key = "x", .release_date = "x", .version_json = boost::json::object{}, .examples_json = boost::json::object{}, .active = true});
    api.update_application_version(account_id{"x"}, application_id{"x"}, application_version_id{"x"}, {.key = "x", .release_date = "x", .version_json = boost::json::object{}, .examples_json = boost::json::object{}, .active = true});
    api.get_application_version(account_id{"x"}, application_id{"x"}, application_version_id{"x"});
    api.get_application_versions(account_id{"x"}, application_id{"x"});
    api.delete_application_version(account_id{"x"}, application_id{"x"}, application_version_id{"x"});
    api.create_bucket(account_id{"x"}, {.name = "x"});
    api.update_bucket(account_id{"x"}, bucket_id{"x"}, {.name = "x"});
    api.get_bucket(account_id{"x"}, bucket_id{"x"});
    api.get_buckets(account_id{"x"});
    api.delete_bucket(account_id{"x"}, bucket_id{"x"});
    api.create_input(account_id{"x"}, {.bucket_id = "x", .name = "x"});
    api.update_input(account_id{"x"}, input_id{"x"}, {.name = "x"});
    api.get_input(account_id{"x"}, input_id{"x"});
    api.get_inputs(account_id{"x"}, bucket_id{"x"});
    api.delete_input(account_id{"x"}, input_id{"x"});
    api.create_destination(account_id{"x"}, input_id{"x"}, {.name = "x", .endpoint_url = "x"});
    api.update_destination(account_id{"x"}, destination_id{"x"}, {.name = "x", .endpoint_url = "x"});
    api.get_destination(account_id{"x"}, destination_id{"x"});
    api.get_destinations(account_id{"x"}, input_id{"x"});
    api.delete_destination(account_id{"x"}, destination_id{"x"});
    api.create_recipe(account_id{"x"}, {.name = "x", .type = "x", .recipe_draft = "x"});
    api.update_recipe(account_id{"x"}, recipe_id{"x"}, {.name = "x", .type = "x", .recipe_draft = "x"});
    api.publish_recipe(account_id{"x"}, recipe_id{"x"});
    api.get_recipe(account_id{"x"}, recipe_id{"x"});
    api.get_recipes(account_id{"x"});
    api.delete_recipe(account_id{"x"}, recipe_id{"x"});
    api.test_recipe(account_id{"x"}, {.type = "x", .recipe = "x"});
    api.create_consumer(account_id{"x"}, application_id{"x"}, {.consumer_id = "x", .bucket_key = "x", .name = "x"});
    api.get_consumers(account_id{"x"}, application_id{"x"});
    api.update_consumer(account_id{"x"}, application_id{"x"}, consumer_id{"x"}, {.name = "x"});
    api.get_consumer(account_id{"x"}, application_id{"x"}, consumer_id{"x"});
    api.delete_consumer(account_id{"x"}, application_id{"x"}, consumer_id{"x"});
    api.get_consumer_destinations(account_id{"x"}, application_id{"x"}, consumer_id{"x"}, {.bucket_key = "x"});
    api.create_consumer_destination(account_id{"x"}, application_id{"x"}, consumer_id{"x"}, {.application_version_id = "x", .name = "x", .bucket_key = "x", .endpoint_url = "x"});
    api.update_consumer_destination(account_id{"x"}, application_id{"x"}, consumer_id{"x"}, destination_id{"x"}, {.application_version_id = "x", .name = "x", .endpoint_url = "x"});
    api.delete_consumer_destination(account_id{"x"}, application_id{"x"}, consumer_id{"x"}, destination_id{"x"});
    api.get_consumer_buckets(account_id{"x"}, application_id{"x"}, consumer_id{"x"});
    api.send_consumer_webhook_request(account_id{"x"}, application_id{"x"}, consumer_id{"x"}, bucket_key{"x"});
    api.get_consumer_subscription(account_id{"x"}, application_id{"x"}, consumer_id{"x"}, {.bucket_key = "x"});
    api.get_consumer_request_log(account_id{"x"}, application_id{"x"}, consumer_id{"x"});
    api.create_client_token(account_id{"x"}, application_id{"x"}, consumer_id{"x"});
    api.get_embedded_view_html(account_id{"x"}, application_id{"x"}, consumer_id{"x"});
    api.get_overview_report(account_id{"x"}, {.start_date = "x", .end_date = "x", .precision = "x"});
    api.get_summary_report(account_id{"x"});
    api.get_request_log(account_id{"x"});
    api.get_incoming_message(account_id{"x"}, incoming_message_id{"x"});
    api.get_outgoing_message(account_id{"x"}, outgoing_message_id{"x"});
    api.get_outgoing_message_status(account_id{"x"}, outgoing_message_id{"x"});
    api.login({.email_address = "x", .password = "x"});
    api.change_password(account_id{"x"}, user_id{"x"}, {.new_password = "x", .new_confirm_password = "x"});
    api.get_api_token(account_id{"x"}, user_id{"x"});
    api.reset_password({.email_address = "x"});
    api.lookup_password_change_key(password_change_key{"x"});
    api.create_user(account_id{"x"}, {.first_name = "x", .last_name = "x", .email_address = "x", .password = "x", .timezone = "x", .permission_level = "x", .notify = true});
    api.update_user(account_id{"x"}, user_id{"x"}, {.first_name = "x", .last_name = "x", .email_address = "x", .timezone = "x"});
    api.get_user(account_id{"x"}, user_id{"x"});
    api.get_users(account_id{"x"});
    api.delete_user(account_id{"x"}, user_id{"x"});
    api.verify_email_address(email_verification_key{"x"});
    api.resend_verification_email(account_id{"x"}, user_id{"x"});
    api.health_check();
    api.get_plans();
    api.get_plan(plan_id{"x"});
    api.get_timezones();
    api.get_retry_policies();
    api.get_retry_policy(policy_id{"x"});
}
