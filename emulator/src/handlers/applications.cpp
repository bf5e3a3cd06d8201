// What the emulator does for each endpoint of include/webhooksio/api/applications.hpp: applications and their
// versions.
#include "../handlers.hpp"

namespace webhooksio::emulation {

void service::add_applications(handler_table& table) {
    using namespace kinds;
    area_handlers<areas::applications>(table)
        .on<api::create_application>(create(application, account))
        .on<api::update_application>(update(application))
        .on<api::get_application>(get(application))
        .on<api::get_applications>(list(application, account))
        .on<api::delete_application>(remove(application))
        .on<api::create_application_version>(create(version, application))
        .on<api::update_application_version>(update(version))
        .on<api::get_application_version>(get(version))
        .on<api::get_application_versions>(list(version, application))
        .on<api::delete_application_version>(remove(version))
        .done();
}

}  // namespace webhooksio::emulation
