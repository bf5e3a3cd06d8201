// What the emulator does for each endpoint of include/webhooksio/api/destinations.hpp.
#include "../handlers.hpp"
#include "../signing.hpp"

namespace webhooksio::emulation {

void service::add_destinations(handler_table& table) {
    using namespace kinds;
    // The signing_secret option (signing.hpp): checked and taken out of the
    // options before the destination is stored, so a bad one stores nothing
    // and a good one never lands in the fields that answers show.
    auto signing = [this](handler store) -> handler {
        return [this, store = std::move(store)](call& c) {
            const std::optional<std::string> secret = take_signing_secret(c.options);
            reply answer = store(c);
            if (secret) {
                record& d = *store_.find(text(answer.body.as_object(), "id"));
                const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
                set_signing_secret(d.fields, d.hidden, *secret, now, options_.signing_overlap);
                answer.body = d.fields;
            }
            return answer;
        };
    };
    area_handlers<areas::destinations>(table)
        .on<api::create_destination>(signing(create(destination, input)))
        .on<api::update_destination>(signing(update(destination)))
        .on<api::get_destination>(get(destination))
        .on<api::get_destinations>([this](call& c) {
            json::array out;
            for (record* d : store_.children(text(resolve(c, input).fields, "id"), destination.name))
                if (has_key(*d, c.options, "destination_key")) out.push_back(d->fields);
            return reply{200, std::move(out)};
        })
        .on<api::delete_destination>(remove(destination))
        .done();
}

}  // namespace webhooksio::emulation
