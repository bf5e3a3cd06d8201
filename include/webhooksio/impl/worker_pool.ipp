// Definitions for detail/worker_pool.hpp.
#pragma once

#include <utility>

namespace webhooksio::detail {

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

WEBHOOKSIO_DECL void worker_pool::work() {
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
