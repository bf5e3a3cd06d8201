// Relays 1,000 events through the request gateway at once, on one thread,
// with the asynchronous client: an emulator started in-process, an account,
// a bucket and an input made with the synchronous client, then 1,000
// coroutines each sending one webhook into the input. The client keeps at
// most max_connections (16) connections open; the other calls wait in line.
#include <iostream>
#include <string>

#include <boost/asio.hpp>
#include <webhooksio/asio.hpp>
#include <webhooksio/emulator.hpp>
#include <webhooksio/webhooksio.hpp>

namespace asio = boost::asio;
namespace json = boost::json;
using namespace webhooksio;

// One event into the gateway; true when the gateway accepted it.
asio::awaitable<bool> relay(asio_client& api, input_id input, int order) {
    // (The options are named before co_await: g++ 12 destroys a braced
    // temporary of a co_await expression twice.)
    const api::send_input_request::options event{.extra = {{"event", "order.created"}, {"order_id", order}}};
    auto [ec, accepted] = co_await api.async_send_input_request(input_name{"orders"}, input, event,
                                                                asio::as_tuple(asio::use_awaitable));
    if (ec) std::cerr << "order " << order << ": " << ec.message() << "\n";
    co_return !ec;
}

int main() {
    emulator local;
    // The account, bucket and input, with the synchronous client.
    client anonymous{"none", {.base_url = local.base_url()}};
    const json::value session = anonymous.register_account(
        {.first_name = "Ada", .last_name = "Lovelace", .email_address = "ada@example.com",
         .password = "correct horse", .plan_id = plan_id{"free"}, .invite_code = "relay",
         .password_confirm = "correct horse"});
    const account_id account{std::string(session.at("account_id").as_string())};
    const std::string key(session.at("api_token").as_string());
    client setup{key, {.base_url = local.base_url()}};
    const json::value bucket = setup.create_bucket(account, {.name = "Shop", .key = "shop"});
    const json::value input = setup.create_input(
        account, {.bucket_id = bucket_id{std::string(bucket.at("id").as_string())}, .name = "orders",
                  .event_location = "payload", .event_path = "event"});
    const input_id orders{std::string(input.at("id").as_string())};

    // 1,000 events at once, on one thread.
    asio::io_context io;
    asio_client api{io.get_executor(), key, {.base_url = local.base_url()}};
    int accepted = 0;
    for (int order = 1; order <= 1000; ++order)
        asio::co_spawn(io, relay(api, orders, order), [&](std::exception_ptr failure, bool ok) {
            if (failure) std::rethrow_exception(failure);
            accepted += ok;
        });
    io.run();
    std::cout << accepted << " of 1000 events accepted by the gateway\n";
    return accepted == 1000 ? 0 : 1;
}
