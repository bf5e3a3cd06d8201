// One delivery attempt on the wire: an outgoing message sent by HTTP(S) to
// the endpoint URL a destination names, and what came back.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace webhooksio::emulation {

// The header every delivery carries: how many times its content has passed
// through an emulator, this delivery included. The gateway reads it to end
// delivery loops (emulator_options::max_hops).
inline constexpr std::string_view hops_header = "Webhooksio-Hops";

struct outbound_request {
    std::string url;     // the destination's endpoint_url
    std::string method;  // "POST", ...
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string content_type;
    bool verify_tls = true;
    unsigned hops = 1;  // sent as hops_header, whatever the headers say
};

struct outbound_result {
    int status = 0;      // 0: no HTTP answer
    std::string body;    // the start of the answer's body (at most kept_response_bytes)
    std::string error;   // why there was no answer
    bool refused = false;  // not sent: a header or the method was unsafe
    long long duration_ms = 0;
};

// How much of a destination's answer is read and kept: the rest is never read.
inline constexpr std::size_t kept_response_bytes = 2048;

// Is `method` an HTTP method the emulator sends (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS)?
bool is_http_method(std::string_view method);

// What makes a header name or value unsafe on the wire (a name that is not
// an RFC 9110 token, a value with CR, LF, NUL or another control character),
// or nothing when it is safe.
std::optional<std::string> unsafe_header_reason(std::string_view name, std::string_view value);

// Sends `out`, the whole attempt (connect, send, answer) within `timeout`, or
// until `stop` is requested. A request with an unsafe header or method is not
// sent: its result names the reason.
outbound_result send_outbound(const outbound_request& out, std::chrono::milliseconds timeout, std::stop_token stop = {});

}  // namespace webhooksio::emulation
