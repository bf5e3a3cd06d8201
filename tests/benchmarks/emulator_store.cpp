// Benchmark 6: what the emulator's store costs with much stored. create_bucket
// and get_buckets latency against an emulator holding 100 MB of incoming
// messages in its data file, and against an empty one, interleaved in rounds
// (medians): a write adds the rows it changed to the SQLite WAL and a read
// reads only what it returns, so the two should be close (goal: within 1.2x).
// Then requests per second with 4 writers at once against 1 writer.
//
//   bench_emulator_store [rounds] [calls per round] [stored MB]
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
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
    double writes(int calls) {
        const auto start = bench::clock::now();
        for (int i = 0; i < calls; ++i) bench::keep(api.create_bucket(account, {.name = "b"}));
        return bench::seconds_since(start) / calls;
    }
    // Seconds per get_buckets over `calls` calls.
    double reads(int calls) {
        const auto start = bench::clock::now();
        for (int i = 0; i < calls; ++i) bench::keep(api.get_buckets(account));
        return bench::seconds_since(start) / calls;
    }
    // Requests per second of `writers` threads, each with a client of its own, `calls` create_bucket each.
    double throughput(int writers, int calls) {
        std::vector<std::thread> threads;
        const auto start = bench::clock::now();
        for (int w = 0; w < writers; ++w)
            threads.emplace_back([&] {
                wh::client own(std::string(session.at("api_token").as_string()), {.base_url = server.base_url()});
                for (int i = 0; i < calls; ++i) bench::keep(own.create_bucket(account, {.name = "w"}));
            });
        for (auto& t : threads) t.join();
        return writers * calls / bench::seconds_since(start);
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
        setup empty(dir / "empty.db");
        setup loaded(dir / "loaded.db");
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
        empty.writes(calls / 2);  // warm-up, and one bucket more in the loaded account: the two list as many
        empty.writes(1);
        loaded.writes(calls / 2);
        std::vector<double> write_empty, write_loaded, read_empty, read_loaded;
        for (int r = 0; r < rounds; ++r) {
            write_empty.push_back(empty.writes(calls));
            write_loaded.push_back(loaded.writes(calls));
            read_empty.push_back(empty.reads(calls));
            read_loaded.push_back(loaded.reads(calls));
        }
        const std::string setting = std::to_string(stored_mb) + " MB of messages stored (data file; " +
                                    std::to_string(rounds) + " x " + std::to_string(calls) + " calls, interleaved; medians)";
        auto latency_row = [&](const std::string& call, const std::vector<double>& ours, const std::vector<double>& anchor) {
            const double with = bench::median(ours) * 1e6, without = bench::median(anchor) * 1e6;
            bench::row("6. emulator, " + call + " latency with " + setting, bench::fixed(with, 0) + " us/call",
                       "an empty emulator: " + bench::fixed(without, 0) + " us/call", bench::fixed(with / without, 3),
                       "<= 1.2");
        };
        latency_row("create_bucket", write_loaded, write_empty);
        latency_row("get_buckets", read_loaded, read_empty);

        // Each commit waits for its fsync: 4 writers share the server's lock,
        // so the figure is the store's commit rate, against one writer's.
        std::vector<double> four, one;
        for (int r = 0; r < rounds; ++r) {
            one.push_back(loaded.throughput(1, calls));
            four.push_back(loaded.throughput(4, calls / 4));
        }
        const double with_four = bench::median(four), with_one = bench::median(one);
        bench::row("6. emulator, create_bucket requests per second, 4 concurrent writers, " + setting,
                   bench::fixed(with_four, 0) + " req/s", "1 writer: " + bench::fixed(with_one, 0) + " req/s",
                   bench::fixed(with_four / with_one, 3), ">= 1");
    }
    std::filesystem::remove_all(dir);
}
