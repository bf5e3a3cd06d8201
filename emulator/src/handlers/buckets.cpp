// What the emulator does for each endpoint of include/webhooksio/api/buckets.hpp.
#include "../handlers.hpp"

namespace webhooksio::emulation {

void service::add_buckets(handler_table& table) {
    using namespace kinds;
    // A bucket with its inputs and their destinations, for `expand`.
    auto expanded = [this](const record& bucket) {
        json::object out = bucket.fields;
        json::array inputs;
        for (record* in : store_.children(text(bucket.fields, "id"), input.name)) {
            json::object i = in->fields;
            i["destinations"] = listing(*in, destination);
            inputs.push_back(std::move(i));
        }
        out["inputs"] = std::move(inputs);
        return out;
    };
    area_handlers<areas::buckets>(table)
        .on<api::create_bucket>(create(bucket, account))
        .on<api::update_bucket>(update(bucket))
        .on<api::get_bucket>([this, expanded](call& c) {
            record& b = resolve(c, bucket);
            return reply{200, flag(c.options, "expand") ? json::value(expanded(b)) : json::value(b.fields)};
        })
        .on<api::get_buckets>([this, expanded](call& c) {
            if (!flag(c.options, "expand")) return reply{200, listing(resolve(c, account), bucket)};
            json::array out;
            for (record* b : store_.children(text(resolve(c, account).fields, "id"), bucket.name))
                out.push_back(expanded(*b));
            return reply{200, std::move(out)};
        })
        .on<api::delete_bucket>(remove(bucket))
        .done();
}

}  // namespace webhooksio::emulation
