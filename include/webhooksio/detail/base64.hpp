// Base64 through OpenSSL, for the proxy's Basic credentials and the webhook
// signatures: one encoder and one strict decoder.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace webhooksio::detail {

// OpenSSL's base64 of `bytes`, padded.
inline std::string base64(const unsigned char* bytes, std::size_t size) {
    std::string out(4 * ((size + 2) / 3), '\0');
    // EVP_EncodeBlock writes a NUL after the text: room for it, then drop it.
    out.resize(out.size() + 1);
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes, static_cast<int>(size));
    out.resize(static_cast<std::size_t>(written));
    return out;
}

// The bytes of standard base64, its padding optional; nothing when `text` is
// not base64. OpenSSL decodes; this first refuses what it would let pass
// (whitespace, a length that is not a multiple of 4), and takes off the
// zero bytes it returns for the padding.
inline std::optional<std::string> from_base64(std::string_view text) {
    for (int i = 0; i < 2 && text.ends_with('='); ++i) text.remove_suffix(1);
    const bool alphabet = std::ranges::all_of(text, [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    });
    if (!alphabet || text.size() % 4 == 1) return std::nullopt;
    const std::size_t padding = (4 - text.size() % 4) % 4;
    std::string padded(text);
    padded.append(padding, '=');
    std::string out(padded.size() / 4 * 3, '\0');
    const int decoded = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                        reinterpret_cast<const unsigned char*>(padded.data()),
                                        static_cast<int>(padded.size()));
    OPENSSL_cleanse(padded.data(), padded.size());
    if (decoded < 0) return std::nullopt;
    out.resize(static_cast<std::size_t>(decoded) - padding);
    return out;
}

inline std::string base64(std::string_view text) {
    return base64(reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

}  // namespace webhooksio::detail
