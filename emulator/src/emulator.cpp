// The emulator's HTTP side: each request routed to an endpoint of the
// client's table (router.hpp: its method, route and required options come
// from reflection::endpoints()), CORS, the API key check, and the request
// handed to its endpoint's handler.
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
#include <webhooksio/reflection.hpp>

#include "delivery_queue.hpp"
#include "http_server.hpp"
#include "router.hpp"
#include "service.hpp"

namespace webhooksio {

using emulation::api_error;
using emulation::call;
using emulation::handler;
using emulation::incoming_request;
using emulation::outgoing_response;
using emulation::reply;
using reflection::endpoint_info;

class emulator::impl {
public:
    explicit impl(emulator_options options)
        : options_(std::move(options)),
          service_({options_.data_file, options_.retry_interval_unit, options_.delivery_timeout,
                    {.time = options_.recipe_time, .memory = options_.recipe_memory},
                    options_.signing_overlap, options_.deny_private_destinations, options_.max_hops}),
          handlers_(service_.handlers()),
          router_(reflection::endpoints()),
          deliveries_(options_.delivery_threads,
                      [this](const std::string& id, std::stop_token stop) { return attempt(id, stop); }) {
        service_.set_scheduler([this](std::string id, std::string lane, std::string group, std::chrono::milliseconds delay) {
            deliveries_.schedule(std::move(id), std::move(lane), std::move(group), delay);
        });
        for (std::size_t i = 0; i < reflection::endpoints().size(); ++i)
            if (!handlers_.at(i))
                throw std::logic_error("emulator: no handler for " + std::string(reflection::endpoints()[i].name));
        const emulation::http_limits limits{.max_body = options_.max_body,
                                            .max_head_bytes = options_.max_head_bytes,
                                            .max_head_lines = options_.max_head_lines,
                                            .head_timeout = options_.head_timeout,
                                            .body_timeout = options_.read_timeout,
                                            .write_timeout = options_.write_timeout,
                                            .keep_alive_timeout = options_.keep_alive_timeout,
                                            .max_connections = options_.max_connections};
        server_.emplace(
            options_.host, options_.port, limits,
            [this](const incoming_request& request) {
                outgoing_response response;
                serve(request, response);
                allow_origin(request, response);
                return response;
            },
            [](int status, std::string message) {
                outgoing_response response;
                send_error(response, status, std::move(message));
                return response;
            });
        // No request can come before the port is known, i.e. before this returns.
        service_.set_base_url(base_url());
        service_.resume_pending();
    }

    ~impl() {
        // Attempts the stop interrupts are kept pending, for the next start.
        service_.stop_deliveries();
        server_.reset();
        deliveries_.stop();
    }

    int port() const noexcept { return server_->port(); }
    std::string base_url() const { return "http://" + options_.host + ':' + std::to_string(port()); }
    emulation::delivery_queue& deliveries() noexcept { return deliveries_; }

private:
    static void send_error(outgoing_response& response, int status, std::string message,
                           boost::json::object details = {}) {
        details["message"] = std::move(message);
        details["status"] = status;
        response.status = status;
        response.set_content(boost::json::serialize(details), "application/json");
    }

    // CORS: every answer to a request from an allowed origin says so.
    void allow_origin(const incoming_request& request, outgoing_response& response) const {
        if (!request.has_header("Origin")) return;
        const std::string origin = request.get_header_value("Origin");
        const auto& allowed = options_.allowed_origins;
        if (std::ranges::find(allowed, "*") != allowed.end()) {
            response.set_header("Access-Control-Allow-Origin", "*");
        } else if (std::ranges::find(allowed, origin) != allowed.end()) {
            response.set_header("Access-Control-Allow-Origin", origin);
            response.set_header("Vary", "Origin");
        }
    }

    void serve(const incoming_request& request, outgoing_response& response) {
        const std::optional<std::string> path = emulation::raw_path_of(request.target);
        if (!path) return send_error(response, 400, "the request target is neither a path nor an http(s) URL");
        emulation::routing found = router_.route(request.method, *path);
        if (found.allow.empty()) return send_error(response, 404, "no such route: " + request.method + ' ' + request.path);
        const std::string allow = found.allow + ", OPTIONS";
        if (request.method == "OPTIONS") {  // a CORS preflight, or a client asking what the route takes
            response.status = 204;
            response.set_header("Allow", allow);
            response.set_header("Access-Control-Allow-Methods", allow);
            response.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
            response.set_header("Access-Control-Max-Age", "600");
            return;
        }
        if (!found.match) {
            response.set_header("Allow", allow);
            return send_error(response, 405, request.method + " is not a method of " + request.path + " (" + allow + ')');
        }
        const std::size_t index = found.match->endpoint;
        respond(reflection::endpoints()[index], handlers_.at(index), std::move(found.match->ids), request, response);
    }

    // The API key of a request: "Authorization: Bearer KEY" (the scheme in
    // any case, RFC 9110) or ?_token=KEY.
    static std::string api_key_of(const incoming_request& request) {
        const std::string authorization = request.get_header_value("Authorization");
        constexpr std::string_view scheme = "bearer ";
        if (authorization.size() > scheme.size() &&
            emulation::same_ignoring_case(std::string_view(authorization).substr(0, scheme.size()), scheme))
            if (auto key = authorization.find_first_not_of(' ', scheme.size()); key != std::string::npos)
                return authorization.substr(key);
        return request.get_param_value("_token");
    }

    // The input gateway's routes start with a placeholder and name an input.
    static bool is_gateway(const endpoint_info& endpoint) {
        return (endpoint.route.starts_with("/v1/:") || endpoint.route.starts_with("/:")) &&
               std::ranges::find(endpoint.ids, "input_id") != endpoint.ids.end();
    }

    // The options of a request: its query for GET, DELETE and HEAD, else its
    // JSON body (the gateway's body is the webhook itself, not options).
    static boost::json::object options_of(const endpoint_info& endpoint, const incoming_request& request) {
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

    void respond(const endpoint_info& endpoint, const handler& h, std::vector<std::pair<std::string_view, std::string>> ids,
                 const incoming_request& request, outgoing_response& response) {
        call c;
        c.request = &request;
        c.ids = std::move(ids);
        try {
            std::unique_lock lock(service_.mutex());  // a handler may let go of it for a recipe (service::unlocked)
            c.lock = &lock;
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
            reply r = service_.transact(h, c);  // committed, or not answered 2xx
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
    const emulation::router router_;
    emulation::delivery_queue deliveries_;
    std::optional<emulation::http_server> server_;  // last: it serves once the rest is ready
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
