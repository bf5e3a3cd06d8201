// The SSL Certificates endpoints of the Webhooks.io API: one descriptor type per call.
#pragma once

#include "../detail/define_endpoint.hpp"

namespace webhooksio::api {

WEBHOOKSIO_ENDPOINT(certificates, import_certificate, docs("importCertificate"), put, "/v1/accounts/:account_id/certificates", (account_id),
    "Import SSL Certificate",
    (required, std::string, domain, "The domain for the certificate that you wish to import")
    (required, int, port, "The port to use. (defaults to 443)"))

WEBHOOKSIO_ENDPOINT(certificates, get_certificate, docs("getCertificate"), get, "/v1/accounts/:account_id/certificates/:certificate_id", (account_id, certificate_id),
    "Get SSL Certificate")

WEBHOOKSIO_ENDPOINT(certificates, get_certificates, docs("getCertificates"), get, "/v1/accounts/:account_id/certificates", (account_id),
    "List SSL Certificates")

WEBHOOKSIO_ENDPOINT(certificates, delete_certificate, docs("deleteCertificate"), delete_, "/v1/accounts/:account_id/certificates/:certificate_id", (account_id, certificate_id),
    "Delete SSL Certificate")

// The area's endpoints, in the order above: WEBHOOKSIO_API_CERTIFICATES(X) is X(endpoint) for
// each, from which the list below and each client's named methods are made.
#define WEBHOOKSIO_API_CERTIFICATES(X) \
    X(import_certificate)              \
    X(get_certificate)                 \
    X(get_certificates)                \
    X(delete_certificate)

namespace areas {
using certificates = WEBHOOKSIO_DETAIL_AREA(WEBHOOKSIO_API_CERTIFICATES);
}  // namespace areas

}  // namespace webhooksio::api
