// Everything a client can be told at construction.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include "hooks.hpp"

namespace webhooksio {

// An HTTP proxy for every request (HTTPS goes through it with CONNECT).
struct proxy_options {
    std::string host{};  // empty: no proxy
    int port = 0;
    // Basic authentication to the proxy, when a username is given.
    std::string username{};
    std::string password{};
};

struct client_options {
    // Scheme, host, optional port and optional path prefix of the API.
    std::string base_url = "https://api.webhooks.io";
    // Appended to "webhooksio-cpp/<version>" in the User-Agent header.
    std::string user_agent_suffix{};
    // Send the API key as the `_token` query parameter instead of an
    // Authorization header (the API accepts both).
    bool token_in_query = false;

    // Per attempt: to establish the connection, and between two reads (or
    // writes) of one exchange.
    std::chrono::milliseconds connect_timeout = std::chrono::seconds(10);
    std::chrono::milliseconds read_timeout = std::chrono::seconds(30);
    // A whole call: connecting, every attempt and every wait between
    // attempts (the default covers the default retries); zero: no bound.
    std::chrono::milliseconds total_timeout = std::chrono::seconds(120);

    // TLS: certificates are verified unless this is turned off explicitly.
    bool verify_tls = true;
    // CA certificates to trust instead of the system's: a bundle file, or
    // the PEM text itself. When both are given, both are trusted.
    std::string ca_bundle_path{};
    std::string ca_bundle_pem{};
    proxy_options proxy{};

    // Retries (see retry.hpp): how many more times a failed attempt may be
    // tried, and the backoff between attempts: initial, doubling, capped,
    // with jitter. A server's Retry-After is honoured up to retry_after_limit.
    int max_retries = 2;
    std::chrono::milliseconds retry_initial_delay = std::chrono::milliseconds(500);
    std::chrono::milliseconds retry_max_delay = std::chrono::seconds(5);
    std::chrono::milliseconds retry_after_limit = std::chrono::seconds(60);
    // How the client waits before a retry; empty means
    // std::this_thread::sleep_for. Tests replace it so that they never wait.
    std::function<void(std::chrono::milliseconds)> sleep{};

    // A response body larger than this is refused (a transport error) and
    // reading stops, instead of exhausting memory.
    std::size_t max_response_body = std::size_t(64) << 20;
    // The same for the response's headers: how many fields, and how many
    // bytes from the status line to the blank line.
    std::size_t max_response_header_fields = 100;
    std::size_t max_response_header_bytes = std::size_t(64) << 10;

    // The asynchronous client's connections (asio/beast_transport.hpp): at
    // most this many open at once (more calls wait in line), idle ones
    // closed after idle_timeout.
    std::size_t max_connections = 16;
    std::chrono::milliseconds idle_timeout = std::chrono::seconds(30);

    // Callbacks around each attempt, for logging and metrics.
    call_hooks hooks{};
};

}  // namespace webhooksio
