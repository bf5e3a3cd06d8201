// boost::json::value_to and value_from for Boost.Describe'd structs, tolerant
// as an API client must be: a member the JSON leaves out keeps its default
// (an optional stays empty), null empties an optional, and a field the struct
// doesn't describe is ignored. (Boost.JSON 1.81's own conversion of described
// classes wants every member and nothing else: an answer that gains a field
// would stop converting.)
//
// The structs of webhooksio::model use it. A namespace of your own opts in
// with one line, and then value_to<T> is tolerant for its described structs:
//
//     namespace shop {
//     struct order { std::string id; std::optional<int> total; };
//     BOOST_DESCRIBE_STRUCT(order, (), (id, total))
//     using webhooksio::tolerant::tag_invoke;
//     }
//     auto o = boost::json::value_to<shop::order>(boost::json::parse(R"({"id":"O1","extra":1})"));
#pragma once

#include <string>
#include <utility>

#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>

#include "detail/tolerant_json.hpp"

namespace webhooksio::tolerant {

// A struct whose public members Boost.Describe lists.
using detail::described_struct;

template <described_struct T>
boost::json::result<T> tag_invoke(boost::json::try_value_to_tag<T>, const boost::json::value& in) {
    return detail::read_struct<T>(in, nullptr);
}

// The same, throwing what try_value_to returns as a boost::system::system_error
// whose message names the value of the wrong type: "bucket.inputs[1].name (a
// number): value is not a string".
template <described_struct T>
T tag_invoke(boost::json::value_to_tag<T>, const boost::json::value& in) {
    std::string where;
    auto read = detail::read_struct<T>(in, &where);
    if (!read) detail::throw_read_error(read.error(), detail::unqualified_name<T>() + where);
    return std::move(*read);
}

template <described_struct T>
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const T& in) {
    boost::json::object& fields = out.emplace_object();
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
        [&](auto member) { detail::write_member(fields, member.name, in.*member.pointer); });
}

}  // namespace webhooksio::tolerant
