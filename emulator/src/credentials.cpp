// Secrets at rest and their checks (credentials.hpp), by OpenSSL.
#include "credentials.hpp"

#include <array>
#include <charconv>
#include <stdexcept>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace webhooksio::emulation {

namespace {

constexpr std::string_view scheme = "pbkdf2-sha256";
constexpr int iterations = 100'000;  // slow for a guesser, ~30 ms for a login

std::string hex(const unsigned char* bytes, std::size_t size) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < size; ++i) (out += digits[bytes[i] >> 4]) += digits[bytes[i] & 15];
    return out;
}

std::string derive(std::string_view password, std::string_view salt, int rounds) {
    std::array<unsigned char, 32> key{};
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()), rounds,
                          EVP_sha256(), static_cast<int>(key.size()), key.data()) != 1)
        throw std::runtime_error("emulator: PBKDF2 failed");
    return hex(key.data(), key.size());
}

}  // namespace

std::string password_hash(std::string_view password) {
    std::array<unsigned char, 16> salt_bytes{};
    if (RAND_bytes(salt_bytes.data(), static_cast<int>(salt_bytes.size())) != 1)
        throw std::runtime_error("emulator: no random bytes for a salt");
    const std::string salt = hex(salt_bytes.data(), salt_bytes.size());
    return std::string(scheme) + '$' + std::to_string(iterations) + '$' + salt + '$' + derive(password, salt, iterations);
}

bool password_matches(std::string_view hash, std::string_view password) {
    // scheme $ iterations $ salt $ derived key
    std::array<std::string_view, 4> parts;
    for (auto& part : parts) {
        const std::size_t end = hash.find('$');
        part = hash.substr(0, end);
        hash = end == std::string_view::npos ? std::string_view() : hash.substr(end + 1);
    }
    int rounds = 0;
    const auto [end, ec] = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), rounds);
    if (parts[0] != scheme || ec != std::errc() || end != parts[1].data() + parts[1].size() || rounds <= 0 ||
        parts[3].empty())
        return false;
    return same_secret(derive(password, parts[2], rounds), parts[3]);
}

bool same_secret(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string sha256_hex(std::string_view text) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(text.data(), text.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("emulator: SHA-256 failed");
    return hex(digest.data(), size);
}

}  // namespace webhooksio::emulation
