// One delivery attempt on the wire (outbound.hpp).
#include "outbound.hpp"

#include <optional>

#include <boost/url/parse.hpp>
#include <httplib.h>

#include "endpoint_url.hpp"

namespace webhooksio::emulation {

outbound_result send_outbound(const outbound_request& out, std::chrono::milliseconds timeout) {
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
    httplib::Client client(target->scheme + "://" + target->host + ":" + std::to_string(target->port));
    client.set_tcp_nodelay(true);
    client.set_connection_timeout(timeout);
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
    auto answer = client.send(request);
    if (!answer) {
        result.error = httplib::to_string(answer.error());
        return finish();
    }
    result.status = answer->status;
    result.body = answer->body.substr(0, 2048);  // the log keeps the start, as the API's does
    return finish();
}

}  // namespace webhooksio::emulation
