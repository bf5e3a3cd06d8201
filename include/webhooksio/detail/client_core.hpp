// What every call of every client does, whatever its endpoint or transport:
// check and encode the call, send it with retries, decode the answer. An
// ordinary class, so that it is compiled once (and, with
// WEBHOOKSIO_SEPARATE_COMPILATION, in one file of the program).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "../client_options.hpp"
#include "../config.hpp"
#include "../error.hpp"
#include "../options.hpp"
#include "../response.hpp"
#include "../result.hpp"
#include "retry.hpp"
#include "../transport.hpp"
#include "request.hpp"

namespace webhooksio::detail {

class client_core {
public:
    // Throws usage_error for a key or options that can't make a request.
    WEBHOOKSIO_DECL client_core(std::string api_key, const client_options& options);

    // The request of a call with these IDs (in route order) and options, or
    // the usage error that keeps it from being sent.
    WEBHOOKSIO_DECL result<http_request> build(const call_spec& call, std::span<const std::string_view> ids,
                                               const option_values& options) const;

    // Builds the request of a call, sends it through `transport` with
    // retries and decodes the answer.
    WEBHOOKSIO_DECL result<response> call(const call_spec& call, std::span<const std::string_view> ids,
                                          const option_values& options, transport_ref transport) const;

    // The same for a call without a completion token: the JSON body, or the
    // typed exception.
    WEBHOOKSIO_DECL boost::json::value call_or_throw(const call_spec& call, std::span<const std::string_view> ids,
                                                     const option_values& options, transport_ref transport) const;

    const request_context& context() const noexcept { return context_; }
    const retry_policy& retries() const noexcept { return retry_; }

private:
    request_context context_;
    retry_policy retry_;
};

}  // namespace webhooksio::detail

#if WEBHOOKSIO_DEFINITIONS
#include "../impl/client_core.ipp"
#endif
