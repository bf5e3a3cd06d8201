// The Users endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// Authenticates the users login credentials
struct login : endpoint<"login", http_method::put, "/v1/authenticate"> {
    static constexpr std::string_view name = "login"sv;
    static constexpr std::string_view summary = "Authenticates the users login credentials"sv;
    static constexpr std::array<option_doc, 2> option_docs{{
        {"email_address"sv, "The user's email address."sv},
        {"password"sv, "The password supplied for login."sv},
    }};
    struct options {
        required<std::string> email_address;
        required<std::string> password;
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(login::options, (), (email_address, password))

// Allows a user to change their password. Either the existing password or change key must be passed...and must match in order for this call to be successful.
struct change_password : endpoint<"changePassword", http_method::put, "/v1/accounts/:account_id/users/:user_id/change_password", account_id, user_id> {
    static constexpr std::string_view name = "change_password"sv;
    static constexpr std::string_view summary = "Allows a user to change their password. Either the existing password or change key must be passed...and must match in order for this call to be successful."sv;
    static constexpr std::array<option_doc, 4> option_docs{{
        {"new_password"sv, "The new password for the account."sv},
        {"new_confirm_password"sv, "A confirmation of the new password for their account."sv},
        {"change_key"sv, "The code that was supplied in the password change email to allow them to change their email."sv},
        {"existing_password"sv, "The current password on the user account."sv},
    }};
    struct options {
        required<std::string> new_password;
        required<std::string> new_confirm_password;
        std::optional<std::string> change_key{};
        std::optional<std::string> existing_password{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(change_password::options, (), (new_password, new_confirm_password, change_key, existing_password))

// Provides a user a way to lookup their own API token. This is used when using ST or client-bearer-token authentication so the user can get a longer lasting API token. This operation can only be carried out for the currently authenticated user.
struct get_api_token : endpoint<"getAPIToken", http_method::get, "/v1/accounts/:account_id/users/:user_id/api-token", account_id, user_id> {
    static constexpr std::string_view name = "get_api_token"sv;
    static constexpr std::string_view summary = "Provides a user a way to lookup their own API token. This is used when using ST or client-bearer-token authentication so the user can get a longer lasting API token. This operation can only be carried out for the currently authenticated user."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_api_token::options, (), ())

// Allows the user to request their password to be emailed to them. Really this provides them a link to the change password form.
struct reset_password : endpoint<"resetPassword", http_method::post, "/v1/reset_password"> {
    static constexpr std::string_view name = "reset_password"sv;
    static constexpr std::string_view summary = "Allows the user to request their password to be emailed to them. Really this provides them a link to the change password form."sv;
    static constexpr std::array<option_doc, 1> option_docs{{
        {"email_address"sv, "The primary email address for the user on the account."sv},
    }};
    struct options {
        required<std::string> email_address;
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(reset_password::options, (), (email_address))

// Looks up the meta data for the password change key.
struct lookup_password_change_key : endpoint<"lookupPasswordChangeKey", http_method::get, "/v1/password_change_key/:password_change_key", password_change_key> {
    static constexpr std::string_view name = "lookup_password_change_key"sv;
    static constexpr std::string_view summary = "Looks up the meta data for the password change key."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(lookup_password_change_key::options, (), ())

// Adds a user to an account.
struct create_user : endpoint<"createUser", http_method::post, "/v1/accounts/:account_id/users", account_id> {
    static constexpr std::string_view name = "create_user"sv;
    static constexpr std::string_view summary = "Adds a user to an account."sv;
    static constexpr std::array<option_doc, 7> option_docs{{
        {"first_name"sv, "First name of the primary user on the account."sv},
        {"last_name"sv, "Last name of the primary user on the account."sv},
        {"email_address"sv, "The primary email address for the user on the account."sv},
        {"password"sv, "The password for the user on the account"sv},
        {"timezone"sv, "The timezone the user is located in. Default is Etc/GTM"sv},
        {"permission_level"sv, "The permission level for the user account."sv},
        {"notify"sv, "If the user should be notified that an account has been created for them."sv},
    }};
    struct options {
        required<std::string> first_name;
        required<std::string> last_name;
        required<std::string> email_address;
        required<std::string> password;
        required<std::string> timezone;
        required<std::string> permission_level;
        required<bool> notify;
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(create_user::options, (), (first_name, last_name, email_address, password, timezone, permission_level, notify))

// Updates a users account information.
struct update_user : endpoint<"updateUser", http_method::put, "/v1/accounts/:account_id/users/:user_id", account_id, user_id> {
    static constexpr std::string_view name = "update_user"sv;
    static constexpr std::string_view summary = "Updates a users account information."sv;
    static constexpr std::array<option_doc, 6> option_docs{{
        {"first_name"sv, "First name of the primary user on the account."sv},
        {"last_name"sv, "Last name of the primary user on the account."sv},
        {"email_address"sv, "The primary email address for the user on the account."sv},
        {"password"sv, "The password for the user on the account"sv},
        {"timezone"sv, "The timezone the user is located in. Default is Etc/GMT"sv},
        {"permission_level"sv, "The permission level for the user account."sv},
    }};
    struct options {
        required<std::string> first_name;
        required<std::string> last_name;
        required<std::string> email_address;
        std::optional<std::string> password{};
        required<std::string> timezone;
        std::optional<std::string> permission_level{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(update_user::options, (), (first_name, last_name, email_address, password, timezone, permission_level))

// Returns the details for a specfic user.
struct get_user : endpoint<"getUser", http_method::get, "/v1/accounts/:account_id/users/:user_id", account_id, user_id> {
    static constexpr std::string_view name = "get_user"sv;
    static constexpr std::string_view summary = "Returns the details for a specfic user."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_user::options, (), ())

// Returns a collection of users.
// Note: The seed's signature lists (account_id, user_id, options), but the route has only :account_id; the route wins.
struct get_users : endpoint<"getUsers", http_method::get, "/v1/accounts/:account_id/users", account_id> {
    static constexpr std::string_view name = "get_users"sv;
    static constexpr std::string_view summary = "Returns a collection of users."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_users::options, (), ())

// Deletes a user.
struct delete_user : endpoint<"deleteUser", http_method::delete_, "/v1/accounts/:account_id/users/:user_id", account_id, user_id> {
    static constexpr std::string_view name = "delete_user"sv;
    static constexpr std::string_view summary = "Deletes a user."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(delete_user::options, (), ())

// Handles validating the email address once the user has clicked the validation link in an email.
struct verify_email_address : endpoint<"verifyEmailAddress", http_method::get, "/v1/verify/:email_verification_key", email_verification_key> {
    static constexpr std::string_view name = "verify_email_address"sv;
    static constexpr std::string_view summary = "Handles validating the email address once the user has clicked the validation link in an email."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(verify_email_address::options, (), ())

// Resends a verification email for a user.
struct resend_verification_email : endpoint<"resendVerificationEmail", http_method::get, "/v1/accounts/:account_id/users/:user_id/resend_verification", account_id, user_id> {
    static constexpr std::string_view name = "resend_verification_email"sv;
    static constexpr std::string_view summary = "Resends a verification email for a user."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(resend_verification_email::options, (), ())

}  // namespace webhooksio::api

// The Users calls with their number of IDs, for the client's named methods.
#define WEBHOOKSIO_API_USERS(X) \
    X(login, 0) \
    X(change_password, 2) \
    X(get_api_token, 2) \
    X(reset_password, 0) \
    X(lookup_password_change_key, 1) \
    X(create_user, 1) \
    X(update_user, 2) \
    X(get_user, 2) \
    X(get_users, 1) \
    X(delete_user, 2) \
    X(verify_email_address, 1) \
    X(resend_verification_email, 2)
