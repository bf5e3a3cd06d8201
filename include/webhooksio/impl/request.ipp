// Definitions for detail/request.hpp.
#pragma once

#include <algorithm>

namespace webhooksio::detail {

WEBHOOKSIO_DECL void redact(std::string& text, std::string_view secret) {
    if (secret.size() < min_secret_length) return;
    constexpr std::string_view mark = "[redacted]";
    // Search on after the mark: a key such as "red" would find itself in it.
    for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + mark.size()))
        text.replace(pos, secret.size(), mark);
}

WEBHOOKSIO_DECL std::string redacted(std::string text, std::string_view secret) {
    redact(text, secret);
    std::string encoded;
    append_percent_encoded(encoded, secret);
    if (encoded != secret) redact(text, encoded);
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

    http_request request;
    request.method = call.method;
    request.headers = context.headers;
    request.target.reserve(context.path_prefix.size() + call.route.size() + 64);
    request.target = context.path_prefix;
    append_expanded_route(request.target, call.literal_runs, ids);
    query_writer query{request.target};
    if (options_in_query(call.method)) {
        append_query(query, options);
    } else {
        request.body = boost::json::serialize(to_object(options));
        request.headers.emplace_back("Content-Type", "application/json");
    }
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
