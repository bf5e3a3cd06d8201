// The Accounts endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// Creates a new account. This is the same call that is used when a user registers from webhooks.io.
struct register_account : endpoint<"registerAccount", http_method::post, "/v1/register"> {
    static constexpr std::string_view name = "register_account"sv;
    static constexpr std::string_view summary = "Creates a new account. This is the same call that is used when a user registers from webhooks.io."sv;
    static constexpr std::array<option_doc, 15> option_docs{{
        {"name"sv, "Account/Company name"sv},
        {"first_name"sv, "First name of the primary user on the account."sv},
        {"last_name"sv, "Last name of the primary user on the account."sv},
        {"email_address"sv, "The primary email address for the user on the account."sv},
        {"password"sv, "The password for the user on the account"sv},
        {"plan_id"sv, "The plan id selected for the account. Use /plans resource for a list of all plans."sv},
        {"card_number"sv, "The credit card number to be used for billing."sv},
        {"card_month"sv, "The expiration month for the credit card."sv},
        {"card_year"sv, "The expiration year for the credit card."sv},
        {"card_cvc"sv, "The CVC on the credit card."sv},
        {"coupon"sv, "A coupon code to be used."sv},
        {"referrer"sv, "The location the user came from."sv},
        {"email_verification_callback_url"sv, "The URL for where the user should be directed to upon verification of the email address. A query param of ?status=[success,failure] will be appended to this URL."sv},
        {"invite_code"sv, "The invite code used to create account."sv},
        {"password_confirm"sv, "The confirmation entry for the password."sv},
    }};
    struct options {
        std::optional<std::string> name{};
        required<std::string> first_name;
        required<std::string> last_name;
        required<std::string> email_address;
        required<std::string> password;
        required<std::string> plan_id;
        std::optional<std::string> card_number{};
        std::optional<std::string> card_month{};
        std::optional<std::string> card_year{};
        std::optional<std::string> card_cvc{};
        std::optional<std::string> coupon{};
        std::optional<std::string> referrer{};
        std::optional<std::string> email_verification_callback_url{};
        required<std::string> invite_code;
        required<std::string> password_confirm;
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(register_account::options, (), (name, first_name, last_name, email_address, password, plan_id, card_number, card_month, card_year, card_cvc, coupon, referrer, email_verification_callback_url, invite_code, password_confirm))

// Creates a sub account.
struct create_sub_account : endpoint<"createSubAccount", http_method::post, "/v1/accounts/:account_id/subaccounts", account_id> {
    static constexpr std::string_view name = "create_sub_account"sv;
    static constexpr std::string_view summary = "Creates a sub account."sv;
    static constexpr std::array<option_doc, 2> option_docs{{
        {"name"sv, "First name of the primary user on the account."sv},
        {"account_key"sv, "Identifier from another system."sv},
    }};
    struct options {
        required<std::string> name;
        std::optional<std::string> account_key{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(create_sub_account::options, (), (name, account_key))

// Lists all sub accounts user an account.
struct get_sub_accounts : endpoint<"getSubAccounts", http_method::get, "/v1/accounts/:account_id/subaccounts", account_id> {
    static constexpr std::string_view name = "get_sub_accounts"sv;
    static constexpr std::string_view summary = "Lists all sub accounts user an account."sv;
    static constexpr std::array<option_doc, 1> option_docs{{
        {"account_key"sv, "Identifier from another system."sv},
    }};
    struct options {
        std::optional<std::string> account_key{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_sub_accounts::options, (), (account_key))

// Returns the details of a specfic account.
struct get_account : endpoint<"getAccount", http_method::get, "/v1/accounts/:account_id", account_id> {
    static constexpr std::string_view name = "get_account"sv;
    static constexpr std::string_view summary = "Returns the details of a specfic account."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_account::options, (), ())

// Updates the details on an account.
struct update_account : endpoint<"updateAccount", http_method::put, "/v1/accounts/:account_id", account_id> {
    static constexpr std::string_view name = "update_account"sv;
    static constexpr std::string_view summary = "Updates the details on an account."sv;
    static constexpr std::array<option_doc, 2> option_docs{{
        {"name"sv, "Friendly name for the account."sv},
        {"account_key"sv, "Identifier from another system."sv},
    }};
    struct options {
        required<std::string> name;
        std::optional<std::string> account_key{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(update_account::options, (), (name, account_key))

// Deletes an account or sub account.
struct delete_account : endpoint<"deleteAccount", http_method::delete_, "/v1/accounts/:account_id", account_id> {
    static constexpr std::string_view name = "delete_account"sv;
    static constexpr std::string_view summary = "Deletes an account or sub account."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(delete_account::options, (), ())

// List Accounts
struct list_accounts : endpoint<"listAccounts", http_method::get, "/v1/accounts"> {
    static constexpr std::string_view name = "list_accounts"sv;
    static constexpr std::string_view summary = "List Accounts"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 1> option_docs{{
        {"account_key"sv, "Identifier from another system."sv},
    }};
    struct options {
        std::optional<std::string> account_key{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(list_accounts::options, (), (account_key))

// Get My Embedded View HTML
struct get_account_embedded_view_html : endpoint<"getAccountEmbeddedViewHtml", http_method::post, "/v1/accounts/:account_id/embedded-view-html", account_id> {
    static constexpr std::string_view name = "get_account_embedded_view_html"sv;
    static constexpr std::string_view summary = "Get My Embedded View HTML"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 9> option_docs{{
        {"bucket_key"sv, "The bucket key the client token should be generated for. This can be an arbitrary value that maps back to your system."sv},
        {"paths"sv, "The permitted paths."sv},
        {"css_url"sv, "URL to a css file that will be applied to the application styles."sv},
        {"default_tab"sv, "The default tab to show."sv},
        {"show_introduction"sv, "If the introduction should be displayed."sv},
        {"introduction_url"sv, "The URL to the actual introduction."sv},
        {"element_id"sv, "The element id for the manager to populate."sv},
        {"api_url"sv, "The API URL to use."sv},
        {"embedded_url"sv, "The embedded javascript file to use."sv},
    }};
    struct options {
        std::optional<std::string> bucket_key{};
        std::optional<std::vector<std::string>> paths{};
        std::optional<std::string> css_url{};
        std::optional<std::string> default_tab{};
        std::optional<bool> show_introduction{};
        std::optional<std::string> introduction_url{};
        std::optional<std::string> element_id{};
        std::optional<std::string> api_url{};
        std::optional<std::string> embedded_url{};
        extra_options extra{};  ///< any further option, sent as given
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
