// What the emulator does for each call of the API, keyed by the endpoint's
// name in the client's table: resources kept in the store, the request
// gateway, delivery attempts with retries, reports and logs. HTTP routing,
// authentication and validation live in emulator.hpp.
#pragma once

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <openssl/evp.h>

#include <boost/json.hpp>
#include <httplib.h>

#include "../../url.hpp"
#include "outbound.hpp"
#include "store.hpp"

namespace webhooksio::detail::emulation {

namespace json = boost::json;

// One call as the router hands it over: the route's IDs, the options (body or
// query) and the account whose API key came with it.
struct call {
    std::vector<std::pair<std::string_view, std::string>> ids;  // placeholder -> value
    json::object options;
    std::string caller;                          // "" on routes without :account_id
    const httplib::Request* request = nullptr;   // the raw request, for the gateway

    const std::string& id(std::string_view placeholder) const {
        for (const auto& [name, value] : ids)
            if (name == placeholder) return value;
        throw api_error{500, "emulator: the route has no :" + std::string(placeholder)};
    }
};

// A handler's answer: JSON, or (the gateway's configured answer) raw content.
struct reply {
    reply(int status_code, json::value json_body) : status(status_code), body(std::move(json_body)) {}

    int status;
    json::value body;
    std::optional<std::pair<std::string, std::string>> raw;  // content, content type
};

using handler = std::function<reply(call&)>;

// A kind of resource: its store name, ID prefix and route placeholder.
struct kind {
    std::string_view name;
    std::string_view prefix;
    std::string_view placeholder;
    std::string_view label;  // for "... not found"
};

namespace kinds {
inline constexpr kind account{"account", "AC", "account_id", "account"};
inline constexpr kind user{"user", "US", "user_id", "user"};
inline constexpr kind application{"application", "AP", "application_id", "application"};
inline constexpr kind version{"application_version", "AV", "application_version_id", "application version"};
inline constexpr kind bucket{"bucket", "BU", "bucket_id", "bucket"};
inline constexpr kind input{"input", "IN", "input_id", "input"};
inline constexpr kind destination{"destination", "OU", "destination_id", "destination"};
inline constexpr kind recipe{"recipe", "RE", "recipe_id", "recipe"};
inline constexpr kind consumer{"consumer", "CN", "consumer_id", "consumer"};
inline constexpr kind incoming{"incoming_message", "IM", "incoming_message_id", "incoming message"};
inline constexpr kind outgoing{"outgoing_message", "OM", "outgoing_message_id", "outgoing message"};
inline constexpr kind log_entry{"log_entry", "RL", "", "log entry"};
inline constexpr kind subscription{"subscription", "SU", "", "subscription"};
inline constexpr kind certificate{"certificate", "CE", "certificate_id", "certificate"};
}  // namespace kinds

// The text of option `key`: strings as they are, other values as JSON, "" when absent.
inline std::string text(const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null()) return {};
    if (v->is_string()) return std::string(v->get_string());
    return json::serialize(*v);
}

// A whole number option, sent as a JSON number or (in a query) as digits.
inline long long number(const json::object& o, std::string_view key, long long fallback) {
    const json::value* v = o.if_contains(key);
    if (!v) return fallback;
    if (v->is_int64()) return v->get_int64();
    if (v->is_uint64()) return static_cast<long long>(v->get_uint64());
    if (v->is_string()) {
        try {
            return std::stoll(std::string(v->get_string()));
        } catch (const std::exception&) {
        }
    }
    return fallback;
}

inline bool flag(const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    return v && ((v->is_bool() && v->get_bool()) || (v->is_string() && v->get_string() == "true"));
}

// A list option: "a, b" or a JSON array of strings.
inline std::vector<std::string> list_of(const json::object& o, std::string_view key) {
    std::vector<std::string> items;
    if (const json::value* v = o.if_contains(key); v && v->is_array()) {
        for (const auto& item : v->get_array())
            if (item.is_string()) items.emplace_back(item.get_string());
    } else {
        const std::string list = text(o, key);
        std::string_view rest = list;
        while (!rest.empty()) {
            auto comma = rest.find(',');
            std::string_view one = rest.substr(0, comma);
            while (!one.empty() && one.front() == ' ') one.remove_prefix(1);
            while (!one.empty() && one.back() == ' ') one.remove_suffix(1);
            if (!one.empty()) items.emplace_back(one);
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
    }
    return items;
}

// Does `event` pass a filter list? No list passes all.
inline bool passes(const json::object& o, std::string_view key, std::string_view event) {
    const std::vector<std::string> filters = list_of(o, key);
    return filters.empty() || std::ranges::any_of(filters, [&](const std::string& f) { return f == "*" || f == event; });
}

// Is an ISO time within [start, end]? Dates compare as prefixes ("2026-11-27").
inline bool within(std::string_view time, std::string_view start, std::string_view end) {
    return (start.empty() || time.substr(0, start.size()) >= start) && (end.empty() || time.substr(0, end.size()) <= end);
}

inline bool same_ignoring_case(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

inline std::string sha256_hex(std::string_view text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < size; ++i) (out += hex[digest[i] >> 4]) += hex[digest[i] & 15];
    return out;
}

struct service_options {
    std::filesystem::path data_file;                  // empty: state in memory only
    std::chrono::milliseconds retry_interval_unit{1000};  // what one unit of retry_interval lasts
    std::chrono::milliseconds delivery_timeout{10000};
};

class service {
public:
    using schedule_fn = std::function<void(std::string message_id, std::chrono::milliseconds delay)>;

    explicit service(service_options options) : options_(std::move(options)) {
        if (!options_.data_file.empty()) store_.load(options_.data_file);
    }

    // Where the emulator listens, for the gateway URLs it hands out.
    void set_base_url(std::string url) { base_url_ = std::move(url); }
    void set_scheduler(schedule_fn schedule) { schedule_ = std::move(schedule); }

    // The lock every handler runs under; the router takes it.
    std::mutex& mutex() { return mutex_; }

    // Writes the state to the data file, if there is one (under the lock).
    void commit() {
        if (!options_.data_file.empty()) store_.save(options_.data_file);
    }

    // Queues again what a restart left undelivered.
    void resume_pending() {
        std::lock_guard lock(mutex_);
        store_.for_each(kinds::outgoing.name, [&](record& m) {
            const std::string status = text(m.fields, "status");
            if (status == "pending" || status == "retrying") schedule_(text(m.fields, "id"), {});
        });
    }

    // The account an API key belongs to ("" when none does).
    std::string account_of_key(std::string_view key) {
        std::string found;
        if (!key.empty())
            store_.for_each(kinds::account.name, [&](record& a) {
                if (text(a.hidden, "api_key") == key) found = text(a.fields, "id");
            });
        return found;
    }

    // The record of kind `k` that the call's route names, checked against the
    // caller: 404 when there is none (or it hangs elsewhere), 403 when it is
    // another account's.
    record& resolve(call& c, const kind& k) {
        if (&k == &kinds::consumer) return resolve_consumer(c);
        record* r = store_.find(c.id(k.placeholder));
        if (!r || r->kind != k.name) throw not_found(k);
        if (!may_use(c.caller, *r)) throw api_error{403, "this " + std::string(k.label) + " belongs to another account"};
        if (&k != &kinds::account && r->account != c.id(kinds::account.placeholder)) throw not_found(k);
        return *r;
    }

    // The handler for every endpoint the emulator serves, by endpoint name.
    std::unordered_map<std::string_view, handler> handlers();

    // One delivery attempt of outgoing message `id` (run by a delivery
    // worker, without the lock held during the HTTP exchange); returns the
    // delay before a retry, if one is due.
    std::optional<std::chrono::milliseconds> attempt(const std::string& id);

private:
    static api_error not_found(const kind& k) { return {404, std::string(k.label) + " not found"}; }

    bool may_use(const std::string& caller, const record& r) {
        if (r.account == caller) return true;
        const record* owner = store_.find(r.account);  // a sub-account's parent may use it
        return owner && owner->parent == caller && !caller.empty();
    }

    record& resolve_consumer(call& c) { return consumer_of(resolve(c, kinds::application), c); }

    // A consumer is named by its own consumer_id, within its application.
    record& consumer_of(const record& application, const call& c) {
        for (record* r : store_.children(text(application.fields, "id"), kinds::consumer.name))
            if (text(r->fields, "consumer_id") == c.id(kinds::consumer.placeholder)) return *r;
        throw not_found(kinds::consumer);
    }

    // A record named by an option (e.g. create_input's bucket_id).
    record& resolve_option(call& c, const kind& k, std::string_view option) {
        return resolve_named(c, k, text(c.options, option));
    }
    record& resolve_named(call& c, const kind& k, const std::string& id) {
        record* r = store_.find(id);
        if (!r || r->kind != k.name || r->account != c.id(kinds::account.placeholder)) throw not_found(k);
        if (!may_use(c.caller, *r)) throw api_error{403, "this " + std::string(k.label) + " belongs to another account"};
        return *r;
    }

    // The options a resource keeps: all given but _token and secrets.
    static json::object kept(json::object options) {
        for (std::string_view secret : {"_token", "id", "password", "password_confirm", "new_password",
                                        "new_confirm_password", "existing_password", "card_number", "card_cvc",
                                        "payment_token"})
            options.erase(secret);
        return options;
    }

    // The generic handlers: a resource of kind `k` under the record the route
    // names as `parent`.
    handler create(const kind& k, const kind& parent) {
        return [this, &k, &parent](call& c) {
            record& p = resolve(c, parent);
            json::object fields = kept(c.options);
            fields[std::string(parent.placeholder)] = text(p.fields, "id");
            return reply{201, store_.insert(std::string(k.name), k.prefix, text(p.fields, "id"), p.account,
                                            std::move(fields)).fields};
        };
    }
    handler get(const kind& k) {
        return [this, &k](call& c) { return reply{200, resolve(c, k).fields}; };
    }
    handler list(const kind& k, const kind& parent) {
        return [this, &k, &parent](call& c) { return reply{200, listing(resolve(c, parent), k)}; };
    }
    handler update(const kind& k) {
        return [this, &k](call& c) { return reply{200, updated(resolve(c, k), c.options)}; };
    }
    handler remove(const kind& k) {
        return [this, &k](call& c) { return reply{200, removed(resolve(c, k))}; };
    }

    json::array listing(const record& parent, const kind& k) {
        json::array out;
        for (record* r : store_.children(text(parent.fields, "id"), k.name)) out.push_back(r->fields);
        return out;
    }
    json::value updated(record& r, const json::object& options) {
        for (const auto& [key, value] : kept(options)) r.fields[key] = value;
        r.fields["updated_at"] = now_iso8601();
        return r.fields;
    }
    json::value removed(record& r) {
        json::object out{{"id", r.fields.at("id")}, {"deleted", true}};
        store_.erase(text(r.fields, "id"));
        return out;
    }

    // Accounts and users.
    record* user_with(std::string_view field, std::string_view value) {
        record* found = nullptr;
        if (!value.empty())
            store_.for_each(kinds::user.name, [&](record& u) {
                if (text(u.fields, field) == value || text(u.hidden, field) == value) found = &u;
            });
        return found;
    }
    record& new_user(const std::string& account, const json::object& options, std::string_view permission) {
        if (user_with("email_address", text(options, "email_address")))
            throw api_error{409, "a user with this email_address exists already"};
        json::object fields;
        for (std::string_view key : {"first_name", "last_name", "email_address", "timezone", "permission_level"})
            if (options.contains(key)) fields[key] = options.at(key);
        if (!permission.empty()) fields["permission_level"] = permission;
        fields["account_id"] = account;
        fields["verified"] = false;
        record& u = store_.insert(std::string(kinds::user.name), kinds::user.prefix, account, account, std::move(fields));
        u.hidden["password"] = sha256_hex(text(options, "password"));
        u.hidden["email_verification_key"] = store_.random_hex();
        return u;
    }
    record& new_account(const std::string& parent, json::object fields) {
        record& a = store_.insert(std::string(kinds::account.name), kinds::account.prefix, parent, "", std::move(fields));
        a.hidden["api_key"] = "key_" + store_.random_hex();
        return a;
    }
    // register_account's and login's answer: the API key is the token.
    json::object session(const record& user) {
        const record& account = *store_.find(user.account);
        return {{"account_id", account.fields.at("id")},
                {"user_id", user.fields.at("id")},
                {"api_token", account.hidden.at("api_key")},
                {"account", account.fields},
                {"user", user.fields}};
    }

    // The gateway: records the incoming message and its outgoing ones, to the
    // input's destinations or (the dynamic route) to `target` alone.
    reply receive(call& c, std::string_view target = {});
    std::vector<std::string> fan_out(record& incoming, const std::vector<record*>& destinations, std::string_view event);
    std::vector<std::string> send_to(record& incoming, std::string_view target, std::string_view event);
    std::vector<std::string> queue(record& incoming, std::vector<std::pair<json::value, std::string>> targets,
                                   std::string_view event);
    // The settings an outgoing message is sent with: its destination's or, for
    // a dynamic message (no destination), its own; nullptr once the destination is gone.
    const json::object* settings_of(const record& message) {
        const json::value* destination = message.fields.if_contains("destination_id");
        if (!destination || destination->is_null()) return &message.fields;
        const record* d = store_.find(text(message.fields, "destination_id"));
        return d && d->kind == kinds::destination.name ? &d->fields : nullptr;
    }
    // Queues an outgoing message for one more attempt, unless it is queued already.
    bool requeue(record& message) {
        const std::string status = text(message.fields, "status");
        if (status == "pending" || status == "retrying") return false;
        message.fields["status"] = "pending";
        message.fields["updated_at"] = now_iso8601();
        schedule_(text(message.fields, "id"), {});
        return true;
    }
    void log(const std::string& account, json::object fields) {
        store_.insert(std::string(kinds::log_entry.name), kinds::log_entry.prefix, account, account, std::move(fields));
    }
    json::array log_of(const call& c, const std::string& account, std::string_view consumer);
    json::object report(const call& c, const std::string& account, std::size_t period_length);

    service_options options_;
    std::mutex mutex_;
    store store_;
    schedule_fn schedule_;
    std::string base_url_;
};

// The event of an incoming webhook, where its input says to find it: a
// header, a query parameter, or a path "msg.a.b" into its JSON payload.
inline std::string event_of(const json::object& input, const httplib::Request& request) {
    const std::string location = text(input, "event_location");
    std::string path = text(input, "event_path");
    if (path.empty()) return {};
    if (location == "header") return request.get_header_value(path.c_str());
    if (location.starts_with("query")) return request.get_param_value(path.c_str());
    if (path.starts_with("msg.")) path.erase(0, 4);
    boost::system::error_code ec;
    json::value at = json::parse(request.body, ec);
    if (ec) return {};
    for (std::string_view rest = path; !rest.empty();) {
        auto dot = rest.find('.');
        const json::object* o = at.if_object();
        const json::value* next = o ? o->if_contains(rest.substr(0, dot)) : nullptr;
        if (!next) return {};
        at = *next;
        rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
    }
    return at.is_string() ? std::string(at.get_string()) : at.is_null() ? std::string() : json::serialize(at);
}

inline reply service::receive(call& c, std::string_view target) {
    record* input = store_.find(c.id(kinds::input.placeholder));
    if (!input || input->kind != kinds::input.name) throw not_found(kinds::input);
    const httplib::Request& request = *c.request;
    const std::string event = event_of(input->fields, request);
    json::object headers;
    for (const auto& [name, value] : request.headers)
        if (name != "Authorization" && name != "Cookie") headers[name] = value;
    json::object query;
    for (const auto& [name, value] : request.params)
        if (name != "_token") query[name] = value;
    const std::string input_id = text(input->fields, "id");
    record& message = store_.insert(std::string(kinds::incoming.name), kinds::incoming.prefix, input_id, input->account,
                                    {{"account_id", input->account},
                                     {"bucket_id", text(input->fields, "bucket_id")},
                                     {"input_id", input_id},
                                     {"method", request.method},
                                     {"headers", std::move(headers)},
                                     {"query", std::move(query)},
                                     {"body", request.body},
                                     {"content_type", request.get_header_value("Content-Type")},
                                     {"event", event}});
    std::vector<std::string> sent;
    if (passes(input->fields, "event_filters", event))
        sent = target.empty() ? fan_out(message, store_.children(input_id, kinds::destination.name), event)
                              : send_to(message, target, event);
    const int status = static_cast<int>(number(input->fields, "response_code", 200));
    log(input->account, {{"direction", "incoming"},
                         {"method", request.method},
                         {"url", request.path},
                         {"http_status", status},
                         {"bucket_id", text(input->fields, "bucket_id")},
                         {"input_id", input_id},
                         {"incoming_message_id", message.fields.at("id")}});
    reply answer{status, json::object{{"incoming_message_id", message.fields.at("id")},
                                      {"outgoing_message_ids", json::value_from(sent)}}};
    if (input->fields.contains("response_content")) {
        std::string type = text(input->fields, "response_content_type");
        answer.raw.emplace(text(input->fields, "response_content"), type.empty() ? "text/plain" : type);
    }
    return answer;
}

// One outgoing message per destination whose filters let the event through.
inline std::vector<std::string> service::fan_out(record& incoming, const std::vector<record*>& destinations,
                                                 std::string_view event) {
    std::vector<std::pair<json::value, std::string>> targets;
    for (record* d : destinations) {
        const std::string status = text(d->fields, "status");
        if ((!status.empty() && status != "active") || !passes(d->fields, "event_filters", event)) continue;
        targets.emplace_back(d->fields.at("id"), text(d->fields, "endpoint_url"));
    }
    return queue(incoming, std::move(targets), event);
}

// The dynamic routes' one outgoing message, to the URL they name (no destination).
inline std::vector<std::string> service::send_to(record& incoming, std::string_view target, std::string_view event) {
    return queue(incoming, {{nullptr, std::string(target)}}, event);
}

// One outgoing message per (destination ID, endpoint URL), each scheduled.
inline std::vector<std::string> service::queue(record& incoming, std::vector<std::pair<json::value, std::string>> targets,
                                               std::string_view event) {
    std::vector<std::string> ids;
    json::array outgoing;
    for (auto& [destination_id, url] : targets) {
        record& m = store_.insert(std::string(kinds::outgoing.name), kinds::outgoing.prefix,
                                  text(incoming.fields, "id"), incoming.account,
                                  {{"account_id", incoming.account},
                                   {"incoming_message_id", incoming.fields.at("id")},
                                   {"destination_id", std::move(destination_id)},
                                   {"endpoint_url", std::move(url)},
                                   {"event", event},
                                   {"status", "pending"},
                                   {"attempt_count", 0},
                                   {"attempts", json::array()}});
        ids.push_back(text(m.fields, "id"));
        outgoing.push_back(m.fields.at("id"));
    }
    incoming.fields["outgoing_message_ids"] = std::move(outgoing);
    for (const auto& id : ids) schedule_(id, {});
    return ids;
}

inline std::optional<std::chrono::milliseconds> service::attempt(const std::string& id) {
    outbound_request out;
    int number_of_attempt = 0;
    {
        std::lock_guard lock(mutex_);
        record* m = store_.find(id);
        if (!m || m->kind != kinds::outgoing.name) return std::nullopt;  // deleted with its input
        const json::object* d = settings_of(*m);
        record* in = store_.find(m->parent);
        if (!d || !in) {
            // The destination went away before delivery: nothing is sent.
            m->fields["status"] = "cancelled";
            m->fields["updated_at"] = now_iso8601();
            commit();
            return std::nullopt;
        }
        number_of_attempt = static_cast<int>(m->fields.at("attempts").as_array().size()) + 1;
        out.url = text(*d, "endpoint_url");
        out.method = text(*d, "message_method");
        if (out.method.empty()) out.method = text(in->fields, "method");
        if (out.method.empty()) out.method = "POST";
        out.body = text(in->fields, "body");
        out.content_type = text(in->fields, "content_type");
        out.verify_tls = !d->contains("verify_ssl") || flag(*d, "verify_ssl");
        std::string prefix = text(*d, "header_prefix");
        if (prefix.empty()) prefix = "Webhooks";
        out.headers = {{prefix + "-Message-Id", id},
                       {prefix + "-Incoming-Message-Id", text(in->fields, "id")},
                       {prefix + "-Attempt", std::to_string(number_of_attempt)}};
        if (std::string event = text(m->fields, "event"); !event.empty()) out.headers.emplace_back(prefix + "-Event", event);
        const json::object* incoming_headers = in->fields.at("headers").if_object();
        for (std::string_view rest = text(*d, "headers_to_include"); !rest.empty();) {
            auto comma = rest.find(',');
            const std::string name(rest.substr(0, comma));
            if (incoming_headers)
                for (const auto& [key, value] : *incoming_headers)
                    if (same_ignoring_case(key, name))
                        out.headers.emplace_back(key, std::string(value.as_string()));
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
    }

    const outbound_result result = send_outbound(out, options_.delivery_timeout);

    std::lock_guard lock(mutex_);
    record* m = store_.find(id);
    if (!m) return std::nullopt;
    const json::object* d = settings_of(*m);
    const bool delivered = result.status >= 200 && result.status < 300;
    const long long retries = d ? number(*d, "retry_count", 3) : 0;
    const long long interval = d ? number(*d, "retry_interval", 60) : 0;
    const bool exponential = d && text(*d, "retry_policy_id") == "RP00000000000000000000000000000002";
    const bool again = !delivered && number_of_attempt <= retries && d;
    const std::string now = now_iso8601();
    m->fields.at("attempts").as_array().push_back(json::object{{"id", store_.new_id("AT")},
                                                               {"number", number_of_attempt},
                                                               {"started_at", now},
                                                               {"http_status", result.status},
                                                               {"response_body", result.body},
                                                               {"error", result.error},
                                                               {"duration_ms", result.duration_ms}});
    m->fields["attempt_count"] = number_of_attempt;
    m->fields["status"] = delivered ? "success" : again ? "retrying" : "failed";
    m->fields["updated_at"] = now;
    json::object entry{{"direction", "outgoing"},
                       {"method", out.method},
                       {"url", out.url},
                       {"http_status", result.status},
                       {"destination_id", m->fields.at("destination_id")},
                       {"incoming_message_id", m->fields.at("incoming_message_id")},
                       {"outgoing_message_id", id},
                       {"attempt", number_of_attempt}};
    if (const record* in = store_.find(m->parent))
        for (std::string_view key : {"bucket_id", "input_id", "consumer_id", "application_id"})
            if (in->fields.contains(key)) entry[key] = in->fields.at(key);
    log(m->account, std::move(entry));
    commit();
    if (!again) return std::nullopt;
    const long long units = exponential ? interval << std::min(number_of_attempt - 1, 20) : interval;
    return options_.retry_interval_unit * units;
}

inline json::array service::log_of(const call& c, const std::string& account, std::string_view consumer) {
    json::array out;
    for (record* r : store_.children(account, kinds::log_entry.name)) {
        if (!consumer.empty() && text(r->fields, "consumer_id") != consumer) continue;
        if (!within(text(r->fields, "created_at"), text(c.options, "start_date"), text(c.options, "end_date"))) continue;
        bool match = true;
        for (std::string_view key : {"input_id", "bucket_id", "destination_id", "http_status"})
            if (c.options.contains(key) && text(c.options, key) != text(r->fields, key)) match = false;
        if (match) out.push_back(r->fields);
    }
    return out;
}

// Counts of the recorded messages, in total and (period_length > 0) per
// period: the first period_length characters of their ISO times.
inline json::object service::report(const call& c, const std::string& account, std::size_t period_length) {
    json::object totals{{"incoming", 0}, {"outgoing", 0}, {"success", 0}, {"failed", 0}, {"pending", 0}, {"attempts", 0}};
    std::map<std::string, json::object> periods;
    auto count = [&](json::object& into, std::string_view key) { into[key] = into[key].to_number<long long>() + 1; };
    auto selected = [&](const record& r) {
        if (!within(text(r.fields, "created_at"), text(c.options, "start_date"), text(c.options, "end_date"))) return false;
        for (std::string_view key : {"bucket_id", "input_id", "destination_id"})
            if (c.options.contains(key) && r.fields.contains(key) && text(c.options, key) != text(r.fields, key))
                return false;
        return true;
    };
    for (record* r : store_.owned(account, kinds::incoming.name)) {
        if (!selected(*r)) continue;
        count(totals, "incoming");
        if (period_length) {
            auto& p = periods[text(r->fields, "created_at").substr(0, period_length)];
            if (p.empty()) p = {{"incoming", 0}, {"outgoing", 0}};
            count(p, "incoming");
        }
    }
    for (record* r : store_.owned(account, kinds::outgoing.name)) {
        if (!selected(*r)) continue;
        count(totals, "outgoing");
        const std::string status = text(r->fields, "status");
        count(totals, status == "success" ? "success" : status == "failed" ? "failed" : "pending");
        totals["attempts"] = totals["attempts"].to_number<long long>() + number(r->fields, "attempt_count", 0);
        if (period_length) {
            auto& p = periods[text(r->fields, "created_at").substr(0, period_length)];
            if (p.empty()) p = {{"incoming", 0}, {"outgoing", 0}};
            count(p, "outgoing");
        }
    }
    json::object out{{"totals", std::move(totals)}};
    if (period_length) {
        json::array data;
        for (auto& [period, counts] : periods) {
            counts["period"] = period;
            data.push_back(std::move(counts));
        }
        out["data"] = std::move(data);
    }
    return out;
}

}  // namespace webhooksio::detail::emulation

#include "handlers.hpp"
