// The request pipeline every endpoint shares: check and encode a call into an
// HTTP request, and decode the response into JSON or a typed error. Ordinary
// functions: an endpoint only hands them a small call_spec.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <tuple>

#include <boost/json.hpp>

#include "../client_options.hpp"
#include "call_spec.hpp"
#include "../config.hpp"
#include "../endpoint.hpp"
#include "../error.hpp"
#include "../http_syntax.hpp"
#include "../options.hpp"
#include "../redaction.hpp"
#include "../response.hpp"
#include "../result.hpp"
#include "../transport.hpp"
#include "url.hpp"
#include "../version.hpp"
#include "base_url.hpp"

namespace webhooksio::detail {

// What a client computes once and every call reuses.
struct request_context {
    std::string api_key;
    std::string host;  // of the base URL, for messages
    int port = 0;
    std::string path_prefix;
    http_headers headers;
    bool token_in_query = false;
};

// Whether `s` holds a CR, LF or NUL: what could end a header line early.
WEBHOOKSIO_DECL bool has_control_line_break(std::string_view s);

// The context of a client with this key and these options, or a usage error.
WEBHOOKSIO_DECL result<request_context> make_request_context(std::string api_key, const client_options& options);

// "webhooksio: get_bucket (GET /v1/...): ", how every message of a call starts.
WEBHOOKSIO_DECL std::string describe(const call_spec& call);

// Names every required option that is missing; "" when none is.
WEBHOOKSIO_DECL std::string missing_options(const call_spec& call, const option_values& options);
WEBHOOKSIO_DECL std::string missing_options(const call_spec& call, const boost::json::object& options);

// The pairs of the options that are set: the typed ones straight from their
// struct, then the extras that no typed option of the same name overrides.
WEBHOOKSIO_DECL void append_query(query_writer& query, const option_values& options);

// Writes the HTTP request of a call with these IDs (in route order) and
// options into `request`, a default-constructed one; or returns the usage
// error when one of them is bad (then nothing is sent), a falsy error when
// none is. In place, so that a call's request is never moved.
WEBHOOKSIO_DECL error build_request(http_request& request, const request_context& context, const call_spec& call,
                                    std::span<const std::string_view> ids, const option_values& options);

// The same as a result.
WEBHOOKSIO_DECL result<http_request> build_request(const request_context& context, const call_spec& call,
                                                   std::span<const std::string_view> ids,
                                                   const option_values& options);

// A usage error of this call: nothing was sent.
WEBHOOKSIO_DECL error call_usage_error(const call_spec& call, std::string what);

// The response with its JSON body, or the error it amounts to (a non-2xx
// status, a 2xx body that is not JSON, or the transport's failure), with
// the call's diagnostics.
WEBHOOKSIO_DECL result<response> decode_response(const request_context& context, const call_spec& call,
                                                 result<http_response> sent);

// The same for a caller that wants the body alone: the JSON body (null when
// empty), or a null value and `failure` set to the error. Returned rather
// than assigned, so that the body is parsed straight into its place.
WEBHOOKSIO_DECL boost::json::value decode_body(const request_context& context, const call_spec& call,
                                               result<http_response>& sent, error& failure);

}  // namespace webhooksio::detail

#if WEBHOOKSIO_DEFINITIONS
#include "../impl/request_checks.ipp"
#include "../impl/request.ipp"
#include "../impl/decode.ipp"
#endif
