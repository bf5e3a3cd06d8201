// Benchmark 4, the anchor: a translation unit that only includes what the
// library depends on. tools/bench.sh times its compilation with the same flags
// as all_calls.cpp.
#include <httplib.h>

#include <boost/describe.hpp>
#include <boost/json.hpp>
