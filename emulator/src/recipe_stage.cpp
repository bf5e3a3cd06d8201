// A recipe between a webhook and its delivery (recipe_stage.hpp).
#include "recipe_stage.hpp"

#include <algorithm>
#include <string>

#include <webhooksio/http_syntax.hpp>
#include <boost/json/string.hpp>

namespace webhooksio::emulation {

namespace json = boost::json;

std::string_view outcome_name(recipe_outcome::kind outcome) {
    switch (outcome) {
        case recipe_outcome::kind::deliver: return "deliver";
        case recipe_outcome::kind::drop: return "drop";
        case recipe_outcome::kind::failed: break;
    }
    return "failed";
}

json::object recipe_note(std::string_view recipe_id, const recipe_outcome& run) {
    json::object note{{"recipe_id", recipe_id}, {"outcome", outcome_name(run.outcome)}, {"console", run.console}};
    if (run.outcome == recipe_outcome::kind::failed) note["error"] = run.error;
    return note;
}

json::object recipe_output(const recipe_outcome& run) {
    json::object headers;
    for (const auto& [name, value] : run.headers) headers[name] = value;
    return {{"body", run.body}, {"content_type", run.content_type}, {"headers", std::move(headers)}};
}

void apply_output(const json::object& output, outbound_request& out) {
    out.body = output.at("body").as_string();
    out.content_type = output.at("content_type").as_string();
    for (const auto& [name, value] : output.at("headers").as_object()) {
        // An init-capture: clang before 16 cannot capture a structured binding.
        std::erase_if(out.headers,
                      [&name = name](const auto& header) { return webhooksio::equals_ignoring_case(header.first, name); });
        out.headers.emplace_back(name, value.as_string());
    }
}

header_list header_list_of(const json::object& headers) {
    header_list list;
    for (const auto& [name, value] : headers)
        if (value.is_string()) list.emplace_back(name, value.get_string());
    return list;
}

}  // namespace webhooksio::emulation
