// The Providers endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../detail/define_endpoint.hpp"

namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(providers, create_consumer, seed("createConsumer"), post, "/v1/accounts/:account_id/applications/:application_id/consumers", (account_id, application_id),
    "Creates a consumer for an application",
    (required, webhooksio::consumer_id, consumer_id, "The id for the consumer of the application. This id should be the unique id from the application provider that identifies this customer/consumer of the application.")
    (required, webhooksio::bucket_key, bucket_key, "The bucket key that identifies the container for this consumer, if this does not exist it will be created. Default is default.")
    (required, std::string, name, "The name of the consumer. This could be the account name within the provider application for example."))

WEBHOOKSIO_ENDPOINT(providers, get_consumers, seed("getConsumers"), get, "/v1/accounts/:account_id/applications/:application_id/consumers", (account_id, application_id),
    "Returns a list of all the consumers for a particular application.")

WEBHOOKSIO_ENDPOINT(providers, update_consumer, seed("updateConsumer"), put, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id", (account_id, application_id, consumer_id),
    "Updates the details for a particular consumer.",
    (required, std::string, name, "The name of the consumer. This could be the account name within the provider application for example."))

WEBHOOKSIO_ENDPOINT(providers, get_consumer, seed("getConsumer"), get, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id", (account_id, application_id, consumer_id),
    "Get the details for a particular consumer.")

WEBHOOKSIO_ENDPOINT(providers, delete_consumer, seed("deleteConsumer"), delete_, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id", (account_id, application_id, consumer_id),
    "Removes a consumer from a particular application.")

WEBHOOKSIO_ENDPOINT(providers, get_consumer_destinations, seed("getConsumerDestinations"), get, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/destinations", (account_id, application_id, consumer_id),
    "Returns all the destinations for the consumer of a given application.",
    (required, webhooksio::bucket_key, bucket_key, "")
    (optional, std::string, destination_key, "Name for the bucket."))

WEBHOOKSIO_ENDPOINT(providers, create_consumer_destination, seed("createConsumerDestination"), post, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/destinations", (account_id, application_id, consumer_id),
    "Adds an destination for the consumer of a given application.",
    (required, webhooksio::application_version_id, application_version_id, "")
    (required, std::string, name, "Name for the destination.")
    (required, webhooksio::bucket_key, bucket_key, "")
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
    (optional, int, rate_limit, "The max rate for webhooks to be relayed. This will default to your plan max."))

WEBHOOKSIO_ENDPOINT(providers, update_consumer_destination, seed("updateConsumerDestination"), put, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/destinations/:destination_id", (account_id, application_id, consumer_id, destination_id),
    "Updates an destination for the consumer of a given application.",
    (required, webhooksio::application_version_id, application_version_id, "")
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
    (optional, int, rate_limit, "The max rate for webhooks to be relayed. This will default to your plan max."))

WEBHOOKSIO_ENDPOINT(providers, delete_consumer_destination, seed("deleteConsumerDestination"), delete_, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/destinations/:destination_id", (account_id, application_id, consumer_id, destination_id),
    "Deletes an destination for the consumer of a given application.")

WEBHOOKSIO_ENDPOINT(providers, get_consumer_buckets, seed("getConsumerBuckets"), get, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/buckets", (account_id, application_id, consumer_id),
    "Returns all the buckets for the consumer of a given application.")

WEBHOOKSIO_WEBHOOK_ENDPOINT(providers, send_consumer_webhook_request, seed("sendConsumerWebhookRequest"), post, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/send/:bucket_key", (account_id, application_id, consumer_id, bucket_key),
    "Sends a webhook to a particular consumer of an application for the given bucket_key.")

// Note: The original Node.js client names the required option event_name, the API docs event_type, and the docs' route adds /:bucket_key; the Node.js client's route (bucket_key as an option) wins; accept both option names.
WEBHOOKSIO_ENDPOINT(providers, get_consumer_subscription, seed("getConsumerSubscription"), post, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/check", (account_id, application_id, consumer_id),
    "Checks to see if the consumer is subscribed to a given event or set of events. If the event query param is not passed the complete list of events will be returned.",
    (required, webhooksio::bucket_key, bucket_key, "")
    (optional, std::string, event_name, "")
    (optional, bool, include_destination_detail, "If the details of each subscribed destination should be returned.")
    (optional, std::string, event_type, "The name of the event to check."))
// The original Node.js client calls it event_name, the API docs event_type: either one will do.
template <>
inline constexpr std::array<std::string_view, 1> required_any_of<get_consumer_subscription>{"event_name|event_type"};

WEBHOOKSIO_ENDPOINT(providers, get_consumer_request_log, seed("getConsumerRequestLog"), get, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/log", (account_id, application_id, consumer_id),
    "Returns a log of all messages for a given consumer.",
    (optional, std::string, start_date, "The start date for the data. This can be an exact UTC date or a text based time period.")
    (optional, std::string, end_date, "The end date for the data. This can be an exact UTC date or a text based time period.")
    (optional, webhooksio::destination_id, destination_id, "")
    (optional, int, http_status, ""))

WEBHOOKSIO_ENDPOINT(providers, create_client_token, seed("createClientToken"), post, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/client-token", (account_id, application_id, consumer_id),
    "Generates a client token to be used with the embedded views.",
    (optional, webhooksio::bucket_key, bucket_key, "The bucket key the client token should be generated for. This can be an arbitrary value that maps back to your system.")
    (optional, std::vector<std::string>, paths, "The permitted paths."))

WEBHOOKSIO_ENDPOINT(providers, get_embedded_view_html, seed("getEmbeddedViewHtml"), post, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/embedded-view-html", (account_id, application_id, consumer_id),
    "Returns the HTML for the embedded view.",
    (optional, webhooksio::bucket_key, bucket_key, "The bucket key the client token should be generated for. This can be an arbitrary value that maps back to your system.")
    (optional, std::vector<std::string>, paths, "The permitted paths.")
    (optional, std::string, css_url, "URL to a css file that will be applied to the application styles.")
    (optional, std::string, default_tab, "The default tab to show.")
    (optional, bool, show_introduction, "If the introduction should be displayed.")
    (optional, std::string, introduction_url, "The URL to the actual introduction.")
    (optional, std::string, element_id, "The element id for the manager to populate.")
    (optional, std::string, api_url, "The API URL to use.")
    (optional, std::string, embedded_url, "The embedded javascript file to use."))

WEBHOOKSIO_ENDPOINT(providers, get_consumer_destination, docs("getConsumerDestination"), get, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/destinations/:destination_id", (account_id, application_id, consumer_id, destination_id),
    "Get Consumer Destination",
    (optional, bool, include_certificate_data, "Will return the imported SSL Certificate that will be used, if any. (Default is false)"))

WEBHOOKSIO_ENDPOINT(providers, send_dynamic_consumer_webhook_request, docs("sendDynamicConsumerWebhookRequest"), post, "/:application_id/:consumer_id/:bucket_key/:target_url", (application_id, consumer_id, bucket_key, target_url),
    "Send webhook to consumer (Dynamic)")

// The area's endpoints, in the order above: WEBHOOKSIO_API_PROVIDERS(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_PROVIDERS(X)          \
    X(create_consumer)                       \
    X(get_consumers)                         \
    X(update_consumer)                       \
    X(get_consumer)                          \
    X(delete_consumer)                       \
    X(get_consumer_destinations)             \
    X(create_consumer_destination)           \
    X(update_consumer_destination)           \
    X(delete_consumer_destination)           \
    X(get_consumer_buckets)                  \
    X(send_consumer_webhook_request)         \
    X(get_consumer_subscription)             \
    X(get_consumer_request_log)              \
    X(create_client_token)                   \
    X(get_embedded_view_html)                \
    X(get_consumer_destination)              \
    X(send_dynamic_consumer_webhook_request)

namespace areas {
using providers = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_PROVIDERS);
}  // namespace areas

}  // namespace webhooksio::api
