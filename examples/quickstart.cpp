// The quick start: a webhook's whole trip. It starts the local Webhooks.io
// emulator in-process and a small receiver, then: health check, register an
// account, create a bucket, an input and a destination pointing at the
// receiver, send a webhook into the input through the request gateway, wait
// until the receiver has it, and show the outgoing message with its attempts
// and the request log.
//
// With WEBHOOKSIO_BASE_URL and WEBHOOKSIO_API_KEY both set (for example a
// `webhooksio-emulator` you run yourself) it runs against that service instead,
// as the account WEBHOOKSIO_ACCOUNT_ID.
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <httplib.h>
#include <webhooksio/emulator.hpp>
#include <webhooksio/testing/server_thread.hpp>
#include <webhooksio/webhooksio.hpp>

namespace json = boost::json;
using namespace webhooksio;

namespace {

// Where the destination points: a server on 127.0.0.1 that keeps the first
// webhook it gets and lets the example wait for it.
class receiver {
public:
    receiver() {
        server_.Post("/hook", [this](const httplib::Request& request, httplib::Response& response) {
            {
                std::lock_guard lock(mutex_);
                if (!body_) body_ = request.method + ' ' + request.path + ' ' + request.body;
            }
            arrived_.notify_all();
            response.set_content(R"({"received":true})", "application/json");
        });
        running_.emplace(server_);
    }

    std::string url() const { return "http://127.0.0.1:" + std::to_string(running_->port()) + "/hook"; }

    // The first webhook, once it has arrived; nothing after `timeout`.
    std::optional<std::string> wait(std::chrono::seconds timeout) {
        std::unique_lock lock(mutex_);
        arrived_.wait_for(lock, timeout, [this] { return body_.has_value(); });
        return body_;
    }

private:
    httplib::Server server_;
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::optional<std::string> body_;
    // Last, so that the server stops before what its handler uses goes.
    std::optional<server_thread> running_;
};

void step(std::string_view call, const std::string& what) {
    std::cout << "  " << std::left << std::setw(22) << call << "-> " << what << "\n";
}

std::string text(const json::value& v, std::string_view key) {
    const json::value* found = v.is_object() ? v.as_object().if_contains(key) : nullptr;
    if (!found) return "?";
    return found->is_string() ? std::string(found->get_string()) : json::serialize(*found);
}

}  // namespace

int main() {
    const char* url = std::getenv("WEBHOOKSIO_BASE_URL");
    const char* key = std::getenv("WEBHOOKSIO_API_KEY");
    const bool remote = url && key;
    const char* remote_account = std::getenv("WEBHOOKSIO_ACCOUNT_ID");
    if (remote && !remote_account) {
        std::cerr << "with WEBHOOKSIO_BASE_URL and WEBHOOKSIO_API_KEY, set WEBHOOKSIO_ACCOUNT_ID too\n";
        return 2;
    }

    try {
        std::unique_ptr<emulator> local;
        if (!remote) local = std::make_unique<emulator>();
        receiver hooks;
        const std::string base_url = remote ? url : local->base_url();
        std::cout << "Webhooks.io at " << base_url << (remote ? "" : " (an emulator started in-process)") << "\n"
                  << "receiver at " << hooks.url() << "\n\n";

        client anonymous{"none", {.base_url = base_url}};
        step("health_check", json::serialize(anonymous.health_check()));

        std::string api_key = remote ? key : "";
        account_id account{remote ? remote_account : ""};
        if (!remote) {
            const json::value session = anonymous.register_account(
                {.first_name = "Ada", .last_name = "Lovelace", .email_address = "ada@example.com",
                 .password = "correct horse", .plan_id = webhooksio::plan_id{"free"}, .invite_code = "quickstart",
                 .password_confirm = "correct horse"});
            api_key = text(session, "api_token");  // the account's API key: never printed
            account = account_id{text(session, "account_id")};
            step("register_account", "account " + account.str() + ", user " + text(session, "user_id"));
        }
        client api{api_key, {.base_url = base_url}};

        const json::value bucket = api.create_bucket(account, {.name = "Shop", .key = "shop"});
        step("create_bucket", "bucket " + text(bucket, "id"));

        const json::value input = api.create_input(
            account, {.bucket_id = webhooksio::bucket_id{text(bucket, "id")}, .name = "orders", .event_location = "payload",
                      .event_path = "msg.event"});
        const input_id input_id{text(input, "id")};
        step("create_input", "input " + input_id.str() + ", webhooks go to " + text(input, "url"));

        const json::value destination = api.create_destination(
            account, input_id, {.name = "my receiver", .endpoint_url = hooks.url(),
                                .event_filters = std::vector<std::string>{"order.created"}, .retry_count = 3});
        step("create_destination", "destination " + text(destination, "id") + " for order.created, to " + hooks.url());

        const json::value accepted = api.send_input_request(
            input_name{"orders"}, input_id, {.extra = {{"event", "order.created"}, {"order_id", 42}}});
        step("send_input_request", json::serialize(accepted));

        const std::optional<std::string> delivered = hooks.wait(std::chrono::seconds(10));
        if (!delivered) {
            std::cerr << "the receiver got nothing within 10 s\n";
            return 1;
        }
        step("receiver got", *delivered);

        // The attempt is recorded once the receiver's answer is in: wait for
        // that (a service of your own is asked, for at most 10 s).
        const outgoing_message_id message{std::string(accepted.at("outgoing_message_ids").at(0).as_string())};
        if (local) local->wait_for_deliveries();
        for (int asked = 0; remote && asked < 100 && text(api.get_outgoing_message_status(account, message), "status") == "pending"; ++asked)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        const json::value outgoing = api.get_outgoing_message(account, message);
        step("get_outgoing_message", "message " + message.str() + ": " + text(outgoing, "status") + ", " +
                                         text(outgoing, "attempt_count") + " attempt(s)");
        for (const auto& attempt : outgoing.at("attempts").as_array())
            std::cout << "      attempt " << text(attempt, "number") << ": HTTP " << text(attempt, "http_status")
                      << " in " << text(attempt, "duration_ms") << " ms\n";

        const json::array log = api.get_request_log(account).as_array();
        step("get_request_log", std::to_string(log.size()) + " entries");
        for (const auto& entry : log)
            std::cout << "      " << std::left << std::setw(9) << text(entry, "direction") << text(entry, "method") << ' '
                      << text(entry, "url") << " -> " << text(entry, "http_status") << "\n";

        // And a typed error: a bucket that isn't there.
        auto missing = api.with(nothrow).get_bucket(account, bucket_id{"BU00000000000000000000000000000000"});
        step("get_bucket", missing.error().what());
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
