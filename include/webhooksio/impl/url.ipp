// Definitions for detail/url.hpp.
#pragma once

#include <algorithm>
#include <charconv>
#include <iterator>
#include <limits>

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
        // Many routes end with an ID: an empty run is not worth a call.
        if (!literal_runs[i + 1].empty()) out += literal_runs[i + 1];
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

WEBHOOKSIO_DECL std::string& query_writer::plain_key(std::string_view name, std::string_view text) {
    char pair[64];
    const std::size_t size = 1 + name.size() + 1 + text.size();
    if (size > sizeof pair) {  // longer than any typed option's name and value
        start();
        return ((out_ += name) += '=') += text;
    }
    pair[0] = next_;
    next_ = '&';
    char* end = std::copy(name.begin(), name.end(), pair + 1);
    *end++ = '=';
    std::copy(text.begin(), text.end(), end);  // not memcpy: an empty text's data() may be null
    return out_.append(pair, size);
}

WEBHOOKSIO_DECL void append_query_pair(query_writer& query, std::string_view name, const std::string& v) {
    append_percent_encoded(query.plain_key(name), v);
}
WEBHOOKSIO_DECL void append_query_pair(query_writer& query, std::string_view name, bool v) {
    query.plain_key(name, v ? std::string_view("true") : std::string_view("false"));
}
WEBHOOKSIO_DECL void append_query_pair(query_writer& query, std::string_view name, int v) {
    char digits[std::numeric_limits<int>::digits10 + 2];  // and a sign
    const char* end = std::to_chars(std::begin(digits), std::end(digits), v).ptr;
    query.plain_key(name, std::string_view(digits, std::size_t(end - digits)));
}
WEBHOOKSIO_DECL void append_query_pair(query_writer& query, std::string_view name, const boost::json::value& v) {
    append_query_value(query.plain_key(name), v);
}
WEBHOOKSIO_DECL void append_query_pair(query_writer& query, std::string_view name,
                                       const std::vector<std::string>& items) {
    std::string& out = query.plain_key(name);
    bool first = true;
    for (const auto& item : items) {
        if (!first) out += "%2C";
        first = false;
        append_percent_encoded(out, item);
    }
}

}  // namespace webhooksio::detail
