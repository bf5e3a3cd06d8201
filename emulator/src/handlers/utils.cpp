// What the emulator does for each endpoint of include/webhooksio/api/utils.hpp: fixed, plausible data.
#include "../handlers.hpp"

namespace webhooksio::emulation {

namespace {

json::array retry_policies() {
    return {json::object{{"id", "RP00000000000000000000000000000001"},
                         {"name", "Fixed interval"},
                         {"description", "Retries retry_count times, retry_interval apart."}},
            json::object{{"id", "RP00000000000000000000000000000002"},
                         {"name", "Exponential back-off"},
                         {"description", "Retries retry_count times, doubling retry_interval each time."}}};
}

}  // namespace

json::array plans() {
    return {json::object{{"id", "free"}, {"name", "Free"}, {"price", 0}, {"monthly_requests", 10000}},
            json::object{{"id", "startup"}, {"name", "Startup"}, {"price", 29}, {"monthly_requests", 500000}},
            json::object{{"id", "business"}, {"name", "Business"}, {"price", 99}, {"monthly_requests", 5000000}}};
}

json::value find_by_id(const json::array& items, std::string_view id, std::string_view label) {
    for (const auto& item : items)
        if (item.at("id").as_string() == id) return item;
    throw api_error{404, std::string(label) + " not found"};
}

std::string html_escaped(std::string_view text) {
    std::string out;
    for (char ch : text) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += ch;
        }
    }
    return out;
}

void service::add_utils(handler_table& table) {
    using namespace kinds;
    area_handlers<areas::utils>(table)
        .on<api::health_check>([](call&) { return ok(json::object{{"status", "ok"}, {"emulator", true}}); })
        .on<api::get_plans>([](call&) { return ok(plans()); })
        .on<api::get_plan>([](call& c) { return ok(find_by_id(plans(), c.id("plan_id"), "plan")); })
        .on<api::get_timezones>([](call&) {
            return ok(json::array{"UTC", "America/New_York", "America/Chicago", "America/Denver",
                                  "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Tokyo",
                                  "Australia/Sydney"});
        })
        .on<api::get_retry_policies>([](call&) { return ok(retry_policies()); })
        .on<api::get_retry_policy>([](call& c) { return ok(find_by_id(retry_policies(), c.id("policy_id"), "retry policy")); })
        .done();
}

}  // namespace webhooksio::emulation
