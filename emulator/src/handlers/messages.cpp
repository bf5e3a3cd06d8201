// What the emulator does for each endpoint of include/webhooksio/api/messages.hpp: incoming and outgoing
// messages.
#include "../handlers.hpp"

namespace webhooksio::emulation {

void service::add_messages(handler_table& table) {
    using namespace kinds;
    area_handlers<areas::messages>(table)
        .on<api::get_incoming_message>([this](call& c) {
            json::object m = resolve(c, incoming).fields;
            if (flag(c.options, "include_outgoing_messages")) {
                json::array out;
                for (record* o : store_.children(text(m, "id"), outgoing.name)) out.push_back(o->fields);
                m["outgoing_messages"] = std::move(out);
            }
            return reply{200, std::move(m)};
        })
        .on<api::get_outgoing_message>(get(outgoing))
        .on<api::get_outgoing_message_attempt>([this](call& c) {
            const std::string& id = c.id("attempt_id");
            const record* owner = nullptr;
            json::object found;
            store_.read_each(outgoing.name, [&](const record& m) {
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
        })
        .on<api::get_outgoing_message_status>([this](call& c) {
            const json::object& m = resolve(c, outgoing).fields;
            return reply{200, json::object{{"id", m.at("id")}, {"status", m.at("status")}, {"attempt_count", m.at("attempt_count")}}};
        })
        .done();
}

}  // namespace webhooksio::emulation
