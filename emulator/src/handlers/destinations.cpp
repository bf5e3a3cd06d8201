// What the emulator does for each endpoint of include/webhooksio/api/destinations.hpp.
#include "../handlers.hpp"

namespace webhooksio::emulation {

void service::add_destinations(handler_table& table) {
    using namespace kinds;
    area_handlers<areas::destinations>(table)
        .on<api::create_destination>(create(destination, input))
        .on<api::update_destination>(update(destination))
        .on<api::get_destination>(get(destination))
        .on<api::get_destinations>(list(destination, input))
        .on<api::delete_destination>(remove(destination))
        .done();
}

}  // namespace webhooksio::emulation
