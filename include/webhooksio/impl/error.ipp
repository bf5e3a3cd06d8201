// Definitions for error.hpp.
#pragma once

namespace webhooksio {
namespace detail {

class webhooksio_category final : public boost::system::error_category {
public:
    // A fixed identity, so that codes compare equal across shared libraries.
    constexpr webhooksio_category() noexcept : error_category(0x7765626b686f6f6bULL) {}

    const char* name() const noexcept override { return "webhooksio"; }

    std::string message(int value) const override {
        switch (static_cast<errc>(value)) {
            case errc::bad_request: return "bad request (HTTP 400)";
            case errc::unauthorized: return "unauthorized (HTTP 401)";
            case errc::forbidden: return "forbidden (HTTP 403)";
            case errc::not_found: return "not found (HTTP 404)";
            case errc::conflict: return "conflict (HTTP 409)";
            case errc::rate_limited: return "rate limited (HTTP 429)";
            case errc::server_error: return "server error (HTTP 5xx)";
            case errc::other_status: return "unexpected HTTP status";
            case errc::invalid_response: return "invalid response";
            case errc::response_too_large: return "response too large";
            case errc::timed_out: return "timed out";
            case errc::usage: return "invalid use of the library";
            case errc::connection_failed: return "connection failed";
            case errc::send_failed: return "sending the request failed";
            case errc::receive_failed: return "receiving the response failed";
            case errc::tls_failed: return "TLS failed";
            case errc::missing_webhook_header:
                return "the webhook-id, webhook-timestamp or webhook-signature header is missing";
            case errc::malformed_webhook_timestamp: return "the webhook-timestamp is not a number of seconds";
            case errc::webhook_timestamp_out_of_tolerance:
                return "the webhook-timestamp is too far from the current time";
            case errc::no_matching_signature: return "no webhook signature matches";
        }
        return "unknown webhooksio error";
    }
};

}  // namespace detail

WEBHOOKSIO_DECL const boost::system::error_category& error_category() noexcept {
    static const detail::webhooksio_category category;
    return category;
}

WEBHOOKSIO_DECL errc errc_of_status(int status) noexcept {
    switch (status) {
        case 400:
        case 422: return errc::bad_request;
        case 401: return errc::unauthorized;
        case 403: return errc::forbidden;
        case 404: return errc::not_found;
        case 409: return errc::conflict;
        case 429: return errc::rate_limited;
        default: return status >= 500 && status < 600 ? errc::server_error : errc::other_status;
    }
}

WEBHOOKSIO_DECL error::error(boost::system::error_code code, webhooksio::diagnostics details)
    : boost::system::error_code(code),
      details_(std::make_shared<const webhooksio::diagnostics>(std::move(details))) {}

WEBHOOKSIO_DECL const webhooksio::diagnostics& error::diagnostics() const noexcept {
    static const webhooksio::diagnostics none;
    return details_ ? *details_ : none;
}

WEBHOOKSIO_DECL std::string error::what() const {
    if (details_ && !details_->message.empty()) return details_->message;
    return failed() ? message() : std::string();
}

WEBHOOKSIO_DECL error error::usage(std::string message) {
    webhooksio::diagnostics details;
    details.message = std::move(message);
    return {errc::usage, std::move(details)};
}

WEBHOOKSIO_DECL error error::transport(boost::system::error_code code, transport_failure failure,
                                       std::string message) {
    webhooksio::diagnostics details;
    details.message = std::move(message);
    details.failure = failure;
    return {code, std::move(details)};
}

// A system_error's own what() would be "prefix: message [category:value]";
// exception::what() gives the diagnostics' sentence instead, which always has
// one (the error's what() fills it in when a transport left it empty).
inline error with_message(error e) {
    if (!e.diagnostics().message.empty()) return e;
    webhooksio::diagnostics details = e.diagnostics();
    details.message = e.what();
    return {e.code(), std::move(details)};
}

WEBHOOKSIO_DECL exception::exception(webhooksio::error e)
    : boost::system::system_error(e.code()), error_(with_message(std::move(e))) {}

[[noreturn]] WEBHOOKSIO_DECL void throw_error(error e) {
    const boost::system::error_code& code = e.code();
    if (code == errc::usage) throw usage_error(std::move(e));
    if (e.diagnostics().status >= 200 && e.diagnostics().status < 300) throw decode_error(std::move(e));
    if (e.diagnostics().status != 0) throw status_error(std::move(e));
    throw transport_error(std::move(e));
}

namespace detail {
WEBHOOKSIO_DECL std::exception_ptr exception_for(error e) {
    try {
        throw_error(std::move(e));
    } catch (...) {
        return std::current_exception();
    }
}
}  // namespace detail

}  // namespace webhooksio
