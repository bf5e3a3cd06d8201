// The members of a described struct to and from JSON, one member at a time,
// for <webhooksio/tolerant_json.hpp>. Plain types go to Boost.JSON; the
// overloads here add what an API answer needs: null as an empty optional,
// IDs as their text, lists as the API's comma-delimited strings.
#pragma once

#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "../ids.hpp"
#include "comma_list.hpp"

namespace webhooksio::detail {

template <class T>
concept strong_id = std::derived_from<T, basic_id<T>>;

// Reading: each sets `out` from `in`, or `ec` and leaves `out` alone.
template <class T>
void read_member(T& out, const boost::json::value& in, boost::system::error_code& ec) {
    auto read = boost::json::try_value_to<T>(in);
    if (read) out = std::move(*read);
    else ec = read.error();
}

// The API sends a list as "a,b" (no items: ""); a JSON array is taken too.
inline void read_member(std::vector<std::string>& out, const boost::json::value& in, boost::system::error_code& ec) {
    if (const auto* text = in.if_string()) out = text->empty() ? std::vector<std::string>() : split_comma_list(*text);
    else read_member<std::vector<std::string>>(out, in, ec);
}

// A list of IDs is a JSON array of their texts.
template <strong_id T>
void read_member(std::vector<T>& out, const boost::json::value& in, boost::system::error_code& ec) {
    const auto* items = in.if_array();
    if (!items) {
        ec = boost::json::error::not_array;
        return;
    }
    std::vector<T> ids;
    for (const auto& item : *items) {
        const auto* text = item.if_string();
        if (!text) {
            ec = boost::json::error::not_string;
            return;
        }
        ids.emplace_back(std::string_view(*text));
    }
    out = std::move(ids);
}

// An ID has no empty state, so it is read only into an optional.
template <class T>
void read_member(std::optional<T>& out, const boost::json::value& in, boost::system::error_code& ec) {
    if (in.is_null()) {
        out.reset();
    } else if constexpr (strong_id<T>) {
        if (const auto* text = in.if_string()) out.emplace(std::string_view(*text));
        else ec = boost::json::error::not_string;
    } else {
        T value{};
        read_member(value, in, ec);
        if (!ec) out = std::move(value);
    }
}

// Writing: the inverse; an empty optional writes nothing.
template <class T>
void write_member(boost::json::object& out, std::string_view key, const T& value) {
    out[key] = boost::json::value_from(value);
}

template <strong_id T>
void write_member(boost::json::object& out, std::string_view key, const T& id) {
    out[key] = id.str_view();
}

inline void write_member(boost::json::object& out, std::string_view key, const std::vector<std::string>& items) {
    out[key] = join_comma_list(items);
}

template <strong_id T>
void write_member(boost::json::object& out, std::string_view key, const std::vector<T>& ids) {
    boost::json::array& texts = out[key].emplace_array();
    for (const auto& id : ids) texts.emplace_back(id.str_view());
}

template <class T>
void write_member(boost::json::object& out, std::string_view key, const std::optional<T>& value) {
    if (value) write_member(out, key, *value);
}

}  // namespace webhooksio::detail
