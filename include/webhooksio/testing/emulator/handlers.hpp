// The emulator's behaviour for each endpoint, by the endpoint's name in the
// client's table (the router finds the method, route and required options in
// the table itself). Included by service.hpp.
#pragma once

#include "service.hpp"

namespace webhooksio::detail::emulation {

// The fixed data of the utility routes.
inline json::array plans() {
    return {json::object{{"id", "free"}, {"name", "Free"}, {"price", 0}, {"monthly_requests", 10000}},
            json::object{{"id", "startup"}, {"name", "Startup"}, {"price", 29}, {"monthly_requests", 500000}},
            json::object{{"id", "business"}, {"name", "Business"}, {"price", 99}, {"monthly_requests", 5000000}}};
}

inline json::array retry_policies() {
    return {json::object{{"id", "RP00000000000000000000000000000001"},
                         {"name", "Fixed interval"},
                         {"description", "Retries retry_count times, retry_interval apart."}},
            json::object{{"id", "RP00000000000000000000000000000002"},
                         {"name", "Exponential back-off"},
                         {"description", "Retries retry_count times, doubling retry_interval each time."}}};
}

// How the gateway can authenticate, by what is authenticated: webhooks
// coming into an input, or deliveries going out to a destination.
inline json::array gateway_auth_options(std::string_view type) {
    auto option = [](std::string_view id, std::string_view name, std::string_view description, json::array fields) {
        return json::object{{"id", id}, {"name", name}, {"description", description}, {"fields", std::move(fields)}};
    };
    if (type == "input")
        return {option("none", "None", "Any request is accepted.", {}),
                option("basic", "HTTP Basic", "The sender must give this user name and password.",
                       {"username", "password"}),
                option("token", "Shared token", "The sender must pass this token as a header or query parameter.",
                       {"token_location", "token_name", "token"}),
                option("hmac", "HMAC signature", "The sender signs the body with this shared secret.",
                       {"header_name", "algorithm", "secret"})};
    if (type == "destination")
        return {option("none", "None", "Requests are sent without credentials.", {}),
                option("basic", "HTTP Basic", "Requests carry this user name and password.", {"username", "password"}),
                option("bearer", "Bearer token", "Requests carry Authorization: Bearer and this token.", {"token"}),
                option("hmac", "HMAC signature", "Requests carry a signature of the body made with this secret.",
                       {"header_name", "algorithm", "secret"})};
    throw api_error{404, "authentication type not found (input or destination)"};
}

// An account's invoices: fixed, with IDs derived from the account's, so the
// same account always sees the same ones.
inline json::array invoices_of(const std::string& account) {
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

// Text safe inside an HTML attribute value.
inline std::string html_escaped(std::string_view text) {
    std::string out;
    for (char ch : text) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += ch;
        }
    }
    return out;
}

inline json::value find_by_id(const json::array& items, std::string_view id, std::string_view label) {
    for (const auto& item : items)
        if (item.at("id").as_string() == id) return item;
    throw api_error{404, std::string(label) + " not found"};
}

inline std::unordered_map<std::string_view, handler> service::handlers() {
    using namespace kinds;
    auto ok = [](json::value body) { return reply{200, std::move(body)}; };
    // A bucket with its inputs and their destinations, for `expand`.
    auto expanded = [this](const record& bucket) {
        json::object out = bucket.fields;
        json::array inputs;
        for (record* in : store_.children(text(bucket.fields, "id"), input.name)) {
            json::object i = in->fields;
            i["destinations"] = listing(*in, destination);
            inputs.push_back(std::move(i));
        }
        out["inputs"] = std::move(inputs);
        return out;
    };
    auto consumer_bucket = [this](record& consumer_record, const std::string& key) -> record* {
        for (record* b : store_.children(text(consumer_record.fields, "id"), bucket.name))
            if (text(b->fields, "key") == key) return b;
        return nullptr;
    };
    auto ensure_consumer_bucket = [this, consumer_bucket](record& consumer_record, const std::string& key) {
        if (!consumer_bucket(consumer_record, key))
            store_.insert(std::string(bucket.name), bucket.prefix, text(consumer_record.fields, "id"), consumer_record.account,
                          {{"name", key}, {"key", key}, {"consumer_id", consumer_record.fields.at("consumer_id")}});
    };
    // The consumer's destinations in one of its buckets.
    auto consumer_destinations = [this](record& consumer_record, const std::string& key) {
        std::vector<record*> out;
        for (record* d : store_.children(text(consumer_record.fields, "id"), destination.name))
            if (text(d->fields, "bucket_key") == key) out.push_back(d);
        return out;
    };
    auto consumer_destination = [this](call& c) -> record& {
        record& owner = resolve(c, consumer);
        record& d = resolve(c, destination);
        if (d.parent != text(owner.fields, "id")) throw not_found(destination);
        return d;
    };
    auto own_user = [this](call& c) -> record& { return resolve(c, user); };
    // A webhook the provider sends to one of its consumers' buckets: to the
    // consumer's destinations there or (the dynamic route) to `target` alone.
    auto consumer_webhook = [this, consumer_bucket, consumer_destinations](call& c, record& owner, std::string_view target) {
        const std::string& key = c.id("bucket_key");
        record* b = consumer_bucket(owner, key);
        if (!b) throw api_error{404, "bucket not found for this consumer"};
        std::string event = text(c.options, "event_type");
        if (event.empty()) event = text(c.options, "event");
        json::object payload = kept(c.options);
        record& message = store_.insert(std::string(incoming.name), incoming.prefix, text(owner.fields, "id"),
                                        owner.account,
                                        {{"account_id", owner.account},
                                         {"bucket_id", b->fields.at("id")},
                                         {"consumer_id", owner.fields.at("consumer_id")},
                                         {"application_id", owner.fields.at("application_id")},
                                         {"method", "POST"},
                                         {"headers", json::object()},
                                         {"body", json::serialize(payload)},
                                         {"content_type", "application/json"},
                                         {"event", event}});
        auto sent = target.empty() ? fan_out(message, consumer_destinations(owner, key), event)
                                   : send_to(message, target, event);
        log(owner.account, {{"direction", "incoming"},
                            {"method", "POST"},
                            {"url", c.request->path},
                            {"http_status", 200},
                            {"bucket_id", b->fields.at("id")},
                            {"consumer_id", owner.fields.at("consumer_id")},
                            {"application_id", owner.fields.at("application_id")},
                            {"incoming_message_id", message.fields.at("id")}});
        return reply{200, json::object{{"incoming_message_id", message.fields.at("id")},
                                       {"outgoing_message_ids", json::value_from(sent)}}};
    };
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

    return {
        // Accounts
        {"register_account",
         [this](call& c) {
             if (text(c.options, "password") != text(c.options, "password_confirm"))
                 throw api_error{400, "password and password_confirm differ"};
             std::string name = text(c.options, "name");
             if (name.empty()) name = text(c.options, "first_name") + ' ' + text(c.options, "last_name");
             if (user_with("email_address", text(c.options, "email_address")))
                 throw api_error{409, "a user with this email_address exists already"};
             record& a = new_account("", {{"name", name}, {"plan_id", text(c.options, "plan_id")}});
             record& u = new_user(a.account, c.options, "owner");
             return reply{201, session(u)};
         }},
        {"create_sub_account",
         [this](call& c) {
             record& parent = resolve(c, account);
             json::object fields = kept(c.options);
             fields["parent_account_id"] = parent.fields.at("id");
             return reply{201, new_account(text(parent.fields, "id"), std::move(fields)).fields};
         }},
        {"get_sub_accounts",
         [this](call& c) {
             json::array out;
             for (record* a : store_.children(text(resolve(c, account).fields, "id"), account.name))
                 if (!c.options.contains("account_key") || text(a->fields, "account_key") == text(c.options, "account_key"))
                     out.push_back(a->fields);
             return reply{200, std::move(out)};
         }},
        {"list_accounts",
         [this](call& c) {
             json::array out;
             auto add = [&](const record& a) {
                 if (!c.options.contains("account_key") || text(a.fields, "account_key") == text(c.options, "account_key"))
                     out.push_back(a.fields);
             };
             add(*store_.find(c.caller));
             for (record* a : store_.children(c.caller, account.name)) add(*a);
             return reply{200, std::move(out)};
         }},
        {"get_account_embedded_view_html",
         [this](call& c) {
             record& a = resolve(c, account);
             return reply{200, json::object{{"html", "<div class=\"webhooksio-embedded\" data-account=\"" +
                                                         text(a.fields, "id") + "\" data-bucket-key=\"" +
                                                         html_escaped(text(c.options, "bucket_key")) + "\"></div>"}}};
         }},
        {"get_account", get(account)},
        {"update_account", update(account)},
        {"delete_account", remove(account)},

        // Applications and their versions
        {"create_application", create(application, account)},
        {"update_application", update(application)},
        {"get_application", get(application)},
        {"get_applications", list(application, account)},
        {"delete_application", remove(application)},
        {"create_application_version", create(version, application)},
        {"update_application_version", update(version)},
        {"get_application_version", get(version)},
        {"get_application_versions", list(version, application)},
        {"delete_application_version", remove(version)},

        // Buckets, inputs, destinations
        {"create_bucket", create(bucket, account)},
        {"update_bucket", update(bucket)},
        {"get_bucket",
         [this, expanded](call& c) {
             record& b = resolve(c, bucket);
             return reply{200, flag(c.options, "expand") ? json::value(expanded(b)) : json::value(b.fields)};
         }},
        {"get_buckets",
         [this, expanded](call& c) {
             if (!flag(c.options, "expand")) return reply{200, listing(resolve(c, account), bucket)};
             json::array out;
             for (record* b : store_.children(text(resolve(c, account).fields, "id"), bucket.name))
                 out.push_back(expanded(*b));
             return reply{200, std::move(out)};
         }},
        {"delete_bucket", remove(bucket)},
        {"create_input",
         [this](call& c) {
             record& b = resolve_option(c, bucket, "bucket_id");
             json::object fields = kept(c.options);
             record& in = store_.insert(std::string(input.name), input.prefix, text(b.fields, "id"), b.account,
                                        std::move(fields));
             // Where webhooks for this input go: the gateway route.
             std::string url = base_url_ + "/v1/";
             append_percent_encoded(url, text(in.fields, "name"));
             in.fields["url"] = url + '/' + text(in.fields, "id");
             return reply{201, in.fields};
         }},
        {"update_input", update(input)},
        {"get_input", get(input)},
        {"get_inputs",
         [this](call& c) {
             json::array out;
             for (record* in : store_.children(text(resolve(c, bucket).fields, "id"), input.name))
                 if (!c.options.contains("event_filter") || passes(in->fields, "event_filters", text(c.options, "event_filter")))
                     out.push_back(in->fields);
             return reply{200, std::move(out)};
         }},
        {"delete_input", remove(input)},
        {"create_destination", create(destination, input)},
        {"update_destination", update(destination)},
        {"get_destination", get(destination)},
        {"get_destinations", list(destination, input)},
        {"delete_destination", remove(destination)},

        // Recipes: stored and published; running them needs a JavaScript engine.
        {"create_recipe", create(recipe, account)},
        {"update_recipe", update(recipe)},
        {"publish_recipe",
         [this](call& c) {
             record& r = resolve(c, recipe);
             r.fields["recipe"] = r.fields["recipe_draft"];
             r.fields["published"] = true;
             r.fields["published_at"] = now_iso8601();
             return reply{200, r.fields};
         }},
        {"get_recipe", get(recipe)},
        {"get_recipes",
         [this](call& c) {
             json::array out;
             for (record* r : store_.children(text(resolve(c, account).fields, "id"), recipe.name))
                 if (!c.options.contains("type") || text(r->fields, "type") == text(c.options, "type"))
                     out.push_back(r->fields);
             return reply{200, std::move(out)};
         }},
        {"delete_recipe", remove(recipe)},
        {"test_recipe",
         [](call&) -> reply {
             throw api_error{501, "the emulator does not run recipes (it has no JavaScript engine)"};
         }},

        // Messages
        {"get_incoming_message",
         [this](call& c) {
             json::object m = resolve(c, incoming).fields;
             if (flag(c.options, "include_outgoing_messages")) {
                 json::array out;
                 for (record* o : store_.children(text(m, "id"), outgoing.name)) out.push_back(o->fields);
                 m["outgoing_messages"] = std::move(out);
             }
             return reply{200, std::move(m)};
         }},
        {"get_outgoing_message", get(outgoing)},
        {"get_outgoing_message_attempt",
         [this](call& c) {
             const std::string& id = c.id("attempt_id");
             record* owner = nullptr;
             json::object found;
             store_.for_each(outgoing.name, [&](record& m) {
                 for (const auto& a : m.fields.at("attempts").as_array())
                     if (text(a.as_object(), "id") == id) {
                         owner = &m;
                         found = a.as_object();
                     }
             });
             if (!owner) throw api_error{404, "attempt not found"};
             if (!may_use(c.caller, *owner)) throw api_error{403, "this attempt belongs to another account"};
             if (owner->account != c.id(account.placeholder)) throw api_error{404, "attempt not found"};
             found["outgoing_message_id"] = owner->fields.at("id");
             return reply{200, std::move(found)};
         }},
        // Every ID is checked before any is queued: all or nothing. One that is
        // queued already is left as it is, so nothing is sent twice.
        {"resend_messages",
         [this](call& c) {
             std::vector<record*> messages;
             for (const std::string& id : list_of(c.options, "outgoing_message_ids"))
                 messages.push_back(&resolve_named(c, outgoing, id));
             if (messages.empty()) throw api_error{400, "outgoing_message_ids names no message"};
             json::array resent, queued;
             for (record* m : messages) (requeue(*m) ? resent : queued).push_back(m->fields.at("id"));
             return reply{200, json::object{{"resent", std::move(resent)}, {"already_queued", std::move(queued)}}};
         }},
        // The link a failure notice carries: the message's ID is the credential.
        {"retry_request",
         [this](call& c) {
             const std::string id = text(c.options, "outgoing_message_id");
             if (id.empty())
                 throw api_error{400, "missing required option(s): outgoing_message_id",
                                 {{"missing", json::array{"outgoing_message_id"}}}};
             record* m = store_.find(id);
             if (!m || m->kind != outgoing.name) throw not_found(outgoing);
             if (text(m->fields, "status") != "failed") throw api_error{409, "only a failed outgoing message is retried"};
             requeue(*m);
             return reply{202, json::object{{"id", id}, {"status", "pending"}}};
         }},
        {"get_outgoing_message_status",
         [this](call& c) {
             const json::object& m = resolve(c, outgoing).fields;
             return reply{200, json::object{{"id", m.at("id")}, {"status", m.at("status")}, {"attempt_count", m.at("attempt_count")}}};
         }},

        // Consumers (the provider side: applications and their consumers)
        {"create_consumer",
         [this, ensure_consumer_bucket](call& c) {
             record& app = resolve(c, application);
             for (record* r : store_.children(text(app.fields, "id"), consumer.name))
                 if (text(r->fields, "consumer_id") == text(c.options, "consumer_id"))
                     throw api_error{409, "this application has a consumer with this consumer_id already"};
             json::object fields = kept(c.options);
             fields["application_id"] = app.fields.at("id");
             record& made = store_.insert(std::string(consumer.name), consumer.prefix, text(app.fields, "id"), app.account,
                                          std::move(fields));
             ensure_consumer_bucket(made, text(made.fields, "bucket_key"));
             return reply{201, made.fields};
         }},
        {"get_consumers", list(consumer, application)},
        {"update_consumer", update(consumer)},
        {"get_consumer", get(consumer)},
        {"delete_consumer", remove(consumer)},
        {"get_consumer_destinations",
         [this, consumer_destinations](call& c) {
             json::array out;
             for (record* d : consumer_destinations(resolve(c, consumer), text(c.options, "bucket_key")))
                 out.push_back(d->fields);
             return reply{200, std::move(out)};
         }},
        {"create_consumer_destination",
         [this, ensure_consumer_bucket](call& c) {
             record& owner = resolve(c, consumer);
             record* v = store_.find(text(c.options, "application_version_id"));
             if (!v || v->kind != version.name || v->parent != text(owner.fields, "application_id")) throw not_found(version);
             ensure_consumer_bucket(owner, text(c.options, "bucket_key"));
             json::object fields = kept(c.options);
             fields["consumer_id"] = owner.fields.at("consumer_id");
             fields["application_id"] = owner.fields.at("application_id");
             return reply{201, store_.insert(std::string(destination.name), destination.prefix,
                                             text(owner.fields, "id"), owner.account, std::move(fields)).fields};
         }},
        {"update_consumer_destination",
         [this, consumer_destination](call& c) { return reply{200, updated(consumer_destination(c), c.options)}; }},
        {"delete_consumer_destination",
         [this, consumer_destination](call& c) { return reply{200, removed(consumer_destination(c))}; }},
        {"get_consumer_buckets", list(bucket, consumer)},
        {"send_consumer_webhook_request",
         [this, consumer_webhook](call& c) { return consumer_webhook(c, resolve(c, consumer), {}); }},
        {"get_consumer_destination",
         [this, consumer_destination](call& c) {
             record& d = consumer_destination(c);
             json::object out = d.fields;
             if (flag(c.options, "include_certificate_data")) {
                 // The imported certificate for the endpoint's host and port, if any.
                 const std::string url = text(d.fields, "endpoint_url");
                 auto endpoint = parse_base_url(std::string_view(url).substr(0, url.find('?')));
                 out["certificate"] = nullptr;
                 if (endpoint)
                     for (record* cert : store_.children(d.account, certificate.name))
                         if (text(cert->fields, "domain") == endpoint->host &&
                             number(cert->fields, "port", 443) == endpoint->port)
                             out["certificate"] = cert->fields;
             }
             return reply{200, std::move(out)};
         }},
        // The gateway for consumers, named by application and consumer_id (no API key).
        {"send_dynamic_consumer_webhook_request",
         [this, consumer_webhook](call& c) {
             record* app = store_.find(c.id(application.placeholder));
             if (!app || app->kind != application.name) throw not_found(application);
             return consumer_webhook(c, consumer_of(*app, c), c.id("target_url"));
         }},
        {"get_consumer_subscription",
         [this, consumer_destinations](call& c) {
             std::string event = text(c.options, "event_name");
             if (event.empty()) event = text(c.options, "event_type");
             json::array matching;
             for (record* d : consumer_destinations(resolve(c, consumer), text(c.options, "bucket_key")))
                 if (passes(d->fields, "event_filters", event))
                     matching.push_back(flag(c.options, "include_destination_detail") ? json::value(d->fields)
                                                                                     : d->fields.at("id"));
             const bool subscribed = !matching.empty();
             return reply{200, json::object{{"subscribed", subscribed}, {"destinations", std::move(matching)}}};
         }},
        {"get_consumer_request_log",
         [this](call& c) {
             record& owner = resolve(c, consumer);
             return reply{200, log_of(c, owner.account, text(owner.fields, "consumer_id"))};
         }},
        {"create_client_token",
         [this](call& c) {
             record& owner = resolve(c, consumer);
             return reply{201, json::object{{"token", "CT" + store_.random_hex()},
                                            {"consumer_id", owner.fields.at("consumer_id")},
                                            {"bucket_key", text(c.options, "bucket_key")}}};
         }},
        {"get_embedded_view_html",
         [this](call& c) {
             record& owner = resolve(c, consumer);
             return reply{200, json::object{{"html", "<div class=\"webhooksio-embedded\" data-consumer=\"" +
                                                         text(owner.fields, "consumer_id") + "\"></div>"}}};
         }},

        // Reports and logs, computed from the recorded messages
        {"get_overview_report",
         [this](call& c) {
             const std::string precision = text(c.options, "precision");
             const std::size_t length = precision == "month" ? 7 : precision == "hour" ? 13 : precision == "minute" ? 16 : 10;
             json::object out = report(c, resolve(c, account).account, length);
             for (std::string_view key : {"start_date", "end_date", "precision"}) out[key] = c.options.at(key);
             return reply{200, std::move(out)};
         }},
        {"get_summary_report", [this](call& c) { return reply{200, report(c, resolve(c, account).account, 0)}; }},
        {"get_request_log", [this](call& c) { return reply{200, log_of(c, resolve(c, account).account, "")}; }},

        // Billing: subscriptions kept per account, fixed invoices
        {"create_subscription",
         [this, plan_for](call& c) {
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
         }},
        {"get_subscription", [subscription_of](call& c) { return reply{200, subscription_of(c).fields}; }},
        {"update_subscription",
         [this, active_subscription, plan_for](call& c) {
             record& s = active_subscription(c);
             if (c.options.contains("user_id")) resolve_option(c, user, "user_id");
             if (c.options.contains("plan_id")) {
                 s.fields["plan"] = plan_for(c.options, flag(s.fields, "has_payment_method"));
                 store_.find(s.account)->fields["plan_id"] = s.fields["plan"].at("id");
             }
             if (c.options.contains("payment_token")) s.fields["has_payment_method"] = true;
             return reply{200, updated(s, c.options)};
         }},
        {"cancel_subscription",
         [active_subscription](call& c) {
             record& s = active_subscription(c);
             s.fields["status"] = "cancelled";
             s.fields["end_of_term"] = flag(c.options, "end_of_term");
             s.fields["cancelled_at"] = s.fields["updated_at"] = now_iso8601();
             return reply{200, s.fields};
         }},
        {"get_invoices", [this](call& c) { return reply{200, invoices_of(text(resolve(c, account).fields, "id"))}; }},
        {"get_invoice",
         [this](call& c) {
             return reply{200, find_by_id(invoices_of(text(resolve(c, account).fields, "id")), c.id("invoice_id"), "invoice")};
         }},

        // SSL certificates: what was imported, by domain and port
        {"import_certificate", create(certificate, account)},
        {"get_certificate", get(certificate)},
        {"get_certificates", list(certificate, account)},
        {"delete_certificate", remove(certificate)},

        // Users and sign-in
        {"login",
         [this](call& c) {
             record* u = user_with("email_address", text(c.options, "email_address"));
             if (!u || text(u->hidden, "password") != sha256_hex(text(c.options, "password")))
                 throw api_error{401, "wrong email_address or password"};
             return reply{200, session(*u)};
         }},
        {"change_password",
         [own_user](call& c) {
             record& u = own_user(c);
             if (text(c.options, "new_password") != text(c.options, "new_confirm_password"))
                 throw api_error{400, "new_password and new_confirm_password differ"};
             if (c.options.contains("existing_password") &&
                 text(u.hidden, "password") != sha256_hex(text(c.options, "existing_password")))
                 throw api_error{400, "existing_password is wrong"};
             u.hidden["password"] = sha256_hex(text(c.options, "new_password"));
             u.hidden.erase("password_change_key");
             return reply{200, json::object{{"id", u.fields.at("id")}, {"message", "password changed"}}};
         }},
        {"get_api_token",
         [this, own_user](call& c) {
             record& u = own_user(c);
             return reply{200, json::object{{"api_token", store_.find(u.account)->hidden.at("api_key")}}};
         }},
        // The API e-mails these keys; the emulator hands them back instead.
        {"reset_password",
         [this](call& c) {
             record* u = user_with("email_address", text(c.options, "email_address"));
             if (!u) throw api_error{404, "no user has this email_address"};
             const std::string key = store_.random_hex();
             u->hidden["password_change_key"] = key;
             return reply{200, json::object{{"message", "a password change key was issued"}, {"password_change_key", key}}};
         }},
        {"lookup_password_change_key",
         [this](call& c) {
             record* u = user_with("password_change_key", c.id("password_change_key"));
             if (!u) throw api_error{404, "password change key not found"};
             return reply{200, json::object{{"user_id", u->fields.at("id")}, {"email_address", u->fields.at("email_address")}}};
         }},
        {"create_user",
         [this](call& c) { return reply{201, new_user(resolve(c, account).account, c.options, "").fields}; }},
        {"update_user",
         [this](call& c) {
             record& u = resolve(c, user);
             if (c.options.contains("password")) u.hidden["password"] = sha256_hex(text(c.options, "password"));
             return reply{200, updated(u, c.options)};
         }},
        {"get_user", get(user)},
        {"get_users", list(user, account)},
        {"delete_user", remove(user)},
        {"verify_email_address",
         [this](call& c) {
             record* u = user_with("email_verification_key", c.id("email_verification_key"));
             if (!u) throw api_error{404, "email verification key not found"};
             u->fields["verified"] = true;
             u->hidden.erase("email_verification_key");
             return reply{200, u->fields};
         }},
        {"resend_verification_email",
         [this](call& c) {
             record& u = resolve(c, user);
             const std::string key = store_.random_hex();
             u.hidden["email_verification_key"] = key;
             return reply{200, json::object{{"message", "a verification key was issued"}, {"email_verification_key", key}}};
         }},

        // Utilities: fixed, plausible data
        {"health_check", [ok](call&) { return ok(json::object{{"status", "ok"}, {"emulator", true}}); }},
        {"get_plans", [ok](call&) { return ok(plans()); }},
        {"get_plan", [ok](call& c) { return ok(find_by_id(plans(), c.id("plan_id"), "plan")); }},
        {"get_timezones",
         [ok](call&) {
             return ok(json::array{"UTC", "America/New_York", "America/Chicago", "America/Denver",
                                   "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Tokyo",
                                   "Australia/Sydney"});
         }},
        {"get_retry_policies", [ok](call&) { return ok(retry_policies()); }},
        {"get_retry_policy",
         [ok](call& c) { return ok(find_by_id(retry_policies(), c.id("policy_id"), "retry policy")); }},
        {"get_gateway_auth_options", [ok](call& c) { return ok(gateway_auth_options(c.id("type"))); }},
        {"get_gateway_auth_option",
         [ok](call& c) {
             return ok(find_by_id(gateway_auth_options(c.id("type")), c.id("option"), "authentication option"));
         }},

        // The request gateway: webhooks into an input
        {"send_input_request", [this](call& c) { return receive(c); }},
        {"send_dynamic_input_request", [this](call& c) { return receive(c, c.id("target_url")); }},
        {"check_input_gateway",
         [this](call& c) {
             record* in = store_.find(c.id("input_id"));
             if (!in || in->kind != input.name) throw not_found(input);
             return reply{200, json::object{{"input_id", in->fields.at("id")}, {"status", "ok"}}};
         }},
    };
}

}  // namespace webhooksio::detail::emulation
