// webhooksio: the Webhooks.io API on the command line. Every endpoint of the
// compile-time table is a command; its IDs and options are flags named after
// them ('_' written '-'), and its help comes from the table too. Built on the
// library's public reflection of the table (<webhooksio/reflection.hpp>):
//
//   webhooksio get_bucket --account-id AC1 --bucket-id BU1 --expand true
//   webhooksio send_input_request --input-name orders --input-id IN1
//       --payload '{"type":"order.paid"}' --header 'X-Event: order.paid'
//   webhooksio --help              every endpoint with its summary
//   webhooksio help get_bucket     its IDs and options
//   webhooksio sign-webhook --id msg_1 < body.json      the Standard Webhooks headers of a body
//   webhooksio verify-webhook --id msg_1 --timestamp T --signature S < body.json
//
// The gateway calls (those whose options carry a webhook) also take the
// webhook itself: --payload JSON, or --raw-body TEXT|@FILE with
// --content-type, and --header 'Name: value' (repeatable), checked by the
// library as a typed call's are.
//
// Exit status: 0 when the call succeeded, 1 when it failed (an API error
// prints its status and body; a delivery that does not verify), 2 on bad
// input, in which case nothing was sent.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iterator>
#include <iostream>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
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
// The table, through the library's reflection of it: one endpoint_info per
// endpoint, with its IDs and its options' names, kinds and descriptions.

namespace reflection = wh::reflection;
using command = reflection::endpoint_info;
using reflection::option_info;
using reflection::option_kind;

// What a value of each kind looks like, for the help.
constexpr std::string_view hint_of(option_kind kind) {
    switch (kind) {
        case option_kind::text: return "TEXT";
        case option_kind::flag: return "true|false";
        case option_kind::number: return "NUMBER";
        case option_kind::list: return "A,B,...";
        case option_kind::json: return "JSON";
        case option_kind::id: return "ID";
    }
    return "VALUE";
}

std::optional<json::value> parse_json(std::string_view text) {
    boost::system::error_code ec;
    json::value value = json::parse(text, ec);
    if (ec) return std::nullopt;
    return value;
}

// How many single-character edits turn `a` into `b` (Levenshtein).
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The endpoint whose name is nearest to `name`, if one is near enough to be
// what was meant (at most a third of its letters wrong).
const command* nearest_command(std::string_view name) {
    const command* best = nullptr;
    std::size_t best_distance = 0;
    for (const command& c : reflection::endpoints()) {
        const std::size_t d = edit_distance(name, c.name);
        if (!best || d < best_distance) {
            best = &c;
            best_distance = d;
        }
    }
    return best && best_distance * 3 <= best->name.size() ? best : nullptr;
}

// The flag of an ID or option: account_id is --account-id.
std::string flag_of(std::string_view name) {
    std::string flag(name);
    for (char& c : flag)
        if (c == '_') c = '-';
    return flag;
}

// Whether the options of endpoint E carry a webhook (payload, raw_body,
// content_type, headers): the gateway calls.
template <class E>
constexpr bool carries_webhook = requires(typename E::options options) { options.payload; };

bool sends_webhook(const command& c) {
    bool found = false;
    wh::api::for_each_endpoint([&]<class E>(std::type_identity<E>) {
        if constexpr (carries_webhook<E>) found = found || E::name == c.name;
    });
    return found;
}

// The flags that give a gateway call's webhook, with their help.
struct webhook_flag {
    std::string_view name;
    std::string_view hint;
    std::string_view text;
};
constexpr webhook_flag webhook_flags[] = {
    {"payload", "JSON", "the webhook as JSON: the whole body, sent as application/json"},
    {"raw-body", "TEXT|@FILE", "or the webhook as sent, from TEXT or from FILE (a form, XML, text)"},
    {"content-type", "TYPE", "the raw body's Content-Type (default text/plain)"},
    {"header", "'NAME: VALUE'", "a further request header, e.g. the event name (repeatable)"},
};

bool is_webhook_flag(std::string_view flag) {
    return std::ranges::any_of(webhook_flags, [&](const webhook_flag& f) { return f.name == flag; });
}

// ---------------------------------------------------------------------------
// Help, all of it from the table.

void print_usage(std::ostream& out) {
    out << "usage: webhooksio <endpoint> [--<id> VALUE]... [--<option> VALUE]... [--extra NAME=VALUE]...\n"
           "       webhooksio <gateway call> [--<id> VALUE]... [--payload JSON | --raw-body TEXT|@FILE]\n"
           "                  [--content-type TYPE] [--header 'NAME: VALUE']...\n"
           "       webhooksio help <endpoint>\n"
           "       webhooksio sign-webhook --id ID [--timestamp UNIX_SECONDS] [--secret-file FILE] < BODY\n"
           "       webhooksio verify-webhook --id ID --timestamp UNIX_SECONDS --signature SIGNATURES\n"
           "                                 [--tolerance SECONDS] [--secret-file FILE] < BODY\n"
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
           "2 bad input, and nothing was sent.\n"
           "sign-webhook prints the webhook-id, webhook-timestamp and webhook-signature headers (Standard\n"
           "Webhooks) of the body on stdin; verify-webhook checks them, exiting 1 with the reason when they\n"
           "don't match. The signing secret (whsec_...) comes from WEBHOOKSIO_SIGNING_SECRET or --secret-file,\n"
           "never from a flag.\n\nendpoints:\n";
    std::size_t width = 0;
    for (const command& c : reflection::endpoints()) width = std::max(width, c.name.size());
    for (const command& c : reflection::endpoints())
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
    for (const option_info& o : c.options)
        print_flag(out, "--" + flag_of(o.name) + ' ' + std::string(hint_of(o.kind)), requirement_of(c, o.name), o.description);
    const bool webhook = sends_webhook(c);
    if (webhook)
        for (const webhook_flag& f : webhook_flags)
            print_flag(out, "--" + std::string(f.name) + ' ' + std::string(f.hint), f.text);
    if (c.options.empty() && !webhook) out << "  (none)\n";
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
    std::cerr << wh::redacted(std::string(message), key) << '\n';
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

// The webhook of a gateway call, as its flags give it; the library checks
// it as it checks a typed call's (one body, headers that are HTTP's, ...).
struct webhook {
    std::optional<json::value> payload;
    std::optional<std::string> raw_body;
    std::string content_type;
    wh::http_headers headers;
};

// What a call needs, checked against the endpoint: its IDs in route order,
// its options as JSON, its webhook, and where to send it.
struct call_arguments {
    std::vector<std::string> ids;
    json::object options;
    struct webhook webhook;
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

const option_info* find_option(const command& c, std::string_view flag) {
    for (const option_info& o : c.options)
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

std::optional<wh::error> apply_option(const command& c, const option_info& option, const std::string& value,
                                      call_arguments& out) {
    if (out.options.contains(option.name)) return refusal(c, "option " + std::string(option.name) + " is given twice");
    if (!reflection::put_option(out.options, option, value))
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

// --raw-body @FILE: the file's bytes, as they are.
wh::result<std::string> read_body_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream bytes;
    if (!(file && bytes << file.rdbuf()) && !file.eof())
        return wh::error::usage("--raw-body: cannot read the file \"" + path + '"');
    return std::move(bytes).str();
}

// --header 'Name: value': the name before the first colon, the value after
// it without the spaces around it (as a header line is read).
std::optional<std::pair<std::string, std::string>> parse_header(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    std::string_view value = text.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    return std::pair{std::string(text.substr(0, colon)), std::string(value)};
}

std::optional<wh::error> apply_webhook_flag(const command& c, const std::string& flag, const std::string& value,
                                            struct webhook& out) {
    if (!sends_webhook(c))
        return refusal(c, "--" + flag + " gives a webhook, which only the gateway calls send (send_input_request, ...)");
    if (flag == "payload") {
        if (out.payload) return refusal(c, "--payload is given twice");
        auto parsed = parse_json(value);
        if (!parsed) return refusal(c, "--payload takes JSON, not \"" + value + '"');
        out.payload = std::move(*parsed);
    } else if (flag == "raw-body") {
        if (out.raw_body) return refusal(c, "--raw-body is given twice");
        if (!value.starts_with('@')) {
            out.raw_body = value;
        } else if (auto bytes = read_body_file(value.substr(1))) {
            out.raw_body = std::move(*bytes);
        } else {
            return refusal(c, bytes.error().what());
        }
    } else if (flag == "content-type") {
        if (!out.content_type.empty()) return refusal(c, "--content-type is given twice");
        out.content_type = value;
    } else if (auto header = parse_header(value)) {
        out.headers.push_back(std::move(*header));
    } else {
        return refusal(c, "--header takes 'NAME: VALUE', not \"" + value + '"');
    }
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
    if (const option_info* option = find_option(c, flag)) return apply_option(c, *option, value, out);
    if (flag == "extra") return apply_extra(c, value, out);
    if (is_webhook_flag(flag)) return apply_webhook_flag(c, flag, value, out.webhook);
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
// Signed webhooks (<webhooksio/signature.hpp>): a body signed as the emulator
// signs it, or a delivery checked as a receiver checks it. The secret comes
// from the environment or a file, never from a flag, which `ps` shows to
// every user of the machine; no message quotes it.

constexpr const char* secret_variable = "WEBHOOKSIO_SIGNING_SECRET";
constexpr std::size_t max_secret_file = 4096;  // a secret is some 50 bytes; more is not a secret file

struct signature_flags {
    std::string id, timestamp, signature, secret_file, tolerance;
};

// The flags of sign-webhook (`verifying` false) or verify-webhook.
wh::result<signature_flags> signature_flags_of(std::string_view name, std::span<const std::string_view> args, bool verifying) {
    auto given = parse_flags(args);
    if (!given) return std::move(given).error();
    signature_flags out;
    for (const auto& [flag, value] : given->pairs) {
        std::string* into = flag == "id" ? &out.id
                            : flag == "timestamp" ? &out.timestamp
                            : flag == "secret-file" ? &out.secret_file
                            : verifying && flag == "signature" ? &out.signature
                            : verifying && flag == "tolerance" ? &out.tolerance
                                                               : nullptr;
        if (flag == "secret")
            return wh::error::usage(std::string(name) + ": the signing secret is never a flag (ps would show it): set " +
                                    secret_variable + " or pass --secret-file FILE");
        if (!into) return wh::error::usage(std::string(name) + ": no option --" + flag + " (see webhooksio --help)");
        if (!into->empty()) return wh::error::usage(std::string(name) + ": --" + flag + " is given twice");
        if (value.empty()) return wh::error::usage(std::string(name) + ": --" + flag + " is empty");
        *into = value;
    }
    for (auto [flag, value] : {std::pair{"id", &out.id}, std::pair{"timestamp", &out.timestamp},
                               std::pair{"signature", &out.signature}})
        if (value->empty() && (verifying || std::string_view(flag) == "id"))
            return wh::error::usage(std::string(name) + ": --" + flag + " is missing");
    return out;
}

// Whole non-negative seconds, as the timestamp and tolerance are written.
std::optional<long long> seconds_of(std::string_view digits) {
    long long out = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    if (ec != std::errc() || end != digits.data() + digits.size() || out < 0) return std::nullopt;
    return out;
}

wh::result<wh::webhook_secret> signing_secret(const std::string& file) {
    std::string text;
    if (!file.empty()) {
        std::ifstream in(file, std::ios::binary);
        if (!in) return wh::error::usage("cannot read the --secret-file " + file);
        text.resize(max_secret_file + 1);
        text.resize(static_cast<std::size_t>(in.read(text.data(), static_cast<std::streamsize>(text.size())).gcount()));
        if (text.size() > max_secret_file) return wh::error::usage("the --secret-file " + file + " is too large for a secret");
        while (!text.empty() && std::string_view(" \t\r\n").find(text.back()) != std::string_view::npos) text.pop_back();
    } else if (const char* from_environment = std::getenv(secret_variable)) {
        text = from_environment;
    } else {
        return wh::error::usage(std::string("no signing secret: set ") + secret_variable + " or pass --secret-file FILE");
    }
    try {
        return wh::webhook_secret{text};
    } catch (const wh::usage_error& e) {
        return e.error();
    }
}

// Reports `message` and returns `status`, the exit status.
int fail(std::string_view message, int status, const std::string& key) {
    report(message, key);
    return status;
}

std::string read_body() { return {std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()}; }

int sign_webhook_command(std::span<const std::string_view> args, const std::string& key) {
    auto flags = signature_flags_of("sign-webhook", args, false);
    if (!flags) return fail("webhooksio: " + flags.error().what(), exit_bad_input, key);
    std::chrono::sys_seconds timestamp = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    if (!flags->timestamp.empty()) {
        const auto seconds = seconds_of(flags->timestamp);
        if (!seconds) return fail("webhooksio: sign-webhook: --timestamp takes Unix seconds", exit_bad_input, key);
        timestamp = std::chrono::sys_seconds(std::chrono::seconds(*seconds));
    }
    auto secret = signing_secret(flags->secret_file);
    if (!secret) return fail("webhooksio: sign-webhook: " + secret.error().what(), exit_bad_input, key);
    std::cout << "webhook-id: " << flags->id << "\nwebhook-timestamp: " << timestamp.time_since_epoch().count()
              << "\nwebhook-signature: " << wh::sign_webhook(*secret, flags->id, timestamp, read_body()) << '\n';
    return exit_success;
}

int verify_webhook_command(std::span<const std::string_view> args, const std::string& key) {
    auto flags = signature_flags_of("verify-webhook", args, true);
    if (!flags) return fail("webhooksio: " + flags.error().what(), exit_bad_input, key);
    std::chrono::seconds tolerance = std::chrono::minutes(5);
    if (!flags->tolerance.empty()) {
        const auto seconds = seconds_of(flags->tolerance);
        if (!seconds) return fail("webhooksio: verify-webhook: --tolerance takes seconds", exit_bad_input, key);
        tolerance = std::chrono::seconds(*seconds);
    }
    auto secret = signing_secret(flags->secret_file);
    if (!secret) return fail("webhooksio: verify-webhook: " + secret.error().what(), exit_bad_input, key);
    const boost::system::error_code ec =
        wh::verify_webhook(*secret, flags->id, flags->timestamp, flags->signature, read_body(), tolerance);
    if (ec) return fail("webhooksio: verify-webhook: " + ec.message(), exit_call_failed, key);
    std::cout << "verified\n";
    return exit_success;
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
    const wh::diagnostics& d = e.diagnostics();
    report(d.message, key);
    std::cerr << "HTTP status " << d.status << ", body:\n";
    if (!d.body.is_null()) print_json(std::cerr, d.body);
    else if (!d.raw_body.empty()) std::cerr << d.raw_body << '\n';
}

// E's IDs, from their text in route order.
template <class E>
typename E::params params_of(const std::vector<std::string>& ids) {
    using params = typename E::params;
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return params{std::tuple_element_t<I, params>{ids.at(I)}...};
    }(std::make_index_sequence<std::tuple_size_v<params>>{});
}

// A call, typed when it carries a webhook (the reflected call takes options
// only), by the endpoint found at run time otherwise.
json::value call(wh::client& api, const command& c, const call_arguments& arguments) {
    std::optional<json::value> answer;
    wh::api::for_each_endpoint([&]<class E>(std::type_identity<E>) {
        if constexpr (carries_webhook<E>) {
            if (E::name != c.name) return;
            typename E::options options{};
            options.extra = arguments.options;
            options.payload = arguments.webhook.payload;
            options.raw_body = arguments.webhook.raw_body;
            options.content_type = arguments.webhook.content_type;
            options.headers = arguments.webhook.headers;
            answer = api.call<E>(params_of<E>(arguments.ids), options);
        }
    });
    if (answer) return std::move(*answer);
    return api.call(c, arguments.ids, arguments.options);
}

int perform(const command& c, const call_arguments& arguments, const std::string& key) {
    // Sign-up, login, health, plans and the gateway are public.
    if (key.empty() && c.needs_api_key()) {
        report("webhooksio: " + std::string(c.name) + " needs an API key: set WEBHOOKSIO_API_KEY or pass --api-key", key);
        return exit_bad_input;
    }
    wh::client_options options;
    options.base_url = base_url_from(arguments.base_url);
    try {
        wh::client api{key, options};
        print_json(std::cout, call(api, c, arguments));
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
        report("webhooksio: " + given.error().what(), key);
        return exit_bad_input;
    }
    if (given->help) {
        print_command_help(std::cout, c);
        return exit_success;
    }
    auto arguments = resolve(c, *given);
    if (!arguments) {
        report("webhooksio: " + arguments.error().what(), key);
        return exit_bad_input;
    }
    return perform(c, *arguments, key);
}

int unknown_endpoint(std::string_view name, const std::string& key) {
    std::string message = "webhooksio: unknown endpoint \"" + std::string(name) + '"';
    if (const command* near = nearest_command(name)) message += "; did you mean " + std::string(near->name) + '?';
    report(message + " (`webhooksio --help` lists them all)", key);
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
    if (first == "sign-webhook") return sign_webhook_command(args.subspan(1), key);
    if (first == "verify-webhook") return verify_webhook_command(args.subspan(1), key);
    if (first == "help") {
        const command* c = reflection::find_endpoint(args[1]);
        if (!c) return unknown_endpoint(args[1], key);
        print_command_help(std::cout, *c);
        return exit_success;
    }
    const command* c = reflection::find_endpoint(first);
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
