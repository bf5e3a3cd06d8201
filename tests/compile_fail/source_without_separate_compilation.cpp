// src.hpp compiles the shared code once; a header-only build has none to compile.
#include <webhooksio/src.hpp>

int main() {}
