// Every endpoint of the table on the wire: a real request over loopback to an
// in-process server, checked against tests/data/wire_cases.json. Built twice:
// over include/ and over single_include/.
#define BOOST_TEST_MODULE wire
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>

#ifdef WEBHOOKSIO_TEST_SINGLE_INCLUDE
#include <webhooksio.hpp>
#else
#include <webhooksio/webhooksio.hpp>
#endif

#include "support/loopback_server.hpp"

namespace json = boost::json;
using test_support::loopback_server;

namespace {

json::value load(const std::string& file) {
    std::ifstream in(std::string(WEBHOOKSIO_TEST_DATA_DIR) + "/" + file);
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

const json::object& find_by(const json::array& entries, std::string_view key, std::string_view name) {
    for (const auto& entry : entries)
        if (entry.at(key).as_string() == name) return entry.as_object();
    throw std::runtime_error("no entry " + std::string(name));
}

// The endpoint's ID tuple made from the case's strings, in route order.
template <class Params, std::size_t... I>
Params make_params(const json::array& ids, std::index_sequence<I...>) {
    return Params{std::tuple_element_t<I, Params>(std::string(ids.at(I).as_string()))...};
}

std::string header(const httplib::Headers& headers, const std::string& name) {
    auto it = headers.find(name);
    return it == headers.end() ? std::string("<absent>") : it->second;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_table_matches_the_reference_table) {
    const json::array reference = load("endpoints.json").at("endpoints").as_array();
    std::size_t count = 0, seed = 0;
    webhooksio::api::for_each_endpoint([&]<class E>(std::type_identity<E>) {
        BOOST_TEST_CONTEXT(E::name) {
            const json::object& entry = find_by(reference, "cpp_name", E::name);
            BOOST_TEST(entry.at("name").as_string() == E::seed_name);
            BOOST_TEST(entry.at("method").as_string() == webhooksio::to_string(E::method));
            BOOST_TEST(entry.at("path").as_string() == E::route);
            BOOST_TEST(entry.at("in_seed").as_bool() == E::in_seed);
            // Every option of the reference is a typed member, required where the
            // reference says so (or in a required one-of group).
            std::size_t options = 0;
            boost::mp11::mp_for_each<boost::describe::describe_members<typename E::options, boost::describe::mod_public>>(
                [&](auto member) {
                    ++options;
                    const json::object* option = nullptr;
                    for (const auto& o : entry.at("options").as_array())
                        if (o.at("name").as_string() == member.name) option = &o.as_object();
                    BOOST_TEST_REQUIRE(option != nullptr, member.name);
                    using type = std::remove_cvref_t<decltype(std::declval<typename E::options>().*member.pointer)>;
                    bool required = webhooksio::detail::is_required<type>;
                    bool in_group = false;
                    for (auto entry_name : webhooksio::detail::required_options<E>())
                        if (entry_name.find('|') != std::string_view::npos && entry_name.find(member.name) != std::string_view::npos)
                            in_group = true;
                    BOOST_TEST((required || in_group) == option->at("required").as_bool(), member.name);
                    // The help text is the reference's description of the same option, in the same place.
                    BOOST_TEST(E::option_docs.at(options - 1).name == member.name);
                });
            BOOST_TEST(options == entry.at("options").as_array().size());
            ++count;
            seed += E::in_seed;
        }
    });
    BOOST_TEST(count == reference.size());
    BOOST_TEST(seed == 77u);
}

BOOST_AUTO_TEST_CASE(every_call_is_correct_on_the_wire) {
    loopback_server server;
    webhooksio::client api{"KEY-123", {.base_url = server.base_url()}};
    const json::array cases = load("wire_cases.json").at("cases").as_array();
    std::size_t checked = 0;
    webhooksio::api::for_each_endpoint([&]<class E>(std::type_identity<E>) {
        BOOST_TEST_CONTEXT(E::name) {
            const json::object& c = find_by(cases, "name", E::name);
            using params = typename E::params;
            auto ids = make_params<params>(c.at("ids").as_array(), std::make_index_sequence<std::tuple_size_v<params>>{});
            json::value answer = api.call<E>(ids, c.at("options").as_object());
            if constexpr (E::method != webhooksio::http_method::head)
                BOOST_TEST(answer == json::parse(R"({"ok":true})"));

            const auto sent = server.last();
            BOOST_TEST(sent.method == c.at("method").as_string());
            BOOST_TEST(sent.target == c.at("target").as_string());
            BOOST_TEST(header(sent.headers, "Authorization") == "Bearer KEY-123");
            BOOST_TEST(header(sent.headers, "Accept") == "application/json");
            BOOST_TEST(header(sent.headers, "User-Agent") == std::string("webhooksio-cpp/") + webhooksio::version);
            if (c.at("body").is_null()) {
                BOOST_TEST(sent.body.empty());
                BOOST_TEST(header(sent.headers, "Content-Type") == "<absent>");
            } else {
                BOOST_TEST(json::parse(sent.body) == c.at("body"));
                BOOST_TEST(header(sent.headers, "Content-Type") == "application/json");
            }
            ++checked;
        }
    });
    BOOST_TEST(checked == cases.size());
    BOOST_TEST(server.requests().size() == cases.size());
}
