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
    static constexpr std::array<option_doc, 15> option_docs{{
        {"name", "Account/Company name"},
        {"first_name", "First name of the primary user on the account."},
        {"last_name", "Last name of the primary user on the account."},
        {"email_address", "The primary email address for the user on the account."},
        {"password", "The password for the user on the account"},
        {"plan_id", "The plan id selected for the account. Use /plans resource for a list of all plans."},
        {"card_number", "The credit card number to be used for billing."},
        {"card_month", "The expiration month for the credit card."},
        {"card_year", "The expiration year for the credit card."},
        {"card_cvc", "The CVC on the credit card."},
        {"coupon", "A coupon code to be used."},
        {"referrer", "The location the user came from."},
        {"email_verification_callback_url", "The URL for where the user should be directed to upon verification of the email address. A query param of ?status=[success,failure] will be appended to this URL."},
        {"invite_code", "The invite code used to create account."},
        {"password_confirm", "The confirmation entry for the password."},
    }};
    struct options {
        std::optional<std::string> name;
        required<std::string> first_name;
        required<std::string> last_name;
        required<std::string> email_address;
        required<std::string> password;
        required<std::string> plan_id;
        std::optional<std::string> card_number;
        std::optional<std::string> card_month;
        std::optional<std::string> card_year;
        std::optional<std::string> card_cvc;
        std::optional<std::string> coupon;
        std::optional<std::string> referrer;
        std::optional<std::string> email_verification_callback_url;
        required<std::string> invite_code;
        required<std::string> password_confirm;
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(register_account::options, (), (name, first_name, last_name, email_address, password, plan_id, card_number, card_month, card_year, card_cvc, coupon, referrer, email_verification_callback_url, invite_code, password_confirm))

// Creates a sub account.
struct create_sub_account : endpoint<"createSubAccount", http_method::post, "/v1/accounts/:account_id/subaccounts", account_id> {
    static constexpr std::string_view name = "create_sub_account";
    static constexpr std::string_view summary = "Creates a sub account.";
    static constexpr std::array<option_doc, 2> option_docs{{
        {"name", "First name of the primary user on the account."},
        {"account_key", "Identifier from another system."},
    }};
    struct options {
        required<std::string> name;
        std::optional<std::string> account_key;
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(create_sub_account::options, (), (name, account_key))

// Lists all sub accounts user an account.
struct get_sub_accounts : endpoint<"getSubAccounts", http_method::get, "/v1/accounts/:account_id/subaccounts", account_id> {
    static constexpr std::string_view name = "get_sub_accounts";
    static constexpr std::string_view summary = "Lists all sub accounts user an account.";
    static constexpr std::array<option_doc, 1> option_docs{{
        {"account_key", "Identifier from another system."},
    }};
    struct options {
        std::optional<std::string> account_key;
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_sub_accounts::options, (), (account_key))

// Returns the details of a specfic account.
struct get_account : endpoint<"getAccount", http_method::get, "/v1/accounts/:account_id", account_id> {
    static constexpr std::string_view name = "get_account";
    static constexpr std::string_view summary = "Returns the details of a specfic account.";
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_account::options, (), ())

// Updates the details on an account.
struct update_account : endpoint<"updateAccount", http_method::put, "/v1/accounts/:account_id", account_id> {
    static constexpr std::string_view name = "update_account";
    static constexpr std::string_view summary = "Updates the details on an account.";
    static constexpr std::array<option_doc, 2> option_docs{{
        {"name", "Friendly name for the account."},
        {"account_key", "Identifier from another system."},
    }};
    struct options {
        required<std::string> name;
        std::optional<std::string> account_key;
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(update_account::options, (), (name, account_key))

// Deletes an account or sub account.
struct delete_account : endpoint<"deleteAccount", http_method::delete_, "/v1/accounts/:account_id", account_id> {
    static constexpr std::string_view name = "delete_account";
    static constexpr std::string_view summary = "Deletes an account or sub account.";
    static constexpr std::array<option_doc, 0> option_docs{};
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
    static constexpr std::array<option_doc, 1> option_docs{{
        {"account_key", "Identifier from another system."},
    }};
    struct options {
        std::optional<std::string> account_key;
        extra_options extra;  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(list_accounts::options, (), (account_key))

// Get My Embedded View HTML
struct get_account_embedded_view_html : endpoint<"getAccountEmbeddedViewHtml", http_method::post, "/v1/accounts/:account_id/embedded-view-html", account_id> {
    static constexpr std::string_view name = "get_account_embedded_view_html";
    static constexpr std::string_view summary = "Get My Embedded View HTML";
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 9> option_docs{{
        {"bucket_key", "The bucket key the client token should be generated for. This can be an arbitrary value that maps back to your system."},
        {"paths", "The permitted paths."},
        {"css_url", "URL to a css file that will be applied to the application styles."},
        {"default_tab", "The default tab to show."},
        {"show_introduction", "If the introduction should be displayed."},
        {"introduction_url", "The URL to the actual introduction."},
        {"element_id", "The element id for the manager to populate."},
        {"api_url", "The API URL to use."},
        {"embedded_url", "The embedded javascript file to use."},
    }};
    struct options {
        std::optional<std::string> bucket_key;
        std::optional<std::vector<std::string>> paths;
        std::optional<std::string> css_url;
        std::optional<std::string> default_tab;
        std::optional<bool> show_introduction;
        std::optional<std::string> introduction_url;
        std::optional<std::string> element_id;
        std::optional<std::string> api_url;
        std::optional<std::string> embedded_url;
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
