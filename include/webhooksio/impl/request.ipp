// Definitions for detail/request.hpp: the request context made from the
// client's options, and building a call's request.
#pragma once

#include <algorithm>
#include <type_traits>
#include <utility>
#include <vector>

#include "../detail/checked_options.hpp"

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
