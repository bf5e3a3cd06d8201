// Typed options: required<T> for options the API insists on, std::optional<T>
// for the rest, and how Boost.Describe turns such a struct into JSON.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>

namespace webhooksio {

namespace detail {
template <class>
inline constexpr bool always_false = false;
}

// An option that must be given. It has no usable default, so leaving it out of
// a designated initializer stops the build with the message below.
template <class T>
class required {
public:
    template <class U = T>
    required() {
        static_assert(detail::always_false<U>,
                      "webhooksio: a required option of this call was left out: "
                      "set every required<...> member of its options struct");
    }

    template <class U>
        requires std::is_constructible_v<T, U&&>
    required(U&& value) : value_(std::forward<U>(value)) {}

    const T& get() const noexcept { return value_; }

private:
    T value_;
};

// Options the typed struct doesn't name; every options struct has a member
// `extra` of this type. Typed members win over extras of the same name.
using extra_options = boost::json::object;

namespace detail {

template <class T>
inline constexpr bool is_required = false;
template <class T>
inline constexpr bool is_required<required<T>> = true;

// One overload per option type; the result is the JSON the wire carries.
inline void put(boost::json::object& out, std::string_view key, const std::string& v) { out[key] = v; }
inline void put(boost::json::object& out, std::string_view key, bool v) { out[key] = v; }
inline void put(boost::json::object& out, std::string_view key, int v) { out[key] = v; }
inline void put(boost::json::object& out, std::string_view key, const boost::json::value& v) { out[key] = v; }

// The API takes its lists (event filters, e-mail addresses, headers) as one
// comma-delimited string.
inline void put(boost::json::object& out, std::string_view key, const std::vector<std::string>& v) {
    std::string joined;
    for (const auto& item : v) {
        if (!joined.empty()) joined += ',';
        joined += item;
    }
    out[key] = joined;
}

// An unset optional is left out of the wire, never sent as null.
template <class T>
void put(boost::json::object& out, std::string_view key, const std::optional<T>& v) {
    if (v) put(out, key, *v);
}

template <class T>
void put(boost::json::object& out, std::string_view key, const required<T>& v) {
    put(out, key, v.get());
}

template <class Options>
boost::json::object to_object(const Options& options) {
    boost::json::object out = options.extra;
    boost::mp11::mp_for_each<boost::describe::describe_members<Options, boost::describe::mod_public>>(
        [&](auto member) { put(out, member.name, options.*member.pointer); });
    return out;
}

template <class Options>
constexpr std::size_t required_count() {
    std::size_t n = 0;
    boost::mp11::mp_for_each<boost::describe::describe_members<Options, boost::describe::mod_public>>(
        [&](auto member) {
            if constexpr (is_required<std::remove_cvref_t<decltype(std::declval<Options>().*member.pointer)>>) ++n;
        });
    return n;
}

// The names of the options an endpoint can't do without; an entry "a|b" asks
// for at least one of a and b. Checked before a free-form call is sent.
template <class E>
constexpr auto required_options() {
    using options = typename E::options;
    constexpr std::size_t typed = required_count<options>();
    constexpr std::size_t any_of = [] {
        if constexpr (requires { E::required_any_of; }) return E::required_any_of.size();
        else return std::size_t{0};
    }();
    std::array<std::string_view, typed + any_of> names{};
    std::size_t i = 0;
    boost::mp11::mp_for_each<boost::describe::describe_members<options, boost::describe::mod_public>>(
        [&](auto member) {
            if constexpr (is_required<std::remove_cvref_t<decltype(std::declval<options>().*member.pointer)>>)
                names[i++] = member.name;
        });
    if constexpr (any_of > 0)
        for (auto alternatives : E::required_any_of) names[i++] = alternatives;
    return names;
}

}  // namespace detail
}  // namespace webhooksio
