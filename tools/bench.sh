#!/usr/bin/env bash
# Builds and runs every benchmark (tests/benchmarks/) and prints the figures
# as the Markdown table of README.md's Performance section. Installs the Debian
# packages it needs (valgrind, the build's) when they are missing.
#
#   tools/bench.sh
#
# WEBHOOKSIO_BENCH_BUILD_DIR picks the build directory (default build-bench).
# The benchmarks are not tests: nothing here passes or fails on a number.
set -euo pipefail
shopt -s inherit_errexit  # a failing benchmark inside $(...) stops the script too
cd "$(dirname "$0")/.."

tools/install_packages.sh valgrind >&2

build_dir=${WEBHOOKSIO_BENCH_BUILD_DIR:-build-bench}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DWEBHOOKSIO_BUILD_BENCHMARKS=ON \
      -DWEBHOOKSIO_BUILD_TESTS=OFF -DWEBHOOKSIO_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build_dir" --target benchmarks -j "$(nproc)" >/dev/null
bin=$build_dir/tests/benchmarks

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

# Instructions per run of function $1 of `$2 args...` divided by $3, counted
# by callgrind only while inside that function.
instructions() {
    local function=$1 calls=$2
    shift 2
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "--toggle-collect=$function" "$@" 2>&1 >/dev/null |
        awk -v n="$calls" '/Collected :/ { printf "%.0f", $NF / n }'
}

# Best of 3 CPU seconds (user + system; steadier than wall-clock time on a
# shared machine) to compile $1 with the flags every user has.
compile_seconds() {
    local best="" flags
    flags="-std=c++20 -O2 $(pkg-config --cflags cpp-httplib) -I include"
    for _ in 1 2 3; do
        local spent
        # shellcheck disable=SC2086
        spent=$( { TIMEFORMAT='%3U %3S'; time g++ $flags -c "$1" -o /dev/null; } 2>&1 )
        best=$(awk -v t="$spent" -v b="$best" 'BEGIN { split(t, p, " "); s = p[1] + p[2]; printf "%.2f", (b == "" || s < b) ? s : b }')
    done
    echo "$best"
}

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'),"\
     "$(g++ --version | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg) at start"

# Every row, in the order the benchmarks run; printed sorted by figure number.
measure() {
    "$bin/bench_throughput"

    # The same calls under callgrind: client-thread instructions, which a busy
    # machine does not disturb. 1 round of 500 calls each, after 200 of warm-up.
    ours=$(instructions '*library_client::call()' 700 "$bin/bench_throughput" 1 500)
    anchor=$(instructions '*raw_client::call()' 700 "$bin/bench_throughput" 1 500)
    echo "| 1. client-thread instructions per call (callgrind) | $ours | raw \`httplib::Client\`: $anchor | $(ratio "$ours" "$anchor") | - |"

    "$bin/bench_request_building"
    repeat=2000
    for call in get_bucket create_destination; do
        ours=$(instructions "library_$call" "$repeat" "$bin/bench_request_building" --repeat "$repeat")
        anchor=$(instructions "hand_$call" "$repeat" "$bin/bench_request_building" --repeat "$repeat")
        echo "| 2. request building, $call, instructions per call (callgrind) | $ours | hand-written: $anchor | $(ratio "$ours" "$anchor") | <= 1.10 |"
    done

    "$bin/bench_concurrency"

    sources=tests/benchmarks/compile_time
    deps=$(compile_seconds $sources/deps_only.cpp)
    headers=$(compile_seconds $sources/header_only.cpp)
    calls=$(compile_seconds $sources/all_calls.cpp)
    echo "| 4. compile time (CPU, best of 3, \`-std=c++20 -O2\`), a TU making all 77 seed calls | $calls s | includes of httplib.h, boost/json.hpp, boost/describe.hpp only: $deps s | $(ratio "$calls" "$deps") | <= 1.5 |"
    echo "| 4. compile time, \`#include <webhooksio/webhooksio.hpp>\` alone, no call | $headers s | the same | $(ratio "$headers" "$deps") | - |"
}

echo "measuring: a few minutes" >&2
rows=$(measure)
echo
echo "| figure | this library | anchor | ratio | goal |"
echo "|---|---|---|---|---|"
sort -s -n -k2,2 <<<"$rows"
