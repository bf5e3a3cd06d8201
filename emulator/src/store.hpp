// The emulator's state: every resource it holds is a record (a kind, a parent
// and the JSON the API returns), kept in creation order, with the cascade
// delete and the data file of --data: a snapshot line followed by a journal of
// the records each commit changed, compacted into a new snapshot now and then,
// so that a write costs what it changed, not the whole state.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

namespace webhooksio::emulation {

// An answer other than 2xx: the handler throws it, the server sends it as JSON.
struct api_error {
    int status;
    std::string message;
    boost::json::object details{};
};

// The time as the API writes it: "2026-11-27T11:02:03Z".
std::string now_iso8601();

struct record {
    std::string kind;            // "bucket", "input", ...
    std::string parent;          // the record it hangs under ("" for a top-level account)
    std::string account;         // the account that owns it
    boost::json::object fields;  // what the API shows, "id" included
    boost::json::object hidden;  // what it never shows (password hash, API key, ...)
    std::uint64_t sequence = 0;  // creation order
};

class store {
public:
    // A new ID: the API's two-letter prefix and 32 hex digits.
    std::string new_id(std::string_view prefix) { return std::string(prefix) + random_hex(); }

    std::string random_hex() {
        static constexpr char digits[] = "0123456789abcdef";
        std::string out;
        for (int half = 0; half < 2; ++half) {
            std::uint64_t bits = random_();
            for (int i = 0; i < 16; ++i, bits >>= 4) out += digits[bits & 15];
        }
        return out;
    }

    // Adds a record under `parent`, giving it an ID and creation times.
    record& insert(std::string kind, std::string_view prefix, std::string parent, std::string account,
                   boost::json::object fields) {
        std::string id = new_id(prefix);
        if (account.empty()) account = id;  // an account owns itself
        const std::string now = now_iso8601();
        fields["id"] = id;
        fields.emplace("created_at", now);
        fields.emplace("updated_at", now);
        record r{std::move(kind), std::move(parent), std::move(account), std::move(fields), {}, ++sequence_};
        return add(std::move(id), std::move(r));
    }

    // Every record handed out for writing is noted, and the next commit
    // journals those that changed.
    record* find(const std::string& id) {
        auto it = records_.find(id);
        return it == records_.end() ? nullptr : &touch(*it);
    }

    // The same, read only: nothing to journal.
    const record* read(const std::string& id) const {
        auto it = records_.find(id);
        return it == records_.end() ? nullptr : &it->second;
    }

    // The records of `kind` directly under `parent`, oldest first.
    std::vector<record*> children(const std::string& parent, std::string_view kind) {
        std::vector<record*> out;
        if (auto it = children_.find(parent); it != children_.end())
            for (const auto& id : it->second)
                if (auto entry = records_.find(id); entry->second.kind == kind) out.push_back(&touch(*entry));
        return out;
    }

    // Every record of `kind` owned by `account`, oldest first.
    std::vector<record*> owned(const std::string& account, std::string_view kind) {
        std::vector<record*> out;
        for (auto& entry : records_)
            if (entry.second.kind == kind && entry.second.account == account) out.push_back(&touch(entry));
        std::sort(out.begin(), out.end(), [](record* a, record* b) { return a->sequence < b->sequence; });
        return out;
    }

    // Every record of `kind`, in no particular order.
    template <class F>
    void for_each(std::string_view kind, F&& f) {
        for (auto& entry : records_)
            if (entry.second.kind == kind) f(touch(entry));
    }

    // The same, read only: nothing to journal.
    template <class F>
    void read_each(std::string_view kind, F&& f) const {
        for (const auto& [id, r] : records_)
            if (r.kind == kind) f(r);
    }

    // Removes `id` and everything that hangs under it.
    void erase(const std::string& id);

    // The whole state as one JSON document, records in creation order.
    boost::json::object to_json() const;

    // Replaces the state by `document`; throws std::runtime_error naming what is wrong.
    void from_json(const boost::json::value& document);

    // Keeps the state in `path` from now on, reading what it holds (none
    // yet: an empty state). A file that can't be read back is an error: state
    // is never silently dropped. Only the last journal line, torn by a crash
    // while it was written, is dropped (it was never committed).
    void open(const std::filesystem::path& path);

    // Appends the records changed or erased since the last commit to the data
    // file (flushed to disk), compacting it into a new snapshot once the
    // journal outgrows the snapshot. Nothing without a data file.
    void commit();

    static constexpr std::string_view format = "webhooksio-emulator/1";

private:
    using entry_type = std::pair<const std::string, record>;

    record& add(std::string id, record r) {
        children_[r.parent].push_back(id);
        auto& entry = *records_.emplace(std::move(id), std::move(r)).first;
        return touch(entry);
    }
    record& touch(entry_type& entry) {
        if (!path_.empty()) touched_.insert(entry.first);
        return entry.second;
    }

    void apply(const boost::json::value& line);  // one journal line
    void write_snapshot();                       // atomically, 0600

    std::filesystem::path path_;                         // the data file ("" : none)
    std::set<std::string> touched_;                      // handed out since the last commit
    std::vector<std::string> erased_;                    // erased since the last commit
    std::map<std::string, std::size_t> written_;         // ID -> hash of what the file holds
    std::uintmax_t snapshot_bytes_ = 0, journal_bytes_ = 0;

    std::map<std::string, record> records_;
    std::map<std::string, std::vector<std::string>> children_;  // parent ID -> child IDs, oldest first
    std::uint64_t sequence_ = 0;
    std::mt19937_64 random_{std::random_device{}()};
};

}  // namespace webhooksio::emulation
