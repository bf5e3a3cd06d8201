// What the emulator does for each endpoint of include/webhooksio/api/buckets.hpp.
#include "../handlers.hpp"

namespace webhooksio::emulation {

void service::add_buckets(handler_table& table) {
    using namespace kinds;
    // A bucket as get_bucket(s) answer: with its inputs and their
    // destinations for `expand`, with its traffic for `include_stats`.
    auto shown = [this](const call& c, const record& b) {
        json::object out = b.fields;
        if (flag(c.options, "expand")) {
            json::array inputs;
            for (record* in : store_.children(text(b.fields, "id"), input.name)) {
                json::object i = in->fields;
                i["destinations"] = listing(*in, destination);
                inputs.push_back(std::move(i));
            }
            out["inputs"] = std::move(inputs);
        }
        if (flag(c.options, "include_stats")) {
            call scoped;
            scoped.options = {{"bucket_id", b.fields.at("id")}};
            out["stats"] = report(scoped, b.account, 0).at("totals");
        }
        return out;
    };
    area_handlers<areas::buckets>(table)
        .on<api::create_bucket>(create(bucket, account))
        .on<api::update_bucket>(update(bucket))
        .on<api::get_bucket>([this, shown](call& c) { return reply{200, shown(c, resolve(c, bucket))}; })
        .on<api::get_buckets>([this, shown](call& c) {
            json::array out;
            for (record* b : store_.children(text(resolve(c, account).fields, "id"), bucket.name))
                out.push_back(shown(c, *b));
            return reply{200, std::move(out)};
        })
        .on<api::delete_bucket>(remove(bucket))
        .done();
}

}  // namespace webhooksio::emulation
