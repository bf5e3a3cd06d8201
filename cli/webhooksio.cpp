// webhooksio: the Webhooks.io API on the command line. Every endpoint of the
// compile-time table is a command; its IDs and options are flags named after
// them ('_' written '-'), and its help comes from the table too:
//
//   webhooksio get_bucket --account-id AC1 --bucket-id BU1 --expand true
//   webhooksio --help              every endpoint with its summary
//   webhooksio help get_bucket     its IDs and options
//
// Exit status: 0 when the call succeeded, 1 when it failed (an API error
// prints its status and body), 2 on bad input, in which case nothing was sent.
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <webhooksio/webhooksio.hpp>

namespace json = boost::json;
namespace wh = webhooksio;

namespace {

constexpr int exit_success = 0;
constexpr int exit_call_failed = 1;
constexpr int exit_bad_input = 2;

constexpr std::string_view default_base_url = "https://api.webhooks.io";

// ---------------------------------------------------------------------------
// Option values: the text of a flag is read as the kind of its member in the
// options struct (text, flag, number, list or JSON), and the library's own
// detail::put_fields writes it, so the CLI sends what a typed call would.

using wh::detail::field_kind;

// What a value of each kind looks like, for the help.
constexpr std::string_view hint_of(field_kind kind) {
    switch (kind) {
        case field_kind::text: return "TEXT";
        case field_kind::flag: return "true|false";
        case field_kind::number: return "NUMBER";
        case field_kind::list: return "A,B,...";
        case field_kind::json: return "JSON";
    }
    return "VALUE";
}

std::optional<bool> parse_flag(std::string_view text) {
    if (text == "true") return true;
    if (text == "false") return false;
    return std::nullopt;
}

std::optional<int> parse_number(std::string_view text) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> items;
    for (std::size_t comma; (comma = text.find(',')) != std::string_view::npos; text.remove_prefix(comma + 1))
        items.emplace_back(text.substr(0, comma));
    items.emplace_back(text);
    return items;
}

std::optional<json::value> parse_json(std::string_view text) {
    boost::system::error_code ec;
    json::value value = json::parse(text, ec);
    if (ec) return std::nullopt;
    return value;
}

template <class T>
bool put_as(json::object& out, std::string_view name, field_kind kind, const std::optional<T>& value) {
    if (!value) return false;
    const wh::detail::field parsed{name, kind, &*value};
    wh::detail::put_fields(out, {&parsed, 1});
    return true;
}

// Puts `text` as option `name` into `out`; false when it is no value of `kind`.
bool put_value(json::object& out, std::string_view name, field_kind kind, std::string_view text) {
    switch (kind) {
        case field_kind::text: return put_as(out, name, kind, std::optional<std::string>(text));
        case field_kind::flag: return put_as(out, name, kind, parse_flag(text));
        case field_kind::number: return put_as(out, name, kind, parse_number(text));
        case field_kind::list: return put_as(out, name, kind, std::optional(split_list(text)));
        case field_kind::json: return put_as(out, name, kind, parse_json(text));
    }
    return false;
}

// ---------------------------------------------------------------------------
// The table as the command line sees it: one `command` per endpoint, made
// from the endpoint's type.

struct option_spec {
    std::string_view name;  // as the API spells it
    field_kind kind;
    std::string_view description;
};

using call_function = json::value (*)(wh::client&, const std::vector<std::string>& ids, const json::object& options);

struct command {
    std::string_view name;
    std::string_view summary;
    wh::http_method method;
    std::string_view route;
    std::vector<std::string_view> ids;       // placeholders, in route order
    std::vector<option_spec> options;        // in the order of the options struct
    std::vector<std::string_view> required;  // "a", or "a|b" for one of a and b
    call_function call;
};

template <class E>
std::string_view description_of(std::string_view option) {
    for (const wh::option_doc& doc : E::option_docs)
        if (doc.name == option) return doc.description;
    return {};
}

template <class E>
std::vector<option_spec> options_of() {
    using options = typename E::options;
    std::vector<option_spec> specs;
    boost::mp11::mp_for_each<boost::describe::describe_members<options, boost::describe::mod_public>>(
        [&](auto member) {
            specs.push_back({member.name, wh::detail::field_of<decltype(member)>::kind, description_of<E>(member.name)});
        });
    return specs;
}

template <class E, std::size_t... I>
typename E::params ids_of(const std::vector<std::string>& values, std::index_sequence<I...>) {
    return typename E::params{std::tuple_element_t<I, typename E::params>(values[I])...};
}

// The generic call with free-form options: the library checks the IDs and
// the required options before anything is sent.
template <class E>
json::value call(wh::client& api, const std::vector<std::string>& ids, const json::object& options) {
    constexpr std::size_t count = std::tuple_size_v<typename E::params>;
    return api.call<E>(ids_of<E>(ids, std::make_index_sequence<count>{}), options);
}

template <class E>
command command_for() {
    const auto& ids = wh::detail::placeholders_of<typename E::params>::value;
    static constexpr auto required = wh::detail::required_options<E>();
    return {E::name,
            E::summary,
            E::method,
            E::route,
            {ids.begin(), ids.end()},
            options_of<E>(),
            {required.begin(), required.end()},
            &call<E>};
}

const std::vector<command>& commands() {
    static const std::vector<command> all = [] {
        std::vector<command> list;
        wh::api::for_each_endpoint([&]<class E>(std::type_identity<E>) { list.push_back(command_for<E>()); });
        return list;
    }();
    return all;
}

const command* find_command(std::string_view name) {
    for (const command& c : commands())
        if (c.name == name) return &c;
    return nullptr;
}

// The flag of an ID or option: account_id is --account-id.
std::string flag_of(std::string_view name) {
    std::string flag(name);
    for (char& c : flag)
        if (c == '_') c = '-';
    return flag;
}

// ---------------------------------------------------------------------------
// Help, all of it from the table.

void print_usage(std::ostream& out) {
    out << "usage: webhooksio <endpoint> [--<id> VALUE]... [--<option> VALUE]... [--extra NAME=VALUE]...\n"
           "       webhooksio help <endpoint>\n"
           "       webhooksio --help | --version\n";
}

void print_overview(std::ostream& out) {
    print_usage(out);
    out << "\nCalls one endpoint of the Webhooks.io API and prints its JSON answer, indented.\n"
           "The API key comes from --api-key or WEBHOOKSIO_API_KEY, the base URL from --base-url or\n"
           "WEBHOOKSIO_BASE_URL (default "
        << default_base_url
        << ").\n"
           "Exit status: 0 success; 1 the call failed (an API error prints its status and body);\n"
           "2 bad input, and nothing was sent.\n\nendpoints:\n";
    std::size_t width = 0;
    for (const command& c : commands()) width = std::max(width, c.name.size());
    for (const command& c : commands())
        out << "  " << std::left << std::setw(int(width)) << c.name << "  " << c.summary << '\n';
}

// "(required)", "(required, or --event-type)" or "".
std::string requirement_of(const command& c, std::string_view option) {
    for (std::string_view entry : c.required) {
        if (entry == option) return "(required)";
        if (entry.find('|') == std::string_view::npos) continue;
        std::string others;
        bool named = false;
        for (std::string_view rest = entry;;) {
            const auto bar = rest.find('|');
            const std::string_view alternative = rest.substr(0, bar);
            if (alternative == option) named = true;
            else others += ", or --" + flag_of(alternative);
            if (bar == std::string_view::npos) break;
            rest.remove_prefix(bar + 1);
        }
        if (named) return "(required" + others + ")";
    }
    return {};
}

// One flag per line, its text in a column (on the next line when the flag is long).
void print_flag(std::ostream& out, const std::string& flag, std::string_view note, std::string_view text = {}) {
    constexpr int column = 32;
    out << "  " << std::left << std::setw(column) << flag;
    if (flag.size() >= column) out << "\n  " << std::setw(column) << "";
    out << "  " << note << (note.empty() || text.empty() ? "" : " ") << text << '\n';
}

void print_command_help(std::ostream& out, const command& c) {
    out << "usage: webhooksio " << c.name;
    for (std::string_view id : c.ids) out << " --" << flag_of(id) << " ID";
    out << " [options]\n\n" << c.summary << '\n' << to_string(c.method) << ' ' << c.route << '\n';
    if (!c.ids.empty()) {
        out << "\nIDs (all required):\n";
        for (std::string_view id : c.ids) print_flag(out, "--" + flag_of(id) + " ID", ":" + std::string(id) + " of the route");
    }
    out << "\noptions:\n";
    for (const option_spec& o : c.options)
        print_flag(out, "--" + flag_of(o.name) + ' ' + std::string(hint_of(o.kind)), requirement_of(c, o.name), o.description);
    if (c.options.empty()) out << "  (none in the table)\n";
    out << "\nalso:\n";
    print_flag(out, "--extra NAME=VALUE", "any other option, sent as given: VALUE is JSON, or else text (repeatable)");
    print_flag(out, "--api-key KEY", "the API key (default: WEBHOOKSIO_API_KEY)");
    print_flag(out, "--base-url URL", "the API's base URL (default: WEBHOOKSIO_BASE_URL, or " + std::string(default_base_url) + ")");
}

// ---------------------------------------------------------------------------
// The command line.

// The key, looked up before anything else so that every message can be
// cleared of it, even one about an argument that held it by mistake.
std::string api_key_from(std::span<const std::string_view> args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--api-key" && i + 1 < args.size()) return std::string(args[i + 1]);
        if (args[i].starts_with("--api-key=")) return std::string(args[i].substr(10));
    }
    const char* from_environment = std::getenv("WEBHOOKSIO_API_KEY");
    return from_environment ? from_environment : "";
}

std::string base_url_from(std::optional<std::string> flag) {
    if (flag) return *flag;
    const char* from_environment = std::getenv("WEBHOOKSIO_BASE_URL");
    return from_environment ? from_environment : std::string(default_base_url);
}

// Every message goes through here: the key never reaches the terminal.
void report(std::string_view message, std::string_view key) {
    std::cerr << wh::detail::redacted(std::string(message), key) << '\n';
}

// The flags after the endpoint's name, as (flag without "--", value) pairs.
struct flags {
    std::vector<std::pair<std::string, std::string>> pairs;
    bool help = false;
};

wh::result<flags> parse_flags(std::span<const std::string_view> args) {
    flags parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--help" || arg == "-h") {
            parsed.help = true;
        } else if (!arg.starts_with("--")) {
            return wh::error::usage("unexpected argument \"" + std::string(arg) +
                                    "\": IDs and options are given as --name VALUE");
        } else if (const auto equals = arg.find('='); equals != std::string_view::npos) {
            parsed.pairs.emplace_back(arg.substr(2, equals - 2), arg.substr(equals + 1));
        } else if (i + 1 < args.size()) {
            parsed.pairs.emplace_back(arg.substr(2), args[++i]);
        } else {
            return wh::error::usage(std::string(arg) + " needs a value");
        }
    }
    return parsed;
}

// What a call needs, checked against the endpoint: its IDs in route order,
// its options as JSON, and where to send it.
struct call_arguments {
    std::vector<std::string> ids;
    json::object options;
    std::optional<std::string> base_url;
};

// --extra NAME=VALUE: VALUE is JSON when it parses as JSON, text otherwise.
wh::result<std::pair<std::string, json::value>> parse_extra(std::string_view text) {
    const auto equals = text.find('=');
    if (equals == std::string_view::npos || equals == 0)
        return wh::error::usage("--extra takes NAME=VALUE, not \"" + std::string(text) + '"');
    const std::string_view value = text.substr(equals + 1);
    auto parsed = parse_json(value);
    return std::pair{std::string(text.substr(0, equals)), parsed ? std::move(*parsed) : json::value(json::string(value))};
}

const option_spec* find_option(const command& c, std::string_view flag) {
    for (const option_spec& o : c.options)
        if (flag_of(o.name) == flag) return &o;
    return nullptr;
}

std::optional<std::size_t> find_id(const command& c, std::string_view flag) {
    for (std::size_t i = 0; i < c.ids.size(); ++i)
        if (flag_of(c.ids[i]) == flag) return i;
    return std::nullopt;
}

// Bad input about command `c`: "get_bucket: ...".
wh::error refusal(const command& c, const std::string& what) { return wh::error::usage(std::string(c.name) + ": " + what); }

std::optional<wh::error> apply_id(const command& c, std::size_t id, const std::string& value, call_arguments& out) {
    const std::string flag = "--" + flag_of(c.ids[id]);
    if (!out.ids[id].empty()) return refusal(c, flag + " is given twice");
    if (value.empty()) return refusal(c, flag + " is empty");
    out.ids[id] = value;
    return std::nullopt;
}

std::optional<wh::error> apply_option(const command& c, const option_spec& option, const std::string& value,
                                      call_arguments& out) {
    if (out.options.contains(option.name)) return refusal(c, "option " + std::string(option.name) + " is given twice");
    if (!put_value(out.options, option.name, option.kind, value))
        return refusal(c, "--" + flag_of(option.name) + " takes " + std::string(hint_of(option.kind)) + ", not \"" + value +
                              '"');
    return std::nullopt;
}

std::optional<wh::error> apply_extra(const command& c, const std::string& value, call_arguments& out) {
    auto extra = parse_extra(value);
    if (!extra) return std::move(extra).error();
    if (out.options.contains(extra->first)) return refusal(c, "option " + extra->first + " is given twice");
    out.options[extra->first] = std::move(extra->second);
    return std::nullopt;
}

// One --flag VALUE of a call: a global flag, an ID, an option or an extra.
std::optional<wh::error> apply_flag(const command& c, const std::string& flag, const std::string& value,
                                    call_arguments& out) {
    if (flag == "api-key") return std::nullopt;  // read first, by api_key_from
    if (flag == "base-url") {
        out.base_url = value;
        return std::nullopt;
    }
    if (const auto id = find_id(c, flag)) return apply_id(c, *id, value, out);
    if (const option_spec* option = find_option(c, flag)) return apply_option(c, *option, value, out);
    if (flag == "extra") return apply_extra(c, value, out);
    return refusal(c, "no option --" + flag + "; `webhooksio help " + std::string(c.name) +
                          "` lists them, and --extra NAME=VALUE sends one the table doesn't know");
}

wh::result<call_arguments> resolve(const command& c, const flags& given) {
    call_arguments out;
    out.ids.resize(c.ids.size());
    for (const auto& [flag, value] : given.pairs)  // --bucket_id is --bucket-id
        if (auto failure = apply_flag(c, flag_of(flag), value, out)) return std::move(*failure);
    for (std::size_t i = 0; i < c.ids.size(); ++i)
        if (out.ids[i].empty())
            return refusal(c, "--" + flag_of(c.ids[i]) + " ID is missing (see `webhooksio help " + std::string(c.name) + "`)");
    return out;
}

// ---------------------------------------------------------------------------
// The call and its answer.

void print_indented(std::ostream& out, const json::value& value, std::string& indent) {
    const auto open = [&](char bracket) { out << bracket << '\n'; indent.append(2, ' '); };
    const auto close = [&](char bracket) { indent.resize(indent.size() - 2); out << '\n' << indent << bracket; };
    if (const auto* object = value.if_object(); object && !object->empty()) {
        open('{');
        for (auto it = object->begin(); it != object->end(); ++it) {
            if (it != object->begin()) out << ",\n";
            out << indent << json::serialize(json::string(it->key())) << ": ";
            print_indented(out, it->value(), indent);
        }
        close('}');
    } else if (const auto* array = value.if_array(); array && !array->empty()) {
        open('[');
        for (auto it = array->begin(); it != array->end(); ++it) {
            if (it != array->begin()) out << ",\n";
            out << indent;
            print_indented(out, *it, indent);
        }
        close(']');
    } else {
        out << json::serialize(value);
    }
}

void print_json(std::ostream& out, const json::value& value) {
    std::string indent;
    print_indented(out, value, indent);
    out << '\n';
}

// The API said no: its status, then its error body (already cleared of the
// key by the library).
void report_status_error(const wh::error& e, std::string_view key) {
    report(e.message(), key);
    std::cerr << "HTTP status " << e.status() << ", body:\n";
    if (!e.body().is_null()) print_json(std::cerr, e.body());
    else if (!e.raw_body().empty()) std::cerr << e.raw_body() << '\n';
}

int perform(const command& c, const call_arguments& arguments, const std::string& key) {
    if (key.empty()) {
        report("webhooksio: no API key: set WEBHOOKSIO_API_KEY or pass --api-key", key);
        return exit_bad_input;
    }
    wh::client_options options;
    options.base_url = base_url_from(arguments.base_url);
    try {
        wh::client api{key, options};
        print_json(std::cout, c.call(api, arguments.ids, arguments.options));
        return exit_success;
    } catch (const wh::usage_error& e) {
        report(e.what(), key);
        return exit_bad_input;
    } catch (const wh::status_error& e) {
        report_status_error(e.error(), key);
        return exit_call_failed;
    } catch (const wh::exception& e) {
        report(e.what(), key);
        return exit_call_failed;
    }
}

int run_command(const command& c, std::span<const std::string_view> args, const std::string& key) {
    auto given = parse_flags(args);
    if (!given) {
        report("webhooksio: " + given.error().message(), key);
        return exit_bad_input;
    }
    if (given->help) {
        print_command_help(std::cout, c);
        return exit_success;
    }
    auto arguments = resolve(c, *given);
    if (!arguments) {
        report("webhooksio: " + arguments.error().message(), key);
        return exit_bad_input;
    }
    return perform(c, *arguments, key);
}

int unknown_endpoint(std::string_view name, const std::string& key) {
    report("webhooksio: unknown endpoint \"" + std::string(name) + "\"; `webhooksio --help` lists them", key);
    return exit_bad_input;
}

int run(std::span<const std::string_view> args, const std::string& key) {
    if (args.empty()) {
        print_usage(std::cerr);
        return exit_bad_input;
    }
    const std::string_view first = args[0];
    if (first == "--help" || first == "-h" || (first == "help" && args.size() == 1)) {
        print_overview(std::cout);
        return exit_success;
    }
    if (first == "--version") {
        std::cout << "webhooksio " << wh::version << '\n';
        return exit_success;
    }
    if (first == "help") {
        const command* c = find_command(args[1]);
        if (!c) return unknown_endpoint(args[1], key);
        print_command_help(std::cout, *c);
        return exit_success;
    }
    const command* c = find_command(first);
    if (!c) return unknown_endpoint(first, key);
    return run_command(*c, args.subspan(1), key);
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    const std::string key = api_key_from(args);
    try {
        return run(args, key);
    } catch (const std::exception& e) {
        report(std::string("webhooksio: ") + e.what(), key);
        return exit_call_failed;
    }
}
