// Definitions for http.hpp.
#pragma once

namespace webhooksio {

WEBHOOKSIO_DECL std::string_view find_header(const http_headers& headers, std::string_view name) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    for (const auto& [key, value] : headers) {
        if (key.size() != name.size()) continue;
        bool same = true;
        for (std::size_t i = 0; same && i < key.size(); ++i) same = lower(key[i]) == lower(name[i]);
        if (same) return value;
    }
    return {};
}

}  // namespace webhooksio
