// The quick start: health check, create a bucket, read it back, and see a
// typed error. Against WEBHOOKSIO_BASE_URL with WEBHOOKSIO_API_KEY when both
// are set; otherwise against a small stand-in server that it starts on
// 127.0.0.1, so that it runs with no key and no network.
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include <httplib.h>
#include <webhooksio/webhooksio.hpp>

namespace json = boost::json;
using namespace webhooksio;

namespace {

// Just enough of the API for this example: health, and buckets in memory.
class stand_in_server {
public:
    stand_in_server() {
        server_.set_tcp_nodelay(true);
        server_.Get("/v1/health", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(R"({"status":"ok"})", "application/json");
        });
        server_.Post(R"(/v1/accounts/([^/]+)/buckets)", [this](const httplib::Request& req, httplib::Response& res) {
            json::object bucket = json::parse(req.body).as_object();
            std::lock_guard lock(mutex_);
            bucket["id"] = "BU" + std::to_string(++next_id_);
            bucket["account_id"] = req.matches[1].str();
            buckets_[bucket["id"].as_string().c_str()] = bucket;
            res.status = 201;
            res.set_content(json::serialize(bucket), "application/json");
        });
        server_.Get(R"(/v1/accounts/([^/]+)/buckets/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard lock(mutex_);
            auto it = buckets_.find(req.matches[2].str());
            if (it == buckets_.end()) {
                res.status = 404;
                res.set_content(R"({"message":"no such bucket"})", "application/json");
                return;
            }
            res.set_content(json::serialize(it->second), "application/json");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        // stop() is a no-op until the loop runs: wait for it, so stopping never misses.
        while (!server_.is_running()) std::this_thread::yield();
    }
    ~stand_in_server() {
        server_.stop();
        thread_.join();
    }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

private:
    httplib::Server server_;
    std::mutex mutex_;
    std::map<std::string, json::object> buckets_;
    int next_id_ = 0;
    int port_ = 0;
    std::thread thread_;
};

}  // namespace

int main() {
    const char* url = std::getenv("WEBHOOKSIO_BASE_URL");
    const char* key = std::getenv("WEBHOOKSIO_API_KEY");
    std::unique_ptr<stand_in_server> local;
    if (!url || !key) {
        local = std::make_unique<stand_in_server>();
        std::cout << "no WEBHOOKSIO_BASE_URL and WEBHOOKSIO_API_KEY: using a stand-in server at " << local->base_url()
                  << "\n";
    }
    client api{key && url ? key : "local-key", {.base_url = local ? local->base_url() : url}};
    const account_id account{"AC1"};

    try {
        std::cout << "health_check   -> " << api.health_check() << "\n";

        json::value bucket = api.create_bucket(account, {.name = "My Bucket", .key = "my-bucket"});
        std::cout << "create_bucket  -> " << bucket << "\n";

        const bucket_id id{std::string(bucket.at("id").as_string())};
        std::cout << "get_bucket     -> " << api.get_bucket(account, id, {.expand = true}) << "\n";

        auto missing = api.get_bucket(account, bucket_id{"BU-none"}, {}, nothrow);
        std::cout << "get_bucket     -> " << missing.error().message() << "\n";
    } catch (const webhooksio::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
