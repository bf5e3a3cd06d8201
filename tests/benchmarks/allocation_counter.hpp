// Counts the heap allocations made by the calling thread: the benchmark
// binaries that link allocation_counter.cpp replace the global operator new.
// Per thread, so that the in-process server's allocations don't count.
#pragma once

#include <cstddef>

namespace bench {

// Allocations made so far by the calling thread.
std::size_t allocations_on_this_thread() noexcept;

}  // namespace bench
