// Signed webhooks, as the Standard Webhooks specification defines them
// (github.com/standard-webhooks/standard-webhooks, spec/standard-webhooks.md):
// a delivery carries three headers,
//
//     webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek        the same on every retry: the idempotency key
//     webhook-timestamp: 1614265330                   Unix seconds of this attempt
//     webhook-signature: v1,g0hM9SsE+OTPJTGt/...=     HMAC-SHA256 of "id.timestamp.body", base64;
//                                                     several, space-separated, during a secret's rotation
//
// and the receiver checks them with the secret it shares with the sender:
//
//     const webhooksio::webhook_secret secret{std::getenv("WEBHOOK_SECRET")};
//     if (auto ec = webhooksio::verify_webhook(secret, req.headers, req.body)) return refuse(ec.message());
//
// The emulator signs the deliveries of every destination given a
// signing_secret (an extension of the Webhooks.io API).
#pragma once

#include <chrono>
#include <concepts>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include <boost/system/error_code.hpp>

#include "config.hpp"
#include "error.hpp"
#include "http_syntax.hpp"

namespace webhooksio {

// The key a sender and its receivers share: 24 to 64 random bytes, written
// `whsec_` and their base64. Its text is a secret: no error message, log
// line or hook of the library holds it, and its bytes are wiped on
// destruction.
class webhook_secret {
public:
    // From `whsec_<base64>` or the base64 alone, padded or not (as the
    // reference libraries accept it). Throws usage_error (errc::usage) for
    // an empty secret or one that is not base64; the message never quotes it.
    WEBHOOKSIO_DECL explicit webhook_secret(std::string_view text);

    // A new secret of 32 random bytes (OpenSSL's RAND_bytes).
    WEBHOOKSIO_DECL static webhook_secret generate();

    // The `whsec_<base64>` form: what a receiver is configured with.
    WEBHOOKSIO_DECL std::string text() const;

    // The key's raw bytes.
    std::string_view bytes() const noexcept { return key_; }

    webhook_secret(const webhook_secret&) = default;
    webhook_secret& operator=(const webhook_secret&) = default;
    WEBHOOKSIO_DECL ~webhook_secret();

private:
    webhook_secret() = default;

    std::string key_;
};

// The signature of one delivery: "v1," and the base64 of HMAC-SHA256 over
// "<id>.<timestamp>.<body>". The value of webhook-signature (or one entry of
// it: a rotation sends "v1,<old> v1,<new>").
WEBHOOKSIO_DECL std::string sign_webhook(const webhook_secret& secret, std::string_view id,
                                         std::chrono::sys_seconds timestamp, std::string_view body);

// Checks a delivery from its three headers' values and its body, as received
// (before any parsing: a re-serialized body does not verify). Empty when it
// is genuine: the timestamp is within `tolerance` of this machine's clock
// (either way) and any `v1` signature in the list matches, compared in
// constant time; other versions are ignored. Otherwise one of the codes
//   errc::missing_webhook_header              a value is empty
//   errc::malformed_webhook_timestamp         not decimal Unix seconds
//   errc::webhook_timestamp_out_of_tolerance  too old (a replay?) or too new
//   errc::no_matching_signature               tampered, another secret, another id
WEBHOOKSIO_DECL boost::system::error_code verify_webhook(const webhook_secret& secret, std::string_view id,
                                                         std::string_view timestamp,
                                                         std::string_view signature_header, std::string_view body,
                                                         std::chrono::seconds tolerance = std::chrono::minutes(5));

namespace detail {

// A request header as servers hand them over: a (name, value) pair
// (httplib's multimap, webhooksio::http_headers, a std::map), or an object
// with name_string() and value() (Boost.Beast's fields, a request itself).
template <class H>
concept name_value_pair = requires(const H& h) {
    { h.first } -> std::convertible_to<std::string_view>;
    { h.second } -> std::convertible_to<std::string_view>;
};
template <class H>
concept named_field = requires(const H& h) {
    { h.name_string() } -> std::convertible_to<std::string_view>;
    { h.value() } -> std::convertible_to<std::string_view>;
};

template <class H>
std::pair<std::string_view, std::string_view> name_and_value(const H& h) {
    if constexpr (name_value_pair<H>)
        return {h.first, h.second};
    else
        return {h.name_string(), h.value()};
}

// What iterating over `headers` yields. Written with <iterator> alone:
// <ranges> would cost every file that includes the library about 0.1 s.
template <class Headers>
using header_of = std::iter_value_t<decltype(std::begin(std::declval<const Headers&>()))>;

}  // namespace detail

// Any range of request headers whose names compare without case, e.g.
// httplib's `req.headers`, a Beast request, webhooksio::http_headers.
template <class Headers>
concept webhook_headers = requires(const Headers& headers) {
    std::begin(headers) != std::end(headers);
} && (detail::name_value_pair<detail::header_of<Headers>> || detail::named_field<detail::header_of<Headers>>);

// The same, reading webhook-id, webhook-timestamp and webhook-signature from
// the request's headers (the first of each name):
//
//     verify_webhook(secret, req.headers, req.body)     // httplib::Request
//     verify_webhook(secret, request, request.body())   // beast::http::request<string_body>
template <webhook_headers Headers>
boost::system::error_code verify_webhook(const webhook_secret& secret, const Headers& headers, std::string_view body,
                                         std::chrono::seconds tolerance = std::chrono::minutes(5)) {
    std::string_view id, timestamp, signature;
    for (const auto& header : headers) {
        const auto [name, value] = detail::name_and_value(header);
        for (auto [wanted, into] : {std::pair{"webhook-id", &id}, std::pair{"webhook-timestamp", &timestamp},
                                    std::pair{"webhook-signature", &signature}})
            if (into->empty() && equals_ignoring_case(name, wanted)) *into = value;
    }
    return verify_webhook(secret, id, timestamp, signature, body, tolerance);
}

}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
#include "impl/signature.ipp"
#endif
