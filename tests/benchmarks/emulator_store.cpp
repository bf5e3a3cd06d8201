// Benchmark 6: what a write costs the emulator with much stored. create_bucket
// latency against an emulator holding 100 MB of incoming messages in its data
// file, and against an empty one, interleaved in rounds (medians). A write
// appends what it changed to the data file's journal, so the two should be
// close (goal: within 2x).
//
//   bench_emulator_store [rounds] [calls per round] [stored MB]
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <httplib.h>
#include <webhooksio/emulator.hpp>
#include <webhooksio/webhooksio.hpp>

#include "bench_report.hpp"

namespace wh = webhooksio;

namespace {

// An emulator with a data file of its own, an account and a client for it.
struct setup {
    explicit setup(const std::filesystem::path& file)
        : server({.data_file = file}),
          anonymous("anonymous-key", {.base_url = server.base_url()}),
          session(anonymous.register_account({.first_name = "B", .last_name = "B", .email_address = "b@example.com",
                                              .password = "pw", .plan_id = wh::plan_id{"free"}, .invite_code = "i",
                                              .password_confirm = "pw"})),
          api(std::string(session.at("api_token").as_string()), {.base_url = server.base_url()}),
          account{std::string(session.at("account_id").as_string())} {}

    // Seconds per create_bucket over `calls` calls.
    double round(int calls) {
        const auto start = bench::clock::now();
        for (int i = 0; i < calls; ++i) bench::keep(api.create_bucket(account, {.name = "b"}));
        return bench::seconds_since(start) / calls;
    }

    wh::emulator server;
    wh::client anonymous;
    boost::json::value session;
    wh::client api;
    wh::account_id account;
};

}  // namespace

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::atoi(argv[1]) : 7;
    const int calls = argc > 2 ? std::atoi(argv[2]) : 100;
    const int stored_mb = argc > 3 ? std::atoi(argv[3]) : 100;
    const auto dir = std::filesystem::temp_directory_path() / ("webhooksio-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        setup empty(dir / "empty.json");
        setup loaded(dir / "loaded.json");
        // 100 MB of webhooks, 4 MB each, into an input without destinations.
        const std::string bucket(loaded.api.create_bucket(loaded.account, {.name = "store"}).at("id").as_string());
        const std::string input(
            loaded.api.create_input(loaded.account, {.bucket_id = wh::bucket_id{bucket}, .name = "in"}).at("id").as_string());
        httplib::Client sender("127.0.0.1", loaded.server.port());
        const std::string body(4u << 20, 'x');
        for (int sent = 0; sent < stored_mb; sent += 4) {
            auto answer = sender.Post(("/v1/in/" + input).c_str(), body, "text/plain");
            if (!answer || answer->status != 200) {
                std::fprintf(stderr, "bench_emulator_store: a webhook failed\n");
                return 1;
            }
        }
        empty.round(calls / 2);  // warm-up
        loaded.round(calls / 2);
        std::vector<double> with_empty, with_loaded;
        for (int r = 0; r < rounds; ++r) {
            with_empty.push_back(empty.round(calls));
            with_loaded.push_back(loaded.round(calls));
        }
        const double ours = bench::median(with_loaded) * 1e6, anchor = bench::median(with_empty) * 1e6;
        bench::row("6. emulator, create_bucket latency with " + std::to_string(stored_mb) + " MB of messages stored (data file; " +
                       std::to_string(rounds) + " x " + std::to_string(calls) + " calls, interleaved; medians)",
                   bench::fixed(ours, 0) + " us/call", "an empty emulator: " + bench::fixed(anchor, 0) + " us/call",
                   bench::fixed(ours / anchor, 3), "<= 2");
    }
    std::filesystem::remove_all(dir);
}
