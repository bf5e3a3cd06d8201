// Benchmark 7: the asynchronous client (<webhooksio/asio.hpp>) on one thread,
// 64 calls of create_bucket in flight over 8 keep-alive connections,
// sustained (each answer starts the next call), against a hand-written
// Boost.Beast client doing the same requests over 8 keep-alive connections
// on one thread; then the resident memory with 10,000 calls queued at once.
//
//   bench_async [calls per round]
//   bench_async calls ours|beast   one run of one client, for callgrind
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <webhooksio/asio.hpp>
#include <webhooksio/webhooksio.hpp>

#include "bench_report.hpp"
#include "bench_server.hpp"

namespace wh = webhooksio;
namespace net = boost::asio;
namespace http = boost::beast::http;

namespace {

constexpr int in_flight = 64;
constexpr int connections = 8;
const wh::api::create_bucket::params ids{wh::account_id{"AC1"}};
const wh::api::create_bucket::options options{.name = "My Bucket", .key = "my-bucket"};

double ours(const bench::bench_server& server, int calls) {
    net::io_context io;
    wh::client_options settings{.base_url = server.base_url()};
    settings.max_connections = connections;
    wh::asio_client api(io.get_executor(), "BENCH-KEY", settings);
    int started = 0;
    std::function<void()> next = [&] {
        if (started == calls) return;
        ++started;
        api.async_call<wh::api::create_bucket>(ids, options, [&](boost::system::error_code ec, boost::json::value v) {
            if (ec) std::abort();
            bench::keep(v);
            next();
        });
    };
    const auto begin = bench::clock::now();
    for (int i = 0; i < in_flight; ++i) next();
    io.run();
    return calls / bench::seconds_since(begin);
}

// The anchor: what an Asio user would write by hand, the same bytes on the
// wire and the same JSON parse of each answer.
double hand_written(const bench::bench_server& server, int calls) {
    net::io_context io;
    http::request<http::string_body> request{http::verb::post, "/v1/accounts/AC1/buckets", 11};
    request.set(http::field::host, "127.0.0.1:" + std::to_string(server.port()));
    request.set(http::field::authorization, "Bearer BENCH-KEY");
    request.set(http::field::accept, "application/json");
    request.set(http::field::user_agent, std::string("webhooksio-cpp/") + wh::version);
    request.set(http::field::content_type, "application/json");
    request.body() = R"({"name":"My Bucket","key":"my-bucket"})";
    request.prepare_payload();
    auto worker = [&](int count) -> net::awaitable<void> {
        boost::beast::tcp_stream stream(io);
        co_await stream.async_connect(
            net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), net::ip::port_type(server.port())),
            net::use_awaitable);
        stream.socket().set_option(net::ip::tcp::no_delay(true));
        boost::beast::flat_buffer buffer;
        for (int i = 0; i < count; ++i) {
            co_await http::async_write(stream, request, net::use_awaitable);
            http::response<http::string_body> answer;
            co_await http::async_read(stream, buffer, answer, net::use_awaitable);
            if (answer.result_int() != 201) std::abort();
            bench::keep(boost::json::parse(answer.body()));
        }
    };
    const auto begin = bench::clock::now();
    for (int c = 0; c < connections; ++c) net::co_spawn(io, worker(calls / connections), net::detached);
    io.run();
    return calls / connections * connections / bench::seconds_since(begin);
}

// This process's resident memory now, in MiB.
double rss_mib() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024;
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const int calls = argc > 1 ? std::atoi(argv[1]) : 4000;
    bench::bench_server server;
    if (argc > 2) {
        // One client alone: its instructions are the main thread's, counted
        // by `valgrind --tool=callgrind --separate-threads=yes`.
        const std::string only = argv[2];
        std::printf("%.0f calls/s\n", only == "ours" ? ours(server, calls) : hand_written(server, calls));
        return 0;
    }
    constexpr int rounds = 5;
    std::vector<double> async_rates, beast_rates, beast_ratios;
    for (int round = 0; round < rounds; ++round) {
        // Interleaved, each taking the first turn in some rounds.
        if (round % 2 == 0) {
            async_rates.push_back(ours(server, calls));
            beast_rates.push_back(hand_written(server, calls));
        } else {
            beast_rates.push_back(hand_written(server, calls));
            async_rates.push_back(ours(server, calls));
        }
        beast_ratios.push_back(async_rates.back() / beast_rates.back());
    }
    const std::string figure = "7. async, one thread, 64 calls in flight over 8 connections (" +
                               std::to_string(rounds) + " x " + std::to_string(calls) + " calls, interleaved; medians)";
    bench::row(figure, bench::fixed(bench::median(async_rates), 0) + " calls/s",
               "hand-written Beast client, 8 connections: " + bench::fixed(bench::median(beast_rates), 0) + " calls/s",
               bench::fixed(bench::median(beast_ratios), 3), ">= 0.90");

    // Memory: 10,000 calls started at once, all but 8 waiting in line.
    const double before = rss_mib();
    {
        net::io_context io;
        wh::client_options settings{.base_url = server.base_url()};
        settings.max_connections = connections;
        wh::asio_client api(io.get_executor(), "BENCH-KEY", settings);
        int answered = 0;
        constexpr int queued = 10'000;
        for (int i = 0; i < queued; ++i)
            api.async_call<wh::api::create_bucket>(ids, options, [&](boost::system::error_code ec, boost::json::value) {
                answered += !ec;
            });
        io.poll();  // every call started: 8 on the wire, the rest in line
        const double with_queue = rss_mib();
        io.run();
        if (answered != queued) std::abort();
        bench::row("7. resident memory with 10,000 calls queued at once (one thread)",
                   bench::fixed(with_queue, 1) + " MiB (+" + bench::fixed(with_queue - before, 1) + " MiB)",
                   "the process before: " + bench::fixed(before, 1) + " MiB", "-", "< 64 MiB, no thread per call");
    }
    return 0;
}
