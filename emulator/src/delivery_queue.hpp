// When the emulator's outgoing messages are sent: a queue of due times served
// by a few worker threads, which retries a message after the delay its
// delivery asks for and is joined on shutdown.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace webhooksio::emulation {

class delivery_queue {
public:
    using clock = std::chrono::steady_clock;
    // Makes one attempt at a message; returns the delay before the next one,
    // or nothing when the message is done (delivered, failed or cancelled).
    using attempt_fn = std::function<std::optional<clock::duration>(const std::string& message_id)>;

    delivery_queue(unsigned threads, attempt_fn attempt) : attempt_(std::move(attempt)) {
        for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
    }

    ~delivery_queue() { stop(); }

    delivery_queue(const delivery_queue&) = delete;
    delivery_queue& operator=(const delivery_queue&) = delete;

    void schedule(std::string message_id, clock::duration delay = {}) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
            due_.emplace(clock::now() + delay, std::move(message_id));
        }
        changed_.notify_all();
    }

    // While held, nothing is sent; messages wait in the queue.
    void hold(bool on) {
        {
            std::lock_guard lock(mutex_);
            held_ = on;
        }
        changed_.notify_all();
    }

    // Waits until no message is queued or being sent; false on timeout.
    bool wait_idle(clock::duration timeout) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, timeout, [this] { return due_.empty() && in_flight_ == 0; });
    }

    // Lets attempts under way finish, drops the rest and joins every worker.
    void stop() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
        for (auto& worker : workers_)
            if (worker.joinable()) worker.join();
    }

private:
    void work() {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            if (held_ || due_.empty()) {
                changed_.wait(lock);
                continue;
            }
            auto next = due_.begin();
            if (const clock::time_point when = next->first; when > clock::now()) {
                // A copy: another worker may take that entry while this one waits.
                changed_.wait_until(lock, when);
                continue;
            }
            std::string id = std::move(next->second);
            due_.erase(next);
            ++in_flight_;
            lock.unlock();
            const std::optional<clock::duration> again = attempt_(id);
            lock.lock();
            --in_flight_;
            if (again && !stopping_) due_.emplace(clock::now() + *again, std::move(id));
            changed_.notify_all();
        }
    }

    attempt_fn attempt_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::multimap<clock::time_point, std::string> due_;
    unsigned in_flight_ = 0;
    bool held_ = false;
    bool stopping_ = false;
    std::vector<std::thread> workers_;  // last: they start once the rest is ready
};

}  // namespace webhooksio::emulation
