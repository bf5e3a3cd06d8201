// The Inputs endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../detail/define_endpoint.hpp"

namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(inputs, create_input, seed("createInput"), post, "/v1/accounts/:account_id/inputs", (account_id),
    "Adds an input to an account",
    (required, webhooksio::bucket_id, bucket_id, "The bucket the input belongs to")
    (required, std::string, name, "Name for the input.")
    (optional, std::string, status, "The status of the bucket, defaults to active.")
    (optional, std::string, event_location, "The location of the event, header, payload, query param, etc")
    (optional, std::string, event_path, "The path to the value that specifies what type of event is coming in. This starts with the value msg.")
    (optional, std::vector<std::string>, event_filters, "The events that this input should be triggerd for. This can be a comma delimited list of events.")
    (optional, std::string, delivery_mode, "The mode the request should be made in. Valid options include sync and async.")
    (optional, int, response_code, "HTTP Response code to provide upon hook receipt - defaults to 200")
    (optional, std::string, response_content_type, "The content type that should be returned upon hook receipt, this should mirror the data in the response_content variable.")
    (optional, std::string, authentication_failures, "How to handle authentication failures.")
    (optional, std::string, authentication_type, "The type of authentication to apply to incoming requests.")
    (optional, std::string, response_content, "Any content that should be provided upon hook receipt.")
    (optional, webhooksio::recipe_id, recipe_id, "If a recipe should be applied to messages coming through this input it can be specified.")
    (optional, std::string, type, "The type of input that is being created. Valid values include dynamic or static. Default is static."))

WEBHOOKSIO_ENDPOINT(inputs, update_input, seed("updateInput"), put, "/v1/accounts/:account_id/inputs/:input_id", (account_id, input_id),
    "Updates the details for an input.",
    (required, std::string, name, "Name for the input.")
    (optional, std::string, status, "The status of the bucket, defaults to active.")
    (optional, std::string, event_location, "The location of the event, header, payload, query param, etc")
    (optional, std::string, event_path, "The path to the value that specifies what type of event is coming in. This starts with the value msg.")
    (optional, std::vector<std::string>, event_filters, "The events that this input should be triggerd for. This can be a comma delimited list of events.")
    (optional, std::string, delivery_mode, "The mode the request should be made in. Valid options include sync and async.")
    (optional, int, response_code, "HTTP Response code to provide upon hook receipt - defaults to 200")
    (optional, std::string, response_content_type, "The content type that should be returned upon hook receipt, this should mirror the data in the response_content variable.")
    (optional, std::string, authentication_failures, "How to handle authentication failures.")
    (optional, std::string, authentication_type, "The type of authentication to apply to incoming requests.")
    (optional, std::string, response_content, "Any content that should be provided upon hook receipt.")
    (optional, webhooksio::recipe_id, recipe_id, "If a recipe should be applied to messages coming through this input it can be specified."))

WEBHOOKSIO_ENDPOINT(inputs, get_input, seed("getInput"), get, "/v1/accounts/:account_id/inputs/:input_id", (account_id, input_id),
    "Returns the details for a specfic input.")

WEBHOOKSIO_ENDPOINT(inputs, get_inputs, seed("getInputs"), get, "/v1/accounts/:account_id/buckets/:bucket_id/inputs", (account_id, bucket_id),
    "Returns a collection of inputs for an account.",
    (optional, std::string, key, "Name for the bucket.")
    (optional, std::string, event_filter, "The event that should be filtered on."))

WEBHOOKSIO_ENDPOINT(inputs, delete_input, seed("deleteInput"), delete_, "/v1/accounts/:account_id/inputs/:input_id", (account_id, input_id),
    "Deletes an input.")

// The area's endpoints, in the order above: WEBHOOKSIO_API_INPUTS(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_INPUTS(X) \
    X(create_input)              \
    X(update_input)              \
    X(get_input)                 \
    X(get_inputs)                \
    X(delete_input)

namespace areas {
using inputs = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_INPUTS);
}  // namespace areas

}  // namespace webhooksio::api
