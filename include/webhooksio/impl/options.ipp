// Definitions for options.hpp.
#pragma once

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
