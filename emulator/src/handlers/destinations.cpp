// What the emulator does for each endpoint of include/webhooksio/api/destinations.hpp.
#include "../handlers.hpp"

namespace webhooksio::emulation {

void service::add_destinations(handler_table& table) {
    using namespace kinds;
    area_handlers<areas::destinations>(table)
        .on<api::create_destination>(create(destination, input))
        .on<api::update_destination>(update(destination))
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
