// The Gateway endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../detail/define_endpoint.hpp"

namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(gateway, get_gateway_auth_option, docs("getGatewayAuthOption"), get, "/v1/gateway/authentication/:type/:option", (auth_type, auth_option),
    "Gateway Auth Details")

WEBHOOKSIO_ENDPOINT(gateway, get_gateway_auth_options, docs("getGatewayAuthOptions"), get, "/v1/gateway/authentication/:type", (auth_type),
    "Gateway Auth Options")

WEBHOOKSIO_WEBHOOK_ENDPOINT(gateway, send_input_request, docs("sendInputRequest"), post, "/v1/:input_name/:input_id", (input_name, input_id),
    "Request Gateway")

WEBHOOKSIO_WEBHOOK_ENDPOINT(gateway, send_dynamic_input_request, docs("sendDynamicInputRequest"), post, "/:input_id/:target_url", (input_id, target_url),
    "Request Gateway (Dynamic)")

WEBHOOKSIO_ENDPOINT(gateway, check_input_gateway, docs("checkInputGateway"), head, "/v1/:input_name/:input_id", (input_name, input_id),
    "Request Gateway")

WEBHOOKSIO_ENDPOINT(gateway, resend_messages, docs("resendMessages"), post, "/v1/accounts/:account_id/resend", (account_id),
    "Resend Request",
    (required, boost::json::value, outgoing_message_ids, "An array of all the outgoing message ids that should be resent."))

WEBHOOKSIO_ENDPOINT(gateway, retry_request, docs("retryRequest"), post, "/v1/retry", (),
    "Retry Request")

// The area's endpoints, in the order above: WEBHOOKSIO_API_GATEWAY(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_GATEWAY(X) \
    X(get_gateway_auth_option)    \
    X(get_gateway_auth_options)   \
    X(send_input_request)         \
    X(send_dynamic_input_request) \
    X(check_input_gateway)        \
    X(resend_messages)            \
    X(retry_request)

namespace areas {
using gateway = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_GATEWAY);
}  // namespace areas

}  // namespace webhooksio::api
