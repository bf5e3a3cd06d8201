// The transport concept: how the client's requests reach the network. The
// default is cpp-httplib (httplib_transport.hpp); a test or an application
// can plug in its own.
#pragma once

#include <chrono>
#include <concepts>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config.hpp"
#include "error.hpp"
#include "http.hpp"
#include "result.hpp"

namespace webhooksio {

// A transport sends one request and returns the response or a transport error.
// One transport serves every thread of its client: send() must be thread-safe.
template <class T>
concept transport = requires(T& t, const http_request& request) {
    { t.send(request) } -> std::same_as<result<http_response>>;
};

namespace detail {

// A reference to any transport: one pointer and one function, so that the
// code shared by every client (retries, the request pipeline) is compiled
// once and not once per transport type.
class transport_ref {
public:
    template <transport T>
    explicit transport_ref(T& t) noexcept
        : object_(&t), send_([](void* object, const http_request& request) {
              return static_cast<T*>(object)->send(request);
          }) {}

    result<http_response> send(const http_request& request) const { return send_(object_, request); }

private:
    void* object_;
    result<http_response> (*send_)(void*, const http_request&);
};

}  // namespace detail

}  // namespace webhooksio

