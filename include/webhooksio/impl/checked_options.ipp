// Definitions for detail/checked_options.hpp.
#pragma once

#include <memory>

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "../detail/request.hpp"

namespace webhooksio::detail {

WEBHOOKSIO_DECL X509_STORE* store_from_pem(const std::string& pem) {
    std::unique_ptr<BIO, decltype(&BIO_free)> in(BIO_new_mem_buf(pem.data(), int(pem.size())), &BIO_free);
    X509_STORE* store = X509_STORE_new();
    int added = 0;
    while (X509* cert = PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr)) {
        added += X509_STORE_add_cert(store, cert);
        X509_free(cert);
    }
    if (added == 0) {
        X509_STORE_free(store);
        return nullptr;
    }
    return store;
}

WEBHOOKSIO_DECL result<base_url> check_client_options(const client_options& options) {
    if (has_control_line_break(options.user_agent_suffix))
        return error::usage("webhooksio: user_agent_suffix holds a CR, LF or NUL character");
    const proxy_options& proxy = options.proxy;
    if (!proxy.host.empty()) {
        if (proxy.port <= 0 || proxy.port > 65535) return error::usage("webhooksio: proxy.port must be from 1 to 65535");
        if (has_control_line_break(proxy.host) || has_control_line_break(proxy.username) ||
            has_control_line_break(proxy.password))
            return error::usage("webhooksio: the proxy options hold a CR, LF or NUL character");
    }
    if (!options.ca_bundle_pem.empty()) {
        X509_STORE* store = store_from_pem(options.ca_bundle_pem);
        if (!store) return error::usage("webhooksio: ca_bundle_pem holds no PEM certificate");
        X509_STORE_free(store);
    }
    return parse_base_url(options.base_url);
}

}  // namespace webhooksio::detail
