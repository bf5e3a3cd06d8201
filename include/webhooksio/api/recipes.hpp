// The Recipes endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../detail/define_endpoint.hpp"

namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(recipes, create_recipe, seed("createRecipe"), post, "/v1/accounts/:account_id/recipes", (account_id),
    "Adds a Recipe to an account",
    (required, std::string, name, "Name for the recipe.")
    (optional, std::string, sample_code, "Sample code used to pass to the recipe during editing to test script.")
    (required, std::string, type, "The type of recipe, either input or destination.")
    (optional, std::string, notes, "Any notes required to help understand the recipe.")
    (required, std::string, recipe_draft, "During development, this is the recipe that is saved.")
    (optional, bool, run_on_each_attempt, "If the recipe should be run each time it is attempted."))

WEBHOOKSIO_ENDPOINT(recipes, update_recipe, seed("updateRecipe"), put, "/v1/accounts/:account_id/recipes/:recipe_id", (account_id, recipe_id),
    "Updates a Recipe.",
    (required, std::string, name, "Name for the recipe.")
    (optional, std::string, sample_code, "Sample code used to pass to the recipe during editing to test script.")
    (required, std::string, type, "")
    (optional, std::string, notes, "Any notes required to help understand the recipe.")
    (required, std::string, recipe_draft, "During development, this is the recipe that is saved.")
    (optional, bool, run_on_each_attempt, "If the recipe should be run each time it is attempted."))

WEBHOOKSIO_ENDPOINT(recipes, publish_recipe, seed("publishRecipe"), post, "/v1/accounts/:account_id/recipes/:recipe_id/publish", (account_id, recipe_id),
    "Publishes the draft recipe so it can be used as the production recipe.")

WEBHOOKSIO_ENDPOINT(recipes, get_recipe, seed("getRecipe"), get, "/v1/accounts/:account_id/recipes/:recipe_id", (account_id, recipe_id),
    "Returns the details for a specfic recipe.")

WEBHOOKSIO_ENDPOINT(recipes, get_recipes, seed("getRecipes"), get, "/v1/accounts/:account_id/recipes", (account_id),
    "Returns a collection of recipes for an account.",
    (optional, std::string, type, "The type of recipe, either input or destination."))

WEBHOOKSIO_ENDPOINT(recipes, delete_recipe, seed("deleteRecipe"), delete_, "/v1/accounts/:account_id/recipes/:recipe_id", (account_id, recipe_id),
    "Deletes a Recipe.")

WEBHOOKSIO_ENDPOINT(recipes, test_recipe, seed("testRecipe"), put, "/v1/accounts/:account_id/recipes/test", (account_id),
    "Provides the ability to test a recipe to ensure the output is correct. The recipe MUST be wrapped in 'function wh(){}' and return exit([data]) as shown in the sample below.",
    (optional, std::string, sample_code, "Sample code to be used during the testing of this recipe.")
    (required, std::string, type, "The type of recipe, either input or destination.")
    (required, std::string, recipe, "The recipe to be tested.")
    (optional, std::string, event_type, "The event type."))

// The area's endpoints, in the order above: WEBHOOKSIO_API_RECIPES(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_RECIPES(X) \
    X(create_recipe)              \
    X(update_recipe)              \
    X(publish_recipe)             \
    X(get_recipe)                 \
    X(get_recipes)                \
    X(delete_recipe)              \
    X(test_recipe)

namespace areas {
using recipes = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_RECIPES);
}  // namespace areas

}  // namespace webhooksio::api
