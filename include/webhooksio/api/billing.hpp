// The Billing endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../detail/define_endpoint.hpp"

namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(billing, create_subscription, docs("createSubscription"), post, "/v1/accounts/:account_id/subscriptions", (account_id),
    "Create Subscription",
    (required, webhooksio::user_id, user_id, "The user that is logged into the system.")
    (required, webhooksio::plan_id, plan_id, "The ID of the plan that the subscription is to be started for.")
    (optional, std::string, payment_token, "The temporary stripe payment token used for the payment of the subscription. This is required if the value of the plan being added is greater than $0.")
    (optional, std::string, coupon_code, "A coupon code to apply to this subscription."))

WEBHOOKSIO_ENDPOINT(billing, update_subscription, docs("updateSubscription"), put, "/v1/accounts/:account_id/subscriptions", (account_id),
    "Update Subscription",
    (optional, webhooksio::user_id, user_id, "The user that is logged into the system. This should be passed to change the billing contact on the account.")
    (optional, webhooksio::plan_id, plan_id, "The ID of the plan that the subscription should be change to.")
    (optional, std::string, payment_token, "The temporary stripe payment token used for the payment of the subscription. This only needs to be passed when changing the credit card info.")
    (optional, std::string, coupon_code, "A coupon code to apply to this subscription.")
    (optional, bool, end_of_term, "If the change should take effect at the end of the term, or now. Defaults to now - false."))

WEBHOOKSIO_ENDPOINT(billing, get_subscription, docs("getSubscription"), get, "/v1/accounts/:account_id/subscriptions", (account_id),
    "Get Subscription Details")

WEBHOOKSIO_ENDPOINT(billing, get_invoices, docs("getInvoices"), get, "/v1/accounts/:account_id/invoices", (account_id),
    "List Invoices")

WEBHOOKSIO_ENDPOINT(billing, get_invoice, docs("getInvoice"), get, "/v1/accounts/:account_id/invoices/:invoice_id", (account_id, invoice_id),
    "Get Invoice")

WEBHOOKSIO_ENDPOINT(billing, cancel_subscription, docs("cancelSubscription"), delete_, "/v1/accounts/:account_id/subscriptions", (account_id),
    "Cancel Subscription",
    (optional, bool, end_of_term, "If the change should take effect at the end of the term, or now. Defaults to now - false."))

// The area's endpoints, in the order above: WEBHOOKSIO_API_BILLING(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_BILLING(X) \
    X(create_subscription)        \
    X(update_subscription)        \
    X(get_subscription)           \
    X(get_invoices)               \
    X(get_invoice)                \
    X(cancel_subscription)

namespace areas {
using billing = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_BILLING);
}  // namespace areas

}  // namespace webhooksio::api
