// The Gateway endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// Gateway Auth Details
struct get_gateway_auth_option : endpoint<"getGatewayAuthOption", http_method::get, "/v1/gateway/authentication/:type/:option", auth_type, auth_option> {
    static constexpr std::string_view name = "get_gateway_auth_option"sv;
    static constexpr std::string_view summary = "Gateway Auth Details"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_gateway_auth_option::options, (), ())

// Gateway Auth Options
struct get_gateway_auth_options : endpoint<"getGatewayAuthOptions", http_method::get, "/v1/gateway/authentication/:type", auth_type> {
    static constexpr std::string_view name = "get_gateway_auth_options"sv;
    static constexpr std::string_view summary = "Gateway Auth Options"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_gateway_auth_options::options, (), ())

// Request Gateway
struct send_input_request : endpoint<"sendInputRequest", http_method::post, "/v1/:input_name/:input_id", input_name, input_id> {
    static constexpr std::string_view name = "send_input_request"sv;
    static constexpr std::string_view summary = "Request Gateway"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        WEBHOOKSIO_WEBHOOK_MEMBERS
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(send_input_request::options, (), ())

// Request Gateway (Dynamic)
struct send_dynamic_input_request : endpoint<"sendDynamicInputRequest", http_method::post, "/:input_id/:target_url", input_id, target_url> {
    static constexpr std::string_view name = "send_dynamic_input_request"sv;
    static constexpr std::string_view summary = "Request Gateway (Dynamic)"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        WEBHOOKSIO_WEBHOOK_MEMBERS
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(send_dynamic_input_request::options, (), ())

// Request Gateway
struct check_input_gateway : endpoint<"checkInputGateway", http_method::head, "/v1/:input_name/:input_id", input_name, input_id> {
    static constexpr std::string_view name = "check_input_gateway"sv;
    static constexpr std::string_view summary = "Request Gateway"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(check_input_gateway::options, (), ())

// Resend Request
struct resend_messages : endpoint<"resendMessages", http_method::post, "/v1/accounts/:account_id/resend", account_id> {
    static constexpr std::string_view name = "resend_messages"sv;
    static constexpr std::string_view summary = "Resend Request"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 1> option_docs{{
        {"outgoing_message_ids"sv, "An array of all the outgoing message ids that should be resent."sv},
    }};
    struct options {
        required<boost::json::value> outgoing_message_ids;
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(resend_messages::options, (), (outgoing_message_ids))

// Retry Request
struct retry_request : endpoint<"retryRequest", http_method::post, "/v1/retry"> {
    static constexpr std::string_view name = "retry_request"sv;
    static constexpr std::string_view summary = "Retry Request"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(retry_request::options, (), ())

}  // namespace webhooksio::api

// The Gateway calls with their number of IDs, for the client's named methods.
#define WEBHOOKSIO_API_GATEWAY(X) \
    X(get_gateway_auth_option, 2) \
    X(get_gateway_auth_options, 1) \
    X(send_input_request, 2) \
    X(send_dynamic_input_request, 2) \
    X(check_input_gateway, 2) \
    X(resend_messages, 1) \
    X(retry_request, 0)
