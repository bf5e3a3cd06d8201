// One delivery attempt on the wire: an outgoing message sent by HTTP(S) to
// the endpoint URL a destination names, and what came back.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <httplib.h>

#include "../../detail/base_url.hpp"

namespace webhooksio::detail::emulation {

struct outbound_request {
    std::string url;     // the destination's endpoint_url
    std::string method;  // "POST", ...
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string content_type;
    bool verify_tls = true;
};

struct outbound_result {
    int status = 0;      // 0: no HTTP answer
    std::string body;    // the start of the answer's body
    std::string error;   // why there was no answer
    long long duration_ms = 0;
};

inline outbound_result send_outbound(const outbound_request& out, std::chrono::milliseconds timeout) {
    const auto started = std::chrono::steady_clock::now();
    outbound_result result;
    auto finish = [&] {
        result.duration_ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
        return result;
    };
    const std::string_view url = out.url;
    const std::size_t query = url.find('?');
    auto base = parse_base_url(url.substr(0, query));
    if (!base) {
        result.error = "the endpoint_url is not an http(s) URL";
        return finish();
    }
    httplib::Client client(base->scheme + "://" + base->host + ":" + std::to_string(base->port));
    client.set_tcp_nodelay(true);
    client.set_connection_timeout(timeout);
    client.set_read_timeout(timeout);
    client.set_write_timeout(timeout);
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
    client.enable_server_certificate_verification(out.verify_tls);
#endif
    httplib::Request request;
    request.method = out.method;
    request.path = (base->path.empty() ? std::string("/") : base->path) +
                   (query == std::string_view::npos ? std::string() : std::string(url.substr(query)));
    for (const auto& [name, value] : out.headers) request.headers.emplace(name, value);
    if (!out.content_type.empty()) request.headers.emplace("Content-Type", out.content_type);
    request.body = out.body;
    auto answer = client.send(request);
    if (!answer) {
        result.error = httplib::to_string(answer.error());
        return finish();
    }
    result.status = answer->status;
    result.body = answer->body.substr(0, 2048);  // the log keeps the start, as the API's does
    return finish();
}

}  // namespace webhooksio::detail::emulation
