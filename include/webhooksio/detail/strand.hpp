// The strand an asio_client and its transport run on, as an any_io_executor,
// through Asio's public strand (<boost/asio/strand.hpp>).
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>

namespace webhooksio::detail {

// A strand over `executor`, or `executor` itself when it is a strand already.
// Over an io_context's own executor the strand is a strand of that concrete
// type: small enough to live inside the any_io_executor, so that copying it
// (every asynchronous step does, to track its work) never allocates.
inline boost::asio::any_io_executor strand_of(const boost::asio::any_io_executor& executor) {
    namespace net = boost::asio;
    using io_executor = net::io_context::executor_type;
    if (executor.target<net::strand<io_executor>>() || executor.target<net::strand<net::any_io_executor>>())
        return executor;
    if (const auto* io = executor.target<io_executor>()) return net::make_strand(*io);
    return net::make_strand(executor);
}

}  // namespace webhooksio::detail
