// The recipe engine on Duktape 2.7, built from the sources Debian's duktape-dev
// ships (/usr/share/duktape) rather than its prebuilt libduktape.so: that one
// is compiled without DUK_USE_EXEC_TIMEOUT_CHECK, and the time limit needs it.
// Our build (CMakeLists.txt beside this file) turns on:
//   DUK_USE_INTERRUPT_COUNTER + DUK_USE_EXEC_TIMEOUT_CHECK, calling
//     webhooksio_recipe_time_is_up() below every 16k bytecode instructions,
//     which keeps throwing a RangeError out of every catch once time is up;
//     cheaper and simpler than a forked child per run, and the heap stays ours;
//   webhooksio_recipe_collections() in the loop of collections Duktape runs
//     before it gives up on an allocation: none once time is up, so a recipe
//     that keeps allocating on a full heap can't spend seconds collecting;
//   DUK_USE_CPP_EXCEPTIONS: the engine unwinds with C++ exceptions instead of
//     longjmp, so the C++ functions the recipe calls may hold std::strings.
// The memory limit is a counting allocator handed to duk_create_heap().
#include "recipe_engine.hpp"

#include <duktape.h>

#include <boost/algorithm/string/case_conv.hpp>
#include <boost/json/parse.hpp>
#include <webhooksio/http_syntax.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>

namespace webhooksio::emulation {
namespace {

using clock = std::chrono::steady_clock;

// Everything one run needs, reachable from the heap through its udata.
struct run_state {
    run_state(const recipe_input& input, const recipe_limits& limits) : input(input), limits(limits) {}

    const recipe_input& input;
    const recipe_limits& limits;
    clock::time_point deadline = clock::now() + limits.time;
    std::size_t allocated = 0;
    bool refused_memory = false;
    bool timed_out = false;
    bool exited = false;    // exit() decided the outcome; the rest is unwinding
    bool stopping = false;  // the time check said stop; the engine is unwinding
    bool console_full = false;
    recipe_outcome outcome;
};

run_state& state_of(duk_context* ctx) {
    duk_memory_functions functions;
    duk_get_memory_functions(ctx, &functions);
    return *static_cast<run_state*>(functions.udata);
}

bool out_of_time(run_state& state) {
    if (!state.timed_out && clock::now() >= state.deadline) state.timed_out = true;
    return state.timed_out;
}

// ---- Memory: each block carries its size in front, so free and realloc can
// keep the count of what the heap holds.

struct alignas(std::max_align_t) block_header {
    std::size_t size;
};

// Also refuses once time is up, until the time check has stopped the recipe
// (it comes every 16k bytecode instructions): with no collections then
// (webhooksio_recipe_collections), each refusal costs next to nothing. Not
// after: unwinding the recipe needs memory.
bool reserve(run_state& state, std::size_t size) {
    if (!state.stopping && out_of_time(state)) return false;
    // Written so that nothing wraps, whatever the count.
    if (state.allocated > state.limits.memory || size > state.limits.memory - state.allocated) {
        state.refused_memory = true;
        return false;
    }
    state.allocated += size;
    return true;
}

void* allocate(void* udata, duk_size_t size) {
    auto& state = *static_cast<run_state*>(udata);
    if (size == 0 || !reserve(state, size)) return nullptr;
    auto* block = static_cast<block_header*>(std::malloc(sizeof(block_header) + size));
    if (!block) {
        state.allocated -= size;
        return nullptr;
    }
    block->size = size;
    return block + 1;
}

void release(void* udata, void* pointer) {
    if (!pointer) return;
    auto* block = static_cast<block_header*>(pointer) - 1;
    static_cast<run_state*>(udata)->allocated -= block->size;
    std::free(block);
}

void* reallocate(void* udata, void* pointer, duk_size_t size) {
    if (!pointer) return allocate(udata, size);
    if (size == 0) {
        release(udata, pointer);
        return nullptr;
    }
    auto& state = *static_cast<run_state*>(udata);
    auto* block = static_cast<block_header*>(pointer) - 1;
    const std::size_t old_size = block->size;
    if (size > old_size && !reserve(state, size - old_size)) return nullptr;
    auto* moved = static_cast<block_header*>(std::realloc(block, sizeof(block_header) + size));
    if (!moved) {
        if (size > old_size) state.allocated -= size - old_size;
        return nullptr;
    }
    if (size < old_size) state.allocated -= old_size - size;
    moved->size = size;
    return moved + 1;
}

// ---- Headers

bool is_private(std::string_view name) {
    return webhooksio::is_credential_header(name);
}

// Headers that frame the request on the wire: the emulator sets them, and a
// recipe's Content-Length or Transfer-Encoding could split one request in two.
bool is_framing(std::string_view name) {
    return webhooksio::is_framing_header(name);
}

std::string_view incoming_content_type(const recipe_input& input) {
    for (const auto& [name, value] : input.headers)
        if (webhooksio::equals_ignoring_case(name, "Content-Type")) return value;
    return {};
}

std::string_view to_view(duk_context* ctx, duk_idx_t index) {
    duk_size_t size = 0;
    const char* text = duk_get_lstring(ctx, index, &size);
    return {text, size};
}

// ---- What the recipe sees

// Appends `text` to the console output, up to limits.console bytes; the
// first text that does not fit is cut (at a character's start) and marked,
// and nothing is kept after it.
void keep_console(run_state& state, std::string_view text) {
    auto& console = state.outcome.console;
    const std::size_t room = state.limits.console - console.size();
    if (text.size() <= room) {
        console += text;
        return;
    }
    constexpr std::string_view cut = "\n[console output cut]\n";
    state.console_full = true;
    const std::size_t keep = state.limits.console > cut.size() ? state.limits.console - cut.size() : 0;
    if (console.size() < keep) console += text.substr(0, keep - console.size());
    console.resize(std::min(console.size(), keep));
    while (!console.empty() && (static_cast<unsigned char>(console.back()) & 0xC0) == 0x80) console.pop_back();
    if (!console.empty() && static_cast<unsigned char>(console.back()) >= 0xC0) console.pop_back();
    console += cut.substr(0, state.limits.console - console.size());
}

// console.log(...): arguments joined by spaces, objects as JSON, one line a
// call. Each piece goes straight to the kept output, so a call never builds
// more than the console can still keep, whatever its arguments hold.
duk_ret_t console_log(duk_context* ctx) {
    auto& state = state_of(ctx);
    for (duk_idx_t i = 0, n = duk_get_top(ctx); i < n && !state.console_full; ++i) {
        if (i) keep_console(state, " ");
        if (duk_is_object(ctx, i) && !duk_is_function(ctx, i)) duk_json_encode(ctx, i);
        duk_safe_to_string(ctx, i);
        if (!state.console_full) keep_console(state, to_view(ctx, i));
    }
    if (!state.console_full) keep_console(state, "\n");
    return 0;
}

// Nothing of a failed run is sent: only its console output stays.
void fail(recipe_outcome& outcome, std::string reason) {
    recipe_outcome failed;
    failed.console = std::move(outcome.console);
    failed.error = std::move(reason);
    outcome = std::move(failed);
}

// result.headers: an object of name: value; values may be strings, numbers or
// booleans. Content-Type goes to outcome.content_type.
bool take_headers(duk_context* ctx, duk_idx_t headers, recipe_outcome& outcome) {
    if (duk_is_null_or_undefined(ctx, headers)) return true;
    if (!duk_is_object(ctx, headers) || duk_is_array(ctx, headers) || duk_is_function(ctx, headers)) {
        fail(outcome, "result.headers must be an object of header names and values");
        return false;
    }
    duk_enum(ctx, headers, DUK_ENUM_OWN_PROPERTIES_ONLY);
    while (duk_next(ctx, -1, 1)) {
        std::string name{to_view(ctx, -2)};
        if (!duk_is_string(ctx, -1) && !duk_is_number(ctx, -1) && !duk_is_boolean(ctx, -1)) {
            fail(outcome, "result.headers[\"" + name + "\"] must be a string, a number or a boolean");
            return false;
        }
        duk_to_string(ctx, -1);
        std::string value{to_view(ctx, -1)};
        duk_pop_2(ctx);
        if (!is_http_token(name)) {
            fail(outcome, "result.headers holds an invalid header name (only letters, digits and !#$%&'*+-.^_`|~ may be used)");
            return false;
        }
        if (!is_http_field_value(value)) {
            fail(outcome, "result.headers[\"" + name + "\"] holds a control character (CR, LF, NUL or another)");
            return false;
        }
        if (is_framing(name)) {
            fail(outcome, "result.headers may not set " + name + ": the emulator frames the request itself");
            return false;
        }
        if (webhooksio::equals_ignoring_case(name, "Content-Type"))
            outcome.content_type = std::move(value);
        else
            outcome.headers.emplace_back(std::move(name), std::move(value));
    }
    duk_pop(ctx);
    return true;
}

// Decides the outcome from exit()'s argument, at index 0.
void decide(duk_context* ctx, run_state& state) {
    auto& outcome = state.outcome;
    if (duk_is_null(ctx, 0) || (duk_is_boolean(ctx, 0) && !duk_get_boolean(ctx, 0))) {
        outcome.outcome = recipe_outcome::kind::drop;
        return;
    }
    if (!duk_is_object(ctx, 0) || duk_is_array(ctx, 0) || duk_is_function(ctx, 0))
        return fail(outcome, "exit() takes the result object, or false or null to drop the message");

    duk_get_prop_string(ctx, 0, "data");
    if (duk_is_string(ctx, -1)) {
        outcome.body = to_view(ctx, -1);
        outcome.content_type = incoming_content_type(state.input);
        if (outcome.content_type.empty()) outcome.content_type = "text/plain; charset=utf-8";
    } else if (duk_is_undefined(ctx, -1)) {
        return fail(outcome, "result.data is undefined: there is nothing to send");
    } else {
        duk_json_encode(ctx, -1);
        if (!duk_is_string(ctx, -1)) return fail(outcome, "result.data cannot be written as JSON");
        outcome.body = to_view(ctx, -1);
        outcome.content_type = "application/json";
    }

    duk_get_prop_string(ctx, 0, "headers");
    if (!take_headers(ctx, duk_get_top_index(ctx), outcome)) return;

    duk_dup(ctx, 0);
    duk_json_encode(ctx, -1);
    boost::system::error_code ec;
    outcome.result = boost::json::parse(to_view(ctx, -1), ec);
    if (ec) return fail(outcome, "the result passed to exit() cannot be read as JSON");
    outcome.outcome = recipe_outcome::kind::deliver;
}

// exit(result): the first call decides; it then throws to unwind the recipe,
// and if the recipe catches that, time counts as up (see the timeout check).
duk_ret_t exit_recipe(duk_context* ctx) {
    auto& state = state_of(ctx);
    if (!state.exited) {
        decide(ctx, state);
        state.exited = true;
    }
    return duk_error(ctx, DUK_ERR_ERROR, "exit() was called");
}

void put_global(duk_context* ctx, const char* name, duk_c_function function, duk_idx_t nargs) {
    duk_push_c_function(ctx, function, nargs);
    duk_put_global_string(ctx, name);
}

// `data`: the payload as JSON, or its text when it does not parse.
duk_ret_t decode_json(duk_context* ctx, void*) {
    duk_json_decode(ctx, -1);
    return 1;
}

void push_data(duk_context* ctx, std::string_view payload) {
    duk_push_lstring(ctx, payload.data(), payload.size());
    if (duk_safe_call(ctx, decode_json, nullptr, 1, 1) != DUK_EXEC_SUCCESS) {
        duk_pop(ctx);
        duk_push_lstring(ctx, payload.data(), payload.size());
    }
}

// `headers`: names lower-cased (as Node.js does, so a recipe reads
// headers["content-type"] whatever the sender's case), repeats joined by ", ".
void push_headers(duk_context* ctx, const header_list& headers) {
    duk_push_object(ctx);
    for (const auto& [name, value] : headers) {
        if (is_private(name)) continue;
        const std::string key = boost::algorithm::to_lower_copy(name);
        std::string joined = value;
        if (duk_get_prop_lstring(ctx, -1, key.data(), key.size())) joined = std::string(to_view(ctx, -1)) + ", " + value;
        duk_pop(ctx);
        duk_push_lstring(ctx, joined.data(), joined.size());
        duk_put_prop_lstring(ctx, -2, key.data(), key.size());
    }
}

// The whole run, inside one protected call.
duk_ret_t run_in_heap(duk_context* ctx, void* udata) {
    auto& state = *static_cast<run_state*>(udata);
    const auto& input = state.input;

    // Duktape 2 has no print, alert or require; its `Duktape` object is the
    // last way to reach engine internals (finalizers, modSearch), so it goes.
    duk_push_global_object(ctx);
    duk_del_prop_string(ctx, -1, "Duktape");
    duk_pop(ctx);

    push_data(ctx, input.payload);
    duk_push_object(ctx);
    duk_dup(ctx, -2);
    duk_put_prop_string(ctx, -2, "data");
    duk_put_global_string(ctx, "result");
    duk_put_global_string(ctx, "data");
    duk_push_lstring(ctx, input.event_type.data(), input.event_type.size());
    duk_put_global_string(ctx, "event_type");
    push_headers(ctx, input.headers);
    duk_put_global_string(ctx, "headers");

    duk_push_object(ctx);
    for (const char* name : {"log", "info", "warn", "error"}) {
        duk_push_c_function(ctx, console_log, DUK_VARARGS);
        duk_put_prop_string(ctx, -2, name);
    }
    duk_put_global_string(ctx, "console");
    put_global(ctx, "exit", exit_recipe, 1);

    duk_push_string(ctx, "recipe");
    duk_compile_lstring_filename(ctx, 0, input.code.data(), input.code.size());
    duk_call(ctx, 0);
    duk_pop(ctx);
    if (!state.exited) {
        if (!duk_get_global_string(ctx, "wh") || !duk_is_function(ctx, -1))
            return duk_error(ctx, DUK_ERR_REFERENCE_ERROR, "the recipe must define function wh()");
        duk_call(ctx, 0);
    }
    return 0;
}

// Why a run that did not reach exit() failed.
std::string failure_reason(run_state& state, std::string_view thrown) {
    if (out_of_time(state))
        return "the recipe ran out of time (limit " + std::to_string(state.limits.time.count()) + " ms)";
    if (state.refused_memory)
        return "the recipe ran out of memory (limit " + std::to_string(state.limits.memory) + " bytes): " +
               std::string(thrown);
    return "the recipe threw " + std::string(thrown);
}

struct heap_deleter {
    void operator()(duk_context* ctx) const { duk_destroy_heap(ctx); }
};

}  // namespace

recipe_outcome run_recipe(const recipe_input& input, const recipe_limits& limits) {
    run_state state{input, limits};
    std::unique_ptr<duk_context, heap_deleter> heap{duk_create_heap(allocate, reallocate, release, &state, nullptr)};
    duk_context* ctx = heap.get();
    if (!ctx) {
        fail(state.outcome, "the recipe engine could not start within the memory limit (" +
                                std::to_string(limits.memory) + " bytes)");
        return std::move(state.outcome);
    }
    // With no fatal handler, a fatal error (Duktape's: an error outside any
    // protected call, which run_in_heap leaves none of) throws
    // duk_fatal_exception, a std::runtime_error. The heap is then unsafe to
    // use, even to destroy: it is left, and its memory with it.
    try {
        const auto status = duk_safe_call(ctx, run_in_heap, &state, 0, 1);
        if (!state.exited) {
            if (status != DUK_EXEC_SUCCESS)
                fail(state.outcome, failure_reason(state, duk_safe_to_string(ctx, -1)));
            else
                fail(state.outcome, "the recipe ended without calling exit(result)");
        }
    } catch (const std::runtime_error& fatal) {
        (void)heap.release();
        fail(state.outcome, std::string("the recipe engine stopped: ") + fatal.what());
    }
    return std::move(state.outcome);
}

}  // namespace webhooksio::emulation

// Duktape's DUK_USE_EXEC_TIMEOUT_CHECK (declared in our duk_config.h).
// Also true once exit() has decided, so a recipe that catches exit's throw
// is stopped at the next check instead of running on.
int webhooksio_recipe_time_is_up(void* udata) {
    auto& state = *static_cast<webhooksio::emulation::run_state*>(udata);
    state.stopping = state.exited || out_of_time(state);
    return state.stopping;
}

// Duktape's retry loop after a refused allocation (patched, see CMakeLists.txt).
int webhooksio_recipe_collections(void* udata, int limit) {
    auto& state = *static_cast<webhooksio::emulation::run_state*>(udata);
    return out_of_time(state) ? 0 : limit;
}
