// A receiver of signed webhooks on httplib::Server. Each delivery is checked
// first (webhook-signature, the Standard Webhooks way: a forged or altered
// one gets 401 and nothing is done), then its webhook-id: the same on every
// attempt of a message, so a retry or a resend of one already processed is
// acknowledged and not processed again.
//
// The example starts the emulator in-process, points a destination that has
// a signing_secret at the receiver, sends three webhooks, resends the first,
// and forges a fourth. The receiver processes three, drops the repeat and
// refuses the forgery; the exit status is 0 when it did exactly that.
#include <chrono>
#include <cstddef>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <httplib.h>
#include <webhooksio/emulator.hpp>
#include <webhooksio/testing/server_thread.hpp>
#include <webhooksio/webhooksio.hpp>

namespace json = boost::json;
using namespace webhooksio;

namespace {

class receiver {
public:
    explicit receiver(webhook_secret secret) : secret_(std::move(secret)) {
        server_.Post("/hook", [this](const httplib::Request& request, httplib::Response& response) {
            // Genuine? The signature covers the id, the time and the body as
            // received: check it before reading anything.
            if (const boost::system::error_code refused = verify_webhook(secret_, request.headers, request.body)) {
                note("refused (" + refused.message() + ")", refused_);
                response.status = 401;
                return;
            }
            // New? Deliveries come at least once: a retry after a lost answer,
            // a resend. A real service keeps the IDs where it keeps its work
            // (a table with a unique key), for as long as the sender retries.
            const std::string id = request.get_header_value("webhook-id");
            if (!claim(id)) {
                note("dropped a repeat of " + id, repeats_);
                return;  // 200: done already
            }
            note("processed " + id + ": " + request.body, processed_);
        });
        running_.emplace(server_);
    }

    int port() const { return running_->port(); }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port()) + "/hook"; }

    std::size_t processed() const { return count(processed_); }
    std::size_t repeats() const { return count(repeats_); }
    std::size_t refused() const { return count(refused_); }

private:
    // Whether `id` is new; from now on it is not.
    bool claim(const std::string& id) {
        std::lock_guard lock(mutex_);
        return seen_.insert(id).second;
    }

    void note(const std::string& what, std::size_t& counter) {
        std::lock_guard lock(mutex_);
        ++counter;
        std::cout << "  receiver: " << what << "\n";
    }

    std::size_t count(const std::size_t& counter) const {
        std::lock_guard lock(mutex_);
        return counter;
    }

    const webhook_secret secret_;
    mutable std::mutex mutex_;
    std::set<std::string> seen_;
    std::size_t processed_ = 0, repeats_ = 0, refused_ = 0;
    httplib::Server server_;
    // Last, so that the server stops before what its handler uses goes.
    std::optional<server_thread> running_;
};

// A registered account of the emulator, and a client with its key.
client signed_up(const emulator& local, account_id& account) {
    client anonymous{"none", {.base_url = local.base_url()}};
    const json::value session = anonymous.register_account(
        {.first_name = "Ada", .last_name = "Lovelace", .email_address = "ada@example.com", .password = "correct horse",
         .plan_id = plan_id{"free"}, .invite_code = "receiver", .password_confirm = "correct horse"});
    account = account_id{std::string(session.at("account_id").as_string())};
    return client{std::string(session.at("api_token").as_string()), {.base_url = local.base_url()}};
}

}  // namespace

int main() {
    try {
        emulator local;
        // Shared by the destination and the receiver (a real one reads it
        // from its configuration, e.g. an environment variable).
        const webhook_secret secret = webhook_secret::generate();
        receiver hooks{secret};
        std::cout << "emulator at " << local.base_url() << ", receiver at " << hooks.url() << "\n";

        account_id account{"-"};
        client api = signed_up(local, account);
        const bucket_id bucket{std::string(api.create_bucket(account, {.name = "Shop"}).at("id").as_string())};
        const input_id input{std::string(api.create_input(account, {.bucket_id = bucket, .name = "orders"}).at("id").as_string())};
        api.create_destination(account, input,
                               {.name = "my receiver", .endpoint_url = hooks.url(), .signing_secret = secret.text()});

        std::vector<std::string> sent;
        for (int order = 1; order <= 3; ++order)
            sent.emplace_back(api.send_input_request(input_name{"orders"}, input, {.extra = {{"order_id", order}}})
                                  .at("outgoing_message_ids")
                                  .at(0)
                                  .as_string());
        local.wait_for_deliveries();

        std::cout << "resending " << sent.front() << "\n";
        api.resend_messages(account, {.outgoing_message_ids = json::array{json::string(sent.front())}});
        local.wait_for_deliveries();

        std::cout << "forging a delivery\n";
        httplib::Client forger{"127.0.0.1", hooks.port()};
        const std::string now = std::to_string(
            std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()).time_since_epoch().count());
        forger.Post("/hook",
                    {{"webhook-id", "msg_forged"},
                     {"webhook-timestamp", now},
                     {"webhook-signature", "v1,bm90IHRoZSBzaWduYXR1cmUgb2YgdGhpcyBib2R5IGF0IGFsbA=="}},
                    R"({"order_id":666})", "application/json");

        std::cout << "processed " << hooks.processed() << ", repeats dropped " << hooks.repeats() << ", refused "
                  << hooks.refused() << "\n";
        return hooks.processed() == 3 && hooks.repeats() == 1 && hooks.refused() == 1 ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
}
