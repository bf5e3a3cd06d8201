// Benchmark 4, the emulator's side: a user's test file that starts the
// emulator and makes ten calls to it. tools/bench.sh times it with
// -DWEBHOOKSIO_BENCH_EMULATOR and without (the same calls to a base URL of
// the file's own): the emulator is a compiled library, so starting one adds
// only its small header to the file (goal: within 1.3x).
#include <string>

#include <webhooksio/webhooksio.hpp>
#ifdef WEBHOOKSIO_BENCH_EMULATOR
#include <webhooksio/emulator.hpp>
#endif

using namespace webhooksio;

int main() {
#ifdef WEBHOOKSIO_BENCH_EMULATOR
    emulator local;
    const std::string base_url = local.base_url();
#else
    const std::string base_url = "http://127.0.0.1:8080";
#endif
    client anonymous{"none", {.base_url = base_url}};
    anonymous.health_check();
    const auto session = anonymous.register_account(
        {.first_name = "Ada", .last_name = "Lovelace", .email_address = "ada@example.com", .password = "pw",
         .plan_id = webhooksio::plan_id{"free"}, .invite_code = "bench", .password_confirm = "pw"});
    client api{std::string(session.at("api_token").as_string()), {.base_url = base_url}};
    const account_id account{std::string(session.at("account_id").as_string())};
    const bucket_id bucket{std::string(api.create_bucket(account, {.name = "B"}).at("id").as_string())};
    api.get_bucket(account, bucket, {.expand = true});
    api.get_buckets(account);
    const input_id input{std::string(api.create_input(account, {.bucket_id = webhooksio::bucket_id{bucket.str()}, .name = "orders"}).at("id").as_string())};
    api.create_destination(account, input, {.name = "D", .endpoint_url = "http://127.0.0.1:1/hook"});
    api.get_destinations(account, input);
    api.get_request_log(account);
    api.delete_bucket(account, bucket);
}
