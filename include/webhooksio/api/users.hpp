// The Users endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../detail/define_endpoint.hpp"

namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(users, login, seed("login"), put, "/v1/authenticate", (),
    "Authenticates the users login credentials",
    (required, std::string, email_address, "The user's email address.")
    (required, std::string, password, "The password supplied for login."))

WEBHOOKSIO_ENDPOINT(users, change_password, seed("changePassword"), put, "/v1/accounts/:account_id/users/:user_id/change_password", (account_id, user_id),
    "Allows a user to change their password. Either the existing password or change key must be passed...and must match in order for this call to be successful.",
    (required, std::string, new_password, "The new password for the account.")
    (required, std::string, new_confirm_password, "A confirmation of the new password for their account.")
    (optional, std::string, change_key, "The code that was supplied in the password change email to allow them to change their email.")
    (optional, std::string, existing_password, "The current password on the user account."))

WEBHOOKSIO_ENDPOINT(users, get_api_token, seed("getAPIToken"), get, "/v1/accounts/:account_id/users/:user_id/api-token", (account_id, user_id),
    "Provides a user a way to lookup their own API token. This is used when using ST or client-bearer-token authentication so the user can get a longer lasting API token. This operation can only be carried out for the currently authenticated user.")

WEBHOOKSIO_ENDPOINT(users, reset_password, seed("resetPassword"), post, "/v1/reset_password", (),
    "Allows the user to request their password to be emailed to them. Really this provides them a link to the change password form.",
    (required, std::string, email_address, "The primary email address for the user on the account."))

WEBHOOKSIO_ENDPOINT(users, lookup_password_change_key, seed("lookupPasswordChangeKey"), get, "/v1/password_change_key/:password_change_key", (password_change_key),
    "Looks up the meta data for the password change key.")

WEBHOOKSIO_ENDPOINT(users, create_user, seed("createUser"), post, "/v1/accounts/:account_id/users", (account_id),
    "Adds a user to an account.",
    (required, std::string, first_name, "First name of the primary user on the account.")
    (required, std::string, last_name, "Last name of the primary user on the account.")
    (required, std::string, email_address, "The primary email address for the user on the account.")
    (required, std::string, password, "The password for the user on the account")
    (required, std::string, timezone, "The timezone the user is located in. Default is Etc/GTM")
    (required, std::string, permission_level, "The permission level for the user account.")
    (required, bool, notify, "If the user should be notified that an account has been created for them."))

WEBHOOKSIO_ENDPOINT(users, update_user, seed("updateUser"), put, "/v1/accounts/:account_id/users/:user_id", (account_id, user_id),
    "Updates a users account information.",
    (required, std::string, first_name, "First name of the primary user on the account.")
    (required, std::string, last_name, "Last name of the primary user on the account.")
    (required, std::string, email_address, "The primary email address for the user on the account.")
    (optional, std::string, password, "The password for the user on the account")
    (required, std::string, timezone, "The timezone the user is located in. Default is Etc/GMT")
    (optional, std::string, permission_level, "The permission level for the user account."))

WEBHOOKSIO_ENDPOINT(users, get_user, seed("getUser"), get, "/v1/accounts/:account_id/users/:user_id", (account_id, user_id),
    "Returns the details for a specfic user.")

// Note: The original Node.js client's signature lists (account_id, user_id, options), but the route has only :account_id; the route wins.
WEBHOOKSIO_ENDPOINT(users, get_users, seed("getUsers"), get, "/v1/accounts/:account_id/users", (account_id),
    "Returns a collection of users.")

WEBHOOKSIO_ENDPOINT(users, delete_user, seed("deleteUser"), delete_, "/v1/accounts/:account_id/users/:user_id", (account_id, user_id),
    "Deletes a user.")

WEBHOOKSIO_ENDPOINT(users, verify_email_address, seed("verifyEmailAddress"), get, "/v1/verify/:email_verification_key", (email_verification_key),
    "Handles validating the email address once the user has clicked the validation link in an email.")

WEBHOOKSIO_ENDPOINT(users, resend_verification_email, seed("resendVerificationEmail"), get, "/v1/accounts/:account_id/users/:user_id/resend_verification", (account_id, user_id),
    "Resends a verification email for a user.")

// The area's endpoints, in the order above: WEBHOOKSIO_API_USERS(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_USERS(X)   \
    X(login)                      \
    X(change_password)            \
    X(get_api_token)              \
    X(reset_password)             \
    X(lookup_password_change_key) \
    X(create_user)                \
    X(update_user)                \
    X(get_user)                   \
    X(get_users)                  \
    X(delete_user)                \
    X(verify_email_address)       \
    X(resend_verification_email)

namespace areas {
using users = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_USERS);
}  // namespace areas

}  // namespace webhooksio::api
