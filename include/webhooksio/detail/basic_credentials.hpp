// The value of a Basic Proxy-Authorization header, for both transports.
#pragma once

#include <string>

#include "base64.hpp"

namespace webhooksio::detail {

// "Basic " and "user:password" in base64. An empty password is a password:
// sent as given.
inline std::string basic_credentials(const std::string& username, const std::string& password) {
    return "Basic " + base64(username + ':' + password);
}

}  // namespace webhooksio::detail
