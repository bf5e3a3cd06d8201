// webhooksio-emulator: the local Webhooks.io emulator as a program.
//
//   webhooksio-emulator [--port N] [--host ADDRESS] [--data FILE] [OPTIONS]
//
// Serves until SIGINT or SIGTERM, then stops cleanly. With --data the state
// is kept in FILE across restarts. --help prints every option (on stdout);
// an unknown or malformed option is an error (exit status 2).
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <webhooksio/emulator.hpp>

namespace {

constexpr const char* usage = "usage: webhooksio-emulator [--port N] [--host ADDRESS] [--data FILE] [OPTIONS]";

// CLI11's help with our one usage line in place of its own "Usage: ..." (its
// formatter is made to be customised this way).
class help_formatter : public CLI::Formatter {
public:
    std::string make_usage(const CLI::App*, std::string) const override { return {}; }
};

}  // namespace

int main(int argc, char** argv) {
    webhooksio::emulator_options options{.port = 8080};
    std::string data_file;
    long long retry_unit_ms = options.retry_interval_unit.count();
    long long delivery_timeout_ms = options.delivery_timeout.count();
    long long recipe_time_ms = options.recipe_time.count();
    std::size_t recipe_memory_mib = options.recipe_memory >> 20;
    long long signing_overlap_s = options.signing_overlap.count();
    long long head_timeout_ms = options.head_timeout.count();

    CLI::App app{std::string(usage) + "\nThe local Webhooks.io emulator: serves the API until SIGINT or SIGTERM.",
                 "webhooksio-emulator"};
    app.formatter(std::make_shared<help_formatter>());
    app.add_option("--port", options.port, "the port to listen on (0 picks a free one)")
        ->capture_default_str()
        ->check(CLI::Range(0, 65535));
    app.add_option("--host", options.host, "the address to listen on")->capture_default_str();
    app.add_option("--data", data_file, "keep the state in FILE across restarts")->type_name("FILE");
    app.add_option("--retry-unit-ms", retry_unit_ms, "what one unit of a destination's retry_interval lasts, in ms")
        ->capture_default_str()
        ->check(CLI::Range(1LL, 86'400'000LL));
    app.add_option("--delivery-timeout-ms", delivery_timeout_ms, "the time one delivery attempt may take, in ms")
        ->capture_default_str()
        ->check(CLI::Range(1LL, 3'600'000LL));
    app.add_option("--recipe-time-ms", recipe_time_ms, "the time one run of a recipe may take, in ms")
        ->capture_default_str()
        ->check(CLI::Range(1LL, 60'000LL));
    app.add_option("--recipe-memory-mib", recipe_memory_mib, "the memory one run of a recipe may hold, in MiB")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{4096}));
    app.add_option("--signing-overlap", signing_overlap_s,
                   "after a destination's signing_secret changes, how long the old one still signs, in seconds")
        ->capture_default_str()
        ->check(CLI::Range(0LL, 365LL * 86'400));
    app.add_option("--allowed-origins", options.allowed_origins,
                   "the origins browser pages may call from (CORS), comma-separated; * for any")
        ->delimiter(',')
        ->default_str("*");
    app.add_option("--max-connections", options.max_connections, "connections served at once (more wait)")
        ->capture_default_str()
        ->check(CLI::Range(1u, 100'000u));
    app.add_flag("--deny-private-destinations", options.deny_private_destinations,
                 "refuse destinations and dynamic routes to loopback, private and other non-public addresses");
    app.add_option("--max-body", options.max_body, "the largest request body accepted, in bytes (larger: 413)")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30));
    app.add_option("--head-timeout-ms", head_timeout_ms,
                   "the time a client has to send a whole request head, in ms (slower: cut off)")
        ->capture_default_str()
        ->check(CLI::Range(1LL, 3'600'000LL));
    app.add_option("--max-head-bytes", options.max_head_bytes, "the largest request head accepted, in bytes (larger: 431)")
        ->capture_default_str()
        ->check(CLI::Range(std::uint32_t{256}, std::uint32_t{1} << 24));
    app.add_option("--max-head-lines", options.max_head_lines, "the most header lines a request may have (more: 431)")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{100'000}));
    app.add_option("--max-hops", options.max_hops,
                   "the times a webhook may pass through emulators; the gateway answers 508 past it (delivery loops)")
        ->capture_default_str()
        ->check(CLI::Range(1u, 1000u));

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        std::cout << app.help();
        return 0;
    } catch (const CLI::ParseError& e) {
        std::cerr << "webhooksio-emulator: " << e.what() << "\n(--help lists the options)\n";
        return 2;
    }
    options.data_file = data_file;
    options.retry_interval_unit = std::chrono::milliseconds(retry_unit_ms);
    options.delivery_timeout = std::chrono::milliseconds(delivery_timeout_ms);
    options.recipe_time = std::chrono::milliseconds(recipe_time_ms);
    options.recipe_memory = recipe_memory_mib << 20;
    options.signing_overlap = std::chrono::seconds(signing_overlap_s);
    options.head_timeout = std::chrono::milliseconds(head_timeout_ms);

    // Every thread the emulator starts inherits this mask, so the signals
    // come to sigwait below and the emulator is stopped by its destructor.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    try {
        webhooksio::emulator emulator(options);
        std::cout << "webhooksio-emulator listening on " << emulator.base_url()
                  << (data_file.empty() ? std::string() : ", state in " + data_file) << std::endl;
        int received = 0;
        sigwait(&stop_signals, &received);
        std::cout << "stopping" << std::endl;
    } catch (const std::exception& e) {
        std::cerr << "webhooksio-emulator: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
