// Benchmark 4, the floor: all_calls.cpp's 77 calls against a client that only
// declares its named methods, so that no code of the library is compiled but
// the endpoint table and what the call sites build themselves (IDs and
// options structs). tools/bench.sh times it beside all_calls.cpp.
#include <httplib.h>

#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/preprocessor/repetition/repeat.hpp>

#include <webhooksio/detail/named_methods.hpp>

namespace webhooksio {

// The table's named methods call run<E>, which this client only declares.
struct client;
template <>
struct detail::named_result<client> {
    using type = boost::json::value;
};
struct client : detail::named_methods<client> {
    template <class E, class... Args>
    boost::json::value run(Args&&...);
};

}  // namespace webhooksio

using namespace webhooksio;

#include "seed_calls.inc"
