// Benchmark 8: the emulator's gateway throughput. Webhooks of 1 KiB posted
// to an input (no destination) by `clients` threads, each on one kept-alive
// connection, in rounds (median requests per second). The figure compares
// builds, not libraries: run it on two builds back to back (tools/bench.sh
// on each branch) and read the rows side by side. On a busy machine the CPU
// time per webhook (the whole process: the emulator and its clients, which
// are the same in both builds) is the steadier figure.
//
//   bench_gateway [rounds] [requests per client per round] [clients]
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <webhooksio/emulator.hpp>
#include <webhooksio/webhooksio.hpp>

#include "bench_report.hpp"

namespace wh = webhooksio;

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::atoi(argv[1]) : 5;
    const int requests = argc > 2 ? std::atoi(argv[2]) : 500;
    const int clients = argc > 3 ? std::atoi(argv[3]) : 4;

    wh::emulator server;
    wh::client anonymous("anonymous-key", {.base_url = server.base_url()});
    const auto session = anonymous.register_account({.first_name = "B", .last_name = "B", .email_address = "b@example.com",
                                                     .password = "pw", .plan_id = wh::plan_id{"free"}, .invite_code = "i",
                                                     .password_confirm = "pw"});
    wh::client api(std::string(session.at("api_token").as_string()), {.base_url = server.base_url()});
    const wh::account_id account{std::string(session.at("account_id").as_string())};
    const wh::bucket_id bucket{std::string(api.create_bucket(account, {.name = "b"}).at("id").as_string())};
    const std::string input(api.create_input(account, {.bucket_id = bucket, .name = "in"}).at("id").as_string());
    const std::string path = "/v1/in/" + input;
    const std::string body = "{\"type\":\"bench\",\"data\":\"" + std::string(1000, 'x') + "\"}";

    std::vector<double> rates, cpu_per_webhook;
    int failures = 0;
    for (int r = 0; r < rounds; ++r) {
        std::vector<int> failed(static_cast<std::size_t>(clients), 0);
        const auto start = bench::clock::now();
        const std::clock_t cpu_start = std::clock();
        std::vector<std::thread> threads;
        for (int c = 0; c < clients; ++c)
            threads.emplace_back([&, c] {
                httplib::Client sender("127.0.0.1", server.port());
                sender.set_keep_alive(true);
                sender.set_tcp_nodelay(true);  // as clients that care do: else Nagle times every request
                for (int i = 0; i < requests; ++i) {
                    auto answer = sender.Post(path.c_str(), body, "application/json");
                    if (!answer || answer->status != 200) ++failed[static_cast<std::size_t>(c)];
                }
            });
        for (auto& thread : threads) thread.join();
        rates.push_back(clients * requests / bench::seconds_since(start));
        cpu_per_webhook.push_back(1e6 * double(std::clock() - cpu_start) / CLOCKS_PER_SEC / (clients * requests));
        for (int f : failed) failures += f;
    }
    if (failures) std::fprintf(stderr, "bench_gateway: %d requests failed\n", failures);
    bench::row("gateway: webhooks/s, " + std::to_string(clients) + " kept-alive clients, 1 KiB each",
               bench::fixed(bench::median(rates), 0), "-", "-", "compare two builds side by side");
    bench::row("gateway: CPU microseconds per webhook (emulator and clients), " + std::to_string(clients) + " clients",
               bench::fixed(bench::median(cpu_per_webhook), 0), "-", "-", "compare two builds side by side");
    return failures ? 1 : 0;
}
