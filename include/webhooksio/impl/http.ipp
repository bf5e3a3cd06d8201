// Definitions for http.hpp.
#pragma once

namespace webhooksio {

WEBHOOKSIO_DECL std::string_view find_header(const http_headers& headers, std::string_view name) {
    for (const auto& [key, value] : headers)
        if (same_header_name(key, name)) return value;
    return {};
}

}  // namespace webhooksio
