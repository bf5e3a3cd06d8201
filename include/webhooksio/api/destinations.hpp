// The Destinations endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// Adds an destination for an input.
struct create_destination : endpoint<"createDestination", http_method::post, "/v1/accounts/:account_id/inputs/:input_id/destinations", account_id, input_id> {
    static constexpr std::string_view name = "create_destination";
    static constexpr std::string_view summary = "Adds an destination for an input.";
    static constexpr std::array<option_doc, 16> option_docs{{
        {"name", "Name for the input."},
        {"endpoint_url", "The URL the messages should be sent to."},
        {"delivery_order", "How the deliveries should operate. Valid options are random or fifo. The default is random"},
        {"status", "The status of the bucket, defaults to active."},
        {"message_method", "The HTTP method the message will be sent with. If null the method will pass through."},
        {"event_filters", "The events that this input should be triggerd for. This can be a comma delimited list of events."},
        {"authentication_type", "The type of authentication to apply to incoming requests."},
        {"retry_policy_id", "The retry algorithm that will be used for failed attempts."},
        {"retry_count", "The number of times the hook will be retried."},
        {"retry_interval", "The interval for which the retries will be set."},
        {"verify_ssl", "Ensure the SSL certificate is trusted and valid. If false, this will bypass this protection."},
        {"headers_to_include", "A comma delimited list of custom headers to include."},
        {"header_prefix", "The prefix of the custom headers that will be included. The default is Webhooks"},
        {"alert_on_failure", "A comma delimited list of email addresses to alert when a webhook enters the failed status."},
        {"recipe_id", "If a recipe should be applied to messages coming through this destination it can be specified."},
        {"rate_limit", "The max rate for webhooks to be relayed. This will default to your plan max."},
    }};
    struct options {
        required<std::string> name;
        required<std::string> endpoint_url;
        std::optional<std::string> delivery_order;
        std::optional<std::string> status;
        std::optional<std::string> message_method;
        std::optional<std::vector<std::string>> event_filters;
        std::optional<std::string> authentication_type;
        std::optional<std::string> retry_policy_id;
        std::optional<int> retry_count;
        std::optional<int> retry_interval;
        std::optional<bool> verify_ssl;
        std::optional<std::vector<std::string>> headers_to_include;
        std::optional<std::string> header_prefix;
        std::optional<std::vector<std::string>> alert_on_failure;
        std::optional<std::string> recipe_id;
        std::optional<int> rate_limit;
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(create_destination::options, (), (name, endpoint_url, delivery_order, status, message_method, event_filters, authentication_type, retry_policy_id, retry_count, retry_interval, verify_ssl, headers_to_include, header_prefix, alert_on_failure, recipe_id, rate_limit))

// Updates the details of an destination.
struct update_destination : endpoint<"updateDestination", http_method::put, "/v1/accounts/:account_id/destinations/:destination_id", account_id, destination_id> {
    static constexpr std::string_view name = "update_destination";
    static constexpr std::string_view summary = "Updates the details of an destination.";
    static constexpr std::array<option_doc, 16> option_docs{{
        {"name", "Name for the input."},
        {"endpoint_url", "The URL the messages should be sent to."},
        {"delivery_order", "How the deliveries should operate. Valid options are random or fifo. The default is random"},
        {"status", "The status of the bucket, defaults to active."},
        {"message_method", "The HTTP method the message will be sent with. If null the method will pass through."},
        {"event_filters", "The events that this input should be triggerd for. This can be a comma delimited list of events."},
        {"authentication_type", "The type of authentication to apply to incoming requests."},
        {"retry_policy_id", "The retry algorithm that will be used for failed attempts."},
        {"retry_count", "The number of times the hook will be retried."},
        {"retry_interval", "The interval for which the retries will be set."},
        {"verify_ssl", "Ensure the SSL certificate is trusted and valid. If false, this will bypass this protection."},
        {"headers_to_include", "A comma delimited list of custom headers to include."},
        {"header_prefix", "The prefix of the custom headers that will be included. The default is Webhooks"},
        {"alert_on_failure", "A comma delimited list of email addresses to alert when a webhook enters the failed status."},
        {"recipe_id", "If a recipe should be applied to messages coming through this destination it can be specified."},
        {"rate_limit", "The max rate for webhooks to be relayed. This will default to your plan max."},
    }};
    struct options {
        required<std::string> name;
        required<std::string> endpoint_url;
        std::optional<std::string> delivery_order;
        std::optional<std::string> status;
        std::optional<std::string> message_method;
        std::optional<std::vector<std::string>> event_filters;
        std::optional<std::string> authentication_type;
        std::optional<std::string> retry_policy_id;
        std::optional<int> retry_count;
        std::optional<int> retry_interval;
        std::optional<bool> verify_ssl;
        std::optional<std::vector<std::string>> headers_to_include;
        std::optional<std::string> header_prefix;
        std::optional<std::vector<std::string>> alert_on_failure;
        std::optional<std::string> recipe_id;
        std::optional<int> rate_limit;
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(update_destination::options, (), (name, endpoint_url, delivery_order, status, message_method, event_filters, authentication_type, retry_policy_id, retry_count, retry_interval, verify_ssl, headers_to_include, header_prefix, alert_on_failure, recipe_id, rate_limit))

// Returns the details for a specfic destination.
struct get_destination : endpoint<"getDestination", http_method::get, "/v1/accounts/:account_id/destinations/:destination_id", account_id, destination_id> {
    static constexpr std::string_view name = "get_destination";
    static constexpr std::string_view summary = "Returns the details for a specfic destination.";
    static constexpr std::array<option_doc, 1> option_docs{{
        {"include_certificate_data", "Will return the imported SSL Certificate that will be used, if any. (Default is false)"},
    }};
    struct options {
        std::optional<bool> include_certificate_data;
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_destination::options, (), (include_certificate_data))

// Returns a collection of destinations.
struct get_destinations : endpoint<"getDestinations", http_method::get, "/v1/accounts/:account_id/inputs/:input_id/destinations", account_id, input_id> {
    static constexpr std::string_view name = "get_destinations";
    static constexpr std::string_view summary = "Returns a collection of destinations.";
    static constexpr std::array<option_doc, 1> option_docs{{
        {"destination_key", "Name for the bucket."},
    }};
    struct options {
        std::optional<std::string> destination_key;
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_destinations::options, (), (destination_key))

// Deletes an destination.
struct delete_destination : endpoint<"deleteDestination", http_method::delete_, "/v1/accounts/:account_id/destinations/:destination_id", account_id, destination_id> {
    static constexpr std::string_view name = "delete_destination";
    static constexpr std::string_view summary = "Deletes an destination.";
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(delete_destination::options, (), ())

}  // namespace webhooksio::api

// The Destinations calls with their number of IDs, for the client's named methods.
#define WEBHOOKSIO_API_DESTINATIONS(X) \
    X(create_destination, 2) \
    X(update_destination, 2) \
    X(get_destination, 2) \
    X(get_destinations, 2) \
    X(delete_destination, 2)
