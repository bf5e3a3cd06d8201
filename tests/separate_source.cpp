// The one file that compiles the library's shared code for the tests built
// with WEBHOOKSIO_SEPARATE_COMPILATION: from include/ through src.hpp, or
// from the single header with WEBHOOKSIO_SOURCE, as docs/guide.md describes.
#ifdef WEBHOOKSIO_TEST_SINGLE_INCLUDE
#define WEBHOOKSIO_SOURCE
#include <webhooksio.hpp>
#else
#include <webhooksio/src.hpp>
#endif
