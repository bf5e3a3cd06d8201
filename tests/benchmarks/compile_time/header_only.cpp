// Benchmark 4, for the breakdown: the library's headers included, no call
// made. Its time minus deps_only.cpp's is what parsing the library costs; the
// rest of all_calls.cpp's is what instantiating the calls costs.
#include <webhooksio/webhooksio.hpp>
