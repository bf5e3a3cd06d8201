// Benchmark 3: 1, 2, 4 and 8 threads sharing one client, each making
// sequential call<create_bucket> calls; calls per second, and how many
// connections the server saw (distinct client ports). The anchor is as many
// threads each with its own hand-written httplib::Client.
//
//   bench_concurrency [calls per round]
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <webhooksio/webhooksio.hpp>

#include "bench_report.hpp"
#include "bench_server.hpp"

namespace wh = webhooksio;

namespace {

struct measured {
    double rate = 0;
    std::size_t connections = 0;
};

// Runs `calls` calls split over `threads` threads, all released at once by a
// latch; `call(thread index)` makes one call.
template <class Call>
measured run(bench::bench_server& server, int threads, int calls, Call call) {
    server.forget_ports();
    std::latch start(threads + 1);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            start.arrive_and_wait();
            for (int i = 0; i < calls / threads; ++i) call(t);
        });
    start.arrive_and_wait();
    const auto begin = bench::clock::now();
    for (auto& worker : workers) worker.join();
    const double elapsed = bench::seconds_since(begin);
    return {calls / threads * threads / elapsed, server.connections_seen()};
}

}  // namespace

int main(int argc, char** argv) {
    const int calls = argc > 1 ? std::atoi(argv[1]) : 2000;
    bench::bench_server server;
    const httplib::Headers headers{{"Authorization", "Bearer BENCH-KEY"},
                                   {"Accept", "application/json"},
                                   {"User-Agent", std::string("webhooksio-cpp/") + wh::version}};
    const std::string body = R"({"name":"My Bucket","key":"my-bucket"})";
    const wh::api::create_bucket::params ids{wh::account_id{"AC1"}};
    const wh::api::create_bucket::options options{.name = "My Bucket", .key = "my-bucket"};

    // Each configuration runs in rounds, the library and the anchor taking
    // turns, with fresh clients each round so that every connection counted
    // was opened by it; the figures are the medians of the rounds.
    constexpr int rounds = 5;
    bool ok = true;
    double one_thread_rate = 0;
    for (int threads : {1, 2, 4, 8}) {
        std::vector<double> ours, anchor, ratios;
        std::size_t most_connections = 0, fewest_connections = SIZE_MAX;
        auto run_ours = [&] {
            wh::client api("BENCH-KEY", {.base_url = server.base_url()});
            const measured m =
                run(server, threads, calls, [&](int) { bench::keep(api.call<wh::api::create_bucket>(ids, options)); });
            most_connections = std::max(most_connections, m.connections);
            fewest_connections = std::min(fewest_connections, m.connections);
            ours.push_back(m.rate);
        };
        auto run_anchor = [&] {
            std::vector<std::unique_ptr<httplib::Client>> raw;
            for (int t = 0; t < threads; ++t) {
                raw.push_back(std::make_unique<httplib::Client>("127.0.0.1", server.port()));
                raw.back()->set_tcp_nodelay(true);
                raw.back()->set_keep_alive(true);
            }
            anchor.push_back(run(server, threads, calls, [&](int t) {
                                 auto answer = raw[t]->Post("/v1/accounts/AC1/buckets", headers, body, "application/json");
                                 if (!answer || answer->status != 201) std::abort();
                                 bench::keep(boost::json::parse(answer->body));
                             }).rate);
        };
        for (int round = 0; round < rounds; ++round) {
            if (round % 2 == 0) {
                run_ours();
                run_anchor();
            } else {
                run_anchor();
                run_ours();
            }
            ratios.push_back(ours.back() / anchor.back());
        }
        const double rate = bench::median(ours);
        if (threads == 1) one_thread_rate = rate;
        const std::string connections = most_connections == fewest_connections
                                            ? std::to_string(most_connections)
                                            : std::to_string(fewest_connections) + " to " + std::to_string(most_connections);
        bench::row("3. " + std::to_string(threads) + " thread(s) sharing one client (" + std::to_string(rounds) +
                       " x " + std::to_string(calls) + " calls, interleaved; medians)",
                   bench::fixed(rate, 0) + " calls/s on " + connections + " connection(s), " +
                       bench::fixed(rate / one_thread_rate, 2) + " x 1 thread",
                   bench::fixed(bench::median(anchor), 0) + " calls/s, " + std::to_string(threads) +
                       " raw `httplib::Client`(s)",
                   bench::fixed(bench::median(ratios), 3), "one connection per thread");
        ok = ok && most_connections == std::size_t(threads) && fewest_connections == std::size_t(threads);
    }
    if (!ok) std::fprintf(stderr, "note: a configuration did not use exactly one connection per thread\n");
    return 0;
}
