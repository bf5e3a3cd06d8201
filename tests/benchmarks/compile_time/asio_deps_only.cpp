// Compile-time benchmark 4, the asynchronous anchor: the headers of Asio, its
// SSL part and Beast's HTTP only, which an asio_client call needs anyway
// (not Boost.JSON's or the endpoint table's, which the library adds).
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

boost::asio::awaitable<int> one_call() { co_return 1; }
