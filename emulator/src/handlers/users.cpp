// What the emulator does for each endpoint of include/webhooksio/api/users.hpp: users and sign-in.
#include "../handlers.hpp"

namespace webhooksio::emulation {

void service::add_users(handler_table& table) {
    using namespace kinds;
    auto own_user = [this](call& c) -> record& { return resolve(c, user); };
    area_handlers<areas::users>(table)
        .on<api::login>([this](call& c) {
            record* u = user_with_email(text(c.options, "email_address"));
            if (!u || !password_matches(text(u->hidden, "password"), text(c.options, "password")))
                throw api_error{401, "wrong email_address or password"};
            return reply{200, session(*u)};
        })
        .on<api::change_password>([own_user](call& c) {
            record& u = own_user(c);
            if (text(c.options, "new_password") != text(c.options, "new_confirm_password"))
                throw api_error{400, "new_password and new_confirm_password differ"};
            if (c.options.contains("existing_password") &&
                !password_matches(text(u.hidden, "password"), text(c.options, "existing_password")))
                throw api_error{400, "existing_password is wrong"};
            u.hidden["password"] = password_hash(text(c.options, "new_password"));
            u.hidden.erase("password_change_key");
            return reply{200, json::object{{"id", u.fields.at("id")}, {"message", "password changed"}}};
        })
        .on<api::get_api_token>([this, own_user](call& c) {
            record& u = own_user(c);
            return reply{200, json::object{{"api_token", store_.find(u.account)->hidden.at("api_key")}}};
        })
        // The API e-mails these keys; the emulator hands them back instead.
        .on<api::reset_password>([this](call& c) {
            record* u = user_with_email(text(c.options, "email_address"));
            if (!u) throw api_error{404, "no user has this email_address"};
            const std::string key = store_.random_hex();
            u->hidden["password_change_key"] = key;
            return reply{200, json::object{{"message", "a password change key was issued"}, {"password_change_key", key}}};
        })
        .on<api::lookup_password_change_key>([this](call& c) {
            record* u = user_with("password_change_key", c.id("password_change_key"));
            if (!u) throw api_error{404, "password change key not found"};
            return reply{200, json::object{{"user_id", u->fields.at("id")}, {"email_address", u->fields.at("email_address")}}};
        })
        .on<api::create_user>([this](call& c) { return reply{201, new_user(resolve(c, account).account, c.options, "").fields}; })
        .on<api::update_user>([this](call& c) {
            record& u = resolve(c, user);
            // Unique on every write: else another account could take over this address's login and reset.
            if (c.options.contains("email_address")) {
                const std::string address = text(c.options, "email_address");
                if (address.empty()) throw api_error{400, "email_address must not be empty", {{"field", "email_address"}}};
                check_email_free(address, &u);
            }
            // Only the key sent to the address verifies it, and a permission
            // level is given to a verified address only.
            if (c.options.contains("verified"))
                throw api_error{400, "verified is set by verify_email_address, with the key sent to the address",
                                {{"field", "verified"}}};
            if (c.options.contains("permission_level") && !flag(u.fields, "verified") &&
                text(c.options, "permission_level") != text(u.fields, "permission_level"))
                throw api_error{400, "permission_level can change once the user's email_address is verified "
                                     "(verify_email_address)", {{"field", "permission_level"}}};
            if (c.options.contains("password")) u.hidden["password"] = password_hash(text(c.options, "password"));
            return reply{200, updated(u, user_settings(c.options))};
        })
        .on<api::get_user>(get(user))
        .on<api::get_users>(list(user, account))
        .on<api::delete_user>(remove(user))
        .on<api::verify_email_address>([this](call& c) {
            record* u = user_with("email_verification_key", c.id("email_verification_key"));
            if (!u) throw api_error{404, "email verification key not found"};
            u->fields["verified"] = true;
            u->hidden.erase("email_verification_key");
            return reply{200, u->fields};
        })
        .on<api::resend_verification_email>([this](call& c) {
            record& u = resolve(c, user);
            const std::string key = store_.random_hex();
            u.hidden["email_verification_key"] = key;
            return reply{200, json::object{{"message", "a verification key was issued"}, {"email_verification_key", key}}};
        })
        .done();
}

}  // namespace webhooksio::emulation
