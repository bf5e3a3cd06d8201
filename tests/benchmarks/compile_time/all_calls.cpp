// Benchmark 4, the library's side: a translation unit that makes every one of
// the seed's 77 calls through its named method, required options set to
// sample values. tools/bench.sh times its compilation against deps_only.cpp.
//
// Why the call methods are WEBHOOKSIO_NOINLINE (config.hpp): inlined into
// this file's 77 call sites, their bodies cost the optimizer about a tenth of
// the file's compile time (measured when they were made out of line).
#include <webhooksio/webhooksio.hpp>

using namespace webhooksio;

#include "seed_calls.inc"
