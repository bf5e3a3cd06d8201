// result<T>: a value, or the error that took its place. The interface of
// boost::system::result (has_value, has_error, value, operator*, error) plus
// value_or; its error is a webhooksio::error, an error_code with diagnostics.
#pragma once

#include <type_traits>
#include <utility>
#include <variant>

#include <boost/assert.hpp>

#include "error.hpp"

namespace webhooksio {

template <class T>
class result {
public:
    using value_type = T;
    using error_type = webhooksio::error;

    result(const T& value) : state_(std::in_place_index<0>, value) {}
    result(T&& value) : state_(std::in_place_index<0>, std::move(value)) {}
    result(webhooksio::error e) : state_(std::in_place_index<1>, std::move(e)) {}

    bool has_value() const noexcept { return state_.index() == 0; }
    bool has_error() const noexcept { return !has_value(); }
    explicit operator bool() const noexcept { return has_value(); }

    // The value; throws the error's exception (see error.hpp) when there is none.
    T& value() & {
        if (has_error()) throw_error(std::get<1>(state_));
        return std::get<0>(state_);
    }
    const T& value() const& {
        if (has_error()) throw_error(std::get<1>(state_));
        return std::get<0>(state_);
    }
    T&& value() && { return std::move(value()); }

    // The value, or `fallback` when there is an error.
    template <class U>
    T value_or(U&& fallback) const& {
        return has_value() ? std::get<0>(state_) : static_cast<T>(std::forward<U>(fallback));
    }
    template <class U>
    T value_or(U&& fallback) && {
        return has_value() ? std::move(std::get<0>(state_)) : static_cast<T>(std::forward<U>(fallback));
    }

    // Unchecked access: only with a value (asserted in debug builds).
    T& operator*() & noexcept { return *get(); }
    const T& operator*() const& noexcept { return *get(); }
    T&& operator*() && noexcept { return std::move(*get()); }
    T* operator->() noexcept { return get(); }
    const T* operator->() const noexcept { return get(); }

    // The error; a default (falsy) error when there is a value.
    const webhooksio::error& error() const& noexcept {
        static const webhooksio::error none;
        return has_error() ? std::get<1>(state_) : none;
    }
    webhooksio::error error() && noexcept {
        return has_error() ? std::get<1>(std::move(state_)) : webhooksio::error();
    }

private:
    T* get() noexcept {
        BOOST_ASSERT_MSG(has_value(), "webhooksio::result: operator* or -> on an error");
        return std::get_if<0>(&state_);
    }
    const T* get() const noexcept {
        BOOST_ASSERT_MSG(has_value(), "webhooksio::result: operator* or -> on an error");
        return std::get_if<0>(&state_);
    }

    std::variant<T, webhooksio::error> state_;
};

}  // namespace webhooksio
