// Every check of client_options, in one place: made by whatever takes the
// options (a client's core, each transport), so that the blocking and the
// asynchronous client refuse the same options with the same words.
#pragma once

#include <string>

#include <openssl/x509.h>

#include "../client_options.hpp"
#include "../config.hpp"
#include "../result.hpp"
#include "base_url.hpp"

namespace webhooksio::detail {

// The base URL's parts, or the usage error that names what is wrong: the
// base URL, a CR, LF or NUL in the User-Agent suffix or the proxy options,
// the proxy's port, a ca_bundle_pem without a certificate.
WEBHOOKSIO_DECL result<base_url> check_client_options(const client_options& options);

// A certificate store holding every certificate of `pem`; null when none.
WEBHOOKSIO_DECL X509_STORE* store_from_pem(const std::string& pem);

}  // namespace webhooksio::detail

#if WEBHOOKSIO_DEFINITIONS
#include "../impl/checked_options.ipp"
#endif
