// src.hpp must come first in its file: a webhooksio header included before it
// has already declared the shared code without defining it.
#define WEBHOOKSIO_SEPARATE_COMPILATION
#include <webhooksio/webhooksio.hpp>
#include <webhooksio/src.hpp>

int main() {}
