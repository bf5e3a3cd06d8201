// A new user's first gateway send, its options braced in the co_await
// expression. Its members are all optional, yet g++ before 14 destroys them
// twice (munmap_chunk(): invalid pointer at run time): the build stops
// instead. Registered for those compilers only; the named form runs in
// asio_test (options_in_a_co_await_expression_are_destroyed_once).
#include <string>

#include <boost/asio.hpp>
#include <webhooksio/asio.hpp>
namespace asio = boost::asio;
asio::awaitable<void> send(webhooksio::asio_client& api) {
    const webhooksio::input_id in{"IN1"};
    co_await api.async_send_input_request(webhooksio::input_name{"orders"}, in,
                                          {.raw_body = std::string(100, 'x'), .content_type = "text/plain"},
                                          asio::as_tuple(asio::use_awaitable));
}
int main() {
    asio::io_context io;
    webhooksio::asio_client api{io.get_executor(), "KEY-123456789012"};
    asio::co_spawn(io, send(api), asio::detached);
}
