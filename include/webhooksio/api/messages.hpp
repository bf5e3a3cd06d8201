// The Messages endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// Returns the details regarding an incoming message.
struct get_incoming_message : endpoint<"getIncomingMessage", http_method::get, "/v1/accounts/:account_id/incoming/:incoming_message_id", account_id, incoming_message_id> {
    static constexpr std::string_view name = "get_incoming_message"sv;
    static constexpr std::string_view summary = "Returns the details regarding an incoming message."sv;
    static constexpr std::array<option_doc, 1> option_docs{{
        {"include_outgoing_messages"sv, "If the outgoing messages should be included as well."sv},
    }};
    struct options {
        std::optional<bool> include_outgoing_messages{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_incoming_message::options, (), (include_outgoing_messages))

// Returns the details regarding an outgoing message, including all attempts
struct get_outgoing_message : endpoint<"getOutgoingMessage", http_method::get, "/v1/accounts/:account_id/outgoing/:outgoing_message_id", account_id, outgoing_message_id> {
    static constexpr std::string_view name = "get_outgoing_message"sv;
    static constexpr std::string_view summary = "Returns the details regarding an outgoing message, including all attempts"sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_outgoing_message::options, (), ())

// Returns the basic information regarding the status of the outgoing request.
struct get_outgoing_message_status : endpoint<"getOutgoingMessageStatus", http_method::get, "/v1/accounts/:account_id/outgoing/:outgoing_message_id/status", account_id, outgoing_message_id> {
    static constexpr std::string_view name = "get_outgoing_message_status"sv;
    static constexpr std::string_view summary = "Returns the basic information regarding the status of the outgoing request."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_outgoing_message_status::options, (), ())

// Get Outgoing Message Attempt
struct get_outgoing_message_attempt : endpoint<"getOutgoingMessageAttempt", http_method::get, "/v1/accounts/:account_id/attempts/:attempt_id", account_id, attempt_id> {
    static constexpr std::string_view name = "get_outgoing_message_attempt"sv;
    static constexpr std::string_view summary = "Get Outgoing Message Attempt"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_outgoing_message_attempt::options, (), ())

}  // namespace webhooksio::api

// The Messages calls with their number of IDs, for the client's named methods.
#define WEBHOOKSIO_API_MESSAGES(X) \
    X(get_incoming_message, 2) \
    X(get_outgoing_message, 2) \
    X(get_outgoing_message_status, 2) \
    X(get_outgoing_message_attempt, 2)
