// webhooksio-cpp, single header. GENERATED from include/ by tools/amalgamate.cpp
// (the `amalgamate` build target): do not edit by hand.
#pragma once
// ---- webhooksio/tolerant_json.hpp
// boost::json::value_to and value_from for Boost.Describe'd structs, tolerant
// as an API client must be: a member the JSON leaves out keeps its default
// (an optional stays empty), null empties an optional, and a field the struct
// doesn't describe is ignored. (Boost.JSON 1.81's own conversion of described
// classes wants every member and nothing else: an answer that gains a field
// would stop converting.)
//
// The structs of webhooksio::model use it. A namespace of your own opts in
// with one line, and then value_to<T> is tolerant for its described structs:
//
//     namespace shop {
//     struct order { std::string id; std::optional<int> total; };
//     BOOST_DESCRIBE_STRUCT(order, (), (id, total))
//     using webhooksio::tolerant::tag_invoke;
//     }
//     auto o = boost::json::value_to<shop::order>(boost::json::parse(R"({"id":"O1","extra":1})"));

#include <string>
#include <utility>

#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>

// ---- detail/tolerant_json.hpp
// The members of a described struct to and from JSON, one member at a time,
// for <webhooksio/tolerant_json.hpp>. Plain types go to Boost.JSON; the
// overloads here add what an API answer needs: null as an empty optional,
// IDs as their text, lists as the API's comma-delimited strings, and the path
// to a value of the wrong type ("inputs[1].name") for value_to's message.

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

// ---- webhooksio/ids.hpp
// Strong ID types: one per route placeholder, so that a bucket_id can never
// be passed where an account_id belongs.

#include <compare>
#include <concepts>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <boost/json/string.hpp>

namespace webhooksio {
namespace detail {

// What every ID type derives from, so that one ID is never made from another
// by accident.
struct basic_id_tag {};

// Each ID derives from basic_id<itself>, which makes every ID a distinct type
// with the same small interface: compared, ordered, printed and hashed by
// its text.
template <class Derived>
class basic_id : basic_id_tag {
public:
    // From text, explicitly: a string, a string_view, a literal or a JSON
    // string. Never from a null pointer, nor from an ID of another type
    // (write `bucket_id{other.str()}` to mean it). One constructor, so that
    // a wrong argument's diagnostic stays short.
    template <class S>
        requires(std::constructible_from<std::string, S &&> && !std::is_null_pointer_v<std::remove_cvref_t<S>> &&
                 !std::is_base_of_v<basic_id_tag, std::remove_cvref_t<S>>)
    explicit basic_id(S&& value) : value_(std::forward<S>(value)) {}

    const std::string& str() const noexcept { return value_; }
    std::string_view str_view() const noexcept { return value_; }

    friend bool operator==(const basic_id& a, const basic_id& b) noexcept { return a.value_ == b.value_; }
    friend std::strong_ordering operator<=>(const basic_id& a, const basic_id& b) noexcept {
        return a.value_ <=> b.value_;
    }
    friend std::ostream& operator<<(std::ostream& out, const basic_id& id) { return out << id.value_; }

private:
    std::string value_;
};

}  // namespace detail

// Defines ID type `type` that fills the route placeholder `:placeholder_name`.
#define WEBHOOKSIO_DEFINE_ID(type, placeholder_name)                        \
    struct type : detail::basic_id<type> {                                  \
        using basic_id::basic_id;                                           \
        static constexpr std::string_view placeholder = placeholder_name;   \
    };

WEBHOOKSIO_DEFINE_ID(account_id, "account_id")
WEBHOOKSIO_DEFINE_ID(application_id, "application_id")
WEBHOOKSIO_DEFINE_ID(application_version_id, "application_version_id")
WEBHOOKSIO_DEFINE_ID(bucket_id, "bucket_id")
WEBHOOKSIO_DEFINE_ID(bucket_key, "bucket_key")
WEBHOOKSIO_DEFINE_ID(input_id, "input_id")
WEBHOOKSIO_DEFINE_ID(input_name, "input_name")
WEBHOOKSIO_DEFINE_ID(destination_id, "destination_id")
WEBHOOKSIO_DEFINE_ID(recipe_id, "recipe_id")
WEBHOOKSIO_DEFINE_ID(consumer_id, "consumer_id")
WEBHOOKSIO_DEFINE_ID(incoming_message_id, "incoming_message_id")
WEBHOOKSIO_DEFINE_ID(outgoing_message_id, "outgoing_message_id")
WEBHOOKSIO_DEFINE_ID(attempt_id, "attempt_id")
WEBHOOKSIO_DEFINE_ID(user_id, "user_id")
WEBHOOKSIO_DEFINE_ID(password_change_key, "password_change_key")
WEBHOOKSIO_DEFINE_ID(email_verification_key, "email_verification_key")
WEBHOOKSIO_DEFINE_ID(plan_id, "plan_id")
WEBHOOKSIO_DEFINE_ID(policy_id, "policy_id")
WEBHOOKSIO_DEFINE_ID(invoice_id, "invoice_id")
WEBHOOKSIO_DEFINE_ID(certificate_id, "certificate_id")
WEBHOOKSIO_DEFINE_ID(target_url, "target_url")
// The gateway's authentication routes name these :type and :option, names
// too generic for types of their own in namespace webhooksio.
WEBHOOKSIO_DEFINE_ID(auth_type, "type")
WEBHOOKSIO_DEFINE_ID(auth_option, "option")

#undef WEBHOOKSIO_DEFINE_ID

}  // namespace webhooksio

// Any ID hashes as its text, so IDs can key unordered containers.
template <class Id>
    requires std::is_base_of_v<webhooksio::detail::basic_id_tag, Id>
struct std::hash<Id> {
    std::size_t operator()(const Id& id) const noexcept { return std::hash<std::string_view>{}(id.str_view()); }
};
// ---- detail/comma_list.hpp
// The API's lists (event filters, e-mail addresses, header names) travel as
// one comma-delimited string: the one place that joins and splits them.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace webhooksio::detail {

// `text(item)` is each item's text: the items themselves by default, or e.g.
// the strings of a JSON array.
template <class Items, class Text = std::identity>
std::string join_comma_list(const Items& items, Text text = {}) {
    std::string joined;
    for (const auto& item : items) {
        if (!joined.empty()) joined += ',';
        joined += text(item);
    }
    return joined;
}

// "a,b" is {"a", "b"}; "" is {""}, one empty item (callers that read "" as
// no items at all say so).
inline std::vector<std::string> split_comma_list(std::string_view text) {
    std::vector<std::string> items;
    for (std::size_t comma; (comma = text.find(',')) != std::string_view::npos; text.remove_prefix(comma + 1))
        items.emplace_back(text.substr(0, comma));
    items.emplace_back(text);
    return items;
}

}  // namespace webhooksio::detail

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

namespace webhooksio::tolerant {

// A struct whose public members Boost.Describe lists.
using detail::described_struct;

template <described_struct T>
boost::json::result<T> tag_invoke(boost::json::try_value_to_tag<T>, const boost::json::value& in) {
    return detail::read_struct<T>(in, nullptr);
}

// The same, throwing what try_value_to returns as a boost::system::system_error
// whose message names the value of the wrong type: "bucket.inputs[1].name (a
// number): value is not a string".
template <described_struct T>
T tag_invoke(boost::json::value_to_tag<T>, const boost::json::value& in) {
    std::string where;
    auto read = detail::read_struct<T>(in, &where);
    if (!read) detail::throw_read_error(read.error(), detail::unqualified_name<T>() + where);
    return std::move(*read);
}

template <described_struct T>
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const T& in) {
    boost::json::object& fields = out.emplace_object();
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
        [&](auto member) { detail::write_member(fields, member.name, in.*member.pointer); });
}

}  // namespace webhooksio::tolerant
// ---- webhooksio/webhooksio.hpp
// The umbrella header: the whole client. (The emulator is a library of its
// own, <webhooksio/emulator.hpp>; test helpers such as
// <webhooksio/testing/recording_transport.hpp> are included one by one.)

// ---- webhooksio/api.hpp
// The whole endpoint table: every call of the Webhooks.io API as a type in
// namespace webhooksio::api, one header per area of the API. Each endpoint
// is one WEBHOOKSIO_ENDPOINT in its area's header (detail/define_endpoint.hpp);
// its area's WEBHOOKSIO_API_<AREA> list names it; everything else (the lists
// here, each client's named methods, reflection, the emulator's routes) is
// made from them.

#include <type_traits>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

// ---- api/accounts.hpp
// The Accounts endpoints of the Webhooks.io API: one descriptor type per call.

// ---- detail/define_endpoint.hpp
// The one macro that adds an endpoint to the table. One call per endpoint
// declares everything the library knows of it: its descriptor type in
// webhooksio::api and its options struct (members, Boost.Describe list,
// help texts and the list of members the library walks, all from one list),
// and nothing per client. Its area's header lists it in
// WEBHOOKSIO_API_<AREA>(X), from which api::areas::<area> and api::endpoints
// are made (plain lists, the same in every translation unit) and each client
// writes its named methods.
//
//     WEBHOOKSIO_ENDPOINT(buckets, create_bucket, seed("createBucket"), post,
//         "/v1/accounts/:account_id/buckets", (account_id),
//         "Adds a bucket to an account",
//         (required, std::string, name, "Name for the bucket.")
//         (optional, std::string, key, "The key for the bucket."))
//
// The arguments: the area (the list api::areas::<area> that names it), the
// C++ name, seed("name") for one of the Node.js client's calls or
// docs("name") for a route only the API docs name, the HTTP method, the route,
// the ID types of its :placeholders in order (`()` for none), the summary,
// then one (required|optional, C++ type, name, description) per option. An
// option whose value is an ID takes the ID type (webhooksio::bucket_id).

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/list.hpp>

// ---- webhooksio/config.hpp
// How the library is compiled. Header-only by default: every file that
// includes it compiles what it uses. A program that defines
// WEBHOOKSIO_SEPARATE_COMPILATION (for all of its files) compiles the shared
// code (request pipeline, retries, transport) once instead, in the one file
// that includes <webhooksio/src.hpp>; every other file only declares it.
#ifndef WEBHOOKSIO_CONFIG_HPP
#define WEBHOOKSIO_CONFIG_HPP

#if defined(WEBHOOKSIO_SEPARATE_COMPILATION)
#define WEBHOOKSIO_DECL
#if defined(WEBHOOKSIO_SOURCE)
#define WEBHOOKSIO_DEFINITIONS 1
#else
#define WEBHOOKSIO_DEFINITIONS 0
#endif
#else
#define WEBHOOKSIO_DECL inline
#define WEBHOOKSIO_DEFINITIONS 1
#endif

// The Boost.Describe lists of the library's own structs (each endpoint's
// options, webhooksio::model), in every file that compiles the library's
// definitions, which read the model's. A user's file of a separately compiled
// program leaves them out, as about 7% of its compile time that its
// calls don't use, unless it defines WEBHOOKSIO_DESCRIBE_TYPES first.
#if WEBHOOKSIO_DEFINITIONS || defined(WEBHOOKSIO_DESCRIBE_TYPES)
#define WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(type, bases, members) BOOST_DESCRIBE_STRUCT(type, bases, members)
#else
#define WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(type, bases, members) static_assert(true);
#endif

// On the client's call methods: a caller that makes many calls then holds one
// call instruction per call instead of each call's whole body (what it saves
// the compiler: tests/benchmarks/compile_time/all_calls.cpp).
#if defined(__GNUC__) || defined(__clang__)
#define WEBHOOKSIO_NOINLINE [[gnu::noinline]]
#else
#define WEBHOOKSIO_NOINLINE
#endif

#endif
// ---- webhooksio/endpoint.hpp
// What an endpoint is: a type that carries its method, its route template and
// the ID types that fill the route's placeholders, all known at compile time.

#include <array>
#include <cstddef>
#include <string_view>
#include <tuple>

// ---- webhooksio/http.hpp
// The HTTP vocabulary shared by the client, its transports and its errors:
// methods, headers, a request as sent and a response as received.

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// ---- webhooksio/http_syntax.hpp
// What RFC 9110 lets a header line hold: the checks that keep text from
// ending a header early and starting another, shared by the client, the
// emulator and its recipe engine.

#include <cstddef>
#include <string_view>


namespace webhooksio {

// Whether `name` is an RFC 9110 token, what a header name must be: one or
// more letters, digits and !#$%&'*+-.^_`|~ (no space, colon, CR or LF).
WEBHOOKSIO_DECL bool is_http_token(std::string_view name) noexcept;

// Whether `value` may be a header's value (RFC 9110 field-value): no
// control character but horizontal tab, so no CR, LF or NUL; bytes of
// UTF-8 and other octets from 0x80 up may stand.
WEBHOOKSIO_DECL bool is_http_field_value(std::string_view value) noexcept;

// Whether `a` and `b` are the same text but for the case of ASCII letters:
// how HTTP compares header names and other tokens, whatever the locale.
constexpr bool equals_ignoring_case(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// The header sets, compared ignoring case. Credentials (Authorization,
// Proxy-Authorization, Cookie): never kept with a stored message nor relayed.
WEBHOOKSIO_DECL bool is_credential_header(std::string_view name) noexcept;
// Headers that frame a message on the wire (Content-Length,
// Transfer-Encoding, Host, Connection, TE, Upgrade, Expect): whoever sends
// the message sets them; one taken from elsewhere could split it in two.
WEBHOOKSIO_DECL bool is_framing_header(std::string_view name) noexcept;
// The headers a webhook sent through the client may not set: the framing
// ones, the credentials but Cookie, and Content-Type (its own member).
WEBHOOKSIO_DECL bool is_reserved_request_header(std::string_view name) noexcept;

}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
// ---- impl/http_syntax.ipp
// Definitions for http_syntax.hpp.

#include <algorithm>
#include <initializer_list>

namespace webhooksio {

WEBHOOKSIO_DECL bool is_http_token(std::string_view name) noexcept {
    constexpr std::string_view symbols = "!#$%&'*+-.^_`|~";
    return !name.empty() && std::ranges::all_of(name, [&](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               symbols.find(c) != std::string_view::npos;
    });
}

WEBHOOKSIO_DECL bool is_http_field_value(std::string_view value) noexcept {
    return std::ranges::none_of(value, [](unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7f; });
}

namespace detail {
inline bool is_one_of(std::string_view name, std::initializer_list<std::string_view> set) noexcept {
    return std::ranges::any_of(set, [&](std::string_view member) { return equals_ignoring_case(name, member); });
}
}  // namespace detail

WEBHOOKSIO_DECL bool is_credential_header(std::string_view name) noexcept {
    return detail::is_one_of(name, {"Authorization", "Proxy-Authorization", "Cookie"});
}

WEBHOOKSIO_DECL bool is_framing_header(std::string_view name) noexcept {
    return detail::is_one_of(name, {"Content-Length", "Transfer-Encoding", "Host", "Connection", "TE", "Upgrade",
                                    "Expect"});
}

WEBHOOKSIO_DECL bool is_reserved_request_header(std::string_view name) noexcept {
    return is_framing_header(name) || (is_credential_header(name) && !equals_ignoring_case(name, "Cookie")) ||
           equals_ignoring_case(name, "Content-Type");
}

}  // namespace webhooksio
#endif

namespace webhooksio {

enum class http_method { get, post, put, delete_, head };

constexpr std::string_view to_string(http_method m) noexcept {
    switch (m) {
        case http_method::get: return "GET";
        case http_method::post: return "POST";
        case http_method::put: return "PUT";
        case http_method::delete_: return "DELETE";
        case http_method::head: return "HEAD";
    }
    return "GET";
}

// Header names and values in the order they came; names compare
// case-insensitively (find_header).
using http_headers = std::vector<std::pair<std::string, std::string>>;

// The value of header `name` (case-insensitive), or "" when absent.
WEBHOOKSIO_DECL std::string_view find_header(const http_headers& headers, std::string_view name);

struct http_request {
    http_method method = http_method::get;
    std::string target{};  // path and query, already percent-encoded
    http_headers headers{};
    std::string body{};
    // When the transport gives up, whatever it is doing: the end of the
    // call's total_timeout (max: never).
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

struct http_response {
    int status = 0;
    http_headers headers{};
    std::string body{};
};

}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
// ---- impl/http.ipp
// Definitions for http.hpp.

namespace webhooksio {

WEBHOOKSIO_DECL std::string_view find_header(const http_headers& headers, std::string_view name) {
    for (const auto& [key, value] : headers)
        if (equals_ignoring_case(key, name)) return value;
    return {};
}

}  // namespace webhooksio
#endif

namespace webhooksio {

// GET, DELETE and HEAD carry their options in the query string; POST and PUT
// in a JSON body.
constexpr bool options_in_query(http_method m) noexcept {
    return m == http_method::get || m == http_method::delete_ || m == http_method::head;
}

// An option's name and what the API docs say of it (for help texts).
struct option_doc {
    std::string_view name;
    std::string_view description;
};

namespace detail {

// A string literal usable as a template argument.
template <std::size_t N>
struct fixed_string {
    char chars[N]{};
    constexpr fixed_string(const char (&s)[N]) {
        for (std::size_t i = 0; i < N; ++i) chars[i] = s[i];
    }
    constexpr std::string_view view() const { return {chars, N - 1}; }
};

// A route split at its placeholders, for routes with at most N of them: the
// literal runs around the placeholders ({"/v1/accounts/", "/buckets"} for
// "/v1/accounts/:account_id/buckets"), their names, and how many it has.
template <std::size_t N>
struct route_parts {
    std::array<std::string_view, N + 1> literal_runs{};
    std::array<std::string_view, N> names{};
    std::size_t count = 0;
};

// The one scanner of routes: the endpoint table checks its IDs with it, the
// request pipeline expands routes from its literal runs, the emulator routes
// by them. One pass over the characters, without string_view::find (see
// tests/benchmarks/compile_time: the compiler runs this for every endpoint).
template <std::size_t N>
constexpr route_parts<N> split_route(std::string_view route) {
    route_parts<N> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i < route.size(); ++i) {
        if (route[i] != ':') continue;
        std::size_t end = i + 1;
        while (end < route.size() && route[end] != '/') ++end;
        if (parts.count < N) {
            parts.literal_runs[parts.count] = route.substr(start, i - start);
            parts.names[parts.count] = route.substr(i + 1, end - i - 1);
        }
        ++parts.count;
        start = i = end;
    }
    if (parts.count <= N) parts.literal_runs[parts.count] = route.substr(start);
    return parts;
}

// Whether the route's placeholders are the IDs' names, in order.
template <class... Ids>
constexpr bool route_matches(std::string_view route) {
    constexpr std::array<std::string_view, sizeof...(Ids)> names{Ids::placeholder...};
    const auto parts = split_route<sizeof...(Ids)>(route);
    return parts.count == names.size() && parts.names == names;
}

}  // namespace detail

namespace api {
// Groups of options of which a call needs at least one ("a|b"), beside its
// required<T> members; empty for most endpoints.
template <class E>
inline constexpr std::array<std::string_view, 0> required_any_of{};
}  // namespace api

namespace detail {

// What every endpoint descriptor holds beside its texts: its method and the
// ID types of its route's placeholders, in order.
template <http_method Method, class... Ids>
struct endpoint_base {
    static constexpr http_method method = Method;
    using params = std::tuple<Ids...>;
};

// The one message for a route whose placeholders are not its IDs.
#define WEBHOOKSIO_DETAIL_ROUTE_MISMATCH \
    "webhooksio: an endpoint's ID types must match the :placeholders of its route in number, name and order"

}  // namespace detail

// The base of an endpoint of your own: its seed name, method, route and ID
// types in one line. The derived struct adds its C++ `name`, its `options`
// struct (described with Boost.Describe) and their `option_docs`, as the
// table's endpoints have them (detail/define_endpoint.hpp). Those write the
// same members as plain constants over endpoint_base: string template
// arguments made about a sixth of the table's compile time, in every file.
template <detail::fixed_string SeedName, bool InSeed, http_method Method, detail::fixed_string Route, class... Ids>
struct endpoint : detail::endpoint_base<Method, Ids...> {
    static constexpr std::string_view seed_name = SeedName.view();
    static constexpr bool in_seed = InSeed;  // one of the Node.js client's calls
    static constexpr std::string_view route = Route.view();

    static_assert(detail::route_matches<Ids...>(route), WEBHOOKSIO_DETAIL_ROUTE_MISMATCH);
};

}  // namespace webhooksio
// ---- webhooksio/options.hpp
// Typed options: required<T> for options the API insists on, std::optional<T>
// for the rest, and how such a struct turns into JSON, walked through its
// endpoint's list of members (or its Boost.Describe list).

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
// ---- impl/options.ipp
// Definitions for options.hpp.

namespace webhooksio::detail {

template <class T>
void put_json(boost::json::object& out, std::string_view key, const T& value) {
    out[key] = value;
}

// The API takes its lists (event filters, e-mail addresses, headers) as one
// comma-delimited string.
inline void put_json(boost::json::object& out, std::string_view key, const std::vector<std::string>& items) {
    out[key] = join_comma_list(items);
}

WEBHOOKSIO_DECL const void* value_of(const field& f) {
    return with_type(f.kind, [&]<class T>(std::type_identity<T>) -> const void* { return value_as<T>(f); });
}

WEBHOOKSIO_DECL void put_fields(boost::json::object& out, std::span<const field> fields) {
    for (const field& f : fields) visit(f, [&](const auto& value) { put_json(out, f.name, value); });
}

// One value as JSON text, as boost::json::serialize writes it.
inline void append_json(std::string& out, const std::string& text) { out += boost::json::serialize(text); }
inline void append_json(std::string& out, bool flag) { out += flag ? "true" : "false"; }
inline void append_json(std::string& out, int number) { out += std::to_string(number); }
inline void append_json(std::string& out, const std::vector<std::string>& items) {
    out += boost::json::serialize(join_comma_list(items));
}
inline void append_json(std::string& out, const boost::json::value& value) { out += boost::json::serialize(value); }

WEBHOOKSIO_DECL std::string fields_json(std::span<const field> fields) {
    std::string out = "{";
    for (const field& f : fields)
        visit(f, [&](const auto& value) {
            if (out.size() > 1) out += ',';
            out += '"';
            out += f.name;  // a C++ identifier: nothing to escape
            out += "\":";
            append_json(out, value);
        });
    out += '}';
    return out;
}

WEBHOOKSIO_DECL boost::json::object to_object(const option_values& options) {
    boost::json::object out = options.extra ? *options.extra : boost::json::object();
    put_fields(out, options.typed);
    return out;
}

}  // namespace webhooksio::detail
#endif

// ---- The pieces of WEBHOOKSIO_ENDPOINT.

// seed("createBucket") or docs("name"): the endpoint's seed_name and in_seed.
#define WEBHOOKSIO_DETAIL_SOURCE_seed(name) WEBHOOKSIO_DETAIL_SOURCE(name, true)
#define WEBHOOKSIO_DETAIL_SOURCE_docs(name) WEBHOOKSIO_DETAIL_SOURCE(name, false)
#define WEBHOOKSIO_DETAIL_SOURCE(name, seed)                               \
    static constexpr std::string_view seed_name{name, sizeof(name) - 1}; \
    static constexpr bool in_seed = seed;

// `(a, b)` -> `, a, b`; `()` -> nothing.
#define WEBHOOKSIO_DETAIL_LEADING_COMMA(...) __VA_OPT__(, ) __VA_ARGS__
// `(a, b)` -> `a, b`.
#define WEBHOOKSIO_DETAIL_UNPARENTHESIZE(...) __VA_ARGS__

// WEBHOOKSIO_DETAIL_EACH(OP, (a...)(b...)...) gives WEBHOOKSIO_DETAIL_OP(a...)
// WEBHOOKSIO_DETAIL_OP(b...) ... for an option list, which may be empty. Each
// element's macro ends with the name of its twin, which the next element's
// parentheses call (a macro cannot call itself); the `()` appended to the list
// stops the walk. The whole table preprocesses in about 0.04 s this way; with
// BOOST_PP_SEQ_FOR_EACH_I it took 0.8 s in every translation unit.
#define WEBHOOKSIO_DETAIL_EACH(op, list) WEBHOOKSIO_DETAIL_EACH_##op##_A list()

#define WEBHOOKSIO_DETAIL_EACH_TAG_A(...) __VA_OPT__(WEBHOOKSIO_DETAIL_TAG(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_TAG_B)
#define WEBHOOKSIO_DETAIL_EACH_TAG_B(...) __VA_OPT__(WEBHOOKSIO_DETAIL_TAG(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_TAG_A)
#define WEBHOOKSIO_DETAIL_EACH_MEMBER_A(...) __VA_OPT__(WEBHOOKSIO_DETAIL_MEMBER(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_MEMBER_B)
#define WEBHOOKSIO_DETAIL_EACH_MEMBER_B(...) __VA_OPT__(WEBHOOKSIO_DETAIL_MEMBER(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_MEMBER_A)
#define WEBHOOKSIO_DETAIL_EACH_DOC_A(...) __VA_OPT__(WEBHOOKSIO_DETAIL_DOC(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_DOC_B)
#define WEBHOOKSIO_DETAIL_EACH_DOC_B(...) __VA_OPT__(WEBHOOKSIO_DETAIL_DOC(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_DOC_A)
#define WEBHOOKSIO_DETAIL_EACH_COUNT_A(...) __VA_OPT__(+1 WEBHOOKSIO_DETAIL_EACH_COUNT_B)
#define WEBHOOKSIO_DETAIL_EACH_COUNT_B(...) __VA_OPT__(+1 WEBHOOKSIO_DETAIL_EACH_COUNT_A)
// The names, separated by commas: the first one has none before it.
#define WEBHOOKSIO_DETAIL_EACH_NAME_A(...) __VA_OPT__(WEBHOOKSIO_DETAIL_NAME(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_NEXT_NAME_A)
#define WEBHOOKSIO_DETAIL_EACH_NEXT_NAME_A(...) __VA_OPT__(, WEBHOOKSIO_DETAIL_NAME(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_NEXT_NAME_B)
#define WEBHOOKSIO_DETAIL_EACH_NEXT_NAME_B(...) __VA_OPT__(, WEBHOOKSIO_DETAIL_NAME(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_NEXT_NAME_A)
#define WEBHOOKSIO_DETAIL_EACH_POINTER_A(...) __VA_OPT__(WEBHOOKSIO_DETAIL_POINTER(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_POINTER_B)
#define WEBHOOKSIO_DETAIL_EACH_POINTER_B(...) __VA_OPT__(WEBHOOKSIO_DETAIL_POINTER(__VA_ARGS__) WEBHOOKSIO_DETAIL_EACH_POINTER_A)

#define WEBHOOKSIO_DETAIL_MEMBER(kind, type, name, description) WEBHOOKSIO_DETAIL_MEMBER_##kind(type, name)
#define WEBHOOKSIO_DETAIL_MEMBER_required(type, name) ::webhooksio::required<type, ::webhooksio::api::option::name> name;
#define WEBHOOKSIO_DETAIL_MEMBER_optional(type, name) \
    ::webhooksio::optional<type, ::webhooksio::api::option::name> name{};
// The tag that carries an option's name in its member's type (options.hpp).
#define WEBHOOKSIO_DETAIL_TAG(kind, type, name, description) struct name;
#define WEBHOOKSIO_DETAIL_DOC(kind, type, name, description) \
    ::webhooksio::option_doc{std::string_view(#name, sizeof(#name) - 1), std::string_view(description, sizeof(description) - 1)},
#define WEBHOOKSIO_DETAIL_NAME(kind, type, name, description) name
// Each with the comma before it, which member_pointers' leading `void` takes.
#define WEBHOOKSIO_DETAIL_POINTER(kind, type, name, description) , &options::name

// The table's routes are checked where the library's definitions are
// compiled (a header-only file, src.hpp's file), which every program has,
// not in each user's file of a separately compiled program, where it would
// cost about 3% of the file's compile time. An endpoint of your own is
// checked wherever it is declared (endpoint.hpp).
#if WEBHOOKSIO_DEFINITIONS
#define WEBHOOKSIO_DETAIL_CHECK_ROUTE(ids) \
    static_assert(::webhooksio::detail::route_matches<WEBHOOKSIO_DETAIL_UNPARENTHESIZE ids>(route), \
                  WEBHOOKSIO_DETAIL_ROUTE_MISMATCH);
#else
#define WEBHOOKSIO_DETAIL_CHECK_ROUTE(ids) static_assert(true);
#endif

// An area's list type from its WEBHOOKSIO_API_<AREA> macro.
#define WEBHOOKSIO_DETAIL_AREA(list) boost::mp11::mp_rest<boost::mp11::mp_list<void list(WEBHOOKSIO_DETAIL_AREA_ITEM)>>
#define WEBHOOKSIO_DETAIL_AREA_ITEM(E) , E

#define WEBHOOKSIO_ENDPOINT(...) WEBHOOKSIO_DETAIL_ENDPOINT(, __VA_ARGS__)
// The same for a gateway call, whose options also carry the webhook itself
// (WEBHOOKSIO_WEBHOOK_MEMBERS, options.hpp).
#define WEBHOOKSIO_WEBHOOK_ENDPOINT(...) WEBHOOKSIO_DETAIL_ENDPOINT(WEBHOOKSIO_WEBHOOK_MEMBERS, __VA_ARGS__)

// The descriptor has the members of webhooksio::endpoint<...> (endpoint.hpp),
// its texts written as constants rather than passed as template arguments.
#define WEBHOOKSIO_DETAIL_ENDPOINT(webhook, area, E, source, method, route_, ids, summary_, ...)                  \
    namespace option {                                                                                         \
    WEBHOOKSIO_DETAIL_EACH(TAG, __VA_ARGS__)                                                                   \
    }                                                                                                          \
    struct E : ::webhooksio::detail::endpoint_base<::webhooksio::http_method::method                           \
                                                       WEBHOOKSIO_DETAIL_LEADING_COMMA ids> {                  \
        WEBHOOKSIO_DETAIL_SOURCE_##source                                                                      \
        static constexpr std::string_view route{route_, sizeof(route_) - 1};                                   \
        WEBHOOKSIO_DETAIL_CHECK_ROUTE(ids)                                                                     \
        static constexpr std::string_view name{#E, sizeof(#E) - 1};                                            \
        static constexpr std::string_view summary{summary_, sizeof(summary_) - 1};                             \
        struct options {                                                                                       \
            WEBHOOKSIO_DETAIL_EACH(MEMBER, __VA_ARGS__)                                                        \
            webhook                                                                                            \
            ::webhooksio::extra_options extra{}; /* any further option, sent as given */                      \
        };                                                                                                     \
        static constexpr std::array<::webhooksio::option_doc, 0 WEBHOOKSIO_DETAIL_EACH(COUNT, __VA_ARGS__)>      \
            option_docs{{WEBHOOKSIO_DETAIL_EACH(DOC, __VA_ARGS__)}};                                            \
        using option_members =                                                                                 \
            ::webhooksio::detail::member_pointers<void WEBHOOKSIO_DETAIL_EACH(POINTER, __VA_ARGS__)>;          \
    };                                                                                                         \
    /* for users' own reflection: the library walks option_members (config.hpp) */                           \
    WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(E::options, (), (WEBHOOKSIO_DETAIL_EACH(NAME, __VA_ARGS__)))

namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(accounts, register_account, seed("registerAccount"), post, "/v1/register", (),
    "Creates a new account. This is the same call that is used when a user registers from webhooks.io.",
    (optional, std::string, name, "Account/Company name")
    (required, std::string, first_name, "First name of the primary user on the account.")
    (required, std::string, last_name, "Last name of the primary user on the account.")
    (required, std::string, email_address, "The primary email address for the user on the account.")
    (required, std::string, password, "The password for the user on the account")
    (required, webhooksio::plan_id, plan_id, "The plan id selected for the account. Use /plans resource for a list of all plans.")
    (optional, std::string, card_number, "The credit card number to be used for billing.")
    (optional, std::string, card_month, "The expiration month for the credit card.")
    (optional, std::string, card_year, "The expiration year for the credit card.")
    (optional, std::string, card_cvc, "The CVC on the credit card.")
    (optional, std::string, coupon, "A coupon code to be used.")
    (optional, std::string, referrer, "The location the user came from.")
    (optional, std::string, email_verification_callback_url, "The URL for where the user should be directed to upon verification of the email address. A query param of ?status=[success,failure] will be appended to this URL.")
    (required, std::string, invite_code, "The invite code used to create account.")
    (required, std::string, password_confirm, "The confirmation entry for the password."))

WEBHOOKSIO_ENDPOINT(accounts, create_sub_account, seed("createSubAccount"), post, "/v1/accounts/:account_id/subaccounts", (account_id),
    "Creates a sub account.",
    (required, std::string, name, "First name of the primary user on the account.")
    (optional, std::string, account_key, "Identifier from another system."))

WEBHOOKSIO_ENDPOINT(accounts, get_sub_accounts, seed("getSubAccounts"), get, "/v1/accounts/:account_id/subaccounts", (account_id),
    "Lists all sub accounts user an account.",
    (optional, std::string, account_key, "Identifier from another system."))

WEBHOOKSIO_ENDPOINT(accounts, get_account, seed("getAccount"), get, "/v1/accounts/:account_id", (account_id),
    "Returns the details of a specfic account.")

WEBHOOKSIO_ENDPOINT(accounts, update_account, seed("updateAccount"), put, "/v1/accounts/:account_id", (account_id),
    "Updates the details on an account.",
    (required, std::string, name, "Friendly name for the account.")
    (optional, std::string, account_key, "Identifier from another system."))

WEBHOOKSIO_ENDPOINT(accounts, delete_account, seed("deleteAccount"), delete_, "/v1/accounts/:account_id", (account_id),
    "Deletes an account or sub account.")

WEBHOOKSIO_ENDPOINT(accounts, list_accounts, docs("listAccounts"), get, "/v1/accounts", (),
    "List Accounts",
    (optional, std::string, account_key, "Identifier from another system."))

WEBHOOKSIO_ENDPOINT(accounts, get_account_embedded_view_html, docs("getAccountEmbeddedViewHtml"), post, "/v1/accounts/:account_id/embedded-view-html", (account_id),
    "Get My Embedded View HTML",
    (optional, webhooksio::bucket_key, bucket_key, "The bucket key the client token should be generated for. This can be an arbitrary value that maps back to your system.")
    (optional, std::vector<std::string>, paths, "The permitted paths.")
    (optional, std::string, css_url, "URL to a css file that will be applied to the application styles.")
    (optional, std::string, default_tab, "The default tab to show.")
    (optional, bool, show_introduction, "If the introduction should be displayed.")
    (optional, std::string, introduction_url, "The URL to the actual introduction.")
    (optional, std::string, element_id, "The element id for the manager to populate.")
    (optional, std::string, api_url, "The API URL to use.")
    (optional, std::string, embedded_url, "The embedded javascript file to use."))

// The area's endpoints, in the order above: WEBHOOKSIO_API_ACCOUNTS(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_ACCOUNTS(X)    \
    X(register_account)               \
    X(create_sub_account)             \
    X(get_sub_accounts)               \
    X(get_account)                    \
    X(update_account)                 \
    X(delete_account)                 \
    X(list_accounts)                  \
    X(get_account_embedded_view_html)

namespace areas {
using accounts = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_ACCOUNTS);
}  // namespace areas

}  // namespace webhooksio::api
// ---- api/applications.hpp
// The Applications endpoints of the Webhooks.io API: one descriptor type per call.


namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(applications, create_application, seed("createApplication"), post, "/v1/accounts/:account_id/applications", (account_id),
    "Adds an application to an account",
    (required, std::string, name, "Name for the bucket.")
    (required, std::vector<std::string>, categories, "The categories the application belongs to.")
    (required, std::string, overview, "A short description of the application - 255 characters or less.")
    (required, std::string, description, "A full description of the application.")
    (required, std::string, homepage_url, "The url of the application homepage.")
    (required, std::string, api_url, "The url to the API documention for the application.")
    (required, std::string, logo_url, "The url to the logo.")
    (required, bool, active, "If the application should be active (viewable) or not."))

WEBHOOKSIO_ENDPOINT(applications, update_application, seed("updateApplication"), put, "/v1/accounts/:account_id/applications/:application_id", (account_id, application_id),
    "Updates an Application.",
    (required, std::string, name, "Name for the bucket.")
    (required, std::vector<std::string>, categories, "The categories the application belongs to.")
    (required, std::string, overview, "A short description of the application - 255 characters or less.")
    (required, std::string, description, "A full description of the application.")
    (required, std::string, homepage_url, "The url of the application homepage.")
    (required, std::string, api_url, "The url to the API documention for the application.")
    (required, std::string, logo_url, "The url to the logo.")
    (required, bool, active, "If the application should be active (viewable) or not."))

WEBHOOKSIO_ENDPOINT(applications, get_application, seed("getApplication"), get, "/v1/accounts/:account_id/applications/:application_id", (account_id, application_id),
    "Returns the details for a specfic application.")

WEBHOOKSIO_ENDPOINT(applications, get_applications, seed("getApplications"), get, "/v1/accounts/:account_id/applications", (account_id),
    "Returns a collection of applications for an account.")

WEBHOOKSIO_ENDPOINT(applications, delete_application, seed("deleteApplication"), delete_, "/v1/accounts/:account_id/applications/:application_id", (account_id, application_id),
    "Deletes an application.")

WEBHOOKSIO_ENDPOINT(applications, create_application_version, seed("createApplicationVersion"), post, "/v1/accounts/:account_id/applications/:application_id/versions", (account_id, application_id),
    "Adds a version to an application.",
    (required, std::string, key, "The key/id for this version.")
    (required, std::string, release_date, "The date this version was released.")
    (required, boost::json::value, version_json, "The complete JSON definition for the version.")
    (required, boost::json::value, examples_json, "The complete JSON definition for the version examples/recipes")
    (required, bool, active, "If the version should be active (viewable) or not."))

WEBHOOKSIO_ENDPOINT(applications, update_application_version, seed("updateApplicationVersion"), put, "/v1/accounts/:account_id/applications/:application_id/versions/:application_version_id", (account_id, application_id, application_version_id),
    "Updates an application version.",
    (required, std::string, key, "The key/id for this version.")
    (required, std::string, release_date, "The date this version was released.")
    (required, boost::json::value, version_json, "The complete JSON definition for the version.")
    (required, boost::json::value, examples_json, "The complete JSON definition for the version examples/recipies")
    (required, bool, active, "If the version should be active (viewable) or not."))

WEBHOOKSIO_ENDPOINT(applications, get_application_version, seed("getApplicationVersion"), get, "/v1/accounts/:account_id/applications/:application_id/versions/:application_version_id", (account_id, application_id, application_version_id),
    "Returns the details for a specfic application version.")

WEBHOOKSIO_ENDPOINT(applications, get_application_versions, seed("getApplicationVersions"), get, "/v1/accounts/:account_id/applications/:application_id/versions", (account_id, application_id),
    "Returns a collection of versions for an application.")

WEBHOOKSIO_ENDPOINT(applications, delete_application_version, seed("deleteApplicationVersion"), delete_, "/v1/accounts/:account_id/applications/:application_id/versions/:application_version_id", (account_id, application_id, application_version_id),
    "Deletes a version for an application.")

// The area's endpoints, in the order above: WEBHOOKSIO_API_APPLICATIONS(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_APPLICATIONS(X) \
    X(create_application)              \
    X(update_application)              \
    X(get_application)                 \
    X(get_applications)                \
    X(delete_application)              \
    X(create_application_version)      \
    X(update_application_version)      \
    X(get_application_version)         \
    X(get_application_versions)        \
    X(delete_application_version)

namespace areas {
using applications = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_APPLICATIONS);
}  // namespace areas

}  // namespace webhooksio::api
// ---- api/billing.hpp
// The Billing endpoints of the Webhooks.io API: one descriptor type per call.


namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(billing, create_subscription, docs("createSubscription"), post, "/v1/accounts/:account_id/subscriptions", (account_id),
    "Create Subscription",
    (required, webhooksio::user_id, user_id, "The user that is logged into the system.")
    (required, webhooksio::plan_id, plan_id, "The ID of the plan that the subscription is to be started for.")
    (optional, std::string, payment_token, "The temporary stripe payment token used for the payment of the subscription. This is required if the value of the plan being added is greater than $0.")
    (optional, std::string, coupon_code, "A coupon code to apply to this subscription."))

WEBHOOKSIO_ENDPOINT(billing, update_subscription, docs("updateSubscription"), put, "/v1/accounts/:account_id/subscriptions", (account_id),
    "Update Subscription",
    (optional, webhooksio::user_id, user_id, "The user that is logged into the system. This should be passed to change the billing contact on the account.")
    (optional, webhooksio::plan_id, plan_id, "The ID of the plan that the subscription should be change to.")
    (optional, std::string, payment_token, "The temporary stripe payment token used for the payment of the subscription. This only needs to be passed when changing the credit card info.")
    (optional, std::string, coupon_code, "A coupon code to apply to this subscription.")
    (optional, bool, end_of_term, "If the change should take effect at the end of the term, or now. Defaults to now - false."))

WEBHOOKSIO_ENDPOINT(billing, get_subscription, docs("getSubscription"), get, "/v1/accounts/:account_id/subscriptions", (account_id),
    "Get Subscription Details")

WEBHOOKSIO_ENDPOINT(billing, get_invoices, docs("getInvoices"), get, "/v1/accounts/:account_id/invoices", (account_id),
    "List Invoices")

WEBHOOKSIO_ENDPOINT(billing, get_invoice, docs("getInvoice"), get, "/v1/accounts/:account_id/invoices/:invoice_id", (account_id, invoice_id),
    "Get Invoice")

WEBHOOKSIO_ENDPOINT(billing, cancel_subscription, docs("cancelSubscription"), delete_, "/v1/accounts/:account_id/subscriptions", (account_id),
    "Cancel Subscription",
    (optional, bool, end_of_term, "If the change should take effect at the end of the term, or now. Defaults to now - false."))

// The area's endpoints, in the order above: WEBHOOKSIO_API_BILLING(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_BILLING(X) \
    X(create_subscription)        \
    X(update_subscription)        \
    X(get_subscription)           \
    X(get_invoices)               \
    X(get_invoice)                \
    X(cancel_subscription)

namespace areas {
using billing = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_BILLING);
}  // namespace areas

}  // namespace webhooksio::api
// ---- api/buckets.hpp
// The Buckets endpoints of the Webhooks.io API: one descriptor type per call.


namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(buckets, create_bucket, seed("createBucket"), post, "/v1/accounts/:account_id/buckets", (account_id),
    "Adds a bucket to an account",
    (required, std::string, name, "Name for the bucket.")
    (optional, std::string, key, "The key for the bucket."))

WEBHOOKSIO_ENDPOINT(buckets, update_bucket, seed("updateBucket"), put, "/v1/accounts/:account_id/buckets/:bucket_id", (account_id, bucket_id),
    "Updates a bucket.",
    (required, std::string, name, "Name for the bucket.")
    (optional, std::string, key, "The key for the bucket."))

WEBHOOKSIO_ENDPOINT(buckets, get_bucket, seed("getBucket"), get, "/v1/accounts/:account_id/buckets/:bucket_id", (account_id, bucket_id),
    "Returns the details for a specfic bucket.",
    (optional, bool, expand, "If the results should be expanded to include the inputs and destinations")
    (optional, bool, include_stats, "Include the traffic summary."))

WEBHOOKSIO_ENDPOINT(buckets, get_buckets, seed("getBuckets"), get, "/v1/accounts/:account_id/buckets", (account_id),
    "Returns a collection of buckets for an account.",
    (optional, bool, expand, "If the results should be expanded to include the inputs and destinations"))

WEBHOOKSIO_ENDPOINT(buckets, delete_bucket, seed("deleteBucket"), delete_, "/v1/accounts/:account_id/buckets/:bucket_id", (account_id, bucket_id),
    "Deletes a bucket.")

// The area's endpoints, in the order above: WEBHOOKSIO_API_BUCKETS(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_BUCKETS(X) \
    X(create_bucket)              \
    X(update_bucket)              \
    X(get_bucket)                 \
    X(get_buckets)                \
    X(delete_bucket)

namespace areas {
using buckets = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_BUCKETS);
}  // namespace areas

}  // namespace webhooksio::api
// ---- api/certificates.hpp
// The SSL Certificates endpoints of the Webhooks.io API: one descriptor type per call.


namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(certificates, import_certificate, docs("importCertificate"), put, "/v1/accounts/:account_id/certificates", (account_id),
    "Import SSL Certificate",
    (required, std::string, domain, "The domain for the certificate that you wish to import")
    (required, int, port, "The port to use. (defaults to 443)"))

WEBHOOKSIO_ENDPOINT(certificates, get_certificate, docs("getCertificate"), get, "/v1/accounts/:account_id/certificates/:certificate_id", (account_id, certificate_id),
    "Get SSL Certificate")

WEBHOOKSIO_ENDPOINT(certificates, get_certificates, docs("getCertificates"), get, "/v1/accounts/:account_id/certificates", (account_id),
    "List SSL Certificates")

WEBHOOKSIO_ENDPOINT(certificates, delete_certificate, docs("deleteCertificate"), delete_, "/v1/accounts/:account_id/certificates/:certificate_id", (account_id, certificate_id),
    "Delete SSL Certificate")

// The area's endpoints, in the order above: WEBHOOKSIO_API_CERTIFICATES(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_CERTIFICATES(X) \
    X(import_certificate)              \
    X(get_certificate)                 \
    X(get_certificates)                \
    X(delete_certificate)

namespace areas {
using certificates = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_CERTIFICATES);
}  // namespace areas

}  // namespace webhooksio::api
// ---- api/destinations.hpp
// The Destinations endpoints of the Webhooks.io API: one descriptor type per call.


namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(destinations, create_destination, seed("createDestination"), post, "/v1/accounts/:account_id/inputs/:input_id/destinations", (account_id, input_id),
    "Adds an destination for an input.",
    (required, std::string, name, "Name for the input.")
    (required, std::string, endpoint_url, "The URL the messages should be sent to.")
    (optional, std::string, delivery_order, "How the deliveries should operate. Valid options are random or fifo. The default is random")
    (optional, std::string, status, "The status of the bucket, defaults to active.")
    (optional, std::string, message_method, "The HTTP method the message will be sent with. If null the method will pass through.")
    (optional, std::vector<std::string>, event_filters, "The events that this input should be triggerd for. This can be a comma delimited list of events.")
    (optional, std::string, authentication_type, "The type of authentication to apply to incoming requests.")
    (optional, std::string, retry_policy_id, "The retry algorithm that will be used for failed attempts.")
    (optional, int, retry_count, "The number of times the hook will be retried.")
    (optional, int, retry_interval, "The interval for which the retries will be set.")
    (optional, bool, verify_ssl, "Ensure the SSL certificate is trusted and valid. If false, this will bypass this protection.")
    (optional, std::vector<std::string>, headers_to_include, "A comma delimited list of custom headers to include.")
    (optional, std::string, header_prefix, "The prefix of the custom headers that will be included. The default is Webhooks")
    (optional, std::vector<std::string>, alert_on_failure, "A comma delimited list of email addresses to alert when a webhook enters the failed status.")
    (optional, webhooksio::recipe_id, recipe_id, "If a recipe should be applied to messages coming through this destination it can be specified.")
    (optional, int, rate_limit, "The max rate for webhooks to be relayed. This will default to your plan max.")
    (optional, std::string, signing_secret, "A Standard Webhooks signing secret (whsec_ and the base64 of 24 to 64 random bytes): each delivery then carries webhook-id, webhook-timestamp and webhook-signature. An extension of the original API (the emulator's); answers show it masked."))

WEBHOOKSIO_ENDPOINT(destinations, update_destination, seed("updateDestination"), put, "/v1/accounts/:account_id/destinations/:destination_id", (account_id, destination_id),
    "Updates the details of an destination.",
    (required, std::string, name, "Name for the input.")
    (required, std::string, endpoint_url, "The URL the messages should be sent to.")
    (optional, std::string, delivery_order, "How the deliveries should operate. Valid options are random or fifo. The default is random")
    (optional, std::string, status, "The status of the bucket, defaults to active.")
    (optional, std::string, message_method, "The HTTP method the message will be sent with. If null the method will pass through.")
    (optional, std::vector<std::string>, event_filters, "The events that this input should be triggerd for. This can be a comma delimited list of events.")
    (optional, std::string, authentication_type, "The type of authentication to apply to incoming requests.")
    (optional, std::string, retry_policy_id, "The retry algorithm that will be used for failed attempts.")
    (optional, int, retry_count, "The number of times the hook will be retried.")
    (optional, int, retry_interval, "The interval for which the retries will be set.")
    (optional, bool, verify_ssl, "Ensure the SSL certificate is trusted and valid. If false, this will bypass this protection.")
    (optional, std::vector<std::string>, headers_to_include, "A comma delimited list of custom headers to include.")
    (optional, std::string, header_prefix, "The prefix of the custom headers that will be included. The default is Webhooks")
    (optional, std::vector<std::string>, alert_on_failure, "A comma delimited list of email addresses to alert when a webhook enters the failed status.")
    (optional, webhooksio::recipe_id, recipe_id, "If a recipe should be applied to messages coming through this destination it can be specified.")
    (optional, int, rate_limit, "The max rate for webhooks to be relayed. This will default to your plan max.")
    (optional, std::string, signing_secret, "A Standard Webhooks signing secret (whsec_ and the base64 of 24 to 64 random bytes): each delivery then carries webhook-id, webhook-timestamp and webhook-signature. An extension of the original API (the emulator's); answers show it masked. A new secret signs beside the old one for the emulator's --signing-overlap; \"\" turns signing off."))

WEBHOOKSIO_ENDPOINT(destinations, get_destination, seed("getDestination"), get, "/v1/accounts/:account_id/destinations/:destination_id", (account_id, destination_id),
    "Returns the details for a specfic destination.",
    (optional, bool, include_certificate_data, "Will return the imported SSL Certificate that will be used, if any. (Default is false)"))

WEBHOOKSIO_ENDPOINT(destinations, get_destinations, seed("getDestinations"), get, "/v1/accounts/:account_id/inputs/:input_id/destinations", (account_id, input_id),
    "Returns a collection of destinations.",
    (optional, std::string, destination_key, "Name for the bucket."))

WEBHOOKSIO_ENDPOINT(destinations, delete_destination, seed("deleteDestination"), delete_, "/v1/accounts/:account_id/destinations/:destination_id", (account_id, destination_id),
    "Deletes an destination.")

// The area's endpoints, in the order above: WEBHOOKSIO_API_DESTINATIONS(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_DESTINATIONS(X) \
    X(create_destination)              \
    X(update_destination)              \
    X(get_destination)                 \
    X(get_destinations)                \
    X(delete_destination)

namespace areas {
using destinations = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_DESTINATIONS);
}  // namespace areas

}  // namespace webhooksio::api
// ---- api/gateway.hpp
// The Gateway endpoints of the Webhooks.io API: one descriptor type per call.


namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(gateway, get_gateway_auth_option, docs("getGatewayAuthOption"), get, "/v1/gateway/authentication/:type/:option", (auth_type, auth_option),
    "Gateway Auth Details")

WEBHOOKSIO_ENDPOINT(gateway, get_gateway_auth_options, docs("getGatewayAuthOptions"), get, "/v1/gateway/authentication/:type", (auth_type),
    "Gateway Auth Options")

WEBHOOKSIO_WEBHOOK_ENDPOINT(gateway, send_input_request, docs("sendInputRequest"), post, "/v1/:input_name/:input_id", (input_name, input_id),
    "Request Gateway")

WEBHOOKSIO_WEBHOOK_ENDPOINT(gateway, send_dynamic_input_request, docs("sendDynamicInputRequest"), post, "/:input_id/:target_url", (input_id, target_url),
    "Request Gateway (Dynamic)")

WEBHOOKSIO_ENDPOINT(gateway, check_input_gateway, docs("checkInputGateway"), head, "/v1/:input_name/:input_id", (input_name, input_id),
    "Request Gateway")

WEBHOOKSIO_ENDPOINT(gateway, resend_messages, docs("resendMessages"), post, "/v1/accounts/:account_id/resend", (account_id),
    "Resend Request",
    (required, boost::json::value, outgoing_message_ids, "An array of all the outgoing message ids that should be resent."))

WEBHOOKSIO_ENDPOINT(gateway, retry_request, docs("retryRequest"), post, "/v1/retry", (),
    "Retry Request")

// The area's endpoints, in the order above: WEBHOOKSIO_API_GATEWAY(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_GATEWAY(X) \
    X(get_gateway_auth_option)    \
    X(get_gateway_auth_options)   \
    X(send_input_request)         \
    X(send_dynamic_input_request) \
    X(check_input_gateway)        \
    X(resend_messages)            \
    X(retry_request)

namespace areas {
using gateway = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_GATEWAY);
}  // namespace areas

}  // namespace webhooksio::api
// ---- api/inputs.hpp
// The Inputs endpoints of the Webhooks.io API: one descriptor type per call.


namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(inputs, create_input, seed("createInput"), post, "/v1/accounts/:account_id/inputs", (account_id),
    "Adds an input to an account",
    (required, webhooksio::bucket_id, bucket_id, "The bucket the input belongs to")
    (required, std::string, name, "Name for the input.")
    (optional, std::string, status, "The status of the bucket, defaults to active.")
    (optional, std::string, event_location, "The location of the event, header, payload, query param, etc")
    (optional, std::string, event_path, "The path to the value that specifies what type of event is coming in. This starts with the value msg.")
    (optional, std::vector<std::string>, event_filters, "The events that this input should be triggerd for. This can be a comma delimited list of events.")
    (optional, std::string, delivery_mode, "The mode the request should be made in. Valid options include sync and async.")
    (optional, int, response_code, "HTTP Response code to provide upon hook receipt - defaults to 200")
    (optional, std::string, response_content_type, "The content type that should be returned upon hook receipt, this should mirror the data in the response_content variable.")
    (optional, std::string, authentication_failures, "How to handle authentication failures.")
    (optional, std::string, authentication_type, "The type of authentication to apply to incoming requests.")
    (optional, std::string, response_content, "Any content that should be provided upon hook receipt.")
    (optional, webhooksio::recipe_id, recipe_id, "If a recipe should be applied to messages coming through this input it can be specified.")
    (optional, std::string, type, "The type of input that is being created. Valid values include dynamic or static. Default is static."))

WEBHOOKSIO_ENDPOINT(inputs, update_input, seed("updateInput"), put, "/v1/accounts/:account_id/inputs/:input_id", (account_id, input_id),
    "Updates the details for an input.",
    (required, std::string, name, "Name for the input.")
    (optional, std::string, status, "The status of the bucket, defaults to active.")
    (optional, std::string, event_location, "The location of the event, header, payload, query param, etc")
    (optional, std::string, event_path, "The path to the value that specifies what type of event is coming in. This starts with the value msg.")
    (optional, std::vector<std::string>, event_filters, "The events that this input should be triggerd for. This can be a comma delimited list of events.")
    (optional, std::string, delivery_mode, "The mode the request should be made in. Valid options include sync and async.")
    (optional, int, response_code, "HTTP Response code to provide upon hook receipt - defaults to 200")
    (optional, std::string, response_content_type, "The content type that should be returned upon hook receipt, this should mirror the data in the response_content variable.")
    (optional, std::string, authentication_failures, "How to handle authentication failures.")
    (optional, std::string, authentication_type, "The type of authentication to apply to incoming requests.")
    (optional, std::string, response_content, "Any content that should be provided upon hook receipt.")
    (optional, webhooksio::recipe_id, recipe_id, "If a recipe should be applied to messages coming through this input it can be specified."))

WEBHOOKSIO_ENDPOINT(inputs, get_input, seed("getInput"), get, "/v1/accounts/:account_id/inputs/:input_id", (account_id, input_id),
    "Returns the details for a specfic input.")

WEBHOOKSIO_ENDPOINT(inputs, get_inputs, seed("getInputs"), get, "/v1/accounts/:account_id/buckets/:bucket_id/inputs", (account_id, bucket_id),
    "Returns a collection of inputs for an account.",
    (optional, std::string, key, "Name for the bucket.")
    (optional, std::string, event_filter, "The event that should be filtered on."))

WEBHOOKSIO_ENDPOINT(inputs, delete_input, seed("deleteInput"), delete_, "/v1/accounts/:account_id/inputs/:input_id", (account_id, input_id),
    "Deletes an input.")

// The area's endpoints, in the order above: WEBHOOKSIO_API_INPUTS(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_INPUTS(X) \
    X(create_input)              \
    X(update_input)              \
    X(get_input)                 \
    X(get_inputs)                \
    X(delete_input)

namespace areas {
using inputs = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_INPUTS);
}  // namespace areas

}  // namespace webhooksio::api
// ---- api/messages.hpp
// The Messages endpoints of the Webhooks.io API: one descriptor type per call.


namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(messages, get_incoming_message, seed("getIncomingMessage"), get, "/v1/accounts/:account_id/incoming/:incoming_message_id", (account_id, incoming_message_id),
    "Returns the details regarding an incoming message.",
    (optional, bool, include_outgoing_messages, "If the outgoing messages should be included as well."))

WEBHOOKSIO_ENDPOINT(messages, get_outgoing_message, seed("getOutgoingMessage"), get, "/v1/accounts/:account_id/outgoing/:outgoing_message_id", (account_id, outgoing_message_id),
    "Returns the details regarding an outgoing message, including all attempts")

WEBHOOKSIO_ENDPOINT(messages, get_outgoing_message_status, seed("getOutgoingMessageStatus"), get, "/v1/accounts/:account_id/outgoing/:outgoing_message_id/status", (account_id, outgoing_message_id),
    "Returns the basic information regarding the status of the outgoing request.")

WEBHOOKSIO_ENDPOINT(messages, get_outgoing_message_attempt, docs("getOutgoingMessageAttempt"), get, "/v1/accounts/:account_id/attempts/:attempt_id", (account_id, attempt_id),
    "Get Outgoing Message Attempt")

// The area's endpoints, in the order above: WEBHOOKSIO_API_MESSAGES(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_MESSAGES(X)  \
    X(get_incoming_message)         \
    X(get_outgoing_message)         \
    X(get_outgoing_message_status)  \
    X(get_outgoing_message_attempt)

namespace areas {
using messages = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_MESSAGES);
}  // namespace areas

}  // namespace webhooksio::api
// ---- api/providers.hpp
// The Providers endpoints of the Webhooks.io API: one descriptor type per call.


namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(providers, create_consumer, seed("createConsumer"), post, "/v1/accounts/:account_id/applications/:application_id/consumers", (account_id, application_id),
    "Creates a consumer for an application",
    (required, webhooksio::consumer_id, consumer_id, "The id for the consumer of the application. This id should be the unique id from the application provider that identifies this customer/consumer of the application.")
    (required, webhooksio::bucket_key, bucket_key, "The bucket key that identifies the container for this consumer, if this does not exist it will be created. Default is default.")
    (required, std::string, name, "The name of the consumer. This could be the account name within the provider application for example."))

WEBHOOKSIO_ENDPOINT(providers, get_consumers, seed("getConsumers"), get, "/v1/accounts/:account_id/applications/:application_id/consumers", (account_id, application_id),
    "Returns a list of all the consumers for a particular application.")

WEBHOOKSIO_ENDPOINT(providers, update_consumer, seed("updateConsumer"), put, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id", (account_id, application_id, consumer_id),
    "Updates the details for a particular consumer.",
    (required, std::string, name, "The name of the consumer. This could be the account name within the provider application for example."))

WEBHOOKSIO_ENDPOINT(providers, get_consumer, seed("getConsumer"), get, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id", (account_id, application_id, consumer_id),
    "Get the details for a particular consumer.")

WEBHOOKSIO_ENDPOINT(providers, delete_consumer, seed("deleteConsumer"), delete_, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id", (account_id, application_id, consumer_id),
    "Removes a consumer from a particular application.")

WEBHOOKSIO_ENDPOINT(providers, get_consumer_destinations, seed("getConsumerDestinations"), get, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/destinations", (account_id, application_id, consumer_id),
    "Returns all the destinations for the consumer of a given application.",
    (required, webhooksio::bucket_key, bucket_key, "")
    (optional, std::string, destination_key, "Name for the bucket."))

WEBHOOKSIO_ENDPOINT(providers, create_consumer_destination, seed("createConsumerDestination"), post, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/destinations", (account_id, application_id, consumer_id),
    "Adds an destination for the consumer of a given application.",
    (required, webhooksio::application_version_id, application_version_id, "")
    (required, std::string, name, "Name for the destination.")
    (required, webhooksio::bucket_key, bucket_key, "")
    (required, std::string, endpoint_url, "The URL the messages should be sent to.")
    (optional, std::string, delivery_order, "How the deliveries should operate. Valid options are random or fifo. The default is random")
    (optional, std::string, status, "The status of the bucket, defaults to active.")
    (optional, std::string, message_method, "The HTTP method the message will be sent with. If null the method will pass through.")
    (optional, std::vector<std::string>, event_filters, "The events that this input should be triggerd for. This can be a comma delimited list of events.")
    (optional, std::string, authentication_type, "The type of authentication to apply to incoming requests.")
    (optional, std::string, retry_policy_id, "The retry algorithm that will be used for failed attempts.")
    (optional, int, retry_count, "The number of times the hook will be retried.")
    (optional, int, retry_interval, "The interval for which the retries will be set.")
    (optional, bool, verify_ssl, "Ensure the SSL certificate is trusted and valid. If false, this will bypass this protection.")
    (optional, std::vector<std::string>, headers_to_include, "A comma delimited list of custom headers to include.")
    (optional, std::string, header_prefix, "The prefix of the custom headers that will be included. The default is Webhooks")
    (optional, std::vector<std::string>, alert_on_failure, "A comma delimited list of email addresses to alert when a webhook enters the failed status.")
    (optional, webhooksio::recipe_id, recipe_id, "If a recipe should be applied to messages coming through this destination it can be specified.")
    (optional, int, rate_limit, "The max rate for webhooks to be relayed. This will default to your plan max."))

WEBHOOKSIO_ENDPOINT(providers, update_consumer_destination, seed("updateConsumerDestination"), put, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/destinations/:destination_id", (account_id, application_id, consumer_id, destination_id),
    "Updates an destination for the consumer of a given application.",
    (required, webhooksio::application_version_id, application_version_id, "")
    (required, std::string, name, "Name for the input.")
    (required, std::string, endpoint_url, "The URL the messages should be sent to.")
    (optional, std::string, delivery_order, "How the deliveries should operate. Valid options are random or fifo. The default is random")
    (optional, std::string, status, "The status of the bucket, defaults to active.")
    (optional, std::string, message_method, "The HTTP method the message will be sent with. If null the method will pass through.")
    (optional, std::vector<std::string>, event_filters, "The events that this input should be triggerd for. This can be a comma delimited list of events.")
    (optional, std::string, authentication_type, "The type of authentication to apply to incoming requests.")
    (optional, std::string, retry_policy_id, "The retry algorithm that will be used for failed attempts.")
    (optional, int, retry_count, "The number of times the hook will be retried.")
    (optional, int, retry_interval, "The interval for which the retries will be set.")
    (optional, bool, verify_ssl, "Ensure the SSL certificate is trusted and valid. If false, this will bypass this protection.")
    (optional, std::vector<std::string>, headers_to_include, "A comma delimited list of custom headers to include.")
    (optional, std::string, header_prefix, "The prefix of the custom headers that will be included. The default is Webhooks")
    (optional, std::vector<std::string>, alert_on_failure, "A comma delimited list of email addresses to alert when a webhook enters the failed status.")
    (optional, webhooksio::recipe_id, recipe_id, "If a recipe should be applied to messages coming through this destination it can be specified.")
    (optional, int, rate_limit, "The max rate for webhooks to be relayed. This will default to your plan max."))

WEBHOOKSIO_ENDPOINT(providers, delete_consumer_destination, seed("deleteConsumerDestination"), delete_, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/destinations/:destination_id", (account_id, application_id, consumer_id, destination_id),
    "Deletes an destination for the consumer of a given application.")

WEBHOOKSIO_ENDPOINT(providers, get_consumer_buckets, seed("getConsumerBuckets"), get, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/buckets", (account_id, application_id, consumer_id),
    "Returns all the buckets for the consumer of a given application.")

WEBHOOKSIO_WEBHOOK_ENDPOINT(providers, send_consumer_webhook_request, seed("sendConsumerWebhookRequest"), post, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/send/:bucket_key", (account_id, application_id, consumer_id, bucket_key),
    "Sends a webhook to a particular consumer of an application for the given bucket_key.")

// Note: The original Node.js client names the required option event_name, the API docs event_type, and the docs' route adds /:bucket_key; the Node.js client's route (bucket_key as an option) wins; accept both option names.
WEBHOOKSIO_ENDPOINT(providers, get_consumer_subscription, seed("getConsumerSubscription"), post, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/check", (account_id, application_id, consumer_id),
    "Checks to see if the consumer is subscribed to a given event or set of events. If the event query param is not passed the complete list of events will be returned.",
    (required, webhooksio::bucket_key, bucket_key, "")
    (optional, std::string, event_name, "")
    (optional, bool, include_destination_detail, "If the details of each subscribed destination should be returned.")
    (optional, std::string, event_type, "The name of the event to check."))
// The original Node.js client calls it event_name, the API docs event_type: either one will do.
template <>
inline constexpr std::array<std::string_view, 1> required_any_of<get_consumer_subscription>{"event_name|event_type"};

WEBHOOKSIO_ENDPOINT(providers, get_consumer_request_log, seed("getConsumerRequestLog"), get, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/log", (account_id, application_id, consumer_id),
    "Returns a log of all messages for a given consumer.",
    (optional, std::string, start_date, "The start date for the data. This can be an exact UTC date or a text based time period.")
    (optional, std::string, end_date, "The end date for the data. This can be an exact UTC date or a text based time period.")
    (optional, webhooksio::destination_id, destination_id, "")
    (optional, int, http_status, ""))

WEBHOOKSIO_ENDPOINT(providers, create_client_token, seed("createClientToken"), post, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/client-token", (account_id, application_id, consumer_id),
    "Generates a client token to be used with the embedded views.",
    (optional, webhooksio::bucket_key, bucket_key, "The bucket key the client token should be generated for. This can be an arbitrary value that maps back to your system.")
    (optional, std::vector<std::string>, paths, "The permitted paths."))

WEBHOOKSIO_ENDPOINT(providers, get_embedded_view_html, seed("getEmbeddedViewHtml"), post, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/embedded-view-html", (account_id, application_id, consumer_id),
    "Returns the HTML for the embedded view.",
    (optional, webhooksio::bucket_key, bucket_key, "The bucket key the client token should be generated for. This can be an arbitrary value that maps back to your system.")
    (optional, std::vector<std::string>, paths, "The permitted paths.")
    (optional, std::string, css_url, "URL to a css file that will be applied to the application styles.")
    (optional, std::string, default_tab, "The default tab to show.")
    (optional, bool, show_introduction, "If the introduction should be displayed.")
    (optional, std::string, introduction_url, "The URL to the actual introduction.")
    (optional, std::string, element_id, "The element id for the manager to populate.")
    (optional, std::string, api_url, "The API URL to use.")
    (optional, std::string, embedded_url, "The embedded javascript file to use."))

WEBHOOKSIO_ENDPOINT(providers, get_consumer_destination, docs("getConsumerDestination"), get, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/destinations/:destination_id", (account_id, application_id, consumer_id, destination_id),
    "Get Consumer Destination",
    (optional, bool, include_certificate_data, "Will return the imported SSL Certificate that will be used, if any. (Default is false)"))

WEBHOOKSIO_ENDPOINT(providers, send_dynamic_consumer_webhook_request, docs("sendDynamicConsumerWebhookRequest"), post, "/:application_id/:consumer_id/:bucket_key/:target_url", (application_id, consumer_id, bucket_key, target_url),
    "Send webhook to consumer (Dynamic)")

// The area's endpoints, in the order above: WEBHOOKSIO_API_PROVIDERS(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_PROVIDERS(X)          \
    X(create_consumer)                       \
    X(get_consumers)                         \
    X(update_consumer)                       \
    X(get_consumer)                          \
    X(delete_consumer)                       \
    X(get_consumer_destinations)             \
    X(create_consumer_destination)           \
    X(update_consumer_destination)           \
    X(delete_consumer_destination)           \
    X(get_consumer_buckets)                  \
    X(send_consumer_webhook_request)         \
    X(get_consumer_subscription)             \
    X(get_consumer_request_log)              \
    X(create_client_token)                   \
    X(get_embedded_view_html)                \
    X(get_consumer_destination)              \
    X(send_dynamic_consumer_webhook_request)

namespace areas {
using providers = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_PROVIDERS);
}  // namespace areas

}  // namespace webhooksio::api
// ---- api/recipes.hpp
// The Recipes endpoints of the Webhooks.io API: one descriptor type per call.


namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(recipes, create_recipe, seed("createRecipe"), post, "/v1/accounts/:account_id/recipes", (account_id),
    "Adds a Recipe to an account",
    (required, std::string, name, "Name for the recipe.")
    (optional, std::string, sample_code, "Sample code used to pass to the recipe during editing to test script.")
    (required, std::string, type, "The type of recipe, either input or destination.")
    (optional, std::string, notes, "Any notes required to help understand the recipe.")
    (required, std::string, recipe_draft, "During development, this is the recipe that is saved.")
    (optional, bool, run_on_each_attempt, "If the recipe should be run each time it is attempted."))

WEBHOOKSIO_ENDPOINT(recipes, update_recipe, seed("updateRecipe"), put, "/v1/accounts/:account_id/recipes/:recipe_id", (account_id, recipe_id),
    "Updates a Recipe.",
    (required, std::string, name, "Name for the recipe.")
    (optional, std::string, sample_code, "Sample code used to pass to the recipe during editing to test script.")
    (required, std::string, type, "")
    (optional, std::string, notes, "Any notes required to help understand the recipe.")
    (required, std::string, recipe_draft, "During development, this is the recipe that is saved.")
    (optional, bool, run_on_each_attempt, "If the recipe should be run each time it is attempted."))

WEBHOOKSIO_ENDPOINT(recipes, publish_recipe, seed("publishRecipe"), post, "/v1/accounts/:account_id/recipes/:recipe_id/publish", (account_id, recipe_id),
    "Publishes the draft recipe so it can be used as the production recipe.")

WEBHOOKSIO_ENDPOINT(recipes, get_recipe, seed("getRecipe"), get, "/v1/accounts/:account_id/recipes/:recipe_id", (account_id, recipe_id),
    "Returns the details for a specfic recipe.")

WEBHOOKSIO_ENDPOINT(recipes, get_recipes, seed("getRecipes"), get, "/v1/accounts/:account_id/recipes", (account_id),
    "Returns a collection of recipes for an account.",
    (optional, std::string, type, "The type of recipe, either input or destination."))

WEBHOOKSIO_ENDPOINT(recipes, delete_recipe, seed("deleteRecipe"), delete_, "/v1/accounts/:account_id/recipes/:recipe_id", (account_id, recipe_id),
    "Deletes a Recipe.")

WEBHOOKSIO_ENDPOINT(recipes, test_recipe, seed("testRecipe"), put, "/v1/accounts/:account_id/recipes/test", (account_id),
    "Provides the ability to test a recipe to ensure the output is correct. The recipe MUST be wrapped in 'function wh(){}' and return exit([data]) as shown in the sample below.",
    (optional, std::string, sample_code, "Sample code to be used during the testing of this recipe.")
    (required, std::string, type, "The type of recipe, either input or destination.")
    (required, std::string, recipe, "The recipe to be tested.")
    (optional, std::string, event_type, "The event type."))

// The area's endpoints, in the order above: WEBHOOKSIO_API_RECIPES(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_RECIPES(X) \
    X(create_recipe)              \
    X(update_recipe)              \
    X(publish_recipe)             \
    X(get_recipe)                 \
    X(get_recipes)                \
    X(delete_recipe)              \
    X(test_recipe)

namespace areas {
using recipes = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_RECIPES);
}  // namespace areas

}  // namespace webhooksio::api
// ---- api/reporting.hpp
// The Reporting endpoints of the Webhooks.io API: one descriptor type per call.


namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(reporting, get_overview_report, seed("getOverviewReport"), get, "/v1/accounts/:account_id/stats/overview", (account_id),
    "Returns a general overview.",
    (required, std::string, start_date, "The start date for the data.")
    (required, std::string, end_date, "The end date for the data.")
    (required, std::string, precision, "The end date for the data.")
    (optional, webhooksio::application_id, application_id, "The application id the data should be filtered with.")
    (optional, webhooksio::bucket_id, bucket_id, "The end date for the data.")
    (optional, webhooksio::destination_id, destination_id, "The end date for the data.")
    (optional, webhooksio::input_id, input_id, "The end date for the data.")
    (optional, bool, include_sub_accounts, "If sub account data should be included."))

WEBHOOKSIO_ENDPOINT(reporting, get_summary_report, seed("getSummaryReport"), get, "/v1/accounts/:account_id/stats/summary", (account_id),
    "Returns a general summary report.",
    (optional, std::string, start_date, "The start date for the data.")
    (optional, std::string, end_date, "The end date for the data.")
    (optional, webhooksio::bucket_id, bucket_id, "The end date for the data.")
    (optional, webhooksio::destination_id, destination_id, "The end date for the data.")
    (optional, webhooksio::input_id, input_id, "The end date for the data."))

WEBHOOKSIO_ENDPOINT(reporting, get_request_log, seed("getRequestLog"), get, "/v1/accounts/:account_id/log", (account_id),
    "Returns a log of all messages.",
    (optional, std::string, start_date, "The start date for the data. This can be an exact UTC date or a texted based time period. Valid text time periods can be found at: http://sugarjs.com/date_formats#text_formats")
    (optional, std::string, end_date, "The end date for the data. This can be an exact UTC date or a texted based time period. Valid text time periods can be found at: http://sugarjs.com/date_formats#text_formats")
    (optional, webhooksio::input_id, input_id, "")
    (optional, webhooksio::bucket_id, bucket_id, "")
    (optional, int, http_status, ""))

// The area's endpoints, in the order above: WEBHOOKSIO_API_REPORTING(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_REPORTING(X) \
    X(get_overview_report)          \
    X(get_summary_report)           \
    X(get_request_log)

namespace areas {
using reporting = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_REPORTING);
}  // namespace areas

}  // namespace webhooksio::api
// ---- api/users.hpp
// The Users endpoints of the Webhooks.io API: one descriptor type per call.


namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(users, login, seed("login"), put, "/v1/authenticate", (),
    "Authenticates the users login credentials",
    (required, std::string, email_address, "The user's email address.")
    (required, std::string, password, "The password supplied for login."))

WEBHOOKSIO_ENDPOINT(users, change_password, seed("changePassword"), put, "/v1/accounts/:account_id/users/:user_id/change_password", (account_id, user_id),
    "Allows a user to change their password. Either the existing password or change key must be passed...and must match in order for this call to be successful.",
    (required, std::string, new_password, "The new password for the account.")
    (required, std::string, new_confirm_password, "A confirmation of the new password for their account.")
    (optional, std::string, change_key, "The code that was supplied in the password change email to allow them to change their email.")
    (optional, std::string, existing_password, "The current password on the user account."))

WEBHOOKSIO_ENDPOINT(users, get_api_token, seed("getAPIToken"), get, "/v1/accounts/:account_id/users/:user_id/api-token", (account_id, user_id),
    "Provides a user a way to lookup their own API token. This is used when using ST or client-bearer-token authentication so the user can get a longer lasting API token. This operation can only be carried out for the currently authenticated user.")

WEBHOOKSIO_ENDPOINT(users, reset_password, seed("resetPassword"), post, "/v1/reset_password", (),
    "Allows the user to request their password to be emailed to them. Really this provides them a link to the change password form.",
    (required, std::string, email_address, "The primary email address for the user on the account."))

WEBHOOKSIO_ENDPOINT(users, lookup_password_change_key, seed("lookupPasswordChangeKey"), get, "/v1/password_change_key/:password_change_key", (password_change_key),
    "Looks up the meta data for the password change key.")

WEBHOOKSIO_ENDPOINT(users, create_user, seed("createUser"), post, "/v1/accounts/:account_id/users", (account_id),
    "Adds a user to an account.",
    (required, std::string, first_name, "First name of the primary user on the account.")
    (required, std::string, last_name, "Last name of the primary user on the account.")
    (required, std::string, email_address, "The primary email address for the user on the account.")
    (required, std::string, password, "The password for the user on the account")
    (required, std::string, timezone, "The timezone the user is located in. Default is Etc/GTM")
    (required, std::string, permission_level, "The permission level for the user account.")
    (required, bool, notify, "If the user should be notified that an account has been created for them."))

WEBHOOKSIO_ENDPOINT(users, update_user, seed("updateUser"), put, "/v1/accounts/:account_id/users/:user_id", (account_id, user_id),
    "Updates a users account information.",
    (required, std::string, first_name, "First name of the primary user on the account.")
    (required, std::string, last_name, "Last name of the primary user on the account.")
    (required, std::string, email_address, "The primary email address for the user on the account.")
    (optional, std::string, password, "The password for the user on the account")
    (required, std::string, timezone, "The timezone the user is located in. Default is Etc/GMT")
    (optional, std::string, permission_level, "The permission level for the user account."))

WEBHOOKSIO_ENDPOINT(users, get_user, seed("getUser"), get, "/v1/accounts/:account_id/users/:user_id", (account_id, user_id),
    "Returns the details for a specfic user.")

// Note: The original Node.js client's signature lists (account_id, user_id, options), but the route has only :account_id; the route wins.
WEBHOOKSIO_ENDPOINT(users, get_users, seed("getUsers"), get, "/v1/accounts/:account_id/users", (account_id),
    "Returns a collection of users.")

WEBHOOKSIO_ENDPOINT(users, delete_user, seed("deleteUser"), delete_, "/v1/accounts/:account_id/users/:user_id", (account_id, user_id),
    "Deletes a user.")

WEBHOOKSIO_ENDPOINT(users, verify_email_address, seed("verifyEmailAddress"), get, "/v1/verify/:email_verification_key", (email_verification_key),
    "Handles validating the email address once the user has clicked the validation link in an email.")

WEBHOOKSIO_ENDPOINT(users, resend_verification_email, seed("resendVerificationEmail"), get, "/v1/accounts/:account_id/users/:user_id/resend_verification", (account_id, user_id),
    "Resends a verification email for a user.")

// The area's endpoints, in the order above: WEBHOOKSIO_API_USERS(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_USERS(X)   \
    X(login)                      \
    X(change_password)            \
    X(get_api_token)              \
    X(reset_password)             \
    X(lookup_password_change_key) \
    X(create_user)                \
    X(update_user)                \
    X(get_user)                   \
    X(get_users)                  \
    X(delete_user)                \
    X(verify_email_address)       \
    X(resend_verification_email)

namespace areas {
using users = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_USERS);
}  // namespace areas

}  // namespace webhooksio::api
// ---- api/utils.hpp
// The Utils endpoints of the Webhooks.io API: one descriptor type per call.


namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(utils, health_check, seed("healthCheck"), get, "/v1/health", (),
    "System health check")

WEBHOOKSIO_ENDPOINT(utils, get_plans, seed("getPlans"), get, "/v1/plans", (),
    "Returns all the possible public plans.")

WEBHOOKSIO_ENDPOINT(utils, get_plan, seed("getPlan"), get, "/v1/plans/:plan_id", (plan_id),
    "Returns the details of a specific plan.")

WEBHOOKSIO_ENDPOINT(utils, get_timezones, seed("getTimezones"), get, "/v1/util/timezones", (),
    "Returns all valid timezones.")

WEBHOOKSIO_ENDPOINT(utils, get_retry_policies, seed("getRetryPolicies"), get, "/v1/retry_policies", (),
    "Returns the possible retry policies along with the system default policy.")

WEBHOOKSIO_ENDPOINT(utils, get_retry_policy, seed("getRetryPolicy"), get, "/v1/retry_policies/:policy_id", (policy_id),
    "Returns the details of a specific retry policy.")

// The area's endpoints, in the order above: WEBHOOKSIO_API_UTILS(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_UTILS(X) \
    X(health_check)             \
    X(get_plans)                \
    X(get_plan)                 \
    X(get_timezones)            \
    X(get_retry_policies)       \
    X(get_retry_policy)

namespace areas {
using utils = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_UTILS);
}  // namespace areas

}  // namespace webhooksio::api

// X(endpoint) for every endpoint, area by area, in the order of
// api::endpoints: how each client writes its named methods once.
#define WEBHOOKSIO_API_ENDPOINTS(X)                                                                        \
    WEBHOOKSIO_API_ACCOUNTS(X) WEBHOOKSIO_API_APPLICATIONS(X) WEBHOOKSIO_API_BUCKETS(X) WEBHOOKSIO_API_INPUTS(X) \
    WEBHOOKSIO_API_DESTINATIONS(X) WEBHOOKSIO_API_RECIPES(X) WEBHOOKSIO_API_PROVIDERS(X)                    \
    WEBHOOKSIO_API_REPORTING(X) WEBHOOKSIO_API_MESSAGES(X) WEBHOOKSIO_API_USERS(X) WEBHOOKSIO_API_UTILS(X)   \
    WEBHOOKSIO_API_BILLING(X) WEBHOOKSIO_API_GATEWAY(X) WEBHOOKSIO_API_CERTIFICATES(X)

namespace webhooksio::api {

// Every endpoint type, area by area, for code that walks the table (tests,
// tools, servers).
using endpoints = boost::mp11::mp_append<areas::accounts, areas::applications, areas::buckets, areas::inputs,
                                         areas::destinations, areas::recipes, areas::providers, areas::reporting,
                                         areas::messages, areas::users, areas::utils, areas::billing,
                                         areas::gateway, areas::certificates>;

// Calls `f` with a default-constructed tag of every endpoint: f(std::type_identity<E>{}).
template <class F>
void for_each_endpoint(F&& f) {
    boost::mp11::mp_for_each<boost::mp11::mp_transform<std::type_identity, endpoints>>(f);
}

}  // namespace webhooksio::api
// ---- webhooksio/client.hpp
// The client: basic_client<Transport> turns endpoint types into calls, and
// `client` is the one over cpp-httplib.

#include <array>
#include <concepts>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/json.hpp>

// ---- webhooksio/client_options.hpp
// Everything a client can be told at construction.

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

// ---- webhooksio/hooks.hpp
// Hooks: optional callbacks around every attempt of a call, for logging and
// metrics. A hook sees the endpoint, never the API key: the route is the
// template (no IDs, no query) and any message has the key redacted.

#include <chrono>
#include <functional>
#include <optional>
#include <string_view>

#include <boost/system/error_code.hpp>

// ---- webhooksio/error.hpp
// Errors as C++ users know them: a boost::system::error_code for what went
// wrong, and diagnostics for the whole story (status, headers, body,
// endpoint, host). Tests compare codes:
//
//     ec == webhooksio::errc::not_found              // the API answered 404
//     ec == boost::asio::error::connection_refused   // the system's own code, when the transport knows it
//
// `webhooksio::error` is such a code with the diagnostics attached; the
// exceptions derive from boost::system::system_error and carry both.

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <boost/json.hpp>
#include <boost/system/error_category.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/is_error_code_enum.hpp>
#include <boost/system/system_error.hpp>


namespace webhooksio {

// The library's error codes, category "webhooksio". An HTTP status that is
// not 2xx becomes the code of its meaning (404 is not_found, any 5xx is
// server_error); the exact status is in the diagnostics.
enum class errc {
    bad_request = 1,     // HTTP 400 (and 422): the API refused the call's options
    unauthorized,        // HTTP 401: no API key, or not a valid one
    forbidden,           // HTTP 403: the key may not touch this resource
    not_found,           // HTTP 404
    conflict,            // HTTP 409
    rate_limited,        // HTTP 429
    server_error,        // HTTP 5xx
    other_status,        // any other status that is not 2xx
    invalid_response,    // an answer that is not what the API sends: a 2xx body that is not JSON
    response_too_large,  // body or headers over the client's limits; reading stopped
    timed_out,           // no answer within read_timeout, or the call within total_timeout
    usage,               // bad input to the library (ID, option, key, base URL); nothing was sent
    // Transport failures whose system cause the transport could not tell:
    connection_failed,   // no connection was made; nothing was sent
    send_failed,         // the request could not be written
    receive_failed,      // the connection failed before a whole answer came
    tls_failed,          // TLS handshake or certificate verification failed
    // A webhook delivery that verify_webhook (signature.hpp) refuses:
    missing_webhook_header,        // no webhook-id, webhook-timestamp or webhook-signature
    malformed_webhook_timestamp,   // webhook-timestamp is not Unix seconds
    webhook_timestamp_out_of_tolerance,  // too old or too far ahead: a replay, or a clock off
    no_matching_signature,         // no v1 signature is the secret's over this id, time and body
};

WEBHOOKSIO_DECL const boost::system::error_category& error_category() noexcept;

inline boost::system::error_code make_error_code(errc e) noexcept {
    return {static_cast<int>(e), error_category()};
}

// The code of a status that is not 2xx.
WEBHOOKSIO_DECL errc errc_of_status(int status) noexcept;

inline std::ostream& operator<<(std::ostream& out, errc e) { return out << make_error_code(e).message(); }

}  // namespace webhooksio

template <>
struct boost::system::is_error_code_enum<webhooksio::errc> : std::true_type {};

namespace webhooksio {

// At which step a request failed when no complete answer came. `connect`
// means no byte of the request was sent (so a retry can never duplicate it).
enum class transport_failure { none, connect, timeout, tls, read, write, too_large, other };

constexpr std::string_view to_string(transport_failure f) noexcept {
    switch (f) {
        case transport_failure::none: return "none";
        case transport_failure::connect: return "connect";
        case transport_failure::timeout: return "timeout";
        case transport_failure::tls: return "tls";
        case transport_failure::read: return "read";
        case transport_failure::write: return "write";
        case transport_failure::too_large: return "too_large";
        case transport_failure::other: return "other";
    }
    return "other";
}

inline std::ostream& operator<<(std::ostream& out, transport_failure f) { return out << to_string(f); }

// Everything known about a failed call. The API key is in none of it: an
// echo of the key in a body or message is replaced by "[redacted]".
struct diagnostics {
    // The whole story in one sentence, e.g. "webhooksio: get_bucket (GET
    // /v1/accounts/:account_id/buckets/:bucket_id): HTTP 404: Bucket not found".
    std::string message{};
    // The call: its C++ name and route template; empty for a failure outside
    // a call (a bad base URL at construction).
    std::string_view endpoint{};
    std::string_view route{};

    // When the API answered: its status (0 when no answer came), headers and
    // body, as received and (when it is JSON) parsed; null otherwise.
    int status = 0;
    http_headers headers{};
    std::string raw_body{};
    boost::json::value body{};

    // When no complete answer came: the server tried, and the step that failed.
    std::string host{};
    int port = 0;
    transport_failure failure = transport_failure::none;

    // The value of response header `name` (case-insensitive), or "".
    std::string_view header(std::string_view name) const { return find_header(headers, name); }
};

// An error_code with the diagnostics of the failure attached: pass it where
// an error_code goes, compare it with any code or condition, and ask it for
// the details. Falsy when there is no error, as in the original Node.js client's `if (error)`.
class error : public boost::system::error_code {
public:
    error() = default;
    WEBHOOKSIO_DECL error(boost::system::error_code code, webhooksio::diagnostics details);

    const boost::system::error_code& code() const noexcept { return *this; }

    // An empty diagnostics object when there is none (a default error).
    WEBHOOKSIO_DECL const webhooksio::diagnostics& diagnostics() const noexcept;

    // The diagnostics' message, or the code's when there is none.
    WEBHOOKSIO_DECL std::string what() const;

    // Bad input to the library; nothing was sent.
    WEBHOOKSIO_DECL static error usage(std::string message);
    // No complete answer came: `code` is the system's code when the transport
    // knows it (connection refused, reset, ...), else an errc; `message` says
    // it in words. For transports of your own.
    WEBHOOKSIO_DECL static error transport(boost::system::error_code code, transport_failure failure,
                                           std::string message);

private:
    std::shared_ptr<const webhooksio::diagnostics> details_;
};

inline std::ostream& operator<<(std::ostream& out, const error& e) { return out << e.what(); }

// The exceptions a call throws: one type per way of failing, all of them a
// boost::system::system_error whose code() is the error's code and whose
// what() is the diagnostics' message.
class exception : public boost::system::system_error {
public:
    WEBHOOKSIO_DECL explicit exception(webhooksio::error e);

    const char* what() const noexcept override { return error_.diagnostics().message.c_str(); }
    const webhooksio::error& error() const noexcept { return error_; }
    const webhooksio::diagnostics& diagnostics() const noexcept { return error_.diagnostics(); }

private:
    webhooksio::error error_;
};

struct usage_error : exception { using exception::exception; };      // errc::usage: nothing was sent
struct status_error : exception { using exception::exception; };     // the API answered with a non-2xx status
struct decode_error : exception { using exception::exception; };     // a 2xx answer the client can't read
struct transport_error : exception { using exception::exception; };  // no complete answer came

// Throws the exception type that matches e's code.
[[noreturn]] WEBHOOKSIO_DECL void throw_error(error e);

namespace detail {
// The exception a future carries for `e`: the one a synchronous call throws.
WEBHOOKSIO_DECL std::exception_ptr exception_for(error e);
}  // namespace detail

}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
// ---- impl/error.ipp
// Definitions for error.hpp.

namespace webhooksio {
namespace detail {

class webhooksio_category final : public boost::system::error_category {
public:
    // A fixed identity, so that codes compare equal across shared libraries.
    constexpr webhooksio_category() noexcept : error_category(0x7765626b686f6f6bULL) {}

    const char* name() const noexcept override { return "webhooksio"; }

    std::string message(int value) const override {
        switch (static_cast<errc>(value)) {
            case errc::bad_request: return "bad request (HTTP 400)";
            case errc::unauthorized: return "unauthorized (HTTP 401)";
            case errc::forbidden: return "forbidden (HTTP 403)";
            case errc::not_found: return "not found (HTTP 404)";
            case errc::conflict: return "conflict (HTTP 409)";
            case errc::rate_limited: return "rate limited (HTTP 429)";
            case errc::server_error: return "server error (HTTP 5xx)";
            case errc::other_status: return "unexpected HTTP status";
            case errc::invalid_response: return "invalid response";
            case errc::response_too_large: return "response too large";
            case errc::timed_out: return "timed out";
            case errc::usage: return "invalid use of the library";
            case errc::connection_failed: return "connection failed";
            case errc::send_failed: return "sending the request failed";
            case errc::receive_failed: return "receiving the response failed";
            case errc::tls_failed: return "TLS failed";
            case errc::missing_webhook_header:
                return "the webhook-id, webhook-timestamp or webhook-signature header is missing";
            case errc::malformed_webhook_timestamp: return "the webhook-timestamp is not a number of seconds";
            case errc::webhook_timestamp_out_of_tolerance:
                return "the webhook-timestamp is too far from the current time";
            case errc::no_matching_signature: return "no webhook signature matches";
        }
        return "unknown webhooksio error";
    }
};

}  // namespace detail

WEBHOOKSIO_DECL const boost::system::error_category& error_category() noexcept {
    static const detail::webhooksio_category category;
    return category;
}

WEBHOOKSIO_DECL errc errc_of_status(int status) noexcept {
    switch (status) {
        case 400:
        case 422: return errc::bad_request;
        case 401: return errc::unauthorized;
        case 403: return errc::forbidden;
        case 404: return errc::not_found;
        case 409: return errc::conflict;
        case 429: return errc::rate_limited;
        default: return status >= 500 && status < 600 ? errc::server_error : errc::other_status;
    }
}

WEBHOOKSIO_DECL error::error(boost::system::error_code code, webhooksio::diagnostics details)
    : boost::system::error_code(code),
      details_(std::make_shared<const webhooksio::diagnostics>(std::move(details))) {}

WEBHOOKSIO_DECL const webhooksio::diagnostics& error::diagnostics() const noexcept {
    static const webhooksio::diagnostics none;
    return details_ ? *details_ : none;
}

WEBHOOKSIO_DECL std::string error::what() const {
    if (details_ && !details_->message.empty()) return details_->message;
    return failed() ? message() : std::string();
}

WEBHOOKSIO_DECL error error::usage(std::string message) {
    webhooksio::diagnostics details;
    details.message = std::move(message);
    return {errc::usage, std::move(details)};
}

WEBHOOKSIO_DECL error error::transport(boost::system::error_code code, transport_failure failure,
                                       std::string message) {
    webhooksio::diagnostics details;
    details.message = std::move(message);
    details.failure = failure;
    return {code, std::move(details)};
}

// A system_error's own what() would be "prefix: message [category:value]";
// exception::what() gives the diagnostics' sentence instead, which always has
// one (the error's what() fills it in when a transport left it empty).
inline error with_message(error e) {
    if (!e.diagnostics().message.empty()) return e;
    webhooksio::diagnostics details = e.diagnostics();
    details.message = e.what();
    return {e.code(), std::move(details)};
}

WEBHOOKSIO_DECL exception::exception(webhooksio::error e)
    : boost::system::system_error(e.code()), error_(with_message(std::move(e))) {}

[[noreturn]] WEBHOOKSIO_DECL void throw_error(error e) {
    const boost::system::error_code& code = e.code();
    if (code == errc::usage) throw usage_error(std::move(e));
    if (e.diagnostics().status >= 200 && e.diagnostics().status < 300) throw decode_error(std::move(e));
    if (e.diagnostics().status != 0) throw status_error(std::move(e));
    throw transport_error(std::move(e));
}

namespace detail {
WEBHOOKSIO_DECL std::exception_ptr exception_for(error e) {
    try {
        throw_error(std::move(e));
    } catch (...) {
        return std::current_exception();
    }
}
}  // namespace detail

}  // namespace webhooksio
#endif

namespace webhooksio {

// One attempt of a call, as the hooks see it.
struct attempt_info {
    std::string_view endpoint{};  // the C++ name, e.g. "get_bucket"
    http_method method{};
    std::string_view route{};     // the template, e.g. "/v1/accounts/:account_id/buckets/:bucket_id"
    int attempt = 1;            // 1 for the first try, 2 for the first retry, ...
};

// How an attempt ended.
struct attempt_outcome {
    attempt_info call{};
    int status = 0;                                    // the HTTP status, 0 when no response came
    boost::system::error_code code{};                  // the transport's code when no response came
    transport_failure failure = transport_failure::none;  // what failed when no response came
    std::string_view message{};                        // the transport's words (key redacted), or ""
    std::chrono::nanoseconds elapsed{};                // this attempt alone, not its backoff
    std::optional<std::chrono::milliseconds> retry_in{};  // set when another attempt follows after this wait
};

struct call_hooks {
    // Called before each attempt is sent.
    std::function<void(const attempt_info&)> before_request{};
    // Called after each attempt, with its response status or its failure.
    std::function<void(const attempt_outcome&)> after_response{};
};

}  // namespace webhooksio

namespace webhooksio {

// An HTTP proxy for every request (HTTPS goes through it with CONNECT).
struct proxy_options {
    std::string host{};  // empty: no proxy
    int port = 0;
    // Basic authentication to the proxy, when a username is given.
    std::string username{};
    std::string password{};
};

struct client_options {
    // Scheme, host, optional port and optional path prefix of the API.
    std::string base_url = "https://api.webhooks.io";
    // Appended to "webhooksio-cpp/<version>" in the User-Agent header.
    std::string user_agent_suffix{};
    // Send the API key as the `_token` query parameter instead of an
    // Authorization header (the API accepts both).
    bool token_in_query = false;

    // Per attempt: to establish the connection, and between two reads (or
    // writes) of one exchange.
    std::chrono::milliseconds connect_timeout = std::chrono::seconds(10);
    std::chrono::milliseconds read_timeout = std::chrono::seconds(30);
    // A whole call: connecting, every attempt and every wait between
    // attempts (the default covers the default retries); zero: no bound.
    std::chrono::milliseconds total_timeout = std::chrono::seconds(120);

    // TLS: certificates are verified unless this is turned off explicitly.
    bool verify_tls = true;
    // CA certificates to trust instead of the system's: a bundle file, or
    // the PEM text itself. When both are given, both are trusted.
    std::string ca_bundle_path{};
    std::string ca_bundle_pem{};
    proxy_options proxy{};

    // Retries (see retry.hpp): how many more times a failed attempt may be
    // tried, and the backoff between attempts: initial, doubling, capped,
    // with jitter. A server's Retry-After is honoured up to retry_after_limit.
    int max_retries = 2;
    std::chrono::milliseconds retry_initial_delay = std::chrono::milliseconds(500);
    std::chrono::milliseconds retry_max_delay = std::chrono::seconds(5);
    std::chrono::milliseconds retry_after_limit = std::chrono::seconds(60);
    // How the client waits before a retry; empty means
    // std::this_thread::sleep_for. Tests replace it so that they never wait.
    std::function<void(std::chrono::milliseconds)> sleep{};

    // A response body larger than this is refused (a transport error) and
    // reading stops, instead of exhausting memory.
    std::size_t max_response_body = std::size_t(64) << 20;
    // The same for the response's headers: how many fields, and how many
    // bytes from the status line to the blank line.
    std::size_t max_response_header_fields = 100;
    std::size_t max_response_header_bytes = std::size_t(64) << 10;

    // The asynchronous client's connections (asio/beast_transport.hpp): at
    // most this many open at once (more calls wait in line), idle ones
    // closed after idle_timeout.
    std::size_t max_connections = 16;
    std::chrono::milliseconds idle_timeout = std::chrono::seconds(30);

    // Callbacks around each attempt, for logging and metrics.
    call_hooks hooks{};
};

}  // namespace webhooksio
// ---- detail/client_core.hpp
// What every call of every client does, whatever its endpoint or transport:
// check and encode the call, send it with retries, decode the answer. An
// ordinary class, so that it is compiled once (and, with
// WEBHOOKSIO_SEPARATE_COMPILATION, in one file of the program).

#include <span>
#include <string>
#include <string_view>

#include <boost/json.hpp>

// ---- webhooksio/response.hpp
// A whole answer of the API, for the calls that ask for more than its body
// (the `with_response` token): status, headers and the JSON body.

#include <string_view>

#include <boost/json.hpp>


namespace webhooksio {

struct response {
    int status = 0;
    http_headers headers{};
    boost::json::value body{};  // null for an empty body

    // The value of header `name` (case-insensitive), or "".
    std::string_view header(std::string_view name) const { return find_header(headers, name); }
};

}  // namespace webhooksio
// ---- webhooksio/result.hpp
// result<T>: a value, or the error that took its place. The interface of
// boost::system::result (has_value, has_error, value, operator*, error) plus
// value_or; its error is a webhooksio::error, an error_code with diagnostics.

#include <type_traits>
#include <utility>
#include <variant>

#include <boost/assert.hpp>


namespace webhooksio {

template <class T>
class result {
public:
    using value_type = T;
    using error_type = webhooksio::error;

    result(const T& value) : state_(std::in_place_index<0>, value) {}
    result(T&& value) : state_(std::in_place_index<0>, std::move(value)) {}
    result(webhooksio::error e) : state_(std::in_place_index<1>, std::move(e)) {}

    bool has_value() const noexcept { return state_.index() == 0; }
    bool has_error() const noexcept { return !has_value(); }
    explicit operator bool() const noexcept { return has_value(); }

    // The value; throws the error's exception (see error.hpp) when there is none.
    T& value() & {
        if (has_error()) throw_error(std::get<1>(state_));
        return std::get<0>(state_);
    }
    const T& value() const& {
        if (has_error()) throw_error(std::get<1>(state_));
        return std::get<0>(state_);
    }
    T&& value() && { return std::move(value()); }

    // The value, or `fallback` when there is an error.
    template <class U>
    T value_or(U&& fallback) const& {
        return has_value() ? std::get<0>(state_) : static_cast<T>(std::forward<U>(fallback));
    }
    template <class U>
    T value_or(U&& fallback) && {
        return has_value() ? std::move(std::get<0>(state_)) : static_cast<T>(std::forward<U>(fallback));
    }

    // Unchecked access: only with a value (asserted in debug builds).
    T& operator*() & noexcept { return *get(); }
    const T& operator*() const& noexcept { return *get(); }
    T&& operator*() && noexcept { return std::move(*get()); }
    T* operator->() noexcept { return get(); }
    const T* operator->() const noexcept { return get(); }

    // The error; a default (falsy) error when there is a value.
    const webhooksio::error& error() const& noexcept {
        static const webhooksio::error none;
        return has_error() ? std::get<1>(state_) : none;
    }
    webhooksio::error error() && noexcept {
        return has_error() ? std::get<1>(std::move(state_)) : webhooksio::error();
    }

private:
    T* get() noexcept {
        BOOST_ASSERT_MSG(has_value(), "webhooksio::result: operator* or -> on an error");
        return std::get_if<0>(&state_);
    }
    const T* get() const noexcept {
        BOOST_ASSERT_MSG(has_value(), "webhooksio::result: operator* or -> on an error");
        return std::get_if<0>(&state_);
    }

    std::variant<T, webhooksio::error> state_;
};

}  // namespace webhooksio
// ---- detail/retry.hpp
// The retry loop of retry.hpp's policy: internal, shared by every endpoint.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

// ---- webhooksio/retry.hpp
// Retries: which failed attempts are tried again and how long to wait
// before (the loop that applies it is internal: detail/retry.hpp).
//
//   - A connection that could not be made (nothing was sent) is retried for
//     every method.
//   - 429, 502, 503 and 504, resets, timeouts and other I/O failures after the
//     request went out are retried for GET, PUT, DELETE and HEAD only: a POST
//     the server may have received is never sent again.
//   - The n-th retry waits a random time between half and all of
//     min(retry_initial_delay * 2^(n-1), retry_max_delay), or what the
//     server's Retry-After says, up to retry_after_limit.
//   - total_timeout bounds the whole: each attempt gives up at its end, and
//     a wait that would end after it is not made (the call fails with the
//     last attempt's error).


namespace webhooksio {

// Whether the server may see a request twice without harm.
constexpr bool is_idempotent(http_method m) noexcept { return m != http_method::post; }

}  // namespace webhooksio
// ---- webhooksio/transport.hpp
// The transport concept: how the client's requests reach the network. The
// default is cpp-httplib (httplib_transport.hpp); a test or an application
// can plug in its own.

#include <chrono>
#include <concepts>
#include <string>
#include <string_view>
#include <utility>
#include <vector>


namespace webhooksio {

// A transport sends one request and returns the response or a transport error.
// One transport serves every thread of its client: send() must be thread-safe.
template <class T>
concept transport = requires(T& t, const http_request& request) {
    { t.send(request) } -> std::same_as<result<http_response>>;
};

namespace detail {

// A reference to any transport: one pointer and one function, so that the
// code shared by every client (retries, the request pipeline) is compiled
// once and not once per transport type.
class transport_ref {
public:
    template <transport T>
    explicit transport_ref(T& t) noexcept
        : object_(&t), send_([](void* object, const http_request& request) {
              return static_cast<T*>(object)->send(request);
          }) {}

    result<http_response> send(const http_request& request) const { return send_(object_, request); }

private:
    void* object_;
    result<http_response> (*send_)(void*, const http_request&);
};

}  // namespace detail

}  // namespace webhooksio

// ---- detail/request.hpp
// The request pipeline every endpoint shares: check and encode a call into an
// HTTP request, and decode the response into JSON or a typed error. Ordinary
// functions: an endpoint only hands them a small call_spec.

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <tuple>

#include <boost/json.hpp>

// ---- detail/call_spec.hpp
// What one endpoint contributes to a call, as constants: the part of the
// request pipeline (detail/request.hpp) that reflection.hpp shares without
// the pipeline itself.

#include <array>
#include <span>
#include <string_view>
#include <tuple>


namespace webhooksio::detail {

// What one endpoint contributes to a call: constants, made once per
// endpoint at compile time (spec_of below).
struct call_spec {
    std::string_view endpoint;  // the C++ name, for messages
    http_method method;
    std::string_view route;
    std::span<const std::string_view> placeholders;
    std::span<const std::string_view> literal_runs;  // the route around its placeholders
    std::span<const std::string_view> required;      // "a" or "a|b" (one of)
    std::span<const option_info> options;            // the typed options, for the kinds of free-form ones
};

template <class Params>
struct placeholders_of;
template <class... Ids>
struct placeholders_of<std::tuple<Ids...>> {
    static constexpr std::array<std::string_view, sizeof...(Ids)> value{Ids::placeholder...};
};

template <class E>
inline constexpr auto literal_runs_of = split_route<std::tuple_size_v<typename E::params>>(E::route).literal_runs;

template <class E>
inline constexpr auto required_options_of = required_options<E>();

// The spec of endpoint E, a constant the pipeline gets by reference.
template <class E>
inline constexpr call_spec spec_of{E::name, E::method, E::route, placeholders_of<typename E::params>::value,
                                   literal_runs_of<E>, required_options_of<E>, option_infos_of<E>};

}  // namespace webhooksio::detail
// ---- webhooksio/redaction.hpp
// The API key is a secret: the library takes it out of every message and
// error body it makes, and tools that print messages of their own (the
// command-line tool's about its arguments, say) do the same with this.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include <boost/json/fwd.hpp>

// Needed by the definitions only, but included here, outside their block,
// so that the single header declares it whichever file includes it first.
// ---- detail/url.hpp
// Percent-encoding, route expansion and query strings (RFC 3986). Ordinary
// functions, compiled once, shared by every endpoint.

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
// ---- impl/url.ipp
// Definitions for detail/url.hpp.

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
#endif

namespace webhooksio {

namespace detail {

// The key is a secret: it must never reach a message, a log or a hook. A
// key shorter than this is no secret the API hands out, and redacting it in
// text would mangle messages ("KEY" in "KEYS").
inline constexpr std::size_t min_secret_length = 12;
WEBHOOKSIO_DECL void redact(std::string& text, std::string_view secret);
// `text` with the key taken out, as it is and percent-encoded.
WEBHOOKSIO_DECL std::string redacted(std::string text, std::string_view secret);
// The same for a parsed JSON document: a server may send the key back
// JSON-escaped ("\u002B"), which only shows once parsed. True when it took
// something out.
WEBHOOKSIO_DECL bool redact_json(boost::json::value& v, std::string_view secret);

}  // namespace detail

// `text` with `secret`, as it is and percent-encoded, replaced by "[redacted]".
inline std::string redacted(std::string text, std::string_view secret) {
    return detail::redacted(std::move(text), secret);
}

}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
// ---- impl/redaction.ipp
// Definitions for redaction.hpp.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>


namespace webhooksio::detail {

constexpr std::string_view redaction_mark = "[redacted]";

// Replaces each span of `text` that `echo_at(text, at)` says is an echo of
// the key (its length; 0 for none), searching on after each mark: a key
// such as "red" would find itself in it.
template <class EchoAt>
void replace_echoes(std::string& text, EchoAt echo_at) {
    for (std::size_t at = 0; at < text.size();) {
        if (const std::size_t length = echo_at(text, at)) {
            text.replace(at, length, redaction_mark);
            at += redaction_mark.size();
        } else {
            ++at;
        }
    }
}

WEBHOOKSIO_DECL void redact(std::string& text, std::string_view secret) {
    if (secret.size() < min_secret_length) return;
    replace_echoes(text, [&](std::string_view t, std::size_t at) {
        return t.substr(at).starts_with(secret) ? secret.size() : 0;
    });
}

// The length of the percent-encoded key `encoded` at `at`, with its hex
// digits in either case ("%2b" as well as "%2B"); 0 when it is not there.
inline std::size_t percent_echo_at(std::string_view text, std::size_t at, std::string_view encoded) {
    if (text.size() - at < encoded.size()) return 0;
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        const bool hex_digit = (i >= 1 && encoded[i - 1] == '%') || (i >= 2 && encoded[i - 2] == '%');
        const char seen = text[at + i];
        if (seen != encoded[i] && !(hex_digit && lower(seen) == lower(encoded[i]))) return 0;
    }
    return encoded.size();
}

// Takes out the key written with JSON escapes ("\u0053ECRET", "a\/b"),
// which a body that is not valid JSON can hold where no parser will decode
// it: the text is decoded as if it were all one JSON string, each decoded
// byte remembering the span of text it came from.
inline void redact_json_escaped(std::string& text, std::string_view secret) {
    if (text.find('\\') == std::string::npos) return;
    std::string decoded;
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // of each decoded byte in `text`
    auto hex = [&](std::size_t at, unsigned& value) {
        value = 0;
        if (text.size() - at < 4) return false;
        for (std::size_t i = at; i < at + 4; ++i) {
            const char c = text[i];
            const int digit = c >= '0' && c <= '9' ? c - '0'
                              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                     : -1;
            if (digit < 0) return false;
            value = value * 16 + unsigned(digit);
        }
        return true;
    };
    for (std::size_t at = 0; at < text.size();) {
        std::size_t next = at + 1;
        std::string bytes(1, text[at]);
        if (text[at] == '\\' && at + 1 < text.size()) {
            next = at + 2;
            const char e = text[at + 1];
            unsigned code = 0;
            if (e == 'u' && hex(at + 2, code)) {
                next = at + 6;
                bytes.clear();
                if (code < 0x80) {
                    bytes += char(code);
                } else if (code < 0x800) {
                    bytes += char(0xC0 | (code >> 6));
                    bytes += char(0x80 | (code & 0x3F));
                } else {
                    bytes += char(0xE0 | (code >> 12));
                    bytes += char(0x80 | ((code >> 6) & 0x3F));
                    bytes += char(0x80 | (code & 0x3F));
                }
            } else {
                constexpr std::string_view from = "\"\\/bfnrt", to = "\"\\/\b\f\n\r\t";
                const auto i = from.find(e);
                bytes = i == std::string_view::npos ? text.substr(at, 2) : std::string(1, to[i]);
            }
        }
        for (char c : bytes) {
            decoded += c;
            spans.emplace_back(at, next);
        }
        at = next;
    }
    // Replaced from the end, so that the spans before stay where they are.
    std::vector<std::pair<std::size_t, std::size_t>> echoes;
    for (auto at = decoded.find(secret); at != std::string::npos; at = decoded.find(secret, at + secret.size())) {
        const std::size_t begin = spans[at].first, end = spans[at + secret.size() - 1].second;
        if (end - begin != secret.size()) echoes.emplace_back(begin, end);  // escaped: the plain ones come next
    }
    for (auto it = echoes.rbegin(); it != echoes.rend(); ++it) text.replace(it->first, it->second - it->first, redaction_mark);
}

WEBHOOKSIO_DECL std::string redacted(std::string text, std::string_view secret) {
    if (secret.empty()) return text;
    redact_json_escaped(text, secret);
    redact(text, secret);
    std::string encoded;
    append_percent_encoded(encoded, secret);
    if (encoded != secret)
        replace_echoes(text, [&](std::string_view t, std::size_t at) { return percent_echo_at(t, at, encoded); });
    return text;
}

WEBHOOKSIO_DECL bool redact_json(boost::json::value& v, std::string_view secret) {
    if (secret.size() < min_secret_length) return false;
    bool changed = false;
    if (auto* text = v.if_string()) {
        std::string clean = redacted(std::string(*text), secret);
        changed = clean != *text;
        if (changed) *text = clean;
    } else if (auto* array = v.if_array()) {
        for (auto& item : *array) changed |= redact_json(item, secret);
    } else if (auto* object = v.if_object()) {
        boost::json::object clean;
        for (auto& [key, item] : *object) {
            changed |= redact_json(item, secret);
            std::string name = redacted(std::string(key), secret);
            changed |= name != key;
            clean[name] = std::move(item);
        }
        *object = std::move(clean);
    }
    return changed;
}

}  // namespace webhooksio::detail
#endif
// ---- webhooksio/version.hpp
// The library's version, also sent in the User-Agent header.

#define WEBHOOKSIO_VERSION_MAJOR 0
#define WEBHOOKSIO_VERSION_MINOR 1
#define WEBHOOKSIO_VERSION_PATCH 0
#define WEBHOOKSIO_VERSION_STRING "0.1.0"

namespace webhooksio {
inline constexpr const char* version = WEBHOOKSIO_VERSION_STRING;
}
// ---- detail/base_url.hpp
// Splits a base URL such as "https://api.webhooks.io:443/prefix" into parts.

#include <charconv>
#include <string>
#include <string_view>


namespace webhooksio::detail {

struct base_url {
    std::string scheme;  // "http" or "https"
    std::string host;
    int port = 0;
    std::string path;  // "" or "/prefix" without a trailing slash

    // The host without an IPv6 address's brackets: what is resolved, and
    // what the server's certificate must name.
    std::string address() const { return host.starts_with('[') ? host.substr(1, host.size() - 2) : host; }
};

// The parts of `url`, or a usage error saying what is wrong with it.
WEBHOOKSIO_DECL result<base_url> parse_base_url(std::string_view url);

}  // namespace webhooksio::detail

#if WEBHOOKSIO_DEFINITIONS
// ---- impl/base_url.ipp
// Definitions for detail/base_url.hpp.

namespace webhooksio::detail {

WEBHOOKSIO_DECL result<base_url> parse_base_url(std::string_view url) {
    auto fail = [&](std::string_view why) {
        return error::usage("webhooksio: base_url must look like http(s)://host[:port][/path]: " + std::string(why));
    };
    base_url out;
    if (url.starts_with("https://")) {
        out.scheme = "https";
        out.port = 443;
    } else if (url.starts_with("http://")) {
        out.scheme = "http";
        out.port = 80;
    } else {
        return fail("the scheme is not http or https");
    }
    url.remove_prefix(out.scheme.size() + 3);
    for (char c : url) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= ' ' || byte >= 0x7f || c == '?' || c == '#')
            return fail("it holds a space, a control or non-ASCII character, '?' or '#'");
    }
    std::string_view authority = url.substr(0, url.find('/'));
    std::string_view path = url.substr(authority.size());

    // host: a name, an IPv4 address or a bracketed IPv6 address; nothing
    // else (no user info, no percent-encoding), then an optional :port.
    std::string_view host, after_host;
    if (authority.starts_with('[')) {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) return fail("the IPv6 address has no closing ']'");
        host = authority.substr(0, close + 1);
        const std::string_view address = host.substr(1, host.size() - 2);
        if (address.find(':') == std::string_view::npos ||
            address.find_first_not_of("0123456789abcdefABCDEF:.") != std::string_view::npos)
            return fail("the host is not an IPv6 address");
        after_host = authority.substr(close + 1);
    } else {
        host = authority.substr(0, authority.find(':'));
        after_host = authority.substr(host.size());
        if (host.empty()) return fail("the host is missing");
        if (host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~") !=
            std::string_view::npos)
            return fail("the host holds a character other than a letter, a digit, '-', '.', '_' or '~'");
    }
    if (!after_host.empty()) {
        if (after_host.front() != ':') return fail("the host is followed by something other than :port");
        std::string_view digits = after_host.substr(1);
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out.port);
        if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || out.port <= 0 ||
            out.port > 65535)
            return fail("the port is not a number from 1 to 65535");
    }
    out.host = host;
    while (path.ends_with('/')) path.remove_suffix(1);
    out.path = path;
    return out;
}

}  // namespace webhooksio::detail
#endif

namespace webhooksio::detail {

// What a client computes once and every call reuses.
struct request_context {
    std::string api_key;
    std::string host;  // of the base URL, for messages
    int port = 0;
    std::string path_prefix;
    http_headers headers;
    bool token_in_query = false;
};

// Whether `s` holds a CR, LF or NUL: what could end a header line early.
WEBHOOKSIO_DECL bool has_control_line_break(std::string_view s);

// The context of a client with this key and these options, or a usage error.
WEBHOOKSIO_DECL result<request_context> make_request_context(std::string api_key, const client_options& options);

// "webhooksio: get_bucket (GET /v1/...): ", how every message of a call starts.
WEBHOOKSIO_DECL std::string describe(const call_spec& call);

// Names every required option that is missing; "" when none is.
WEBHOOKSIO_DECL std::string missing_options(const call_spec& call, const option_values& options);
WEBHOOKSIO_DECL std::string missing_options(const call_spec& call, const boost::json::object& options);

// The pairs of the options that are set: the typed ones straight from their
// struct, then the extras that no typed option of the same name overrides.
WEBHOOKSIO_DECL void append_query(query_writer& query, const option_values& options);

// Writes the HTTP request of a call with these IDs (in route order) and
// options into `request`, a default-constructed one; or returns the usage
// error when one of them is bad (then nothing is sent), a falsy error when
// none is. In place, so that a call's request is never moved.
WEBHOOKSIO_DECL error build_request(http_request& request, const request_context& context, const call_spec& call,
                                    std::span<const std::string_view> ids, const option_values& options);

// The same as a result.
WEBHOOKSIO_DECL result<http_request> build_request(const request_context& context, const call_spec& call,
                                                   std::span<const std::string_view> ids,
                                                   const option_values& options);

// A usage error of this call: nothing was sent.
WEBHOOKSIO_DECL error call_usage_error(const call_spec& call, std::string what);

// The response with its JSON body, or the error it amounts to (a non-2xx
// status, a 2xx body that is not JSON, or the transport's failure), with
// the call's diagnostics.
WEBHOOKSIO_DECL result<response> decode_response(const request_context& context, const call_spec& call,
                                                 result<http_response> sent);

// The same for a caller that wants the body alone: the JSON body (null when
// empty), or a null value and `failure` set to the error. Returned rather
// than assigned, so that the body is parsed straight into its place.
WEBHOOKSIO_DECL boost::json::value decode_body(const request_context& context, const call_spec& call,
                                               result<http_response>& sent, error& failure);

}  // namespace webhooksio::detail

#if WEBHOOKSIO_DEFINITIONS
// ---- impl/request_checks.ipp
// Definitions for detail/request.hpp: what keeps a call from being sent
// (text that is not UTF-8, a required option left out, a list that cannot
// be a comma list, a gateway call's bad webhook).

#include <string>
#include <string_view>

namespace webhooksio::detail {

// Whether `s` is well-formed UTF-8 (no overlong form, surrogate or code
// point past U+10FFFF): JSON text must be.
inline bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto lead = static_cast<unsigned char>(s[i]);
        std::size_t more = 0;
        char32_t code = lead;
        if (lead >= 0xF0 && lead <= 0xF4) more = 3, code = lead & 0x07;
        else if (lead >= 0xE0 && lead <= 0xEF) more = 2, code = lead & 0x0F;
        else if (lead >= 0xC2 && lead <= 0xDF) more = 1, code = lead & 0x1F;
        else if (lead >= 0x80) return false;
        if (s.size() - i <= more) return false;
        for (std::size_t k = 1; k <= more; ++k) {
            const auto next = static_cast<unsigned char>(s[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            code = (code << 6) | (next & 0x3F);
        }
        constexpr char32_t least[] = {0, 0x80, 0x800, 0x10000};
        if (code < least[more] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
        i += more + 1;
    }
    return true;
}

// Whether every string in an option's value (list items, JSON strings and
// keys at any depth) is UTF-8.
inline bool valid_utf8_value(const boost::json::value& v) {
    if (const auto* text = v.if_string()) return valid_utf8(*text);
    if (const auto* array = v.if_array())
        return std::ranges::all_of(*array, [](const auto& item) { return valid_utf8_value(item); });
    if (const auto* object = v.if_object())
        return std::ranges::all_of(*object, [](const auto& entry) {
            return valid_utf8(entry.key()) && valid_utf8_value(entry.value());
        });
    return true;
}

template <class T>
bool valid_utf8_value(const T& v) {
    if constexpr (std::is_same_v<T, std::string>) return valid_utf8(v);
    else if constexpr (std::is_same_v<T, std::vector<std::string>>) return std::ranges::all_of(v, [](const auto& s) { return valid_utf8(s); });
    else return true;
}

// The name of the first free-form option that holds text which is not
// UTF-8 (in its name or its value); "" when none does.
inline std::string_view first_extra_not_utf8(const boost::json::object& extra) {
    for (const auto& entry : extra)
        if (!valid_utf8(entry.key()) || !valid_utf8_value(entry.value())) return entry.key();
    return {};
}

// Whether a call has free-form options. Few have: the checks of theirs are
// functions apart, so that what every call runs stays small enough to inline.
inline bool has_extras(const option_values& options) { return options.extra && !options.extra->empty(); }

// The name of the first option that holds text which is not UTF-8; "" when none does.
inline std::string_view first_option_not_utf8(const option_values& options) {
    for (const field& f : options.typed) {
        bool valid = true;
        visit(f, [&](const auto& value) { valid = valid_utf8_value(value); });
        if (!valid) return f.name;
    }
    return has_extras(options) ? first_extra_not_utf8(*options.extra) : std::string_view();
}

// Whether option `name` is set, typed or free-form (null counts as unset).
inline bool option_present(const option_values& options, std::string_view name) {
    for (const field& f : options.typed)
        if (f.name == name) return value_of(f) != nullptr;
    if (!options.extra) return false;
    auto it = options.extra->find(name);
    return it != options.extra->end() && !it->value().is_null();
}

WEBHOOKSIO_DECL std::string missing_options(const call_spec& call, const option_values& options) {
    std::string missing;
    for (std::string_view entry : call.required) {
        bool found = false;
        for (std::string_view rest = entry; !found;) {
            auto bar = rest.find('|');
            found = option_present(options, rest.substr(0, bar));
            if (bar == std::string_view::npos) break;
            rest.remove_prefix(bar + 1);
        }
        if (found) continue;
        if (!missing.empty()) missing += ", ";
        missing += entry;
    }
    return missing;
}

WEBHOOKSIO_DECL std::string missing_options(const call_spec& call, const boost::json::object& options) {
    return missing_options(call, option_values{{}, &options});
}

// Lists: the API takes a list option as one comma-delimited string, in a
// body as in a query, whether it comes as a typed std::vector<std::string>
// or as a free-form array. An item that is empty or holds a comma can't be
// told apart from its neighbours in that text: such a call is refused.
inline bool is_list_option(const call_spec& call, std::string_view name) {
    return std::ranges::any_of(call.options,
                               [&](const option_info& o) { return o.kind == option_kind::list && o.name == name; });
}

inline bool list_item_ok(std::string_view item) { return !item.empty() && item.find(',') == std::string_view::npos; }

// The name of the first free-form list option that can't be sent as a comma
// list; "" when none.
inline std::string_view bad_list_extra(const call_spec& call, const boost::json::object& extra) {
    for (const auto& entry : extra) {
        const auto* items = entry.value().if_array();
        if (!items || !is_list_option(call, entry.key())) continue;
        for (const auto& item : *items)
            if (!item.is_string() || !list_item_ok(item.get_string())) return entry.key();
    }
    return {};
}

// The name of the first list option that can't be sent as a comma list; "" when none.
inline std::string_view bad_list_option(const call_spec& call, const option_values& options) {
    for (const field& f : options.typed) {
        if (f.kind != field_kind::list) continue;
        if (const auto* items = value_as<std::vector<std::string>>(f); items && !std::ranges::all_of(*items, list_item_ok))
            return f.name;
    }
    return has_extras(options) ? bad_list_extra(call, *options.extra) : std::string_view();
}

// The body's free-form arrays of list options as the typed ones are sent.
inline void join_lists(boost::json::object& body, const call_spec& call) {
    for (auto& entry : body) {
        const auto* items = entry.value().if_array();
        if (!items || !is_list_option(call, entry.key())) continue;
        entry.value() = join_comma_list(
            *items, [](const boost::json::value& item) { return std::string_view(item.get_string()); });
    }
}

// What is wrong with a gateway call's webhook (WEBHOOKSIO_WEBHOOK_MEMBERS),
// or "" when nothing is.
inline std::string webhook_problem(const option_values& options) {
    const webhook_parts& w = options.webhook;
    if (!w.payload) return {};
    const bool has_payload = w.payload->has_value(), has_raw = w.raw_body->has_value();
    if (has_payload && has_raw) return "payload and raw_body are both set: a webhook has one body";
    if ((has_payload || has_raw) && options.extra && !options.extra->empty())
        return "extra is set along with the webhook's body: send its fields in payload";
    if (!w.content_type->empty() && !has_raw) return "content_type is raw_body's: set raw_body too";
    if (!is_http_field_value(*w.content_type)) return "content_type holds a control character";
    if (has_payload && !valid_utf8_value(**w.payload)) return "payload holds text that is not valid UTF-8";
    for (const auto& [name, value] : *w.headers) {
        if (!is_http_token(name)) return "header name \"" + name + "\" is not an HTTP token";
        if (is_reserved_request_header(name)) return "header " + name + " is the library's to set";
        if (!is_http_field_value(value)) return "header " + name + " holds a control character (CR, LF, NUL, ...)";
    }
    return {};
}

}  // namespace webhooksio::detail
// ---- impl/request.ipp
// Definitions for detail/request.hpp: the request context made from the
// client's options, and building a call's request.

#include <algorithm>
#include <type_traits>
#include <utility>
#include <vector>

// ---- detail/checked_options.hpp
// Every check of client_options, in one place: made by whatever takes the
// options (a client's core, each transport), so that the blocking and the
// asynchronous client refuse the same options with the same words.

#include <string>

#include <openssl/x509.h>


namespace webhooksio::detail {

// The base URL's parts, or the usage error that names what is wrong: the
// base URL, a CR, LF or NUL in the User-Agent suffix or the proxy options,
// the proxy's port, a ca_bundle_pem without a certificate.
WEBHOOKSIO_DECL result<base_url> check_client_options(const client_options& options);

// A certificate store holding every certificate of `pem`; null when none.
WEBHOOKSIO_DECL X509_STORE* store_from_pem(const std::string& pem);

}  // namespace webhooksio::detail

#if WEBHOOKSIO_DEFINITIONS
// ---- impl/checked_options.ipp
// Definitions for detail/checked_options.hpp.

#include <memory>

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>


namespace webhooksio::detail {

WEBHOOKSIO_DECL X509_STORE* store_from_pem(const std::string& pem) {
    std::unique_ptr<BIO, decltype(&BIO_free)> in(BIO_new_mem_buf(pem.data(), int(pem.size())), &BIO_free);
    X509_STORE* store = X509_STORE_new();
    int added = 0;
    while (X509* cert = PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr)) {
        added += X509_STORE_add_cert(store, cert);
        X509_free(cert);
    }
    if (added == 0) {
        X509_STORE_free(store);
        return nullptr;
    }
    return store;
}

WEBHOOKSIO_DECL result<base_url> check_client_options(const client_options& options) {
    if (has_control_line_break(options.user_agent_suffix))
        return error::usage("webhooksio: user_agent_suffix holds a CR, LF or NUL character");
    const proxy_options& proxy = options.proxy;
    if (!proxy.host.empty()) {
        if (proxy.port <= 0 || proxy.port > 65535) return error::usage("webhooksio: proxy.port must be from 1 to 65535");
        if (has_control_line_break(proxy.host) || has_control_line_break(proxy.username) ||
            has_control_line_break(proxy.password))
            return error::usage("webhooksio: the proxy options hold a CR, LF or NUL character");
    }
    if (!options.ca_bundle_pem.empty()) {
        X509_STORE* store = store_from_pem(options.ca_bundle_pem);
        if (!store) return error::usage("webhooksio: ca_bundle_pem holds no PEM certificate");
        X509_STORE_free(store);
    }
    return parse_base_url(options.base_url);
}

}  // namespace webhooksio::detail
#endif

namespace webhooksio::detail {

WEBHOOKSIO_DECL bool has_control_line_break(std::string_view s) {
    // One pass (find_first_of would search its set for every character).
    for (char c : s)
        if (c == '\r' || c == '\n' || c == '\0') return true;
    return false;
}

WEBHOOKSIO_DECL result<request_context> make_request_context(std::string api_key,
                                                             const client_options& options) {
    if (has_control_line_break(api_key))
        return error::usage("webhooksio: the API key holds a CR, LF or NUL character");
    auto url = check_client_options(options);
    if (!url) return std::move(url).error();

    request_context context;
    context.host = url->host;
    context.port = url->port;
    context.path_prefix = url->path;
    context.token_in_query = options.token_in_query;
    std::string agent = std::string("webhooksio-cpp/") + version;
    if (!options.user_agent_suffix.empty()) agent += ' ' + options.user_agent_suffix;
    if (!options.token_in_query) context.headers.emplace_back("Authorization", "Bearer " + api_key);
    context.headers.emplace_back("Accept", "application/json");
    context.headers.emplace_back("User-Agent", std::move(agent));
    context.api_key = std::move(api_key);
    return context;
}

WEBHOOKSIO_DECL std::string describe(const call_spec& call) {
    return "webhooksio: " + std::string(call.endpoint) + " (" + std::string(to_string(call.method)) + ' ' +
           std::string(call.route) + "): ";
}

// Diagnostics that name the call, with `what` after the call's description.
inline diagnostics call_diagnostics(const call_spec& call, std::string what) {
    diagnostics details;
    details.message = describe(call) + what;
    details.endpoint = call.endpoint;
    details.route = call.route;
    return details;
}

WEBHOOKSIO_DECL error call_usage_error(const call_spec& call, std::string what) {
    return {errc::usage, call_diagnostics(call, std::move(what))};
}

WEBHOOKSIO_DECL void append_query(query_writer& query, const option_values& options) {
    for (const field& f : options.typed)
        visit(f, [&](const auto& value) { append_query_pair(query, f.name, value); });
    if (!has_extras(options)) return;
    for (const auto& entry : *options.extra) {
        const std::string_view key = entry.key();
        if (entry.value().is_null()) continue;
        if (std::ranges::any_of(options.typed, [&](const field& f) { return f.name == key && value_of(f); })) continue;
        append_query_value(query.key(key), entry.value());
    }
}

// The body of a call that sends one: the webhook of a gateway call, or the
// options as a JSON object.
inline void put_body(http_request& request, const call_spec& call, const option_values& options) {
    const webhook_parts& w = options.webhook;
    std::string content_type = "application/json";
    if (w.payload && w.payload->has_value()) {
        request.body = boost::json::serialize(**w.payload);
    } else if (w.raw_body && w.raw_body->has_value()) {
        request.body = **w.raw_body;
        content_type = w.content_type->empty() ? "text/plain" : *w.content_type;
    } else if (!options.extra || options.extra->empty()) {
        request.body = fields_json(options.typed);  // typed options alone: no object to build
    } else {
        boost::json::object body = to_object(options);
        join_lists(body, call);
        request.body = boost::json::serialize(body);
    }
    request.headers.emplace_back("Content-Type", std::move(content_type));
    if (w.headers) request.headers.insert(request.headers.end(), w.headers->begin(), w.headers->end());
}

WEBHOOKSIO_DECL error build_request(http_request& request, const request_context& context, const call_spec& call,
                                    std::span<const std::string_view> ids, const option_values& options) {
    // Encoding keeps every other ID inside its own path segment; these few
    // would still change the route (a dot segment is resolved by servers).
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::string_view id = ids[i];
        // "", "." or "..": at most two characters, all dots (one test for most IDs).
        const bool dot_segment = id.size() <= 2 && std::ranges::all_of(id, [](char c) { return c == '.'; });
        if (dot_segment || id.find('\0') != std::string_view::npos)
            return call_usage_error(call, "ID :" + std::string(call.placeholders[i]) +
                                              " is empty, \".\", \"..\" or holds a NUL character");
    }
    if (std::string missing = missing_options(call, options); !missing.empty())
        return call_usage_error(call, "missing required option(s): " + missing);
    if (std::string_view name = first_option_not_utf8(options); !name.empty())
        return call_usage_error(call, "option " + redacted(std::string(name), context.api_key) +
                                          " holds text that is not valid UTF-8");
    if (std::string_view name = bad_list_option(call, options); !name.empty())
        return call_usage_error(call, "option " + redacted(std::string(name), context.api_key) +
                                          " is a comma-delimited list: its items must be non-empty strings "
                                          "without a comma");
    if (context.token_in_query && options.extra && options.extra->contains("_token"))
        return call_usage_error(call, "option _token is refused: with token_in_query, _token carries the API key");
    if (options.webhook.payload)  // a gateway call's (webhook_problem's string is not free)
        if (std::string problem = webhook_problem(options); !problem.empty())
            return call_usage_error(call, redacted(std::move(problem), context.api_key));

    request.method = call.method;
    request.headers = context.headers;
    request.target.reserve(context.path_prefix.size() + call.route.size() + 64);
    if (!context.path_prefix.empty()) request.target = context.path_prefix;  // most base URLs have no path
    append_expanded_route(request.target, call.literal_runs, ids);
    query_writer query{request.target};
    if (options_in_query(call.method)) append_query(query, options);
    else put_body(request, call, options);
    if (context.token_in_query) append_percent_encoded(query.plain_key("_token"), context.api_key);
    return {};
}

WEBHOOKSIO_DECL result<http_request> build_request(const request_context& context, const call_spec& call,
                                                   std::span<const std::string_view> ids,
                                                   const option_values& options) {
    http_request request;
    if (error problem = build_request(request, context, call, ids, options)) return problem;
    return request;
}

}  // namespace webhooksio::detail
// ---- impl/decode.ipp
// Definitions for detail/request.hpp: a call's answer (or failure) decoded
// into its result.

#include <string>
#include <string_view>
#include <utility>

namespace webhooksio::detail {

// The API's own words about an error, when its JSON body has them.
inline std::string api_message(const boost::json::value& body) {
    if (const auto* object = body.if_object()) {
        for (std::string_view key : {"message", "error", "error_message"}) {
            if (auto it = object->find(key); it != object->end() && it->value().is_string())
                return std::string(it->value().get_string());
        }
    }
    return {};
}

inline boost::json::value parse_or_null(std::string_view text) {
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(text, ec);
    return ec ? boost::json::value() : v;
}

// The transport's failure, told as this call's: its message (key redacted)
// after the call's description, and the server it tried.
inline error transport_failed(const request_context& context, const call_spec& call, const error& failure) {
    diagnostics details = call_diagnostics(call, redacted(failure.what(), context.api_key));
    details.failure = failure.diagnostics().failure;
    details.host = context.host;
    details.port = context.port;
    return {failure.code(), std::move(details)};
}

// What a non-2xx answer amounts to. Each form of the body is redacted once,
// from the text as it came: the mark itself could hold the key ("red" in
// "[redacted]").
inline error status_failed(const request_context& context, const call_spec& call, http_response& answer) {
    diagnostics details = call_diagnostics(call, "HTTP " + std::to_string(answer.status));
    details.status = answer.status;
    details.body = parse_or_null(answer.body);
    const bool echoed = redact_json(details.body, context.api_key);
    // An echo the text can't show (JSON-escaped) leaves the raw body as the
    // redacted JSON.
    details.raw_body = echoed ? boost::json::serialize(details.body) : redacted(std::move(answer.body), context.api_key);
    if (std::string said = api_message(details.body); !said.empty()) details.message += ": " + said;
    details.headers = std::move(answer.headers);
    return {errc_of_status(answer.status), std::move(details)};
}

// A 2xx answer whose body is not JSON.
inline error undecodable(const request_context& context, const call_spec& call, http_response& answer,
                         const boost::system::error_code& why) {
    diagnostics details = call_diagnostics(call, "HTTP " + std::to_string(answer.status) +
                                                     " with a body that is not JSON (" + why.message() + ')');
    details.status = answer.status;
    details.raw_body = redacted(std::move(answer.body), context.api_key);
    details.headers = std::move(answer.headers);
    return {errc::invalid_response, std::move(details)};
}

WEBHOOKSIO_DECL boost::json::value decode_body(const request_context& context, const call_spec& call,
                                               result<http_response>& sent, error& failure) {
    const bool answered = sent && sent->status >= 200 && sent->status < 300;
    if (!sent) failure = transport_failed(context, call, sent.error());
    else if (!answered) failure = status_failed(context, call, *sent);
    // Parsed straight into the value returned (both sides are prvalues):
    // assigning a boost::json::value costs a swap and a destruction.
    boost::system::error_code ec;
    boost::json::value body =
        !answered || sent->body.empty() ? boost::json::value() : boost::json::parse(sent->body, ec);
    if (ec) failure = undecodable(context, call, *sent, ec);
    return body;
}

WEBHOOKSIO_DECL result<response> decode_response(const request_context& context, const call_spec& call,
                                                 result<http_response> sent) {
    error failure;
    boost::json::value body = decode_body(context, call, sent, failure);
    if (failure) return failure;
    return response{sent->status, std::move(sent->headers), std::move(body)};
}

}  // namespace webhooksio::detail
#endif

namespace webhooksio::detail {

// "120" (seconds) or an IMF-fixdate such as "Fri, 27 Nov 2026 12:00:00 GMT",
// as a wait from `now`; nullopt when it is neither.
WEBHOOKSIO_DECL std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                                          std::chrono::system_clock::time_point now);

// Whether the outcome of an attempt with `method` may be tried again.
WEBHOOKSIO_DECL bool retryable(http_method method, const result<http_response>& outcome);

// The retry part of client_options, and the loop that applies it.
class retry_policy {
public:
    WEBHOOKSIO_DECL explicit retry_policy(const client_options& options);

    // The wait before retry number `retry` (1 for the first).
    WEBHOOKSIO_DECL std::chrono::milliseconds backoff(int retry, const result<http_response>& outcome) const;

    // One attempt, for a loop of any kind (this one's run(), or a timer-driven
    // asynchronous one): before_attempt() tells the hooks it starts;
    // after_attempt() tells them how it ended and gives the wait before the
    // next attempt, or nullopt when `outcome` is final (also when the wait
    // would end past `deadline`). `elapsed` is only read when times_attempts().
    WEBHOOKSIO_DECL void before_attempt(const call_spec& call, int attempt) const;
    WEBHOOKSIO_DECL std::optional<std::chrono::milliseconds> after_attempt(
        const call_spec& call, int attempt, const result<http_response>& outcome, std::chrono::nanoseconds elapsed,
        std::string_view api_key, std::chrono::steady_clock::time_point deadline) const;
    bool times_attempts() const noexcept { return static_cast<bool>(hooks_.after_response); }

    // Sends `request` through `transport` until it succeeds, fails for good
    // or the retries run out, sleeping between attempts; total_timeout from
    // now is its deadline (set in `request`, which is taken by reference so
    // that a call moves its request nowhere).
    WEBHOOKSIO_DECL result<http_response> run(const call_spec& call, http_request& request,
                                              std::string_view api_key, transport_ref transport) const;

private:
    int max_retries_;
    std::chrono::milliseconds initial_delay_, max_delay_, retry_after_limit_, total_timeout_;
    std::function<void(std::chrono::milliseconds)> sleep_;
    call_hooks hooks_;
};

}  // namespace webhooksio::detail

#if WEBHOOKSIO_DEFINITIONS
// ---- impl/retry.ipp
// Definitions for detail/retry.hpp.

#include <algorithm>
#include <charconv>
#include <random>
#include <thread>

namespace webhooksio::detail {

WEBHOOKSIO_DECL std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                                          std::chrono::system_clock::time_point now) {
    using namespace std::chrono;
    auto number = [&](std::string_view text, auto& out) {
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
        return ec == std::errc{} && end == text.data() + text.size();
    };
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);

    // Capped at ~31 years, so that no computation below can overflow.
    constexpr long long longest = 1'000'000'000;
    if (long long s = 0; number(value, s)) {
        if (s < 0) return std::nullopt;
        return milliseconds(std::min(s, longest) * 1000);
    }
    // "Fri, 27 Nov 2026 12:00:00 GMT": fixed widths after the comma.
    auto comma = value.find(", ");
    if (comma == std::string_view::npos) return std::nullopt;
    std::string_view d = value.substr(comma + 2);
    if (d.size() != 24 || d[2] != ' ' || d[6] != ' ' || d[11] != ' ' || d[14] != ':' || d[17] != ':' ||
        d.substr(20) != " GMT")
        return std::nullopt;
    constexpr std::string_view months = "JanFebMarAprMayJunJulAugSepOctNovDec";
    auto month = months.find(d.substr(3, 3));
    unsigned day = 0, hour = 0, minute = 0, second = 0;
    int year = 0;
    if (month == std::string_view::npos || month % 3 != 0 || !number(d.substr(0, 2), day) ||
        !number(d.substr(7, 4), year) || !number(d.substr(12, 2), hour) || !number(d.substr(15, 2), minute) ||
        !number(d.substr(18, 2), second) || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    const year_month_day date{std::chrono::year(year), std::chrono::month(unsigned(month / 3 + 1)), std::chrono::day(day)};
    if (!date.ok()) return std::nullopt;
    // In seconds: system_clock's nanoseconds end in 2262.
    const sys_seconds at = sys_days(date) + hours(hour) + minutes(minute) + seconds(second);
    const sys_seconds from = floor<seconds>(now);
    return at > from ? milliseconds(std::min<long long>((at - from).count(), longest) * 1000) : milliseconds(0);
}

WEBHOOKSIO_DECL bool retryable(http_method method, const result<http_response>& outcome) {
    if (!outcome) {
        switch (outcome.error().diagnostics().failure) {
            case transport_failure::connect: return true;  // nothing was sent
            case transport_failure::timeout:
            case transport_failure::read:
            case transport_failure::write: return is_idempotent(method);
            default: return false;  // TLS, refused body, ...: trying again won't help
        }
    }
    const int status = outcome->status;
    return (status == 429 || status == 502 || status == 503 || status == 504) && is_idempotent(method);
}

WEBHOOKSIO_DECL retry_policy::retry_policy(const client_options& options)
    : max_retries_(std::max(0, options.max_retries)),
      initial_delay_(options.retry_initial_delay),
      max_delay_(options.retry_max_delay),
      retry_after_limit_(options.retry_after_limit),
      total_timeout_(options.total_timeout),
      sleep_(options.sleep),
      hooks_(options.hooks) {}

WEBHOOKSIO_DECL std::chrono::milliseconds retry_policy::backoff(int retry, const result<http_response>& outcome) const {
    if (outcome) {
        if (auto after = parse_retry_after(find_header(outcome->headers, "Retry-After"),
                                           std::chrono::system_clock::now()))
            return std::min(*after, retry_after_limit_);
    }
    auto delay = initial_delay_;
    for (int i = 1; i < retry && delay < max_delay_; ++i) delay *= 2;
    delay = std::min(delay, max_delay_);
    // Jitter spreads out the clients that failed together.
    thread_local std::minstd_rand random{std::random_device{}()};
    std::uniform_int_distribution<long long> half_to_all(delay.count() / 2, delay.count());
    return std::chrono::milliseconds(half_to_all(random));
}

WEBHOOKSIO_DECL void retry_policy::before_attempt(const call_spec& call, int attempt) const {
    if (hooks_.before_request) hooks_.before_request({call.endpoint, call.method, call.route, attempt});
}

WEBHOOKSIO_DECL std::optional<std::chrono::milliseconds> retry_policy::after_attempt(
    const call_spec& call, int attempt, const result<http_response>& outcome, std::chrono::nanoseconds elapsed,
    std::string_view api_key, std::chrono::steady_clock::time_point deadline) const {
    auto wait = attempt <= max_retries_ && retryable(call.method, outcome) ? std::optional(backoff(attempt, outcome))
                                                                           : std::nullopt;
    // A wait that would end past the call's deadline is not made.
    if (wait && std::chrono::steady_clock::now() + *wait >= deadline) wait.reset();
    if (hooks_.after_response) {
        const std::string message = outcome ? std::string() : redacted(outcome.error().what(), api_key);
        hooks_.after_response({{call.endpoint, call.method, call.route, attempt}, outcome ? outcome->status : 0,
                               outcome.error().code(), outcome.error().diagnostics().failure, message, elapsed,
                               wait});
    }
    return wait;
}

WEBHOOKSIO_DECL result<http_response> retry_policy::run(const call_spec& call, http_request& request,
                                                        std::string_view api_key, transport_ref transport) const {
    if (total_timeout_.count() > 0) request.deadline = std::chrono::steady_clock::now() + total_timeout_;
    int attempt = 1;
    std::chrono::nanoseconds elapsed{0};
    auto send = [&] {
        before_attempt(call, attempt);
        // The clock is read only for a hook that will see the time.
        const bool timed = times_attempts();
        const auto start = timed ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point();
        result<http_response> sent = transport.send(request);
        if (timed) elapsed = std::chrono::steady_clock::now() - start;
        return sent;
    };
    // One variable for every attempt's outcome: the last one is returned
    // without a move (a retry's is move-assigned to it).
    result<http_response> outcome = send();
    while (const auto wait = after_attempt(call, attempt, outcome, elapsed, api_key, request.deadline)) {
        if (sleep_) sleep_(*wait);
        else std::this_thread::sleep_for(*wait);
        ++attempt;
        outcome = send();
    }
    return outcome;
}

}  // namespace webhooksio::detail
#endif

namespace webhooksio::detail {

class client_core {
public:
    // Throws usage_error for a key or options that can't make a request.
    WEBHOOKSIO_DECL client_core(std::string api_key, const client_options& options);

    // The request of a call with these IDs (in route order) and options, or
    // the usage error that keeps it from being sent.
    WEBHOOKSIO_DECL result<http_request> build(const call_spec& call, std::span<const std::string_view> ids,
                                               const option_values& options) const;

    // Builds the request of a call, sends it through `transport` with
    // retries and decodes the answer.
    WEBHOOKSIO_DECL result<response> call(const call_spec& call, std::span<const std::string_view> ids,
                                          const option_values& options, transport_ref transport) const;

    // The same for a call without a completion token: the JSON body, or the
    // typed exception.
    WEBHOOKSIO_DECL boost::json::value call_or_throw(const call_spec& call, std::span<const std::string_view> ids,
                                                     const option_values& options, transport_ref transport) const;

    const request_context& context() const noexcept { return context_; }
    const retry_policy& retries() const noexcept { return retry_; }

private:
    request_context context_;
    retry_policy retry_;
};

}  // namespace webhooksio::detail

#if WEBHOOKSIO_DEFINITIONS
// ---- impl/client_core.ipp
// Definitions for detail/client_core.hpp.

#include <utility>

namespace webhooksio::detail {

// A client made with a bad key or bad options throws at once.
inline request_context checked_context(std::string api_key, const client_options& options) {
    auto context = make_request_context(std::move(api_key), options);
    if (!context) throw_error(std::move(context).error());
    return std::move(*context);
}

WEBHOOKSIO_DECL client_core::client_core(std::string api_key, const client_options& options)
    : context_(checked_context(std::move(api_key), options)), retry_(options) {}

WEBHOOKSIO_DECL result<http_request> client_core::build(const call_spec& call, std::span<const std::string_view> ids,
                                                        const option_values& options) const {
    return build_request(context_, call, ids, options);
}

// call and call_or_throw build the request in place and hand the outcome on
// without a move: what a call costs beyond the network is mostly such copies.
WEBHOOKSIO_DECL result<response> client_core::call(const call_spec& call, std::span<const std::string_view> ids,
                                                   const option_values& options, transport_ref transport) const {
    http_request request;
    if (error problem = build_request(request, context_, call, ids, options)) return problem;
    return decode_response(context_, call, retry_.run(call, request, context_.api_key, transport));
}

WEBHOOKSIO_DECL boost::json::value client_core::call_or_throw(const call_spec& call,
                                                              std::span<const std::string_view> ids,
                                                              const option_values& options,
                                                              transport_ref transport) const {
    http_request request;
    if (error problem = build_request(request, context_, call, ids, options)) throw_error(std::move(problem));
    result<http_response> sent = retry_.run(call, request, context_.api_key, transport);
    error failure;
    boost::json::value body = decode_body(context_, call, sent, failure);
    if (failure) throw_error(std::move(failure));
    return body;
}

}  // namespace webhooksio::detail
#endif
// ---- detail/endpoint_ids.hpp
// What the clients' generic calls share, synchronous or asynchronous: the
// endpoint concept, and the IDs of a call as the strings its route takes.

#include <array>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <utility>

namespace webhooksio::detail {

// The IDs of a generic call as the strings the route takes, in order.
template <class... Ids>
std::array<std::string_view, sizeof...(Ids)> id_views(const std::tuple<Ids...>& ids) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<std::string_view, sizeof...(Ids)>{std::get<I>(ids).str_view()...};
    }(std::index_sequence_for<Ids...>{});
}

template <class E>
concept endpoint_type = requires {
    typename E::params;
    typename E::options;
    E::name;
    E::route;
    E::method;
};

}  // namespace webhooksio::detail
// ---- detail/named_methods.hpp
// The blocking client's named methods, written once for every endpoint of the
// table (WEBHOOKSIO_API_ENDPOINTS): create_bucket(account_id, options) and the
// rest. Each endpoint E gets a base class with one method, E(ids..., options),
// a single non-template function, so that a wrong argument is reported
// against its parameter: the compiler names the ID it expected, or the field
// of a misspelt designated initializer.

#include <array>
#include <span>
#include <string_view>
#include <tuple>


namespace webhooksio::detail {

// How a named method reaches its client's private `run`: a client befriends
// this one class rather than a base per endpoint.
struct named_access {
    template <class E, class Client, std::size_t N>
    static auto run(Client& client, const std::array<std::string_view, N>& ids, const typename E::options& options) {
        return client.template run<E>(std::span<const std::string_view>(ids), options);
    }
};

// What the named methods of Client return; each client says (client.hpp).
// Declared apart from the client, which is not yet complete when its bases,
// and so their methods' declarations, are made.
template <class Client>
struct named_result;

// E_method<Client> holds E(ids..., options = {}): the IDs E's route takes, in
// order, as their own types. Defined outside the class, so not inline: with
// WEBHOOKSIO_SEPARATE_COMPILATION a user's file can leave the default client's
// methods to the program's src.hpp file (extern template, client.hpp).
#define WEBHOOKSIO_DETAIL_NAMED_METHOD(E)                                                                      \
    template <class Client, class Ids = ::webhooksio::api::E::params>                                          \
    struct E##_method;                                                                                         \
    template <class Client, class... Ids>                                                                      \
    struct E##_method<Client, std::tuple<Ids...>> {                                                            \
        WEBHOOKSIO_NOINLINE typename named_result<Client>::type E(                                             \
            const Ids&... ids, const ::webhooksio::api::E::options& options = {});                             \
    };                                                                                                         \
    template <class Client, class... Ids>                                                                      \
    typename named_result<Client>::type E##_method<Client, std::tuple<Ids...>>::E(                             \
        const Ids&... ids, const ::webhooksio::api::E::options& options) {                                     \
        return named_access::run<::webhooksio::api::E>(                                                        \
            static_cast<Client&>(*this), std::array<std::string_view, sizeof...(Ids)>{ids.str_view()...},     \
            options);                                                                                          \
    }

WEBHOOKSIO_API_ENDPOINTS(WEBHOOKSIO_DETAIL_NAMED_METHOD)

// Every named method, as the bases of one class.
struct no_more_methods {};
#define WEBHOOKSIO_DETAIL_NAMED_BASE(E) E##_method<Client>,
template <class Client>
struct named_methods : WEBHOOKSIO_API_ENDPOINTS(WEBHOOKSIO_DETAIL_NAMED_BASE) no_more_methods {};

#undef WEBHOOKSIO_DETAIL_NAMED_BASE
#undef WEBHOOKSIO_DETAIL_NAMED_METHOD

}  // namespace webhooksio::detail
// ---- webhooksio/httplib_transport.hpp
// The default transport, over cpp-httplib's public API: HTTP and HTTPS,
// keep-alive connections reused from a pool (one per concurrent caller) when
// they are idle and open, TCP_NODELAY on, timeouts and the call's deadline,
// proxy, CA certificates and limits on the response
// (detail/httplib_connection.hpp).

#include <memory>


namespace webhooksio {

class httplib_transport {
public:
    // Throws usage_error for options that detail/checked_options.hpp refuses
    // (a bad base_url or proxy, a ca_bundle_pem without a certificate): now,
    // not at the first call.
    WEBHOOKSIO_DECL explicit httplib_transport(client_options options);
    WEBHOOKSIO_DECL httplib_transport(httplib_transport&&) noexcept;
    WEBHOOKSIO_DECL httplib_transport& operator=(httplib_transport&&) noexcept;
    WEBHOOKSIO_DECL ~httplib_transport();

    WEBHOOKSIO_DECL result<http_response> send(const http_request& request);

private:
    // The connections and the exchanges over cpp-httplib
    // (detail/httplib_engine.hpp): behind a pointer, so that a program built
    // with WEBHOOKSIO_SEPARATE_COMPILATION never reads httplib.h outside its
    // one source file.
    class engine;
    std::unique_ptr<engine> engine_;
};

static_assert(transport<httplib_transport>);

}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
// ---- impl/httplib_transport.ipp
// Definitions for httplib_transport.hpp.

#include <cerrno>
#include <cstdint>

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <boost/asio/error.hpp>

// ---- detail/httplib_engine.hpp
// httplib_transport's engine: a pool of keep-alive connections over
// cpp-httplib's public API, and one exchange of a request and its answer.
// Read only by the library's definitions (impl/httplib_transport.ipp).

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <httplib.h>

// ---- detail/httplib_connection.hpp
// One keep-alive connection of httplib_transport, on cpp-httplib's public
// API only (every release from Debian 12's 0.11.4 on: docs/portability.md).
//
// httplib bounds each wait (its read and connect timeouts, set per exchange
// to what is left of the call's deadline) and, from 0.26 on, the length of
// every line and the number of header fields. What it does not bound on
// every release is watched from outside, by exchange_watch: the call's
// deadline, and the bytes the exchange has taken from the socket against
// what the response may hold. A violation closes the connection
// (ClientImpl::stop), which ends httplib's read at once. The response's
// header fields and body are checked by httplib's callbacks as they come.
//
// A reused connection is written to only when it is idle and open (no byte
// waits on it). TLS trusts only the given CAs and checks the host name with
// OpenSSL (RFC 6125). httplib opens a proxy's tunnel (CONNECT); the proxy's
// credentials go on that request only.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>


namespace webhooksio::detail {

// Why an exchange stopped, beyond what httplib::Error says.
enum class stop_reason : std::uint8_t {
    none,
    headers_too_large,  // over max_response_header_fields or max_response_header_bytes
    framing_too_large,  // chunk framing or trailers out of proportion to the body
    read_timeout,       // one wait took longer than read_timeout
    deadline,           // the call's total_timeout ran out
};

// Where a connection goes, computed once per transport.
struct connection_target {
    std::string host;  // without the brackets of an IPv6 literal
    int port = 0;
    bool https = false;
};

// One exchange as httplib's callbacks count it and exchange_watch sees it.
struct exchange_progress {
    std::chrono::steady_clock::time_point started;
    std::chrono::steady_clock::time_point deadline;
    std::size_t max_head_bytes = 0;
    std::uint64_t received_before = 0;      // the socket's byte count when the exchange began
    std::atomic<bool> head_done{false};     // the status line and header fields are in
    std::atomic<std::uint64_t> body{0};     // body bytes handed over (chunk framing removed)
    std::atomic<stop_reason> stopped{stop_reason::none};
};

class httplib_connection;

// Ends exchanges that overrun: one thread per transport, started at the
// first exchange, waking at the earliest deadline and, while an exchange
// has run longer than `look_after`, every `look_after` to count its bytes.
// Normal exchanges (shorter than that) cost it nothing but a lock.
class exchange_watch {
public:
    static constexpr std::chrono::milliseconds look_after{2};

    exchange_watch() = default;
    WEBHOOKSIO_DECL ~exchange_watch();
    exchange_watch(const exchange_watch&) = delete;
    exchange_watch& operator=(const exchange_watch&) = delete;

    // While registered, `connection` may be stopped from the watch's thread.
    WEBHOOKSIO_DECL void add(httplib_connection& connection);
    WEBHOOKSIO_DECL void remove(httplib_connection& connection);

private:
    WEBHOOKSIO_DECL void run();
    // Stops what overran; returns when to look next.
    WEBHOOKSIO_DECL std::chrono::steady_clock::time_point inspect(std::chrono::steady_clock::time_point now);

    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<httplib_connection*> watched_;
    std::chrono::steady_clock::time_point next_look_ = std::chrono::steady_clock::time_point::max();
    bool stopping_ = false;
    std::thread thread_;
};

// httplib's plain (ClientImpl) or TLS (SSLClient) client, configured once,
// and what its callbacks record.
class httplib_connection {
public:
    WEBHOOKSIO_DECL httplib_connection(const client_options& options, const connection_target& target);
    httplib_connection(const httplib_connection&) = delete;
    httplib_connection& operator=(const httplib_connection&) = delete;

    httplib::ClientImpl& client() noexcept { return *client_; }

    // Sets the timeouts for an exchange that ends by `deadline`; when the
    // connection served before and is no longer idle and open, closes it,
    // so that httplib opens a new one (nothing is written to it).
    WEBHOOKSIO_DECL void prepare(const client_options& options, std::chrono::steady_clock::time_point deadline);

    // After a successful exchange: notes whether httplib read past the
    // response (`body` bytes), which makes the connection unfit for another.
    WEBHOOKSIO_DECL void finish(const httplib::Response& response, std::size_t body);

    // Headers every request on this connection carries (a plain HTTP
    // proxy's credentials).
    const httplib::Headers& extra_headers() const noexcept { return extra_headers_; }

    // The current exchange.
    exchange_progress progress;
    // For TLS, the first reason OpenSSL gave for refusing the server's certificate.
    std::string tls_refusal;

    // exchange_watch's look: stops the exchange when it is past its deadline
    // or has read more than its response may hold. From the watch's thread.
    WEBHOOKSIO_DECL void inspect(std::chrono::steady_clock::time_point now);

    // From OpenSSL's callback: the TLS session of the current socket.
    void on_handshake(SSL* session) noexcept { session_ = session; }

private:
    WEBHOOKSIO_DECL void on_new_socket(int socket);
    WEBHOOKSIO_DECL void configure_tls(SSL_CTX* ctx, const client_options& options);
    WEBHOOKSIO_DECL long write_headers(httplib::Stream& stream, httplib::Headers& headers);
    WEBHOOKSIO_DECL std::uint64_t consumed() const;
    WEBHOOKSIO_DECL void stop(stop_reason why);

    template <class Client>
    void configure(Client& client, const client_options& options, const connection_target& target);

    std::unique_ptr<httplib::ClientImpl> client_;
    httplib::Headers extra_headers_;
    std::atomic<int> socket_{-1};         // the socket httplib opened last
    SSL* session_ = nullptr;              // its TLS session
    bool leftover_ = false;               // the last exchange read past its response
    std::string connect_credentials_;     // for the proxy's CONNECT only
    std::atomic<bool> awaiting_connect_{false};  // the next request written is httplib's CONNECT
    std::string target_host_;
};

}  // namespace webhooksio::detail

#if WEBHOOKSIO_DEFINITIONS
// ---- impl/httplib_connection.ipp
// Definitions for detail/httplib_connection.hpp.

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <type_traits>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

// ---- detail/basic_credentials.hpp
// The value of a Basic Proxy-Authorization header, for both transports.

#include <string>

// ---- detail/base64.hpp
// Base64 through OpenSSL, for the proxy's Basic credentials and the webhook
// signatures: one encoder and one strict decoder.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace webhooksio::detail {

// OpenSSL's base64 of `bytes`, padded.
inline std::string base64(const unsigned char* bytes, std::size_t size) {
    std::string out(4 * ((size + 2) / 3), '\0');
    // EVP_EncodeBlock writes a NUL after the text: room for it, then drop it.
    out.resize(out.size() + 1);
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes, static_cast<int>(size));
    out.resize(static_cast<std::size_t>(written));
    return out;
}

// The bytes of standard base64, its padding optional; nothing when `text` is
// not base64. OpenSSL decodes; this first refuses what it would let pass
// (whitespace, a length that is not a multiple of 4), and takes off the
// zero bytes it returns for the padding.
inline std::optional<std::string> from_base64(std::string_view text) {
    for (int i = 0; i < 2 && text.ends_with('='); ++i) text.remove_suffix(1);
    const bool alphabet = std::ranges::all_of(text, [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    });
    if (!alphabet || text.size() % 4 == 1) return std::nullopt;
    const std::size_t padding = (4 - text.size() % 4) % 4;
    std::string padded(text);
    padded.append(padding, '=');
    std::string out(padded.size() / 4 * 3, '\0');
    const int decoded = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                        reinterpret_cast<const unsigned char*>(padded.data()),
                                        static_cast<int>(padded.size()));
    OPENSSL_cleanse(padded.data(), padded.size());
    if (decoded < 0) return std::nullopt;
    out.resize(static_cast<std::size_t>(decoded) - padding);
    return out;
}

inline std::string base64(std::string_view text) {
    return base64(reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

}  // namespace webhooksio::detail

namespace webhooksio::detail {

// "Basic " and "user:password" in base64. An empty password is a password:
// sent as given.
inline std::string basic_credentials(const std::string& username, const std::string& password) {
    return "Basic " + base64(username + ':' + password);
}

}  // namespace webhooksio::detail

namespace webhooksio::detail {

// The bytes a socket received since it opened (Linux's TCP_INFO
// tcpi_bytes_received, at a fixed offset of the kernel's structure: glibc's
// <netinet/tcp.h>, which httplib includes, declares an older, shorter one);
// 0 when the kernel does not say (before Linux 4.1).
inline std::uint64_t tcp_bytes_received(int socket) {
    constexpr std::size_t offset = 128;  // offsetof(struct tcp_info, tcpi_bytes_received) in <linux/tcp.h>
    unsigned char info[256] = {};
    socklen_t size = sizeof info;
    if (::getsockopt(socket, IPPROTO_TCP, TCP_INFO, info, &size) != 0 || size < offset + 8) return 0;
    std::uint64_t received = 0;
    std::memcpy(&received, info + offset, sizeof received);
    return received;
}

// Whether a connection that served before can take a request: no byte
// waits on it (an answer nobody asked for) and the server did not close it.
// For TLS, records that are not application data (a session ticket, say)
// don't count.
inline bool idle_and_open(int socket, SSL* ssl) {
    if (ssl && SSL_pending(ssl) > 0) return false;
    pollfd ready{socket, POLLIN, 0};
    if (::poll(&ready, 1, 0) == 0) return true;
    if (!ssl) return false;
    const int flags = ::fcntl(socket, F_GETFL);
    ::fcntl(socket, F_SETFL, flags | O_NONBLOCK);
    ERR_clear_error();
    char byte;
    const int n = SSL_peek(ssl, &byte, 1);
    const bool only_handshake = n <= 0 && SSL_get_error(ssl, n) == SSL_ERROR_WANT_READ;
    ERR_clear_error();
    ::fcntl(socket, F_SETFL, flags);
    return only_handshake;
}

// The size of `response` on the wire, when it had a Content-Length: its head
// written the usual way ("Name: value"), and its body; 0 otherwise.
inline std::uint64_t wire_size(const httplib::Response& response, std::size_t body) {
    if (!response.has_header("Content-Length")) return 0;
    std::uint64_t size = response.version.size() + 5 + response.reason.size() + 2 + 2 + body;
    for (const auto& [name, value] : response.headers) size += name.size() + 2 + value.size() + 2;
    return size;
}

// The options httplib's releases name differently.
template <class Client>
void send_paths_as_given(Client& client) {
    if constexpr (requires { client.set_path_encode(false); })
        client.set_path_encode(false);  // 0.2x on
    else
        client.set_url_encode(false);
}

template <class Client>
void bound_whole_exchange(Client& client, std::chrono::milliseconds left) {
    // From 0.19 on httplib ends the exchange itself; exchange_watch does on
    // every release.
    if constexpr (requires { client.set_max_timeout(left); }) client.set_max_timeout(left);
}

template <class Client>
SSL_CTX* tls_context_of(Client& client) {
    if constexpr (requires { client.ssl_context(); })
        return client.ssl_context();
    else
        return static_cast<SSL_CTX*>(client.tls_context());  // 0.3x on, OpenSSL backend
}

// ---- exchange_watch ----

WEBHOOKSIO_DECL exchange_watch::~exchange_watch() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        changed_.notify_all();
    }
    if (thread_.joinable()) thread_.join();
}

WEBHOOKSIO_DECL void exchange_watch::add(httplib_connection& connection) {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
    watched_.push_back(&connection);
    // A watch that looks periodically will see it in time: no wake-up.
    if (next_look_ == std::chrono::steady_clock::time_point::max()) changed_.notify_all();
}

WEBHOOKSIO_DECL void exchange_watch::remove(httplib_connection& connection) {
    std::lock_guard lock(mutex_);
    auto at = std::find(watched_.begin(), watched_.end(), &connection);
    if (at == watched_.end()) return;
    *at = watched_.back();
    watched_.pop_back();
}

WEBHOOKSIO_DECL void exchange_watch::run() {
    std::unique_lock lock(mutex_);
    // The watch keeps looking for a while after the last exchange, so that
    // steady traffic never has to wake it.
    int idle_looks = 0;
    while (!stopping_) {
        const auto now = std::chrono::steady_clock::now();
        idle_looks = watched_.empty() ? idle_looks + 1 : 0;
        next_look_ = idle_looks > 50 ? std::chrono::steady_clock::time_point::max() : inspect(now);
        changed_.wait_until(lock, next_look_);
    }
}

WEBHOOKSIO_DECL std::chrono::steady_clock::time_point exchange_watch::inspect(std::chrono::steady_clock::time_point now) {
    auto next = now + look_after;
    for (httplib_connection* connection : watched_) {
        connection->inspect(now);
        next = std::min(next, connection->progress.deadline);
    }
    return next;
}

// ---- httplib_connection ----

// Records the TLS session of a connection once its handshake is done, so
// that prepare() can look into what OpenSSL holds.
inline void record_session(const SSL* ssl, int where, int) {
    if (!(where & SSL_CB_HANDSHAKE_DONE)) return;
    if (auto* connection = static_cast<httplib_connection*>(SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl))))
        connection->on_handshake(const_cast<SSL*>(ssl));
}

// Keeps the first reason OpenSSL gives for refusing the server's certificate.
inline int record_refusal(int ok, X509_STORE_CTX* store) {
    if (ok) return ok;
    auto* ssl = static_cast<SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    auto* connection = static_cast<httplib_connection*>(SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl)));
    if (connection && connection->tls_refusal.empty())
        connection->tls_refusal = X509_verify_cert_error_string(X509_STORE_CTX_get_error(store));
    return ok;
}

WEBHOOKSIO_DECL httplib_connection::httplib_connection(const client_options& options, const connection_target& target)
    : target_host_(target.host) {
    if (target.https) {
        auto tls = std::make_unique<httplib::SSLClient>(target.host, target.port);
        configure(*tls, options, target);
        client_ = std::move(tls);
    } else {
        auto plain = std::make_unique<httplib::ClientImpl>(target.host, target.port);
        configure(*plain, options, target);
        client_ = std::move(plain);
    }
}

template <class Client>
void httplib_connection::configure(Client& client, const client_options& options, const connection_target& target) {
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);
    client.set_socket_options([this](auto socket) { on_new_socket(int(socket)); });
    // Targets arrive percent-encoded already; don't encode them twice.
    send_paths_as_given(client);

    const proxy_options& proxy = options.proxy;
    if (!proxy.host.empty()) {
        client.set_proxy(proxy.host, proxy.port);
        if (!proxy.username.empty()) {
            const std::string credentials = basic_credentials(proxy.username, proxy.password);
            if (!target.https) {
                // A plain request goes to the proxy itself, in absolute form,
                // with the credentials.
                extra_headers_.emplace("Proxy-Authorization", credentials);
            } else if constexpr (requires { client.set_header_writer({}); }) {
                // httplib would put them on every request, inside the tunnel
                // too: they go on its CONNECT only, the first request written
                // on a new socket.
                connect_credentials_ = credentials;
                client.set_header_writer(
                    [this](httplib::Stream& stream, httplib::Headers& headers) { return write_headers(stream, headers); });
            } else {
                // Before 0.14 (no header writer): httplib's own basic
                // authentication, which needs a password. A field of the
                // request's own keeps httplib from adding the credentials
                // inside the tunnel: the server sees it empty.
                client.set_proxy_basic_auth(proxy.username, proxy.password);
                if (!proxy.password.empty()) extra_headers_.emplace("Proxy-Authorization", "");
            }
        }
    }

    if constexpr (std::is_same_v<Client, httplib::SSLClient>) {
        // httplib's own checks are replaced by configure_tls: its CA loading
        // adds the system's CAs to the given ones, and its host name check
        // differs between releases.
        client.enable_server_certificate_verification(false);
        SSL_CTX* context = tls_context_of(client);
        if (!context) return;
        SSL_CTX_set_app_data(context, this);
        SSL_CTX_set_info_callback(context, record_session);
        if (options.verify_tls) configure_tls(context, options);
    }
}

WEBHOOKSIO_DECL void httplib_connection::on_new_socket(int socket) {
    socket_ = socket;
    session_ = nullptr;
    if (!connect_credentials_.empty()) awaiting_connect_ = true;
}

WEBHOOKSIO_DECL long httplib_connection::write_headers(httplib::Stream& stream, httplib::Headers& headers) {
    std::string out;
    for (const auto& [name, value] : headers) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    if (awaiting_connect_.exchange(false)) out += "Proxy-Authorization: " + connect_credentials_ + "\r\n";
    out += "\r\n";
    return long(stream.write(out.data(), out.size()));
}

WEBHOOKSIO_DECL void httplib_connection::prepare(const client_options& options,
                                                 std::chrono::steady_clock::time_point deadline) {
    const auto now = std::chrono::steady_clock::now();
    const auto left = std::max(std::chrono::ceil<std::chrono::milliseconds>(deadline - now), std::chrono::milliseconds(1));
    // No wait of httplib's may outlast the call.
    client_->set_connection_timeout(std::min(options.connect_timeout, left));
    client_->set_read_timeout(std::min(options.read_timeout, left));
    client_->set_write_timeout(std::min(options.read_timeout, left));
    bound_whole_exchange(*client_, left);

    // An open socket served the exchange before this one.
    if (client_->is_socket_open() && (leftover_ || !idle_and_open(socket_, session_)))
        client_->stop();  // httplib opens a new one
    const bool reused = client_->is_socket_open() != 0;
    leftover_ = false;

    progress.started = now;
    progress.deadline = deadline;
    progress.max_head_bytes = options.max_response_header_bytes;
    progress.received_before = reused ? tcp_bytes_received(socket_) : 0;
    progress.head_done = false;
    progress.body = 0;
    progress.stopped = stop_reason::none;
    tls_refusal.clear();
}

WEBHOOKSIO_DECL void httplib_connection::finish(const httplib::Response& response, std::size_t body) {
    // Over plain TCP, httplib's reads are buffered: bytes that followed the
    // response were read with it, and the next exchange must not trust the
    // socket. (Over TLS, OpenSSL keeps them: SSL_pending sees them.)
    if (session_ || !client_->is_socket_open()) return;
    const std::uint64_t expected = wire_size(response, body);
    leftover_ = expected != 0 && consumed() > expected;
}

WEBHOOKSIO_DECL std::uint64_t httplib_connection::consumed() const {
    const int socket = socket_;
    if (socket < 0) return 0;
    const std::uint64_t received = tcp_bytes_received(socket);
    int waiting = 0;
    if (::ioctl(socket, FIONREAD, &waiting) != 0) waiting = 0;
    const std::uint64_t taken = received - std::min<std::uint64_t>(received, std::uint64_t(waiting));
    return taken - std::min(taken, progress.received_before);
}

WEBHOOKSIO_DECL void httplib_connection::inspect(std::chrono::steady_clock::time_point now) {
    if (progress.stopped != stop_reason::none) return;
    if (now >= progress.deadline) return stop(stop_reason::deadline);
    if (now - progress.started < exchange_watch::look_after) return;
    // What the response may take from the socket: its head, then chunk
    // framing and trailers in proportion to its body (a chunk of one byte
    // takes six), with room for TLS records and a CONNECT answer.
    constexpr std::uint64_t room = 64 * 1024, framing_per_body_byte = 8;
    const bool head_done = progress.head_done;
    const std::uint64_t allowed =
        progress.max_head_bytes + room + (head_done ? framing_per_body_byte * progress.body.load() : 0);
    if (consumed() > allowed) stop(head_done ? stop_reason::framing_too_large : stop_reason::headers_too_large);
}

WEBHOOKSIO_DECL void httplib_connection::stop(stop_reason why) {
    progress.stopped = why;
    client_->stop();  // shuts the socket down under httplib's read: it fails at once
}

WEBHOOKSIO_DECL void httplib_connection::configure_tls(SSL_CTX* ctx, const client_options& options) {
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, record_refusal);
    // The given CAs replace the system's.
    if (!options.ca_bundle_pem.empty() || !options.ca_bundle_path.empty()) {
        X509_STORE* store = options.ca_bundle_pem.empty() ? X509_STORE_new() : store_from_pem(options.ca_bundle_pem);
        if (!options.ca_bundle_path.empty()) X509_STORE_load_file(store, options.ca_bundle_path.c_str());
        SSL_CTX_set_cert_store(ctx, store);  // the context owns it
    } else {
        SSL_CTX_set_default_verify_paths(ctx);
    }
    // OpenSSL checks the name during the handshake (X509_check_host or
    // X509_check_ip_asc), per RFC 6125: the subject alternative names only,
    // a wildcard only as the whole left-most label of a name with at least
    // two more labels.
    X509_VERIFY_PARAM* param = SSL_CTX_get0_param(ctx);
    X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS | X509_CHECK_FLAG_NEVER_CHECK_SUBJECT);
    if (X509_VERIFY_PARAM_set1_ip_asc(param, target_host_.c_str()) != 1)
        X509_VERIFY_PARAM_set1_host(param, target_host_.c_str(), target_host_.size());
}

}  // namespace webhooksio::detail
#endif

namespace webhooksio {

class httplib_transport::engine {
public:
    // Throws usage_error for options that detail/checked_options.hpp refuses
    // (a bad base_url or proxy, a ca_bundle_pem without a certificate): now,
    // not at the first call.
    WEBHOOKSIO_DECL explicit engine(client_options options);

    WEBHOOKSIO_DECL result<http_response> send(const http_request& request);

private:
    struct outcome {
        std::optional<http_response> response;
        httplib::Error failure = httplib::Error::Success;
        detail::stop_reason stopped = detail::stop_reason::none;
        bool body_too_large = false;
        std::string tls_refusal;
    };

    WEBHOOKSIO_DECL outcome exchange(detail::httplib_connection& connection, const http_request& request);
    WEBHOOKSIO_DECL error failure(const outcome& failed) const;

    // Idle keep-alive connections. Only a connection that completed its
    // exchange goes back; a failed one is dropped with its socket.
    class pool {
    public:
        // A connection, and whether it served an exchange before.
        WEBHOOKSIO_DECL std::pair<std::unique_ptr<detail::httplib_connection>, bool> acquire(
            const engine& owner);
        WEBHOOKSIO_DECL void release(std::unique_ptr<detail::httplib_connection> connection);

        detail::exchange_watch watch;

    private:
        std::mutex mutex_;
        std::vector<std::unique_ptr<detail::httplib_connection>> idle_;
    };

    client_options options_;
    detail::connection_target target_;
    pool pool_;
};

}  // namespace webhooksio

namespace webhooksio {
namespace detail {

// The step at which httplib failed. `connect` means that no byte of the
// request was sent (retry.hpp relies on it): the connection was refused,
// unreachable or timed out.
inline transport_failure classify(httplib::Error e) {
    switch (e) {
        case httplib::Error::Connection:
        case httplib::Error::ConnectionTimeout: return transport_failure::connect;
        case httplib::Error::SSLConnection:
        case httplib::Error::SSLLoadingCerts:
        case httplib::Error::SSLServerVerification: return transport_failure::tls;
        case httplib::Error::Read: return transport_failure::read;
        case httplib::Error::Write: return transport_failure::write;
        default: return transport_failure::other;
    }
}

// httplib loses the system's reason for a failed connection, so one more
// connect (a failure path only, bounded by the connect timeout) asks the
// system: "connection refused" rather than "Connection".
inline boost::system::error_code why_no_connection(const std::string& host, int port,
                                                   std::chrono::milliseconds timeout) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0)
        return boost::asio::error::host_not_found;
    std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, &::freeaddrinfo);
    int error = 0;
    for (addrinfo* a = found; a; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        timeval limit{static_cast<time_t>(timeout.count() / 1000), static_cast<suseconds_t>(timeout.count() % 1000 * 1000)};
        ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
        error = ::connect(fd, a->ai_addr, a->ai_addrlen) == 0 ? 0 : errno;
        ::close(fd);
        if (error == 0) break;
    }
    if (error == 0) return make_error_code(errc::connection_failed);  // it answers now
    if (error == EINPROGRESS || error == EAGAIN) return make_error_code(errc::timed_out);
    return {error, boost::system::system_category()};
}

}  // namespace detail

WEBHOOKSIO_DECL httplib_transport::engine::engine(client_options options) : options_(std::move(options)) {
    auto url = detail::check_client_options(options_);
    if (!url) throw_error(std::move(url).error());
    target_ = {url->address(), url->port, url->scheme == "https"};  // httplib adds IPv6 brackets back in Host
}

WEBHOOKSIO_DECL result<http_response> httplib_transport::engine::send(const http_request& request) {
    auto [connection, reused] = pool_.acquire(*this);
    auto answer = exchange(*connection, request);
    // Once more, for an idempotent request on a reused connection that the
    // server closed while it sat idle, which the check before writing
    // (httplib_connection::prepare) can miss by a hair. httplib opens a new
    // connection (the failed socket is closed); not a failure of the call,
    // so not a retry.
    const bool closed_while_idle = !answer.response && reused && is_idempotent(request.method) &&
                                   answer.stopped == detail::stop_reason::none &&
                                   (answer.failure == httplib::Error::Read || answer.failure == httplib::Error::Write);
    if (closed_while_idle) answer = exchange(*connection, request);
    if (!answer.response) return failure(answer);
    pool_.release(std::move(connection));
    return std::move(*answer.response);
}

WEBHOOKSIO_DECL httplib_transport::engine::outcome httplib_transport::engine::exchange(detail::httplib_connection& connection,
                                                                       const http_request& request) {
    outcome result;
    if (std::chrono::steady_clock::now() >= request.deadline) {
        result.stopped = detail::stop_reason::deadline;
        return result;
    }
    connection.prepare(options_, request.deadline);
    detail::exchange_progress& progress = connection.progress;

    httplib::Request out;
    out.method = std::string(to_string(request.method));
    out.path = request.target;
    for (const auto& [name, value] : request.headers) out.headers.emplace(name, value);
    for (const auto& [name, value] : connection.extra_headers()) out.headers.emplace(name, value);
    out.body = request.body;

    // The head is checked once httplib has it, before any of the body is read.
    out.response_handler = [&progress, this](const httplib::Response& head) {
        std::size_t bytes = 0;
        for (const auto& [name, value] : head.headers) bytes += name.size() + value.size() + 4;
        if (head.headers.size() > options_.max_response_header_fields || bytes > options_.max_response_header_bytes) {
            progress.stopped = detail::stop_reason::headers_too_large;
            return false;
        }
        progress.head_done = true;
        return true;
    };
    // Read the body ourselves, so that an oversized one stops the read.
    struct reader {
        std::string body;
        std::size_t limit;
        detail::exchange_progress& progress;
        bool too_large = false;
    } read{{}, options_.max_response_body, progress};
    out.content_receiver = [r = &read](const char* data, std::size_t size, auto, auto total) {
        if (total > r->limit || r->body.size() + size > r->limit) {
            r->too_large = true;
            return false;
        }
        r->body.append(data, size);
        r->progress.body.fetch_add(size, std::memory_order_relaxed);
        return true;
    };

    httplib::Response in;
    pool_.watch.add(connection);
    // This overload of send() doesn't copy the request, as send(const Request&) does.
    const bool sent = connection.client().send(out, in, result.failure);
    pool_.watch.remove(connection);

    result.stopped = progress.stopped;
    result.body_too_large = read.too_large;
    result.tls_refusal = std::move(connection.tls_refusal);
    if (!sent && result.stopped == detail::stop_reason::none && !read.too_large) {
        // httplib says Read (or, from 0.2x, Timeout) for a wait that timed
        // out: one that lasted to the deadline, or at least read_timeout.
        const auto now = std::chrono::steady_clock::now();
        const auto step = detail::classify(result.failure);
        const bool waited = step == transport_failure::read || step == transport_failure::other;
        if (now >= request.deadline)
            result.stopped = detail::stop_reason::deadline;
        else if (waited && now - progress.started >= options_.read_timeout)
            result.stopped = detail::stop_reason::read_timeout;
    }
    if (!sent) return result;
    connection.finish(in, read.body.size());

    http_response& response = result.response.emplace();
    response.status = in.status;
    response.body = std::move(read.body);
    response.headers.reserve(in.headers.size());
    for (auto& [name, value] : in.headers) response.headers.emplace_back(name, std::move(value));
    return result;
}

// The one place where a failed exchange becomes an error.
WEBHOOKSIO_DECL error httplib_transport::engine::failure(const outcome& failed) const {
    const std::string server = target_.host + ':' + std::to_string(target_.port);
    auto ms = [](std::chrono::milliseconds d) { return std::to_string(d.count()) + " ms"; };
    switch (failed.stopped) {
        case detail::stop_reason::headers_too_large:
            return error::transport(errc::response_too_large, transport_failure::too_large,
                                    "the response's headers from " + server + " exceed max_response_header_fields (" +
                                        std::to_string(options_.max_response_header_fields) +
                                        ") or max_response_header_bytes (" +
                                        std::to_string(options_.max_response_header_bytes) + "); reading stopped");
        case detail::stop_reason::framing_too_large:
            return error::transport(errc::response_too_large, transport_failure::too_large,
                                    "the response from " + server +
                                        " sends chunk framing or trailers out of proportion to its body; reading stopped");
        case detail::stop_reason::deadline:
            return error::transport(errc::timed_out, transport_failure::timeout,
                                    "the call took longer than total_timeout (" + ms(options_.total_timeout) + ')');
        case detail::stop_reason::read_timeout:
            return error::transport(errc::timed_out, transport_failure::timeout,
                                    "no answer from " + server + " within read_timeout (" + ms(options_.read_timeout) +
                                        ')');
        default: break;
    }
    if (failed.body_too_large)
        return error::transport(errc::response_too_large, transport_failure::too_large,
                                "the response body from " + server + " is larger than max_response_body (" +
                                    std::to_string(options_.max_response_body) + " bytes); reading stopped");
    const transport_failure step = detail::classify(failed.failure);
    switch (step) {
        case transport_failure::connect: {
            const auto why = failed.failure == httplib::Error::ConnectionTimeout
                                 ? make_error_code(errc::timed_out)
                                 : detail::why_no_connection(target_.host, target_.port, options_.connect_timeout);
            return error::transport(why, step, "could not connect to " + server + ": " + why.message());
        }
        case transport_failure::tls: {
            std::string what = "TLS with " + server + " failed: " + httplib::to_string(failed.failure);
            if (!failed.tls_refusal.empty()) what += ": the server's certificate was refused: " + failed.tls_refusal;
            return error::transport(errc::tls_failed, step, std::move(what));
        }
        case transport_failure::write:
            return error::transport(errc::send_failed, step, "sending the request to " + server + " failed");
        default:
            return error::transport(errc::receive_failed, step,
                                    "the connection to " + server + " failed before a whole answer came");
    }
}

WEBHOOKSIO_DECL std::pair<std::unique_ptr<detail::httplib_connection>, bool> httplib_transport::engine::pool::acquire(
    const engine& owner) {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto connection = std::move(idle_.back());
            idle_.pop_back();
            return {std::move(connection), true};
        }
    }
    return {std::make_unique<detail::httplib_connection>(owner.options_, owner.target_), false};
}

WEBHOOKSIO_DECL void httplib_transport::engine::pool::release(std::unique_ptr<detail::httplib_connection> connection) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
}

WEBHOOKSIO_DECL httplib_transport::httplib_transport(client_options options)
    : engine_(std::make_unique<engine>(std::move(options))) {}
WEBHOOKSIO_DECL httplib_transport::httplib_transport(httplib_transport&&) noexcept = default;
WEBHOOKSIO_DECL httplib_transport& httplib_transport::operator=(httplib_transport&&) noexcept = default;
WEBHOOKSIO_DECL httplib_transport::~httplib_transport() = default;

WEBHOOKSIO_DECL result<http_response> httplib_transport::send(const http_request& request) {
    return engine_->send(request);
}

}  // namespace webhooksio
#endif
// ---- webhooksio/reflection.hpp
// The endpoint table at run time: every endpoint's name, summary, method,
// route, ID names and options, as plain data, for code that picks an
// endpoint by name (a command-line tool, a server, a test generator):
//
//     for (const reflection::endpoint_info& e : reflection::endpoints())
//         std::cout << e.name << ": " << to_string(e.method) << ' ' << e.route << '\n';
//     const reflection::endpoint_info* found = reflection::find_endpoint("get_bucket");
//     api.call(*found, std::vector<std::string>{"AC1", "BU1"}, {{"expand", true}});
//
// Everything here is made at compile time from the types of
// webhooksio::api, and only for a program that uses it: endpoints() and
// find_endpoint() are templates so that a file that never calls them doesn't
// compile the table's data.

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/mp11/list.hpp>


namespace webhooksio::reflection {

using webhooksio::option_info;
using webhooksio::option_kind;

// One endpoint of the table.
struct endpoint_info {
    std::string_view name;       // the C++ name: "get_bucket"
    std::string_view seed_name;  // the Node.js client's (or the API docs') name: "getBucket"
    std::string_view summary;
    http_method method;
    std::string_view route;  // "/v1/accounts/:account_id/buckets/:bucket_id"
    bool in_seed;            // one of the Node.js client's 77 calls
    std::span<const std::string_view> ids;           // the route's placeholder names, in order
    std::span<const std::string_view> literal_runs;  // the route's text around them: one more than ids
    std::span<const option_info> options;            // the options struct's members, in order
    std::span<const std::string_view> required;      // required options: "a", or "a|b" for one of a and b

    // Whether a call needs the API key: every route under /v1/accounts does;
    // the others (sign-up, login, health, plans, the request gateway) are public.
    constexpr bool needs_api_key() const noexcept { return route.starts_with("/v1/accounts"); }
};

}  // namespace webhooksio::reflection

namespace webhooksio::detail {

template <class E>
inline constexpr reflection::endpoint_info endpoint_info_of{
    E::name,          E::seed_name, E::summary, E::method, E::route, E::in_seed,
    placeholders_of<typename E::params>::value, literal_runs_of<E>, option_infos_of<E>, required_options_of<E>};

template <class... E>
constexpr std::array<reflection::endpoint_info, sizeof...(E)> endpoint_infos(boost::mp11::mp_list<E...>) {
    return {endpoint_info_of<E>...};
}

// What the request pipeline needs of an endpoint found at run time, or a
// usage error when `ids` IDs are not the number its route takes.
WEBHOOKSIO_DECL result<call_spec> spec_for(const reflection::endpoint_info& endpoint, std::size_t ids);

}  // namespace webhooksio::detail

namespace webhooksio::reflection {

// The endpoint type E's entry.
template <class E>
const endpoint_info& info_of() noexcept {
    return detail::endpoint_info_of<E>;
}

// Every endpoint, in the order of api::endpoints. (Table is a template
// parameter only so that nothing is compiled for a program that never calls it.)
template <class Table = api::endpoints>
std::span<const endpoint_info> endpoints() noexcept {
    static constexpr auto all = detail::endpoint_infos(Table{});
    return all;
}

// The endpoint with this C++ name, or nullptr.
template <class Table = api::endpoints>
const endpoint_info* find_endpoint(std::string_view name) noexcept {
    for (const endpoint_info& e : endpoints<Table>())
        if (e.name == name) return &e;
    return nullptr;
}

// The entries of endpoint.required that `options` leaves out (an option set
// to null counts as left out), as the client checks before it sends a call.
WEBHOOKSIO_DECL std::vector<std::string_view> missing_options(const endpoint_info& endpoint,
                                                              const boost::json::object& options);

// Puts option `option`, given as text, into `options` as a typed call would
// send it: "true"/"false" for a flag, digits for a number, "a,b" for a list,
// JSON text for a JSON document, anything for text. False, and `options`
// unchanged, when the text is not a value of the option's kind.
WEBHOOKSIO_DECL bool put_option(boost::json::object& options, const option_info& option, std::string_view text);

}  // namespace webhooksio::reflection

#if WEBHOOKSIO_DEFINITIONS
// ---- impl/reflection.ipp
// Definitions for reflection.hpp.

#include <charconv>
#include <optional>
#include <type_traits>


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
#endif
// ---- webhooksio/tokens.hpp
// The tokens of the blocking client: the last argument of a call says how
// its result comes back. Without one, a call returns the body's JSON or
// throws; with one:
//
//   webhooksio::nothrow          returns result<boost::json::value>
//   webhooksio::with_response    returns webhooksio::response (status, headers, body) or throws
//   nothrow | with_response      returns result<response>
//
// The blocking client runs each call on the caller's thread and starts no
// thread. Callbacks, futures, coroutines and every other Asio completion
// token are the asio_client's (<webhooksio/asio.hpp>; docs/migration.md).

#include <concepts>
#include <type_traits>

namespace webhooksio {

struct nothrow_t {
    explicit nothrow_t() = default;
};
inline constexpr nothrow_t nothrow{};

struct with_response_t {
    explicit with_response_t() = default;
};
inline constexpr with_response_t with_response{};

// `Delivery` (nothrow) of the whole response instead of its body.
template <class Delivery>
struct response_token {};

constexpr response_token<nothrow_t> operator|(nothrow_t, with_response_t) noexcept { return {}; }
constexpr response_token<nothrow_t> operator|(with_response_t, nothrow_t) noexcept { return {}; }

template <class T>
concept completion_token =
    std::same_as<std::remove_cvref_t<T>, nothrow_t> || std::same_as<std::remove_cvref_t<T>, with_response_t> ||
    std::same_as<std::remove_cvref_t<T>, response_token<nothrow_t>>;

}  // namespace webhooksio

namespace webhooksio {

template <transport Transport>
class basic_client;

namespace detail {
template <class Client, class Token>
class calls_with;

// What the named methods return (named_methods.hpp): a client's, the body's
// JSON; with(token)'s, what the token says (tokens.hpp).
template <transport Transport>
struct named_result<basic_client<Transport>> {
    using type = boost::json::value;
};
template <class Client>
struct named_result<calls_with<Client, nothrow_t>> {
    using type = result<boost::json::value>;
};
template <class Client>
struct named_result<calls_with<Client, with_response_t>> {
    using type = response;
};
template <class Client>
struct named_result<calls_with<Client, response_token<nothrow_t>>> {
    using type = result<response>;
};
}  // namespace detail

// A client of the API over a transport (see transport.hpp). Movable, not
// copyable; a moved-from client may only be destroyed or assigned to. Its
// named methods, one per endpoint (create_bucket(account_id, options)),
// come from its bases (detail/named_methods.hpp); with(token) gives the same
// methods returning what the token says.
template <transport Transport>
class basic_client : public detail::named_methods<basic_client<Transport>> {
public:
    // A client with the transport built from the options. Throws usage_error
    // for a bad key or base URL.
    explicit basic_client(std::string api_key, client_options options = {})
        requires std::constructible_from<Transport, client_options>
        : basic_client(std::move(api_key), options, Transport(options)) {}

    // A client over a transport of your own.
    basic_client(std::string api_key, const client_options& options, Transport transport)
        : state_(std::make_unique<state>(std::move(api_key), options, std::move(transport))) {}

    // The generic call: call<api::get_bucket>({account_id{"AC1"}, bucket_id{"BU1"}}, {.expand = true}).
    // Returns the response's JSON, or throws a webhooksio::exception.
    template <detail::endpoint_type E>
    WEBHOOKSIO_NOINLINE boost::json::value call(const typename E::params& ids,
                                                const typename E::options& options = {}) {
        return run<E>(detail::id_views(ids), options);
    }

    // The same with free-form options, any option of the API by name. (A
    // template, so that a bare `{}` picks the typed overload.)
    template <detail::endpoint_type E, std::same_as<boost::json::object> FreeForm>
    WEBHOOKSIO_NOINLINE boost::json::value call(const typename E::params& ids, const FreeForm& options) {
        return state_->call_or_throw(detail::spec_of<E>, detail::id_views(ids), free_form(options));
    }

    // With a token (see tokens.hpp): nothrow, with_response, or both.
    template <detail::endpoint_type E, completion_token Token>
    auto call(const typename E::params& ids, const typename E::options& options, Token&& token) {
        return run<E>(detail::id_views(ids), options, std::forward<Token>(token));
    }

    template <detail::endpoint_type E, std::same_as<boost::json::object> FreeForm, completion_token Token>
    auto call(const typename E::params& ids, const FreeForm& options, Token&& token) {
        return dispatch(detail::spec_of<E>, detail::id_views(ids), free_form(options), std::forward<Token>(token));
    }

    // Catches the options struct of another endpoint with a readable message.
    template <detail::endpoint_type E, class Options, class... Token>
        requires(!std::same_as<Options, typename E::options> && !std::same_as<Options, boost::json::object>)
    boost::json::value call(const typename E::params&, const Options&, Token&&...) {
        static_assert(detail::always_false<Options>,
                      "webhooksio: these options are not this endpoint's: call<E> takes E::options "
                      "(for example {.name = ...}) or a boost::json::object");
        return {};
    }

    // A call by an endpoint found at run time (reflection.hpp): its IDs in
    // route order and free-form options, checked as call<E> checks them.
    boost::json::value call(const reflection::endpoint_info& endpoint, std::span<const std::string> ids,
                            const boost::json::object& options) {
        auto spec = detail::spec_for(endpoint, ids.size());
        if (!spec) throw_error(std::move(spec).error());
        const std::vector<std::string_view> views(ids.begin(), ids.end());
        return state_->call_or_throw(*spec, views, free_form(options));
    }

    // The named methods with a token (see tokens.hpp):
    // api.with(nothrow).get_account(id) returns a result<boost::json::value>.
    // The view refers to this client and is used at once.
    template <completion_token Token>
    detail::calls_with<basic_client, std::remove_cvref_t<Token>> with(Token) noexcept {
        return detail::calls_with<basic_client, std::remove_cvref_t<Token>>(*this);
    }

    Transport& transport() noexcept { return state_->transport; }

private:
    friend struct detail::named_access;
    template <class, class>
    friend class detail::calls_with;

    using spec = detail::call_spec;
    using id_list = std::span<const std::string_view>;
    using option_values = detail::option_values;

    // Behind one pointer: the transport's address stays put when the client
    // moves (`sender` points to it). A call reaches the pipeline and the
    // transport through pointers set here, where the client is made, so that
    // a header-only file that only makes calls doesn't compile them (test
    // header_only_calls).
    struct state {
        state(std::string api_key, const client_options& options, Transport t)
            : core(std::move(api_key), options), transport(std::move(t)), sender(transport) {}

        result<response> call(const spec& c, id_list ids, const option_values& options) const {
            return (core.*call_)(c, ids, options, sender);
        }
        boost::json::value call_or_throw(const spec& c, id_list ids, const option_values& options) const {
            return (core.*call_or_throw_)(c, ids, options, sender);
        }

        detail::client_core core;
        Transport transport;
        detail::transport_ref sender;

    private:
        decltype(&detail::client_core::call) call_ = &detail::client_core::call;
        decltype(&detail::client_core::call_or_throw) call_or_throw_ = &detail::client_core::call_or_throw;
    };

    static option_values free_form(const boost::json::object& options) { return {{}, &options}; }

    // All a typed call adds to the shared code: its endpoint's spec and its
    // options' field table.
    template <class E>
    boost::json::value run(id_list ids, const typename E::options& options) {
        return state_->call_or_throw(detail::spec_of<E>, ids, detail::values_of<E>(options));
    }

    template <class E, class Token>
    auto run(id_list ids, const typename E::options& options, Token&& token) {
        return dispatch(detail::spec_of<E>, ids, detail::values_of<E>(options), std::forward<Token>(token));
    }

    result<response> execute(const spec& call, id_list ids, const option_values& options) {
        return state_->call(call, ids, options);
    }

    // The token decides how the result comes back; the work is the core's.
    result<boost::json::value> dispatch(const spec& call, id_list ids, const option_values& options, nothrow_t) {
        return body_of(execute(call, ids, options));
    }

    response dispatch(const spec& call, id_list ids, const option_values& options, with_response_t) {
        return execute(call, ids, options).value();
    }

    result<response> dispatch(const spec& call, id_list ids, const option_values& options,
                              response_token<nothrow_t>) {
        return execute(call, ids, options);
    }

    static result<boost::json::value> body_of(result<response> r) {
        if (!r) return std::move(r).error();
        return std::move(r->body);
    }

    std::unique_ptr<state> state_;
};

namespace detail {

// The named methods of a client with a token: what with(token) returns.
template <class Client, class Token>
class calls_with : public named_methods<calls_with<Client, Token>> {
public:
    explicit calls_with(Client& client) noexcept : client_(client) {}

private:
    friend struct named_access;

    template <class E>
    auto run(std::span<const std::string_view> ids, const typename E::options& options) {
        return client_.template run<E>(ids, options, Token{});
    }

    Client& client_;
};

}  // namespace detail

using client = basic_client<httplib_transport>;

#if defined(WEBHOOKSIO_SEPARATE_COMPILATION)
// The named methods of `client` are compiled once, in the program's src.hpp
// file; every other file only calls them. (Those of its with(token) views are
// compiled where they are used: three more sets would cost that file about
// three times what these do, for forms fewer calls use.)
namespace detail {
#if WEBHOOKSIO_DEFINITIONS
#define WEBHOOKSIO_DETAIL_INSTANTIATION template
#else
#define WEBHOOKSIO_DETAIL_INSTANTIATION extern template
#endif
#define WEBHOOKSIO_DETAIL_COMPILED_METHODS(E) WEBHOOKSIO_DETAIL_INSTANTIATION struct E##_method<client>;
WEBHOOKSIO_API_ENDPOINTS(WEBHOOKSIO_DETAIL_COMPILED_METHODS)
#undef WEBHOOKSIO_DETAIL_COMPILED_METHODS
#undef WEBHOOKSIO_DETAIL_INSTANTIATION
}  // namespace detail
#endif

}  // namespace webhooksio
// ---- webhooksio/model.hpp
// Typed views of the answers of the API's core resources:
//
//     auto bucket = boost::json::value_to<webhooksio::model::bucket>(api.get_bucket(account, id));
//     api.get_inputs(*bucket.account_id, *bucket.id);
//
// Each struct is described with Boost.Describe (in a user's file of a
// separately compiled program only with WEBHOOKSIO_DESCRIBE_TYPES: config.hpp)
// and converts as <webhooksio/tolerant_json.hpp> does: a field the answer leaves out keeps its
// default (an optional stays empty), a field the struct doesn't know is
// ignored, so an answer that gains fields keeps converting. IDs are the
// client's ID types, ready for the next call; times are the API's ISO 8601
// text ("2026-11-27T11:02:03Z"); lists the API sends as "a,b" are vectors.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe.hpp>
#include <boost/json.hpp>

#if !defined(WEBHOOKSIO_SEPARATE_COMPILATION)
#endif

namespace webhooksio::model {

// An account (get_account, list_accounts, create_sub_account, ...).
struct account {
    std::optional<webhooksio::account_id> id;
    std::string name;
    std::optional<webhooksio::plan_id> plan_id;
    std::optional<webhooksio::account_id> parent_account_id;  ///< a sub-account's parent
    std::optional<std::string> account_key;                   ///< an identifier from another system
    std::string created_at;
    std::string updated_at;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(account, (), (id, name, plan_id, parent_account_id, account_key, created_at, updated_at))

// A user of an account (get_user, create_user, ...).
struct user {
    std::optional<webhooksio::user_id> id;
    std::optional<webhooksio::account_id> account_id;
    std::string first_name;
    std::string last_name;
    std::string email_address;
    std::optional<std::string> timezone;
    std::string permission_level;  ///< "owner" for the user who registered the account
    bool verified = false;          ///< the e-mail address is verified
    std::string created_at;
    std::string updated_at;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(user, (), (id, account_id, first_name, last_name, email_address, timezone, permission_level,
                                 verified, created_at, updated_at))

// What register_account and login answer: the new session's API token with
// its account and user.
struct session {
    std::optional<webhooksio::account_id> account_id;
    std::optional<webhooksio::user_id> user_id;
    std::string api_token;
    model::account account;
    model::user user;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(session, (), (account_id, user_id, api_token, account, user))

// Where an input's messages are delivered (get_destination, ...).
struct destination {
    std::optional<webhooksio::destination_id> id;
    std::optional<webhooksio::input_id> input_id;
    std::string name;
    std::string endpoint_url;
    std::optional<std::string> status;          ///< "active" (the default) or "paused"
    std::optional<std::string> delivery_order;  ///< "random" (the default) or "fifo"
    std::optional<std::string> message_method;  ///< empty: the incoming method passes through
    std::vector<std::string> event_filters;     ///< events let through; none: every event
    std::optional<std::string> authentication_type;
    std::optional<std::string> retry_policy_id;
    std::optional<int> retry_count;
    std::optional<int> retry_interval;
    std::optional<bool> verify_ssl;
    std::vector<std::string> headers_to_include;  ///< incoming headers passed on
    std::optional<std::string> header_prefix;     ///< of the headers added, "Webhooks" by default
    std::vector<std::string> alert_on_failure;    ///< e-mail addresses
    std::optional<webhooksio::recipe_id> recipe_id;
    std::optional<int> rate_limit;
    std::string created_at;
    std::string updated_at;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(destination, (), (id, input_id, name, endpoint_url, status, delivery_order, message_method,
                                        event_filters, authentication_type, retry_policy_id, retry_count,
                                        retry_interval, verify_ssl, headers_to_include, header_prefix,
                                        alert_on_failure, recipe_id, rate_limit, created_at, updated_at))

// Where webhooks come in: a URL of the gateway (get_input, ...).
struct input {
    std::optional<webhooksio::input_id> id;
    std::optional<webhooksio::bucket_id> bucket_id;
    std::string name;
    std::string url;                            ///< where senders post their webhooks
    std::optional<std::string> status;          ///< "active" (the default) or "paused"
    std::optional<std::string> type;            ///< "static" (the default) or "dynamic"
    std::optional<std::string> event_location;  ///< where the event is: "header", "query" or the payload
    std::optional<std::string> event_path;      ///< its name there ("msg.type" in the payload)
    std::vector<std::string> event_filters;     ///< events accepted; none: every event
    std::optional<std::string> delivery_mode;   ///< "sync" or "async"
    std::optional<int> response_code;           ///< the status senders get, 200 by default
    std::optional<std::string> response_content;
    std::optional<std::string> response_content_type;
    std::optional<std::string> authentication_type;
    std::optional<std::string> authentication_failures;
    std::optional<webhooksio::recipe_id> recipe_id;
    std::string created_at;
    std::string updated_at;
    std::optional<std::vector<destination>> destinations;  ///< with get_bucket(s)' expand
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(input, (), (id, bucket_id, name, url, status, type, event_location, event_path, event_filters,
                                  delivery_mode, response_code, response_content, response_content_type,
                                  authentication_type, authentication_failures, recipe_id, created_at, updated_at,
                                  destinations))

// A group of inputs (get_bucket, get_buckets, ...).
struct bucket {
    std::optional<webhooksio::bucket_id> id;
    std::optional<webhooksio::account_id> account_id;
    std::string name;
    std::optional<std::string> key;
    std::string created_at;
    std::string updated_at;
    std::optional<std::vector<input>> inputs;  ///< with expand: its inputs and their destinations
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(bucket, (), (id, account_id, name, key, created_at, updated_at, inputs))

// One try at delivering an outgoing message.
struct attempt {
    std::optional<webhooksio::attempt_id> id;
    std::optional<webhooksio::outgoing_message_id> outgoing_message_id;  ///< from get_outgoing_message_attempt
    int number = 0;                                                      ///< 1 for the first try
    std::string started_at;
    int http_status = 0;        ///< the destination's answer; 0 when none came
    std::string response_body;  ///< what the destination answered
    std::string error;          ///< why no answer came
    std::int64_t duration_ms = 0;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(attempt, (), (id, outgoing_message_id, number, started_at, http_status, response_body, error,
                                    duration_ms))

// A webhook on its way to one destination (get_outgoing_message).
struct outgoing_message {
    std::optional<webhooksio::outgoing_message_id> id;
    std::optional<webhooksio::account_id> account_id;
    std::optional<webhooksio::incoming_message_id> incoming_message_id;
    std::optional<webhooksio::destination_id> destination_id;  ///< none for a dynamic input's message
    std::string endpoint_url;
    std::string event;
    std::string status;  ///< "pending", "retrying", "success", "failed" or "cancelled"
    int attempt_count = 0;
    std::vector<model::attempt> attempts;
    std::string created_at;
    std::string updated_at;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(outgoing_message, (), (id, account_id, incoming_message_id, destination_id, endpoint_url, event,
                                             status, attempt_count, attempts, created_at, updated_at))

// A webhook as the gateway received it (get_incoming_message).
struct incoming_message {
    std::optional<webhooksio::incoming_message_id> id;
    std::optional<webhooksio::account_id> account_id;
    std::optional<webhooksio::bucket_id> bucket_id;
    std::optional<webhooksio::input_id> input_id;
    std::string method;
    std::map<std::string, std::string> headers;
    std::map<std::string, std::string> query;
    std::string body;
    std::string content_type;
    std::string event;  ///< found where its input's event_location says
    std::vector<webhooksio::outgoing_message_id> outgoing_message_ids;
    std::optional<std::vector<outgoing_message>> outgoing_messages;  ///< with include_outgoing_messages
    std::string created_at;
    std::string updated_at;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(incoming_message, (), (id, account_id, bucket_id, input_id, method, headers, query, body,
                                             content_type, event, outgoing_message_ids, outgoing_messages, created_at,
                                             updated_at))

// What the request gateway answers when it accepts a webhook
// (send_input_request, send_dynamic_input_request): the incoming message it
// stored and one outgoing message per destination the event goes to (none
// when every destination's event_filters leave it out). An input with its
// own response_content answers with that instead.
struct gateway_answer {
    std::optional<webhooksio::incoming_message_id> incoming_message_id;
    std::vector<webhooksio::outgoing_message_id> outgoing_message_ids;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(gateway_answer, (), (incoming_message_id, outgoing_message_ids))

// A line of the request log (get_request_log): one webhook received or one
// delivery attempt.
struct log_entry {
    std::string id;
    std::string direction;  ///< "incoming" or "outgoing"
    std::string method;
    std::string url;
    int http_status = 0;
    std::optional<webhooksio::bucket_id> bucket_id;
    std::optional<webhooksio::input_id> input_id;
    std::optional<webhooksio::destination_id> destination_id;
    std::optional<webhooksio::incoming_message_id> incoming_message_id;
    std::optional<webhooksio::outgoing_message_id> outgoing_message_id;
    std::optional<int> attempt;  ///< an outgoing entry's attempt number
    std::optional<webhooksio::consumer_id> consumer_id;
    std::optional<webhooksio::application_id> application_id;
    std::string created_at;
    std::string updated_at;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(log_entry, (), (id, direction, method, url, http_status, bucket_id, input_id, destination_id,
                                      incoming_message_id, outgoing_message_id, attempt, consumer_id, application_id,
                                      created_at, updated_at))

// Every struct above, for the conversions below.
#define WEBHOOKSIO_DETAIL_MODEL_TYPES(X)                                                                          \
    X(account) X(user) X(session) X(destination) X(input) X(bucket) X(attempt) X(outgoing_message)               \
    X(incoming_message) X(gateway_answer) X(log_entry)

#if defined(WEBHOOKSIO_SEPARATE_COMPILATION)
// value_to, try_value_to and value_from of each struct: declared here and
// compiled once, in the program's src.hpp file (impl/model.ipp), so that a
// file converting answers calls them rather than compiling the tolerant reader.
#define WEBHOOKSIO_DETAIL_MODEL_CONVERSIONS(T)                                                                   \
    boost::json::result<T> tag_invoke(boost::json::try_value_to_tag<T>, const boost::json::value&);             \
    T tag_invoke(boost::json::value_to_tag<T>, const boost::json::value&);                                      \
    void tag_invoke(boost::json::value_from_tag, boost::json::value&, const T&);
WEBHOOKSIO_DETAIL_MODEL_TYPES(WEBHOOKSIO_DETAIL_MODEL_CONVERSIONS)
#undef WEBHOOKSIO_DETAIL_MODEL_CONVERSIONS
#else
// Header-only: tolerant_json.hpp's templates, compiled only where a file
// converts a struct.
using webhooksio::tolerant::tag_invoke;
#endif

}  // namespace webhooksio::model

#if defined(WEBHOOKSIO_SEPARATE_COMPILATION) && WEBHOOKSIO_DEFINITIONS
// ---- impl/model.ipp
// The conversions model.hpp declares with WEBHOOKSIO_SEPARATE_COMPILATION:
// each is tolerant_json.hpp's, for its struct.


namespace webhooksio::model {

#define WEBHOOKSIO_DETAIL_MODEL_CONVERSIONS(T)                                                                   \
    boost::json::result<T> tag_invoke(boost::json::try_value_to_tag<T> tag, const boost::json::value& in) {      \
        return tolerant::tag_invoke(tag, in);                                                                    \
    }                                                                                                            \
    T tag_invoke(boost::json::value_to_tag<T> tag, const boost::json::value& in) {                               \
        return tolerant::tag_invoke(tag, in);                                                                    \
    }                                                                                                            \
    void tag_invoke(boost::json::value_from_tag tag, boost::json::value& out, const T& in) {                     \
        tolerant::tag_invoke(tag, out, in);                                                                      \
    }
WEBHOOKSIO_DETAIL_MODEL_TYPES(WEBHOOKSIO_DETAIL_MODEL_CONVERSIONS)
#undef WEBHOOKSIO_DETAIL_MODEL_CONVERSIONS

}  // namespace webhooksio::model
#endif
// ---- webhooksio/signature.hpp
// Signed webhooks, as the Standard Webhooks specification defines them
// (github.com/standard-webhooks/standard-webhooks, spec/standard-webhooks.md):
// a delivery carries three headers,
//
//     webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek        the same on every retry: the idempotency key
//     webhook-timestamp: 1614265330                   Unix seconds of this attempt
//     webhook-signature: v1,g0hM9SsE+OTPJTGt/...=     HMAC-SHA256 of "id.timestamp.body", base64;
//                                                     several, space-separated, during a secret's rotation
//
// and the receiver checks them with the secret it shares with the sender:
//
//     const webhooksio::webhook_secret secret{std::getenv("WEBHOOK_SECRET")};
//     if (auto ec = webhooksio::verify_webhook(secret, req.headers, req.body)) return refuse(ec.message());
//
// The emulator signs the deliveries of every destination given a
// signing_secret (an extension of the Webhooks.io API).

#include <chrono>
#include <concepts>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include <boost/system/error_code.hpp>


namespace webhooksio {

// The key a sender and its receivers share: 24 to 64 random bytes, written
// `whsec_` and their base64. Its text is a secret: no error message, log
// line or hook of the library holds it, and its bytes are wiped on
// destruction.
class webhook_secret {
public:
    // From `whsec_<base64>` or the base64 alone, padded or not (as the
    // reference libraries accept it). Throws usage_error (errc::usage) for
    // an empty secret or one that is not base64; the message never quotes it.
    WEBHOOKSIO_DECL explicit webhook_secret(std::string_view text);

    // A new secret of 32 random bytes (OpenSSL's RAND_bytes).
    WEBHOOKSIO_DECL static webhook_secret generate();

    // The `whsec_<base64>` form: what a receiver is configured with.
    WEBHOOKSIO_DECL std::string text() const;

    // The key's raw bytes.
    std::string_view bytes() const noexcept { return key_; }

    webhook_secret(const webhook_secret&) = default;
    webhook_secret& operator=(const webhook_secret&) = default;
    WEBHOOKSIO_DECL ~webhook_secret();

private:
    webhook_secret() = default;

    std::string key_;
};

// The signature of one delivery: "v1," and the base64 of HMAC-SHA256 over
// "<id>.<timestamp>.<body>". The value of webhook-signature (or one entry of
// it: a rotation sends "v1,<old> v1,<new>").
WEBHOOKSIO_DECL std::string sign_webhook(const webhook_secret& secret, std::string_view id,
                                         std::chrono::sys_seconds timestamp, std::string_view body);

// Checks a delivery from its three headers' values and its body, as received
// (before any parsing: a re-serialized body does not verify). Empty when it
// is genuine: the timestamp is within `tolerance` of this machine's clock
// (either way) and any `v1` signature in the list matches, compared in
// constant time; other versions are ignored. Otherwise one of the codes
//   errc::missing_webhook_header              a value is empty
//   errc::malformed_webhook_timestamp         not decimal Unix seconds
//   errc::webhook_timestamp_out_of_tolerance  too old (a replay?) or too new
//   errc::no_matching_signature               tampered, another secret, another id
WEBHOOKSIO_DECL boost::system::error_code verify_webhook(const webhook_secret& secret, std::string_view id,
                                                         std::string_view timestamp,
                                                         std::string_view signature_header, std::string_view body,
                                                         std::chrono::seconds tolerance = std::chrono::minutes(5));

namespace detail {

// A request header as servers hand them over: a (name, value) pair
// (httplib's multimap, webhooksio::http_headers, a std::map), or an object
// with name_string() and value() (Boost.Beast's fields, a request itself).
template <class H>
concept name_value_pair = requires(const H& h) {
    { h.first } -> std::convertible_to<std::string_view>;
    { h.second } -> std::convertible_to<std::string_view>;
};
template <class H>
concept named_field = requires(const H& h) {
    { h.name_string() } -> std::convertible_to<std::string_view>;
    { h.value() } -> std::convertible_to<std::string_view>;
};

template <class H>
std::pair<std::string_view, std::string_view> name_and_value(const H& h) {
    if constexpr (name_value_pair<H>)
        return {h.first, h.second};
    else
        return {h.name_string(), h.value()};
}

// What iterating over `headers` yields. Written with <iterator> alone:
// <ranges> would cost every file that includes the library about 0.1 s.
template <class Headers>
using header_of = std::iter_value_t<decltype(std::begin(std::declval<const Headers&>()))>;

}  // namespace detail

// Any range of request headers whose names compare without case, e.g.
// httplib's `req.headers`, a Beast request, webhooksio::http_headers.
template <class Headers>
concept webhook_headers = requires(const Headers& headers) {
    std::begin(headers) != std::end(headers);
} && (detail::name_value_pair<detail::header_of<Headers>> || detail::named_field<detail::header_of<Headers>>);

// The same, reading webhook-id, webhook-timestamp and webhook-signature from
// the request's headers (the first of each name):
//
//     verify_webhook(secret, req.headers, req.body)     // httplib::Request
//     verify_webhook(secret, request, request.body())   // beast::http::request<string_body>
template <webhook_headers Headers>
boost::system::error_code verify_webhook(const webhook_secret& secret, const Headers& headers, std::string_view body,
                                         std::chrono::seconds tolerance = std::chrono::minutes(5)) {
    std::string_view id, timestamp, signature;
    for (const auto& header : headers) {
        const auto [name, value] = detail::name_and_value(header);
        for (auto [wanted, into] : {std::pair{"webhook-id", &id}, std::pair{"webhook-timestamp", &timestamp},
                                    std::pair{"webhook-signature", &signature}})
            if (into->empty() && equals_ignoring_case(name, wanted)) *into = value;
    }
    return verify_webhook(secret, id, timestamp, signature, body, tolerance);
}

}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
// ---- impl/signature.ipp
// Definitions for signature.hpp.

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>


namespace webhooksio {
namespace detail {

inline constexpr std::string_view secret_prefix = "whsec_";
inline constexpr std::size_t generated_secret_bytes = 32;
inline constexpr std::size_t hmac_sha256_bytes = 32;
inline constexpr std::string_view signature_version = "v1,";

// HMAC-SHA256 of "<id>.<timestamp>.<body>" under `key`, fed to OpenSSL piece
// by piece: the body is never copied. The HMAC implementation is fetched once.
inline std::array<unsigned char, hmac_sha256_bytes> webhook_hmac(std::string_view key, std::string_view id,
                                                                 std::string_view timestamp, std::string_view body) {
    static const std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)> hmac{EVP_MAC_fetch(nullptr, "HMAC", nullptr),
                                                                        &EVP_MAC_free};
    const std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> context{hmac ? EVP_MAC_CTX_new(hmac.get()) : nullptr,
                                                                            &EVP_MAC_CTX_free};
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_construct_end()};
    auto update = [&](std::string_view piece) {
        return EVP_MAC_update(context.get(), reinterpret_cast<const unsigned char*>(piece.data()), piece.size()) == 1;
    };
    std::array<unsigned char, hmac_sha256_bytes> out{};
    std::size_t size = 0;
    const bool done = context &&
                      EVP_MAC_init(context.get(), reinterpret_cast<const unsigned char*>(key.data()), key.size(),
                                   params) == 1 &&
                      update(id) && update(".") && update(timestamp) && update(".") && update(body) &&
                      EVP_MAC_final(context.get(), out.data(), &size, out.size()) == 1 && size == out.size();
    if (!done) throw std::runtime_error("webhooksio: OpenSSL could not compute an HMAC-SHA256");
    return out;
}

inline std::string webhook_signature(std::string_view key, std::string_view id, std::string_view timestamp,
                                     std::string_view body) {
    const auto mac = webhook_hmac(key, id, timestamp, body);
    return std::string(signature_version) + base64(mac.data(), mac.size());
}

}  // namespace detail

WEBHOOKSIO_DECL webhook_secret::webhook_secret(std::string_view text) {
    if (text.starts_with(detail::secret_prefix)) text.remove_prefix(detail::secret_prefix.size());
    if (text.empty()) throw usage_error(error::usage("webhooksio: the webhook signing secret is empty"));
    std::optional<std::string> key = detail::from_base64(text);
    if (!key || key->empty())
        throw usage_error(error::usage("webhooksio: the webhook signing secret is not whsec_ followed by base64 "
                                       "(or the base64 alone)"));
    key_ = std::move(*key);
}

WEBHOOKSIO_DECL webhook_secret webhook_secret::generate() {
    webhook_secret secret;
    secret.key_.resize(detail::generated_secret_bytes);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(secret.key_.data()), static_cast<int>(secret.key_.size())) != 1)
        throw std::runtime_error("webhooksio: OpenSSL's random generator failed");
    return secret;
}

WEBHOOKSIO_DECL std::string webhook_secret::text() const {
    return std::string(detail::secret_prefix) +
           detail::base64(reinterpret_cast<const unsigned char*>(key_.data()), key_.size());
}

WEBHOOKSIO_DECL webhook_secret::~webhook_secret() { OPENSSL_cleanse(key_.data(), key_.size()); }

WEBHOOKSIO_DECL std::string sign_webhook(const webhook_secret& secret, std::string_view id,
                                         std::chrono::sys_seconds timestamp, std::string_view body) {
    return detail::webhook_signature(secret.bytes(), id, std::to_string(timestamp.time_since_epoch().count()), body);
}

WEBHOOKSIO_DECL boost::system::error_code verify_webhook(const webhook_secret& secret, std::string_view id,
                                                         std::string_view timestamp,
                                                         std::string_view signature_header, std::string_view body,
                                                         std::chrono::seconds tolerance) {
    if (id.empty() || timestamp.empty() || signature_header.empty()) return errc::missing_webhook_header;
    // Decimal digits only: from_chars alone would take a sign.
    std::int64_t seconds = 0;
    const char* end = timestamp.data() + timestamp.size();
    if (!std::ranges::all_of(timestamp, [](char c) { return c >= '0' && c <= '9'; }) ||
        std::from_chars(timestamp.data(), end, seconds).ec != std::errc())
        return errc::malformed_webhook_timestamp;
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const std::chrono::seconds age = now.time_since_epoch() - std::chrono::seconds(seconds);
    if (age > tolerance || -age > tolerance) return errc::webhook_timestamp_out_of_tolerance;

    const std::string expected = detail::webhook_signature(secret.bytes(), id, timestamp, body);
    bool matched = false;
    std::string_view rest = signature_header;
    while (!rest.empty()) {
        const std::size_t space = rest.find(' ');
        const std::string_view candidate = rest.substr(0, space);
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
        // Every candidate is compared, in constant time: how long verifying
        // takes tells nothing of which one came close.
        if (candidate.size() == expected.size())
            matched |= CRYPTO_memcmp(candidate.data(), expected.data(), expected.size()) == 0;
    }
    return matched ? boost::system::error_code() : make_error_code(errc::no_matching_signature);
}

}  // namespace webhooksio
#endif
// ---- testing/recording_transport.hpp
// A transport for your own tests: it records every request and answers from a
// script, without a network. Copies share one record, so you can keep one
// copy and hand the other to the client:
//
//   webhooksio::testing::recording_transport wire;
//   wire.respond({.status = 200, .body = R"({"id":"BU1"})"});
//   webhooksio::basic_client<webhooksio::testing::recording_transport> api{"KEY", {}, wire};
//   api.get_bucket(account_id{"AC1"}, bucket_id{"BU1"});
//   assert(wire.requests().at(0).target == "/v1/accounts/AC1/buckets/BU1");
//
// Not part of <webhooksio/webhooksio.hpp>: include it in your tests.

#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>


namespace webhooksio::testing {

class recording_transport {
public:
    recording_transport() = default;
    // Lets basic_client<recording_transport> be built from options alone.
    explicit recording_transport(const client_options&) {}

    // Queues the answer to the next request that has none yet.
    void respond(http_response response) { push(std::move(response)); }
    // Queues a failure instead, e.g. error::transport(errc::timed_out, transport_failure::timeout, "...").
    void fail(error e) { push(std::move(e)); }
    // Queues an answer that never comes: the send of async_recording_transport
    // waits until it is cancelled, as one to a server that never answers. (A
    // synchronous send cannot wait for that: it fails with errc::usage.)
    void hang() { push(std::nullopt); }

    // Every request sent so far, oldest first. A reference to the record
    // itself, so that `wire.requests().at(0).headers` stays valid; read it
    // while no call is in flight (a deque: later requests don't move it).
    const std::deque<http_request>& requests() const noexcept { return state_->requests; }

    // How many requests were sent; safe while calls are in flight.
    std::size_t request_count() const {
        std::lock_guard lock(state_->mutex);
        return state_->requests.size();
    }

    // The transport's part: records the request and takes the next scripted
    // answer. A request with none scripted fails with errc::usage (a test
    // that sends more than it expected), never with a made-up answer.
    result<http_response> send(const http_request& request) {
        std::optional<result<http_response>> answer = take(request);
        if (!answer) return usage_error("a synchronous send cannot hang (hang() is for async_recording_transport):", request);
        return std::move(*answer);
    }

    // The same for async_recording_transport: no answer (nullopt) when the
    // script says to hang.
    std::optional<result<http_response>> take(const http_request& request) {
        std::lock_guard lock(state_->mutex);
        state_->requests.push_back(request);
        if (state_->script.empty()) return usage_error("no answer scripted for", request);
        std::optional<result<http_response>> next = std::move(state_->script.front());
        state_->script.pop_front();
        return next;
    }

private:
    static error usage_error(const std::string& what, const http_request& request) {
        return error::transport(errc::usage, transport_failure::other,
                                "recording_transport: " + what + ' ' + std::string(to_string(request.method)) + ' ' +
                                    request.target);
    }

    void push(std::optional<result<http_response>> answer) {
        std::lock_guard lock(state_->mutex);
        state_->script.push_back(std::move(answer));
    }

    struct state {
        mutable std::mutex mutex;
        std::deque<http_request> requests;
        std::deque<std::optional<result<http_response>>> script;  // nullopt: hang
    };
    std::shared_ptr<state> state_ = std::make_shared<state>();
};

static_assert(transport<recording_transport>);

}  // namespace webhooksio::testing
