// What every benchmark binary shares: a clock, a median, and the Markdown
// table row that tools/bench.sh prints and docs/performance.md
// shows: | figure | this library | anchor | ratio | goal |.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace bench {

using clock = std::chrono::steady_clock;

inline double seconds_since(clock::time_point start) {
    return std::chrono::duration<double>(clock::now() - start).count();
}

inline double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

inline std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

inline void row(const std::string& figure, const std::string& ours, const std::string& anchor,
                const std::string& ratio, const std::string& goal) {
    std::printf("| %s | %s | %s | %s | %s |\n", figure.c_str(), ours.c_str(), anchor.c_str(), ratio.c_str(),
                goal.c_str());
    std::fflush(stdout);
}

// Keeps the optimizer from dropping a computed value.
template <class T>
inline void keep(const T& value) {
    asm volatile("" : : "r"(&value) : "memory");
}

}  // namespace bench
