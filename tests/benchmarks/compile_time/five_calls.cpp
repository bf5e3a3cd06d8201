// Benchmark 4: a user's file as most are, the umbrella header and five named
// calls, against deps_only.cpp. tools/bench.sh times it header-only and with
// WEBHOOKSIO_SEPARATE_COMPILATION.
#include <webhooksio/webhooksio.hpp>

using namespace webhooksio;

boost::json::value five_calls(client& api) {
    boost::json::array out;
    out.push_back(api.get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {.expand = true}));
    out.push_back(api.create_bucket(account_id{"AC1"}, {.name = "orders"}));
    out.push_back(api.get_inputs(account_id{"AC1"}, bucket_id{"BU1"}));
    out.push_back(api.send_input_request(input_name{"orders"}, input_id{"IN1"}, {.payload = boost::json::object{}}));
    out.push_back(api.health_check());
    return out;
}
