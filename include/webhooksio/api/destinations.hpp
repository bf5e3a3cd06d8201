// The Destinations endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../detail/define_endpoint.hpp"

namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(destinations, create_destination, seed("createDestination"), post, "/v1/accounts/:account_id/inputs/:input_id/destinations", (account_id, input_id),
    "Adds an destination for an input.",
    (required, std::string, name, "Name for the input.")
    (required, std::string, endpoint_url, "The URL the messages should be sent to.")
    (optional, std::string, delivery_order, "How the deliveries should operate. Valid options are random or fifo. The default is random")
    (optional, std::string, status, "The status of the bucket, defaults to active.")
    (optional, std::string, message_method, "The HTTP method the message will be sent with. If null the method will pass through.")
    (optional, std::vector<std::string>, event_filters, "The events that this input should be triggerd for. This can be a comma delimited list of events.")
    (optional, std::string, authentication_type, "The type of authentication to apply to incoming requests.")
    (optional, std::string, retry_policy_id, "The retry algorithm that will be used for failed attempts.")
    (optional, int, retry_count, "The number of times the hook will be retried.")
    (optional, int, retry_interval, "The interval for which the retries will be set.")
    (optional, bool, verify_ssl, "Ensure the SSL certificate is trusted and valid. If false, this will bypass this protection.")
    (optional, std::vector<std::string>, headers_to_include, "A comma delimited list of custom headers to include.")
    (optional, std::string, header_prefix, "The prefix of the custom headers that will be included. The default is Webhooks")
    (optional, std::vector<std::string>, alert_on_failure, "A comma delimited list of email addresses to alert when a webhook enters the failed status.")
    (optional, webhooksio::recipe_id, recipe_id, "If a recipe should be applied to messages coming through this destination it can be specified.")
    (optional, int, rate_limit, "The max rate for webhooks to be relayed. This will default to your plan max.")
    (optional, std::string, signing_secret, "A Standard Webhooks signing secret (whsec_ and the base64 of 24 to 64 random bytes): each delivery then carries webhook-id, webhook-timestamp and webhook-signature. An extension of the original API (the emulator's); answers show it masked."))

WEBHOOKSIO_ENDPOINT(destinations, update_destination, seed("updateDestination"), put, "/v1/accounts/:account_id/destinations/:destination_id", (account_id, destination_id),
    "Updates the details of an destination.",
    (required, std::string, name, "Name for the input.")
    (required, std::string, endpoint_url, "The URL the messages should be sent to.")
    (optional, std::string, delivery_order, "How the deliveries should operate. Valid options are random or fifo. The default is random")
    (optional, std::string, status, "The status of the bucket, defaults to active.")
    (optional, std::string, message_method, "The HTTP method the message will be sent with. If null the method will pass through.")
    (optional, std::vector<std::string>, event_filters, "The events that this input should be triggerd for. This can be a comma delimited list of events.")
    (optional, std::string, authentication_type, "The type of authentication to apply to incoming requests.")
    (optional, std::string, retry_policy_id, "The retry algorithm that will be used for failed attempts.")
    (optional, int, retry_count, "The number of times the hook will be retried.")
    (optional, int, retry_interval, "The interval for which the retries will be set.")
    (optional, bool, verify_ssl, "Ensure the SSL certificate is trusted and valid. If false, this will bypass this protection.")
    (optional, std::vector<std::string>, headers_to_include, "A comma delimited list of custom headers to include.")
    (optional, std::string, header_prefix, "The prefix of the custom headers that will be included. The default is Webhooks")
    (optional, std::vector<std::string>, alert_on_failure, "A comma delimited list of email addresses to alert when a webhook enters the failed status.")
    (optional, webhooksio::recipe_id, recipe_id, "If a recipe should be applied to messages coming through this destination it can be specified.")
    (optional, int, rate_limit, "The max rate for webhooks to be relayed. This will default to your plan max.")
    (optional, std::string, signing_secret, "A Standard Webhooks signing secret (whsec_ and the base64 of 24 to 64 random bytes): each delivery then carries webhook-id, webhook-timestamp and webhook-signature. An extension of the original API (the emulator's); answers show it masked. A new secret signs beside the old one for the emulator's --signing-overlap; \"\" turns signing off."))

WEBHOOKSIO_ENDPOINT(destinations, get_destination, seed("getDestination"), get, "/v1/accounts/:account_id/destinations/:destination_id", (account_id, destination_id),
    "Returns the details for a specfic destination.",
    (optional, bool, include_certificate_data, "Will return the imported SSL Certificate that will be used, if any. (Default is false)"))

WEBHOOKSIO_ENDPOINT(destinations, get_destinations, seed("getDestinations"), get, "/v1/accounts/:account_id/inputs/:input_id/destinations", (account_id, input_id),
    "Returns a collection of destinations.",
    (optional, std::string, destination_key, "Name for the bucket."))

WEBHOOKSIO_ENDPOINT(destinations, delete_destination, seed("deleteDestination"), delete_, "/v1/accounts/:account_id/destinations/:destination_id", (account_id, destination_id),
    "Deletes an destination.")

// The area's endpoints, in the order above: WEBHOOKSIO_API_DESTINATIONS(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_DESTINATIONS(X) \
    X(create_destination)              \
    X(update_destination)              \
    X(get_destination)                 \
    X(get_destinations)                \
    X(delete_destination)

namespace areas {
using destinations = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_DESTINATIONS);
}  // namespace areas

}  // namespace webhooksio::api
