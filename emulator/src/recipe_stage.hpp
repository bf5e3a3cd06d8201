// A recipe between a webhook and its delivery: what one run leaves on the
// emulator's records (the message, its attempt, the log) and how its output
// becomes the request a destination receives.
#pragma once

#include <string_view>

#include <boost/json/object.hpp>

#include "outbound.hpp"
#include "recipes/recipe_engine.hpp"

namespace webhooksio::emulation {

// "deliver", "drop" or "failed".
std::string_view outcome_name(recipe_outcome::kind outcome);

// What the run did, for the message and the log: recipe_id, outcome,
// console and (when it failed) error.
boost::json::object recipe_note(std::string_view recipe_id, const recipe_outcome& run);

// What a delivering run sends: body, content_type and headers.
boost::json::object recipe_output(const recipe_outcome& run);

// Puts an output into the request: its body and content type replace the
// request's, each of its headers replaces any of the same name. The engine
// has checked the headers (tokens, no control characters, no framing).
void apply_output(const boost::json::object& output, outbound_request& out);

// Headers kept as a JSON object (an incoming message's), as the engine takes them.
header_list header_list_of(const boost::json::object& headers);

}  // namespace webhooksio::emulation
