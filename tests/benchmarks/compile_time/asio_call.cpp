// Compile-time benchmark 4: a coroutine making one asynchronous call.
#include <boost/asio.hpp>
#include <webhooksio/asio.hpp>

boost::asio::awaitable<boost::json::value> one_call(webhooksio::asio_client& api) {
    co_return co_await api.async_get_bucket(webhooksio::account_id{"AC1"}, webhooksio::bucket_id{"BU1"},
                                            boost::asio::use_awaitable);
}
