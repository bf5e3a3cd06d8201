// Definitions for detail/url.hpp.
#pragma once

namespace webhooksio::detail {

WEBHOOKSIO_DECL void append_percent_encoded(std::string& out, std::string_view text) {
    constexpr char hex[] = "0123456789ABCDEF";
    while (!text.empty()) {
        std::size_t run = 0;  // unreserved bytes go in whole runs
        while (run < text.size() && is_unreserved(static_cast<unsigned char>(text[run]))) ++run;
        out.append(text.data(), run);
        if (run == text.size()) return;
        const auto c = static_cast<unsigned char>(text[run]);
        const char escaped[3] = {'%', hex[c >> 4], hex[c & 0xF]};
        out.append(escaped, 3);
        text.remove_prefix(run + 1);
    }
}

WEBHOOKSIO_DECL void append_expanded_route(std::string& out, std::span<const std::string_view> literal_runs,
                                           std::span<const std::string_view> ids) {
    out += literal_runs[0];
    for (std::size_t i = 0; i < ids.size(); ++i) {
        append_percent_encoded(out, ids[i]);
        out += literal_runs[i + 1];
    }
}

WEBHOOKSIO_DECL void append_query_value(std::string& out, const boost::json::value& v) {
    switch (v.kind()) {
        case boost::json::kind::string: append_percent_encoded(out, v.get_string()); break;
        case boost::json::kind::bool_: out += v.get_bool() ? "true" : "false"; break;
        case boost::json::kind::array: {
            bool first = true;
            for (const auto& item : v.get_array()) {
                if (!first) out += "%2C";
                first = false;
                append_query_value(out, item);
            }
            break;
        }
        case boost::json::kind::null: break;
        default: append_percent_encoded(out, boost::json::serialize(v)); break;
    }
}

WEBHOOKSIO_DECL void append_query_text(std::string& out, const std::string& v) { append_percent_encoded(out, v); }
WEBHOOKSIO_DECL void append_query_text(std::string& out, bool v) {
    out += v ? std::string_view("true") : std::string_view("false");
}
WEBHOOKSIO_DECL void append_query_text(std::string& out, int v) { out += std::to_string(v); }
WEBHOOKSIO_DECL void append_query_text(std::string& out, const boost::json::value& v) { append_query_value(out, v); }
WEBHOOKSIO_DECL void append_query_text(std::string& out, const std::vector<std::string>& items) {
    bool first = true;
    for (const auto& item : items) {
        if (!first) out += "%2C";
        first = false;
        append_percent_encoded(out, item);
    }
}

}  // namespace webhooksio::detail
