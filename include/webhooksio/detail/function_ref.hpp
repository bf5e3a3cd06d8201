// A non-owning reference to a callable: what std::function does for a
// parameter, without its allocation or its copies.
#pragma once

#include <concepts>
#include <type_traits>
#include <utility>

namespace webhooksio::detail {

template <class Signature>
class function_ref;

template <class R, class... Args>
class function_ref<R(Args...)> {
public:
    // `f` must outlive the function_ref, as it does when passed as an argument.
    template <class F>
        requires(!std::same_as<std::remove_cvref_t<F>, function_ref> && std::invocable<F&, Args...>)
    function_ref(F& f) noexcept
        : object_(&f), call_([](void* object, Args... args) -> R {
              return (*static_cast<F*>(object))(std::forward<Args>(args)...);
          }) {}

    R operator()(Args... args) const { return call_(object_, std::forward<Args>(args)...); }

private:
    void* object_;
    R (*call_)(void*, Args...);
};

}  // namespace webhooksio::detail
