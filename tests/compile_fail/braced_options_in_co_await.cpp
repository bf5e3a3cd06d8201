// g++ before 14 destroys twice the members of options braced in a co_await
// expression (detail/await_temporaries.hpp): the build stops instead of the
// program freeing memory twice at run time. Registered for those compilers only.
#include <boost/asio.hpp>
#include <webhooksio/asio.hpp>
namespace asio = boost::asio;
asio::awaitable<void> create(webhooksio::asio_client& api) {
    co_await api.async_create_bucket(webhooksio::account_id{"AC1"}, {.name = "B", .key = "K"}, asio::use_awaitable);
}
int main() {
    asio::io_context io;
    webhooksio::asio_client api{io.get_executor(), "KEY-123456789012"};
    asio::co_spawn(io, create(api), asio::detached);
}
