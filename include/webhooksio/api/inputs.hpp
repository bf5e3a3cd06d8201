// The Inputs endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// Adds an input to an account
struct create_input : endpoint<"createInput", http_method::post, "/v1/accounts/:account_id/inputs", account_id> {
    static constexpr std::string_view name = "create_input"sv;
    static constexpr std::string_view summary = "Adds an input to an account"sv;
    static constexpr std::array<option_doc, 14> option_docs{{
        {"bucket_id"sv, "The bucket the input belongs to"sv},
        {"name"sv, "Name for the input."sv},
        {"status"sv, "The status of the bucket, defaults to active."sv},
        {"event_location"sv, "The location of the event, header, payload, query param, etc"sv},
        {"event_path"sv, "The path to the value that specifies what type of event is coming in. This starts with the value msg."sv},
        {"event_filters"sv, "The events that this input should be triggerd for. This can be a comma delimited list of events."sv},
        {"delivery_mode"sv, "The mode the request should be made in. Valid options include sync and async."sv},
        {"response_code"sv, "HTTP Response code to provide upon hook receipt - defaults to 200"sv},
        {"response_content_type"sv, "The content type that should be returned upon hook receipt, this should mirror the data in the response_content variable."sv},
        {"authentication_failures"sv, "How to handle authentication failures."sv},
        {"authentication_type"sv, "The type of authentication to apply to incoming requests."sv},
        {"response_content"sv, "Any content that should be provided upon hook receipt."sv},
        {"recipe_id"sv, "If a recipe should be applied to messages coming through this input it can be specified."sv},
        {"type"sv, "The type of input that is being created. Valid values include dynamic or static. Default is static."sv},
    }};
    struct options {
        required<std::string> bucket_id;
        required<std::string> name;
        std::optional<std::string> status{};
        std::optional<std::string> event_location{};
        std::optional<std::string> event_path{};
        std::optional<std::vector<std::string>> event_filters{};
        std::optional<std::string> delivery_mode{};
        std::optional<int> response_code{};
        std::optional<std::string> response_content_type{};
        std::optional<std::string> authentication_failures{};
        std::optional<std::string> authentication_type{};
        std::optional<std::string> response_content{};
        std::optional<std::string> recipe_id{};
        std::optional<std::string> type{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(create_input::options, (), (bucket_id, name, status, event_location, event_path, event_filters, delivery_mode, response_code, response_content_type, authentication_failures, authentication_type, response_content, recipe_id, type))

// Updates the details for an input.
struct update_input : endpoint<"updateInput", http_method::put, "/v1/accounts/:account_id/inputs/:input_id", account_id, input_id> {
    static constexpr std::string_view name = "update_input"sv;
    static constexpr std::string_view summary = "Updates the details for an input."sv;
    static constexpr std::array<option_doc, 12> option_docs{{
        {"name"sv, "Name for the input."sv},
        {"status"sv, "The status of the bucket, defaults to active."sv},
        {"event_location"sv, "The location of the event, header, payload, query param, etc"sv},
        {"event_path"sv, "The path to the value that specifies what type of event is coming in. This starts with the value msg."sv},
        {"event_filters"sv, "The events that this input should be triggerd for. This can be a comma delimited list of events."sv},
        {"delivery_mode"sv, "The mode the request should be made in. Valid options include sync and async."sv},
        {"response_code"sv, "HTTP Response code to provide upon hook receipt - defaults to 200"sv},
        {"response_content_type"sv, "The content type that should be returned upon hook receipt, this should mirror the data in the response_content variable."sv},
        {"authentication_failures"sv, "How to handle authentication failures."sv},
        {"authentication_type"sv, "The type of authentication to apply to incoming requests."sv},
        {"response_content"sv, "Any content that should be provided upon hook receipt."sv},
        {"recipe_id"sv, "If a recipe should be applied to messages coming through this input it can be specified."sv},
    }};
    struct options {
        required<std::string> name;
        std::optional<std::string> status{};
        std::optional<std::string> event_location{};
        std::optional<std::string> event_path{};
        std::optional<std::vector<std::string>> event_filters{};
        std::optional<std::string> delivery_mode{};
        std::optional<int> response_code{};
        std::optional<std::string> response_content_type{};
        std::optional<std::string> authentication_failures{};
        std::optional<std::string> authentication_type{};
        std::optional<std::string> response_content{};
        std::optional<std::string> recipe_id{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(update_input::options, (), (name, status, event_location, event_path, event_filters, delivery_mode, response_code, response_content_type, authentication_failures, authentication_type, response_content, recipe_id))

// Returns the details for a specfic input.
struct get_input : endpoint<"getInput", http_method::get, "/v1/accounts/:account_id/inputs/:input_id", account_id, input_id> {
    static constexpr std::string_view name = "get_input"sv;
    static constexpr std::string_view summary = "Returns the details for a specfic input."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_input::options, (), ())

// Returns a collection of inputs for an account.
struct get_inputs : endpoint<"getInputs", http_method::get, "/v1/accounts/:account_id/buckets/:bucket_id/inputs", account_id, bucket_id> {
    static constexpr std::string_view name = "get_inputs"sv;
    static constexpr std::string_view summary = "Returns a collection of inputs for an account."sv;
    static constexpr std::array<option_doc, 2> option_docs{{
        {"key"sv, "Name for the bucket."sv},
        {"event_filter"sv, "The event that should be filtered on."sv},
    }};
    struct options {
        std::optional<std::string> key{};
        std::optional<std::string> event_filter{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_inputs::options, (), (key, event_filter))

// Deletes an input.
struct delete_input : endpoint<"deleteInput", http_method::delete_, "/v1/accounts/:account_id/inputs/:input_id", account_id, input_id> {
    static constexpr std::string_view name = "delete_input"sv;
    static constexpr std::string_view summary = "Deletes an input."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(delete_input::options, (), ())

}  // namespace webhooksio::api

// The Inputs calls with their number of IDs, for the client's named methods.
#define WEBHOOKSIO_API_INPUTS(X) \
    X(create_input, 1) \
    X(update_input, 2) \
    X(get_input, 2) \
    X(get_inputs, 2) \
    X(delete_input, 2)
