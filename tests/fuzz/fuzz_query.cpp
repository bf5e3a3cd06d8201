// libFuzzer: query-string encoding. For any options, the query has one
// key=value pair per set option, in order, made of unreserved characters and
// %XX escapes only, and each key and string value decodes back to itself.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <fuzzer/FuzzedDataProvider.h>

#include <boost/json.hpp>

#include <webhooksio/detail/request.hpp>

#include "fuzz_support.hpp"

namespace {

namespace wh = webhooksio;
using fuzz_support::check;
using fuzz_support::decoded;

boost::json::value any_value(FuzzedDataProvider& in, int depth = 0) {
    switch (in.ConsumeIntegralInRange(0, depth < 2 ? 5 : 3)) {
        case 0: return nullptr;
        case 1: return in.ConsumeBool();
        case 2: return in.ConsumeIntegral<std::int64_t>();
        case 3: return boost::json::string(in.ConsumeRandomLengthString(32));
        case 4: {
            boost::json::array items;
            for (int n = in.ConsumeIntegralInRange(0, 4); n > 0; --n) items.push_back(any_value(in, depth + 1));
            return items;
        }
        default: {
            boost::json::object members;
            for (int n = in.ConsumeIntegralInRange(0, 3); n > 0; --n)
                members[in.ConsumeRandomLengthString(8)] = any_value(in, depth + 1);
            return members;
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    boost::json::object options;
    for (int n = in.ConsumeIntegralInRange(0, 6); n > 0; --n) options[in.ConsumeRandomLengthString(16)] = any_value(in);

    std::string query;
    wh::detail::query_writer writer{query};
    wh::detail::append_query(writer, wh::detail::option_values{{}, &options});
    std::size_t set = 0;
    for (const auto& [key, value] : options) set += !value.is_null();
    check(query.empty() == (set == 0));
    if (query.empty()) return 0;
    check(query.front() == '?');

    // Walk the pairs alongside the set options.
    std::string_view rest = std::string_view(query).substr(1);
    for (const auto& [key, value] : options) {
        if (value.is_null()) continue;
        std::string_view pair = rest.substr(0, rest.find('&'));
        rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
        auto equals = pair.find('=');
        check(equals != std::string_view::npos);
        check(decoded(pair.substr(0, equals)) == std::string_view(key));
        std::string text = decoded(pair.substr(equals + 1));
        if (value.is_string()) check(text == std::string_view(value.get_string()));
    }
    check(rest.empty());
    return 0;
}
