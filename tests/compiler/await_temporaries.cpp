// Whether this compiler destroys twice the members of an aggregate built in a
// co_await expression (GCC's PR 99576, 100611, 101367; g++ 12 does, clang
// does not), checked against what the library assumes of it
// (WEBHOOKSIO_AWAIT_TEMPORARY_GUARD, detail/await_temporaries.hpp): a
// compiler with the bug must have the guard on. No Asio, no sanitizer: each
// `tracked` records where it was constructed, and its destructor reports one
// that runs where none was.
#include <coroutine>
#include <cstdio>
#include <set>

#include <webhooksio/detail/await_temporaries.hpp>

namespace {

std::multiset<const void*> constructed;
int destroyed_unconstructed = 0;

struct tracked {
    tracked() { constructed.insert(this); }
    tracked(const tracked&) { constructed.insert(this); }
    ~tracked() {
        const auto it = constructed.find(this);
        if (it == constructed.end()) ++destroyed_unconstructed;
        else constructed.erase(it);
    }
};
struct options {  // as an endpoint's options: an aggregate, members of class type
    tracked name;
    int limit = 0;
};

struct task {  // runs at once, to the end
    struct promise_type {
        task get_return_object() { return {}; }
        std::suspend_never initial_suspend() noexcept { return {}; }
        std::suspend_never final_suspend() noexcept { return {}; }
        void return_void() {}
        void unhandled_exception() {}
    };
};
struct ready {  // an awaited call that completes at once
    bool await_ready() const noexcept { return true; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    int await_resume() const noexcept { return 1; }
};
ready call(const options&) { return {}; }

task braced() { co_await call({.name = {}, .limit = 1}); }
task named() {
    const options o{.name = {}, .limit = 1};
    co_await call(o);
}

}  // namespace

int main() {
    named();
    const bool named_ok = destroyed_unconstructed == 0 && constructed.empty();
    braced();
    const bool bug = destroyed_unconstructed != 0;
    std::printf("named options: %s; braced options: %s; WEBHOOKSIO_AWAIT_TEMPORARY_GUARD=%d\n",
                named_ok ? "ok" : "WRONG", bug ? "destroyed twice" : "ok", WEBHOOKSIO_AWAIT_TEMPORARY_GUARD);
    if (bug && !WEBHOOKSIO_AWAIT_TEMPORARY_GUARD) std::printf("this compiler needs the guard\n");
    if (!bug && WEBHOOKSIO_AWAIT_TEMPORARY_GUARD)
        std::printf("note: the guard is on for a compiler without the bug; its condition could be narrowed\n");
    return named_ok && (!bug || WEBHOOKSIO_AWAIT_TEMPORARY_GUARD) ? 0 : 1;
}
