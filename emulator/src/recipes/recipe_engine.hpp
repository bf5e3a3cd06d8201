// Runs one recipe: the JavaScript transform a Webhooks.io user attaches to an
// input or a destination, on an embedded Duktape engine, sandboxed.
//
// The contract, from the API docs and the emulator's own choices (issue 14):
// the code declares `function wh(){ ... }` and ends by calling `exit(result)`.
// In scope: `data` (the payload parsed as JSON, or its raw text when it is not
// JSON), `event_type`, `headers` (the incoming headers, names lower-cased,
// without Authorization, Cookie and Proxy-Authorization) and `result`,
// pre-filled with `{data: data}`. `console.log` is captured. `exit(false)` or
// `exit(null)` drops the message. Each run gets a fresh heap with no I/O and
// no module loading, a time limit and a memory limit.
#pragma once

#include <boost/json/value.hpp>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace webhooksio::emulation {

struct recipe_limits {
    std::chrono::milliseconds time{100};  // wall-clock time of one run
    std::size_t memory = 16 << 20;        // bytes the engine's heap may hold at once
    std::size_t console = 64 << 10;       // bytes of console output kept
};

using header_list = std::vector<std::pair<std::string, std::string>>;

struct recipe_input {
    std::string_view code;
    std::string_view payload;  // the raw body text
    std::string_view event_type;
    header_list headers;  // the incoming request's, as received
};

struct recipe_outcome {
    enum class kind { deliver, drop, failed };
    kind outcome = kind::failed;
    std::string body{};          // result.data: as is when a string, else as JSON
    std::string content_type{};  // of body; a Content-Type in result.headers wins
    header_list headers{};       // result.headers, validated, without Content-Type
    boost::json::value result{};  // the object passed to exit(), as JSON
    std::string console{};       // console output, at most recipe_limits::console bytes
    std::string error{};         // why the run failed, a full sentence
};

// Throws only std::bad_alloc, never for anything the recipe does: a throw, a timeout, too much
// memory, no exit() or a bad header all come back as kind::failed with the
// reason in `error`.
recipe_outcome run_recipe(const recipe_input& input, const recipe_limits& limits = {});

}  // namespace webhooksio::emulation
