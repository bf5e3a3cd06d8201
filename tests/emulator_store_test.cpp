// The emulator's store (emulator/src/store.hpp, SQLite): what a request
// writes is all or nothing and acknowledged only once committed, whatever it
// holds can be read back after a restart, the data file is locked, reads
// never write, and a data file of the journal format is imported.
#define BOOST_TEST_MODULE emulator_store
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>
#include <vector>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <webhooksio/emulator.hpp>
#include <webhooksio/webhooksio.hpp>

#include "store.hpp"  // the store itself, and its fault injection

namespace json = boost::json;
namespace wh = webhooksio;
using wh::emulator;

namespace {

std::string str(const json::value& v, std::string_view key) { return std::string(v.at(key).as_string()); }

std::string contents(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// A data file in a directory of its own, removed with it.
struct data_file {
    data_file() { std::filesystem::create_directories(dir); }
    ~data_file() { std::filesystem::remove_all(dir); }
    std::filesystem::path dir = std::filesystem::temp_directory_path() / ("webhooksio-store-" + std::to_string(::getpid()));
    std::filesystem::path path = dir / "state.db";
};

// An account, kept across restarts by its API key, and raw HTTP to an emulator.
struct account {
    explicit account(const emulator& server) {
        wh::client anonymous{"none", {.base_url = server.base_url()}};
        const json::value session = anonymous.register_account(
            {.first_name = "Ada", .last_name = "L", .email_address = "ada@example.com", .password = "pw-1",
             .plan_id = wh::plan_id{"free"}, .invite_code = "i", .password_confirm = "pw-1"});
        key = str(session, "api_token");
        id = str(session, "account_id");
    }
    account(std::string api_key, std::string account_id) : key(std::move(api_key)), id(std::move(account_id)) {}

    httplib::Result call(const emulator& server, const std::string& method, const std::string& path,
                         const std::string& body = {}) const {
        httplib::Client http("127.0.0.1", server.port());
        const httplib::Headers headers{{"Authorization", "Bearer " + key}};
        const std::string target = "/v1/accounts/" + id + path;
        if (method == "GET") return http.Get(target, headers);
        if (method == "PUT") return http.Put(target, headers, body, "application/json");
        return http.Post(target, headers, body, "application/json");
    }
    int status(const emulator& server, const std::string& method, const std::string& path, const std::string& body = {}) const {
        auto answer = call(server, method, path, body);
        BOOST_REQUIRE(answer);
        return answer->status;
    }
    json::value get(const emulator& server, const std::string& path) const {
        auto answer = call(server, "GET", path);
        BOOST_REQUIRE(answer);
        BOOST_REQUIRE(answer->status == 200);
        return json::parse(answer->body);
    }
    std::string create_bucket(const emulator& server, const std::string& name) const {
        auto answer = call(server, "POST", "/buckets", R"({"name":")" + name + "\"}");
        BOOST_REQUIRE(answer);
        BOOST_REQUIRE(answer->status == 201);
        return str(json::parse(answer->body), "id");
    }
    std::size_t buckets(const emulator& server) const { return get(server, "/buckets").as_array().size(); }

    std::string key, id;
};

// A data file, emulators started on it one after the other, and the account
// a test keeps across them.
struct restarts {
    emulator start() const { return emulator{{.data_file = file.path}}; }
    data_file file;
    std::optional<account> a;
};

// Disarms the injected failure whatever the test did.
struct no_failure_after {
    ~no_failure_after() { wh::emulation::fail_commit(0); }
};

}  // namespace

// The Data findings of issue 19.

BOOST_FIXTURE_TEST_CASE(a_webhook_of_invalid_utf8_survives_a_restart, restarts) {
    std::string message;
    {
        emulator first = start();
        a.emplace(first);
        const std::string bucket = a->create_bucket(first, "b");
        auto input = a->call(first, "POST", "/inputs", R"({"bucket_id":")" + bucket + R"(","name":"in"})");
        BOOST_REQUIRE(input);
        BOOST_REQUIRE(input->status == 201);
        httplib::Client http("127.0.0.1", first.port());
        auto sent = http.Post("/v1/in/" + str(json::parse(input->body), "id"), std::string("\xFF\xFE", 2),
                              "application/octet-stream");
        BOOST_REQUIRE(sent);
        BOOST_REQUIRE(sent->status == 200);
        message = str(json::parse(sent->body), "incoming_message_id");
    }
    emulator second = start();  // the old store refused to start: "not JSON"
    auto answer = a->call(second, "GET", "/incoming/" + message);
    BOOST_REQUIRE(answer);
    BOOST_TEST(answer->status == 200);
    BOOST_TEST(answer->body.find("\xFF\xFE") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(an_option_as_deep_as_a_request_may_be_survives_a_restart_and_a_deeper_one_is_refused, restarts) {
    auto nested = [](int depth) { return std::string(depth, '[') + "1" + std::string(depth, ']'); };
    // The body object is one level: the option 31 more is what Boost.JSON parses, 32 more is not.
    const std::string deepest = R"({"name":"deep","x":)" + nested(31) + "}";
    std::string bucket;
    {
        emulator first = start();
        a.emplace(first);
        auto created = a->call(first, "POST", "/buckets", deepest);
        BOOST_REQUIRE(created);
        BOOST_REQUIRE(created->status == 201);
        bucket = str(json::parse(created->body), "id");
        BOOST_TEST(a->status(first, "POST", "/buckets", R"({"name":"deeper","x":)" + nested(32) + "}") == 400);
    }
    emulator second = start();  // the old store refused to start: "too deep"
    boost::json::parse_options options;
    options.max_depth = 64;
    auto answer = a->call(second, "GET", "/buckets/" + bucket);
    BOOST_REQUIRE(answer);
    BOOST_REQUIRE(answer->status == 200);
    BOOST_TEST(json::serialize(json::parse(answer->body, {}, options).at("x")) == nested(31));
}

// A full disk: the failing commit is answered 503, nothing of its request
// stays (in memory or in the file), and the file is still readable and
// writable once the disk has room again.
BOOST_FIXTURE_TEST_CASE(a_failed_commit_is_not_acknowledged_and_nothing_of_it_stays, restarts) {
    no_failure_after disarm;
    std::string kept;
    {
        emulator first = start();
        a.emplace(first);
        kept = a->create_bucket(first, "kept");

        wh::emulation::fail_commit(1);
        BOOST_TEST(a->status(first, "POST", "/buckets", R"({"name":"lost"})") == 503);
        BOOST_TEST(a->buckets(first) == 1u);  // not in memory

        // A change to a record: the record stays as committed, and a later
        // commit does not carry the failed change along.
        wh::emulation::fail_commit(1);
        BOOST_TEST(a->status(first, "PUT", "/buckets/" + kept, R"({"name":"renamed"})") == 503);
        BOOST_TEST(str(a->get(first, "/buckets/" + kept), "name") == "kept");
        a->create_bucket(first, "after");
        BOOST_TEST(a->buckets(first) == 2u);
    }
    emulator second = start();
    const json::value buckets = a->get(second, "/buckets");
    BOOST_REQUIRE(buckets.as_array().size() == 2u);
    BOOST_TEST(str(buckets.at(0), "name") == "kept");
    BOOST_TEST(str(buckets.at(1), "name") == "after");
}

BOOST_AUTO_TEST_CASE(a_second_emulator_on_the_same_data_file_refuses_to_start) {
    data_file file;
    emulator first{{.data_file = file.path}};
    account a(first);
    try {
        emulator second{{.data_file = file.path}};
        BOOST_FAIL("a second emulator started on a data file in use");
    } catch (const std::runtime_error& e) {
        BOOST_TEST(std::string(e.what()).find(file.path.string()) != std::string::npos, e.what());
        BOOST_TEST(std::string(e.what()).find("in use") != std::string::npos, e.what());
    }
    BOOST_TEST(a.buckets(first) == 0u);  // the first goes on
    a.create_bucket(first, "b");
}

// After a restart (the old store then wrote every record a read touched).
BOOST_FIXTURE_TEST_CASE(reads_never_write_the_data_file, restarts) {
    std::string bucket;
    {
        emulator first = start();
        a.emplace(first);
        bucket = a->create_bucket(first, "b");
        a->create_bucket(first, "c");
    }
    emulator second = start();
    const std::string wal = file.path.string() + "-wal";
    const std::string before = contents(file.path) + contents(wal);
    for (int i = 0; i < 3; ++i) {
        a->get(second, "/buckets");
        a->get(second, "/buckets/" + bucket);
        a->get(second, "");
        a->get(second, "/users");
        a->get(second, "/log");
    }
    BOOST_TEST((contents(file.path) + contents(wal) == before));
}

BOOST_AUTO_TEST_CASE(reading_the_store_changes_no_row) {
    namespace em = wh::emulation;
    em::store s;
    const std::string account = s.insert("account", "AC", "", "", {{"name", "a"}}).fields.at("id").as_string().c_str();
    s.insert("bucket", "BU", account, account, {{"name", "b"}});
    s.commit();
    const long long written = s.total_changes();
    BOOST_TEST(written == 2);
    BOOST_REQUIRE(s.find(account));
    BOOST_TEST(s.children(account, "bucket").size() == 1u);
    s.commit();
    BOOST_TEST(s.total_changes() == written);
    s.find(account)->fields["name"] = "changed";
    s.commit();
    BOOST_TEST(s.total_changes() == written + 1);
}

BOOST_AUTO_TEST_CASE(a_rollback_restores_changed_inserted_and_erased_records_in_order) {
    namespace em = wh::emulation;
    em::store s;
    const std::string account(s.insert("account", "AC", "", "", {}).fields.at("id").as_string());
    std::vector<std::string> buckets;
    for (const char* name : {"a", "b", "c"})
        buckets.emplace_back(s.insert("bucket", "BU", account, account, {{"name", name}}).fields.at("id").as_string());
    s.commit();
    s.erase(buckets[1]);
    s.find(buckets[0])->fields["name"] = "changed";
    s.insert("bucket", "BU", account, account, {{"name", "new"}});
    s.rollback();
    std::vector<std::string> names;
    for (const em::record* b : s.read_children(account, "bucket")) names.emplace_back(b->fields.at("name").as_string());
    BOOST_TEST(names == (std::vector<std::string>{"a", "b", "c"}), boost::test_tools::per_element());
}

// A data file of the journal format (webhooksio-emulator/1): a snapshot
// line, a put, an erase and a line torn by a crash. Its records become the
// database's; its text stays next to it.
BOOST_AUTO_TEST_CASE(a_journal_data_file_is_imported_on_first_start) {
    data_file file;
    const std::string account_id = "AC00000000000000000000000000000001";
    auto bucket_record = [&](const std::string& id, const std::string& name) {
        return R"({"id":")" + id + R"(","kind":"bucket","parent":")" + account_id + R"(","account":")" + account_id +
               R"(","fields":{"id":")" + id + R"(","name":")" + name + R"(","account_id":")" + account_id +
               R"("},"hidden":{}})";
    };
    std::ofstream(file.path, std::ios::binary)
        << R"({"format":"webhooksio-emulator/1","records":[{"id":")" << account_id
        << R"(","kind":"account","parent":"","account":")" << account_id << R"(","fields":{"id":")" << account_id
        << R"(","name":"imported"},"hidden":{"api_key":"key_imported"}},)" << bucket_record("BU1", "one") << ","
        << bucket_record("BU2", "two") << "]}\n"
        << R"({"put":)" << bucket_record("BU3", "three") << "}\n"
        << R"({"erase":"BU2"})" << "\n"
        << R"({"put":{"id":"BU)";
    const std::string journal = contents(file.path);
    const account a("key_imported", account_id);
    for (int start = 0; start < 2; ++start) {  // imported, then read as a database
        emulator server{{.data_file = file.path}};
        const json::value buckets = a.get(server, "/buckets");
        BOOST_REQUIRE(buckets.as_array().size() == 2u + start);  // and "four", made after the import
        BOOST_TEST(str(buckets.at(0), "name") == "one");
        BOOST_TEST(str(buckets.at(1), "name") == "three");
        BOOST_TEST(contents(file.path).starts_with(std::string("SQLite format 3\0", 16)));
        if (start == 0) a.create_bucket(server, "four");
    }
    BOOST_TEST(!std::filesystem::exists(file.path.string() + "-wal"));  // folded back at the stop
    BOOST_TEST(contents(file.path.string() + ".journal") == journal);
}

// kill -9 of the emulator program while 4 writers create buckets: every
// bucket it acknowledged (201) is there after the restart.
BOOST_AUTO_TEST_CASE(kill_9_under_4_writers_loses_no_acknowledged_write) {
    data_file file;
    int output[2];
    BOOST_REQUIRE(::pipe(output) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, output[1], 1);
    posix_spawn_file_actions_addclose(&actions, output[0]);
    std::string program = WEBHOOKSIO_EMULATOR_PROGRAM, data = file.path.string();
    std::string port_option = "--port", zero = "0", data_option = "--data";
    char* argv[] = {program.data(), port_option.data(), zero.data(), data_option.data(), data.data(), nullptr};
    pid_t pid = 0;
    BOOST_REQUIRE(::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv, environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    ::close(output[1]);
    // "webhooksio-emulator listening on http://127.0.0.1:PORT, state in FILE"
    std::string line;
    for (char c; line.find('\n') == std::string::npos && ::read(output[0], &c, 1) == 1;) line += c;
    ::close(output[0]);
    const std::size_t colon = line.rfind(':', line.find(','));
    BOOST_REQUIRE(colon != std::string::npos);
    const int port = std::stoi(line.substr(colon + 1));

    wh::client anonymous{"none", {.base_url = "http://127.0.0.1:" + std::to_string(port)}};
    const json::value session = anonymous.register_account(
        {.first_name = "K", .last_name = "K", .email_address = "k@example.com", .password = "pw-1",
         .plan_id = wh::plan_id{"free"}, .invite_code = "i", .password_confirm = "pw-1"});
    const account a(str(session, "api_token"), str(session, "account_id"));

    std::mutex mutex;
    std::condition_variable enough;
    std::vector<std::string> acknowledged;
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w)
        writers.emplace_back([&] {
            httplib::Client http("127.0.0.1", port);
            http.set_read_timeout(std::chrono::seconds(10));
            const httplib::Headers headers{{"Authorization", "Bearer " + a.key}};
            for (int i = 0; i < 500; ++i) {  // bounded; ends at the kill
                auto answer = http.Post("/v1/accounts/" + a.id + "/buckets", headers, R"({"name":"k"})", "application/json");
                if (!answer || answer->status != 201) return;
                std::lock_guard lock(mutex);
                acknowledged.push_back(str(json::parse(answer->body), "id"));
                enough.notify_all();
            }
        });
    {
        std::unique_lock lock(mutex);
        enough.wait_for(lock, std::chrono::seconds(60), [&] { return acknowledged.size() >= 100; });
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    for (auto& writer : writers) writer.join();
    BOOST_TEST_MESSAGE(acknowledged.size() << " acknowledged before the kill");
    BOOST_REQUIRE(!acknowledged.empty());

    emulator second{{.data_file = file.path}};
    std::set<std::string> kept;
    const json::value buckets = a.get(second, "/buckets");
    for (const auto& bucket : buckets.as_array()) kept.insert(str(bucket, "id"));
    for (const auto& id : acknowledged) BOOST_TEST(kept.contains(id), id << " was acknowledged and lost");
}
