// The Accounts endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../detail/define_endpoint.hpp"

namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(accounts, register_account, seed("registerAccount"), post, "/v1/register", (),
    "Creates a new account. This is the same call that is used when a user registers from webhooks.io.",
    (optional, std::string, name, "Account/Company name")
    (required, std::string, first_name, "First name of the primary user on the account.")
    (required, std::string, last_name, "Last name of the primary user on the account.")
    (required, std::string, email_address, "The primary email address for the user on the account.")
    (required, std::string, password, "The password for the user on the account")
    (required, webhooksio::plan_id, plan_id, "The plan id selected for the account. Use /plans resource for a list of all plans.")
    (optional, std::string, card_number, "The credit card number to be used for billing.")
    (optional, std::string, card_month, "The expiration month for the credit card.")
    (optional, std::string, card_year, "The expiration year for the credit card.")
    (optional, std::string, card_cvc, "The CVC on the credit card.")
    (optional, std::string, coupon, "A coupon code to be used.")
    (optional, std::string, referrer, "The location the user came from.")
    (optional, std::string, email_verification_callback_url, "The URL for where the user should be directed to upon verification of the email address. A query param of ?status=[success,failure] will be appended to this URL.")
    (required, std::string, invite_code, "The invite code used to create account.")
    (required, std::string, password_confirm, "The confirmation entry for the password."))

WEBHOOKSIO_ENDPOINT(accounts, create_sub_account, seed("createSubAccount"), post, "/v1/accounts/:account_id/subaccounts", (account_id),
    "Creates a sub account.",
    (required, std::string, name, "First name of the primary user on the account.")
    (optional, std::string, account_key, "Identifier from another system."))

WEBHOOKSIO_ENDPOINT(accounts, get_sub_accounts, seed("getSubAccounts"), get, "/v1/accounts/:account_id/subaccounts", (account_id),
    "Lists all sub accounts user an account.",
    (optional, std::string, account_key, "Identifier from another system."))

WEBHOOKSIO_ENDPOINT(accounts, get_account, seed("getAccount"), get, "/v1/accounts/:account_id", (account_id),
    "Returns the details of a specfic account.")

WEBHOOKSIO_ENDPOINT(accounts, update_account, seed("updateAccount"), put, "/v1/accounts/:account_id", (account_id),
    "Updates the details on an account.",
    (required, std::string, name, "Friendly name for the account.")
    (optional, std::string, account_key, "Identifier from another system."))

WEBHOOKSIO_ENDPOINT(accounts, delete_account, seed("deleteAccount"), delete_, "/v1/accounts/:account_id", (account_id),
    "Deletes an account or sub account.")

WEBHOOKSIO_ENDPOINT(accounts, list_accounts, docs("listAccounts"), get, "/v1/accounts", (),
    "List Accounts",
    (optional, std::string, account_key, "Identifier from another system."))

WEBHOOKSIO_ENDPOINT(accounts, get_account_embedded_view_html, docs("getAccountEmbeddedViewHtml"), post, "/v1/accounts/:account_id/embedded-view-html", (account_id),
    "Get My Embedded View HTML",
    (optional, webhooksio::bucket_key, bucket_key, "The bucket key the client token should be generated for. This can be an arbitrary value that maps back to your system.")
    (optional, std::vector<std::string>, paths, "The permitted paths.")
    (optional, std::string, css_url, "URL to a css file that will be applied to the application styles.")
    (optional, std::string, default_tab, "The default tab to show.")
    (optional, bool, show_introduction, "If the introduction should be displayed.")
    (optional, std::string, introduction_url, "The URL to the actual introduction.")
    (optional, std::string, element_id, "The element id for the manager to populate.")
    (optional, std::string, api_url, "The API URL to use.")
    (optional, std::string, embedded_url, "The embedded javascript file to use."))

// The area's endpoints, in the order above: WEBHOOKSIO_API_ACCOUNTS(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_ACCOUNTS(X)    \
    X(register_account)               \
    X(create_sub_account)             \
    X(get_sub_accounts)               \
    X(get_account)                    \
    X(update_account)                 \
    X(delete_account)                 \
    X(list_accounts)                  \
    X(get_account_embedded_view_html)

namespace areas {
using accounts = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_ACCOUNTS);
}  // namespace areas

}  // namespace webhooksio::api
