// libFuzzer: response decoding. For any status, headers and body, the result
// is JSON for a 2xx that parses, else the matching typed error; no error text
// ever holds the API key; Retry-After parsing never misbehaves.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <fuzzer/FuzzedDataProvider.h>

#include <webhooksio/detail/request.hpp>
#include <webhooksio/detail/retry.hpp>

#include "fuzz_support.hpp"

namespace {

namespace wh = webhooksio;
using fuzz_support::check;

// Upper case, so that "[redacted]" can never complete a copy of it.
constexpr std::string_view key = "SECRET+KEY/42";

bool holds_key(std::string_view text) {
    std::string encoded;
    wh::detail::append_percent_encoded(encoded, key);
    return text.find(key) != std::string_view::npos || text.find(encoded) != std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    const int status = in.ConsumeIntegralInRange(100, 599);
    const std::string retry_after = in.ConsumeRandomLengthString(40);
    std::string body = in.ConsumeRemainingBytesAsString();
    if (!body.empty() && body[0] == '!') body += key;  // a server that echoes the key

    if (auto wait = wh::detail::parse_retry_after(retry_after, std::chrono::system_clock::now()))
        check(wait->count() >= 0);

    static const wh::detail::request_context context =
        *wh::detail::make_request_context(std::string(key), {.base_url = "http://127.0.0.1"});
    const wh::detail::call_spec spec{"get_plans", wh::http_method::get, "/v1/plans", {}, {}, {}};
    wh::http_response response{status, {{"Retry-After", retry_after}}, body};
    auto decoded = wh::detail::decode_response(context, spec, response);

    if (decoded) {
        check(status >= 200 && status < 300);
        return 0;
    }
    const wh::error& e = decoded.error();
    const wh::diagnostics& d = e.diagnostics();
    check(!holds_key(d.message) && !holds_key(d.raw_body));
    check(!holds_key(boost::json::serialize(d.body)));
    check(d.status == status);
    check(e == (status >= 200 && status < 300 ? wh::errc::invalid_response : wh::errc_of_status(status)));
    return 0;
}
