// The members of a described struct to and from JSON, one member at a time,
// for <webhooksio/tolerant_json.hpp>. Plain types go to Boost.JSON; the
// overloads here add what an API answer needs: null as an empty optional,
// IDs as their text, lists as the API's comma-delimited strings, and the path
// to a value of the wrong type ("inputs[1].name") for value_to's message.
#pragma once

#include <concepts>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include <boost/core/demangle.hpp>
#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>

#include "../ids.hpp"
#include "comma_list.hpp"

namespace webhooksio::detail {

template <class T>
concept strong_id = std::derived_from<T, basic_id<T>>;

// A struct whose public members Boost.Describe lists.
template <class T>
concept described_struct = std::is_class_v<T> && boost::describe::has_describe_members<T>::value;

// Reading: each sets `out` from `in`, or `ec` and leaves `out` alone. On an
// error, `where` (when not null) gets what was wrong, as a path from `in`
// down to the bad value and what that value was: ".inputs[1].name (a number)".
// Declared first: they call each other, for structs within lists within structs.
template <class T>
void read_member(T& out, const boost::json::value& in, boost::system::error_code& ec, std::string* where);
template <described_struct T>
void read_member(T& out, const boost::json::value& in, boost::system::error_code& ec, std::string* where);
inline void read_member(std::vector<std::string>& out, const boost::json::value& in, boost::system::error_code& ec,
                        std::string* where);
template <class T>
    requires strong_id<T> || described_struct<T>
void read_member(std::vector<T>& out, const boost::json::value& in, boost::system::error_code& ec, std::string* where);
template <class T>
void read_member(std::optional<T>& out, const boost::json::value& in, boost::system::error_code& ec,
                 std::string* where);

// What a JSON value is, for messages: " (a number)".
inline void note_found(std::string* where, const boost::json::value& found) {
    if (!where) return;
    switch (found.kind()) {
        case boost::json::kind::null: *where = " (null)"; break;
        case boost::json::kind::bool_: *where = " (a boolean)"; break;
        case boost::json::kind::int64:
        case boost::json::kind::uint64:
        case boost::json::kind::double_: *where = " (a number)"; break;
        case boost::json::kind::string: *where = " (a string)"; break;
        case boost::json::kind::array: *where = " (an array)"; break;
        case boost::json::kind::object: *where = " (an object)"; break;
    }
}

// Puts `step` (".name", "[1]") in front of the path an inner read left.
inline void note_step(std::string* where, std::string_view step) {
    if (where) where->insert(0, step);
}

// An ID from its text; none (and `ec`) from anything else.
template <strong_id T>
std::optional<T> read_id(const boost::json::value& in, boost::system::error_code& ec, std::string* where) {
    if (const auto* text = in.if_string()) return T(std::string_view(*text));
    ec = boost::json::error::not_string;
    note_found(where, in);
    return std::nullopt;
}

template <class T>
void read_member(T& out, const boost::json::value& in, boost::system::error_code& ec, std::string* where) {
    auto read = boost::json::try_value_to<T>(in);
    if (!read) {
        ec = read.error();
        return note_found(where, in);
    }
    out = std::move(*read);
}

// A struct: its members that the JSON has, one by one; others keep their defaults.
template <described_struct T>
void read_member(T& out, const boost::json::value& in, boost::system::error_code& ec, std::string* where) {
    const boost::json::object* fields = in.if_object();
    if (!fields) {
        ec = boost::json::error::not_object;
        return note_found(where, in);
    }
    T read{};
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto member) {
        const boost::json::value* field = ec ? nullptr : fields->if_contains(member.name);
        if (!field) return;
        read_member(read.*member.pointer, *field, ec, where);
        if (ec) note_step(where, "." + std::string(member.name));
    });
    if (!ec) out = std::move(read);
}

// The API sends a list as "a,b" (no items: ""); a JSON array is taken too.
inline void read_member(std::vector<std::string>& out, const boost::json::value& in, boost::system::error_code& ec,
                        std::string* where) {
    if (const auto* text = in.if_string()) out = text->empty() ? std::vector<std::string>() : split_comma_list(*text);
    else read_member<std::vector<std::string>>(out, in, ec, where);
}

// A list of IDs is a JSON array of their texts; a list of structs, of objects.
template <class T>
    requires strong_id<T> || described_struct<T>
void read_member(std::vector<T>& out, const boost::json::value& in, boost::system::error_code& ec, std::string* where) {
    const auto* items = in.if_array();
    if (!items) {
        ec = boost::json::error::not_array;
        return note_found(where, in);
    }
    std::vector<T> read;
    read.reserve(items->size());
    for (std::size_t i = 0; i < items->size() && !ec; ++i) {
        const boost::json::value& item = (*items)[i];
        if constexpr (strong_id<T>) {
            if (auto id = read_id<T>(item, ec, where)) read.push_back(std::move(*id));
        } else {
            read_member(read.emplace_back(), item, ec, where);
        }
        if (ec) note_step(where, "[" + std::to_string(i) + "]");
    }
    if (!ec) out = std::move(read);
}

// An ID has no empty state, so it is read only into an optional.
template <class T>
void read_member(std::optional<T>& out, const boost::json::value& in, boost::system::error_code& ec,
                 std::string* where) {
    if (in.is_null()) {
        out.reset();
    } else if constexpr (strong_id<T>) {
        if (auto id = read_id<T>(in, ec, where)) out = std::move(id);
    } else {
        T value{};
        read_member(value, in, ec, where);
        if (!ec) out = std::move(value);
    }
}

// A described struct from `in`, or the error (and in `where`, when not null,
// what was wrong where).
template <described_struct T>
boost::json::result<T> read_struct(const boost::json::value& in, std::string* where) {
    T out{};
    boost::system::error_code ec;
    read_member(out, in, ec, where);
    if (ec) return ec;
    return out;
}

// T's name without its namespaces, for messages: "bucket".
template <class T>
std::string unqualified_name() {
    // demangle rather than boost::core::type_name, whose header costs every
    // file that includes the library a tenth of a second.
#ifndef BOOST_NO_TYPEID
    std::string name = boost::core::demangle(typeid(T).name());
#else
    std::string name = "value";  // built with -fno-rtti: no type name to give
#endif
    const std::size_t last = name.rfind("::", name.find('<'));
    return last == std::string::npos ? name : name.substr(last + 2);
}

// value_to's error: the code try_value_to returns, with what was wrong
// where ("bucket.name (a number): value is not a string").
[[noreturn]] inline void throw_read_error(const boost::system::error_code& ec, const std::string& what) {
    // Without the place in Boost.JSON's sources that set it: of no use to a caller.
    throw boost::system::system_error(boost::system::error_code(ec.value(), ec.category()), what);
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
