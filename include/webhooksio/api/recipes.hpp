// The Recipes endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// Adds a Recipe to an account
struct create_recipe : endpoint<"createRecipe", http_method::post, "/v1/accounts/:account_id/recipes", account_id> {
    static constexpr std::string_view name = "create_recipe"sv;
    static constexpr std::string_view summary = "Adds a Recipe to an account"sv;
    static constexpr std::array<option_doc, 6> option_docs{{
        {"name"sv, "Name for the recipe."sv},
        {"sample_code"sv, "Sample code used to pass to the recipe during editing to test script."sv},
        {"type"sv, "The type of recipe, either input or destination."sv},
        {"notes"sv, "Any notes required to help understand the recipe."sv},
        {"recipe_draft"sv, "During development, this is the recipe that is saved."sv},
        {"run_on_each_attempt"sv, "If the recipe should be run each time it is attempted."sv},
    }};
    struct options {
        required<std::string> name;
        std::optional<std::string> sample_code{};
        required<std::string> type;
        std::optional<std::string> notes{};
        required<std::string> recipe_draft;
        std::optional<bool> run_on_each_attempt{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(create_recipe::options, (), (name, sample_code, type, notes, recipe_draft, run_on_each_attempt))

// Updates a Recipe.
struct update_recipe : endpoint<"updateRecipe", http_method::put, "/v1/accounts/:account_id/recipes/:recipe_id", account_id, recipe_id> {
    static constexpr std::string_view name = "update_recipe"sv;
    static constexpr std::string_view summary = "Updates a Recipe."sv;
    static constexpr std::array<option_doc, 6> option_docs{{
        {"name"sv, "Name for the recipe."sv},
        {"sample_code"sv, "Sample code used to pass to the recipe during editing to test script."sv},
        {"type"sv, ""sv},
        {"notes"sv, "Any notes required to help understand the recipe."sv},
        {"recipe_draft"sv, "During development, this is the recipe that is saved."sv},
        {"run_on_each_attempt"sv, "If the recipe should be run each time it is attempted."sv},
    }};
    struct options {
        required<std::string> name;
        std::optional<std::string> sample_code{};
        required<std::string> type;
        std::optional<std::string> notes{};
        required<std::string> recipe_draft;
        std::optional<bool> run_on_each_attempt{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(update_recipe::options, (), (name, sample_code, type, notes, recipe_draft, run_on_each_attempt))

// Publishes the draft recipe so it can be used as the production recipe.
struct publish_recipe : endpoint<"publishRecipe", http_method::post, "/v1/accounts/:account_id/recipes/:recipe_id/publish", account_id, recipe_id> {
    static constexpr std::string_view name = "publish_recipe"sv;
    static constexpr std::string_view summary = "Publishes the draft recipe so it can be used as the production recipe."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(publish_recipe::options, (), ())

// Returns the details for a specfic recipe.
struct get_recipe : endpoint<"getRecipe", http_method::get, "/v1/accounts/:account_id/recipes/:recipe_id", account_id, recipe_id> {
    static constexpr std::string_view name = "get_recipe"sv;
    static constexpr std::string_view summary = "Returns the details for a specfic recipe."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_recipe::options, (), ())

// Returns a collection of recipes for an account.
struct get_recipes : endpoint<"getRecipes", http_method::get, "/v1/accounts/:account_id/recipes", account_id> {
    static constexpr std::string_view name = "get_recipes"sv;
    static constexpr std::string_view summary = "Returns a collection of recipes for an account."sv;
    static constexpr std::array<option_doc, 1> option_docs{{
        {"type"sv, "The type of recipe, either input or destination."sv},
    }};
    struct options {
        std::optional<std::string> type{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_recipes::options, (), (type))

// Deletes a Recipe.
struct delete_recipe : endpoint<"deleteRecipe", http_method::delete_, "/v1/accounts/:account_id/recipes/:recipe_id", account_id, recipe_id> {
    static constexpr std::string_view name = "delete_recipe"sv;
    static constexpr std::string_view summary = "Deletes a Recipe."sv;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(delete_recipe::options, (), ())

// Provides the ability to test a recipe to ensure the output is correct. The recipe MUST be wrapped in 'function wh(){}' and return exit([data]) as shown in the sample below.
struct test_recipe : endpoint<"testRecipe", http_method::put, "/v1/accounts/:account_id/recipes/test", account_id> {
    static constexpr std::string_view name = "test_recipe"sv;
    static constexpr std::string_view summary = "Provides the ability to test a recipe to ensure the output is correct. The recipe MUST be wrapped in 'function wh(){}' and return exit([data]) as shown in the sample below."sv;
    static constexpr std::array<option_doc, 4> option_docs{{
        {"sample_code"sv, "Sample code to be used during the testing of this recipe."sv},
        {"type"sv, "The type of recipe, either input or destination."sv},
        {"recipe"sv, "The recipe to be tested."sv},
        {"event_type"sv, "The event type."sv},
    }};
    struct options {
        std::optional<std::string> sample_code{};
        required<std::string> type;
        required<std::string> recipe;
        std::optional<std::string> event_type{};
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(test_recipe::options, (), (sample_code, type, recipe, event_type))

}  // namespace webhooksio::api

// The Recipes calls with their number of IDs, for the client's named methods.
#define WEBHOOKSIO_API_RECIPES(X) \
    X(create_recipe, 1) \
    X(update_recipe, 2) \
    X(publish_recipe, 2) \
    X(get_recipe, 2) \
    X(get_recipes, 1) \
    X(delete_recipe, 2) \
    X(test_recipe, 1)
