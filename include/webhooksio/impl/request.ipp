// Definitions for detail/request.hpp.
#pragma once

#include <algorithm>
#include <type_traits>
#include <utility>
#include <vector>

namespace webhooksio::detail {

WEBHOOKSIO_DECL bool has_control_line_break(std::string_view s) {
    // One pass (find_first_of would search its set for every character).
    for (char c : s)
        if (c == '\r' || c == '\n' || c == '\0') return true;
    return false;
}

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

// The name of the first option that holds text which is not UTF-8; "" when none does.
inline std::string first_option_not_utf8(const option_values& options) {
    for (const field& f : options.typed) {
        bool valid = true;
        visit(f, [&](const auto& value) { valid = valid_utf8_value(value); });
        if (!valid) return std::string(f.name);
    }
    if (options.extra)
        for (const auto& entry : *options.extra)
            if (!valid_utf8(entry.key()) || !valid_utf8_value(entry.value())) return std::string(entry.key());
    return {};
}

WEBHOOKSIO_DECL result<request_context> make_request_context(std::string api_key,
                                                             const client_options& options) {
    if (has_control_line_break(api_key))
        return error::usage("webhooksio: the API key holds a CR, LF or NUL character");
    if (has_control_line_break(options.user_agent_suffix))
        return error::usage("webhooksio: user_agent_suffix holds a CR, LF or NUL character");
    auto url = parse_base_url(options.base_url);
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

// The name of the first list option that can't be sent as a comma list; "" when none.
inline std::string_view bad_list_option(const call_spec& call, const option_values& options) {
    for (const field& f : options.typed) {
        if (f.kind != field_kind::list) continue;
        if (const auto* items = value_as<std::vector<std::string>>(f); items && !std::ranges::all_of(*items, list_item_ok))
            return f.name;
    }
    if (!options.extra) return {};
    for (const auto& entry : *options.extra) {
        const auto* items = entry.value().if_array();
        if (!items || !is_list_option(call, entry.key())) continue;
        for (const auto& item : *items)
            if (!item.is_string() || !list_item_ok(item.get_string())) return entry.key();
    }
    return {};
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

WEBHOOKSIO_DECL void append_query(query_writer& query, const option_values& options) {
    for (const field& f : options.typed)
        visit(f, [&](const auto& value) { append_query_text(query.plain_key(f.name), value); });
    if (!options.extra) return;
    for (const auto& entry : *options.extra) {
        const std::string_view key = entry.key();
        if (entry.value().is_null()) continue;
        if (std::ranges::any_of(options.typed, [&](const field& f) { return f.name == key && value_of(f); })) continue;
        append_query_value(query.key(key), entry.value());
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

WEBHOOKSIO_DECL result<http_request> build_request(const request_context& context, const call_spec& call,
                                                   std::span<const std::string_view> ids,
                                                   const option_values& options) {
    // Encoding keeps every other ID inside its own path segment; these few
    // would still change the route (a dot segment is resolved by servers).
    for (std::size_t i = 0; i < ids.size(); ++i) {
        std::string_view id = ids[i];
        if (id.empty() || id == "." || id == ".." || id.find('\0') != std::string_view::npos)
            return call_usage_error(call, "ID :" + std::string(call.placeholders[i]) +
                                              " is empty, \".\", \"..\" or holds a NUL character");
    }
    if (std::string missing = missing_options(call, options); !missing.empty())
        return call_usage_error(call, "missing required option(s): " + missing);
    if (std::string name = first_option_not_utf8(options); !name.empty())
        return call_usage_error(call, "option " + redacted(name, context.api_key) +
                                          " holds text that is not valid UTF-8");
    if (std::string_view name = bad_list_option(call, options); !name.empty())
        return call_usage_error(call, "option " + redacted(std::string(name), context.api_key) +
                                          " is a comma-delimited list: its items must be non-empty strings "
                                          "without a comma");
    if (context.token_in_query && options.extra && options.extra->contains("_token"))
        return call_usage_error(call, "option _token is refused: with token_in_query, _token carries the API key");
    if (std::string problem = webhook_problem(options); !problem.empty())
        return call_usage_error(call, redacted(std::move(problem), context.api_key));

    http_request request;
    request.method = call.method;
    request.headers = context.headers;
    request.target.reserve(context.path_prefix.size() + call.route.size() + 64);
    request.target = context.path_prefix;
    append_expanded_route(request.target, call.literal_runs, ids);
    query_writer query{request.target};
    if (options_in_query(call.method)) append_query(query, options);
    else put_body(request, call, options);
    if (context.token_in_query) append_percent_encoded(query.plain_key("_token"), context.api_key);
    return request;
}

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

WEBHOOKSIO_DECL result<response> decode_response(const request_context& context, const call_spec& call,
                                                 result<http_response> sent) {
    if (!sent) return transport_failed(context, call, sent.error());
    http_response& answer = *sent;
    if (answer.status < 200 || answer.status >= 300) return status_failed(context, call, answer);
    response decoded{answer.status, {}, {}};
    if (!answer.body.empty()) {
        boost::system::error_code ec;
        decoded.body = boost::json::parse(answer.body, ec);
        if (ec) return undecodable(context, call, answer, ec);
    }
    decoded.headers = std::move(answer.headers);
    return decoded;
}

}  // namespace webhooksio::detail
