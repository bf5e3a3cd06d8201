// The client: basic_client<Transport> turns endpoint types into calls, and
// `client` is the one over cpp-httplib.
#pragma once

#include <array>
#include <concepts>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "api.hpp"
#include "client_options.hpp"
#include "detail/client_core.hpp"
#include "detail/endpoint_ids.hpp"
#include "detail/named_methods.hpp"
#include "detail/request.hpp"
#include "error.hpp"
#include "httplib_transport.hpp"
#include "options.hpp"
#include "reflection.hpp"
#include "response.hpp"
#include "result.hpp"
#include "retry.hpp"
#include "tokens.hpp"
#include "transport.hpp"

namespace webhooksio {

template <transport Transport>
class basic_client;

namespace detail {
template <class Client, class Token>
class calls_with;

// What the named methods return (named_methods.hpp): a client's, the body's
// JSON; with(token)'s, what the token says (tokens.hpp).
template <transport Transport>
struct named_result<basic_client<Transport>> {
    using type = boost::json::value;
};
template <class Client>
struct named_result<calls_with<Client, nothrow_t>> {
    using type = result<boost::json::value>;
};
template <class Client>
struct named_result<calls_with<Client, with_response_t>> {
    using type = response;
};
template <class Client>
struct named_result<calls_with<Client, response_token<nothrow_t>>> {
    using type = result<response>;
};
}  // namespace detail

// A client of the API over a transport (see transport.hpp). Movable, not
// copyable; a moved-from client may only be destroyed or assigned to. Its
// named methods, one per endpoint (create_bucket(account_id, options)),
// come from its bases (detail/named_methods.hpp); with(token) gives the same
// methods returning what the token says.
template <transport Transport>
class basic_client : public detail::named_methods<basic_client<Transport>> {
public:
    // A client with the transport built from the options. Throws usage_error
    // for a bad key or base URL.
    explicit basic_client(std::string api_key, client_options options = {})
        requires std::constructible_from<Transport, client_options>
        : basic_client(std::move(api_key), options, Transport(options)) {}

    // A client over a transport of your own.
    basic_client(std::string api_key, const client_options& options, Transport transport)
        : state_(std::make_unique<state>(std::move(api_key), options, std::move(transport))) {}

    // The generic call: call<api::get_bucket>({account_id{"AC1"}, bucket_id{"BU1"}}, {.expand = true}).
    // Returns the response's JSON, or throws a webhooksio::exception.
    template <detail::endpoint_type E>
    WEBHOOKSIO_NOINLINE boost::json::value call(const typename E::params& ids,
                                                const typename E::options& options = {}) {
        return run<E>(detail::id_views(ids), options);
    }

    // The same with free-form options, any option of the API by name. (A
    // template, so that a bare `{}` picks the typed overload.)
    template <detail::endpoint_type E, std::same_as<boost::json::object> FreeForm>
    WEBHOOKSIO_NOINLINE boost::json::value call(const typename E::params& ids, const FreeForm& options) {
        return state_->call_or_throw(detail::spec_of<E>, detail::id_views(ids), free_form(options));
    }

    // With a token (see tokens.hpp): nothrow, with_response, or both.
    template <detail::endpoint_type E, completion_token Token>
    auto call(const typename E::params& ids, const typename E::options& options, Token&& token) {
        return run<E>(detail::id_views(ids), options, std::forward<Token>(token));
    }

    template <detail::endpoint_type E, std::same_as<boost::json::object> FreeForm, completion_token Token>
    auto call(const typename E::params& ids, const FreeForm& options, Token&& token) {
        return dispatch(detail::spec_of<E>, detail::id_views(ids), free_form(options), std::forward<Token>(token));
    }

    // Catches the options struct of another endpoint with a readable message.
    template <detail::endpoint_type E, class Options, class... Token>
        requires(!std::same_as<Options, typename E::options> && !std::same_as<Options, boost::json::object>)
    boost::json::value call(const typename E::params&, const Options&, Token&&...) {
        static_assert(detail::always_false<Options>,
                      "webhooksio: these options are not this endpoint's: call<E> takes E::options "
                      "(for example {.name = ...}) or a boost::json::object");
        return {};
    }

    // A call by an endpoint found at run time (reflection.hpp): its IDs in
    // route order and free-form options, checked as call<E> checks them.
    boost::json::value call(const reflection::endpoint_info& endpoint, std::span<const std::string> ids,
                            const boost::json::object& options) {
        auto spec = detail::spec_for(endpoint, ids.size());
        if (!spec) throw_error(std::move(spec).error());
        const std::vector<std::string_view> views(ids.begin(), ids.end());
        return state_->call_or_throw(*spec, views, free_form(options));
    }

    // The named methods with a token (see tokens.hpp):
    // api.with(nothrow).get_account(id) returns a result<boost::json::value>.
    // The view refers to this client and is used at once.
    template <completion_token Token>
    detail::calls_with<basic_client, std::remove_cvref_t<Token>> with(Token) noexcept {
        return detail::calls_with<basic_client, std::remove_cvref_t<Token>>(*this);
    }

    Transport& transport() noexcept { return state_->transport; }

private:
    friend struct detail::named_access;
    template <class, class>
    friend class detail::calls_with;

    using spec = detail::call_spec;
    using id_list = std::span<const std::string_view>;
    using option_values = detail::option_values;

    // Behind one pointer: the transport's address stays put when the client
    // moves (`sender` points to it). A call reaches the pipeline and the
    // transport through pointers set here, where the client is made, so that
    // a header-only file that only makes calls doesn't compile them (test
    // header_only_calls).
    struct state {
        state(std::string api_key, const client_options& options, Transport t)
            : core(std::move(api_key), options), transport(std::move(t)), sender(transport) {}

        result<response> call(const spec& c, id_list ids, const option_values& options) const {
            return (core.*call_)(c, ids, options, sender);
        }
        boost::json::value call_or_throw(const spec& c, id_list ids, const option_values& options) const {
            return (core.*call_or_throw_)(c, ids, options, sender);
        }

        detail::client_core core;
        Transport transport;
        detail::transport_ref sender;

    private:
        decltype(&detail::client_core::call) call_ = &detail::client_core::call;
        decltype(&detail::client_core::call_or_throw) call_or_throw_ = &detail::client_core::call_or_throw;
    };

    static option_values free_form(const boost::json::object& options) { return {{}, &options}; }

    // All a typed call adds to the shared code: its endpoint's spec and its
    // options' field table.
    template <class E>
    boost::json::value run(id_list ids, const typename E::options& options) {
        return state_->call_or_throw(detail::spec_of<E>, ids, detail::values_of<E>(options));
    }

    template <class E, class Token>
    auto run(id_list ids, const typename E::options& options, Token&& token) {
        return dispatch(detail::spec_of<E>, ids, detail::values_of<E>(options), std::forward<Token>(token));
    }

    result<response> execute(const spec& call, id_list ids, const option_values& options) {
        return state_->call(call, ids, options);
    }

    // The token decides how the result comes back; the work is the core's.
    result<boost::json::value> dispatch(const spec& call, id_list ids, const option_values& options, nothrow_t) {
        return body_of(execute(call, ids, options));
    }

    response dispatch(const spec& call, id_list ids, const option_values& options, with_response_t) {
        return execute(call, ids, options).value();
    }

    result<response> dispatch(const spec& call, id_list ids, const option_values& options,
                              response_token<nothrow_t>) {
        return execute(call, ids, options);
    }

    static result<boost::json::value> body_of(result<response> r) {
        if (!r) return std::move(r).error();
        return std::move(r->body);
    }

    std::unique_ptr<state> state_;
};

namespace detail {

// The named methods of a client with a token: what with(token) returns.
template <class Client, class Token>
class calls_with : public named_methods<calls_with<Client, Token>> {
public:
    explicit calls_with(Client& client) noexcept : client_(client) {}

private:
    friend struct named_access;

    template <class E>
    auto run(std::span<const std::string_view> ids, const typename E::options& options) {
        return client_.template run<E>(ids, options, Token{});
    }

    Client& client_;
};

}  // namespace detail

using client = basic_client<httplib_transport>;

#if defined(WEBHOOKSIO_SEPARATE_COMPILATION)
// The named methods of `client` are compiled once, in the program's src.hpp
// file; every other file only calls them. (Those of its with(token) views are
// compiled where they are used: three more sets would cost that file about
// three times what these do, for forms fewer calls use.)
namespace detail {
#if WEBHOOKSIO_DEFINITIONS
#define WEBHOOKSIO_DETAIL_INSTANTIATION template
#else
#define WEBHOOKSIO_DETAIL_INSTANTIATION extern template
#endif
#define WEBHOOKSIO_DETAIL_COMPILED_METHODS(E) WEBHOOKSIO_DETAIL_INSTANTIATION struct E##_method<client>;
WEBHOOKSIO_API_ENDPOINTS(WEBHOOKSIO_DETAIL_COMPILED_METHODS)
#undef WEBHOOKSIO_DETAIL_COMPILED_METHODS
#undef WEBHOOKSIO_DETAIL_INSTANTIATION
}  // namespace detail
#endif

}  // namespace webhooksio
