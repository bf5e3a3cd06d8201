// What the emulator does for each endpoint of include/webhooksio/api/billing.hpp: subscriptions kept
// per account, fixed invoices.
#include "../handlers.hpp"

namespace webhooksio::emulation {

namespace {

// An account's invoices: fixed, with IDs derived from the account's, so the
// same account always sees the same ones.
json::array invoices_of(const std::string& account) {
    json::array out;
    for (std::string_view month : {"09", "10"}) {
        const std::string period = "2026-" + std::string(month);
        out.push_back(json::object{{"id", "IV" + sha256_hex(account + '/' + period).substr(0, 32)},
                                   {"account_id", account},
                                   {"number", "INV-" + period},
                                   {"period_start", period + "-01"},
                                   {"period_end", period + (month == "09" ? "-30" : "-31")},
                                   {"amount_due", 0},
                                   {"currency", "usd"},
                                   {"status", "paid"}});
    }
    return out;
}

}  // namespace

void service::add_billing(handler_table& table) {
    using namespace kinds;
    // The account's subscription: its latest, cancelled or not.
    auto subscription_of = [this](call& c) -> record& {
        const auto all = store_.children(text(resolve(c, account).fields, "id"), subscription.name);
        if (all.empty()) throw not_found(subscription);
        return *all.back();
    };
    auto active_subscription = [subscription_of](call& c) -> record& {
        record& s = subscription_of(c);
        if (text(s.fields, "status") == "cancelled") throw api_error{409, "the subscription is cancelled"};
        return s;
    };
    // The plan the options name; a paid one needs a way to pay.
    auto plan_for = [](const json::object& options, bool can_pay) {
        json::value plan = find_by_id(plans(), text(options, "plan_id"), "plan");
        if (plan.at("price").to_number<long long>() > 0 && !can_pay && !options.contains("payment_token"))
            throw api_error{400, "a paid plan needs a payment_token"};
        return plan;
    };

    area_handlers<areas::billing>(table)
        .on<api::create_subscription>([this, plan_for](call& c) {
            record& owner = resolve(c, account);
            resolve_option(c, user, "user_id");
            const std::string id = text(owner.fields, "id");
            for (record* s : store_.children(id, subscription.name))
                if (text(s->fields, "status") != "cancelled")
                    throw api_error{409, "the account has an active subscription already"};
            json::value plan = plan_for(c.options, false);
            owner.fields["plan_id"] = plan.at("id");
            json::object fields = kept(c.options);
            fields["account_id"] = id;
            fields["plan"] = std::move(plan);
            fields["status"] = "active";
            fields["has_payment_method"] = c.options.contains("payment_token");
            return reply{201, store_.insert(std::string(subscription.name), subscription.prefix, id, owner.account,
                                            std::move(fields)).fields};
        })
        .on<api::get_subscription>([subscription_of](call& c) { return reply{200, subscription_of(c).fields}; })
        .on<api::update_subscription>([this, active_subscription, plan_for](call& c) {
            record& s = active_subscription(c);
            if (c.options.contains("user_id")) resolve_option(c, user, "user_id");
            if (c.options.contains("plan_id")) {
                s.fields["plan"] = plan_for(c.options, flag(s.fields, "has_payment_method"));
                store_.find(s.account)->fields["plan_id"] = s.fields["plan"].at("id");
            }
            if (c.options.contains("payment_token")) s.fields["has_payment_method"] = true;
            return reply{200, updated(s, c.options)};
        })
        .on<api::cancel_subscription>([active_subscription](call& c) {
            record& s = active_subscription(c);
            s.fields["status"] = "cancelled";
            s.fields["end_of_term"] = flag(c.options, "end_of_term");
            s.fields["cancelled_at"] = s.fields["updated_at"] = now_iso8601();
            return reply{200, s.fields};
        })
        .on<api::get_invoices>([this](call& c) { return reply{200, invoices_of(text(resolve(c, account).fields, "id"))}; })
        .on<api::get_invoice>([this](call& c) {
            return reply{200, find_by_id(invoices_of(text(resolve(c, account).fields, "id")), c.id("invoice_id"), "invoice")};
        })
        .done();
}

}  // namespace webhooksio::emulation
