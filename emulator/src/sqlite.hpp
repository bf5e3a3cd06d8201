// A small RAII wrapper of SQLite's C API, for the store: a connection, a
// prepared statement, and every failing call turned into sqlite::error with
// SQLite's result code (the store answers SQLITE_FULL and SQLITE_IOERR with
// 503, SQLITE_BUSY at start-up names the locked file).
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include <sqlite3.h>

namespace webhooksio::emulation::sqlite {

struct error : std::runtime_error {
    error(int result, const std::string& what) : std::runtime_error(what), code(result) {}
    int code;                                              // the extended result code
    int primary() const noexcept { return code & 0xff; }  // SQLITE_FULL, SQLITE_IOERR, ...
};

class statement;

class connection {
public:
    // Opens (creating) the database at `path`; ":memory:" is a private in-memory one.
    explicit connection(const std::string& path) {
        sqlite3* handle = nullptr;
        const int result = sqlite3_open_v2(path.c_str(), &handle,
                                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
        handle_.reset(handle);  // closed even when the open failed
        if (result != SQLITE_OK) throw error(result, handle ? sqlite3_errmsg(handle) : sqlite3_errstr(result));
        sqlite3_extended_result_codes(handle, 1);
    }

    // Runs statements that return no rows.
    void execute(const char* sql) { check(sqlite3_exec(handle_.get(), sql, nullptr, nullptr, nullptr)); }

    // The single text value of a query such as "PRAGMA journal_mode=WAL".
    std::string text_of(const char* sql);

    bool in_transaction() const noexcept { return !sqlite3_get_autocommit(handle_.get()); }
    long long total_changes() const noexcept { return sqlite3_total_changes64(handle_.get()); }
    sqlite3* get() const noexcept { return handle_.get(); }

    void check(int result) const {
        if (result != SQLITE_OK && result != SQLITE_ROW && result != SQLITE_DONE)
            throw error(sqlite3_extended_errcode(handle_.get()), sqlite3_errmsg(handle_.get()));
    }

private:
    struct closer {
        void operator()(sqlite3* handle) const noexcept { sqlite3_close_v2(handle); }
    };
    std::unique_ptr<sqlite3, closer> handle_;
};

// A prepared statement, reset after each run so that it can run again.
class statement {
public:
    statement(connection& db, std::string_view sql) : db_(&db) {
        sqlite3_stmt* handle = nullptr;
        db.check(sqlite3_prepare_v3(db.get(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                    &handle, nullptr));
        handle_.reset(handle);
    }

    // Binds parameter `index` (from 1): text, bytes or a number.
    statement& bind_text(int index, std::string_view text) {
        db_->check(sqlite3_bind_text64(handle_.get(), index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
        return *this;
    }
    statement& bind_blob(int index, std::string_view bytes) {
        db_->check(sqlite3_bind_blob64(handle_.get(), index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
        return *this;
    }
    statement& bind_null(int index) {
        db_->check(sqlite3_bind_null(handle_.get(), index));
        return *this;
    }
    statement& bind_int(int index, std::int64_t value) {
        db_->check(sqlite3_bind_int64(handle_.get(), index, value));
        return *this;
    }

    // The next row: true while there is one. After the last, the statement is reset.
    bool step() {
        const int result = sqlite3_step(handle_.get());
        if (result == SQLITE_ROW) return true;
        sqlite3_reset(handle_.get());
        db_->check(result);
        return false;
    }
    // Runs a statement that returns no rows, then clears its parameters.
    void run() {
        step();
        sqlite3_clear_bindings(handle_.get());
    }

    // Column `index` (from 0) of the current row, as bytes.
    std::string_view bytes(int index) const {
        const void* data = sqlite3_column_blob(handle_.get(), index);
        const int size = sqlite3_column_bytes(handle_.get(), index);
        return data ? std::string_view(static_cast<const char*>(data), static_cast<std::size_t>(size)) : std::string_view();
    }
    std::int64_t integer(int index) const { return sqlite3_column_int64(handle_.get(), index); }

private:
    struct finalizer {
        void operator()(sqlite3_stmt* handle) const noexcept { sqlite3_finalize(handle); }
    };
    connection* db_;
    std::unique_ptr<sqlite3_stmt, finalizer> handle_;
};

inline std::string connection::text_of(const char* sql) {
    statement query(*this, sql);
    std::string value;
    if (query.step()) {
        value = query.bytes(0);
        while (query.step()) {
        }
    }
    return value;
}

}  // namespace webhooksio::emulation::sqlite
