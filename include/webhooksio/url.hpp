// Percent-encoding, route expansion and query strings (RFC 3986). Ordinary
// functions, compiled once, shared by every endpoint.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include <boost/json.hpp>

namespace webhooksio::detail {

constexpr bool is_unreserved(unsigned char c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

// Appends `text` with every byte but the unreserved ones as %XX, so that an ID
// or a value can never add a path segment, a query or a fragment.
inline void append_percent_encoded(std::string& out, std::string_view text) {
    constexpr char hex[] = "0123456789ABCDEF";
    for (unsigned char c : text) {
        if (is_unreserved(c)) {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
}

// "/v1/accounts/:account_id" with {"AC 1"} gives "/v1/accounts/AC%201". The
// caller guarantees as many ids as placeholders (the endpoint table checks it).
inline void append_expanded_route(std::string& out, std::string_view route, std::span<const std::string_view> ids) {
    std::size_t next = 0;
    while (!route.empty()) {
        std::size_t colon = route.find(':');
        out.append(route.substr(0, colon));  // the literal run, in one go
        if (colon == std::string_view::npos) break;
        std::size_t end = route.find('/', colon);
        if (end == std::string_view::npos) end = route.size();
        append_percent_encoded(out, ids[next++]);
        route.remove_prefix(end);
    }
}

// The text an option value takes in a query string: strings as they are,
// booleans as true/false, arrays comma-joined, objects as JSON.
inline void append_query_value(std::string& out, const boost::json::value& v) {
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

// Appends "?k=v&..." for the options that are set (null means unset).
inline void append_query(std::string& out, const boost::json::object& options) {
    char separator = '?';
    for (const auto& [key, value] : options) {
        if (value.is_null()) continue;
        out += separator;
        separator = '&';
        append_percent_encoded(out, key);
        out += '=';
        append_query_value(out, value);
    }
}

inline void append_query_parameter(std::string& out, std::string_view key, std::string_view value) {
    out += out.find('?') == std::string::npos ? '?' : '&';
    append_percent_encoded(out, key);
    out += '=';
    append_percent_encoded(out, value);
}

}  // namespace webhooksio::detail
