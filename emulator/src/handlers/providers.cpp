// What the emulator does for each endpoint of include/webhooksio/api/providers.hpp: applications'
// consumers, their buckets and destinations.
#include "../endpoint_url.hpp"
#include "../handlers.hpp"

namespace webhooksio::emulation {

void service::add_providers(handler_table& table) {
    using namespace kinds;
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
    // A webhook the provider sends to one of its consumers' buckets: to the
    // consumer's destinations there or (the dynamic route) to `target` alone.
    auto consumer_webhook = [this, consumer_bucket, consumer_destinations](call& c, record& owner, std::string_view target) {
        if (!target.empty()) check_destination("target_url", target);
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
    area_handlers<areas::providers>(table)
        .on<api::create_consumer>([this, ensure_consumer_bucket](call& c) {
            record& app = resolve(c, application);
            for (record* r : store_.children(text(app.fields, "id"), consumer.name))
                if (text(r->fields, "consumer_id") == text(c.options, "consumer_id"))
                    throw api_error{409, "this application has a consumer with this consumer_id already"};
            json::object fields = checked(c.options);
            fields["application_id"] = app.fields.at("id");
            record& made = store_.insert(std::string(consumer.name), consumer.prefix, text(app.fields, "id"), app.account,
                                         std::move(fields));
            ensure_consumer_bucket(made, text(made.fields, "bucket_key"));
            return reply{201, made.fields};
        })
        .on<api::get_consumers>(list(consumer, application))
        .on<api::update_consumer>(update(consumer))
        .on<api::get_consumer>(get(consumer))
        .on<api::delete_consumer>(remove(consumer))
        .on<api::get_consumer_destinations>([this, consumer_destinations](call& c) {
            json::array out;
            for (record* d : consumer_destinations(resolve(c, consumer), text(c.options, "bucket_key")))
                out.push_back(d->fields);
            return reply{200, std::move(out)};
        })
        .on<api::create_consumer_destination>([this, ensure_consumer_bucket](call& c) {
            record& owner = resolve(c, consumer);
            record* v = store_.find(text(c.options, "application_version_id"));
            if (!v || v->kind != version.name || v->parent != text(owner.fields, "application_id")) throw not_found(version);
            ensure_consumer_bucket(owner, text(c.options, "bucket_key"));
            json::object fields = checked(c.options);
            fields["consumer_id"] = owner.fields.at("consumer_id");
            fields["application_id"] = owner.fields.at("application_id");
            return reply{201, store_.insert(std::string(destination.name), destination.prefix,
                                            text(owner.fields, "id"), owner.account, std::move(fields)).fields};
        })
        .on<api::update_consumer_destination>([this, consumer_destination](call& c) { return reply{200, updated(consumer_destination(c), c.options)}; })
        .on<api::delete_consumer_destination>([this, consumer_destination](call& c) { return reply{200, removed(consumer_destination(c))}; })
        .on<api::get_consumer_buckets>(list(bucket, consumer))
        .on<api::send_consumer_webhook_request>([this, consumer_webhook](call& c) { return consumer_webhook(c, resolve(c, consumer), {}); })
        .on<api::get_consumer_destination>([this, consumer_destination](call& c) {
            record& d = consumer_destination(c);
            json::object out = d.fields;
            if (flag(c.options, "include_certificate_data")) {
                // The imported certificate for the endpoint's host and port, if any.
                const std::string url = text(d.fields, "endpoint_url");
                const auto endpoint = parse_endpoint_url(url);
                out["certificate"] = nullptr;
                if (endpoint)
                    for (record* cert : store_.children(d.account, certificate.name))
                        if (text(cert->fields, "domain") == endpoint->host &&
                            number(cert->fields, "port", 443) == endpoint->port)
                            out["certificate"] = cert->fields;
            }
            return reply{200, std::move(out)};
        })
        // The gateway for consumers, named by application and consumer_id (no API key).
        .on<api::send_dynamic_consumer_webhook_request>([this, consumer_webhook](call& c) {
            record* app = store_.find(c.id(application.placeholder));
            if (!app || app->kind != application.name) throw not_found(application);
            return consumer_webhook(c, consumer_of(*app, c), c.id("target_url"));
        })
        .on<api::get_consumer_subscription>([this, consumer_destinations](call& c) {
            std::string event = text(c.options, "event_name");
            if (event.empty()) event = text(c.options, "event_type");
            json::array matching;
            for (record* d : consumer_destinations(resolve(c, consumer), text(c.options, "bucket_key")))
                if (passes(d->fields, "event_filters", event))
                    matching.push_back(flag(c.options, "include_destination_detail") ? json::value(d->fields)
                                                                                    : d->fields.at("id"));
            const bool subscribed = !matching.empty();
            return reply{200, json::object{{"subscribed", subscribed}, {"destinations", std::move(matching)}}};
        })
        .on<api::get_consumer_request_log>([this](call& c) {
            record& owner = resolve(c, consumer);
            return reply{200, log_of(c, owner.account, text(owner.fields, "consumer_id"))};
        })
        .on<api::create_client_token>([this](call& c) {
            record& owner = resolve(c, consumer);
            return reply{201, json::object{{"token", "CT" + store_.random_hex()},
                                           {"consumer_id", owner.fields.at("consumer_id")},
                                           {"bucket_key", text(c.options, "bucket_key")}}};
        })
        .on<api::get_embedded_view_html>([this](call& c) {
            record& owner = resolve(c, consumer);
            return reply{200, json::object{{"html", "<div class=\"webhooksio-embedded\" data-consumer=\"" +
                                                        html_escaped(text(owner.fields, "consumer_id")) + "\"></div>"}}};
        })
        .done();
}

}  // namespace webhooksio::emulation
