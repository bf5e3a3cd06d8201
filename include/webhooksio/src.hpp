// The one file of a program built with WEBHOOKSIO_SEPARATE_COMPILATION that
// compiles the library's shared code: a .cpp file that includes this header
// first (single header: define WEBHOOKSIO_SOURCE before including it).
#pragma once

#if !defined(WEBHOOKSIO_SEPARATE_COMPILATION)
#error "webhooksio: <webhooksio/src.hpp> is for WEBHOOKSIO_SEPARATE_COMPILATION builds; \
header-only builds need no source file"
#endif
#if defined(WEBHOOKSIO_CONFIG_HPP)
#error "webhooksio: include <webhooksio/src.hpp> before any other webhooksio header of its file"
#endif

#define WEBHOOKSIO_SOURCE
#include "webhooksio.hpp"
