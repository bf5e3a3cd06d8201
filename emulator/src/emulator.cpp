// The emulator's HTTP side: a route per endpoint of the client's table (its
// method, route and required options from reflection::endpoints()), the API
// key check, and each request handed to its endpoint's handler.
#include <webhooksio/emulator.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>
#include <httplib.h>
#include <webhooksio/reflection.hpp>
#include <webhooksio/server_thread.hpp>

#include "delivery_queue.hpp"
#include "service.hpp"

namespace webhooksio {

using emulation::api_error;
using emulation::call;
using emulation::handler;
using emulation::reply;
using reflection::endpoint_info;

class emulator::impl {
public:
    explicit impl(emulator_options options)
        : options_(std::move(options)),
          service_({options_.data_file, options_.retry_interval_unit, options_.delivery_timeout}),
          handlers_(service_.handlers()),
          deliveries_(options_.delivery_threads,
                      [this](const std::string& id, std::stop_token stop) { return attempt(id, stop); }) {
        service_.set_scheduler([this](std::string id, std::string lane, std::chrono::milliseconds delay) {
            deliveries_.schedule(std::move(id), std::move(lane), delay);
        });
        install_routes();
        server_.set_keep_alive_max_count(100);
        server_.set_payload_max_length(options_.max_body);  // larger: 413
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

    ~impl() {
        listener_.reset();
        deliveries_.stop();
    }

    int port() const noexcept { return listener_->port(); }
    std::string base_url() const { return "http://" + options_.host + ':' + std::to_string(port()); }
    emulation::delivery_queue& deliveries() noexcept { return deliveries_; }

private:
    // The route's regular expression, made from the table's own split of it:
    // "/v1/accounts/:account_id" -> "/v1/accounts/([^/]+)". The server has
    // decoded the path before matching, so a :target_url spans segments; it
    // must be an http(s) URL, which keeps the dynamic gateway routes
    // ("/:input_id/:target_url") from taking any other path.
    static std::string route_pattern(const endpoint_info& endpoint) {
        std::string out(endpoint.literal_runs[0]);
        for (std::size_t i = 0; i < endpoint.ids.size(); ++i) {
            out += endpoint.ids[i] == "target_url" ? "(https?://.+)" : "([^/]+)";
            out += endpoint.literal_runs[i + 1];
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

    // Every endpoint of the table, the more specific routes first.
    void install_routes() {
        const auto endpoints = reflection::endpoints();
        std::vector<std::size_t> order(endpoints.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) {
            return fixed_segments(endpoints[a].route) > fixed_segments(endpoints[b].route);
        });
        for (std::size_t i : order) {
            const handler& h = handlers_.at(i);
            if (!h) throw std::logic_error("emulator: no handler for " + std::string(endpoints[i].name));
            add_route(endpoints[i], h);
        }
    }

    void add_route(const endpoint_info& endpoint, const handler& h) {
        const std::string pattern = route_pattern(endpoint);
        auto serve = [this, &endpoint, &h](const httplib::Request& request, httplib::Response& response) {
            respond(endpoint, h, request, response);
        };
        switch (endpoint.method) {
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

    // The input gateway's routes start with a placeholder and name an input.
    static bool is_gateway(const endpoint_info& endpoint) {
        return (endpoint.route.starts_with("/v1/:") || endpoint.route.starts_with("/:")) &&
               std::ranges::find(endpoint.ids, "input_id") != endpoint.ids.end();
    }

    // The options of a request: its query for GET, DELETE and HEAD, else its
    // JSON body (the gateway's body is the webhook itself, not options).
    static boost::json::object options_of(const endpoint_info& endpoint, const httplib::Request& request) {
        boost::json::object options;
        if (options_in_query(endpoint.method)) {
            for (const auto& [key, value] : request.params) options[key] = value;
        } else if (!is_gateway(endpoint) && !request.body.empty()) {
            boost::system::error_code ec;
            boost::json::value body = boost::json::parse(request.body, ec);
            if (ec || !body.is_object()) throw api_error{400, "the body is not a JSON object"};
            options = std::move(body.get_object());
        }
        options.erase("_token");
        return options;
    }

    // 400 naming every missing required option, each in `missing`.
    static void check_required(const endpoint_info& endpoint, const boost::json::object& options) {
        const std::vector<std::string_view> missing = reflection::missing_options(endpoint, options);
        if (missing.empty()) return;
        std::string list;
        boost::json::array names;
        for (std::string_view entry : missing) {
            list += (list.empty() ? "" : ", ") + std::string(entry);
            names.emplace_back(entry);
        }
        throw api_error{400, "missing required option(s): " + list, {{"missing", std::move(names)}}};
    }

    void respond(const endpoint_info& endpoint, const handler& h, const httplib::Request& request,
                 httplib::Response& response) {
        call c;
        c.request = &request;
        for (std::size_t i = 0; i + 1 < request.matches.size(); ++i)
            c.ids.emplace_back(endpoint.ids[i], request.matches[i + 1].str());
        try {
            std::lock_guard lock(service_.mutex());
            if (endpoint.needs_api_key()) {
                const std::string key = api_key_of(request);
                if (key.empty()) throw api_error{401, "an API key is required (Authorization: Bearer or _token)"};
                c.caller = service_.account_of_key(key);
                if (c.caller.empty()) throw api_error{401, "the API key is not valid"};
                if (std::ranges::find(endpoint.ids, "account_id") != endpoint.ids.end())
                    service_.resolve(c, emulation::kinds::account);  // 404 or 403 before anything else
            }
            c.options = options_of(endpoint, request);
            check_required(endpoint, c.options);
            reply r = h(c);
            service_.commit();  // GET routes change state too (verify_email_address)
            response.status = r.status;
            if (r.raw) response.set_content(r.raw->first, r.raw->second.c_str());
            else response.set_content(boost::json::serialize(r.body), "application/json");
        } catch (const api_error& e) {
            send_error(response, e.status, e.message, e.details);
        } catch (const std::exception& e) {
            send_error(response, 500, std::string("emulator: ") + e.what());
        }
    }

    std::optional<std::chrono::milliseconds> attempt(const std::string& id, std::stop_token stop) {
        try {
            return service_.attempt(id, stop);
        } catch (const std::exception&) {
            return std::nullopt;  // a message the emulator can't handle is dropped, not retried forever
        }
    }

    emulator_options options_;
    emulation::service service_;
    const emulation::handler_table handlers_;
    emulation::delivery_queue deliveries_;
    httplib::Server server_;
    std::optional<server_thread> listener_;
};

emulator::emulator(emulator_options options) : impl_(std::make_unique<impl>(std::move(options))) {}
emulator::~emulator() = default;

int emulator::port() const noexcept { return impl_->port(); }
std::string emulator::base_url() const { return impl_->base_url(); }

bool emulator::wait_for_deliveries(std::chrono::milliseconds timeout) {
    return impl_->deliveries().wait_idle(timeout);
}
void emulator::hold_deliveries() { impl_->deliveries().hold(true); }
void emulator::release_deliveries() { impl_->deliveries().hold(false); }

}  // namespace webhooksio
