// What the emulator does for each endpoint of include/webhooksio/api/recipes.hpp: stored and published;
// running them needs a JavaScript engine.
#include "../handlers.hpp"

namespace webhooksio::emulation {

void service::add_recipes(handler_table& table) {
    using namespace kinds;
    area_handlers<areas::recipes>(table)
        .on<api::create_recipe>(create(recipe, account))
        .on<api::update_recipe>(update(recipe))
        .on<api::publish_recipe>([this](call& c) {
            record& r = resolve(c, recipe);
            r.fields["recipe"] = r.fields["recipe_draft"];
            r.fields["published"] = true;
            r.fields["published_at"] = now_iso8601();
            return reply{200, r.fields};
        })
        .on<api::get_recipe>(get(recipe))
        .on<api::get_recipes>([this](call& c) {
            json::array out;
            for (record* r : store_.children(text(resolve(c, account).fields, "id"), recipe.name))
                if (!c.options.contains("type") || text(r->fields, "type") == text(c.options, "type"))
                    out.push_back(r->fields);
            return reply{200, std::move(out)};
        })
        .on<api::delete_recipe>(remove(recipe))
        .on<api::test_recipe>([](call&) -> reply {
            throw api_error{501, "the emulator does not run recipes (it has no JavaScript engine)"};
        })
        .done();
}

}  // namespace webhooksio::emulation
