// The Accounts endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// Creates a new account. This is the same call that is used when a user registers from webhooks.io.
struct register_account : endpoint<"registerAccount", http_method::post, "/v1/register"> {
    static constexpr std::string_view name = "register_account";
    static constexpr std::string_view summary = "Creates a new account. This is the same call that is used when a user registers from webhooks.io.";
    struct options {
        std::optional<std::string> name;  ///< Account/Company name
        required<std::string> first_name;  ///< First name of the primary user on the account.
        required<std::string> last_name;  ///< Last name of the primary user on the account.
        required<std::string> email_address;  ///< The primary email address for the user on the account.
        required<std::string> password;  ///< The password for the user on the account
        required<std::string> plan_id;  ///< The plan id selected for the account. Use /plans resource for a list of all plans.
        std::optional<std::string> card_number;  ///< The credit card number to be used for billing.
        std::optional<std::string> card_month;  ///< The expiration month for the credit card.
        std::optional<std::string> card_year;  ///< The expiration year for the credit card.
        std::optional<std::string> card_cvc;  ///< The CVC on the credit card.
        std::optional<std::string> coupon;  ///< A coupon code to be used.
        std::optional<std::string> referrer;  ///< The location the user came from.
        std::optional<std::string> email_verification_callback_url;  ///< The URL for where the user should be directed to upon verification of the email address. A query param of ?status=[success,failure] will be appended to this URL.
        required<std::string> invite_code;  ///< The invite code used to create account.
        required<std::string> password_confirm;  ///< The confirmation entry for the password.
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(register_account::options, (), (name, first_name, last_name, email_address, password, plan_id, card_number, card_month, card_year, card_cvc, coupon, referrer, email_verification_callback_url, invite_code, password_confirm))

// Creates a sub account.
struct create_sub_account : endpoint<"createSubAccount", http_method::post, "/v1/accounts/:account_id/subaccounts", account_id> {
    static constexpr std::string_view name = "create_sub_account";
    static constexpr std::string_view summary = "Creates a sub account.";
    struct options {
        required<std::string> name;  ///< First name of the primary user on the account.
        std::optional<std::string> account_key;  ///< Identifier from another system.
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(create_sub_account::options, (), (name, account_key))

// Lists all sub accounts user an account.
struct get_sub_accounts : endpoint<"getSubAccounts", http_method::get, "/v1/accounts/:account_id/subaccounts", account_id> {
    static constexpr std::string_view name = "get_sub_accounts";
    static constexpr std::string_view summary = "Lists all sub accounts user an account.";
    struct options {
        std::optional<std::string> account_key;  ///< Identifier from another system.
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_sub_accounts::options, (), (account_key))

// Returns the details of a specfic account.
struct get_account : endpoint<"getAccount", http_method::get, "/v1/accounts/:account_id", account_id> {
    static constexpr std::string_view name = "get_account";
    static constexpr std::string_view summary = "Returns the details of a specfic account.";
    struct options {
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_account::options, (), ())

// Updates the details on an account.
struct update_account : endpoint<"updateAccount", http_method::put, "/v1/accounts/:account_id", account_id> {
    static constexpr std::string_view name = "update_account";
    static constexpr std::string_view summary = "Updates the details on an account.";
    struct options {
        required<std::string> name;  ///< Friendly name for the account.
        std::optional<std::string> account_key;  ///< Identifier from another system.
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(update_account::options, (), (name, account_key))

// Deletes an account or sub account.
struct delete_account : endpoint<"deleteAccount", http_method::delete_, "/v1/accounts/:account_id", account_id> {
    static constexpr std::string_view name = "delete_account";
    static constexpr std::string_view summary = "Deletes an account or sub account.";
    struct options {
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(delete_account::options, (), ())

// List Accounts
struct list_accounts : endpoint<"listAccounts", http_method::get, "/v1/accounts"> {
    static constexpr std::string_view name = "list_accounts";
    static constexpr std::string_view summary = "List Accounts";
    static constexpr bool in_seed = false;
    struct options {
        std::optional<std::string> account_key;  ///< Identifier from another system.
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(list_accounts::options, (), (account_key))

// Get My Embedded View HTML
struct get_account_embedded_view_html : endpoint<"getAccountEmbeddedViewHtml", http_method::post, "/v1/accounts/:account_id/embedded-view-html", account_id> {
    static constexpr std::string_view name = "get_account_embedded_view_html";
    static constexpr std::string_view summary = "Get My Embedded View HTML";
    static constexpr bool in_seed = false;
    struct options {
        std::optional<std::string> bucket_key;  ///< The bucket key the client token should be generated for. This can be an arbitrary value that maps back to your system.
        std::optional<std::vector<std::string>> paths;  ///< The permitted paths.
        std::optional<std::string> css_url;  ///< URL to a css file that will be applied to the application styles.
        std::optional<std::string> default_tab;  ///< The default tab to show.
        std::optional<bool> show_introduction;  ///< If the introduction should be displayed.
        std::optional<std::string> introduction_url;  ///< The URL to the actual introduction.
        std::optional<std::string> element_id;  ///< The element id for the manager to populate.
        std::optional<std::string> api_url;  ///< The API URL to use.
        std::optional<std::string> embedded_url;  ///< The embedded javascript file to use.
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_account_embedded_view_html::options, (), (bucket_key, paths, css_url, default_tab, show_introduction, introduction_url, element_id, api_url, embedded_url))

}  // namespace webhooksio::api

// The Accounts calls with their number of IDs, for the client's named methods.
#define WEBHOOKSIO_API_ACCOUNTS(X) \
    X(register_account, 0) \
    X(create_sub_account, 1) \
    X(get_sub_accounts, 1) \
    X(get_account, 1) \
    X(update_account, 1) \
    X(delete_account, 1) \
    X(list_accounts, 0) \
    X(get_account_embedded_view_html, 1)
