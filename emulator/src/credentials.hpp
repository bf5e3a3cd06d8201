// Secrets at rest and their checks: passwords kept as salted PBKDF2 hashes,
// and secrets compared in constant time, so that timing tells nothing.
#pragma once

#include <string>
#include <string_view>

namespace webhooksio::emulation {

// "pbkdf2-sha256$ITERATIONS$SALT$HASH" (hex) of `password`, with a new random salt.
std::string password_hash(std::string_view password);

// Does `password` match `hash` (made by password_hash)? False for any other text.
bool password_matches(std::string_view hash, std::string_view password);

// a == b, taking the same time whatever bytes differ.
bool same_secret(std::string_view a, std::string_view b);

// The SHA-256 of `text`, in hex.
std::string sha256_hex(std::string_view text);

}  // namespace webhooksio::emulation
