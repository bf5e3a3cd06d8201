// The emulator's recipe engine on its own: the API docs' contract for a
// recipe, and hostile recipes that must fail within their limits.
#define BOOST_TEST_MODULE recipe_engine
#include <boost/test/unit_test.hpp>

#include <recipe_engine.hpp>

#include <boost/json.hpp>

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <new>
#include <string>

// The largest block operator new handed out since the last reset: what the
// engine's own C++ code (console output, the outcome) asked for at once. The
// engine's heap is counted apart, by its allocator against the memory limit.
namespace {
std::atomic<std::size_t> largest_new{0};
}
void* operator new(std::size_t size) {
    std::size_t seen = largest_new.load();
    while (size > seen && !largest_new.compare_exchange_weak(seen, size)) {
    }
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace json = boost::json;
using webhooksio::emulation::recipe_input;
using webhooksio::emulation::recipe_limits;
using webhooksio::emulation::recipe_outcome;
using webhooksio::emulation::run_recipe;
using kind = recipe_outcome::kind;

namespace {

// Tests that are not about the time limit must not fail because a loaded
// machine held the process back for 100 ms.
const recipe_limits unhurried{.time = std::chrono::seconds(30)};

recipe_outcome run(std::string_view code, std::string_view payload = R"({"name":"Ada","plan":"pro"})",
                   const recipe_limits& limits = unhurried) {
    return run_recipe({.code = code, .payload = payload, .event_type = "invoice.paid", .headers = {}}, limits);
}

// Bytes malloc has handed out and not yet taken back (glibc).
std::size_t heap_in_use() { return mallinfo2().uordblks; }

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

}  // namespace

BOOST_AUTO_TEST_CASE(the_docs_example_reshapes_the_payload) {
    auto out = run(R"(function wh(){ result.data = {"name": data.name, "client_id": 8000}; exit(result); })");
    BOOST_TEST_INFO(out.error);
    BOOST_TEST((out.outcome == kind::deliver));
    BOOST_TEST(json::parse(out.body) == json::parse(R"({"name":"Ada","client_id":8000})"));
    BOOST_TEST(out.content_type == "application/json");
    BOOST_TEST(out.result == json::parse(R"({"data":{"name":"Ada","client_id":8000}})"));
    BOOST_TEST(out.error.empty());
}

BOOST_AUTO_TEST_CASE(the_untouched_result_sends_the_payload_back) {
    auto out = run("function wh(){ exit(result); }");
    BOOST_TEST((out.outcome == kind::deliver));
    BOOST_TEST(json::parse(out.body) == json::parse(R"({"name":"Ada","plan":"pro"})"));
}

BOOST_AUTO_TEST_CASE(a_string_result_is_sent_as_it_is) {
    auto out = run(R"(function wh(){ result.data = "Hello " + data.name + ", {not json"; exit(result); })");
    BOOST_TEST((out.outcome == kind::deliver));
    BOOST_TEST(out.body == "Hello Ada, {not json");
    BOOST_TEST(out.content_type == "text/plain; charset=utf-8");
}

BOOST_AUTO_TEST_CASE(a_payload_that_is_not_json_is_seen_as_its_text) {
    auto out = run(R"(function wh(){ result.data = {type: typeof data, text: data}; exit(result); })",
                   "name=Ada&plan=pro");
    BOOST_TEST((out.outcome == kind::deliver));
    BOOST_TEST(json::parse(out.body) == json::parse(R"({"type":"string","text":"name=Ada&plan=pro"})"));
}

BOOST_AUTO_TEST_CASE(event_type_and_headers_are_in_scope_without_credentials) {
    auto out = run_recipe({.code = R"(function wh(){
                               result.data = {event: event_type, type: headers["content-type"],
                                              auth: typeof headers.authorization, cookie: typeof headers.cookie,
                                              proxy: typeof headers["proxy-authorization"], tag: headers["x-tag"]};
                               exit(result); })",
                           .payload = "{}",
                           .event_type = "invoice.paid",
                           .headers = {{"Content-Type", "application/json"},
                                       {"AUTHORIZATION", "Bearer secret"},
                                       {"cookie", "session=secret"},
                                       {"Proxy-Authorization", "Basic secret"},
                                       {"X-Tag", "a"},
                                       {"x-tag", "b"}}},
                          unhurried);
    BOOST_TEST_INFO(out.error);
    BOOST_TEST((out.outcome == kind::deliver));
    BOOST_TEST(json::parse(out.body) == json::parse(R"({"event":"invoice.paid","type":"application/json",
        "auth":"undefined","cookie":"undefined","proxy":"undefined","tag":"a, b"})"));
    BOOST_TEST(!contains(out.body, "secret"));
}

BOOST_AUTO_TEST_CASE(result_headers_are_added_and_content_type_is_set_apart) {
    auto out = run(R"(function wh(){
        result.headers = {"X-Client": "Ada", "X-Count": 3, "Content-Type": "application/vnd.slack+json"};
        exit(result); })");
    BOOST_TEST_INFO(out.error);
    BOOST_TEST((out.outcome == kind::deliver));
    const webhooksio::emulation::header_list expected{{"X-Client", "Ada"}, {"X-Count", "3"}};
    BOOST_TEST((out.headers == expected));
    BOOST_TEST(out.content_type == "application/vnd.slack+json");
}

BOOST_AUTO_TEST_CASE(console_output_is_captured) {
    auto out = run(R"(function wh(){ console.log("name:", data.name, {n: 1}); console.error(42); exit(result); })");
    BOOST_TEST((out.outcome == kind::deliver));
    BOOST_TEST(out.console == "name: Ada {\"n\":1}\n42\n");
}

BOOST_AUTO_TEST_CASE(console_output_stays_when_the_recipe_fails) {
    auto out = run(R"(function wh(){ console.log("checking", data.plan); result.headers = {"X-A": "\n"}; exit(result); })");
    BOOST_TEST((out.outcome == kind::failed));
    BOOST_TEST(out.console == "checking pro\n");
}

BOOST_AUTO_TEST_CASE(console_output_is_cut_at_its_bound) {
    recipe_limits limits = unhurried;
    limits.console = 1000;
    auto out = run(R"(function wh(){ for (var i = 0; i < 10000; ++i) console.log("line " + i); exit(result); })",
                   "{}", limits);
    BOOST_TEST((out.outcome == kind::deliver));
    BOOST_TEST(out.console.size() <= limits.console);
    BOOST_TEST(out.console.starts_with("line 0\nline 1\n"));
    BOOST_TEST(out.console.ends_with("[console output cut]\n"));
    BOOST_TEST(!contains(out.console, "line 9999"));
}

BOOST_AUTO_TEST_CASE(exit_false_or_null_drops_the_message) {
    for (auto code : {"function wh(){ exit(false); }", "function wh(){ exit(null); }"}) {
        auto out = run(code);
        BOOST_TEST_INFO(code);
        BOOST_TEST((out.outcome == kind::drop));
        BOOST_TEST(out.body.empty());
        BOOST_TEST(out.error.empty());
    }
}

BOOST_AUTO_TEST_CASE(exit_ends_the_recipe_even_when_caught) {
    auto out = run(R"(function wh(){
        try { result.data = "first"; exit(result); } catch (e) {}
        result.data = "second"; exit(result); while (true) {} })");
    BOOST_TEST((out.outcome == kind::deliver));
    BOOST_TEST(out.body == "first");
}

BOOST_AUTO_TEST_CASE(the_sandbox_has_no_io_and_no_modules) {
    auto out = run(R"(function wh(){
        result.data = [typeof require, typeof print, typeof alert, typeof Duktape, typeof module];
        exit(result); })");
    BOOST_TEST((out.outcome == kind::deliver));
    BOOST_TEST(out.body == R"(["undefined","undefined","undefined","undefined","undefined"])");
}

BOOST_AUTO_TEST_CASE(an_endless_loop_runs_out_of_time) {
    recipe_limits limits;  // the default 100 ms
    for (auto code : {"function wh(){ while (true) {} }",
                      // Catching the timeout does not help: it is thrown again.
                      "function wh(){ while (true) { try { while (true) {} } catch (e) {} } }",
                      "function wh(){ try { while (true) {} } finally { while (true) {} } }"}) {
        auto out = run(code, "{}", limits);
        BOOST_TEST_INFO(code);
        BOOST_TEST((out.outcome == kind::failed));
        BOOST_TEST(out.error == "the recipe ran out of time (limit 100 ms)");
    }
}

BOOST_AUTO_TEST_CASE(unbounded_allocation_runs_out_of_memory) {
    recipe_limits limits = unhurried;
    limits.memory = 4 << 20;
    auto out = run("function wh(){ var all = []; while (true) all.push({n: all.length, text: 'x' + all.length}); }",
                   "{}", limits);
    BOOST_TEST((out.outcome == kind::failed));
    BOOST_TEST(out.error.starts_with("the recipe ran out of memory (limit 4194304 bytes)"), out.error);
}

// Allocating on a full heap: before each refused allocation Duktape runs up
// to ten collections over the whole heap, and must not carry a run far past
// its time.
BOOST_AUTO_TEST_CASE(allocating_on_a_full_heap_still_ends_in_time) {
    const recipe_limits limits{.time = std::chrono::seconds(1), .memory = 4 << 20};
    const auto start = std::chrono::steady_clock::now();
    auto out = run(R"(function wh(){
        var fill = []; try { while (true) fill.push({n: fill.length}); } catch (e) { console.log('full'); }
        while (true) { try { var x = {}; } catch (e) {} } })",
                   "{}", limits);
    const auto took = std::chrono::steady_clock::now() - start;
    BOOST_TEST((out.outcome == kind::failed));
    BOOST_TEST(out.error == "the recipe ran out of time (limit 1000 ms)");
    BOOST_TEST(out.console == "full\n");  // the heap filled (in about 0.3 s) well before the limit
    // Twice the limit, and 2 s more for a loaded machine: without the fast
    // failure this run took 20 s.
    BOOST_TEST(took < std::chrono::seconds(4), std::chrono::duration<double>(took).count() << " s");
}

// One allocation grown by realloc counts against the limit like any other:
// here the value stack, grown to hold the 500,000 arguments of apply().
BOOST_AUTO_TEST_CASE(growing_one_allocation_runs_out_of_memory) {
    recipe_limits limits = unhurried;
    limits.memory = 4 << 20;
    for (auto code : {"function wh(){ var a = []; while (true) a.push(0); }",
                      "function wh(){ Math.max.apply(null, new Array(500000)); exit(result); }"}) {
        auto out = run(code, "{}", limits);
        BOOST_TEST_INFO(code);
        BOOST_TEST((out.outcome == kind::failed));
        BOOST_TEST(out.error.starts_with("the recipe ran out of memory (limit 4194304 bytes)"), out.error);
    }
}

// console.log with many huge arguments: each is cut to what the console can
// still keep before it is joined, so the line never holds them all.
BOOST_AUTO_TEST_CASE(console_arguments_are_cut_before_they_are_joined) {
    largest_new = 0;
    auto out = run(R"(function wh(){
        var big = 'x', many = [];
        for (var i = 0; i < 20; ++i) big += big;
        for (var i = 0; i < 1000; ++i) many.push(big);
        console.log.apply(console, many); console.log('after'); exit(result); })");
    BOOST_TEST((out.outcome == kind::deliver), out.error);
    BOOST_TEST(out.console.size() <= unhurried.console);
    BOOST_TEST(out.console.ends_with("[console output cut]\n"));
    // The 1,000 arguments joined would be 1 GB; the kept console is 64 KiB.
    BOOST_TEST(largest_new.load() < std::size_t(4 << 20), largest_new.load() << " bytes at once");
}

BOOST_AUTO_TEST_CASE(a_header_that_could_split_the_request_fails) {
    for (auto code : {R"(function wh(){ result.headers = {"X-A": "1\r\nX-Injected: 1"}; exit(result); })",
                      R"(function wh(){ result.headers = {"X-A": "1\nX-Injected: 1"}; exit(result); })",
                      R"(function wh(){ result.headers = {"X-A": "1\u0000"}; exit(result); })",
                      R"(function wh(){ result.headers = {"X-A\r\nX-Injected": "1"}; exit(result); })",
                      R"(function wh(){ result.headers = {"X A": "1"}; exit(result); })",
                      R"(function wh(){ result.headers = {"": "1"}; exit(result); })",
                      // Framing is the emulator's: a Content-Length of 0 would make the body a second request.
                      R"(function wh(){ result.headers = {"content-length": "0"}; exit(result); })",
                      R"(function wh(){ result.headers = {"Transfer-Encoding": "chunked"}; exit(result); })",
                      R"(function wh(){ result.headers = {"Host": "elsewhere"}; exit(result); })"}) {
        auto out = run(code);
        BOOST_TEST_INFO(code);
        BOOST_TEST((out.outcome == kind::failed));
        BOOST_TEST(contains(out.error, "result.headers"), out.error);
        BOOST_TEST(out.headers.empty());
    }
}

BOOST_AUTO_TEST_CASE(a_failing_recipe_says_why) {
    struct failing {
        const char* code;
        const char* error;  // the whole reason, or how it starts
    };
    for (auto [code, error] : {
             failing{"function wh(){ throw new TypeError('no invoice number'); }",
                     "the recipe threw TypeError: no invoice number"},
             failing{"function wh(){ exit(result) ", "the recipe threw SyntaxError"},
             failing{"function wh(){ result.data = 1; }", "the recipe ended without calling exit(result)"},
             failing{"function transform(){ exit(result); }",
                     "the recipe threw ReferenceError: the recipe must define function wh()"},
             failing{"function wh(){ exit(); }",
                     "exit() takes the result object, or false or null to drop the message"},
             failing{"function wh(){ exit('text'); }",
                     "exit() takes the result object, or false or null to drop the message"},
             failing{"function wh(){ exit({}); }", "result.data is undefined: there is nothing to send"},
             failing{"function wh(){ result.headers = ['X-A']; exit(result); }",
                     "result.headers must be an object of header names and values"},
             failing{"function wh(){ result.headers = {'X-A': {}}; exit(result); }",
                     "result.headers[\"X-A\"] must be a string, a number or a boolean"},
         }) {
        auto out = run(code);
        BOOST_TEST_INFO(code);
        BOOST_TEST((out.outcome == kind::failed));
        BOOST_TEST(out.error.starts_with(error), out.error);
        BOOST_TEST(out.body.empty());
    }
}

BOOST_AUTO_TEST_CASE(many_runs_in_a_row_each_start_afresh_and_leave_nothing) {
    // Each run's heap is its own: a global left by one run is gone in the next.
    // Each run's heap holds over 100 kB; had any of it stayed behind, 200 runs
    // would leave megabytes.
    auto run_once = [&] {
        auto out = run(R"(function wh(){
            result.data = {seen: typeof leftover, big: new Array(2000).join('x').length};
            leftover = new Array(2000).join('y'); exit(result); })");
        BOOST_TEST_REQUIRE((out.outcome == kind::deliver), out.error);
        BOOST_TEST_REQUIRE(out.body == R"({"seen":"undefined","big":1999})");
    };
    for (int i = 0; i < 10; ++i) run_once();
    const auto before = heap_in_use();
    for (int i = 0; i < 200; ++i) run_once();
    BOOST_TEST(heap_in_use() < before + (256 << 10));
}
