// A user's file as a user writes it: designated initializers that leave
// options out, tokens, callbacks, the recording transport. The test
// `user_code_compiles_clean` builds it with -Wall -Wextra -Wpedantic -Werror
// (with g++, and with clang in CI): the library must add no warning to a
// user's build.
#include <webhooksio/testing/recording_transport.hpp>
#include <webhooksio/webhooksio.hpp>

#include <future>
#include <iostream>

using namespace webhooksio;

// Every seed call, each with only its required options set.
#include "../benchmarks/compile_time/seed_calls.inc"

void more_calls(client& api) {
    client local{"KEY", {.base_url = "http://127.0.0.1:1", .max_retries = 0}};
    api.get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {.expand = true});
    api.create_bucket(account_id{"AC1"}, {.name = "B", .extra = {{"description", "from C++"}}});
    api.send_input_request(input_name{"orders"}, input_id{"IN1"},
                           {.payload = boost::json::object{{"type", "order.created"}}, .headers = {{"X-Event", "e"}}});
    result<response> whole = api.get_plans({}, nothrow | with_response);
    if (!whole) std::cerr << whole.error() << '\n';
    std::future<boost::json::value> later = api.get_plans({}, use_future);
    api.get_plans({}, [](const error& e, boost::json::value) {
        if (e) std::cerr << e.diagnostics().message << '\n';
    });
    testing::recording_transport wire;
    wire.respond({.status = 200, .body = "{}"});
    basic_client<testing::recording_transport> recorded{"KEY", {}, wire};
    recorded.health_check();
}

int main() {}
