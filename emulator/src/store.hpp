// The emulator's state: every resource it holds is a record (a kind, a parent
// and the JSON the API returns), kept in creation order, with the cascade
// delete. The records live in a SQLite database (the data file of --data, in
// WAL mode and locked; without one, in memory) and, for the handlers, in a
// working copy in memory: a request changes the copy, then commit() writes
// what it changed in one transaction, or rollback() puts the copy back as the
// database holds it. This class is the whole interface the handlers use, so a
// server database could take SQLite's place behind it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <random>
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

    bool operator==(const record&) const = default;
};

// How deeply a record's JSON may nest to be stored, and so read back: deeper
// than any request body can be (Boost.JSON parses those to depth 32), so that
// what a request sets is never refused when the state is loaded.
inline constexpr std::size_t max_stored_depth = 64;

class store {
public:
    // An empty state in a private in-memory database.
    store();
    ~store();
    store(const store&) = delete;
    store& operator=(const store&) = delete;

    // Keeps the state in the database at `path` from now on, reading what it
    // holds (a new file: an empty state). The file is locked for as long as
    // the store lives: a second emulator on it gets std::runtime_error naming
    // it. A data file of the journal format (webhooksio-emulator/1) is
    // imported into a database once, its old text kept as `path`.journal.
    // Anything unreadable throws std::runtime_error: state is never dropped.
    void open(const std::filesystem::path& path);

    // A new ID: the API's two-letter prefix and 32 hex digits.
    std::string new_id(std::string_view prefix) { return std::string(prefix) + random_hex(); }
    std::string random_hex();

    // Adds a record under `parent`, giving it an ID and creation times.
    record& insert(std::string kind, std::string_view prefix, std::string parent, std::string account,
                   boost::json::object fields);

    // A record for reading and writing: what the caller changes, the next
    // commit() writes.
    record* find(const std::string& id) {
        auto it = records_.find(id);
        return it == records_.end() ? nullptr : &touch(*it);
    }

    // The same, read only.
    const record* read(const std::string& id) const {
        auto it = records_.find(id);
        return it == records_.end() ? nullptr : &it->second;
    }

    // The records of `kind` directly under `parent`, oldest first: for writing,
    // and read only.
    std::vector<record*> children(const std::string& parent, std::string_view kind);
    std::vector<const record*> read_children(const std::string& parent, std::string_view kind) const;

    // Every record of `kind` owned by `account`, oldest first, read only.
    std::vector<const record*> owned(const std::string& account, std::string_view kind) const;

    // Every record of `kind`, in no particular order, read only.
    template <class F>
    void read_each(std::string_view kind, F&& f) const {
        for (const auto& [id, r] : records_)
            if (r.kind == kind) f(r);
    }

    // Removes `id` and everything that hangs under it.
    void erase(const std::string& id);

    // Writes the records changed since the last commit or rollback in one
    // transaction; nothing to write, nothing written (a read never writes).
    // When the transaction fails, nothing of it stays, in the database or in
    // memory, and api_error says so: 503 for a full disk or an I/O error,
    // 400 for a record too large or too deep to store.
    void commit();

    // Forgets the changes since the last commit: the records are again what
    // the database holds.
    void rollback();

    // The changes the database has made since it was opened (SQLite's
    // total_changes()): tests check that reads add none.
    long long total_changes() const;

private:
    using entry_type = std::pair<const std::string, record>;

    record& touch(entry_type& entry) {
        // The record as committed, kept on its first change: what commit()
        // compares with and rollback() restores.
        changed_.try_emplace(entry.first, entry.second);
        return entry.second;
    }
    record& place(std::string id, record r);  // into the maps, unchanged
    void unlink(const std::string& id);         // out of the maps, without its children
    void load();                                 // the working copy from the database
    void import_journal(const std::filesystem::path& path);
    void read_journal(const std::string& text);  // store_journal.cpp

    struct database;
    std::unique_ptr<database> db_;
    std::filesystem::path path_;  // the data file ("": in memory)

    std::map<std::string, record> records_;
    std::map<std::string, std::vector<std::string>> children_;  // parent ID -> child IDs, oldest first
    // ID -> the record as committed, for each record handed out for writing,
    // inserted (nullopt) or erased since the last commit.
    std::map<std::string, std::optional<record>> changed_;
    std::uint64_t sequence_ = 0;
    std::mt19937_64 random_{std::random_device{}()};
};

// For tests: the `nth` commit from now (1: the next), of any store in the
// process, fails as a full disk would make it fail; 0 disarms.
void fail_commit(unsigned nth);

}  // namespace webhooksio::emulation
