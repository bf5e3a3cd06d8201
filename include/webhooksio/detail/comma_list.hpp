// The API's lists (event filters, e-mail addresses, header names) travel as
// one comma-delimited string: the one place that joins and splits them.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace webhooksio::detail {

// `text(item)` is each item's text: the items themselves by default, or e.g.
// the strings of a JSON array.
template <class Items, class Text = std::identity>
std::string join_comma_list(const Items& items, Text text = {}) {
    std::string joined;
    for (const auto& item : items) {
        if (!joined.empty()) joined += ',';
        joined += text(item);
    }
    return joined;
}

// "a,b" is {"a", "b"}; "" is {""}, one empty item (callers that read "" as
// no items at all say so).
inline std::vector<std::string> split_comma_list(std::string_view text) {
    std::vector<std::string> items;
    for (std::size_t comma; (comma = text.find(',')) != std::string_view::npos; text.remove_prefix(comma + 1))
        items.emplace_back(text.substr(0, comma));
    items.emplace_back(text);
    return items;
}

}  // namespace webhooksio::detail
