// libFuzzer: route expansion and percent-encoding. For any IDs, a request is
// either refused as a usage error (empty, ".", ".." or NUL) or its path has
// exactly the route's segments, each ID decoding back to itself.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <fuzzer/FuzzedDataProvider.h>

#include <webhooksio/api.hpp>
#include <webhooksio/detail/request.hpp>

#include "fuzz_support.hpp"

namespace {

namespace wh = webhooksio;
using fuzz_support::check;
using fuzz_support::decoded;

// Every endpoint's spec: its route, its placeholders, its literal runs.
const std::vector<const wh::detail::call_spec*>& specs() {
    static const std::vector<const wh::detail::call_spec*> all = [] {
        std::vector<const wh::detail::call_spec*> out;
        wh::api::for_each_endpoint([&]<class E>(std::type_identity<E>) { out.push_back(&wh::detail::spec_of<E>); });
        return out;
    }();
    return all;
}

std::vector<std::string_view> split(std::string_view path) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 1, end; start <= path.size(); start = end + 1) {
        end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        parts.push_back(path.substr(start, end - start));
    }
    return parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    const wh::detail::call_spec& endpoint = *specs()[in.ConsumeIntegralInRange<std::size_t>(0, specs().size() - 1)];
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < endpoint.placeholders.size(); ++i) ids.push_back(in.ConsumeRandomLengthString(64));
    std::vector<std::string_view> views(ids.begin(), ids.end());

    static const wh::detail::request_context context =
        *wh::detail::make_request_context("KEY", {.base_url = "http://127.0.0.1"});
    // Only the route is under test here: no option is required.
    wh::detail::call_spec spec = endpoint;
    spec.required = {};
    auto request = wh::detail::build_request(context, spec, views, {});

    bool unusable = false;
    for (std::string_view id : views)
        unusable |= id.empty() || id == "." || id == ".." || id.find('\0') != std::string_view::npos;
    check(!request == unusable);
    if (!request) {
        check(request.error() == wh::errc::usage);
        return 0;
    }
    // The target has no query or fragment, and the route's segments only.
    const std::string& target = request->target;
    check(target.find_first_of("?#") == std::string::npos);
    auto got = split(target), expected = split(endpoint.route);
    check(got.size() == expected.size());
    std::size_t next = 0;
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (expected[i].starts_with(':')) check(decoded(got[i]) == views[next++]);
        else check(got[i] == expected[i]);
    }
    return 0;
}
