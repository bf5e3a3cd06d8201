// One delivery attempt on the wire (outbound.hpp).
#include "outbound.hpp"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <netdb.h>

#include <httplib.h>
#include <webhooksio/http_syntax.hpp>

#include "endpoint_url.hpp"

namespace webhooksio::emulation {

bool is_http_method(std::string_view method) {
    static constexpr std::array<std::string_view, 7> known{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};
    return std::ranges::find(known, method) != known.end();
}

std::optional<std::string> unsafe_header_reason(std::string_view name, std::string_view value) {
    if (name.empty()) return "an empty header name";
    if (!is_http_token(name)) return "the header name \"" + std::string(name) + "\" is not a token";
    if (!is_http_field_value(value))
        return "the value of header " + std::string(name) + " holds a control character such as CR, LF or NUL";
    return std::nullopt;
}

namespace {

constexpr std::chrono::milliseconds max_connect_time{3000};

// Why `out` must not be sent, if it must not: every header and the method
// are checked here, in one place, whatever they were made from.
std::optional<std::string> refusal(const outbound_request& out) {
    if (!is_http_method(out.method)) return "the method is not an HTTP method the emulator sends";
    for (const auto& [name, value] : out.headers)
        if (auto reason = unsafe_header_reason(name, value)) return reason;
    if (!out.content_type.empty())
        if (auto reason = unsafe_header_reason("Content-Type", out.content_type)) return reason;
    return std::nullopt;
}

// Stops `client` at `deadline` or when `stop` is requested, unless the attempt
// is over first: httplib bounds each read, this bounds the attempt as a whole.
class watchdog {
public:
    watchdog(httplib::Client& client, std::chrono::steady_clock::time_point deadline, std::stop_token stop)
        : thread_([this, &client, deadline, stop] {
              std::unique_lock lock(mutex_);
              if (changed_.wait_until(lock, stop, deadline, [this] { return done_; })) return;
              fired_ = true;
              // Stopping before the socket exists does nothing: repeat until the attempt ends.
              while (!done_) {
                  client.stop();
                  changed_.wait_for(lock, std::chrono::milliseconds(20), [this] { return done_; });
              }
          }) {}

    ~watchdog() {
        {
            std::lock_guard lock(mutex_);
            done_ = true;
        }
        changed_.notify_all();
        thread_.join();
    }

    bool fired() {
        std::lock_guard lock(mutex_);
        return fired_;
    }

private:
    std::mutex mutex_;
    std::condition_variable_any changed_;
    bool done_ = false;
    bool fired_ = false;
    std::thread thread_;  // last: it starts once the rest is ready
};

// Whether `host` resolves to an address (a literal address always does).
bool resolves(const std::string& host) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const bool ok = getaddrinfo(host.c_str(), nullptr, &hints, &found) == 0;
    if (found) freeaddrinfo(found);
    return ok;
}

std::string address_of(const endpoint_url& to) { return to.host + ":" + std::to_string(to.port); }

std::string timeout_words(const endpoint_url& to, std::chrono::milliseconds timeout) {
    return "timed out waiting for " + address_of(to) + ": the attempt took longer than the delivery_timeout (" +
           std::to_string(timeout.count()) + " ms)";
}

// What went wrong with an attempt to `to` that took `elapsed`, in words that
// name the address: "connection refused by 127.0.0.1:1". httplib reports a
// name that does not resolve as it reports a refused connection, so that case
// looks the name up again to tell them apart; and a read that timed out as
// any failed read, so the time taken tells them apart.
std::string failure_words(httplib::Error error, const endpoint_url& to, std::chrono::milliseconds timeout,
                          std::chrono::steady_clock::duration elapsed) {
    const std::string address = address_of(to);
    switch (error) {
        case httplib::Error::Connection:
            if (!resolves(to.host)) return "the host name " + to.host + " does not resolve (DNS lookup failed)";
            return "connection refused by " + address;
        case httplib::Error::ConnectionTimeout:
            return "timed out connecting to " + address;
        case httplib::Error::Read:
            if (elapsed >= timeout) return timeout_words(to, timeout);
            return "the connection to " + address + " ended before a complete answer";
        case httplib::Error::SSLConnection:
            return "TLS handshake with " + address + " failed (is it an https server?)";
        case httplib::Error::SSLServerVerification:
            return "the TLS certificate of " + address + " did not verify";
        default:
            return httplib::to_string(error) + " (" + address + ")";
    }
}

}  // namespace

outbound_result send_outbound(const outbound_request& out, std::chrono::milliseconds timeout, std::stop_token stop) {
    const auto started = std::chrono::steady_clock::now();
    outbound_result result;
    auto finish = [&] {
        result.duration_ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
        return result;
    };
    const std::optional<endpoint_url> target = parse_endpoint_url(out.url);
    if (!target) {
        result.error = "the endpoint_url is not an http(s) URL";
        return finish();
    }
    if (auto reason = refusal(out)) {
        result.error = "not sent: " + *reason;
        result.refused = true;
        return finish();
    }
    httplib::Client client(target->scheme + "://" + target->host + ":" + std::to_string(target->port));
    client.set_tcp_nodelay(true);
    // Stopping can't interrupt a connect under way (httplib has no socket yet
    // to shut down), so connecting gets at most a few seconds of the attempt.
    client.set_connection_timeout(std::min<std::chrono::milliseconds>(timeout, max_connect_time));
    client.set_read_timeout(timeout);
    client.set_write_timeout(timeout);
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
    client.enable_server_certificate_verification(out.verify_tls);
#endif
    httplib::Request request;
    request.method = out.method;
    request.path = target->target;
    for (const auto& [name, value] : out.headers) request.headers.emplace(name, value);
    if (!out.content_type.empty()) request.headers.emplace("Content-Type", out.content_type);
    request.body = out.body;
    // The answer's status as soon as its head is in; of its body, only the
    // start the log keeps is read (reading stops there, the rest is dropped).
    request.response_handler = [&](const httplib::Response& head) {
        result.status = head.status;
        return true;
    };
    request.content_receiver = [&](const char* data, std::size_t size, std::uint64_t, std::uint64_t) {
        result.body.append(data, std::min(size, kept_response_bytes - result.body.size()));
        return result.body.size() < kept_response_bytes;
    };
    watchdog guard(client, started + timeout, stop);
    auto answer = client.send(request);
    if (guard.fired()) {
        result.status = 0;
        result.error = stop.stop_requested() ? "cancelled: the emulator is stopping" : timeout_words(*target, timeout);
    } else if (!answer && result.status == 0) {
        result.error = failure_words(answer.error(), *target, timeout, std::chrono::steady_clock::now() - started);
    }
    return finish();
}

}  // namespace webhooksio::emulation
