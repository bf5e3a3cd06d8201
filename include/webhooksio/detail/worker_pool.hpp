// A small fixed pool of threads that runs the client's asynchronous calls.
// Threads start on first use; the destructor finishes every queued call, so
// no call is lost, and joins the threads.
#pragma once

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace webhooksio::detail {

class worker_pool {
public:
    explicit worker_pool(unsigned threads) : size_(threads == 0 ? 1 : threads) {}
    worker_pool(const worker_pool&) = delete;
    worker_pool& operator=(const worker_pool&) = delete;

    ~worker_pool() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        for (auto& thread : threads_) thread.join();
    }

    // packaged_task is the standard's move-only callable: a task may own a
    // promise or a move-only callback.
    void post(std::packaged_task<void()> task) {
        {
            std::lock_guard lock(mutex_);
            if (threads_.empty())
                for (unsigned i = 0; i < size_; ++i) threads_.emplace_back([this] { work(); });
            queue_.push_back(std::move(task));
        }
        wake_.notify_one();
    }

private:
    void work() {
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

    const unsigned size_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::packaged_task<void()>> queue_;
    std::vector<std::thread> threads_;
    bool stopping_ = false;
};

}  // namespace webhooksio::detail
