// Percent-encoding, route expansion and query strings (RFC 3986). Ordinary
// functions, compiled once, shared by every endpoint.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "../config.hpp"

namespace webhooksio::detail {

constexpr bool is_unreserved(unsigned char c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

// Appends `text` with every byte but the unreserved ones as %XX, so that an ID
// or a value can never add a path segment, a query or a fragment.
WEBHOOKSIO_DECL void append_percent_encoded(std::string& out, std::string_view text);

// A route with each ID percent-encoded in the place of its placeholder: the
// literal runs {"/v1/accounts/", "/buckets"} (detail::split_route) with IDs
// {"AC 1"} give "/v1/accounts/AC%201/buckets". The caller guarantees one ID
// fewer than runs (the endpoint table checks it).
WEBHOOKSIO_DECL void append_expanded_route(std::string& out, std::span<const std::string_view> literal_runs,
                                           std::span<const std::string_view> ids);

// The text an option value takes in a query string: strings as they are,
// booleans as true/false, arrays comma-joined, objects as JSON.
WEBHOOKSIO_DECL void append_query_value(std::string& out, const boost::json::value& v);

// Writes a query string's pairs: '?' before the first, '&' before the others.
class query_writer {
public:
    explicit query_writer(std::string& out) : out_(out) {}

    // Starts pair `name=` and returns the string to append its value to.
    std::string& key(std::string_view name) {
        start();
        append_percent_encoded(out_, name);
        return out_ += '=';
    }

    // The same for a name that needs no encoding (a typed option's is a C++
    // identifier, all unreserved characters), followed by `text` when the
    // value's needs none either (a flag's, a number's). A short pair goes in
    // with one append rather than one per piece: a query's cost is its appends.
    WEBHOOKSIO_DECL std::string& plain_key(std::string_view name, std::string_view text = {});

private:
    void start() {
        out_ += next_;
        next_ = '&';
    }

    std::string& out_;
    char next_ = '?';
};

// Writes the pair of a typed option `name` (which needs no encoding) with
// its value as the API takes it: strings as they are, booleans as
// true/false, lists comma-joined, JSON as append_query_value writes it.
WEBHOOKSIO_DECL void append_query_pair(query_writer& query, std::string_view name, const std::string& v);
WEBHOOKSIO_DECL void append_query_pair(query_writer& query, std::string_view name, bool v);
WEBHOOKSIO_DECL void append_query_pair(query_writer& query, std::string_view name, int v);
WEBHOOKSIO_DECL void append_query_pair(query_writer& query, std::string_view name, const boost::json::value& v);
WEBHOOKSIO_DECL void append_query_pair(query_writer& query, std::string_view name,
                                       const std::vector<std::string>& items);

}  // namespace webhooksio::detail

#if WEBHOOKSIO_DEFINITIONS
#include "../impl/url.ipp"
#endif
