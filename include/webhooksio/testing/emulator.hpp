// A local, stateful Webhooks.io emulator: an HTTP server on a loopback port
// that serves every call of the client's endpoint table, keeps what you create
// and really delivers webhooks. For development and tests:
//
//     webhooksio::testing::emulator local;                   // 127.0.0.1, a free port
//     webhooksio::client api{key, {.base_url = local.base_url()}};
//
// Its routes, methods and required options come from the same compile-time
// table as the client's calls, so the two cannot drift apart. Not part of
// <webhooksio/webhooksio.hpp>: include this header explicitly.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#include <boost/json.hpp>
#include <httplib.h>

#include "../api.hpp"
#include "../detail/request.hpp"
#include "../options.hpp"
#include "emulator/delivery_queue.hpp"
#include "emulator/service.hpp"
#include "server_thread.hpp"

namespace webhooksio::testing {

struct emulator_options {
    std::string host = "127.0.0.1";
    int port = 0;                      // 0: a free port
    std::filesystem::path data_file;   // empty: the state lives in memory only
    // What one unit of a destination's retry_interval lasts (the API's unit
    // is a second; tests make it a millisecond).
    std::chrono::milliseconds retry_interval_unit{1000};
    std::chrono::milliseconds delivery_timeout{10000};  // per attempt
    unsigned delivery_threads = 2;
    unsigned server_threads = 32;      // kept-alive connections hold one each
};

class emulator {
public:
    // Loads the data file (a corrupt one throws std::runtime_error), binds
    // and starts serving; throws std::runtime_error when it cannot bind.
    explicit emulator(emulator_options options = {})
        : options_(std::move(options)),
          service_({options_.data_file, options_.retry_interval_unit, options_.delivery_timeout}),
          deliveries_(options_.delivery_threads, [this](const std::string& id) { return attempt(id); }) {
        service_.set_scheduler([this](std::string id, std::chrono::milliseconds delay) {
            deliveries_.schedule(std::move(id), delay);
        });
        install_routes();
        server_.set_keep_alive_max_count(100);
        server_.new_task_queue = [threads = options_.server_threads] { return new httplib::ThreadPool(threads); };
        // Every error is JSON, also for routes no endpoint has.
        server_.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
            if (!response.body.empty()) return;
            send_error(response, response.status,
                       response.status == 404 ? "no such route: " + request.method + ' ' + request.path
                                              : "the request could not be served");
        });
        listener_.emplace(server_, options_.host, options_.port);
        // No request can come before the port is known, i.e. before this returns.
        service_.set_base_url(base_url());
        service_.resume_pending();
    }

    // Stops serving, lets attempts under way finish and joins every thread.
    ~emulator() {
        listener_.reset();
        deliveries_.stop();
    }

    emulator(const emulator&) = delete;
    emulator& operator=(const emulator&) = delete;

    int port() const noexcept { return listener_->port(); }
    std::string base_url() const { return "http://" + options_.host + ':' + std::to_string(port()); }

    // Waits until no delivery is queued or under way (retries included);
    // false when `timeout` passed first.
    bool wait_for_deliveries(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
        return deliveries_.wait_idle(timeout);
    }

    // While held, outgoing messages wait instead of being sent.
    void hold_deliveries() { deliveries_.hold(true); }
    void release_deliveries() { deliveries_.hold(false); }

private:
    using call = detail::emulation::call;
    using reply = detail::emulation::reply;
    using handler = detail::emulation::handler;

    // "/v1/accounts/:account_id" -> "/v1/accounts/([^/]+)". The server has
    // decoded the path before matching, so a :target_url spans segments; it
    // must be an http(s) URL, which keeps the dynamic gateway routes
    // ("/:input_id/:target_url") from taking any other path.
    static std::string route_pattern(std::string_view route) {
        std::string out;
        for (std::size_t pos = 0; pos < route.size();) {
            if (route[pos] != ':') {
                out += route[pos++];
                continue;
            }
            const std::size_t end = std::min(route.find('/', pos), route.size());
            out += route.substr(pos + 1, end - pos - 1) == "target_url" ? "(https?://.+)" : "([^/]+)";
            pos = end;
        }
        return out;
    }

    // Routes with more fixed segments go first, so /v1/plans/:plan_id wins
    // over the gateway's /v1/:input_name/:input_id.
    static std::size_t fixed_segments(std::string_view route) {
        std::size_t n = 0;
        for (std::size_t pos = 0; pos < route.size(); ++pos)
            if (route[pos] == '/' && pos + 1 < route.size() && route[pos + 1] != ':') ++n;
        return n;
    }

    static void send_error(httplib::Response& response, int status, std::string message,
                           boost::json::object details = {}) {
        details["message"] = std::move(message);
        details["status"] = status;
        response.status = status;
        response.set_content(boost::json::serialize(details), "application/json");
    }

    // Every endpoint of the table the emulator has a behaviour for; each seed
    // endpoint must have one.
    void install_routes() {
        auto handlers = service_.handlers();
        struct route {
            std::size_t fixed;
            std::function<void()> install;
        };
        std::vector<route> routes;
        api::for_each_endpoint([&]<class E>(std::type_identity<E>) {
            auto found = handlers.find(E::name);
            if (found == handlers.end()) {
                if (E::in_seed) throw std::logic_error("emulator: no behaviour for " + std::string(E::name));
                return;
            }
            routes.push_back({fixed_segments(E::route), [this, h = found->second] { add_route<E>(h); }});
        });
        std::stable_sort(routes.begin(), routes.end(), [](const route& a, const route& b) { return a.fixed > b.fixed; });
        for (const auto& r : routes) r.install();
    }

    // All a route takes from its endpoint type is its spec; the rest is
    // ordinary code, compiled once.
    template <class E>
    void add_route(handler h) {
        const webhooksio::detail::call_spec& spec = webhooksio::detail::spec_of<E>;
        const std::string pattern = route_pattern(E::route);
        auto serve = [this, &spec, h = std::move(h)](const httplib::Request& request, httplib::Response& response) {
            respond(spec, h, request, response);
        };
        switch (E::method) {
            case http_method::get:
            case http_method::head: server_.Get(pattern, serve); break;  // httplib answers HEAD from GET routes
            case http_method::post: server_.Post(pattern, serve); break;
            case http_method::put: server_.Put(pattern, serve); break;
            case http_method::delete_: server_.Delete(pattern, serve); break;
        }
    }

    // The API key of a request: "Authorization: Bearer KEY" or ?_token=KEY.
    static std::string api_key_of(const httplib::Request& request) {
        const std::string authorization = request.get_header_value("Authorization");
        if (authorization.starts_with("Bearer ")) return authorization.substr(7);
        return request.get_param_value("_token");
    }

    // The options of a request: its query for GET, DELETE and HEAD, else its
    // JSON body (the gateway's body is the webhook itself, not options).
    static boost::json::object options_of(const webhooksio::detail::call_spec& spec, const httplib::Request& request) {
        boost::json::object options;
        if (options_in_query(spec.method)) {
            for (const auto& [key, value] : request.params) options[key] = value;
        } else if (!is_gateway(spec) && !request.body.empty()) {
            boost::system::error_code ec;
            boost::json::value body = boost::json::parse(request.body, ec);
            if (ec || !body.is_object()) throw detail::emulation::api_error{400, "the body is not a JSON object"};
            options = std::move(body.get_object());
        }
        options.erase("_token");
        return options;
    }

    // The input gateway's routes start with a placeholder and name an input.
    static bool is_gateway(const webhooksio::detail::call_spec& spec) {
        return (spec.route.starts_with("/v1/:") || spec.route.starts_with("/:")) &&
               spec.route.find(":input_id") != std::string_view::npos;
    }

    // 400 naming every missing required option, each in `missing`.
    static void check_required(const webhooksio::detail::call_spec& spec, const boost::json::object& options) {
        const std::string missing = webhooksio::detail::missing_options(spec, options);
        if (missing.empty()) return;
        boost::json::array names;
        for (const std::string_view& entry : spec.required) {
            webhooksio::detail::call_spec one = spec;
            one.required = {&entry, 1};
            if (!webhooksio::detail::missing_options(one, options).empty()) names.emplace_back(entry);
        }
        throw detail::emulation::api_error{400, "missing required option(s): " + missing, {{"missing", std::move(names)}}};
    }

    void respond(const webhooksio::detail::call_spec& spec, const handler& h, const httplib::Request& request,
                 httplib::Response& response) {
        call c;
        c.request = &request;
        for (std::size_t i = 0; i + 1 < request.matches.size(); ++i)
            c.ids.emplace_back(webhooksio::detail::placeholder_at(spec.route, i), request.matches[i + 1].str());
        try {
            std::lock_guard lock(service_.mutex());
            // Every route under /v1/accounts wants the API key.
            if (spec.route.starts_with("/v1/accounts")) {
                const std::string key = api_key_of(request);
                if (key.empty())
                    throw detail::emulation::api_error{401, "an API key is required (Authorization: Bearer or _token)"};
                c.caller = service_.account_of_key(key);
                if (c.caller.empty()) throw detail::emulation::api_error{401, "the API key is not valid"};
                if (spec.route.find(":account_id") != std::string_view::npos)
                    service_.resolve(c, detail::emulation::kinds::account);  // 404 or 403 before anything else
            }
            c.options = options_of(spec, request);
            check_required(spec, c.options);
            reply r = h(c);
            if (spec.method != http_method::get) service_.commit();
            response.status = r.status;
            if (r.raw) response.set_content(r.raw->first, r.raw->second.c_str());
            else response.set_content(boost::json::serialize(r.body), "application/json");
        } catch (const detail::emulation::api_error& e) {
            send_error(response, e.status, e.message, e.details);
        } catch (const std::exception& e) {
            send_error(response, 500, std::string("emulator: ") + e.what());
        }
    }

    std::optional<std::chrono::milliseconds> attempt(const std::string& id) {
        try {
            return service_.attempt(id);
        } catch (const std::exception&) {
            return std::nullopt;  // a message the emulator can't handle is dropped, not retried forever
        }
    }

    emulator_options options_;
    detail::emulation::service service_;
    detail::emulation::delivery_queue deliveries_;
    httplib::Server server_;
    std::optional<server_thread> listener_;
};

}  // namespace webhooksio::testing
