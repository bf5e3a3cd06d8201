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
    // Attempts run at once; one at a time per destination, so a slow one
    // holds one thread, never all.
    unsigned delivery_threads = 4;
    // The largest request body accepted; a larger one is answered 413.
    std::size_t max_body = 8u << 20;
    // The origins whose browser pages may call the API (CORS): "*" for any,
    // else exact origins ("https://app.example.com"). Empty: none.
    std::vector<std::string> allowed_origins{"*"};
    // Slow clients: each connection is served on a thread of its own, up to
    // max_connections at once (beyond that they wait), so that a few slow or
    // idle ones cannot starve the others. A read or write that makes no
    // progress for its timeout ends the connection; a kept-alive connection
    // idle for keep_alive_timeout is closed.
    unsigned max_connections = 256;
    std::chrono::seconds read_timeout{5};
    std::chrono::seconds write_timeout{5};
    std::chrono::seconds keep_alive_timeout{5};
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
