// tests/data/ for the wire tests: the JSON files, an entry by name, an
// endpoint's ID tuple from a case's strings, and a header as the server saw it.
#pragma once

#include <cstddef>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include <boost/json.hpp>

namespace test_support {

inline boost::json::value load(const std::string& file) {
    std::ifstream in(std::string(WEBHOOKSIO_TEST_DATA_DIR) + "/" + file);
    std::stringstream text;
    text << in.rdbuf();
    return boost::json::parse(text.str());
}

inline const boost::json::object& find_by(const boost::json::array& entries, std::string_view key,
                                          std::string_view name) {
    for (const auto& entry : entries)
        if (entry.at(key).as_string() == name) return entry.as_object();
    throw std::runtime_error("no entry " + std::string(name));
}

// The endpoint's ID tuple made from the case's strings, in route order.
template <class Params, std::size_t... I>
Params make_params(const boost::json::array& ids, std::index_sequence<I...>) {
    return Params{std::tuple_element_t<I, Params>(std::string(ids.at(I).as_string()))...};
}

template <class Params>
Params make_params(const boost::json::array& ids) {
    return make_params<Params>(ids, std::make_index_sequence<std::tuple_size_v<Params>>{});
}

// The value of header `name` in a server's map of the headers it received,
// or "<absent>".
template <class Headers>
std::string header_of(const Headers& headers, const std::string& name) {
    auto it = headers.find(name);
    return it == headers.end() ? std::string("<absent>") : it->second;
}

}  // namespace test_support
