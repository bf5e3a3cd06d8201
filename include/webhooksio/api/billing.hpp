// The Billing endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// Create Subscription
struct create_subscription : endpoint<"createSubscription", http_method::post, "/v1/accounts/:account_id/subscriptions", account_id> {
    static constexpr std::string_view name = "create_subscription"sv;
    static constexpr std::string_view summary = "Create Subscription"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 4> option_docs{{
        {"user_id"sv, "The user that is logged into the system."sv},
        {"plan_id"sv, "The ID of the plan that the subscription is to be started for."sv},
        {"payment_token"sv, "The temporary stripe payment token used for the payment of the subscription. This is required if the value of the plan being added is greater than $0."sv},
        {"coupon_code"sv, "A coupon code to apply to this subscription."sv},
    }};
    struct options {
        required<std::string> user_id;
        required<std::string> plan_id;
        std::optional<std::string> payment_token{};
        std::optional<std::string> coupon_code{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(create_subscription::options, (), (user_id, plan_id, payment_token, coupon_code))

// Update Subscription
struct update_subscription : endpoint<"updateSubscription", http_method::put, "/v1/accounts/:account_id/subscriptions", account_id> {
    static constexpr std::string_view name = "update_subscription"sv;
    static constexpr std::string_view summary = "Update Subscription"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 5> option_docs{{
        {"user_id"sv, "The user that is logged into the system. This should be passed to change the billing contact on the account."sv},
        {"plan_id"sv, "The ID of the plan that the subscription should be change to."sv},
        {"payment_token"sv, "The temporary stripe payment token used for the payment of the subscription. This only needs to be passed when changing the credit card info."sv},
        {"coupon_code"sv, "A coupon code to apply to this subscription."sv},
        {"end_of_term"sv, "If the change should take effect at the end of the term, or now. Defaults to now - false."sv},
    }};
    struct options {
        std::optional<std::string> user_id{};
        std::optional<std::string> plan_id{};
        std::optional<std::string> payment_token{};
        std::optional<std::string> coupon_code{};
        std::optional<bool> end_of_term{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(update_subscription::options, (), (user_id, plan_id, payment_token, coupon_code, end_of_term))

// Get Subscription Details
struct get_subscription : endpoint<"getSubscription", http_method::get, "/v1/accounts/:account_id/subscriptions", account_id> {
    static constexpr std::string_view name = "get_subscription"sv;
    static constexpr std::string_view summary = "Get Subscription Details"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_subscription::options, (), ())

// List Invoices
struct get_invoices : endpoint<"getInvoices", http_method::get, "/v1/accounts/:account_id/invoices", account_id> {
    static constexpr std::string_view name = "get_invoices"sv;
    static constexpr std::string_view summary = "List Invoices"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_invoices::options, (), ())

// Get Invoice
struct get_invoice : endpoint<"getInvoice", http_method::get, "/v1/accounts/:account_id/invoices/:invoice_id", account_id, invoice_id> {
    static constexpr std::string_view name = "get_invoice"sv;
    static constexpr std::string_view summary = "Get Invoice"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_invoice::options, (), ())

// Cancel Subscription
struct cancel_subscription : endpoint<"cancelSubscription", http_method::delete_, "/v1/accounts/:account_id/subscriptions", account_id> {
    static constexpr std::string_view name = "cancel_subscription"sv;
    static constexpr std::string_view summary = "Cancel Subscription"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 1> option_docs{{
        {"end_of_term"sv, "If the change should take effect at the end of the term, or now. Defaults to now - false."sv},
    }};
    struct options {
        std::optional<bool> end_of_term{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(cancel_subscription::options, (), (end_of_term))

}  // namespace webhooksio::api

// The Billing calls with their number of IDs, for the client's named methods.
#define WEBHOOKSIO_API_BILLING(X) \
    X(create_subscription, 1) \
    X(update_subscription, 1) \
    X(get_subscription, 1) \
    X(get_invoices, 1) \
    X(get_invoice, 2) \
    X(cancel_subscription, 1)
