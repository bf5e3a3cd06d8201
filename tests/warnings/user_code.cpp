// A user's file as a user writes it: designated initializers that leave
// options out, tokens, the asynchronous client's callbacks, futures and
// coroutines, the recording transport. The test
// `user_code_compiles_clean` builds it with -Wall -Wextra -Wpedantic -Werror
// (with g++, and with clang in CI): the library must add no warning to a
// user's build.
#include <webhooksio/asio.hpp>
#include <webhooksio/testing/recording_transport.hpp>
#include <webhooksio/webhooksio.hpp>

#include <future>
#include <iostream>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>

using namespace webhooksio;

// Every seed call, each with only its required options set.
#include "../benchmarks/compile_time/seed_calls.inc"

void more_calls(client& api) {
    client local{"KEY", {.base_url = "http://127.0.0.1:1", .max_retries = 0}};
    api.get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {.expand = true});
    api.create_bucket(account_id{"AC1"}, {.name = "B", .extra = {{"description", "from C++"}}});
    api.send_input_request(input_name{"orders"}, input_id{"IN1"},
                           {.payload = boost::json::object{{"type", "order.created"}}, .headers = {{"X-Event", "e"}}});
    result<response> whole = api.with(nothrow | with_response).get_plans();
    if (!whole) std::cerr << whole.error() << '\n';
    testing::recording_transport wire;
    wire.respond({.status = 200, .body = "{}"});
    basic_client<testing::recording_transport> recorded{"KEY", {}, wire};
    recorded.health_check();
}

boost::asio::awaitable<void> async_calls(asio_client& api) {
    namespace asio = boost::asio;
    api.async_get_plans({}, [](boost::system::error_code ec, boost::json::value) {
        if (ec) std::cerr << ec.message() << '\n';
    });
    std::future<boost::json::value> later = api.async_get_plans({}, asio::use_future);
    boost::json::value bucket = co_await api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, asio::use_awaitable);
    const api::send_input_request::options webhook{.raw_body = std::string(100, 'x'), .content_type = "text/plain"};
    auto [ec, sent] = co_await api.async_send_input_request(input_name{"orders"}, input_id{"IN1"}, webhook,
                                                            asio::as_tuple(asio::use_awaitable));
    if (ec) std::cerr << ec.message() << '\n';
    std::cout << bucket << sent << later.get() << '\n';
}

int main() {}
