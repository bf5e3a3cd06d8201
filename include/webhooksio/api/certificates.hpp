// The SSL Certificates endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../endpoint.hpp"
#include "../ids.hpp"
#include "../options.hpp"

namespace webhooksio::api {

// Import SSL Certificate
struct import_certificate : endpoint<"importCertificate", http_method::put, "/v1/accounts/:account_id/certificates", account_id> {
    static constexpr std::string_view name = "import_certificate"sv;
    static constexpr std::string_view summary = "Import SSL Certificate"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 2> option_docs{{
        {"domain"sv, "The domain for the certificate that you wish to import"sv},
        {"port"sv, "The port to use. (defaults to 443)"sv},
    }};
    struct options {
        required<std::string> domain;
        required<int> port;
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(import_certificate::options, (), (domain, port))

// Get SSL Certificate
struct get_certificate : endpoint<"getCertificate", http_method::get, "/v1/accounts/:account_id/certificates/:certificate_id", account_id, certificate_id> {
    static constexpr std::string_view name = "get_certificate"sv;
    static constexpr std::string_view summary = "Get SSL Certificate"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_certificate::options, (), ())

// List SSL Certificates
struct get_certificates : endpoint<"getCertificates", http_method::get, "/v1/accounts/:account_id/certificates", account_id> {
    static constexpr std::string_view name = "get_certificates"sv;
    static constexpr std::string_view summary = "List SSL Certificates"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(get_certificates::options, (), ())

// Delete SSL Certificate
struct delete_certificate : endpoint<"deleteCertificate", http_method::delete_, "/v1/accounts/:account_id/certificates/:certificate_id", account_id, certificate_id> {
    static constexpr std::string_view name = "delete_certificate"sv;
    static constexpr std::string_view summary = "Delete SSL Certificate"sv;
    static constexpr bool in_seed = false;
    static constexpr std::array<option_doc, 0> option_docs{};
    struct options {
        extra_options extra{};  ///< any further option, sent as given
    };
};
BOOST_DESCRIBE_STRUCT(delete_certificate::options, (), ())

}  // namespace webhooksio::api

// The SSL Certificates calls with their number of IDs, for the client's named methods.
#define WEBHOOKSIO_API_CERTIFICATES(X) \
    X(import_certificate, 1) \
    X(get_certificate, 2) \
    X(get_certificates, 1) \
    X(delete_certificate, 2)
