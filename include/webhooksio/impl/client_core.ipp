// Definitions for detail/client_core.hpp.
#pragma once

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
