// Benchmarks 1 and 5: sequential keep-alive POSTs over loopback, this client's
// call<create_bucket> against a hand-written httplib::Client making the same
// request, interleaved in rounds against one in-process server. Also the heap
// allocations each call makes on the calling thread, and the peak RSS.
//
//   bench_throughput [rounds] [calls per round]
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <webhooksio/webhooksio.hpp>

#include "allocation_counter.hpp"
#include "bench_report.hpp"
#include "bench_server.hpp"

namespace wh = webhooksio;

namespace {

constexpr const char* api_key = "BENCH-KEY";

// What the library sends for the call below, written out by hand.
struct raw_client {
    explicit raw_client(int port) : http("127.0.0.1", port) {
        http.set_tcp_nodelay(true);
        http.set_keep_alive(true);
    }

    // Not inlined, so that callgrind can count it (tools/bench.sh).
    [[gnu::noinline]] void call() {
        auto answer = http.Post("/v1/accounts/AC1/buckets", headers, body, "application/json");
        if (!answer || answer->status != 201) {
            std::fprintf(stderr, "raw client: the call failed\n");
            std::exit(1);
        }
        bench::keep(boost::json::parse(answer->body));
    }

    httplib::Client http;
    const httplib::Headers headers{{"Authorization", std::string("Bearer ") + api_key},
                                   {"Accept", "application/json"},
                                   {"User-Agent", std::string("webhooksio-cpp/") + wh::version}};
    const std::string body = R"({"name":"My Bucket","key":"my-bucket"})";
};

struct library_client {
    explicit library_client(const std::string& base_url) : api(api_key, {.base_url = base_url}) {}

    [[gnu::noinline]] void call() { bench::keep(api.call<wh::api::create_bucket>(ids, options)); }

    wh::client api;
    const wh::api::create_bucket::params ids{wh::account_id{"AC1"}};
    const wh::api::create_bucket::options options{.name = "My Bucket", .key = "my-bucket"};
};

struct tally {
    std::size_t calls = 0;
    std::size_t allocations = 0;
    std::vector<double> round_rates;

    template <class Client>
    void run(Client& client, int calls_now) {
        const std::size_t allocations_before = bench::allocations_on_this_thread();
        const auto start = bench::clock::now();
        for (int i = 0; i < calls_now; ++i) client.call();
        const double elapsed = bench::seconds_since(start);
        allocations += bench::allocations_on_this_thread() - allocations_before;
        calls += calls_now;
        round_rates.push_back(calls_now / elapsed);
    }
    double allocations_per_call() const { return double(allocations) / calls; }
};

double max_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;  // Linux reports KiB
}

}  // namespace

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::atoi(argv[1]) : 20;
    const int calls_per_round = argc > 2 ? std::atoi(argv[2]) : 500;

    bench::bench_server server;
    library_client library(server.base_url());
    raw_client raw(server.port());

    // Warm up both: connect, fill caches, let the allocator settle.
    tally warm_up;
    warm_up.run(library, 200);
    warm_up.run(raw, 200);
    const double rss_before = max_rss_mib();

    // Interleaved, and each starts every other round, so that drift in the
    // machine's load hits both alike.
    tally ours, anchor;
    for (int round = 0; round < rounds; ++round) {
        if (round % 2 == 0) {
            ours.run(library, calls_per_round);
            anchor.run(raw, calls_per_round);
        } else {
            anchor.run(raw, calls_per_round);
            ours.run(library, calls_per_round);
        }
    }
    const std::size_t connections = server.connections_seen();
    // The ratio of each round's pair of runs, then the median: a load spike
    // spoils one pair, not the figure.
    std::vector<double> ratios;
    for (int round = 0; round < rounds; ++round) ratios.push_back(ours.round_rates[round] / anchor.round_rates[round]);

    bench::row("1. throughput, sequential keep-alive `call<create_bucket>` (" + std::to_string(rounds) + " x " +
                   std::to_string(calls_per_round) + " calls each, interleaved; medians of the rounds)",
               bench::fixed(bench::median(ours.round_rates), 0) + " calls/s",
               "raw `httplib::Client`: " + bench::fixed(bench::median(anchor.round_rates), 0) + " calls/s",
               bench::fixed(bench::median(ratios), 3), ">= 0.95");
    bench::row("5. heap allocations per call, calling thread, steady state",
               bench::fixed(ours.allocations_per_call(), 1), "raw: " + bench::fixed(anchor.allocations_per_call(), 1),
               bench::fixed(ours.allocations_per_call() / anchor.allocations_per_call(), 2), "-");
    bench::row("5. peak RSS of the throughput run (whole process: both clients and the server)",
               bench::fixed(max_rss_mib(), 1) + " MiB",
               "after warm-up: " + bench::fixed(rss_before, 1) + " MiB",
               bench::fixed(max_rss_mib() / rss_before, 2), "-");
    if (connections != 2)
        std::fprintf(stderr, "note: the server saw %zu connections, not one per client\n", connections);
    return 0;
}
