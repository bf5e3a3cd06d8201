// The asynchronous transport concept: how an asio_client's requests reach the
// network. beast_transport.hpp is the default; a test or an application can
// plug in its own (testing/async_recording_transport.hpp is one).
#pragma once

#include <boost/system/error_code.hpp>

#include "../transport.hpp"

namespace webhooksio {

// How every asynchronous send completes: an error, or the response whatever
// its status (statuses are the client's business, not the transport's).
using send_signature = void(boost::system::error_code, http_response);

namespace detail {
// A handler with that signature: what the concept below tries a send with.
struct send_handler_archetype {
    void operator()(boost::system::error_code, http_response) const {}
};
}  // namespace detail

// t.async_send(request, token) sends one request and completes with
// send_signature, for any Asio completion token (through asio::async_initiate).
// The request is copied before async_send returns. An operation cancelled
// through its token's cancellation slot completes with
// boost::asio::error::operation_aborted.
template <class T>
concept async_transport = requires(T& t, const http_request& request) {
    t.async_send(request, detail::send_handler_archetype{});
};

}  // namespace webhooksio
