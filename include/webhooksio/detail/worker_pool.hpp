// A small fixed pool of threads that runs the client's calls made with a
// callback or a future. Threads start on first use; the destructor finishes
// every queued call, so no call is lost, and joins the threads.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "../config.hpp"

namespace webhooksio::detail {

class worker_pool {
public:
    explicit worker_pool(unsigned threads) : size_(threads == 0 ? 1 : threads) {}
    worker_pool(const worker_pool&) = delete;
    worker_pool& operator=(const worker_pool&) = delete;
    WEBHOOKSIO_DECL ~worker_pool();

    // packaged_task is the standard's move-only callable: a task may own a
    // promise or a move-only callback.
    WEBHOOKSIO_DECL void post(std::packaged_task<void()> task);

    // Whether the calling thread is one of this pool's: a task that waited
    // there for another task of the pool could wait forever.
    WEBHOOKSIO_DECL bool on_worker_thread() const noexcept;

private:
    WEBHOOKSIO_DECL void work();

    const unsigned size_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::packaged_task<void()>> queue_;
    std::vector<std::thread> threads_;
    bool stopping_ = false;
};

// Hands an exception thrown by a user's callback to `handler`, or calls
// std::terminate without one (as Asio does): never swallowed.
WEBHOOKSIO_DECL void report_callback_exception(const std::function<void(std::exception_ptr)>& handler,
                                               std::exception_ptr thrown) noexcept;

}  // namespace webhooksio::detail

#if WEBHOOKSIO_DEFINITIONS
#include "../impl/worker_pool.ipp"
#endif
