// Writes docs/reference.md, the call reference, from the endpoint table's
// reflection (<webhooksio/reflection.hpp>): every endpoint with its method,
// route, IDs and options, area by area.
//
//   reference <output file>           write it
//   reference <output file> --check   fail if the file differs (the reference_is_fresh test)
//
// `cmake --build build --target reference` runs the first form.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <ranges>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <webhooksio/webhooksio.hpp>

namespace {

namespace reflection = webhooksio::reflection;
namespace areas = webhooksio::api::areas;
using reflection::endpoint_info;
using webhooksio::option_kind;

// One section of the reference: a title and the endpoints of one area.
struct area {
    std::string_view title;
    std::span<const endpoint_info> endpoints;
};

// The areas in the order a user meets them.
std::vector<area> areas_of_the_api() {
    return {
        {"Accounts", reflection::endpoints<areas::accounts>()},
        {"Users and sign-in", reflection::endpoints<areas::users>()},
        {"Buckets", reflection::endpoints<areas::buckets>()},
        {"Inputs", reflection::endpoints<areas::inputs>()},
        {"Destinations", reflection::endpoints<areas::destinations>()},
        {"The request gateway", reflection::endpoints<areas::gateway>()},
        {"Messages", reflection::endpoints<areas::messages>()},
        {"Recipes", reflection::endpoints<areas::recipes>()},
        {"Reporting and the request log", reflection::endpoints<areas::reporting>()},
        {"Applications", reflection::endpoints<areas::applications>()},
        {"Providers: consumers of an application", reflection::endpoints<areas::providers>()},
        {"Certificates", reflection::endpoints<areas::certificates>()},
        {"Billing", reflection::endpoints<areas::billing>()},
        {"Utilities", reflection::endpoints<areas::utils>()},
    };
}

// The C++ type a member of the options struct has.
std::string_view type_of(option_kind kind) {
    switch (kind) {
        case option_kind::text: return "`std::string`";
        case option_kind::flag: return "`bool`";
        case option_kind::number: return "`int`";
        case option_kind::list: return "`std::vector<std::string>` (sent as `\"a,b\"`)";
        case option_kind::json: return "`boost::json::value`";
        case option_kind::id: return "an ID type (sent as its text)";
    }
    return "";
}

// Text for one cell of a Markdown table: on one line, with no bar that
// would end the cell.
std::string cell(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '|') out += "\\|";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

// "yes", "one of `a`, `b`" (an entry "a|b" of endpoint.required) or "no".
std::string requirement(const endpoint_info& e, std::string_view option) {
    for (std::string_view entry : e.required) {
        // A plain loop: clang 14 can't use libstdc++ 12's views::split.
        std::vector<std::string_view> alternatives;
        for (std::size_t start = 0;;) {
            const std::size_t bar = entry.find('|', start);
            alternatives.push_back(entry.substr(start, bar - start));
            if (bar == std::string_view::npos) break;
            start = bar + 1;
        }
        if (std::ranges::find(alternatives, option) == alternatives.end()) continue;
        if (alternatives.size() == 1) return "yes";
        std::string text = "one of";
        for (std::size_t i = 0; i < alternatives.size(); ++i)
            text += (i ? ", `" : " `") + std::string(alternatives[i]) + '`';
        return text;
    }
    return "no";
}

// GitHub's anchor of a heading: lower case, spaces as '-', no punctuation.
std::string anchor_of(std::string_view title) {
    std::string out;
    for (char c : title) {
        if (c >= 'A' && c <= 'Z') out += char(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') out += c;
        else if (c == ' ') out += '-';
    }
    return out;
}

void write_endpoint(std::ostream& out, const endpoint_info& e) {
    out << "### " << e.name << "\n\n" << e.summary << "\n\n";
    out << "- `" << to_string(e.method) << ' ' << e.route << "`\n";
    out << "- IDs: ";
    if (e.ids.empty()) out << "none";
    for (std::size_t i = 0; i < e.ids.size(); ++i) out << (i ? ", " : "") << '`' << e.ids[i] << '`';
    out << "\n- API key: " << (e.needs_api_key() ? "needed" : "not needed (a public route)") << '\n';
    out << "- " << (e.in_seed ? "One of the original Node.js client's 77 calls: " : "Named in the API docs: ") << '`'
        << e.seed_name << "`\n\n";
    if (e.options.empty()) {
        out << "No options in the table; `extra` sends any option by name.\n\n";
        return;
    }
    out << "| Option | Type | Required | Description |\n|---|---|---|---|\n";
    for (const webhooksio::option_info& o : e.options)
        out << "| `" << o.name << "` | " << type_of(o.kind) << " | " << requirement(e, o.name) << " | "
            << cell(o.description) << " |\n";
    out << '\n';
}

std::string reference() {
    const std::vector<area> all = areas_of_the_api();
    std::ostringstream out;
    out << "# Call reference\n\n"
           "Every call of the Webhooks.io API that `webhooksio::client` makes, area by area. This page is generated\n"
           "from the endpoint table by `tools/reference.cpp` (`cmake --build build --target reference`); the\n"
           "`reference_is_fresh` test fails when it differs from the table.\n\n"
           "Each call is a method of the client with the name given here, taking its IDs in route order and then\n"
           "its options struct, `webhooksio::api::<name>::options`:\n\n"
           "```text\n"
           "api.get_bucket(account_id{\"AC1\"}, bucket_id{\"BU1\"}, {.expand = true});\n"
           "```\n\n"
           "An option marked required is a `webhooksio::required<T, api::option::NAME>` member: leaving it out "
           "does not compile, and the message names it.\n"
           "\"One of\" means at least one of the options named must be set; the client checks that before it sends.\n"
           "Every options struct also has `extra`, a `boost::json::object` for options the table does not name.\n"
           "The guide ([guide.md](guide.md)) explains calls, options and answers.\n\n"
           "## Areas\n\n";
    for (const area& a : all)
        out << "- [" << a.title << "](#" << anchor_of(a.title) << ") (" << a.endpoints.size() << " calls)\n";
    out << '\n';
    for (const area& a : all) {
        out << "## " << a.title << "\n\n";
        for (const endpoint_info& e : a.endpoints) write_endpoint(out, e);
    }
    return out.str();
}

// Every endpoint of the table is in one of the areas above, once.
bool covers_the_table() {
    std::multiset<std::string_view> listed;
    for (const area& a : areas_of_the_api())
        for (const endpoint_info& e : a.endpoints) listed.insert(e.name);
    bool ok = listed.size() == reflection::endpoints().size();
    for (const endpoint_info& e : reflection::endpoints()) {
        if (listed.count(e.name) != 1) {
            std::cerr << "reference: endpoint " << e.name << " is in " << listed.count(e.name)
                      << " areas of tools/reference.cpp, not one\n";
            ok = false;
        }
    }
    return ok;
}

}  // namespace

int main(int argc, char** argv) {
    const bool check = argc == 3 && std::string_view(argv[2]) == "--check";
    if (argc != 2 && !check) {
        std::cerr << "usage: reference <output file> [--check]\n";
        return 2;
    }
    if (!covers_the_table()) return 1;
    const std::string text = reference();
    if (check) {
        std::ifstream in(argv[1], std::ios::binary);
        const std::string old{std::istreambuf_iterator<char>(in), {}};
        if (old == text) return 0;
        std::cerr << argv[1] << " is stale: run `cmake --build <build dir> --target reference` and commit it\n";
        return 1;
    }
    std::ofstream(argv[1], std::ios::binary) << text;
    return 0;
}
