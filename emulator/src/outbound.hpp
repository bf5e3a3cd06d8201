// One delivery attempt on the wire: an outgoing message sent by HTTP(S) to
// the endpoint URL a destination names, and what came back.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>


namespace webhooksio::emulation {

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

// Sends `out` (every step within `timeout`) and notes what came back.
outbound_result send_outbound(const outbound_request& out, std::chrono::milliseconds timeout);

}  // namespace webhooksio::emulation
