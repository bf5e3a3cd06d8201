// What the emulator does for each endpoint of include/webhooksio/api/accounts.hpp: accounts and sub-accounts.
#include "../handlers.hpp"

namespace webhooksio::emulation {

void service::add_accounts(handler_table& table) {
    using namespace kinds;
    area_handlers<areas::accounts>(table)
        .on<api::register_account>([this](call& c) {
            if (text(c.options, "password") != text(c.options, "password_confirm"))
                throw api_error{400, "password and password_confirm differ"};
            std::string name = text(c.options, "name");
            if (name.empty()) name = text(c.options, "first_name") + ' ' + text(c.options, "last_name");
            check_email_free(text(c.options, "email_address"));  // before the account is made
            record& a = new_account("", {{"name", name}, {"plan_id", text(c.options, "plan_id")}});
            record& u = new_user(a.account, c.options, "owner");
            return reply{201, session(u)};
        })
        .on<api::create_sub_account>([this](call& c) {
            record& parent = resolve(c, account);
            json::object fields = kept(c.options);
            fields["parent_account_id"] = parent.fields.at("id");
            return reply{201, new_account(text(parent.fields, "id"), std::move(fields)).fields};
        })
        .on<api::get_sub_accounts>([this](call& c) {
            json::array out;
            for (record* a : store_.children(text(resolve(c, account).fields, "id"), account.name))
                if (!c.options.contains("account_key") || text(a->fields, "account_key") == text(c.options, "account_key"))
                    out.push_back(a->fields);
            return reply{200, std::move(out)};
        })
        .on<api::list_accounts>([this](call& c) {
            json::array out;
            auto add = [&](const record& a) {
                if (!c.options.contains("account_key") || text(a.fields, "account_key") == text(c.options, "account_key"))
                    out.push_back(a.fields);
            };
            add(*store_.find(c.caller));
            for (record* a : store_.children(c.caller, account.name)) add(*a);
            return reply{200, std::move(out)};
        })
        .on<api::get_account_embedded_view_html>([this](call& c) {
            record& a = resolve(c, account);
            return reply{200, json::object{{"html", "<div class=\"webhooksio-embedded\" data-account=\"" +
                                                        html_escaped(text(a.fields, "id")) + "\" data-bucket-key=\"" +
                                                        html_escaped(text(c.options, "bucket_key")) + "\"></div>"}}};
        })
        .on<api::get_account>(get(account))
        .on<api::update_account>(update(account))
        .on<api::delete_account>(remove(account))
        .done();
}

}  // namespace webhooksio::emulation
