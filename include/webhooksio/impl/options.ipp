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

WEBHOOKSIO_DECL boost::json::object to_object(const option_values& options) {
    boost::json::object out = options.extra ? *options.extra : boost::json::object();
    put_fields(out, options.typed);
    return out;
}

}  // namespace webhooksio::detail
