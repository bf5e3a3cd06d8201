// Typed views of the answers of the API's core resources:
//
//     auto bucket = boost::json::value_to<webhooksio::model::bucket>(api.get_bucket(account, id));
//     api.get_inputs(*bucket.account_id, *bucket.id);
//
// Each struct is described with Boost.Describe (in a user's file of a
// separately compiled program only with WEBHOOKSIO_DESCRIBE_TYPES: config.hpp)
// and converts as <webhooksio/tolerant_json.hpp> does: a field the answer leaves out keeps its
// default (an optional stays empty), a field the struct doesn't know is
// ignored, so an answer that gains fields keeps converting. IDs are the
// client's ID types, ready for the next call; times are the API's ISO 8601
// text ("2026-11-27T11:02:03Z"); lists the API sends as "a,b" are vectors.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe.hpp>
#include <boost/json.hpp>

#include "config.hpp"
#include "ids.hpp"
#if !defined(WEBHOOKSIO_SEPARATE_COMPILATION)
#include "tolerant_json.hpp"
#endif

namespace webhooksio::model {

// An account (get_account, list_accounts, create_sub_account, ...).
struct account {
    std::optional<webhooksio::account_id> id;
    std::string name;
    std::optional<webhooksio::plan_id> plan_id;
    std::optional<webhooksio::account_id> parent_account_id;  ///< a sub-account's parent
    std::optional<std::string> account_key;                   ///< an identifier from another system
    std::string created_at;
    std::string updated_at;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(account, (), (id, name, plan_id, parent_account_id, account_key, created_at, updated_at))

// A user of an account (get_user, create_user, ...).
struct user {
    std::optional<webhooksio::user_id> id;
    std::optional<webhooksio::account_id> account_id;
    std::string first_name;
    std::string last_name;
    std::string email_address;
    std::optional<std::string> timezone;
    std::string permission_level;  ///< "owner" for the user who registered the account
    bool verified = false;          ///< the e-mail address is verified
    std::string created_at;
    std::string updated_at;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(user, (), (id, account_id, first_name, last_name, email_address, timezone, permission_level,
                                 verified, created_at, updated_at))

// What register_account and login answer: the new session's API token with
// its account and user.
struct session {
    std::optional<webhooksio::account_id> account_id;
    std::optional<webhooksio::user_id> user_id;
    std::string api_token;
    model::account account;
    model::user user;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(session, (), (account_id, user_id, api_token, account, user))

// Where an input's messages are delivered (get_destination, ...).
struct destination {
    std::optional<webhooksio::destination_id> id;
    std::optional<webhooksio::input_id> input_id;
    std::string name;
    std::string endpoint_url;
    std::optional<std::string> status;          ///< "active" (the default) or "paused"
    std::optional<std::string> delivery_order;  ///< "random" (the default) or "fifo"
    std::optional<std::string> message_method;  ///< empty: the incoming method passes through
    std::vector<std::string> event_filters;     ///< events let through; none: every event
    std::optional<std::string> authentication_type;
    std::optional<std::string> retry_policy_id;
    std::optional<int> retry_count;
    std::optional<int> retry_interval;
    std::optional<bool> verify_ssl;
    std::vector<std::string> headers_to_include;  ///< incoming headers passed on
    std::optional<std::string> header_prefix;     ///< of the headers added, "Webhooks" by default
    std::vector<std::string> alert_on_failure;    ///< e-mail addresses
    std::optional<webhooksio::recipe_id> recipe_id;
    std::optional<int> rate_limit;
    std::string created_at;
    std::string updated_at;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(destination, (), (id, input_id, name, endpoint_url, status, delivery_order, message_method,
                                        event_filters, authentication_type, retry_policy_id, retry_count,
                                        retry_interval, verify_ssl, headers_to_include, header_prefix,
                                        alert_on_failure, recipe_id, rate_limit, created_at, updated_at))

// Where webhooks come in: a URL of the gateway (get_input, ...).
struct input {
    std::optional<webhooksio::input_id> id;
    std::optional<webhooksio::bucket_id> bucket_id;
    std::string name;
    std::string url;                            ///< where senders post their webhooks
    std::optional<std::string> status;          ///< "active" (the default) or "paused"
    std::optional<std::string> type;            ///< "static" (the default) or "dynamic"
    std::optional<std::string> event_location;  ///< where the event is: "header", "query" or the payload
    std::optional<std::string> event_path;      ///< its name there ("msg.type" in the payload)
    std::vector<std::string> event_filters;     ///< events accepted; none: every event
    std::optional<std::string> delivery_mode;   ///< "sync" or "async"
    std::optional<int> response_code;           ///< the status senders get, 200 by default
    std::optional<std::string> response_content;
    std::optional<std::string> response_content_type;
    std::optional<std::string> authentication_type;
    std::optional<std::string> authentication_failures;
    std::optional<webhooksio::recipe_id> recipe_id;
    std::string created_at;
    std::string updated_at;
    std::optional<std::vector<destination>> destinations;  ///< with get_bucket(s)' expand
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(input, (), (id, bucket_id, name, url, status, type, event_location, event_path, event_filters,
                                  delivery_mode, response_code, response_content, response_content_type,
                                  authentication_type, authentication_failures, recipe_id, created_at, updated_at,
                                  destinations))

// A group of inputs (get_bucket, get_buckets, ...).
struct bucket {
    std::optional<webhooksio::bucket_id> id;
    std::optional<webhooksio::account_id> account_id;
    std::string name;
    std::optional<std::string> key;
    std::string created_at;
    std::string updated_at;
    std::optional<std::vector<input>> inputs;  ///< with expand: its inputs and their destinations
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(bucket, (), (id, account_id, name, key, created_at, updated_at, inputs))

// One try at delivering an outgoing message.
struct attempt {
    std::optional<webhooksio::attempt_id> id;
    std::optional<webhooksio::outgoing_message_id> outgoing_message_id;  ///< from get_outgoing_message_attempt
    int number = 0;                                                      ///< 1 for the first try
    std::string started_at;
    int http_status = 0;        ///< the destination's answer; 0 when none came
    std::string response_body;  ///< what the destination answered
    std::string error;          ///< why no answer came
    std::int64_t duration_ms = 0;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(attempt, (), (id, outgoing_message_id, number, started_at, http_status, response_body, error,
                                    duration_ms))

// A webhook on its way to one destination (get_outgoing_message).
struct outgoing_message {
    std::optional<webhooksio::outgoing_message_id> id;
    std::optional<webhooksio::account_id> account_id;
    std::optional<webhooksio::incoming_message_id> incoming_message_id;
    std::optional<webhooksio::destination_id> destination_id;  ///< none for a dynamic input's message
    std::string endpoint_url;
    std::string event;
    std::string status;  ///< "pending", "retrying", "success", "failed" or "cancelled"
    int attempt_count = 0;
    std::vector<model::attempt> attempts;
    std::string created_at;
    std::string updated_at;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(outgoing_message, (), (id, account_id, incoming_message_id, destination_id, endpoint_url, event,
                                             status, attempt_count, attempts, created_at, updated_at))

// A webhook as the gateway received it (get_incoming_message).
struct incoming_message {
    std::optional<webhooksio::incoming_message_id> id;
    std::optional<webhooksio::account_id> account_id;
    std::optional<webhooksio::bucket_id> bucket_id;
    std::optional<webhooksio::input_id> input_id;
    std::string method;
    std::map<std::string, std::string> headers;
    std::map<std::string, std::string> query;
    std::string body;
    std::string content_type;
    std::string event;  ///< found where its input's event_location says
    std::vector<webhooksio::outgoing_message_id> outgoing_message_ids;
    std::optional<std::vector<outgoing_message>> outgoing_messages;  ///< with include_outgoing_messages
    std::string created_at;
    std::string updated_at;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(incoming_message, (), (id, account_id, bucket_id, input_id, method, headers, query, body,
                                             content_type, event, outgoing_message_ids, outgoing_messages, created_at,
                                             updated_at))

// What the request gateway answers when it accepts a webhook
// (send_input_request, send_dynamic_input_request): the incoming message it
// stored and one outgoing message per destination the event goes to (none
// when every destination's event_filters leave it out). An input with its
// own response_content answers with that instead.
struct gateway_answer {
    std::optional<webhooksio::incoming_message_id> incoming_message_id;
    std::vector<webhooksio::outgoing_message_id> outgoing_message_ids;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(gateway_answer, (), (incoming_message_id, outgoing_message_ids))

// A line of the request log (get_request_log): one webhook received or one
// delivery attempt.
struct log_entry {
    std::string id;
    std::string direction;  ///< "incoming" or "outgoing"
    std::string method;
    std::string url;
    int http_status = 0;
    std::optional<webhooksio::bucket_id> bucket_id;
    std::optional<webhooksio::input_id> input_id;
    std::optional<webhooksio::destination_id> destination_id;
    std::optional<webhooksio::incoming_message_id> incoming_message_id;
    std::optional<webhooksio::outgoing_message_id> outgoing_message_id;
    std::optional<int> attempt;  ///< an outgoing entry's attempt number
    std::optional<webhooksio::consumer_id> consumer_id;
    std::optional<webhooksio::application_id> application_id;
    std::string created_at;
    std::string updated_at;
};
WEBHOOKSIO_DETAIL_DESCRIBE_STRUCT(log_entry, (), (id, direction, method, url, http_status, bucket_id, input_id, destination_id,
                                      incoming_message_id, outgoing_message_id, attempt, consumer_id, application_id,
                                      created_at, updated_at))

// Every struct above, for the conversions below.
#define WEBHOOKSIO_DETAIL_MODEL_TYPES(X)                                                                          \
    X(account) X(user) X(session) X(destination) X(input) X(bucket) X(attempt) X(outgoing_message)               \
    X(incoming_message) X(gateway_answer) X(log_entry)

#if defined(WEBHOOKSIO_SEPARATE_COMPILATION)
// value_to, try_value_to and value_from of each struct: declared here and
// compiled once, in the program's src.hpp file (impl/model.ipp), so that a
// file converting answers calls them rather than compiling the tolerant reader.
#define WEBHOOKSIO_DETAIL_MODEL_CONVERSIONS(T)                                                                   \
    boost::json::result<T> tag_invoke(boost::json::try_value_to_tag<T>, const boost::json::value&);             \
    T tag_invoke(boost::json::value_to_tag<T>, const boost::json::value&);                                      \
    void tag_invoke(boost::json::value_from_tag, boost::json::value&, const T&);
WEBHOOKSIO_DETAIL_MODEL_TYPES(WEBHOOKSIO_DETAIL_MODEL_CONVERSIONS)
#undef WEBHOOKSIO_DETAIL_MODEL_CONVERSIONS
#else
// Header-only: tolerant_json.hpp's templates, compiled only where a file
// converts a struct.
using webhooksio::tolerant::tag_invoke;
#endif

}  // namespace webhooksio::model

#if defined(WEBHOOKSIO_SEPARATE_COMPILATION) && WEBHOOKSIO_DEFINITIONS
#include "impl/model.ipp"
#endif
