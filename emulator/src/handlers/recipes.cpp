// What the emulator does for each endpoint of include/webhooksio/api/recipes.hpp: recipes kept as a draft
// and a published version, and run on the recipe engine (recipes/recipe_engine.hpp) by test_recipe and,
// the published version, by the inputs and destinations that name them (service.cpp).
#include "../handlers.hpp"
#include "../recipe_stage.hpp"

namespace webhooksio::emulation {

std::optional<service::recipe_to_run> service::recipe_for(const json::object& owner, const std::string& account) {
    const std::string id = text(owner, "recipe_id");
    if (id.empty()) return std::nullopt;
    const record* r = store_.find(id);
    if (!r || r->kind != kinds::recipe.name || r->account != account)
        return recipe_to_run{.id = id, .missing = "recipe " + id + " not found"};
    // Never published: nothing runs yet, the message goes as it came.
    if (!r->fields.contains("recipe")) return std::nullopt;
    return recipe_to_run{.id = id, .code = text(r->fields, "recipe"), .on_each_attempt = flag(r->fields, "run_on_each_attempt")};
}

recipe_outcome service::run(const recipe_to_run& recipe, std::string_view payload, std::string_view event,
                            header_list headers) const {
    if (!recipe.missing.empty()) return {.error = recipe.missing};
    return run_recipe({.code = recipe.code, .payload = payload, .event_type = event, .headers = std::move(headers)},
                      options_.recipe_limits);
}

namespace {

// Creating or updating a recipe changes its draft: only publish_recipe
// changes the code that runs (`recipe`), from the draft.
handler draft_only(handler h) {
    return [h = std::move(h)](call& c) {
        for (std::string_view key : {"recipe", "published", "published_at"})
            if (c.options.contains(key))
                throw api_error{400, std::string(key) + " is set by publish_recipe, from recipe_draft", {{"field", key}}};
        return h(c);
    };
}

}  // namespace

void service::add_recipes(handler_table& table) {
    using namespace kinds;
    area_handlers<areas::recipes>(table)
        .on<api::create_recipe>(draft_only(create(recipe, account)))
        .on<api::update_recipe>(draft_only(update(recipe)))
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
        // Runs `recipe` on `sample_code`, without the lock, and stores nothing.
        // A recipe that fails is still a test that worked: 200, with the error.
        .on<api::test_recipe>([this](call& c) {
            const recipe_outcome out = unlocked(c, [&] {
                return run({.code = text(c.options, "recipe")}, text(c.options, "sample_code"),
                           text(c.options, "event_type"), {});
            });
            json::object answer = recipe_note("", out);
            answer.erase("recipe_id");
            answer["result"] = out.result;
            if (out.outcome == recipe_outcome::kind::deliver) answer["output"] = recipe_output(out);
            return reply{200, std::move(answer)};
        })
        .done();
}

}  // namespace webhooksio::emulation
