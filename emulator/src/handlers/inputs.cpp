// What the emulator does for each endpoint of include/webhooksio/api/inputs.hpp.
#include "../endpoint_url.hpp"
#include "../handlers.hpp"

namespace webhooksio::emulation {

void service::add_inputs(handler_table& table) {
    using namespace kinds;
    area_handlers<areas::inputs>(table)
        .on<api::create_input>([this](call& c) {
            record& b = resolve_option(c, bucket, "bucket_id");
            json::object fields = checked(c.options);
            record& in = store_.insert(std::string(input.name), input.prefix, text(b.fields, "id"), b.account,
                                       std::move(fields));
            // Where webhooks for this input go: the gateway route.
            in.fields["url"] = base_url_ + "/v1/" + encoded_segment(text(in.fields, "name")) + '/' + text(in.fields, "id");
            return reply{201, in.fields};
        })
        .on<api::update_input>(update(input))
        .on<api::get_input>(get(input))
        .on<api::get_inputs>([this](call& c) {
            json::array out;
            for (record* in : store_.children(text(resolve(c, bucket).fields, "id"), input.name))
                if (has_key(*in, c.options, "key") &&
                    (!c.options.contains("event_filter") || passes(in->fields, "event_filters", text(c.options, "event_filter"))))
                    out.push_back(in->fields);
            return reply{200, std::move(out)};
        })
        .on<api::delete_input>(remove(input))
        .done();
}

}  // namespace webhooksio::emulation
