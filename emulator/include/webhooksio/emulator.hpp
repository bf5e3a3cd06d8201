// A local, stateful Webhooks.io emulator: an HTTP server on a loopback port
// that serves every call of the client's endpoint table, keeps what you create
// and really delivers webhooks. For development and tests:
//
//     webhooksio::emulator local;                    // 127.0.0.1, a free port
//     webhooksio::client api{key, {.base_url = local.base_url()}};
//
// A compiled library (CMake target webhooksio::emulator): this header is all
// a test file that starts one compiles. Its routes, methods and required
// options come from the client's compile-time table, so the two cannot drift
// apart.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace webhooksio {

struct emulator_options {
    std::string host = "127.0.0.1";
    int port = 0;                      // 0: a free port
    // A SQLite database, locked while the emulator runs (docs/emulator-store.md).
    std::filesystem::path data_file{};  // empty: the state lives in memory only
    // What one unit of a destination's retry_interval lasts (the API's unit
    // is a second; tests make it a millisecond).
    std::chrono::milliseconds retry_interval_unit{1000};
    // What one delivery attempt may last as a whole: connecting, sending and
    // reading the answer (of which the first 2 KiB are read and kept).
    std::chrono::milliseconds delivery_timeout{10000};
    // The limits of one run of a recipe (test_recipe, an input's, a
    // destination's): past them the run fails and its message with it.
    std::chrono::milliseconds recipe_time{100};
    std::size_t recipe_memory = 16 << 20;  // bytes
    // After a destination's signing_secret is changed, how long deliveries
    // carry the old secret's signature beside the new one's.
    std::chrono::seconds signing_overlap = std::chrono::hours(24);
    // Attempts run at once; one at a time per destination, so a slow one
    // holds one thread, never all, and a free thread goes to the account with
    // the fewest attempts under way, so one account's slow destinations or
    // recipes never keep another's deliveries waiting behind them.
    unsigned delivery_threads = 4;
    // Refuses destinations on the emulator's own machine or network: an
    // endpoint_url or dynamic route to a loopback, private, link-local or
    // otherwise non-public IP address (or localhost) is answered 400, and a
    // name that resolves to one is not delivered to. Off by default, so that
    // tests deliver to 127.0.0.1. For an emulator that others can reach.
    bool deny_private_destinations = false;
    // The largest request body accepted; a larger one is answered 413.
    std::size_t max_body = 8u << 20;
    // The origins whose browser pages may call the API (CORS): "*" for any,
    // else exact origins ("https://app.example.com"). Empty: none.
    std::vector<std::string> allowed_origins{"*"};
    // The HTTP server (docs/emulator-server.md): every connection is served
    // asynchronously by a few threads, up to max_connections at once (the
    // next ones wait until one ends). A request's head (its request line and
    // header lines) must be whole within head_timeout, and hold at most
    // max_head_bytes and max_head_lines header lines (else 431); its body
    // must be in within read_timeout after the head; an answer must be
    // written within write_timeout; a kept-alive connection idle for
    // keep_alive_timeout is closed.
    unsigned max_connections = 512;
    std::chrono::seconds read_timeout{5};
    std::chrono::seconds write_timeout{5};
    std::chrono::seconds keep_alive_timeout{5};
    std::chrono::milliseconds head_timeout{10'000};
    std::uint32_t max_head_bytes = 64u << 10;
    std::size_t max_head_lines = 100;
    // Every delivery carries a Webhooksio-Hops header, one more than the
    // request it came from; the gateway refuses (508 Loop Detected, logged) a
    // request that passed through emulators max_hops times already, so that
    // destinations pointing back at an input end.
    unsigned max_hops = 3;
};

class emulator {
public:
    // Loads the data file (a corrupt one, or one another emulator holds,
    // throws std::runtime_error naming it), binds
    // and starts serving; throws std::runtime_error when it cannot bind.
    explicit emulator(emulator_options options = {});

    // Stops serving, cancels attempts under way (a cancelled one is made
    // again after a restart with the same data file) and joins every thread.
    ~emulator();

    emulator(const emulator&) = delete;
    emulator& operator=(const emulator&) = delete;

    int port() const noexcept;
    std::string base_url() const;  // "http://127.0.0.1:PORT"

    // Waits until no delivery is queued or under way (retries included);
    // false when `timeout` passed first.
    bool wait_for_deliveries(std::chrono::milliseconds timeout = std::chrono::seconds(10));

    // While held, outgoing messages wait instead of being sent.
    void hold_deliveries();
    void release_deliveries();

private:
    class impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace webhooksio
