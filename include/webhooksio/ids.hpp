// Strong ID types: one per route placeholder, so that a bucket_id can never
// be passed where an account_id belongs.
#pragma once

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
