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
#include "support/wire_cases.hpp"

// ---- Compile-time checks over the whole table.
namespace table_checks {

namespace api = webhooksio::api;

// The 77 calls of the seed's Node.js client, by their seed names.
constexpr auto seed_calls = std::to_array<std::string_view>({
    "registerAccount", "createSubAccount", "getSubAccounts", "getAccount", "updateAccount", "deleteAccount",
    "createApplication", "updateApplication", "getApplication", "getApplications", "deleteApplication",
    "createApplicationVersion", "updateApplicationVersion", "getApplicationVersion",
    "getApplicationVersions", "deleteApplicationVersion", "createBucket", "updateBucket", "getBucket",
    "getBuckets", "deleteBucket", "createInput", "updateInput", "getInput", "getInputs", "deleteInput",
    "createDestination", "updateDestination", "getDestination", "getDestinations", "deleteDestination",
    "createRecipe", "updateRecipe", "publishRecipe", "getRecipe", "getRecipes", "deleteRecipe", "testRecipe",
    "createConsumer", "getConsumers", "updateConsumer", "getConsumer", "deleteConsumer",
    "getConsumerDestinations", "createConsumerDestination", "updateConsumerDestination",
    "deleteConsumerDestination", "getConsumerBuckets", "sendConsumerWebhookRequest",
    "getConsumerSubscription", "getConsumerRequestLog", "createClientToken", "getEmbeddedViewHtml",
    "getOverviewReport", "getSummaryReport", "getRequestLog", "getIncomingMessage", "getOutgoingMessage",
    "getOutgoingMessageStatus", "login", "changePassword", "getAPIToken", "resetPassword",
    "lookupPasswordChangeKey", "createUser", "updateUser", "getUser", "getUsers", "deleteUser",
    "verifyEmailAddress", "resendVerificationEmail", "healthCheck", "getPlans", "getPlan", "getTimezones",
    "getRetryPolicies", "getRetryPolicy",
});

template <class... E>
constexpr bool all_seed_calls_present(boost::mp11::mp_list<E...>) {
    for (std::string_view name : seed_calls)
        if (((E::seed_name == name && E::in_seed) + ... + 0) != 1) return false;
    return ((E::in_seed ? 1 : 0) + ... + 0) == int(seed_calls.size());
}

template <class... E>
constexpr bool no_two_share_method_and_route(boost::mp11::mp_list<E...>) {
    constexpr std::array<webhooksio::http_method, sizeof...(E)> methods{E::method...};
    constexpr std::array<std::string_view, sizeof...(E)> routes{E::route...};
    for (std::size_t i = 0; i < routes.size(); ++i)
        for (std::size_t j = i + 1; j < routes.size(); ++j)
            if (methods[i] == methods[j] && routes[i] == routes[j]) return false;
    return true;
}

template <class... E>
constexpr bool names_are_unique(boost::mp11::mp_list<E...>) {
    constexpr std::array<std::string_view, sizeof...(E)> names{E::name...};
    for (std::size_t i = 0; i < names.size(); ++i)
        for (std::size_t j = i + 1; j < names.size(); ++j)
            if (names[i] == names[j]) return false;
    return true;
}

static_assert(all_seed_calls_present(api::endpoints{}), "every call of the seed is in the table, once");
static_assert(no_two_share_method_and_route(api::endpoints{}), "no two endpoints share method and route");
static_assert(names_are_unique(api::endpoints{}), "no two endpoints share a C++ name");
// Placeholders against ID types are checked by every endpoint's base (endpoint.hpp).
static_assert(std::is_same_v<api::get_bucket::params, std::tuple<webhooksio::account_id, webhooksio::bucket_id>>);
static_assert(!std::is_convertible_v<webhooksio::bucket_id, webhooksio::account_id>, "IDs are distinct types");
static_assert(!std::is_convertible_v<std::string, webhooksio::account_id>, "IDs are made explicitly");

}  // namespace table_checks

namespace json = boost::json;
using test_support::loopback_server;

using test_support::find_by;
using test_support::header_of;
using test_support::load;
using test_support::make_params;

namespace {

// A value of the case for a member of C++ type T, as a user would write it.
template <class T>
T value_for(const json::value& v) {
    if constexpr (std::is_same_v<T, std::string>) return std::string(v.as_string());
    else if constexpr (std::is_same_v<T, bool>) return v.as_bool();
    else if constexpr (std::is_same_v<T, int>) return static_cast<int>(v.as_int64());
    else if constexpr (std::is_same_v<T, json::value>) return v;
    else if constexpr (std::is_same_v<T, std::vector<std::string>>) return json::value_to<std::vector<std::string>>(v);
    else return T(std::string(v.as_string()));  // an ID type
}

template <class M> struct member_value;
template <class C, class M> struct member_value<M C::*> { using type = M; };
template <class M> struct unwrapped { using type = M; };
template <class T, class N> struct unwrapped<webhooksio::required<T, N>> { using type = T; };
template <class T, class N> struct unwrapped<webhooksio::optional<T, N>> { using type = T; };
template <class D>
using value_type_of = typename unwrapped<typename member_value<std::remove_cv_t<decltype(D::pointer)>>::type>::type;

// The typed options struct with every option of the case set (the case
// must name every member: at() throws otherwise).
template <class Options, template <class...> class List, class... D>
Options typed_options(const json::object& given, List<D...>) {
    return Options{value_for<value_type_of<D>>(given.at(D::name))..., {}};
}

// Whether two lists of member descriptors name the same members in order.
template <template <class...> class L1, class... D1, template <class...> class L2, class... D2>
constexpr bool same_members(L1<D1...>, L2<D2...>) {
    if constexpr (sizeof...(D1) != sizeof...(D2)) {
        return false;
    } else {
        return ((std::string_view(D1::name) == std::string_view(D2::name) &&
                 std::is_same_v<decltype(D1::pointer), decltype(D2::pointer)>) && ...);
    }
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
            // reference says so (or in a required one-of group), as the table's
            // reflection shows it.
            const webhooksio::reflection::endpoint_info& info = webhooksio::reflection::info_of<E>();
            BOOST_TEST(info.name == E::name);
            BOOST_TEST(info.route == std::string_view(entry.at("path").as_string()));
            std::size_t options = 0;
            for (const webhooksio::reflection::option_info& member : info.options) {
                ++options;
                const json::object* option = nullptr;
                for (const auto& o : entry.at("options").as_array())
                    if (o.at("name").as_string() == member.name) option = &o.as_object();
                BOOST_TEST_REQUIRE(option != nullptr, member.name);
                bool in_group = false;
                for (std::string_view entry_name : info.required)
                    if (entry_name.find('|') != std::string_view::npos && entry_name.find(member.name) != std::string_view::npos)
                        in_group = true;
                BOOST_TEST((member.required || in_group) == option->at("required").as_bool(), member.name);
                // The help text is the reference's description of the same option, in the same place.
                BOOST_TEST(E::option_docs.at(options - 1).name == member.name);
                BOOST_TEST(E::option_docs.at(options - 1).description == member.description);
            }
            BOOST_TEST(options == entry.at("options").as_array().size());
            ++count;
            seed += E::in_seed;
        }
    });
    BOOST_TEST(count == reference.size());
    std::size_t seed_in_reference = 0;
    for (const json::value& entry : reference) seed_in_reference += entry.at("in_seed").as_bool();
    BOOST_TEST(seed == seed_in_reference);
    BOOST_TEST(seed == table_checks::seed_calls.size());
}

// Checks the request the server got last against the case.
void check_sent(const loopback_server& server, const json::object& c) {
    const auto sent = server.last();
    BOOST_TEST(sent.method == c.at("method").as_string());
    BOOST_TEST(sent.target == c.at("target").as_string());
    BOOST_TEST(header_of(sent.headers, "Authorization") == "Bearer KEY-123");
    BOOST_TEST(header_of(sent.headers, "Accept") == "application/json");
    BOOST_TEST(header_of(sent.headers, "User-Agent") == std::string("webhooksio-cpp/") + webhooksio::version);
    if (c.at("body").is_null()) {
        BOOST_TEST(sent.body.empty());
        BOOST_TEST(header_of(sent.headers, "Content-Type") == "<absent>");
    } else {
        BOOST_TEST(json::parse(sent.body) == c.at("body"));
        BOOST_TEST(header_of(sent.headers, "Content-Type") == "application/json");
    }
}

// Every endpoint twice: with its options free-form, and with its typed
// options struct, every member set; both must put the same on the wire.
BOOST_AUTO_TEST_CASE(every_call_is_correct_on_the_wire) {
    loopback_server server;
    webhooksio::client api{"KEY-123", {.base_url = server.base_url()}};
    const json::array cases = load("wire_cases.json").at("cases").as_array();
    std::size_t checked = 0;
    webhooksio::api::for_each_endpoint([&]<class E>(std::type_identity<E>) {
        BOOST_TEST_CONTEXT(E::name) {
            const json::object& c = find_by(cases, "name", E::name);
            using params = typename E::params;
            auto ids = make_params<params>(c.at("ids").as_array());
            const json::object& given = c.at("options").as_object();
            json::value answer = api.call<E>(ids, given);
            if constexpr (E::method != webhooksio::http_method::head)
                BOOST_TEST(answer == json::parse(R"({"ok":true})"));
            BOOST_TEST_CONTEXT("free-form") { check_sent(server, c); }

            using options = typename E::options;
            using members = webhooksio::detail::option_members<E>;
            BOOST_TEST(boost::mp11::mp_size<members>::value == given.size());
            // The Describe list, there for users' own reflection, is the same list.
            using described = boost::describe::describe_members<options, boost::describe::mod_public>;
            static_assert(same_members(members{}, described{}));
            api.call<E>(ids, typed_options<options>(given, members{}));
            BOOST_TEST_CONTEXT("typed") { check_sent(server, c); }
            ++checked;
        }
    });
    BOOST_TEST(checked == cases.size());
    BOOST_TEST(server.requests().size() == 2 * cases.size());
}

// A list goes as one comma-delimited string: an item that is empty or holds
// a comma can't, and the call is refused before anything is sent.
BOOST_AUTO_TEST_CASE(a_list_item_that_is_empty_or_holds_a_comma_is_refused) {
    loopback_server server;
    webhooksio::client api{"KEY-123", {.base_url = server.base_url()}};
    namespace wh = webhooksio;
    const wh::account_id account{"AC1"};
    for (const std::vector<std::string>& items :
         {std::vector<std::string>{"a,b"}, std::vector<std::string>{"a", ""}}) {
        auto typed = api.with(wh::nothrow).create_input(account, {.bucket_id = wh::bucket_id{"BU1"}, .name = "in", .event_filters = items});
        BOOST_TEST_REQUIRE(typed.has_error());
        BOOST_TEST(typed.error() == wh::errc::usage);
        BOOST_TEST(std::string(typed.error().what()).find("event_filters") != std::string::npos);
        json::object free{{"bucket_id", "BU1"}, {"name", "in"}, {"event_filters", json::value_from(items)}};
        auto free_form = api.call<wh::api::create_input>({account}, free, wh::nothrow);
        BOOST_TEST_REQUIRE(free_form.has_error());
        BOOST_TEST(free_form.error() == wh::errc::usage);
    }
    BOOST_TEST(server.requests().empty());
    // A list of good items, typed or free-form, is the same string.
    api.create_input(account, {.bucket_id = wh::bucket_id{"BU1"}, .name = "in", .event_filters = {{"a", "b c"}}});
    BOOST_TEST(json::parse(server.last().body).at("event_filters") == "a,b c");
    api.call<wh::api::create_input>({account}, json::object{{"bucket_id", "BU1"}, {"name", "in"},
                                                            {"event_filters", json::array{"a", "b c"}}});
    BOOST_TEST(json::parse(server.last().body).at("event_filters") == "a,b c");
}

// An option whose value is an ID takes the ID type, sent as its text.
static_assert(std::is_same_v<decltype(webhooksio::api::create_input::options::bucket_id),
                             webhooksio::required<webhooksio::bucket_id, webhooksio::api::option::bucket_id>>);
static_assert(!std::is_convertible_v<const char*, webhooksio::required<webhooksio::bucket_id>>);
static_assert(!std::is_convertible_v<const char*, webhooksio::optional<webhooksio::recipe_id>>);

// The typed answers convert the same way in both builds of this file: header-only
// (tolerant_json.hpp's templates) and separately compiled (model.hpp's declared
// conversions, compiled in separate_source.cpp).
BOOST_AUTO_TEST_CASE(model_conversions_are_tolerant_and_name_the_bad_field) {
    namespace wh = webhooksio;
    const auto b = json::value_to<wh::model::bucket>(
        json::parse(R"({"id":"BU1","name":"orders","later":1,"inputs":[{"id":"IN1","event_filters":"a,b"}]})"));
    BOOST_TEST(b.id.value().str() == "BU1");
    BOOST_TEST(!b.key.has_value());
    BOOST_TEST_REQUIRE(b.inputs.has_value());
    BOOST_TEST(b.inputs->at(0).event_filters == (std::vector<std::string>{"a", "b"}));
    BOOST_TEST(json::value_from(b).at("inputs").at(0).at("event_filters") == "a,b");
    BOOST_TEST(json::try_value_to<wh::model::log_entry>(json::parse(R"({"http_status":"x"})")).error() ==
               json::error::not_number);
    try {
        json::value_to<wh::model::bucket>(json::parse(R"({"inputs":[{"id":"IN1"},{"name":true}]})"));
        BOOST_FAIL("a boolean name converted");
    } catch (const boost::system::system_error& e) {
        BOOST_TEST(std::string(e.what()).starts_with("bucket.inputs[1].name (a boolean)"));
    }
}
