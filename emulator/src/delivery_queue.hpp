// When the emulator's outgoing messages are sent: a queue of due times served
// by a few worker threads, which retries a message after the delay its
// delivery asks for and is joined on shutdown. Each message has a lane (its
// destination): one attempt at a time per lane, so that a slow destination
// holds one worker, never all of them. And a group (its account): a free
// worker takes, of the messages due, one of the group with the fewest
// attempts under way, so that one account's backlog of slow attempts (slow
// destinations, slow recipes) can't keep another account's messages waiting
// behind it. Stopping asks attempts under way to end at once (their stop
// token).
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace webhooksio::emulation {

class delivery_queue {
public:
    using clock = std::chrono::steady_clock;
    // Makes one attempt at a message; returns the delay before the next one,
    // or nothing when the message is done (delivered, failed or cancelled).
    using attempt_fn =
        std::function<std::optional<clock::duration>(const std::string& message_id, std::stop_token stop)>;

    delivery_queue(unsigned threads, attempt_fn attempt) : attempt_(std::move(attempt)) {
        for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
    }

    ~delivery_queue() { stop(); }

    delivery_queue(const delivery_queue&) = delete;
    delivery_queue& operator=(const delivery_queue&) = delete;

    void schedule(std::string message_id, std::string lane, std::string group, clock::duration delay = {}) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
            due_.emplace(clock::now() + delay, entry{std::move(message_id), std::move(lane), std::move(group)});
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

    // Cancels attempts under way, drops the rest and joins every worker.
    void stop() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        cancel_.request_stop();
        changed_.notify_all();
        for (auto& worker : workers_)
            if (worker.joinable()) worker.join();
    }

private:
    struct entry {
        std::string message_id;
        std::string lane;
        std::string group;
    };
    using schedule_map = std::multimap<clock::time_point, entry>;

    unsigned in_flight_of(const std::string& group) const {
        const auto found = busy_groups_.find(group);
        return found == busy_groups_.end() ? 0 : found->second;
    }

    // The entry to attempt next, of those whose lane is free: of those due,
    // one of the group with the fewest attempts under way (the earliest among
    // equals); else the earliest, to wait for; else none.
    schedule_map::iterator next_free() {
        const clock::time_point now = clock::now();
        auto best = due_.end();
        for (auto item = due_.begin(); item != due_.end(); ++item) {
            if (busy_lanes_.contains(item->second.lane)) continue;
            if (item->first > now) return best != due_.end() ? best : item;
            if (best == due_.end() || in_flight_of(item->second.group) < in_flight_of(best->second.group)) best = item;
            if (in_flight_of(best->second.group) == 0) break;  // none can come before it
        }
        return best;
    }

    void work() {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            auto next = held_ ? due_.end() : next_free();
            if (next == due_.end()) {
                changed_.wait(lock);
                continue;
            }
            if (const clock::time_point when = next->first; when > clock::now()) {
                // A copy: another worker may take that entry while this one waits.
                changed_.wait_until(lock, when);
                continue;
            }
            entry job = std::move(next->second);
            due_.erase(next);
            busy_lanes_.insert(job.lane);
            ++busy_groups_[job.group];
            ++in_flight_;
            lock.unlock();
            const std::optional<clock::duration> again = attempt_(job.message_id, cancel_.get_token());
            lock.lock();
            --in_flight_;
            busy_lanes_.erase(job.lane);
            if (--busy_groups_[job.group] == 0) busy_groups_.erase(job.group);
            if (again && !stopping_) due_.emplace(clock::now() + *again, std::move(job));
            changed_.notify_all();
        }
    }

    attempt_fn attempt_;
    std::mutex mutex_;
    std::condition_variable changed_;
    schedule_map due_;
    std::set<std::string> busy_lanes_;
    std::map<std::string, unsigned> busy_groups_;  // attempts under way per group
    std::stop_source cancel_;
    unsigned in_flight_ = 0;
    bool held_ = false;
    bool stopping_ = false;
    std::vector<std::thread> workers_;  // last: they start once the rest is ready
};

}  // namespace webhooksio::emulation
