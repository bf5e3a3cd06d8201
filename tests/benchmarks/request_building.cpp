// Benchmark 2: what the generic call costs beyond the network. A call through
// a null transport (send() hands back a canned answer) against hand-written
// code that builds the same request (target with percent-encoded IDs, headers,
// JSON body or query) and parses the same answer; for a small call
// (get_bucket) and a large one (create_destination with every option set).
//
//   bench_request_building              times the four functions, prints rows
//   bench_request_building --repeat N   runs each N times, untimed: for
//       valgrind --tool=callgrind --toggle-collect=<function> (tools/bench.sh)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <webhooksio/webhooksio.hpp>

#include "allocation_counter.hpp"
#include "bench_report.hpp"

namespace wh = webhooksio;

namespace {

// A transport that sends nothing. With `capture` set it keeps a copy of the
// request, so that main() can check both sides build the same one.
struct null_transport {
    wh::http_request* capture = nullptr;

    wh::result<wh::http_response> send(const wh::http_request& request) {
        if (capture) *capture = request;
        bench::keep(request);
        return wh::http_response{200, {}, R"({"id":"BU1"})"};
    }
};

// IDs that need encoding, as a real caller's may.
const std::string account = "AC 1/x";
const std::string bucket = "BU\xC3\xA9 2";
const std::string input = "IN#3?";

struct inputs {
    wh::basic_client<null_transport> api{"BENCH-KEY", {}, null_transport{}};
    wh::http_headers headers{{"Authorization", "Bearer BENCH-KEY"},
                             {"Accept", "application/json"},
                             {"User-Agent", std::string("webhooksio-cpp/") + wh::version}};

    wh::api::get_bucket::params get_bucket_ids{wh::account_id{account}, wh::bucket_id{bucket}};
    wh::api::get_bucket::options get_bucket_options{.expand = true, .include_stats = false};

    wh::api::create_destination::params create_destination_ids{wh::account_id{account}, wh::input_id{input}};
    wh::api::create_destination::options create_destination_options{
        .name = "Slack \"alerts\"",
        .endpoint_url = "https://hooks.example.com/T000/B000?x=1&y=2",
        .delivery_order = "fifo",
        .status = "active",
        .message_method = "POST",
        .event_filters = std::vector<std::string>{"order.created", "order.paid", "order.shipped"},
        .authentication_type = "none",
        .retry_policy_id = "RP1",
        .retry_count = 5,
        .retry_interval = 60,
        .verify_ssl = true,
        .headers_to_include = std::vector<std::string>{"X-Request-Id", "X-Trace"},
        .header_prefix = "Webhooks",
        .alert_on_failure = std::vector<std::string>{"ops@example.com", "dev@example.com"},
        .recipe_id = webhooksio::recipe_id{"RE1"},
        .rate_limit = 100,
    };
    null_transport hand_transport;
};

inputs* in = nullptr;

void check_answer(const wh::result<wh::http_response>& answer) {
    if (!answer || answer->status < 200 || answer->status >= 300) std::abort();
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += ',';
        out += item;
    }
    return out;
}

}  // namespace

// The measured functions: extern "C" and never inlined, so that callgrind's
// --toggle-collect can name them.
extern "C" {

[[gnu::noinline]] void library_get_bucket() {
    bench::keep(in->api.call<wh::api::get_bucket>(in->get_bucket_ids, in->get_bucket_options));
}

[[gnu::noinline]] void hand_get_bucket() {
    const auto& options = in->get_bucket_options;
    wh::http_request request;
    request.method = wh::http_method::get;
    request.target.reserve(96);
    request.target = "/v1/accounts/";
    wh::detail::append_percent_encoded(request.target, std::get<0>(in->get_bucket_ids).str());
    request.target += "/buckets/";
    wh::detail::append_percent_encoded(request.target, std::get<1>(in->get_bucket_ids).str());
    char separator = '?';
    for (auto [name, value] : {std::pair<const char*, const std::optional<bool>&>{"expand", options.expand},
                               std::pair<const char*, const std::optional<bool>&>{"include_stats", options.include_stats}}) {
        if (!value) continue;
        request.target += separator;
        separator = '&';
        request.target += name;
        request.target += *value ? "=true" : "=false";
    }
    request.headers = in->headers;
    auto answer = in->hand_transport.send(request);
    check_answer(answer);
    bench::keep(boost::json::parse(answer->body));
}

[[gnu::noinline]] void library_create_destination() {
    bench::keep(in->api.call<wh::api::create_destination>(in->create_destination_ids, in->create_destination_options));
}

[[gnu::noinline]] void hand_create_destination() {
    const auto& o = in->create_destination_options;
    wh::http_request request;
    request.method = wh::http_method::post;
    request.target.reserve(96);
    request.target = "/v1/accounts/";
    wh::detail::append_percent_encoded(request.target, std::get<0>(in->create_destination_ids).str());
    request.target += "/inputs/";
    wh::detail::append_percent_encoded(request.target, std::get<1>(in->create_destination_ids).str());
    request.target += "/destinations";

    boost::json::object body;
    body["name"] = o.name.get();
    body["endpoint_url"] = o.endpoint_url.get();
    if (o.delivery_order) body["delivery_order"] = *o.delivery_order;
    if (o.status) body["status"] = *o.status;
    if (o.message_method) body["message_method"] = *o.message_method;
    if (o.event_filters) body["event_filters"] = joined(*o.event_filters);
    if (o.authentication_type) body["authentication_type"] = *o.authentication_type;
    if (o.retry_policy_id) body["retry_policy_id"] = *o.retry_policy_id;
    if (o.retry_count) body["retry_count"] = *o.retry_count;
    if (o.retry_interval) body["retry_interval"] = *o.retry_interval;
    if (o.verify_ssl.has_value()) body["verify_ssl"] = *o.verify_ssl;
    if (o.headers_to_include) body["headers_to_include"] = joined(*o.headers_to_include);
    if (o.header_prefix) body["header_prefix"] = *o.header_prefix;
    if (o.alert_on_failure) body["alert_on_failure"] = joined(*o.alert_on_failure);
    if (o.recipe_id) body["recipe_id"] = o.recipe_id->str();
    if (o.rate_limit) body["rate_limit"] = *o.rate_limit;
    request.body = boost::json::serialize(body);

    request.headers = in->headers;
    request.headers.emplace_back("Content-Type", "application/json");
    auto answer = in->hand_transport.send(request);
    check_answer(answer);
    bench::keep(boost::json::parse(answer->body));
}

}  // extern "C"

namespace {

bool same(const wh::http_request& a, const wh::http_request& b) {
    return a.method == b.method && a.target == b.target && a.headers == b.headers && a.body == b.body;
}

// Both sides must build the very same request, or the comparison means nothing.
bool check_same_requests() {
    bool ok = true;
    auto compare = [&](const char* what, void (*library)(), void (*hand)()) {
        wh::http_request ours, theirs;
        in->api.transport().capture = &ours;
        in->hand_transport.capture = &theirs;
        library();
        hand();
        in->api.transport().capture = nullptr;
        in->hand_transport.capture = nullptr;
        if (!same(ours, theirs)) {
            std::fprintf(stderr, "%s: the requests differ:\n  library: %s %s\n  hand:    %s %s\n", what,
                         ours.target.c_str(), ours.body.c_str(), theirs.target.c_str(), theirs.body.c_str());
            ok = false;
        }
    };
    compare("get_bucket", library_get_bucket, hand_get_bucket);
    compare("create_destination", library_create_destination, hand_create_destination);
    return ok;
}

// Nanoseconds per call of `f`, the median of rounds of `calls` calls.
double ns_per_call(void (*f)(), int calls) {
    const auto start = bench::clock::now();
    for (int i = 0; i < calls; ++i) f();
    return bench::seconds_since(start) * 1e9 / calls;
}

double allocations_per_call(void (*f)()) {
    constexpr int calls = 100;
    const std::size_t before = bench::allocations_on_this_thread();
    for (int i = 0; i < calls; ++i) f();
    return double(bench::allocations_on_this_thread() - before) / calls;
}

}  // namespace

int main(int argc, char** argv) {
    inputs state;
    in = &state;
    if (!check_same_requests()) return 1;

    if (argc > 2 && std::strcmp(argv[1], "--repeat") == 0) {
        const int n = std::atoi(argv[2]);
        for (auto f : {library_get_bucket, hand_get_bucket, library_create_destination, hand_create_destination})
            for (int i = 0; i < n; ++i) f();
        return 0;
    }

    constexpr int rounds = 21, calls = 20000;
    struct pair {
        const char* name;
        void (*library)();
        void (*hand)();
    };
    for (const pair& p : {pair{"get_bucket", library_get_bucket, hand_get_bucket},
                          pair{"create_destination (every option)", library_create_destination,
                               hand_create_destination}}) {
        ns_per_call(p.library, calls);  // warm-up
        ns_per_call(p.hand, calls);
        std::vector<double> ours, anchor;
        for (int round = 0; round < rounds; ++round) {
            if (round % 2 == 0) {
                ours.push_back(ns_per_call(p.library, calls));
                anchor.push_back(ns_per_call(p.hand, calls));
            } else {
                anchor.push_back(ns_per_call(p.hand, calls));
                ours.push_back(ns_per_call(p.library, calls));
            }
        }
        std::vector<double> ratios;
        for (int round = 0; round < rounds; ++round) ratios.push_back(ours[round] / anchor[round]);
        bench::row(std::string("2. request building, ") + p.name + ", time (median of " + std::to_string(rounds) +
                       " interleaved rounds)",
                   bench::fixed(bench::median(ours), 0) + " ns/call",
                   "hand-written: " + bench::fixed(bench::median(anchor), 0) + " ns/call",
                   bench::fixed(bench::median(ratios), 3), "<= 1.10");
        const double a = allocations_per_call(p.library), b = allocations_per_call(p.hand);
        bench::row(std::string("2. request building, ") + p.name + ", heap allocations per call",
                   bench::fixed(a, 1), "hand-written: " + bench::fixed(b, 1), bench::fixed(a / b, 2), "-");
    }
    return 0;
}
