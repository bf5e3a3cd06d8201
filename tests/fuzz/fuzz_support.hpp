// What the fuzz targets share: a check that stops the run, and a strict
// percent-decoder that stops it on anything append_percent_encoded would
// never write.
#pragma once

#include <cstdlib>
#include <string>
#include <string_view>

#include <webhooksio/detail/url.hpp>

namespace fuzz_support {

inline void check(bool ok) {
    if (!ok) std::abort();
}

inline int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

inline std::string decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%') {
            check(i + 2 < text.size());
            int high = hex(text[i + 1]), low = hex(text[i + 2]);
            check(high >= 0 && low >= 0);
            out += char(high * 16 + low);
            i += 2;
        } else {
            check(webhooksio::detail::is_unreserved(static_cast<unsigned char>(text[i])));
            out += text[i];
        }
    }
    return out;
}

}  // namespace fuzz_support
