// What the emulator does for each endpoint of include/webhooksio/api/gateway.hpp: the request gateway (webhooks
// into an input), its authentication options and resending.
#include "../handlers.hpp"

namespace webhooksio::emulation {

namespace {

// How the gateway can authenticate, by what is authenticated: webhooks
// coming into an input, or deliveries going out to a destination.
json::array gateway_auth_options(std::string_view type) {
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

}  // namespace

void service::add_gateway(handler_table& table) {
    using namespace kinds;
    area_handlers<areas::gateway>(table)
        // Every ID is checked before any is queued: all or nothing. One that is
        // queued already is left as it is, so nothing is sent twice.
        .on<api::resend_messages>([this](call& c) {
            std::vector<record*> messages;
            for (const std::string& id : list_of(c.options, "outgoing_message_ids"))
                messages.push_back(&resolve_named(c, outgoing, id));
            if (messages.empty()) throw api_error{400, "outgoing_message_ids names no message"};
            json::array resent, queued;
            for (record* m : messages) (requeue(*m) ? resent : queued).push_back(m->fields.at("id"));
            return reply{200, json::object{{"resent", std::move(resent)}, {"already_queued", std::move(queued)}}};
        })
        // The link a failure notice carries: the message's ID is the credential.
        .on<api::retry_request>([this](call& c) {
            const std::string id = text(c.options, "outgoing_message_id");
            if (id.empty())
                throw api_error{400, "missing required option(s): outgoing_message_id",
                                {{"missing", json::array{"outgoing_message_id"}}}};
            record* m = store_.find(id);
            if (!m || m->kind != outgoing.name) throw not_found(outgoing);
            if (text(m->fields, "status") != "failed") throw api_error{409, "only a failed outgoing message is retried"};
            requeue(*m);
            return reply{202, json::object{{"id", id}, {"status", "pending"}}};
        })
        .on<api::get_gateway_auth_options>([](call& c) { return ok(gateway_auth_options(c.id("type"))); })
        .on<api::get_gateway_auth_option>([](call& c) {
            return ok(find_by_id(gateway_auth_options(c.id("type")), c.id("option"), "authentication option"));
        })
        .on<api::send_input_request>([this](call& c) { return receive(c); })
        .on<api::send_dynamic_input_request>([this](call& c) { return receive(c, c.id("target_url")); })
        .on<api::check_input_gateway>([this](call& c) {
            return reply{200, json::object{{"input_id", gateway_input(c).fields.at("id")}, {"status", "ok"}}};
        })
        .done();
}

}  // namespace webhooksio::emulation
