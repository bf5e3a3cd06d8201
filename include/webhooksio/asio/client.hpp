// The asynchronous client: basic_asio_client<AsyncTransport> turns endpoint
// types into asynchronous operations for any Asio completion token
// (callbacks, use_awaitable, deferred, use_future, as_tuple, ...), and
// asio_client is the one over Boost.Beast.
//
//   webhooksio::asio_client api{io.get_executor(), key, {.base_url = url}};
//   boost::json::value b = co_await api.async_get_bucket(account_id{"AC1"}, bucket_id{"BU1"}, {},
//                                                        asio::use_awaitable);
//
// Every call completes with (boost::system::error_code, boost::json::value),
// the codes those of the synchronous client (webhooksio::errc, or the
// system's for a transport failure), and works as the synchronous one does:
// the same requests, the same retries (backoff waits on a timer; no thread
// ever sleeps), and client_options::total_timeout bounding the whole call.
// The diagnostics of a failed call come through an overload taking a
// webhooksio::diagnostics& (which must outlive the call); the whole response
// through a token combined with webhooksio::with_response
// (`asio::use_awaitable | webhooksio::with_response`), completing with
// (error_code, webhooksio::response).
//
// An exception thrown inside a call (by a hook, the transport or the
// decoder) is the call's outcome, as in asio::co_spawn: with asio::use_future
// the future holds it, with asio::use_awaitable the co_await throws it; with
// any other token it is thrown where the completion handler would run, out
// of io_context::run(), and the handler is not called. With those two tokens
// a failed call throws its typed webhooksio::exception (a system_error).
//
// Cancellation: through the token's cancellation slot (terminal, partial or
// total), a call completes with boost::asio::error::operation_aborted; its
// connection is closed. Threads: one client may be used from every thread of
// a multi-threaded io_context (its calls run on a strand of its own).
// Destroying the client cancels the calls in flight: they complete with
// operation_aborted; it never waits for them.
#pragma once

#include <chrono>
#include <concepts>
#include <list>
#include <optional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json.hpp>

#include "../api.hpp"
#include "../client_options.hpp"
#include "../config.hpp"
#include "../detail/await_temporaries.hpp"
#include "../detail/client_core.hpp"
#include "../detail/endpoint_ids.hpp"
#include "../error.hpp"
#include "../options.hpp"
#include "../response.hpp"
#include "../tokens.hpp"
#include "async_transport.hpp"
#include "beast_transport.hpp"

namespace webhooksio {

// How an asynchronous call completes: the response's JSON body (null on
// error), or with `with_response` the whole response.
using call_signature = void(boost::system::error_code, boost::json::value);
using response_signature = void(boost::system::error_code, response);

// An Asio completion token asking for the whole response:
// `asio::use_awaitable | webhooksio::with_response`.
template <class Token>
struct asio_response_token {
    Token token;
};

template <class Token>
    requires(!std::same_as<std::remove_cvref_t<Token>, nothrow_t> &&
             boost::asio::completion_token_for<std::decay_t<Token>, response_signature>)
asio_response_token<std::decay_t<Token>> operator|(Token&& token, with_response_t) {
    return {std::forward<Token>(token)};
}

namespace detail {

template <class T>
inline constexpr bool is_response_token = false;
template <class T>
inline constexpr bool is_response_token<asio_response_token<T>> = true;

// The tokens that carry an exception to their caller (a future, an awaiting
// coroutine): a call made with one completes with (std::exception_ptr, T),
// as asio::co_spawn does, so that an exception thrown inside the call, and
// a failure as its typed exception, reach the caller.
template <class T>
inline constexpr bool carries_exceptions = false;
template <class Allocator>
inline constexpr bool carries_exceptions<boost::asio::use_future_t<Allocator>> = true;
template <class Executor>
inline constexpr bool carries_exceptions<boost::asio::use_awaitable_t<Executor>> = true;

template <class T>
using throwing_signature = void(std::exception_ptr, T);

// An asynchronous transport behind one pointer and two functions, as
// transport_ref is for the synchronous one: the call loop is compiled once.
// A beast_transport on the client's strand is also awaited directly
// (co_send), past the completion-token machinery.
class async_transport_ref {
public:
    using handler = boost::asio::any_completion_handler<send_signature>;
    using send_result = std::tuple<boost::system::error_code, http_response>;

    template <async_transport T>
    async_transport_ref(T& t, const boost::asio::any_io_executor& strand) noexcept
        : object_(&t), send_([](void* object, const http_request& request, handler h) {
              static_cast<T*>(object)->async_send(request, std::move(h));
          }) {
        if constexpr (std::same_as<T, beast_transport>) {
            if (t.runs_on(strand))
                co_send_ = [](void* object, const http_request& request, boost::asio::cancellation_slot slot) {
                    return static_cast<T*>(object)->co_send(request, slot);
                };
        }
    }

    void async_send(const http_request& request, handler h) const { send_(object_, request, std::move(h)); }

    bool awaitable() const noexcept { return co_send_ != nullptr; }
    boost::asio::awaitable<send_result> co_send(const http_request& request,
                                                boost::asio::cancellation_slot slot) const {
        return co_send_(object_, request, slot);
    }

private:
    void* object_;
    void (*send_)(void*, const http_request&, handler);
    boost::asio::awaitable<send_result> (*co_send_)(void*, const http_request&,
                                                    boost::asio::cancellation_slot) = nullptr;
};

struct call_control;

// What an asio_client's calls share, whatever its transport: the request
// pipeline, the strand its calls run on, and the calls in flight (which the
// client's destruction cancels). Lives as long as its last call.
class async_client_state : public std::enable_shared_from_this<async_client_state> {
public:
    WEBHOOKSIO_DECL async_client_state(boost::asio::any_io_executor executor, std::string api_key,
                                       const client_options& options);
    async_client_state(const async_client_state&) = delete;
    async_client_state& operator=(const async_client_state&) = delete;

    // The client is gone: every call in flight completes with
    // operation_aborted. Runs on the strand.
    WEBHOOKSIO_DECL void shutdown();

    // The deadlines' timer, set while calls with a total_timeout are in
    // flight (and only then: a pending timer would keep io_context::run()
    // from returning).
    WEBHOOKSIO_DECL void watch_deadlines();
    WEBHOOKSIO_DECL void stop_watching();

    client_core core;
    boost::asio::any_io_executor executor;   // the user's
    boost::asio::any_io_executor on_strand;  // a strand over it (detail/strand.hpp)
    boost::asio::steady_timer deadlines;
    std::chrono::milliseconds total_timeout;
    std::string server;  // "host:port", for messages
    std::list<call_control*> calls;  // in flight, in the order they started
    bool closed = false;
    bool watching = false;  // the deadlines' timer is set
    std::optional<async_transport_ref> sender;  // the client's transport
};

// Starts one call whose request was built (or refused) already; compiled
// once for every endpoint and token. The spec is a constant of the program;
// `diag`, when given, receives the diagnostics of a failure.
WEBHOOKSIO_DECL void start_call(std::shared_ptr<async_client_state> client, const call_spec& call,
                                result<http_request> request, diagnostics* diag,
                                boost::asio::any_completion_handler<call_signature> handler);
WEBHOOKSIO_DECL void start_call(std::shared_ptr<async_client_state> client, const call_spec& call,
                                result<http_request> request, diagnostics* diag,
                                boost::asio::any_completion_handler<response_signature> handler);
WEBHOOKSIO_DECL void start_call(std::shared_ptr<async_client_state> client, const call_spec& call,
                                result<http_request> request, diagnostics* diag,
                                boost::asio::any_completion_handler<throwing_signature<boost::json::value>> handler);
WEBHOOKSIO_DECL void start_call(std::shared_ptr<async_client_state> client, const call_spec& call,
                                result<http_request> request, diagnostics* diag,
                                boost::asio::any_completion_handler<throwing_signature<response>> handler);

}  // namespace detail

namespace detail {

// How a named method reaches its client's private members: a client
// befriends this one class rather than a base per endpoint.
struct async_named_access {
    template <class E, class Client, std::size_t N, class Token>
    static auto initiate(Client& client, const std::array<std::string_view, N>& ids,
                         const typename E::options& options, diagnostics* diag, Token&& token) {
        return client.template initiate_named<E>(std::span<const std::string_view>(ids), options, diag,
                                                 std::forward<Token>(token));
    }
    template <class Client, class E, class Token>
    static constexpr bool refuses = Client::template refuses_temporary_options<E, Token>;
};

// A call of E made without its options, with a token: possible when none of
// E's options is required.
template <class E, class Token>
concept optionless_call = all_optional<E> &&
                          !std::is_same_v<std::remove_cvref_t<Token>, typename E::options> &&
                          !std::is_same_v<std::remove_cvref_t<Token>, diagnostics>;

// The asynchronous named methods, written once for every endpoint of the
// table: async_E(ids..., options, [diagnostics&,] token), the same without
// options when none is required, and the overloads that refuse options as a
// temporary where g++ before 14 would destroy them twice.
#define WEBHOOKSIO_DETAIL_ASYNC_NAMED_METHOD(E)                                                               \
    template <class Client, class Ids = ::webhooksio::api::E::params>                                         \
    struct async_##E##_method;                                                                                \
    template <class Client, class... Ids>                                                                     \
    struct async_##E##_method<Client, std::tuple<Ids...>> {                                                   \
        using options_type = ::webhooksio::api::E::options;                                                   \
        template <class Token>                                                                                \
        auto async_##E(const Ids&... ids, const options_type& options, Token&& token) {                       \
            return async_named_access::initiate<::webhooksio::api::E>(                                        \
                static_cast<Client&>(*this), std::array<std::string_view, sizeof...(Ids)>{ids.str_view()...}, \
                options, nullptr, std::forward<Token>(token));                                                \
        }                                                                                                     \
        template <class Token>                                                                                \
        auto async_##E(const Ids&... ids, const options_type& options, diagnostics& diag, Token&& token) {    \
            return async_named_access::initiate<::webhooksio::api::E>(                                       \
                static_cast<Client&>(*this), std::array<std::string_view, sizeof...(Ids)>{ids.str_view()...}, \
                options, &diag, std::forward<Token>(token));                                                  \
        }                                                                                                     \
        template <class Token>                                                                                \
            requires optionless_call<::webhooksio::api::E, Token>                                             \
        auto async_##E(const Ids&... ids, Token&& token) {                                                    \
            return async_named_access::initiate<::webhooksio::api::E>(                                       \
                static_cast<Client&>(*this), std::array<std::string_view, sizeof...(Ids)>{ids.str_view()...}, \
                options_type{}, nullptr, std::forward<Token>(token));                                         \
        }                                                                                                     \
        template <class Token>                                                                                \
            requires optionless_call<::webhooksio::api::E, Token>                                             \
        auto async_##E(const Ids&... ids, diagnostics& diag, Token&& token) {                                 \
            return async_named_access::initiate<::webhooksio::api::E>(                                       \
                static_cast<Client&>(*this), std::array<std::string_view, sizeof...(Ids)>{ids.str_view()...}, \
                options_type{}, &diag, std::forward<Token>(token));                                           \
        }                                                                                                     \
        template <class Token>                                                                                \
            requires async_named_access::refuses<Client, ::webhooksio::api::E, Token>                         \
        void async_##E(const Ids&..., options_type&&, Token&&) {                                              \
            Client::template refuse_temporary_options<Token>();                                               \
        }                                                                                                     \
        template <class Token>                                                                                \
            requires async_named_access::refuses<Client, ::webhooksio::api::E, Token>                         \
        void async_##E(const Ids&..., options_type&&, diagnostics&, Token&&) {                                \
            Client::template refuse_temporary_options<Token>();                                               \
        }                                                                                                     \
    };

WEBHOOKSIO_API_ENDPOINTS(WEBHOOKSIO_DETAIL_ASYNC_NAMED_METHOD)

// Every asynchronous named method, as the bases of one class.
struct no_more_async_methods {};
#define WEBHOOKSIO_DETAIL_ASYNC_NAMED_BASE(E) async_##E##_method<Client>,
template <class Client>
struct async_named_methods : WEBHOOKSIO_API_ENDPOINTS(WEBHOOKSIO_DETAIL_ASYNC_NAMED_BASE) no_more_async_methods {};

#undef WEBHOOKSIO_DETAIL_ASYNC_NAMED_BASE
#undef WEBHOOKSIO_DETAIL_ASYNC_NAMED_METHOD

}  // namespace detail

template <async_transport Transport>
class basic_asio_client : public detail::async_named_methods<basic_asio_client<Transport>> {
    friend struct detail::async_named_access;

public:
    using executor_type = boost::asio::any_io_executor;

    // A client with the transport built from the executor and the options.
    // Throws usage_error for a bad key, base URL, proxy or CA bundle.
    basic_asio_client(executor_type executor, std::string api_key, const client_options& options = {})
        requires std::constructible_from<Transport, executor_type, const client_options&>
        : state_(std::make_shared<state>(std::move(executor), std::move(api_key), options)) {}

    // A client over a transport of your own.
    basic_asio_client(executor_type executor, std::string api_key, const client_options& options,
                      Transport transport)
        : state_(std::make_shared<state>(std::move(executor), std::move(api_key), options, std::move(transport))) {}

    basic_asio_client(basic_asio_client&&) noexcept = default;
    basic_asio_client& operator=(basic_asio_client&& other) noexcept {
        cancel_all();
        state_ = std::move(other.state_);
        return *this;
    }

    // Cancels the calls in flight; never blocks.
    ~basic_asio_client() { cancel_all(); }

    // Internals of the overloads that refuse options as a temporary, here
    // and in the named methods: whether E's options given as a temporary
    // with `Token` are refused (the overloads taking them by && are chosen
    // for a temporary), and the message.
    template <class E, class Token>
    static constexpr bool refuses_temporary_options = [] {
        if constexpr (detail::is_response_token<std::remove_cvref_t<Token>>)
            return detail::unsafe_temporary_options<typename E::options, decltype(std::declval<Token>().token),
                                                    response_signature>();
        else
            return detail::unsafe_temporary_options<typename E::options, Token, call_signature>();
    }();

    template <class Token>
    static void refuse_temporary_options(const auto&...) {
        static_assert(detail::always_false<Token>,
                      "webhooksio: with g++ before 14, options given as a braced list (or any temporary) in a "
                      "co_await expression are destroyed twice (a double free). Name them first: "
                      "`const api::create_bucket::options o{.name = ...}; co_await api.async_create_bucket(id, o, "
                      "asio::use_awaitable);`, or leave out the options of a call that needs none: "
                      "`co_await api.async_get_bucket(a, b, asio::use_awaitable);`");
    }

    executor_type get_executor() const noexcept { return state_->executor; }
    Transport& transport() noexcept { return state_->transport; }

    // The generic call: async_call<api::get_bucket>({account_id{"AC1"}, bucket_id{"BU1"}}, {.expand = true}, token).
    template <detail::endpoint_type E, class Token>
    auto async_call(const typename E::params& ids, const typename E::options& options, Token&& token) {
        return initiate(detail::spec_of<E>, detail::id_views(ids), detail::values_of<E>(options), nullptr,
                        std::forward<Token>(token));
    }

    // The same, the diagnostics of a failure going to `diag`.
    template <detail::endpoint_type E, class Token>
    auto async_call(const typename E::params& ids, const typename E::options& options, diagnostics& diag,
                    Token&& token) {
        return initiate(detail::spec_of<E>, detail::id_views(ids), detail::values_of<E>(options), &diag,
                        std::forward<Token>(token));
    }

    // Without options, when none of E's is required.
    template <detail::endpoint_type E, class Token>
        requires detail::optionless_call<E, Token>
    auto async_call(const typename E::params& ids, Token&& token) {
        const typename E::options none{};
        return initiate(detail::spec_of<E>, detail::id_views(ids), detail::values_of<E>(none), nullptr,
                        std::forward<Token>(token));
    }

    // Typed options as a temporary, where g++ before 14 would free their
    // strings twice (detail/await_temporaries.hpp): the build stops.
    template <detail::endpoint_type E, class Token>
        requires refuses_temporary_options<E, Token>
    auto async_call(const typename E::params& ids, typename E::options&&, Token&&) {
        refuse_temporary_options<Token>(ids);
    }
    template <detail::endpoint_type E, class Token>
        requires refuses_temporary_options<E, Token>
    auto async_call(const typename E::params& ids, typename E::options&&, diagnostics&, Token&&) {
        refuse_temporary_options<Token>(ids);
    }

    // With free-form options, any option of the API by name.
    template <detail::endpoint_type E, std::same_as<boost::json::object> FreeForm, class Token>
    auto async_call(const typename E::params& ids, const FreeForm& options, Token&& token) {
        return initiate(detail::spec_of<E>, detail::id_views(ids), free_form(options), nullptr,
                        std::forward<Token>(token));
    }

    template <detail::endpoint_type E, std::same_as<boost::json::object> FreeForm, class Token>
    auto async_call(const typename E::params& ids, const FreeForm& options, diagnostics& diag, Token&& token) {
        return initiate(detail::spec_of<E>, detail::id_views(ids), free_form(options), &diag,
                        std::forward<Token>(token));
    }

    // The named methods, one per endpoint (async_create_bucket(account_id,
    // options, token), with and without diagnostics), come from the bases.

private:
    struct state : detail::async_client_state {
        state(executor_type executor, std::string api_key, const client_options& options)
            : detail::async_client_state(std::move(executor), std::move(api_key), options),
              transport(on_strand, options) {
            sender.emplace(transport, on_strand);
        }
        state(executor_type executor, std::string api_key, const client_options& options, Transport t)
            : detail::async_client_state(std::move(executor), std::move(api_key), options), transport(std::move(t)) {
            sender.emplace(transport, on_strand);
        }
        Transport transport;
    };

    static detail::option_values free_form(const boost::json::object& options) { return {{}, &options}; }

    // What a named method hands over: its endpoint, IDs and typed options.
    template <class E, class Token>
    auto initiate_named(std::span<const std::string_view> ids, const typename E::options& options,
                        diagnostics* diag, Token&& token) {
        return initiate(detail::spec_of<E>, ids, detail::values_of<E>(options), diag, std::forward<Token>(token));
    }

    void cancel_all() {
        if (state_) boost::asio::post(state_->on_strand, [s = state_] { s->shutdown(); });
    }

    // The request is built (and checked) now, while the IDs and options are
    // alive; the rest is the shared code's.
    template <class Token>
    auto initiate(const detail::call_spec& call, std::span<const std::string_view> ids,
                  const detail::option_values& options, diagnostics* diag, Token&& token) {
        result<http_request> request = state_->core.build(call, ids, options);
        if constexpr (detail::is_response_token<std::remove_cvref_t<Token>>)
            return initiate_with<response>(token.token, call, std::move(request), diag);
        else
            return initiate_with<boost::json::value>(token, call, std::move(request), diag);
    }

    // A call completing with T: (std::exception_ptr, T) for the tokens that
    // carry exceptions, (error_code, T) for the others.
    template <class T, class Token>
    auto initiate_with(Token& token, const detail::call_spec& call, result<http_request> request,
                       diagnostics* diag) {
        using signature = std::conditional_t<detail::carries_exceptions<std::remove_cvref_t<Token>>,
                                             detail::throwing_signature<T>, void(boost::system::error_code, T)>;
        return boost::asio::async_initiate<Token, signature>(start<signature>{}, token, state_, &call,
                                                              std::move(request), diag);
    }

    template <class Signature>
    struct start {
        template <class Handler>
        void operator()(Handler&& handler, std::shared_ptr<detail::async_client_state> client,
                        const detail::call_spec* call, result<http_request> request, diagnostics* diag) const {
            detail::start_call(std::move(client), *call, std::move(request), diag,
                               boost::asio::any_completion_handler<Signature>(std::forward<Handler>(handler)));
        }
    };

    std::shared_ptr<state> state_;
};

using asio_client = basic_asio_client<beast_transport>;

}  // namespace webhooksio

#if WEBHOOKSIO_DEFINITIONS
#include "impl/client.ipp"
#endif
