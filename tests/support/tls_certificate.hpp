// A self-signed certificate, for 127.0.0.1 unless told otherwise, made at
// test time with OpenSSL, so that no private key lives in the repository.
// `subject_alt_name` is in OpenSSL's config syntax ("IP:127.0.0.1,DNS:a");
// empty leaves the extension out.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace test_support {

class tls_certificate {
public:
    explicit tls_certificate(const std::string& common_name = "127.0.0.1",
                             const std::string& subject_alt_name = "IP:127.0.0.1") {
        key_.reset(EVP_EC_gen("P-256"));
        cert_.reset(X509_new());
        if (!key_ || !cert_) throw std::runtime_error("tls_certificate: OpenSSL failed");
        X509* cert = cert_.get();
        X509_set_version(cert, 2);
        ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
        X509_gmtime_adj(X509_getm_notBefore(cert), -60);
        X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 3600);
        X509_set_pubkey(cert, key_.get());
        X509_NAME* name = X509_get_subject_name(cert);
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(common_name.c_str()),
                                   -1, -1, 0);
        X509_set_issuer_name(cert, name);  // self-signed: its own issuer
        add_extension(NID_basic_constraints, "critical,CA:TRUE");
        if (!subject_alt_name.empty()) add_extension(NID_subject_alt_name, subject_alt_name.c_str());
        if (X509_sign(cert, key_.get(), EVP_sha256()) == 0) throw std::runtime_error("tls_certificate: signing failed");
    }

    X509* certificate() const { return cert_.get(); }
    EVP_PKEY* private_key() const { return key_.get(); }

    // The certificate as PEM text, for a client to trust.
    std::string pem() const {
        return as_pem([this](BIO* out) { PEM_write_bio_X509(out, cert_.get()); });
    }

    // The private key as PEM text, for a server that takes it so (cpp-httplib
    // from 0.3x); it lives in memory only.
    std::string private_key_pem() const {
        return as_pem([this](BIO* out) { PEM_write_bio_PrivateKey(out, key_.get(), nullptr, nullptr, 0, nullptr, nullptr); });
    }

private:
    template <class Write>
    static std::string as_pem(Write write) {
        std::unique_ptr<BIO, decltype(&BIO_free)> out(BIO_new(BIO_s_mem()), &BIO_free);
        write(out.get());
        char* data = nullptr;
        long size = BIO_get_mem_data(out.get(), &data);
        return std::string(data, std::size_t(size));
    }

    void add_extension(int nid, const char* value) {
        X509V3_CTX context;
        X509V3_set_ctx_nodb(&context);
        X509V3_set_ctx(&context, cert_.get(), cert_.get(), nullptr, nullptr, 0);
        X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
        if (!extension) throw std::runtime_error("tls_certificate: bad extension");
        X509_add_ext(cert_.get(), extension, -1);
        X509_EXTENSION_free(extension);
    }

    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key_{nullptr, &EVP_PKEY_free};
    std::unique_ptr<X509, decltype(&X509_free)> cert_{nullptr, &X509_free};
};

}  // namespace test_support
