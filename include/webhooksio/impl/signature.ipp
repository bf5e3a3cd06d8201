// Definitions for signature.hpp.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include "../detail/base64.hpp"

namespace webhooksio {
namespace detail {

inline constexpr std::string_view secret_prefix = "whsec_";
inline constexpr std::size_t generated_secret_bytes = 32;
inline constexpr std::size_t hmac_sha256_bytes = 32;
inline constexpr std::string_view signature_version = "v1,";

// HMAC-SHA256 of "<id>.<timestamp>.<body>" under `key`, fed to OpenSSL piece
// by piece: the body is never copied. The HMAC implementation is fetched once.
inline std::array<unsigned char, hmac_sha256_bytes> webhook_hmac(std::string_view key, std::string_view id,
                                                                 std::string_view timestamp, std::string_view body) {
    static const std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)> hmac{EVP_MAC_fetch(nullptr, "HMAC", nullptr),
                                                                        &EVP_MAC_free};
    const std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> context{hmac ? EVP_MAC_CTX_new(hmac.get()) : nullptr,
                                                                            &EVP_MAC_CTX_free};
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_construct_end()};
    auto update = [&](std::string_view piece) {
        return EVP_MAC_update(context.get(), reinterpret_cast<const unsigned char*>(piece.data()), piece.size()) == 1;
    };
    std::array<unsigned char, hmac_sha256_bytes> out{};
    std::size_t size = 0;
    const bool done = context &&
                      EVP_MAC_init(context.get(), reinterpret_cast<const unsigned char*>(key.data()), key.size(),
                                   params) == 1 &&
                      update(id) && update(".") && update(timestamp) && update(".") && update(body) &&
                      EVP_MAC_final(context.get(), out.data(), &size, out.size()) == 1 && size == out.size();
    if (!done) throw std::runtime_error("webhooksio: OpenSSL could not compute an HMAC-SHA256");
    return out;
}

inline std::string webhook_signature(std::string_view key, std::string_view id, std::string_view timestamp,
                                     std::string_view body) {
    const auto mac = webhook_hmac(key, id, timestamp, body);
    return std::string(signature_version) + base64(mac.data(), mac.size());
}

}  // namespace detail

WEBHOOKSIO_DECL webhook_secret::webhook_secret(std::string_view text) {
    if (text.starts_with(detail::secret_prefix)) text.remove_prefix(detail::secret_prefix.size());
    if (text.empty()) throw usage_error(error::usage("webhooksio: the webhook signing secret is empty"));
    std::optional<std::string> key = detail::from_base64(text);
    if (!key || key->empty())
        throw usage_error(error::usage("webhooksio: the webhook signing secret is not whsec_ followed by base64 "
                                       "(or the base64 alone)"));
    key_ = std::move(*key);
}

WEBHOOKSIO_DECL webhook_secret webhook_secret::generate() {
    webhook_secret secret;
    secret.key_.resize(detail::generated_secret_bytes);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(secret.key_.data()), static_cast<int>(secret.key_.size())) != 1)
        throw std::runtime_error("webhooksio: OpenSSL's random generator failed");
    return secret;
}

WEBHOOKSIO_DECL std::string webhook_secret::text() const {
    return std::string(detail::secret_prefix) +
           detail::base64(reinterpret_cast<const unsigned char*>(key_.data()), key_.size());
}

WEBHOOKSIO_DECL webhook_secret::~webhook_secret() { OPENSSL_cleanse(key_.data(), key_.size()); }

WEBHOOKSIO_DECL std::string sign_webhook(const webhook_secret& secret, std::string_view id,
                                         std::chrono::sys_seconds timestamp, std::string_view body) {
    return detail::webhook_signature(secret.bytes(), id, std::to_string(timestamp.time_since_epoch().count()), body);
}

WEBHOOKSIO_DECL boost::system::error_code verify_webhook(const webhook_secret& secret, std::string_view id,
                                                         std::string_view timestamp,
                                                         std::string_view signature_header, std::string_view body,
                                                         std::chrono::seconds tolerance) {
    if (id.empty() || timestamp.empty() || signature_header.empty()) return errc::missing_webhook_header;
    // Decimal digits only: from_chars alone would take a sign.
    std::int64_t seconds = 0;
    const char* end = timestamp.data() + timestamp.size();
    if (!std::ranges::all_of(timestamp, [](char c) { return c >= '0' && c <= '9'; }) ||
        std::from_chars(timestamp.data(), end, seconds).ec != std::errc())
        return errc::malformed_webhook_timestamp;
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const std::chrono::seconds age = now.time_since_epoch() - std::chrono::seconds(seconds);
    if (age > tolerance || -age > tolerance) return errc::webhook_timestamp_out_of_tolerance;

    const std::string expected = detail::webhook_signature(secret.bytes(), id, timestamp, body);
    bool matched = false;
    std::string_view rest = signature_header;
    while (!rest.empty()) {
        const std::size_t space = rest.find(' ');
        const std::string_view candidate = rest.substr(0, space);
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
        // Every candidate is compared, in constant time: how long verifying
        // takes tells nothing of which one came close.
        if (candidate.size() == expected.size())
            matched |= CRYPTO_memcmp(candidate.data(), expected.data(), expected.size()) == 0;
    }
    return matched ? boost::system::error_code() : make_error_code(errc::no_matching_signature);
}

}  // namespace webhooksio
