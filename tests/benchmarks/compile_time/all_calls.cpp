// Benchmark 4, the library's side: a translation unit that makes every one of
// the seed's 77 calls through its named method, required options set to
// sample values. tools/bench.sh times its compilation against deps_only.cpp.
#include <webhooksio/webhooksio.hpp>

using namespace webhooksio;

#include "seed_calls.inc"
