// Percent-encoding, route expansion and query strings (RFC 3986). Ordinary
// functions, compiled once, shared by every endpoint.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

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

// The same for the value of a typed option.
inline void append_query_text(std::string& out, const std::string& v) { append_percent_encoded(out, v); }
inline void append_query_text(std::string& out, bool v) { out += v ? "true" : "false"; }
inline void append_query_text(std::string& out, int v) { out += std::to_string(v); }
inline void append_query_text(std::string& out, const boost::json::value& v) { append_query_value(out, v); }
inline void append_query_text(std::string& out, const std::vector<std::string>& items) {
    bool first = true;
    for (const auto& item : items) {
        if (!first) out += "%2C";
        first = false;
        append_percent_encoded(out, item);
    }
}

// Writes a query string's pairs: '?' before the first, '&' before the others.
class query_writer {
public:
    explicit query_writer(std::string& out) : out_(out) {}

    // Starts pair `name=` and returns the string to append its value to.
    std::string& key(std::string_view name) {
        out_ += next_;
        next_ = '&';
        append_percent_encoded(out_, name);
        out_ += '=';
        return out_;
    }

private:
    std::string& out_;
    char next_ = '?';
};

}  // namespace webhooksio::detail
