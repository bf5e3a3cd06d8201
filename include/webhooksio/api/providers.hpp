// The Providers endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// Creates a consumer for an application
struct create_consumer : endpoint<"createConsumer", http_method::post, "/v1/accounts/:account_id/applications/:application_id/consumers", account_id, application_id> {
    static constexpr std::string_view name = "create_consumer"sv;
    static constexpr std::string_view summary = "Creates a consumer for an application"sv;
    static constexpr std::array<option_doc, 3> option_docs{{
        {"consumer_id"sv, "The id for the consumer of the application. This id should be the unique id from the application provider that identifies this customer/consumer of the application."sv},
        {"bucket_key"sv, "The bucket key that identifies the container for this consumer, if this does not exist it will be created. Default is default."sv},
        {"name"sv, "The name of the consumer. This could be the account name within the provider application for example."sv},
    }};
    struct options {
        required<std::string> consumer_id;
        required<std::string> bucket_key;
        required<std::string> name;
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(create_consumer::options, (), (consumer_id, bucket_key, name))

// Returns a list of all the consumers for a particular application.
struct get_consumers : endpoint<"getConsumers", http_method::get, "/v1/accounts/:account_id/applications/:application_id/consumers", account_id, application_id> {
    static constexpr std::string_view name = "get_consumers"sv;
    static constexpr std::string_view summary = "Returns a list of all the consumers for a particular application."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_consumers::options, (), ())

// Updates the details for a particular consumer.
struct update_consumer : endpoint<"updateConsumer", http_method::put, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id", account_id, application_id, consumer_id> {
    static constexpr std::string_view name = "update_consumer"sv;
    static constexpr std::string_view summary = "Updates the details for a particular consumer."sv;
    static constexpr std::array<option_doc, 1> option_docs{{
        {"name"sv, "The name of the consumer. This could be the account name within the provider application for example."sv},
    }};
    struct options {
        required<std::string> name;
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(update_consumer::options, (), (name))

// Get the details for a particular consumer.
struct get_consumer : endpoint<"getConsumer", http_method::get, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id", account_id, application_id, consumer_id> {
    static constexpr std::string_view name = "get_consumer"sv;
    static constexpr std::string_view summary = "Get the details for a particular consumer."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_consumer::options, (), ())

// Removes a consumer from a particular application.
struct delete_consumer : endpoint<"deleteConsumer", http_method::delete_, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id", account_id, application_id, consumer_id> {
    static constexpr std::string_view name = "delete_consumer"sv;
    static constexpr std::string_view summary = "Removes a consumer from a particular application."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(delete_consumer::options, (), ())

// Returns all the destinations for the consumer of a given application.
struct get_consumer_destinations : endpoint<"getConsumerDestinations", http_method::get, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/destinations", account_id, application_id, consumer_id> {
    static constexpr std::string_view name = "get_consumer_destinations"sv;
    static constexpr std::string_view summary = "Returns all the destinations for the consumer of a given application."sv;
    static constexpr std::array<option_doc, 2> option_docs{{
        {"bucket_key"sv, ""sv},
        {"destination_key"sv, "Name for the bucket."sv},
    }};
    struct options {
        required<std::string> bucket_key;
        std::optional<std::string> destination_key{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_consumer_destinations::options, (), (bucket_key, destination_key))

// Adds an destination for the consumer of a given application.
struct create_consumer_destination : endpoint<"createConsumerDestination", http_method::post, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/destinations", account_id, application_id, consumer_id> {
    static constexpr std::string_view name = "create_consumer_destination"sv;
    static constexpr std::string_view summary = "Adds an destination for the consumer of a given application."sv;
    static constexpr std::array<option_doc, 18> option_docs{{
        {"application_version_id"sv, ""sv},
        {"name"sv, "Name for the destination."sv},
        {"bucket_key"sv, ""sv},
        {"endpoint_url"sv, "The URL the messages should be sent to."sv},
        {"delivery_order"sv, "How the deliveries should operate. Valid options are random or fifo. The default is random"sv},
        {"status"sv, "The status of the bucket, defaults to active."sv},
        {"message_method"sv, "The HTTP method the message will be sent with. If null the method will pass through."sv},
        {"event_filters"sv, "The events that this input should be triggerd for. This can be a comma delimited list of events."sv},
        {"authentication_type"sv, "The type of authentication to apply to incoming requests."sv},
        {"retry_policy_id"sv, "The retry algorithm that will be used for failed attempts."sv},
        {"retry_count"sv, "The number of times the hook will be retried."sv},
        {"retry_interval"sv, "The interval for which the retries will be set."sv},
        {"verify_ssl"sv, "Ensure the SSL certificate is trusted and valid. If false, this will bypass this protection."sv},
        {"headers_to_include"sv, "A comma delimited list of custom headers to include."sv},
        {"header_prefix"sv, "The prefix of the custom headers that will be included. The default is Webhooks"sv},
        {"alert_on_failure"sv, "A comma delimited list of email addresses to alert when a webhook enters the failed status."sv},
        {"recipe_id"sv, "If a recipe should be applied to messages coming through this destination it can be specified."sv},
        {"rate_limit"sv, "The max rate for webhooks to be relayed. This will default to your plan max."sv},
    }};
    struct options {
        required<std::string> application_version_id;
        required<std::string> name;
        required<std::string> bucket_key;
        required<std::string> endpoint_url;
        std::optional<std::string> delivery_order{};
        std::optional<std::string> status{};
        std::optional<std::string> message_method{};
        std::optional<std::vector<std::string>> event_filters{};
        std::optional<std::string> authentication_type{};
        std::optional<std::string> retry_policy_id{};
        std::optional<int> retry_count{};
        std::optional<int> retry_interval{};
        std::optional<bool> verify_ssl{};
        std::optional<std::vector<std::string>> headers_to_include{};
        std::optional<std::string> header_prefix{};
        std::optional<std::vector<std::string>> alert_on_failure{};
        std::optional<std::string> recipe_id{};
        std::optional<int> rate_limit{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(create_consumer_destination::options, (), (application_version_id, name, bucket_key, endpoint_url, delivery_order, status, message_method, event_filters, authentication_type, retry_policy_id, retry_count, retry_interval, verify_ssl, headers_to_include, header_prefix, alert_on_failure, recipe_id, rate_limit))

// Updates an destination for the consumer of a given application.
struct update_consumer_destination : endpoint<"updateConsumerDestination", http_method::put, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/destinations/:destination_id", account_id, application_id, consumer_id, destination_id> {
    static constexpr std::string_view name = "update_consumer_destination"sv;
    static constexpr std::string_view summary = "Updates an destination for the consumer of a given application."sv;
    static constexpr std::array<option_doc, 17> option_docs{{
        {"application_version_id"sv, ""sv},
        {"name"sv, "Name for the input."sv},
        {"endpoint_url"sv, "The URL the messages should be sent to."sv},
        {"delivery_order"sv, "How the deliveries should operate. Valid options are random or fifo. The default is random"sv},
        {"status"sv, "The status of the bucket, defaults to active."sv},
        {"message_method"sv, "The HTTP method the message will be sent with. If null the method will pass through."sv},
        {"event_filters"sv, "The events that this input should be triggerd for. This can be a comma delimited list of events."sv},
        {"authentication_type"sv, "The type of authentication to apply to incoming requests."sv},
        {"retry_policy_id"sv, "The retry algorithm that will be used for failed attempts."sv},
        {"retry_count"sv, "The number of times the hook will be retried."sv},
        {"retry_interval"sv, "The interval for which the retries will be set."sv},
        {"verify_ssl"sv, "Ensure the SSL certificate is trusted and valid. If false, this will bypass this protection."sv},
        {"headers_to_include"sv, "A comma delimited list of custom headers to include."sv},
        {"header_prefix"sv, "The prefix of the custom headers that will be included. The default is Webhooks"sv},
        {"alert_on_failure"sv, "A comma delimited list of email addresses to alert when a webhook enters the failed status."sv},
        {"recipe_id"sv, "If a recipe should be applied to messages coming through this destination it can be specified."sv},
        {"rate_limit"sv, "The max rate for webhooks to be relayed. This will default to your plan max."sv},
    }};
    struct options {
        required<std::string> application_version_id;
        required<std::string> name;
        required<std::string> endpoint_url;
        std::optional<std::string> delivery_order{};
        std::optional<std::string> status{};
        std::optional<std::string> message_method{};
        std::optional<std::vector<std::string>> event_filters{};
        std::optional<std::string> authentication_type{};
        std::optional<std::string> retry_policy_id{};
        std::optional<int> retry_count{};
        std::optional<int> retry_interval{};
        std::optional<bool> verify_ssl{};
        std::optional<std::vector<std::string>> headers_to_include{};
        std::optional<std::string> header_prefix{};
        std::optional<std::vector<std::string>> alert_on_failure{};
        std::optional<std::string> recipe_id{};
        std::optional<int> rate_limit{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(update_consumer_destination::options, (), (application_version_id, name, endpoint_url, delivery_order, status, message_method, event_filters, authentication_type, retry_policy_id, retry_count, retry_interval, verify_ssl, headers_to_include, header_prefix, alert_on_failure, recipe_id, rate_limit))

// Deletes an destination for the consumer of a given application.
struct delete_consumer_destination : endpoint<"deleteConsumerDestination", http_method::delete_, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/destinations/:destination_id", account_id, application_id, consumer_id, destination_id> {
    static constexpr std::string_view name = "delete_consumer_destination"sv;
    static constexpr std::string_view summary = "Deletes an destination for the consumer of a given application."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(delete_consumer_destination::options, (), ())

// Returns all the buckets for the consumer of a given application.
struct get_consumer_buckets : endpoint<"getConsumerBuckets", http_method::get, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/buckets", account_id, application_id, consumer_id> {
    static constexpr std::string_view name = "get_consumer_buckets"sv;
    static constexpr std::string_view summary = "Returns all the buckets for the consumer of a given application."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_consumer_buckets::options, (), ())

// Sends a webhook to a particular consumer of an application for the given bucket_key.
struct send_consumer_webhook_request : endpoint<"sendConsumerWebhookRequest", http_method::post, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/send/:bucket_key", account_id, application_id, consumer_id, bucket_key> {
    static constexpr std::string_view name = "send_consumer_webhook_request"sv;
    static constexpr std::string_view summary = "Sends a webhook to a particular consumer of an application for the given bucket_key."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        WEBHOOKSIO_WEBHOOK_MEMBERS
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(send_consumer_webhook_request::options, (), ())

// Checks to see if the consumer is subscribed to a given event or set of events. If the event query param is not passed the complete list of events will be returned.
// Note: The seed names the required option event_name, the API docs event_type, and the docs' route adds /:bucket_key; the seed's route (bucket_key as an option) wins; accept both option names.
struct get_consumer_subscription : endpoint<"getConsumerSubscription", http_method::post, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/check", account_id, application_id, consumer_id> {
    static constexpr std::string_view name = "get_consumer_subscription"sv;
    static constexpr std::string_view summary = "Checks to see if the consumer is subscribed to a given event or set of events. If the event query param is not passed the complete list of events will be returned."sv;
    // The seed calls it event_name, the API docs event_type: either one will do.
    static constexpr std::array<std::string_view, 1> required_any_of{"event_name|event_type"};
    static constexpr std::array<option_doc, 4> option_docs{{
        {"bucket_key"sv, ""sv},
        {"event_name"sv, ""sv},
        {"include_destination_detail"sv, "If the details of each subscribed destination should be returned."sv},
        {"event_type"sv, "The name of the event to check."sv},
    }};
    struct options {
        required<std::string> bucket_key;
        std::optional<std::string> event_name{};
        std::optional<bool> include_destination_detail{};
        std::optional<std::string> event_type{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_consumer_subscription::options, (), (bucket_key, event_name, include_destination_detail, event_type))

// Returns a log of all messages for a given consumer.
struct get_consumer_request_log : endpoint<"getConsumerRequestLog", http_method::get, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/log", account_id, application_id, consumer_id> {
    static constexpr std::string_view name = "get_consumer_request_log"sv;
    static constexpr std::string_view summary = "Returns a log of all messages for a given consumer."sv;
    static constexpr std::array<option_doc, 4> option_docs{{
        {"start_date"sv, "The start date for the data. This can be an exact UTC date or a text based time period."sv},
        {"end_date"sv, "The end date for the data. This can be an exact UTC date or a text based time period."sv},
        {"destination_id"sv, ""sv},
        {"http_status"sv, ""sv},
    }};
    struct options {
        std::optional<std::string> start_date{};
        std::optional<std::string> end_date{};
        std::optional<std::string> destination_id{};
        std::optional<int> http_status{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_consumer_request_log::options, (), (start_date, end_date, destination_id, http_status))

// Generates a client token to be used with the embedded views.
struct create_client_token : endpoint<"createClientToken", http_method::post, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/client-token", account_id, application_id, consumer_id> {
    static constexpr std::string_view name = "create_client_token"sv;
    static constexpr std::string_view summary = "Generates a client token to be used with the embedded views."sv;
    static constexpr std::array<option_doc, 2> option_docs{{
        {"bucket_key"sv, "The bucket key the client token should be generated for. This can be an arbitrary value that maps back to your system."sv},
        {"paths"sv, "The permitted paths."sv},
    }};
    struct options {
        std::optional<std::string> bucket_key{};
        std::optional<std::vector<std::string>> paths{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(create_client_token::options, (), (bucket_key, paths))

// Returns the HTML for the embedded view.
struct get_embedded_view_html : endpoint<"getEmbeddedViewHtml", http_method::post, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/embedded-view-html", account_id, application_id, consumer_id> {
    static constexpr std::string_view name = "get_embedded_view_html"sv;
    static constexpr std::string_view summary = "Returns the HTML for the embedded view."sv;
    static constexpr std::array<option_doc, 9> option_docs{{
        {"bucket_key"sv, "The bucket key the client token should be generated for. This can be an arbitrary value that maps back to your system."sv},
        {"paths"sv, "The permitted paths."sv},
        {"css_url"sv, "URL to a css file that will be applied to the application styles."sv},
        {"default_tab"sv, "The default tab to show."sv},
        {"show_introduction"sv, "If the introduction should be displayed."sv},
        {"introduction_url"sv, "The URL to the actual introduction."sv},
        {"element_id"sv, "The element id for the manager to populate."sv},
        {"api_url"sv, "The API URL to use."sv},
        {"embedded_url"sv, "The embedded javascript file to use."sv},
    }};
    struct options {
        std::optional<std::string> bucket_key{};
        std::optional<std::vector<std::string>> paths{};
        std::optional<std::string> css_url{};
        std::optional<std::string> default_tab{};
        std::optional<bool> show_introduction{};
        std::optional<std::string> introduction_url{};
        std::optional<std::string> element_id{};
        std::optional<std::string> api_url{};
        std::optional<std::string> embedded_url{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_embedded_view_html::options, (), (bucket_key, paths, css_url, default_tab, show_introduction, introduction_url, element_id, api_url, embedded_url))

// Get Consumer Destination
struct get_consumer_destination : endpoint<"getConsumerDestination", http_method::get, "/v1/accounts/:account_id/applications/:application_id/consumers/:consumer_id/destinations/:destination_id", account_id, application_id, consumer_id, destination_id> {
    static constexpr std::string_view name = "get_consumer_destination"sv;
    static constexpr std::string_view summary = "Get Consumer Destination"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 1> option_docs{{
        {"include_certificate_data"sv, "Will return the imported SSL Certificate that will be used, if any. (Default is false)"sv},
    }};
    struct options {
        std::optional<bool> include_certificate_data{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_consumer_destination::options, (), (include_certificate_data))

// Send webhook to consumer (Dynamic)
struct send_dynamic_consumer_webhook_request : endpoint<"sendDynamicConsumerWebhookRequest", http_method::post, "/:application_id/:consumer_id/:bucket_key/:target_url", application_id, consumer_id, bucket_key, target_url> {
    static constexpr std::string_view name = "send_dynamic_consumer_webhook_request"sv;
    static constexpr std::string_view summary = "Send webhook to consumer (Dynamic)"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(send_dynamic_consumer_webhook_request::options, (), ())

}  // namespace webhooksio::api

// The Providers calls with their number of IDs, for the client's named methods.
#define WEBHOOKSIO_API_PROVIDERS(X) \
    X(create_consumer, 2) \
    X(get_consumers, 2) \
    X(update_consumer, 3) \
    X(get_consumer, 3) \
    X(delete_consumer, 3) \
    X(get_consumer_destinations, 3) \
    X(create_consumer_destination, 3) \
    X(update_consumer_destination, 4) \
    X(delete_consumer_destination, 4) \
    X(get_consumer_buckets, 3) \
    X(send_consumer_webhook_request, 4) \
    X(get_consumer_subscription, 3) \
    X(get_consumer_request_log, 3) \
    X(create_client_token, 3) \
    X(get_embedded_view_html, 3) \
    X(get_consumer_destination, 4) \
    X(send_dynamic_consumer_webhook_request, 4)
