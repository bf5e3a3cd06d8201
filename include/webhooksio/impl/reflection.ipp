// Definitions for reflection.hpp.
#pragma once

#include <charconv>
#include <optional>
#include <type_traits>

#include "../detail/request.hpp"

namespace webhooksio::detail {

WEBHOOKSIO_DECL result<call_spec> spec_for(const reflection::endpoint_info& endpoint, std::size_t ids) {
    const call_spec spec{endpoint.name, endpoint.method, endpoint.route, endpoint.ids, endpoint.literal_runs,
                         endpoint.required, endpoint.options};
    if (ids != endpoint.ids.size())
        return call_usage_error(spec, "takes " + std::to_string(endpoint.ids.size()) + " ID(s), not " +
                                          std::to_string(ids));
    return spec;
}

// The value `text` spells for an option of C++ type T, if it spells one.
inline std::optional<std::string> parse_option(std::type_identity<std::string>, std::string_view text) {
    return std::string(text);
}

inline std::optional<bool> parse_option(std::type_identity<bool>, std::string_view text) {
    if (text == "true") return true;
    if (text == "false") return false;
    return std::nullopt;
}

inline std::optional<int> parse_option(std::type_identity<int>, std::string_view text) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// "a,b": the API's comma-delimited list, whose items can't be empty.
inline std::optional<std::vector<std::string>> parse_option(std::type_identity<std::vector<std::string>>,
                                                            std::string_view text) {
    std::vector<std::string> items = split_comma_list(text);
    if (std::ranges::any_of(items, &std::string::empty)) return std::nullopt;
    return items;
}

inline std::optional<boost::json::value> parse_option(std::type_identity<boost::json::value>, std::string_view text) {
    boost::system::error_code ec;
    boost::json::value value = boost::json::parse(text, ec);
    if (ec) return std::nullopt;
    return value;
}

}  // namespace webhooksio::detail

namespace webhooksio::reflection {

WEBHOOKSIO_DECL std::vector<std::string_view> missing_options(const endpoint_info& endpoint,
                                                              const boost::json::object& options) {
    // The client's own check, one entry at a time.
    std::vector<std::string_view> missing;
    for (const std::string_view& entry : endpoint.required) {
        const detail::call_spec one{endpoint.name, endpoint.method, endpoint.route, {}, {}, {&entry, 1}, {}};
        if (!detail::missing_options(one, options).empty()) missing.push_back(entry);
    }
    return missing;
}

WEBHOOKSIO_DECL bool put_option(boost::json::object& options, const option_info& option, std::string_view text) {
    return detail::with_type(option.kind, [&]<class T>(std::type_identity<T> type) {
        const std::optional<T> value = detail::parse_option(type, text);
        if (!value) return false;
        // The typed calls' own encoder writes it.
        const detail::field parsed{option.name, option.kind, &*value};
        detail::put_fields(options, {&parsed, 1});
        return true;
    });
}

}  // namespace webhooksio::reflection
