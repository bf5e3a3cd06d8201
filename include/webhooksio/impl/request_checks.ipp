// Definitions for detail/request.hpp: what keeps a call from being sent
// (text that is not UTF-8, a required option left out, a list that cannot
// be a comma list, a gateway call's bad webhook).
#pragma once

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
