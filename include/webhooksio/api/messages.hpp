// The Messages endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../detail/define_endpoint.hpp"

namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(messages, get_incoming_message, seed("getIncomingMessage"), get, "/v1/accounts/:account_id/incoming/:incoming_message_id", (account_id, incoming_message_id),
    "Returns the details regarding an incoming message.",
    (optional, bool, include_outgoing_messages, "If the outgoing messages should be included as well."))

WEBHOOKSIO_ENDPOINT(messages, get_outgoing_message, seed("getOutgoingMessage"), get, "/v1/accounts/:account_id/outgoing/:outgoing_message_id", (account_id, outgoing_message_id),
    "Returns the details regarding an outgoing message, including all attempts")

WEBHOOKSIO_ENDPOINT(messages, get_outgoing_message_status, seed("getOutgoingMessageStatus"), get, "/v1/accounts/:account_id/outgoing/:outgoing_message_id/status", (account_id, outgoing_message_id),
    "Returns the basic information regarding the status of the outgoing request.")

WEBHOOKSIO_ENDPOINT(messages, get_outgoing_message_attempt, docs("getOutgoingMessageAttempt"), get, "/v1/accounts/:account_id/attempts/:attempt_id", (account_id, attempt_id),
    "Get Outgoing Message Attempt")

// The area's endpoints, in the order above: WEBHOOKSIO_API_MESSAGES(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_MESSAGES(X)  \
    X(get_incoming_message)         \
    X(get_outgoing_message)         \
    X(get_outgoing_message_status)  \
    X(get_outgoing_message_attempt)

namespace areas {
using messages = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_MESSAGES);
}  // namespace areas

}  // namespace webhooksio::api
