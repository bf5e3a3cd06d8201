// Everything a client can be told at construction.
#pragma once

#include <chrono>
#include <string>

namespace webhooksio {

struct client_options {
    // Scheme, host, optional port and optional path prefix of the API.
    std::string base_url = "https://api.webhooks.io";
    // Appended to "webhooksio-cpp/<version>" in the User-Agent header.
    std::string user_agent_suffix;
    // Send the API key as the `_token` query parameter instead of an
    // Authorization header (the API accepts both).
    bool token_in_query = false;

    std::chrono::milliseconds connect_timeout = std::chrono::seconds(10);
    std::chrono::milliseconds read_timeout = std::chrono::seconds(30);

    // TLS: certificates are verified unless this is turned off explicitly.
    bool verify_tls = true;
    // A CA bundle file to trust instead of the system's.
    std::string ca_bundle_path;
};

}  // namespace webhooksio
