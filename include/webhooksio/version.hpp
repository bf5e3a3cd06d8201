// The library's version, also sent in the User-Agent header.
#pragma once

#define WEBHOOKSIO_VERSION_MAJOR 0
#define WEBHOOKSIO_VERSION_MINOR 1
#define WEBHOOKSIO_VERSION_PATCH 0
#define WEBHOOKSIO_VERSION_STRING "0.1.0"

namespace webhooksio {
inline constexpr const char* version = WEBHOOKSIO_VERSION_STRING;
}
