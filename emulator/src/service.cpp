// The service's shared behaviour (service.hpp): the request gateway, the
// fan-out to destinations, one delivery attempt, logs and reports.
#include "service.hpp"

#include <charconv>

#include "dates.hpp"
#include "handlers.hpp"
#include "recipe_stage.hpp"
#include "signing.hpp"

namespace webhooksio::emulation {

handler_table service::handlers() {
    handler_table table;
    add_accounts(table);
    add_applications(table);
    add_buckets(table);
    add_inputs(table);
    add_destinations(table);
    add_recipes(table);
    add_providers(table);
    add_reporting(table);
    add_messages(table);
    add_users(table);
    add_utils(table);
    add_billing(table);
    add_gateway(table);
    add_certificates(table);
    return table;
}

namespace {

// Is an incoming header kept with its message (and so forwardable by
// headers_to_include)? Never credentials, nor the pseudo-headers older
// versions added (REMOTE_ADDR, LOCAL_PORT, ...), nor the hop count, which the
// message keeps as a number of its own and every delivery sets anew.
bool kept_incoming_header(std::string_view name) {
    if (webhooksio::is_credential_header(name) || same_ignoring_case(name, hops_header)) return false;
    for (std::string_view pseudo : {"REMOTE_ADDR", "REMOTE_PORT", "LOCAL_ADDR", "LOCAL_PORT"})
        if (same_ignoring_case(name, pseudo)) return false;
    return true;
}

// The event of an incoming webhook, where its input says to find it: a
// header, a query parameter, or a path "msg.a.b" into its JSON payload.
std::string event_of(const json::object& input, const incoming_request& request) {
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

// start_date and end_date as bounds for ISO times ("" when not given); a 400
// naming the option that holds no date.
std::pair<std::string, std::string> date_window(const json::object& options) {
    auto bound = [&](std::string_view key, bool start) {
        const std::string given = text(options, key);
        if (given.empty()) return std::string();
        const std::optional<date_span> date = parse_date(given, std::chrono::system_clock::now());
        if (!date)
            throw api_error{400, std::string(key) + " is not a date (e.g. 2026-11-27, 2026-11-27T10:15:00Z, yesterday, 3 days ago, last week)",
                            {{"field", key}}};
        return start ? date->first : date->last;
    };
    return {bound("start_date", true), bound("end_date", false)};
}

// How many times a request passed through an emulator already: its hop
// header, 0 without one.
unsigned hops_of(const incoming_request& request) {
    const std::string given = request.get_header_value(hops_header);
    if (given.empty()) return 0;
    unsigned hops = 0;
    const auto [end, ec] = std::from_chars(given.data(), given.data() + given.size(), hops);
    if (ec != std::errc() || end != given.data() + given.size())
        throw api_error{400, std::string(hops_header) + " must be a whole number", {{"field", hops_header}}};
    return hops;
}

}  // namespace

reply service::receive(call& c, std::string_view target) {
    if (!target.empty()) check_destination("target_url", target);
    record* input = &gateway_input(c);
    const incoming_request& request = *c.request;
    const unsigned hops = hops_of(request);
    if (hops >= options_.max_hops) {
        // A loop, most likely: a destination pointing back at an input. It
        // ends here, and the log says so (the answer is not an exception,
        // so that the entry is kept).
        const std::string why = "loop detected: the request passed through the emulator " + std::to_string(hops) +
                                " times (max_hops " + std::to_string(options_.max_hops) + ")";
        log(input->account, {{"direction", "incoming"},
                             {"method", request.method},
                             {"url", request.path},
                             {"bucket_id", text(input->fields, "bucket_id")},
                             {"input_id", text(input->fields, "id")},
                             {"http_status", 508},
                             {"error", why}});
        return reply{508, json::object{{"message", why}, {"status", 508}}};
    }
    const std::string event = event_of(input->fields, request);
    json::object headers;
    for (const auto& [name, value] : request.headers)
        if (kept_incoming_header(name)) headers[name] = value;
    json::object query;
    for (const auto& [name, value] : request.params)
        if (name != "_token") query[name] = value;
    // The input's recipe, once per incoming message before the fan-out,
    // without the lock; the input is found again after it.
    const bool passed = passes(input->fields, "event_filters", event);
    const std::optional<recipe_to_run> recipe = passed ? recipe_for(input->fields, input->account) : std::nullopt;
    std::optional<recipe_outcome> ran;
    if (recipe) {
        ran = unlocked(c, [&] { return run(*recipe, request.body, event, header_list_of(headers)); });
        input = &gateway_input(c);
    }
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
                                     {"event", event},
                                     {"hops", hops}});
    std::vector<std::string> sent;
    json::object entry{{"direction", "incoming"},
                       {"method", request.method},
                       {"url", request.path},
                       {"bucket_id", text(input->fields, "bucket_id")},
                       {"input_id", input_id},
                       {"incoming_message_id", message.fields.at("id")}};
    if (passed && (!ran || input_recipe(*recipe, *ran, message, entry)))
        sent = target.empty() ? fan_out(message, store_.children(input_id, kinds::destination.name), event)
                              : send_to(message, target, event);
    int status = static_cast<int>(number(input->fields, "response_code", 200));
    if (status < 100 || status > 599) status = 200;  // checked when set; this guards older data files
    entry["http_status"] = status;
    log(input->account, std::move(entry));
    reply answer{status, json::object{{"incoming_message_id", message.fields.at("id")},
                                      {"outgoing_message_ids", json::value_from(sent)}}};
    if (input->fields.contains("response_content")) {
        std::string type = text(input->fields, "response_content_type");
        answer.raw.emplace(text(input->fields, "response_content"), type.empty() ? "text/plain" : type);
    }
    return answer;
}

// What the input's recipe run `out` leaves on the message and its log entry;
// false when the message goes no further (dropped, or the recipe failed).
bool service::input_recipe(const recipe_to_run& recipe, const recipe_outcome& out, record& message,
                           json::object& log_entry) {
    json::object note = recipe_note(recipe.id, out);
    log_entry["recipe"] = note;
    message.fields["recipe"] = std::move(note);
    switch (out.outcome) {
        case recipe_outcome::kind::deliver: message.fields["recipe_output"] = recipe_output(out); return true;
        case recipe_outcome::kind::drop: message.fields["status"] = "dropped"; return false;
        case recipe_outcome::kind::failed: break;
    }
    message.fields["status"] = "failed";
    message.fields["error"] = out.error;
    return false;
}

// One outgoing message per destination whose filters let the event through.
std::vector<std::string> service::fan_out(record& incoming, const std::vector<record*>& destinations,
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
std::vector<std::string> service::send_to(record& incoming, std::string_view target, std::string_view event) {
    return queue(incoming, {{nullptr, std::string(target)}}, event);
}

// One outgoing message per (destination ID, endpoint URL), each scheduled.
std::vector<std::string> service::queue(record& incoming, std::vector<std::pair<json::value, std::string>> targets,
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
    for (const auto& id : ids) schedule(*store_.find(id));
    return ids;
}

std::optional<std::chrono::milliseconds> service::attempt(const std::string& id, std::stop_token stop) {
    outbound_request out;
    int number_of_attempt = 0;
    // The destination's recipe, when it runs on this attempt, and what it runs on.
    std::optional<recipe_to_run> recipe;
    std::string event;
    header_list recipe_headers;
    std::vector<webhook_secret> secrets;  // the destination's signing secrets: none, one, or two in an overlap
    const auto started = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
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
            committed();
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
        out.hops = static_cast<unsigned>(number(in->fields, "hops", 0)) + 1;
        std::string prefix = text(*d, "header_prefix");
        if (prefix.empty()) prefix = "Webhooks";
        event = text(m->fields, "event");
        out.headers = {{prefix + "-Message-Id", id},
                       {prefix + "-Incoming-Message-Id", text(in->fields, "id")},
                       {prefix + "-Attempt", std::to_string(number_of_attempt)}};
        if (!event.empty()) out.headers.emplace_back(prefix + "-Event", event);
        const json::object* incoming_headers = in->fields.at("headers").if_object();
        if (incoming_headers)
            for (const std::string& name : list_of(*d, "headers_to_include"))
                for (const auto& [key, value] : *incoming_headers)
                    if (same_ignoring_case(key, name) && kept_incoming_header(key) && value.is_string())
                        out.headers.emplace_back(key, std::string(value.get_string()));
        // What the input's recipe made of the message, then the destination's
        // recipe: run again on this attempt, or its kept output reused.
        if (const json::value* output = in->fields.if_contains("recipe_output")) apply_output(output->as_object(), out);
        recipe = recipe_for(*d, m->account);
        const json::value* kept = m->fields.if_contains("recipe_output");
        if (recipe && !recipe->on_each_attempt && kept) {
            apply_output(kept->as_object(), out);
            recipe.reset();
        }
        if (incoming_headers) recipe_headers = header_list_of(*incoming_headers);
        if (const record* destination = store_.read(text(m->fields, "destination_id")))
            secrets = signing_secrets(destination->hidden, started);
    }

    // The recipe runs without the lock: the rest of the emulator goes on meanwhile.
    std::optional<recipe_outcome> ran;
    if (recipe) {
        ran = run(*recipe, out.body, event, std::move(recipe_headers));
        if (ran->outcome == recipe_outcome::kind::deliver) apply_output(recipe_output(*ran), out);
    }
    const bool stopped = ran && ran->outcome != recipe_outcome::kind::deliver;
    outbound_result result;
    std::optional<std::string> denied;
    if (!stopped && options_.deny_private_destinations) denied = private_resolution(out.url);
    if (stopped) {
        result.error = ran->error;
    } else if (denied) {
        result.error = "not sent: " + *denied;
        result.refused = true;  // it would be refused again: no retry
    } else {
        // Signed last, over the body as sent (after any recipe), at this attempt's time.
        sign_delivery(out, id, secrets, started);
        result = send_outbound(out, options_.delivery_timeout, stop);
    }

    std::lock_guard lock(mutex_);
    record* m = store_.find(id);
    if (!m) return std::nullopt;
    const bool delivered = result.status >= 200 && result.status < 300;
    // Stopped mid-attempt: nothing is noted, the message stays queued for the next start.
    if (!delivered && (stopping_ || stop.stop_requested())) return std::nullopt;
    const json::object* d = settings_of(*m);
    const long long retries = d ? std::min(number(*d, "retry_count", 3), max_retry_count) : 0;
    const long long interval = d ? number(*d, "retry_interval", 60) : 0;
    const bool exponential = d && text(*d, "retry_policy_id") == "RP00000000000000000000000000000002";
    // A recipe that dropped the message or failed ends it, and a request
    // refused as unsafe would be refused again: no retry.
    const bool again = !delivered && !stopped && !result.refused && number_of_attempt <= retries && d;
    const std::string now = now_iso8601();
    json::object entry{{"direction", "outgoing"},
                       {"method", out.method},
                       {"url", out.url},
                       {"http_status", result.status},
                       {"destination_id", m->fields.at("destination_id")},
                       {"incoming_message_id", m->fields.at("incoming_message_id")},
                       {"outgoing_message_id", id},
                       {"attempt", number_of_attempt}};
    if (ran) {
        json::object note = recipe_note(recipe->id, *ran);
        entry["recipe"] = note;
        m->fields["recipe"] = std::move(note);
        if (!recipe->on_each_attempt && !stopped) m->fields["recipe_output"] = recipe_output(*ran);
    }
    const bool dropped = ran && ran->outcome == recipe_outcome::kind::drop;
    if (!dropped) {  // a dropped message was never attempted
        m->fields.at("attempts").as_array().push_back(json::object{{"id", store_.new_id("AT")},
                                                                   {"number", number_of_attempt},
                                                                   {"started_at", now},
                                                                   {"http_status", result.status},
                                                                   {"response_body", result.body},
                                                                   {"error", result.error},
                                                                   {"duration_ms", result.duration_ms}});
        m->fields["attempt_count"] = number_of_attempt;
    }
    m->fields["status"] = dropped ? "dropped" : delivered ? "success" : again ? "retrying" : "failed";
    if (stopped && !dropped) m->fields["error"] = result.error;
    m->fields["updated_at"] = now;
    if (const record* in = store_.find(m->parent))
        for (std::string_view key : {"bucket_id", "input_id", "consumer_id", "application_id"})
            if (in->fields.contains(key)) entry[key] = in->fields.at(key);
    log(m->account, std::move(entry));
    const std::chrono::milliseconds delay = again ? std::chrono::milliseconds(options_.retry_interval_unit * retry_delay(
                                                        interval, number_of_attempt, exponential))
                                                  : std::chrono::milliseconds(0);
    set_due(*m, again ? std::optional(std::chrono::system_clock::now() + delay) : std::nullopt);
    // Not stored (a full disk): the message stays as it was, pending, for the next start.
    if (!committed() || !again) return std::nullopt;
    return delay;
}

json::array service::log_of(const call& c, const std::string& account, std::string_view consumer) {
    json::array out;
    const auto [start, end] = date_window(c.options);
    for (const record* r : store_.read_children(account, kinds::log_entry.name)) {
        if (!consumer.empty() && text(r->fields, "consumer_id") != consumer) continue;
        if (!within(text(r->fields, "created_at"), start, end)) continue;
        bool match = true;
        for (std::string_view key : {"input_id", "bucket_id", "destination_id", "http_status"})
            if (c.options.contains(key) && text(c.options, key) != text(r->fields, key)) match = false;
        if (match) out.push_back(r->fields);
    }
    return out;
}

// Counts of the recorded messages, in total and (period_length > 0) per
// period: the first period_length characters of their ISO times.
json::object service::report(const call& c, const std::string& account, std::size_t period_length) {
    json::object totals{{"incoming", 0}, {"outgoing", 0}, {"success", 0}, {"failed", 0}, {"dropped", 0},
                        {"pending", 0}, {"attempts", 0}};
    std::map<std::string, json::object> periods;
    auto count = [&](json::object& into, std::string_view key) { into[key] = into[key].to_number<long long>() + 1; };
    const auto [start, end] = date_window(c.options);
    // Init-captures: clang before 16 cannot capture a structured binding.
    auto selected = [&, &start = start, &end = end](const record& r) {
        if (!within(text(r.fields, "created_at"), start, end)) return false;
        // An outgoing message is in the bucket and input of its incoming one.
        const record* incoming = r.kind == kinds::outgoing.name ? store_.read(r.parent) : nullptr;
        for (std::string_view key : {"bucket_id", "input_id", "destination_id"}) {
            const json::object& fields = r.fields.contains(key) || !incoming ? r.fields : incoming->fields;
            if (c.options.contains(key) && fields.contains(key) && text(c.options, key) != text(fields, key))
                return false;
        }
        return true;
    };
    for (const record* r : store_.owned(account, kinds::incoming.name)) {
        if (!selected(*r)) continue;
        count(totals, "incoming");
        if (period_length) {
            auto& p = periods[text(r->fields, "created_at").substr(0, period_length)];
            if (p.empty()) p = {{"incoming", 0}, {"outgoing", 0}};
            count(p, "incoming");
        }
    }
    for (const record* r : store_.owned(account, kinds::outgoing.name)) {
        if (!selected(*r)) continue;
        count(totals, "outgoing");
        const std::string status = text(r->fields, "status");
        count(totals, status == "success" || status == "failed" || status == "dropped" ? std::string_view(status) : "pending");
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

}  // namespace webhooksio::emulation
