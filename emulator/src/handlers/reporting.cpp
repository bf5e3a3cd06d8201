// What the emulator does for each endpoint of include/webhooksio/api/reporting.hpp: reports and logs, computed
// from the recorded messages.
#include "../handlers.hpp"

namespace webhooksio::emulation {

void service::add_reporting(handler_table& table) {
    using namespace kinds;
    area_handlers<areas::reporting>(table)
        .on<api::get_overview_report>([this](call& c) {
            const std::string precision = text(c.options, "precision");
            const std::size_t length = precision == "month" ? 7 : precision == "hour" ? 13 : precision == "minute" ? 16 : 10;
            json::object out = report(c, resolve(c, account).account, length);
            for (std::string_view key : {"start_date", "end_date", "precision"}) out[key] = c.options.at(key);
            return reply{200, std::move(out)};
        })
        .on<api::get_summary_report>([this](call& c) { return reply{200, report(c, resolve(c, account).account, 0)}; })
        .on<api::get_request_log>([this](call& c) { return reply{200, log_of(c, resolve(c, account).account, "")}; })
        .done();
}

}  // namespace webhooksio::emulation
