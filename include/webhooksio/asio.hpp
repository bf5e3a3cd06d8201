// The asynchronous part of the library, over Boost.Asio and Boost.Beast. Not
// included by <webhooksio/webhooksio.hpp>: a program that only makes
// synchronous calls never compiles Asio for it.
//
// With WEBHOOKSIO_SEPARATE_COMPILATION, the file that includes
// <webhooksio/src.hpp> includes this header right after it, so that the
// asynchronous part is compiled there too. The transport for tests is
// <webhooksio/testing/async_recording_transport.hpp>.
#pragma once

#include "asio/async_transport.hpp"
#include "asio/beast_transport.hpp"
#include "asio/client.hpp"
