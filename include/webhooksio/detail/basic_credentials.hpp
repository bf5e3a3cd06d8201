// The value of a Basic Proxy-Authorization header, for both transports.
#pragma once

#include <string>

#include <openssl/evp.h>

namespace webhooksio::detail {

// "Basic " and "user:password" in base64. An empty password is a password:
// sent as given.
inline std::string basic_credentials(const std::string& username, const std::string& password) {
    const std::string plain = username + ':' + password;
    std::string encoded(4 * ((plain.size() + 2) / 3) + 1, '\0');
    const int size = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                     reinterpret_cast<const unsigned char*>(plain.data()), int(plain.size()));
    encoded.resize(std::size_t(size));
    return "Basic " + encoded;
}

}  // namespace webhooksio::detail
