#!/usr/bin/env bash
# Builds and runs the quick-start example or the whole test suite, installing
# the Debian 12 packages the build needs when they are missing.
#
#   tools/build.sh example   build and run examples/quickstart.cpp
#   tools/build.sh test      build everything and run every test with CTest
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install_packages.sh

build_dir=${WEBHOOKSIO_BUILD_DIR:-build}
jobs=$(nproc)
# Every part, explicitly: a directory configured without one (an install
# build's -DWEBHOOKSIO_BUILD_TESTS=OFF) keeps that in its cache.
cmake -S . -B "$build_dir" -DWEBHOOKSIO_BUILD_TESTS=ON -DWEBHOOKSIO_BUILD_EXAMPLES=ON \
    -DWEBHOOKSIO_BUILD_EMULATOR=ON -DWEBHOOKSIO_BUILD_CLI=ON >/dev/null

case "${1:-}" in
    example)
        cmake --build "$build_dir" --target quickstart -j "$jobs"
        "$build_dir/examples/quickstart"
        ;;
    test)
        cmake --build "$build_dir" -j "$jobs"
        ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
        ;;
    *)
        echo "usage: tools/build.sh example|test" >&2
        exit 2
        ;;
esac
