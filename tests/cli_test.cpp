// The command-line tool, run as a child process against a real server on
// 127.0.0.1: its help comes from the table, its flags become the request the
// library would send, and bad input is refused with nothing sent.
#define BOOST_TEST_MODULE cli
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <webhooksio/webhooksio.hpp>

#include "support/loopback_server.hpp"
#include "support/wire_cases.hpp"

namespace json = boost::json;
using test_support::loopback_server;

namespace {

constexpr const char* key = "CLI-SECRET-0123";

// A file the child writes to and we read back: unlinked at once, so nothing
// is left behind.
class capture_file {
public:
    capture_file() {
        char name[] = "/tmp/webhooksio_cli_test_XXXXXX";
        fd_ = mkstemp(name);
        if (fd_ < 0) throw std::runtime_error("capture_file: mkstemp failed");
        unlink(name);
    }
    ~capture_file() { close(fd_); }
    int fd() const { return fd_; }

    // Writes `text` and rewinds, for the child to read it.
    void fill(std::string_view text) {
        for (std::size_t written = 0; written < text.size();) {
            const ssize_t n = write(fd_, text.data() + written, text.size() - written);
            if (n <= 0) throw std::runtime_error("capture_file: write failed");
            written += std::size_t(n);
        }
        lseek(fd_, 0, SEEK_SET);
    }

    std::string text() const {
        std::string all;
        char chunk[4096];
        lseek(fd_, 0, SEEK_SET);
        for (ssize_t n; (n = read(fd_, chunk, sizeof chunk)) > 0;) all.append(chunk, std::size_t(n));
        return all;
    }

private:
    int fd_ = -1;
};

struct cli_result {
    int exit_code = -1;
    std::string out;
    std::string err;
};

using environment = std::map<std::string, std::string>;

// Runs the built CLI with `args`, exactly the environment `env` and `input`
// on its stdin, and waits for it to exit.
cli_result run_cli(const std::vector<std::string>& args, const environment& env, std::string_view input = {}) {
    std::vector<std::string> env_strings;
    for (const auto& [name, value] : env) env_strings.push_back(name + '=' + value);
    std::vector<char*> argv{const_cast<char*>(WEBHOOKSIO_CLI_PATH)};
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (auto& entry : env_strings) envp.push_back(entry.data());
    envp.push_back(nullptr);

    capture_file in, out, err;
    in.fill(input);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.fd(), STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out.fd(), STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err.fd(), STDERR_FILENO);
    pid_t child = 0;
    const int spawned = posix_spawn(&child, WEBHOOKSIO_CLI_PATH, &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    BOOST_REQUIRE_MESSAGE(spawned == 0, "cannot start " WEBHOOKSIO_CLI_PATH);
    int status = 0;
    BOOST_REQUIRE(waitpid(child, &status, 0) == child);
    BOOST_REQUIRE_MESSAGE(WIFEXITED(status), "the CLI did not exit normally");

    cli_result result{WEXITSTATUS(status), out.text(), err.text()};
    // Whatever happened, the key never reaches the terminal.
    BOOST_TEST(result.out.find(key) == std::string::npos);
    BOOST_TEST(result.err.find(key) == std::string::npos);
    return result;
}

environment env_for(const loopback_server& server) {
    return {{"WEBHOOKSIO_API_KEY", key}, {"WEBHOOKSIO_BASE_URL", server.base_url()}};
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// The help entry of a flag, "  --name TEXT   (required) Name for the bucket.",
// with the text of a long flag joined from its next line.
std::string line_of(const std::string& help, const std::string& flag) {
    std::istringstream lines(help);
    for (std::string line; std::getline(lines, line);) {
        if (!line.starts_with("  " + flag + ' ')) continue;
        if (std::string next; lines.peek() == ' ' && std::getline(lines, next) && next.starts_with("    "))
            line += ' ' + next.substr(next.find_first_not_of(' '));
        return line;
    }
    return {};
}

std::string flag_of(std::string_view name) {
    std::string flag = "--" + std::string(name);
    for (char& c : flag)
        if (c == '_') c = '-';
    return flag;
}

void reply_with(loopback_server& server, int status, std::string body, std::string type = "application/json") {
    server.set_reply([=](const httplib::Request&, httplib::Response& response) {
        response.status = status;
        response.set_content(body, type.c_str());
    });
}

std::string header(const httplib::Headers& headers, const std::string& name) {
    auto it = headers.find(name);
    return it == headers.end() ? std::string("<absent>") : it->second;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(help)

BOOST_AUTO_TEST_CASE(the_overview_lists_every_endpoint_with_its_summary) {
    const auto r = run_cli({"--help"}, {});
    BOOST_TEST(r.exit_code == 0);
    std::size_t listed = 0;
    webhooksio::api::for_each_endpoint([&]<class E>(std::type_identity<E>) {
        const std::string line = line_of(r.out, std::string(E::name));
        BOOST_TEST_CONTEXT(E::name) {
            BOOST_TEST(line.ends_with(std::string(E::summary)));
        }
        ++listed;
    });
    BOOST_TEST(listed == test_support::load("endpoints.json").at("endpoints").as_array().size());
    BOOST_TEST(contains(r.out, "WEBHOOKSIO_API_KEY"));
}

BOOST_AUTO_TEST_CASE(each_endpoint_help_gives_its_ids_options_descriptions_and_requirements) {
    webhooksio::api::for_each_endpoint([&]<class E>(std::type_identity<E>) {
        BOOST_TEST_CONTEXT(E::name) {
            const auto r = run_cli({"help", std::string(E::name)}, {});
            BOOST_TEST(r.exit_code == 0);
            BOOST_TEST(contains(r.out, std::string(E::summary)));
            BOOST_TEST(contains(r.out, std::string(to_string(E::method)) + ' ' + std::string(E::route)));
            const webhooksio::reflection::endpoint_info& endpoint = webhooksio::reflection::info_of<E>();
            for (std::string_view id : endpoint.ids)
                BOOST_TEST(!line_of(r.out, flag_of(id) + " ID").empty(), "no line for ID " << id);
            for (const webhooksio::option_doc& doc : E::option_docs) {
                const std::string line = line_of(r.out, flag_of(doc.name));
                BOOST_TEST(!line.empty(), "no line for " << doc.name);
                BOOST_TEST(line.ends_with(std::string(doc.description)));
            }
            for (std::string_view required : endpoint.required)
                BOOST_TEST(contains(line_of(r.out, flag_of(required.substr(0, required.find('|')))), "(required"));
        }
    });
}

BOOST_AUTO_TEST_CASE(get_bucket_help_shows_flags_types_and_descriptions) {
    const auto r = run_cli({"help", "get_bucket"}, {});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(contains(r.out, "usage: webhooksio get_bucket --account-id ID --bucket-id ID [options]"));
    BOOST_TEST(contains(line_of(r.out, "--expand"), "--expand true|false"));
    BOOST_TEST(contains(line_of(r.out, "--include-stats"), "Include the traffic summary."));
    BOOST_TEST(!contains(line_of(r.out, "--expand"), "required"));
    // --help after the endpoint says the same.
    BOOST_TEST(run_cli({"get_bucket", "--help"}, {}).out == r.out);
}

BOOST_AUTO_TEST_CASE(help_marks_required_options_and_alternatives) {
    const auto r = run_cli({"help", "get_consumer_subscription"}, {});
    BOOST_TEST(contains(line_of(r.out, "--bucket-key"), "(required)"));
    BOOST_TEST(contains(line_of(r.out, "--event-name"), "(required, or --event-type)"));
    BOOST_TEST(contains(line_of(r.out, "--event-type"), "(required, or --event-name)"));
    BOOST_TEST(contains(line_of(run_cli({"help", "create_destination"}, {}).out, "--retry-count"), "NUMBER"));
}

BOOST_AUTO_TEST_CASE(gateway_help_lists_the_webhook_flags) {
    for (const char* name : {"send_input_request", "send_dynamic_input_request", "send_consumer_webhook_request"}) {
        BOOST_TEST_CONTEXT(name) {
            const auto r = run_cli({"help", name}, {});
            BOOST_TEST(r.exit_code == 0);
            for (const char* flag : {"--payload JSON", "--raw-body TEXT|@FILE", "--content-type TYPE", "--header 'NAME: VALUE'"})
                BOOST_TEST(!line_of(r.out, flag).empty(), flag << " in:\n" << r.out);
        }
    }
    // Only the gateway calls send a webhook.
    BOOST_TEST(line_of(run_cli({"help", "get_bucket"}, {}).out, "--payload JSON").empty());
}

BOOST_AUTO_TEST_CASE(version_is_the_library_version) {
    const auto r = run_cli({"--version"}, {});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.out == std::string("webhooksio ") + WEBHOOKSIO_VERSION_STRING + "\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(calls)

BOOST_AUTO_TEST_CASE(a_call_sends_the_request_and_prints_the_answer_indented) {
    loopback_server server;
    reply_with(server, 200, R"({"id":"BU1","inputs":[{"id":"IN1"}],"empty":{}})");
    const auto r = run_cli({"get_bucket", "--account-id", "AC1", "--bucket-id", "BU1", "--expand", "true"},
                           env_for(server));
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.err.empty());
    const auto sent = server.last();
    BOOST_TEST(sent.method == "GET");
    BOOST_TEST(sent.target == "/v1/accounts/AC1/buckets/BU1?expand=true");
    BOOST_TEST(header(sent.headers, "Authorization") == std::string("Bearer ") + key);
    BOOST_TEST(json::parse(r.out) == json::parse(R"({"id":"BU1","inputs":[{"id":"IN1"}],"empty":{}})"));
    BOOST_TEST(r.out == "{\n  \"id\": \"BU1\",\n  \"inputs\": [\n    {\n      \"id\": \"IN1\"\n    }\n  ],\n"
                        "  \"empty\": {}\n}\n");
}

BOOST_AUTO_TEST_CASE(values_become_json_by_the_type_of_their_option) {
    loopback_server server;
    const auto r = run_cli({"create_destination", "--account-id", "AC1", "--input-id", "IN1", "--name", "Slack",
                            "--endpoint-url", "http://127.0.0.1:9/hook", "--retry-count", "3", "--verify-ssl", "false",
                            "--alert-on-failure", "a@x.io,b@x.io", "--extra", "description=from the CLI",
                            "--extra", R"(weights=[1,2])"},
                           env_for(server));
    BOOST_TEST(r.exit_code == 0, r.err);
    const auto sent = server.last();
    BOOST_TEST(sent.method == "POST");
    BOOST_TEST(sent.target == "/v1/accounts/AC1/inputs/IN1/destinations");
    // The same body the typed call sends: lists comma-joined, numbers and flags as JSON.
    BOOST_TEST(json::parse(sent.body) == json::parse(R"({"name":"Slack","endpoint_url":"http://127.0.0.1:9/hook",
        "retry_count":3,"verify_ssl":false,"alert_on_failure":"a@x.io,b@x.io","description":"from the CLI",
        "weights":[1,2]})"));
}

BOOST_AUTO_TEST_CASE(json_options_are_parsed_and_flags_win_over_the_environment) {
    loopback_server server;
    // Were the environment used, the call would go to a closed port and fail.
    const environment env{{"WEBHOOKSIO_API_KEY", "ENV-KEY"}, {"WEBHOOKSIO_BASE_URL", "http://127.0.0.1:1"}};
    const auto r = run_cli({"create_application_version", "--account_id=AC1", "--application-id", "AP1", "--key", "v1",
                            "--release-date", "2026-11-27", "--version-json", R"({"events":["a"]})",
                            "--examples-json", "[]", "--active", "true", "--base-url", server.base_url(),
                            "--api-key", key},
                           env);
    BOOST_TEST(r.exit_code == 0, r.err);
    const auto sent = server.last();
    BOOST_TEST(sent.target == "/v1/accounts/AC1/applications/AP1/versions");
    BOOST_TEST(header(sent.headers, "Authorization") == std::string("Bearer ") + key);
    BOOST_TEST(json::parse(sent.body) == json::parse(R"({"key":"v1","release_date":"2026-11-27",
        "version_json":{"events":["a"]},"examples_json":[],"active":true})"));
}

BOOST_AUTO_TEST_CASE(an_endpoint_without_ids_and_a_head_check_work_too) {
    loopback_server server;
    BOOST_TEST(run_cli({"health_check"}, env_for(server)).exit_code == 0);
    BOOST_TEST(server.last().target == "/v1/health");
    const auto head = run_cli({"check_input_gateway", "--input-name", "orders", "--input-id", "IN 1"}, env_for(server));
    BOOST_TEST(head.exit_code == 0, head.err);
    BOOST_TEST(server.last().method == "HEAD");
    BOOST_TEST(server.last().target == "/v1/orders/IN%201");
    BOOST_TEST(head.out == "null\n");
}

BOOST_AUTO_TEST_CASE(an_api_error_prints_its_status_and_body_without_the_key) {
    loopback_server server;
    reply_with(server, 404, std::string(R"({"message":"Bucket not found","seen_key":")") + key + "\"}");
    const auto r = run_cli({"get_bucket", "--account-id", "AC1", "--bucket-id", "BU9"}, env_for(server));
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(r.out.empty());
    BOOST_TEST(contains(r.err, "HTTP 404: Bucket not found"));
    BOOST_TEST(contains(r.err, "HTTP status 404, body:"));
    BOOST_TEST(contains(r.err, "\"seen_key\": \"[redacted]\""));
}

BOOST_AUTO_TEST_CASE(a_raw_body_that_echoes_the_key_reaches_stderr_without_it) {
    loopback_server server;
    for (const char* type : {"text/plain", "text/html"}) {
        reply_with(server, 401, std::string("<p>bad key ") + key + "</p>", type);
        const auto r = run_cli({"get_plans"}, env_for(server));
        BOOST_TEST(r.exit_code == 1);
        BOOST_TEST(contains(r.err, "<p>bad key [redacted]</p>"), r.err);
    }
    // JSON-escaped ("\u0043" is "C") in a 2xx body that is not JSON.
    reply_with(server, 200, R"({"echo":"\u0043LI-SECRET)");
    const auto r = run_cli({"get_plans"}, env_for(server));
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(!contains(r.err, "u0043LI-SECRET"), r.err);
}

BOOST_AUTO_TEST_CASE(an_error_body_that_is_not_json_is_printed_as_is) {
    loopback_server server;
    reply_with(server, 502, "upstream down", "text/plain");
    const auto r = run_cli({"get_plans"}, env_for(server));
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(contains(r.err, "HTTP status 502, body:\nupstream down"));
}

BOOST_AUTO_TEST_SUITE_END()

// Arguments the CLI refuses, and what its message says.
struct bad_case {
    std::vector<std::string> args;
    std::string says;
};

BOOST_AUTO_TEST_SUITE(webhooks)

const std::vector<std::string> gateway_call{"send_input_request", "--input-name", "orders", "--input-id", "IN1"};

std::vector<std::string> gateway_call_with(std::vector<std::string> more) {
    std::vector<std::string> args = gateway_call;
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

BOOST_AUTO_TEST_CASE(a_payload_is_the_whole_body_with_its_headers) {
    loopback_server server;
    reply_with(server, 200, R"({"incoming_message_id":"IM1","outgoing_message_ids":["OM1"]})");
    const auto r = run_cli(gateway_call_with({"--payload", R"({"type":"order.paid","items":[1,2]})", "--header",
                                              "X-Event: order.paid", "--header", "X-Trace:abc  "}),
                           env_for(server));
    BOOST_TEST(r.exit_code == 0, r.err);
    const auto sent = server.last();
    BOOST_TEST(sent.method == "POST");
    BOOST_TEST(sent.target == "/v1/orders/IN1");
    BOOST_TEST(json::parse(sent.body) == json::parse(R"({"type":"order.paid","items":[1,2]})"));
    BOOST_TEST(header(sent.headers, "Content-Type") == "application/json");
    BOOST_TEST(header(sent.headers, "X-Event") == "order.paid");
    BOOST_TEST(header(sent.headers, "X-Trace") == "abc");
    BOOST_TEST(json::parse(r.out).at("incoming_message_id") == "IM1");
}

BOOST_AUTO_TEST_CASE(a_raw_body_is_sent_as_given_from_text_or_a_file) {
    loopback_server server;
    const auto text = run_cli(gateway_call_with({"--raw-body", "a=1&b=two", "--content-type",
                                                 "application/x-www-form-urlencoded"}),
                              env_for(server));
    BOOST_TEST(text.exit_code == 0, text.err);
    BOOST_TEST(server.last().body == "a=1&b=two");
    BOOST_TEST(header(server.last().headers, "Content-Type") == "application/x-www-form-urlencoded");

    char name[] = "/tmp/webhooksio_cli_body_XXXXXX";
    const int fd = mkstemp(name);
    BOOST_REQUIRE(fd >= 0);
    const std::string xml = "<order id=\"7\">\n  <paid/>\n</order>\n";
    BOOST_REQUIRE(write(fd, xml.data(), xml.size()) == ssize_t(xml.size()));
    close(fd);
    const auto file = run_cli(gateway_call_with({"--raw-body", std::string("@") + name}), env_for(server));
    unlink(name);
    BOOST_TEST(file.exit_code == 0, file.err);
    BOOST_TEST(server.last().body == xml);
    BOOST_TEST(header(server.last().headers, "Content-Type") == "text/plain");
}

BOOST_AUTO_TEST_CASE(a_bad_webhook_is_refused_and_nothing_is_sent) {
    const std::vector<bad_case> cases{
        {gateway_call_with({"--header", "X-Event order.paid"}), "--header takes 'NAME: VALUE'"},
        {gateway_call_with({"--header", "X Event: a"}), "header name \"X Event\" is not an HTTP token"},
        {gateway_call_with({"--header", std::string("X-Event: a\r\nX-Injected: b")}), "header X-Event holds a control character"},
        {gateway_call_with({"--header", "Authorization: Bearer other"}), "header Authorization is the library's to set"},
        {gateway_call_with({"--payload", "{bad"}), "--payload takes JSON"},
        {gateway_call_with({"--payload", "{}", "--raw-body", "x"}), "payload and raw_body are both set"},
        {gateway_call_with({"--payload", "{}", "--extra", "type=a"}), "extra is set along with the webhook's body"},
        {gateway_call_with({"--content-type", "text/xml"}), "content_type is raw_body's: set raw_body too"},
        {gateway_call_with({"--raw-body", "@/nonexistent/body.xml"}), "cannot read the file \"/nonexistent/body.xml\""},
        {{"get_bucket", "--account-id", "AC1", "--bucket-id", "BU1", "--payload", "{}"},
         "--payload gives a webhook, which only the gateway calls send"},
    };
    loopback_server server;
    for (const bad_case& c : cases) {
        BOOST_TEST_CONTEXT("expecting: " << c.says) {
            const auto r = run_cli(c.args, env_for(server));
            BOOST_TEST(r.exit_code == 2);
            BOOST_TEST(contains(r.err, c.says), r.err);
            BOOST_TEST(r.out.empty());
        }
    }
    BOOST_TEST(server.requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(bad_input)

BOOST_AUTO_TEST_CASE(is_refused_with_a_clear_message_and_nothing_is_sent) {
    const std::vector<std::string> ids{"--account-id", "AC1", "--bucket-id", "BU1"};
    const auto with_ids = [&](std::vector<std::string> more) {
        std::vector<std::string> args{"get_bucket"};
        args.insert(args.end(), ids.begin(), ids.end());
        args.insert(args.end(), more.begin(), more.end());
        return args;
    };
    const std::vector<bad_case> cases{
        {{"get_bukket"}, "unknown endpoint \"get_bukket\""},
        {{"help", "get_bukket"}, "unknown endpoint \"get_bukket\""},
        {{"get_bucket", "--account-id", "AC1"}, "get_bucket: --bucket-id ID is missing"},
        {{"create_bucket", "--account-id", "AC1"}, "missing required option(s): name"},
        {{"get_consumer_subscription", "--account-id", "A", "--application-id", "B", "--consumer-id", "C",
          "--bucket-key", "k"},
         "missing required option(s): event_name|event_type"},
        {with_ids({"--colour", "red"}), "get_bucket: no option --colour"},
        {with_ids({"--expand", "yes"}), "--expand takes true|false, not \"yes\""},
        {with_ids({"--expand", "true", "--expand", "false"}), "option expand is given twice"},
        {with_ids({"--expand", "true", "--extra", "expand=false"}), "option expand is given twice"},
        {with_ids({"--extra", "expand"}), "--extra takes NAME=VALUE"},
        {with_ids({"--expand"}), "--expand needs a value"},
        {with_ids({"BU2"}), "unexpected argument \"BU2\""},
        {{"get_bucket", "--account-id=", "--bucket-id", "BU1"}, "--account-id is empty"},
        {{"get_bucket", "--account-id", "A", "--bucket-id", "B", "--account-id", "C"}, "--account-id is given twice"},
        {{"get_bucket", "--account-id", ".", "--bucket-id", "BU1"}, "ID :account_id is empty, \".\""},
        {{"get_outgoing_message_attempt", "--account-id", "AC1", "--attempt-id", "AT1", "--x", "1"},
         "get_outgoing_message_attempt: no option --x"},
        {{"create_destination", "--account-id", "AC1", "--input-id", "IN1", "--name", "n", "--endpoint-url", "u",
          "--retry-count", "3x"},
         "--retry-count takes NUMBER, not \"3x\""},
        {{"create_application_version", "--account-id", "AC1", "--application-id", "AP1", "--version-json", "{bad"},
         "--version-json takes JSON"},
        {with_ids({"--base-url", "ftp://example.com"}), "base_url must look like"},
        // A key typed where an argument goes is still never printed.
        {with_ids({"--api-key", key, key}), "unexpected argument \"[redacted]\""},
    };
    loopback_server server;
    for (const bad_case& c : cases) {
        BOOST_TEST_CONTEXT(c.args.at(0) << " ... expecting: " << c.says) {
            const auto r = run_cli(c.args, env_for(server));
            BOOST_TEST(r.exit_code == 2);
            BOOST_TEST(contains(r.err, c.says), r.err);
            BOOST_TEST(r.out.empty());
        }
    }
    BOOST_TEST(server.requests().empty());
}

BOOST_AUTO_TEST_CASE(no_key_is_refused_before_sending_where_the_api_wants_one) {
    loopback_server server;
    const auto r = run_cli({"get_buckets", "--account-id", "AC1"}, {{"WEBHOOKSIO_BASE_URL", server.base_url()}});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(contains(r.err, "get_buckets needs an API key: set WEBHOOKSIO_API_KEY or pass --api-key"));
    BOOST_TEST(server.requests().empty());
}

// Sign-up, login, health, plans and the gateway are public: the routes not
// under /v1/accounts.
BOOST_AUTO_TEST_CASE(public_endpoints_need_no_key) {
    const std::vector<std::vector<std::string>> calls{
        {"health_check"},
        {"get_plans"},
        {"register_account", "--first-name", "A", "--last-name", "L", "--email-address", "a@x.io", "--password", "p",
         "--plan-id", "free", "--invite-code", "i", "--password-confirm", "p"},
        {"login", "--email-address", "a@x.io", "--password", "p"},
        {"send_input_request", "--input-name", "orders", "--input-id", "IN1"},
        {"get_gateway_auth_options", "--type", "input"},
    };
    loopback_server server;
    for (const auto& args : calls) {
        BOOST_TEST_CONTEXT(args.at(0)) {
            const auto r = run_cli(args, {{"WEBHOOKSIO_BASE_URL", server.base_url()}});
            BOOST_TEST(r.exit_code == 0, r.err);
        }
    }
    BOOST_TEST(server.requests().size() == calls.size());
}

BOOST_AUTO_TEST_CASE(a_typo_gets_the_nearest_endpoint_name) {
    for (const auto& args : std::vector<std::vector<std::string>>{{"get_bukket"}, {"help", "get_bukket"}}) {
        const auto r = run_cli(args, {});
        BOOST_TEST(r.exit_code == 2);
        BOOST_TEST(contains(r.err, "did you mean get_bucket?"), r.err);
    }
    BOOST_TEST(contains(run_cli({"creat_destinaton"}, {}).err, "did you mean create_destination?"));
    // Nothing is near enough to suggest.
    BOOST_TEST(!contains(run_cli({"frobnicate"}, {}).err, "did you mean"));
}

BOOST_AUTO_TEST_CASE(no_arguments_prints_the_usage_and_fails) {
    const auto r = run_cli({}, {});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(contains(r.err, "usage: webhooksio <endpoint>"));
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// sign-webhook and verify-webhook: the secret from the environment or a
// file, never a flag; the body from stdin.
BOOST_AUTO_TEST_SUITE(signed_webhooks)

namespace wh = webhooksio;

constexpr std::string_view secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
constexpr std::string_view body = R"({"test": 2432232314})";

environment with_secret(std::string_view text = secret) { return {{"WEBHOOKSIO_SIGNING_SECRET", std::string(text)}}; }

std::string now_seconds() {
    return std::to_string(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()).time_since_epoch().count());
}

// The secret's text without its prefix: what must never be printed.
bool shows_secret(const cli_result& r, std::string_view text = secret) {
    const std::string_view key = text.substr(text.starts_with("whsec_") ? 6 : 0);
    return contains(r.out, key) || contains(r.err, key);
}

// The reference libraries' values (Standard Webhooks' Python tests).
BOOST_AUTO_TEST_CASE(sign_webhook_prints_the_three_headers_of_the_body_on_stdin) {
    const auto r = run_cli({"sign-webhook", "--id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "--timestamp", "1614265330"},
                           with_secret(), body);
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(r.out == "webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek\nwebhook-timestamp: 1614265330\n"
                        "webhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=\n");
    BOOST_TEST(!shows_secret(r));
}

BOOST_AUTO_TEST_CASE(the_secret_may_come_from_a_file) {
    char name[] = "/tmp/webhooksio_cli_secret_XXXXXX";
    const int fd = mkstemp(name);
    BOOST_REQUIRE(fd >= 0);
    const std::string line = std::string(secret) + "\n";  // as `echo` writes it
    BOOST_REQUIRE(write(fd, line.data(), line.size()) == ssize_t(line.size()));
    close(fd);
    const auto r = run_cli({"sign-webhook", "--id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "--timestamp", "1614265330",
                            "--secret-file", name},
                           {}, body);
    unlink(name);
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(contains(r.out, "webhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=\n"));
}

BOOST_AUTO_TEST_CASE(verify_webhook_accepts_a_genuine_delivery_and_says_why_it_refuses_another) {
    const std::string timestamp = now_seconds();
    const std::string id = "msg_1";
    const std::string signature = wh::sign_webhook(wh::webhook_secret{secret}, id,
                                                   std::chrono::sys_seconds(std::chrono::seconds(std::stoll(timestamp))), body);
    auto verify = [&](std::string ts, std::string_view input, std::vector<std::string> more = {}) {
        std::vector<std::string> args{"verify-webhook", "--id", id, "--timestamp", ts, "--signature", "v1,bm9wZQ== " + signature};
        args.insert(args.end(), more.begin(), more.end());
        return run_cli(args, with_secret(), input);
    };
    const auto genuine = verify(timestamp, body);
    BOOST_TEST(genuine.exit_code == 0, genuine.err);
    BOOST_TEST(genuine.out == "verified\n");

    const auto tampered = verify(timestamp, R"({"test": 1})");
    BOOST_TEST(tampered.exit_code == 1);
    BOOST_TEST(contains(tampered.err, "verify-webhook: no webhook signature matches"), tampered.err);

    const auto old = verify("1614265330", body);
    BOOST_TEST(old.exit_code == 1);
    BOOST_TEST(contains(old.err, "too far from the current time"), old.err);

    const auto malformed = verify("yesterday", body);
    BOOST_TEST(malformed.exit_code == 1);
    BOOST_TEST(contains(malformed.err, "not a number of seconds"), malformed.err);

    // The reference signature from 2021, with a tolerance that reaches it.
    const auto reference = run_cli({"verify-webhook", "--id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "--timestamp", "1614265330",
                                    "--signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "--tolerance",
                                    "3000000000"},
                                   with_secret(), body);
    BOOST_TEST(reference.exit_code == 0, reference.err);
    for (const auto& r : {genuine, tampered, old, malformed, reference}) BOOST_TEST(!shows_secret(r));
}

// Bad input is exit status 2 with words that never quote the secret.
BOOST_AUTO_TEST_CASE(the_secret_is_never_a_flag_and_a_bad_or_missing_one_is_named_not_shown) {
    const auto as_flag = run_cli({"sign-webhook", "--id", "m", "--secret", std::string(secret)}, {}, body);
    BOOST_TEST(as_flag.exit_code == 2);
    BOOST_TEST(contains(as_flag.err, "never a flag"), as_flag.err);
    BOOST_TEST(contains(as_flag.err, "WEBHOOKSIO_SIGNING_SECRET"));
    BOOST_TEST(!shows_secret(as_flag));

    const auto none = run_cli({"sign-webhook", "--id", "m"}, {}, body);
    BOOST_TEST(none.exit_code == 2);
    BOOST_TEST(contains(none.err, "no signing secret: set WEBHOOKSIO_SIGNING_SECRET or pass --secret-file"), none.err);

    const std::string bad = "whsec_hunter2 is not base64";
    const auto invalid = run_cli({"sign-webhook", "--id", "m"}, with_secret(bad), body);
    BOOST_TEST(invalid.exit_code == 2);
    BOOST_TEST(contains(invalid.err, "signing secret is not whsec_ followed by base64"), invalid.err);
    BOOST_TEST(!shows_secret(invalid, bad));

    const auto missing = run_cli({"verify-webhook", "--id", "m", "--timestamp", now_seconds()}, with_secret(), body);
    BOOST_TEST(missing.exit_code == 2);
    BOOST_TEST(contains(missing.err, "verify-webhook: --signature is missing"), missing.err);

    const auto no_file = run_cli({"sign-webhook", "--id", "m", "--secret-file", "/nonexistent/secret"}, {}, body);
    BOOST_TEST(no_file.exit_code == 2);
    BOOST_TEST(contains(no_file.err, "cannot read the --secret-file /nonexistent/secret"), no_file.err);
}

BOOST_AUTO_TEST_SUITE_END()
