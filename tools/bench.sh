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

# Instructions per call of bench_async's client $1 (ours or beast) on its
# one thread: callgrind counts each thread apart (the server has its own),
# and the difference between runs of 1200 and 400 calls leaves out the
# process's start and the connections' set-up.
async_instructions() {
    local scratch total400 total1200
    scratch=$(mktemp -d)
    for calls in 400 1200; do
        valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$scratch/$calls.%p" \
            "$bin/bench_async" "$calls" "$1" >/dev/null 2>&1
    done
    total400=$(callgrind_annotate "$scratch"/400.*-01 | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
    total1200=$(callgrind_annotate "$scratch"/1200.*-01 | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
    rm -rf "$scratch"
    awk -v a="$total400" -v b="$total1200" 'BEGIN { printf "%.0f", (b - a) / 800 }'
}

# CPU seconds (user + system; steadier than wall-clock time on a shared
# machine) to compile each "file [extra flags]" argument with the flags every
# user has: the best of 5 interleaved rounds, so that a busy spell touches all
# files alike. Prints the figures in argument order, one per line.
compile_seconds() {
    local flags rounds=5 round i
    flags="-std=c++20 -O2 $(pkg-config --cflags cpp-httplib) -I include -I emulator/include"
    local -a best=()
    for ((round = 0; round < rounds; ++round)); do
        i=0
        for spec in "$@"; do
            local spent
            # shellcheck disable=SC2086
            spent=$( { TIMEFORMAT='%3U %3S'; time g++ $flags $spec -c -o /dev/null; } 2>&1 )
            best[i]=$(awk -v t="$spent" -v b="${best[i]:-}" 'BEGIN { split(t, p, " "); s = p[1] + p[2]; printf "%.2f", (b == "" || s < b) ? s : b }')
            i=$((i + 1))
        done
    done
    printf '%s\n' "${best[@]}"
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
    "$bin/bench_emulator_store"
    "$bin/bench_gateway"
    "$bin/bench_async"
    ours=$(async_instructions ours)
    anchor=$(async_instructions beast)
    echo "| 7. the same, instructions per call on the calling thread (callgrind) | $ours | hand-written Beast client: $anchor | $(ratio "$ours" "$anchor") | - |"

    "$bin/bench_signature"
    repeat=2000
    ours=$(instructions "*library_verify()" "$repeat" "$bin/bench_signature" --repeat "$repeat")
    anchor=$(instructions "*openssl_hmac_one_shot()" "$repeat" "$bin/bench_signature" --repeat "$repeat")
    echo "| 8. verify_webhook, 1 KiB delivery, instructions per call (callgrind) | $ours | OpenSSL \`HMAC()\` of the same bytes: $anchor | $(ratio "$ours" "$anchor") | <= 1.2 |"
    anchor=$(instructions "*openssl_evp_mac()" "$repeat" "$bin/bench_signature" --repeat "$repeat")
    echo "| 8. the same against \`EVP_MAC\` with HMAC fetched once, instructions per call (callgrind) | $ours | $anchor | $(ratio "$ours" "$anchor") | - |"

    sources=tests/benchmarks/compile_time
    separate=-DWEBHOOKSIO_SEPARATE_COMPILATION
    local -a t
    mapfile -t t < <(compile_seconds "$sources/deps_only.cpp" "$sources/header_only.cpp" "$sources/all_calls.cpp" \
        "$sources/header_only.cpp $separate" "$sources/all_calls.cpp $separate" "$sources/separate_source.cpp $separate" \
        "$sources/declared_only.cpp" "$sources/emulator_test_file.cpp" "$sources/emulator_test_file.cpp -DWEBHOOKSIO_BENCH_EMULATOR" \
        "$sources/asio_deps_only.cpp" "$sources/asio_call.cpp" \
        "$sources/five_calls.cpp" "$sources/five_calls.cpp $separate")
    local deps=${t[0]}
    local anchor="includes of httplib.h, boost/json.hpp, boost/describe.hpp only: $deps s"
    echo "| 4. compile time (CPU, best of 5, \`-std=c++20 -O2\`), a TU making all 77 seed calls, header-only | ${t[2]} s | $anchor | $(ratio "${t[2]}" "$deps") | - |"
    echo "| 4. compile time, the same TU with \`WEBHOOKSIO_SEPARATE_COMPILATION\` | ${t[4]} s | the same | $(ratio "${t[4]}" "$deps") | <= 2.0 |"
    echo "| 4. compile time, a user's file: the umbrella header and 5 named calls, header-only | ${t[11]} s | the same | $(ratio "${t[11]}" "$deps") | <= 1.5 |"
    echo "| 4. compile time, the same file with \`WEBHOOKSIO_SEPARATE_COMPILATION\` | ${t[12]} s | the same | $(ratio "${t[12]}" "$deps") | <= 1.0 |"
    echo "| 4. compile time, \`#include <webhooksio/webhooksio.hpp>\` alone, no call, header-only | ${t[1]} s | the same | $(ratio "${t[1]}" "$deps") | - |"
    echo "| 4. compile time, the same with \`WEBHOOKSIO_SEPARATE_COMPILATION\` | ${t[3]} s | the same | $(ratio "${t[3]}" "$deps") | - |"
    echo "| 4. compile time, the program's one \`#include <webhooksio/src.hpp>\` file (separate compilation) | ${t[5]} s | the same | $(ratio "${t[5]}" "$deps") | - |"
    echo "| 4. compile time, floor: the 77 calls against methods only declared (no library code but the table) | ${t[6]} s | the same | $(ratio "${t[6]}" "$deps") | - |"
    echo "| 4. compile time, a user's test file that starts the emulator and makes ten calls | ${t[8]} s | the same file without the emulator: ${t[7]} s | $(ratio "${t[8]}" "${t[7]}") | <= 1.3 |"
    echo "| 4. compile time, \`#include <webhooksio/asio.hpp>\` and one \`co_await\` call, header-only | ${t[10]} s | Asio's, its SSL and Beast's HTTP headers only: ${t[9]} s | $(ratio "${t[10]}" "${t[9]}") | - |"
}

echo "measuring: a few minutes" >&2
rows=$(measure)
echo
echo "| figure | this library | anchor | ratio | goal |"
echo "|---|---|---|---|---|"
sort -s -n -k2,2 <<<"$rows"
