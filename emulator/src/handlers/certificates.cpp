// What the emulator does for each endpoint of include/webhooksio/api/certificates.hpp: the SSL certificates
// imported, by domain and port.
#include "../handlers.hpp"

namespace webhooksio::emulation {

void service::add_certificates(handler_table& table) {
    using namespace kinds;
    area_handlers<areas::certificates>(table)
        .on<api::import_certificate>(create(certificate, account))
        .on<api::get_certificate>(get(certificate))
        .on<api::get_certificates>(list(certificate, account))
        .on<api::delete_certificate>(remove(certificate))
        .done();
}

}  // namespace webhooksio::emulation
