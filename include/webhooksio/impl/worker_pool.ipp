// Definitions for detail/worker_pool.hpp.
#pragma once

#include <utility>

namespace webhooksio::detail {

// The pool whose thread this is, if any.
inline thread_local const worker_pool* current_pool = nullptr;

WEBHOOKSIO_DECL worker_pool::~worker_pool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& thread : threads_) thread.join();
}

WEBHOOKSIO_DECL void worker_pool::post(std::packaged_task<void()> task) {
    {
        std::lock_guard lock(mutex_);
        if (threads_.empty())
            for (unsigned i = 0; i < size_; ++i) threads_.emplace_back([this] { work(); });
        queue_.push_back(std::move(task));
    }
    wake_.notify_one();
}

WEBHOOKSIO_DECL bool worker_pool::on_worker_thread() const noexcept { return current_pool == this; }

WEBHOOKSIO_DECL void report_callback_exception(const std::function<void(std::exception_ptr)>& handler,
                                               std::exception_ptr thrown) noexcept {
    if (!handler) std::terminate();
    handler(std::move(thrown));
}

WEBHOOKSIO_DECL void worker_pool::work() {
    current_pool = this;
    for (;;) {
        std::packaged_task<void()> task;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and nothing left to do
            task = std::move(queue_.front());
            queue_.pop_front();
        }
        task();
    }
}

}  // namespace webhooksio::detail
