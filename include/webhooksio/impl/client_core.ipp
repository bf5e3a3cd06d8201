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

WEBHOOKSIO_DECL result<response> client_core::execute(const call_spec& call, result<http_request> request,
                                                      transport_ref transport) const {
    if (!request) return std::move(request).error();
    return decode_response(context_, call, retry_.run(call, *request, context_.api_key, transport));
}

WEBHOOKSIO_DECL result<response> client_core::call(const call_spec& call, std::span<const std::string_view> ids,
                                                   const option_values& options, transport_ref transport) const {
    return execute(call, build(call, ids, options), transport);
}

WEBHOOKSIO_DECL boost::json::value client_core::call_or_throw(const call_spec& call,
                                                              std::span<const std::string_view> ids,
                                                              const option_values& options,
                                                              transport_ref transport) const {
    return std::move(this->call(call, ids, options, transport).value().body);
}

}  // namespace webhooksio::detail
