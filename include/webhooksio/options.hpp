// Typed options: required<T> for options the API insists on, std::optional<T>
// for the rest, and how such a struct turns into JSON, walked through its
// endpoint's list of members (or its Boost.Describe list).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>

#include "config.hpp"
#include "detail/comma_list.hpp"
#include "endpoint.hpp"
#include "http.hpp"
#include "ids.hpp"

namespace webhooksio {

namespace detail {
template <class>
inline constexpr bool always_false = false;

// Whether a flag option (T = bool) may be set from a U: only from a bool (or
// an optional of one), never from a string or a pointer, which would
// quietly become true.
template <class T, class U>
inline constexpr bool flag_from = !std::is_same_v<T, bool> || std::is_same_v<std::remove_cvref_t<U>, bool> ||
                                  std::is_base_of_v<std::optional<bool>, std::remove_cvref_t<U>> ||
                                  std::is_same_v<std::remove_cvref_t<U>, std::nullopt_t>;
}  // namespace detail

// An option that must be given. It has no usable default, so leaving it out of
// a designated initializer stops the build with the message below. `Name`, a
// tag type the table declares for each option (api::option_name for `name`),
// carries the option's name into that message's first lines.
template <class T, class Name = void>
class required {
public:
    template <class U = T>
    required() {
        static_assert(detail::always_false<U>,
                      "webhooksio: a required option of this call was left out: "
                      "set every required<...> member of its options struct");
    }

    // Implicit conversions only: an ID option takes an ID, not a string.
    template <class U = T>
        requires std::is_convertible_v<U&&, T>
    required(U&& value) : value_(std::forward<U>(value)) {
        static_assert(detail::flag_from<T, U>,
                      "webhooksio: a flag option takes true or false; a string or a pointer here "
                      "would quietly become true");
    }

    const T& get() const noexcept { return value_; }

private:
    T value_;
};

namespace detail {
template <class T>
struct optional_base : std::optional<T> {
    optional_base() = default;
    template <class U>
    explicit optional_base(U&& value) : std::optional<T>(std::forward<U>(value)) {}

    // Declared again for every other T: the deleted one below hides
    // std::optional's whatever its constraint (name hiding ignores them).
    explicit operator bool() const noexcept
        requires(!std::is_same_v<T, bool>)
    {
        return this->has_value();
    }
    // A flag is not a condition: `if (options.expand)` would ask whether it
    // is set, not whether it is true, and std::optional<bool>'s direct
    // initialization (`std::optional<bool> expand(options.expand)`) would
    // take that answer for its value. Read a flag with has_value(), `*` or
    // value_or().
    explicit operator bool() const
        requires std::is_same_v<T, bool>
    = delete;
};
}  // namespace detail

// An option that may be left out: a std::optional<T> that, for a flag,
// takes only a bool, as required<bool> does, and is not itself a condition;
// `Name` as for required.
template <class T, class Name = void>
class optional : public detail::optional_base<T> {
public:
    optional() = default;
    optional(std::nullopt_t) noexcept {}

    template <class U = T>
        requires std::is_convertible_v<U&&, std::optional<T>>
    optional(U&& value) : detail::optional_base<T>(std::forward<U>(value)) {
        static_assert(detail::flag_from<T, U>,
                      "webhooksio: a flag option takes true or false; a string or a pointer here "
                      "would quietly become true");
    }
};

// Options the typed struct doesn't name; every options struct has a member
// `extra` of this type. Typed members win over extras of the same name.
using extra_options = boost::json::object;

// The members of a gateway call's options that carry the webhook itself
// rather than options of the API: its body as JSON (`payload`, any value) or
// as sent (`raw_body`, with its `content_type`: a form, XML, text), and
// further request headers (e.g. the event of an input whose event_location
// is header). Without either body, the extras are the body, as before.
#define WEBHOOKSIO_WEBHOOK_MEMBERS                                                                   \
    std::optional<boost::json::value> payload{}; /* the webhook as JSON: the whole body */          \
    std::optional<std::string> raw_body{};       /* or the webhook as sent */                      \
    std::string content_type{};                  /* raw_body's Content-Type (text/plain if empty) */ \
    ::webhooksio::http_headers headers{};        /* further request headers */

// The C++ type of an option, as the table and its reflection name it:
// std::string, bool, int, std::vector<std::string> (a comma list),
// boost::json::value, or an ID type of ids.hpp (sent as its text).
enum class option_kind : unsigned char { text, flag, number, list, json, id };

// One member of an endpoint's options struct, as reflection.hpp shows it
// and the request pipeline encodes it.
struct option_info {
    std::string_view name;         // as the API spells it, e.g. "event_filters"
    std::string_view description;  // what the API docs say of it ("" when nothing)
    option_kind kind;              // its C++ type
    bool required;                 // a required<T> member
};

namespace detail {

// What an options struct looks like to the shared encoder: a table of its
// members, built by one pack expansion per struct, walked by ordinary code.
using field_kind = option_kind;

template <class T>
struct field_type;
template <> struct field_type<std::string> { static constexpr field_kind kind = field_kind::text; };
template <> struct field_type<bool> { static constexpr field_kind kind = field_kind::flag; };
template <> struct field_type<int> { static constexpr field_kind kind = field_kind::number; };
template <> struct field_type<std::vector<std::string>> { static constexpr field_kind kind = field_kind::list; };
template <> struct field_type<boost::json::value> { static constexpr field_kind kind = field_kind::json; };
template <class T>
    requires std::derived_from<T, basic_id<T>>
struct field_type<T> { static constexpr field_kind kind = field_kind::id; };

// A member is T, required<T> or std::optional<T>. `address` is what the
// field table keeps of it: its T, or the optional itself, which the shared
// code looks into (value_of): a call site then holds no branch per member.
template <class M>
struct field_traits : field_type<M> {
    static constexpr bool is_required = false;
    static constexpr bool is_optional = false;
    static const void* address(const M& m) { return &m; }
};
template <class T, class N>
struct field_traits<required<T, N>> : field_type<T> {
    static constexpr bool is_required = true;
    static constexpr bool is_optional = false;
    static const void* address(const required<T, N>& m) { return &m.get(); }
};
template <class T>
struct field_traits<std::optional<T>> : field_type<T> {
    static constexpr bool is_required = false;
    static constexpr bool is_optional = true;
    static const void* address(const std::optional<T>& m) { return &m; }
};
template <class T, class N>
struct field_traits<optional<T, N>> : field_traits<std::optional<T>> {};
// An ID is kept as its text: the member's, or null when an optional one is
// unset.
template <class T>
    requires std::derived_from<T, basic_id<T>>
struct field_traits<T> : field_type<T> {
    static constexpr bool is_required = false;
    static constexpr bool is_optional = false;
    static const void* address(const T& m) { return &m.str(); }
};
template <class T, class N>
    requires std::derived_from<T, basic_id<T>>
struct field_traits<required<T, N>> : field_traits<T> {
    static constexpr bool is_required = true;
    static const void* address(const required<T, N>& m) { return &m.get().str(); }
};
template <class T, class N>
    requires std::derived_from<T, basic_id<T>>
struct field_traits<optional<T, N>> : field_traits<T> {
    static const void* address(const std::optional<T>& m) { return m ? &m->str() : nullptr; }
};

template <class MemberPointer>
struct member_type;
template <class C, class M>
struct member_type<M C::*> {
    using type = M;
};
template <class D>
using field_of = field_traits<typename member_type<std::remove_cv_t<decltype(D::pointer)>>::type>;

struct field {
    std::string_view name;
    field_kind kind;
    const void* member;     // its T (the text of an ID; null when unset), or its std::optional<T> when `optional`
    bool optional = false;
};

// Calls `fn` with std::type_identity<T> for the C++ type T of `kind`: the one
// place that knows which type each kind of option has.
template <class F>
decltype(auto) with_type(field_kind kind, F&& fn) {
    switch (kind) {
        case field_kind::flag: return fn(std::type_identity<bool>{});
        case field_kind::number: return fn(std::type_identity<int>{});
        case field_kind::list: return fn(std::type_identity<std::vector<std::string>>{});
        case field_kind::json: return fn(std::type_identity<boost::json::value>{});
        case field_kind::text:
        case field_kind::id: break;
    }
    return fn(std::type_identity<std::string>{});
}

// The option's value, a T, or null when it is an unset optional.
template <class T>
const T* value_as(const field& f) {
    if (!f.optional) return static_cast<const T*>(f.member);
    const auto& set = *static_cast<const std::optional<T>*>(f.member);
    return set ? &*set : nullptr;
}

// The same for any kind of option.
WEBHOOKSIO_DECL const void* value_of(const field& f);

// Calls `fn` with the option's value as its C++ type, when it is set.
template <class F>
void visit(const field& f, F&& fn) {
    with_type(f.kind, [&]<class T>(std::type_identity<T>) {
        if (const T* value = value_as<T>(f)) fn(*value);
    });
}

// Writes the options that are set into `out`; an unset optional is left
// out, never sent as null.
WEBHOOKSIO_DECL void put_fields(boost::json::object& out, std::span<const field> fields);
// The same as a JSON object's text, written directly: what serializing the
// object put_fields fills would give, without building it.
WEBHOOKSIO_DECL std::string fields_json(std::span<const field> fields);

template <class Options, template <class...> class List, class... D>
std::array<field, sizeof...(D)> fields_of(const Options& options, List<D...>) {
    return {field{D::name, field_of<D>::kind, field_of<D>::address(options.*D::pointer), field_of<D>::is_optional}...};
}

// A call's options as the shared pipeline takes them: the members of a typed
// struct (none for a free-form call) and the free-form object.
// The webhook of a gateway call (WEBHOOKSIO_WEBHOOK_MEMBERS), when it has one.
struct webhook_parts {
    const std::optional<boost::json::value>* payload = nullptr;
    const std::optional<std::string>* raw_body = nullptr;
    const std::string* content_type = nullptr;
    const http_headers* headers = nullptr;
};

struct option_values {
    std::span<const field> typed;
    const boost::json::object* extra = nullptr;
    webhook_parts webhook{};
};

// The fields of a typed options struct, alive for the call it is passed to.
template <std::size_t N>
struct typed_values {
    std::array<field, N> fields;
    const boost::json::object* extra;
    webhook_parts webhook;
    operator option_values() const { return {fields, extra, webhook}; }
};

// The members of E's options struct, in order, each a type with the
// `name` and `pointer` of a Boost.Describe descriptor. The table's endpoints
// list their members themselves (WEBHOOKSIO_ENDPOINT's `option_members`), so
// that no file needs their Describe lists; an endpoint of your own is read
// through its options' Describe list.
template <class, auto... Pointers>
struct member_pointers {};

template <class E, std::size_t I, auto Pointer>
struct listed_member {
    static constexpr std::string_view name = E::option_docs[I].name;
    static constexpr auto pointer = Pointer;
};

template <class E, class Pointers, class Indices>
struct listed_members;
template <class E, class Void, auto... Pointers, std::size_t... I>
struct listed_members<E, member_pointers<Void, Pointers...>, std::index_sequence<I...>> {
    using type = boost::mp11::mp_list<listed_member<E, I, Pointers>...>;
};

template <class E>
struct option_members_of {
    using type = boost::describe::describe_members<typename E::options, boost::describe::mod_public>;
};
template <class E>
    requires requires { typename E::option_members; }
struct option_members_of<E> {
    using type = typename listed_members<E, typename E::option_members,
                                         std::make_index_sequence<E::option_docs.size()>>::type;
};

template <class E>
using option_members = typename option_members_of<E>::type;

template <class Options>
webhook_parts webhook_of(const Options& options) {
    if constexpr (requires { options.payload; }) {
        return {&options.payload, &options.raw_body, &options.content_type, &options.headers};
    } else {
        return {};
    }
}

template <class E>
auto values_of(const typename E::options& options) {
    auto fields = fields_of(options, option_members<E>{});
    return typed_values<std::tuple_size_v<decltype(fields)>>{fields, &options.extra, webhook_of(options)};
}

// The JSON object a body carries: the extras, then the typed members, which
// win over extras of the same name.
WEBHOOKSIO_DECL boost::json::object to_object(const option_values& options);

// The members of E's options struct; their descriptions are E::option_docs,
// made in the same order by WEBHOOKSIO_ENDPOINT.
template <class E, template <class...> class List, class... D>
constexpr std::array<option_info, sizeof...(D)> option_infos(List<D...>) {
    std::size_t i = 0;
    return {option_info{D::name, E::option_docs[i++].description, field_of<D>::kind, field_of<D>::is_required}...};
}

template <class E>
inline constexpr auto option_infos_of = option_infos<E>(option_members<E>{});

template <template <class...> class List, class... D>
constexpr auto required_names(List<D...>) {
    std::array<std::string_view, (std::size_t{field_of<D>::is_required} + ... + 0)> names{};
    std::size_t i = 0;
    ((field_of<D>::is_required ? void(names[i++] = D::name) : void()), ...);
    return names;
}

// Whether every member of E's options struct may be left out, so that a call
// may be made without its options.
template <class E>
inline constexpr bool all_optional = required_names(option_members<E>{}).empty();

// The names of the options an endpoint can't do without; an entry "a|b" asks
// for at least one of a and b. Checked before a free-form call is sent.
template <class E>
constexpr auto required_options() {
    constexpr auto typed = required_names(option_members<E>{});
    constexpr const auto& any_of = api::required_any_of<E>;
    std::array<std::string_view, typed.size() + any_of.size()> names{};
    std::copy(typed.begin(), typed.end(), names.begin());
    std::copy(any_of.begin(), any_of.end(), names.begin() + typed.size());
    return names;
}

}  // namespace detail
}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
#include "impl/options.ipp"
#endif
