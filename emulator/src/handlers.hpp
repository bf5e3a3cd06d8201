// The emulator's behaviour for each endpoint, keyed by the endpoint's type.
// Each area of the API, as include/webhooksio/api/ splits it, has a file in
// handlers/ that gives every endpoint of its area a handler:
//
//     area_handlers<areas::buckets>(table)
//         .on<api::create_bucket>(create(bucket, account))
//         ...
//         .done();   // does not compile while an endpoint of the area has none
//
// The router finds each endpoint's method, route and required options in the
// client's table itself (reflection.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <webhooksio/api.hpp>

#include "service.hpp"

namespace webhooksio::emulation {

// The endpoints of each area of the client's table (api/<area>.hpp).
namespace areas = api::areas;

template <class E, class Handled>
constexpr void require_handler() {
    static_assert(boost::mp11::mp_contains<Handled, E>::value,
                  "webhooksio emulator: an endpoint of the client's table has no handler: give it one with "
                  ".on<api::NAME>(...) in its area's file in emulator/src/handlers/");
}

// Gives each endpoint of Area a handler, one .on<E>(handler) at a time.
template <class Area, class... Handled>
class [[nodiscard]] area_handlers {
public:
    explicit area_handlers(handler_table& table) : table_(table) {}

    template <class E>
    area_handlers<Area, Handled..., E> on(handler h) {
        static_assert(boost::mp11::mp_contains<Area, E>::value,
                      "webhooksio emulator: this endpoint belongs to another area: give it its handler there");
        static_assert(!boost::mp11::mp_contains<boost::mp11::mp_list<Handled...>, E>::value,
                      "webhooksio emulator: this endpoint has a handler already");
        table_.set(boost::mp11::mp_find<api::endpoints, E>::value, std::move(h));
        return area_handlers<Area, Handled..., E>(table_);
    }

    // Checks, at compile time, that every endpoint of the area has one.
    void done() {
        []<class... E>(boost::mp11::mp_list<E...>) {
            (require_handler<E, boost::mp11::mp_list<Handled...>>(), ...);
        }(Area{});
    }

private:
    handler_table& table_;
};

inline reply ok(boost::json::value body) { return {200, std::move(body)}; }

// The fixed data that more than one area serves (handlers/utils.cpp).
boost::json::array plans();
// The item of `items` with this "id"; a 404 naming `label` when none has it.
boost::json::value find_by_id(const boost::json::array& items, std::string_view id, std::string_view label);

// Text safe inside HTML, as an element's content or a quoted attribute's value (handlers/utils.cpp).
std::string html_escaped(std::string_view text);

}  // namespace webhooksio::emulation
