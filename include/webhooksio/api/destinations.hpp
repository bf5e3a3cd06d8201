// The Destinations endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// Adds an destination for an input.
struct create_destination : endpoint<"createDestination", http_method::post, "/v1/accounts/:account_id/inputs/:input_id/destinations", account_id, input_id> {
    static constexpr std::string_view name = "create_destination"sv;
    static constexpr std::string_view summary = "Adds an destination for an input."sv;
    static constexpr std::array<option_doc, 16> option_docs{{
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
BOOST_DESCRIBE_STRUCT(create_destination::options, (), (name, endpoint_url, delivery_order, status, message_method, event_filters, authentication_type, retry_policy_id, retry_count, retry_interval, verify_ssl, headers_to_include, header_prefix, alert_on_failure, recipe_id, rate_limit))

// Updates the details of an destination.
struct update_destination : endpoint<"updateDestination", http_method::put, "/v1/accounts/:account_id/destinations/:destination_id", account_id, destination_id> {
    static constexpr std::string_view name = "update_destination"sv;
    static constexpr std::string_view summary = "Updates the details of an destination."sv;
    static constexpr std::array<option_doc, 16> option_docs{{
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
BOOST_DESCRIBE_STRUCT(update_destination::options, (), (name, endpoint_url, delivery_order, status, message_method, event_filters, authentication_type, retry_policy_id, retry_count, retry_interval, verify_ssl, headers_to_include, header_prefix, alert_on_failure, recipe_id, rate_limit))

// Returns the details for a specfic destination.
struct get_destination : endpoint<"getDestination", http_method::get, "/v1/accounts/:account_id/destinations/:destination_id", account_id, destination_id> {
    static constexpr std::string_view name = "get_destination"sv;
    static constexpr std::string_view summary = "Returns the details for a specfic destination."sv;
    static constexpr std::array<option_doc, 1> option_docs{{
        {"include_certificate_data"sv, "Will return the imported SSL Certificate that will be used, if any. (Default is false)"sv},
    }};
    struct options {
        std::optional<bool> include_certificate_data{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_destination::options, (), (include_certificate_data))

// Returns a collection of destinations.
struct get_destinations : endpoint<"getDestinations", http_method::get, "/v1/accounts/:account_id/inputs/:input_id/destinations", account_id, input_id> {
    static constexpr std::string_view name = "get_destinations"sv;
    static constexpr std::string_view summary = "Returns a collection of destinations."sv;
    static constexpr std::array<option_doc, 1> option_docs{{
        {"destination_key"sv, "Name for the bucket."sv},
    }};
    struct options {
        std::optional<std::string> destination_key{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_destinations::options, (), (destination_key))

// Deletes an destination.
struct delete_destination : endpoint<"deleteDestination", http_method::delete_, "/v1/accounts/:account_id/destinations/:destination_id", account_id, destination_id> {
    static constexpr std::string_view name = "delete_destination"sv;
    static constexpr std::string_view summary = "Deletes an destination."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
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
