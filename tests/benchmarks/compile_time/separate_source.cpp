// Benchmark 4, separate compilation: the one file of a program that compiles
// the library's shared code (built with WEBHOOKSIO_SEPARATE_COMPILATION, as
// all_calls.cpp is in the row that measures that mode).
#include <webhooksio/src.hpp>
