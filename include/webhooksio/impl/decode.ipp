// Definitions for detail/request.hpp: a call's answer (or failure) decoded
// into its result.
#pragma once

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
