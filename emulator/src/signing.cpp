// Signed deliveries (signing.hpp).
#include "signing.hpp"

#include <algorithm>
#include <array>

#include <webhooksio/http_syntax.hpp>

#include "store.hpp"

namespace webhooksio::emulation {

namespace {

// The hidden fields of a destination that signs.
constexpr std::string_view current_key = "signing_secret";
constexpr std::string_view previous_key = "previous_signing_secret";
constexpr std::string_view previous_until_key = "previous_signing_secret_until";  // Unix seconds

// The specification's bounds on a secret's length.
constexpr std::size_t min_secret_bytes = 24;
constexpr std::size_t max_secret_bytes = 64;

api_error bad_secret(std::string why) {
    return {400, std::string(signing_secret_option) + ' ' + std::move(why), {{"field", signing_secret_option}}};
}

std::string text_of(const boost::json::object& o, std::string_view key) {
    const boost::json::value* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

// Enough of the secret to tell two apart, never enough to use it.
std::string masked(const std::string& secret) {
    return secret.empty() ? std::string() : "whsec_\u2026" + secret.substr(secret.size() - 4);
}

}  // namespace

std::optional<std::string> take_signing_secret(boost::json::object& options) {
    const boost::json::value* given = options.if_contains(signing_secret_option);
    if (!given) return std::nullopt;
    if (!given->is_string() && !given->is_null()) throw bad_secret("must be a string");
    const std::string text = given->is_string() ? std::string(given->get_string()) : std::string();
    options.erase(signing_secret_option);
    if (text.empty()) return std::string();
    try {
        const webhook_secret secret{text};
        if (secret.bytes().size() < min_secret_bytes || secret.bytes().size() > max_secret_bytes)
            throw bad_secret("must hold 24 to 64 bytes: whsec_ and their base64");
        return secret.text();
    } catch (const usage_error&) {
        throw bad_secret("must be whsec_ followed by base64 (of 24 to 64 random bytes)");
    }
}

void set_signing_secret(boost::json::object& fields, boost::json::object& hidden, const std::string& secret,
                        std::chrono::sys_seconds now, std::chrono::seconds overlap) {
    const std::string current = text_of(hidden, current_key);
    if (secret == current) return;
    hidden.erase(previous_key);
    hidden.erase(previous_until_key);
    if (!current.empty() && !secret.empty()) {
        hidden[previous_key] = current;
        hidden[previous_until_key] = (now + overlap).time_since_epoch().count();
    }
    if (secret.empty()) {
        hidden.erase(current_key);
        fields.erase(signing_secret_option);
    } else {
        hidden[current_key] = secret;
        fields[signing_secret_option] = masked(secret);
    }
}

std::vector<webhook_secret> signing_secrets(const boost::json::object& hidden, std::chrono::sys_seconds now) {
    std::vector<webhook_secret> secrets;
    const std::string current = text_of(hidden, current_key);
    if (current.empty()) return secrets;
    secrets.emplace_back(current);
    const boost::json::value* until = hidden.if_contains(previous_until_key);
    if (until && until->is_int64() && now.time_since_epoch().count() < until->get_int64())
        secrets.emplace_back(text_of(hidden, previous_key));
    return secrets;
}

void sign_delivery(outbound_request& out, std::string_view message_id, const std::vector<webhook_secret>& secrets,
                   std::chrono::sys_seconds now) {
    if (secrets.empty()) return;
    constexpr std::array<std::string_view, 3> signed_headers{"webhook-id", "webhook-timestamp", "webhook-signature"};
    std::erase_if(out.headers, [&](const auto& header) {
        return std::ranges::any_of(signed_headers, [&](std::string_view name) { return equals_ignoring_case(header.first, name); });
    });
    std::string signatures;
    for (const webhook_secret& secret : secrets) {
        if (!signatures.empty()) signatures += ' ';
        signatures += sign_webhook(secret, message_id, now, out.body);
    }
    out.headers.emplace_back("webhook-id", message_id);
    out.headers.emplace_back("webhook-timestamp", std::to_string(now.time_since_epoch().count()));
    out.headers.emplace_back("webhook-signature", std::move(signatures));
}

}  // namespace webhooksio::emulation
