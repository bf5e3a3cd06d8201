// The emulator's server threads: httplib serves each connection, kept-alive
// ones included, on one thread from accept to close. A fixed pool lets as
// many slow or idle clients as it has threads starve every other; this one
// starts a thread whenever none is free, up to a bound, and keeps it for the
// next connection.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace webhooksio::emulation {

class connection_pool final : public httplib::TaskQueue {
public:
    explicit connection_pool(std::size_t max_threads) : max_threads_(max_threads == 0 ? 1 : max_threads) {}
    ~connection_pool() override { shutdown(); }

    void enqueue(std::function<void()> connection) override {
        std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(connection));
        if (idle_ < jobs_.size() && threads_.size() < max_threads_) threads_.emplace_back([this] { work(); });
        else ready_.notify_one();
    }

    // Serves what was accepted already, then joins every thread.
    void shutdown() override {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        ready_.notify_all();
        for (auto& thread : threads_)
            if (thread.joinable()) thread.join();
    }

private:
    void work() {
        std::unique_lock lock(mutex_);
        for (;;) {
            ++idle_;
            ready_.wait(lock, [this] { return !jobs_.empty() || stopping_; });
            --idle_;
            if (jobs_.empty()) return;
            std::function<void()> connection = std::move(jobs_.front());
            jobs_.pop_front();
            lock.unlock();
            connection();
            lock.lock();
        }
    }

    const std::size_t max_threads_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    std::size_t idle_ = 0;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace webhooksio::emulation
