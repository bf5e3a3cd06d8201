// What the emulator does for the calls of the API: resources kept in the
// store, the request gateway, delivery attempts with retries, reports and
// logs, and the handler of every endpoint (handlers.hpp, handlers/*.cpp).
// HTTP routing, authentication and validation live in emulator.cpp.
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include <webhooksio/api.hpp>
#include <webhooksio/http_syntax.hpp>

#include "credentials.hpp"
#include "http_message.hpp"
#include "outbound.hpp"
#include "private_address.hpp"
#include "settings.hpp"
#include "recipes/recipe_engine.hpp"
#include "store.hpp"

namespace webhooksio::emulation {

namespace json = boost::json;

// One call as the router hands it over: the route's IDs, the options (body or
// query) and the account whose API key came with it.
struct call {
    std::vector<std::pair<std::string_view, std::string>> ids;  // placeholder -> value
    json::object options;
    std::string caller;                          // "" on routes without :account_id
    const incoming_request* request = nullptr;  // the raw request, for the gateway
    std::unique_lock<std::mutex>* lock = nullptr;  // the service's, held by the router (service::unlocked)

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

// One handler per endpoint of the client's table, at the endpoint's index in
// api::endpoints (the order of reflection::endpoints() too).
class handler_table {
public:
    void set(std::size_t index, handler h) { handlers_.at(index) = std::move(h); }
    const handler& at(std::size_t index) const { return handlers_.at(index); }

private:
    std::array<handler, boost::mp11::mp_size<api::endpoints>::value> handlers_;
};

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

struct service_options {
    std::filesystem::path data_file;                  // empty: state in memory only
    std::chrono::milliseconds retry_interval_unit{1000};  // what one unit of retry_interval lasts
    std::chrono::milliseconds delivery_timeout{10000};
    emulation::recipe_limits recipe_limits{};
    std::chrono::seconds signing_overlap{std::chrono::hours(24)};  // a replaced signing secret signs this long
    bool deny_private_destinations = false;  // private_address.hpp
    unsigned max_hops = 3;  // the gateway refuses a request that passed through emulators this often (508)
};

class service {
public:
    // Queues a message for an attempt after `delay`, one at a time per `lane` (its destination);
    // `group` (its account) shares the delivery workers fairly with the other accounts.
    using schedule_fn = std::function<void(std::string message_id, std::string lane, std::string group,
                                           std::chrono::milliseconds delay)>;

    explicit service(service_options options) : options_(std::move(options)) {
        if (!options_.data_file.empty()) store_.open(options_.data_file);
        index_keys();
    }

    // Where the emulator listens, for the gateway URLs it hands out.
    void set_base_url(std::string url) { base_url_ = std::move(url); }
    void set_scheduler(schedule_fn schedule) { schedule_ = std::move(schedule); }

    // The lock every handler runs under; the router takes it, and a handler
    // lets go of it while a recipe runs (unlocked()).
    std::mutex& mutex() { return mutex_; }

    // Runs a request's handler as one transaction (under the lock): what it
    // changed is committed before its answer is returned, or else (the
    // handler or the commit threw) none of it stays. A commit that fails
    // throws api_error 503.
    reply transact(const handler& h, call& c) {
        try {
            reply r = h(c);
            commit();
            return r;
        } catch (...) {
            rollback();
            throw;
        }
    }

    // Writes what changed, whatever the request's method; when that fails,
    // nothing of it stays and api_error says why.
    void commit() {
        try {
            store_.commit();
        } catch (...) {
            index_keys();  // the accounts are back as they were
            throw;
        }
    }
    void rollback() {
        store_.rollback();
        index_keys();
    }

    // From now on an attempt that fails is taken for one the stop
    // interrupted: it isn't recorded, and its message stays pending or
    // retrying, for resume_pending() at the next start.
    void stop_deliveries() { stopping_ = true; }

    // Queues again what a restart left undelivered: a retry when it is due,
    // the rest at once.
    void resume_pending() {
        std::lock_guard lock(mutex_);
        const auto now = std::chrono::system_clock::now();
        store_.read_each(kinds::outgoing.name, [&](const record& m) {
            const std::string status = text(m.fields, "status");
            if (status != "pending" && status != "retrying") return;
            const auto due = std::chrono::system_clock::time_point(std::chrono::milliseconds(number(m.hidden, "retry_due_ms", 0)));
            schedule(m, std::max(std::chrono::duration_cast<std::chrono::milliseconds>(due - now), std::chrono::milliseconds(0)));
        });
    }

    // The account an API key belongs to ("" when none does): one lookup in the
    // index, then the account's own key, compared in constant time, decides.
    std::string account_of_key(std::string_view key) const {
        if (key.empty()) return {};
        const auto candidate = accounts_by_key_.find(sha256_hex(key));
        if (candidate == accounts_by_key_.end()) return {};
        const record* a = store_.read(candidate->second);
        return a && same_secret(text(a->hidden, "api_key"), key) ? candidate->second : std::string();
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

    // The handler of every endpoint of the client's table.
    handler_table handlers();

    // One delivery attempt of outgoing message `id` (run by a delivery
    // worker, without the lock held during the HTTP exchange); returns the
    // delay before a retry, if one is due.
    // `stop` cancels the attempt under way.
    std::optional<std::chrono::milliseconds> attempt(const std::string& id, std::stop_token stop = {});

private:
    // The handlers of each area of the API, one file each in handlers/.
    void add_accounts(handler_table& table);
    void add_applications(handler_table& table);
    void add_buckets(handler_table& table);
    void add_inputs(handler_table& table);
    void add_destinations(handler_table& table);
    void add_recipes(handler_table& table);
    void add_providers(handler_table& table);
    void add_reporting(handler_table& table);
    void add_messages(handler_table& table);
    void add_users(handler_table& table);
    void add_utils(handler_table& table);
    void add_billing(handler_table& table);
    void add_gateway(handler_table& table);
    void add_certificates(handler_table& table);

    // A delivery's commit: false when it failed (and nothing of it stayed).
    bool committed() {
        try {
            commit();
            return true;
        } catch (const api_error&) {
            return false;
        }
    }

    static api_error not_found(const kind& k) { return {404, std::string(k.label) + " not found"}; }

    bool may_use(const std::string& caller, const record& r) const {
        if (r.account == caller) return true;
        const record* owner = store_.read(r.account);  // a sub-account's parent may use it
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

    // The settings a resource is created or updated with: checked (400 naming
    // the first bad one), then kept.
    json::object checked(const json::object& options) const {
        check_settings(options);
        check_destination("endpoint_url", text(options, "endpoint_url"));
        return kept(options);
    }

    // 400 naming `field` when `url` is a private or loopback destination and
    // those are denied; a name is judged when delivered to (attempt()).
    void check_destination(std::string_view field, std::string_view url) const {
        if (!options_.deny_private_destinations) return;
        if (auto reason = private_host(url)) throw api_error{400, std::string(field) + ": " + *reason, {{"field", field}}};
    }

    // The options a resource keeps: all given but _token and secrets.
    static json::object kept(json::object options) {
        for (std::string_view secret : {"_token", "id", "password", "password_confirm", "new_password",
                                        "new_confirm_password", "existing_password", "card_number", "card_cvc",
                                        "payment_token", "signing_secret"})
            options.erase(secret);
        return options;
    }

    // The generic handlers: a resource of kind `k` under the record the route
    // names as `parent`.
    handler create(const kind& k, const kind& parent) {
        return [this, &k, &parent](call& c) {
            record& p = resolve(c, parent);
            json::object fields = checked(c.options);
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
        for (const record* r : store_.read_children(text(parent.fields, "id"), k.name)) out.push_back(r->fields);
        return out;
    }
    // A list filter naming a resource by its key: its `key` or, without one, its name. No filter passes all.
    static bool has_key(const record& r, const json::object& options, std::string_view filter) {
        const std::string wanted = text(options, filter);
        return wanted.empty() || wanted == text(r.fields, r.fields.contains("key") ? "key" : "name");
    }
    json::value updated(record& r, const json::object& options) {
        for (const auto& [key, value] : checked(options)) r.fields[key] = value;
        r.fields["updated_at"] = now_iso8601();
        return r.fields;
    }
    json::value removed(record& r) {
        json::object out{{"id", r.fields.at("id")}, {"deleted", true}};
        const bool account = r.kind == kinds::account.name;
        store_.erase(text(r.fields, "id"));
        if (account)  // its keys go with it, and those of its sub-accounts
            std::erase_if(accounts_by_key_, [&](const auto& entry) { return !store_.read(entry.second); });
        return out;
    }

    // Accounts and users.
    template <class Match>
    record* first_user(Match match) {
        const record* found = nullptr;
        store_.read_each(kinds::user.name, [&](const record& u) {
            if (!found && match(u)) found = &u;
        });
        return found ? store_.find(text(found->fields, "id")) : nullptr;
    }
    // The user holding key `field` (a password change or verification key).
    record* user_with(std::string_view field, std::string_view value) {
        if (value.empty()) return nullptr;
        return first_user([&](const record& u) { return text(u.fields, field) == value || text(u.hidden, field) == value; });
    }
    // The user with this e-mail address in any case: "Bob@X.io" and "bob@x.io"
    // are one user's, for signing in and for being unique alike.
    record* user_with_email(std::string_view address) {
        if (address.empty()) return nullptr;
        return first_user([&](const record& u) { return same_ignoring_case(text(u.fields, "email_address"), address); });
    }
    // 409 when a user other than `self` has `address` already: else two users
    // would share one login and its password reset.
    void check_email_free(std::string_view address, const record* self = nullptr) {
        if (const record* holder = user_with_email(address); holder && holder != self)
            throw api_error{409, "a user with this email_address exists already"};
    }
    // The settings of a user that create_user and update_user take; the rest
    // (verified, account_id, ...) is the emulator's to set.
    static json::object user_settings(const json::object& options) {
        json::object fields;
        for (std::string_view key : {"first_name", "last_name", "email_address", "timezone", "permission_level"})
            if (options.contains(key)) fields[key] = options.at(key);
        return fields;
    }
    record& new_user(const std::string& account, const json::object& options, std::string_view permission) {
        check_email_free(text(options, "email_address"));
        json::object fields = user_settings(options);
        if (!permission.empty()) fields["permission_level"] = permission;
        fields["account_id"] = account;
        fields["verified"] = false;
        record& u = store_.insert(std::string(kinds::user.name), kinds::user.prefix, account, account, std::move(fields));
        u.hidden["password"] = password_hash(text(options, "password"));
        u.hidden["email_verification_key"] = store_.random_hex();
        return u;
    }
    record& new_account(const std::string& parent, json::object fields) {
        record& a = store_.insert(std::string(kinds::account.name), kinds::account.prefix, parent, "", std::move(fields));
        a.hidden["api_key"] = "key_" + store_.random_hex();
        index_key(a);
        return a;
    }
    // The index of API keys, made again from the accounts.
    void index_keys() {
        accounts_by_key_.clear();
        store_.read_each(kinds::account.name, [&](const record& a) { index_key(a); });
    }
    void index_key(const record& account) {
        accounts_by_key_[sha256_hex(text(account.hidden, "api_key"))] = text(account.fields, "id");
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

    // The input a gateway route names: by its ID, and by its name too where
    // the route has one (/v1/:input_name/:input_id).
    record& gateway_input(const call& c) {
        record* in = store_.find(c.id(kinds::input.placeholder));
        if (!in || in->kind != kinds::input.name) throw not_found(kinds::input);
        const bool named = std::ranges::any_of(c.ids, [](const auto& id) { return id.first == "input_name"; });
        if (named && text(in->fields, "name") != c.id("input_name")) throw not_found(kinds::input);
        return *in;
    }

    // A recipe to run: its ID and published code.
    struct recipe_to_run {
        std::string id{};
        std::string code{};
        bool on_each_attempt = false;
        std::string missing{};  // why it cannot run: the recipe is gone
    };

    // Runs `work` (a recipe) without the service's lock, which the router
    // holds for the call, and takes the lock again after: a recipe touches no
    // record and may take twice its time limit, while other calls, of any
    // account, go on. Nothing the call read from the store before is valid
    // after: it is found again. The call must have written nothing before.
    template <class Work>
    static auto unlocked(call& c, Work&& work) {
        if (!c.lock || !c.lock->owns_lock()) return work();
        struct relock {
            std::unique_lock<std::mutex>& lock;
            ~relock() { lock.lock(); }
        } again{*c.lock};
        c.lock->unlock();
        return work();
    }

    // The gateway: records the incoming message and its outgoing ones, to the
    // input's destinations or (the dynamic route) to `target` alone.
    reply receive(call& c, std::string_view target = {});
    bool input_recipe(const recipe_to_run& recipe, const recipe_outcome& out, record& message, json::object& log_entry);
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
    // When a message's next retry is due, kept with it so that a restart
    // waits for it too (resume_pending); nothing: not waiting for a retry.
    static void set_due(record& message, std::optional<std::chrono::system_clock::time_point> due) {
        if (!due) {
            message.hidden.erase("retry_due_ms");
            return;
        }
        message.hidden["retry_due_ms"] =
            std::chrono::duration_cast<std::chrono::milliseconds>(due->time_since_epoch()).count();
    }
    // Queues an outgoing message for one more attempt, unless it is queued already.
    bool requeue(record& message) {
        const std::string status = text(message.fields, "status");
        if (status == "pending" || status == "retrying") return false;
        set_due(message, std::nullopt);
        message.fields["status"] = "pending";
        message.fields["updated_at"] = now_iso8601();
        schedule(message);
        return true;
    }
    // Queues an outgoing message in its destination's lane (its URL's, without one).
    void schedule(const record& message, std::chrono::milliseconds delay = {}) {
        const json::value* destination = message.fields.if_contains("destination_id");
        const std::string lane = destination && !destination->is_null() ? text(message.fields, "destination_id")
                                                                        : text(message.fields, "endpoint_url");
        schedule_(text(message.fields, "id"), lane, message.account, delay);
    }
    // Recipes (service.cpp): the published code of the recipe an input or a
    // destination names (recipe_to_run, above), a run of it, and what a run
    // leaves on the records.
    std::optional<recipe_to_run> recipe_for(const json::object& owner, const std::string& account);
    recipe_outcome run(const recipe_to_run& recipe, std::string_view payload, std::string_view event,
                       header_list headers) const;
    void log(const std::string& account, json::object fields) {
        store_.insert(std::string(kinds::log_entry.name), kinds::log_entry.prefix, account, account, std::move(fields));
    }
    json::array log_of(const call& c, const std::string& account, std::string_view consumer);
    json::object report(const call& c, const std::string& account, std::size_t period_length);

    service_options options_;
    std::mutex mutex_;
    store store_;
    // The SHA-256 of each account's API key -> the account's ID, so that
    // authenticating a call costs one lookup, not a comparison with every
    // account's key. Keyed by digest: the map's hashing and comparing never
    // run over a secret. Made when the store is loaded, kept by new_account
    // and removed(): the only writes of keys.
    std::unordered_map<std::string, std::string> accounts_by_key_;
    schedule_fn schedule_;
    std::string base_url_;
    std::atomic<bool> stopping_{false};
};

}  // namespace webhooksio::emulation

