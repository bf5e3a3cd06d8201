// The emulator's state (store.hpp): the working copy in memory, and the
// SQLite database behind it, one row per record.
#include "store.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <ctime>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "credentials.hpp"
#include "sqlite.hpp"

namespace webhooksio::emulation {

std::string now_iso8601() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

namespace {

std::atomic<unsigned> commits_until_failure{0};  // fail_commit()

// Is this the commit fail_commit() asked to fail?
bool injected_failure_due() {
    unsigned left = commits_until_failure.load();
    while (left && !commits_until_failure.compare_exchange_weak(left, left - 1)) {
    }
    return left == 1;
}

// The schema, version 1 (PRAGMA user_version). The sequence (creation order)
// is the row ID, so rows are read back in creation order. The JSON of a
// record is kept as bytes: a webhook's body is whatever its sender sent.
// The indexes cover what the handlers look up: an account by the SHA-256 of
// its API key, the records of a kind owned by an account, and those under a
// parent.
constexpr const char* schema = R"sql(
CREATE TABLE records (
    sequence INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    parent TEXT NOT NULL,
    account TEXT NOT NULL,
    api_key_sha256 TEXT,
    fields BLOB NOT NULL,
    hidden BLOB NOT NULL
);
CREATE UNIQUE INDEX records_by_api_key ON records (api_key_sha256) WHERE api_key_sha256 IS NOT NULL;
CREATE INDEX records_by_owner ON records (account, kind);
CREATE INDEX records_by_parent ON records (parent, kind);
PRAGMA user_version = 1;
)sql";

// How a record's JSON is read back: as deep as it may be stored, and with
// whatever bytes its strings hold.
boost::json::object parse_stored(std::string_view bytes) {
    boost::json::parse_options options;
    options.max_depth = max_stored_depth;
    options.allow_invalid_utf8 = true;
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(bytes, ec, {}, options);
    if (ec || !v.is_object()) throw std::runtime_error("a record that is not a JSON object (" + ec.message() + ")");
    return std::move(v.get_object());
}

// Does `v` nest at most `limit` levels (an object or an array is one)?
bool within_depth(const boost::json::value& v, std::size_t limit) {
    if (const auto* o = v.if_object()) {
        if (limit == 0) return false;
        return std::ranges::all_of(*o, [&](const auto& member) { return within_depth(member.value(), limit - 1); });
    }
    if (const auto* a = v.if_array()) {
        if (limit == 0) return false;
        return std::ranges::all_of(*a, [&](const auto& item) { return within_depth(item, limit - 1); });
    }
    return true;
}

// The data file exists with mode 0600 (it holds API keys) before SQLite opens
// it; its WAL file takes the same mode.
void create_private(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0 || ::fchmod(fd, 0600) != 0) {
        if (fd >= 0) ::close(fd);
        throw std::runtime_error("emulator: cannot open the data file " + path.string());
    }
    ::close(fd);
}

// Is the file at `path` a journal of format webhooksio-emulator/1 (not a
// database, not empty, not missing)?
bool is_journal(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char head[16] = {};
    if (!in.read(head, sizeof head) && in.gcount() == 0) return false;
    return std::string_view(head, static_cast<std::size_t>(in.gcount())) != std::string_view("SQLite format 3\0", 16);
}

}  // namespace

// The connection and the statements a commit runs, prepared once.
struct store::database {
    explicit database(const std::string& file) : db(file) {}

    void prepare() {
        upsert.emplace(db, "INSERT INTO records (sequence, id, kind, parent, account, api_key_sha256, fields, hidden) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                           "ON CONFLICT (sequence) DO UPDATE SET api_key_sha256 = excluded.api_key_sha256, "
                           "fields = excluded.fields, hidden = excluded.hidden");
        remove.emplace(db, "DELETE FROM records WHERE sequence = ?1");
    }

    void write(const std::string& id, const record& r) {
        const boost::json::value* key = r.hidden.if_contains("api_key");
        upsert->bind_int(1, static_cast<std::int64_t>(r.sequence)).bind_text(2, id).bind_text(3, r.kind);
        upsert->bind_text(4, r.parent).bind_text(5, r.account);
        if (key && key->is_string()) upsert->bind_text(6, sha256_hex(key->get_string()));
        else upsert->bind_null(6);
        upsert->bind_blob(7, boost::json::serialize(r.fields)).bind_blob(8, boost::json::serialize(r.hidden));
        upsert->run();
    }

    sqlite::connection db;
    std::optional<sqlite::statement> upsert, remove;
};

store::store() : db_(std::make_unique<database>(":memory:")) {
    db_->db.execute(schema);
    db_->prepare();
}

store::~store() = default;

std::string store::random_hex() {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (int half = 0; half < 2; ++half) {
        std::uint64_t bits = random_();
        for (int i = 0; i < 16; ++i, bits >>= 4) out += digits[bits & 15];
    }
    return out;
}

record& store::insert(std::string kind, std::string_view prefix, std::string parent, std::string account,
                      boost::json::object fields) {
    std::string id = new_id(prefix);
    if (account.empty()) account = id;  // an account owns itself
    const std::string now = now_iso8601();
    fields["id"] = id;
    fields.emplace("created_at", now);
    fields.emplace("updated_at", now);
    changed_.try_emplace(id, std::nullopt);  // new: nothing committed to compare with
    return place(std::move(id), record{std::move(kind), std::move(parent), std::move(account), std::move(fields), {},
                                       ++sequence_});
}

record& store::place(std::string id, record r) {
    children_[r.parent].push_back(id);
    return records_.emplace(std::move(id), std::move(r)).first->second;
}

void store::unlink(const std::string& id) {
    auto node = records_.find(id);
    if (node == records_.end()) return;
    if (auto it = children_.find(node->second.parent); it != children_.end()) {
        std::erase(it->second, id);
        if (it->second.empty()) children_.erase(it);
    }
    records_.erase(node);
}

std::vector<record*> store::children(const std::string& parent, std::string_view kind) {
    std::vector<record*> out;
    if (auto it = children_.find(parent); it != children_.end())
        for (const auto& id : it->second)
            if (auto entry = records_.find(id); entry->second.kind == kind) out.push_back(&touch(*entry));
    return out;
}

std::vector<const record*> store::read_children(const std::string& parent, std::string_view kind) const {
    std::vector<const record*> out;
    if (auto it = children_.find(parent); it != children_.end())
        for (const auto& id : it->second)
            if (const record& r = records_.at(id); r.kind == kind) out.push_back(&r);
    return out;
}

std::vector<const record*> store::owned(const std::string& account, std::string_view kind) const {
    std::vector<const record*> out;
    for (const auto& [id, r] : records_)
        if (r.kind == kind && r.account == account) out.push_back(&r);
    std::ranges::sort(out, {}, &record::sequence);
    return out;
}

void store::erase(const std::string& id) {
    auto node = records_.find(id);
    if (node == records_.end()) return;
    if (auto it = children_.find(id); it != children_.end()) {
        const std::vector<std::string> below = std::move(it->second);
        children_.erase(it);
        for (const auto& child : below) erase(child);
    }
    touch(*node);
    unlink(id);
}

void store::commit() {
    // What changed: records new or different from what was committed, and
    // records committed and gone since.
    std::vector<const entry_type*> written;
    std::vector<std::uint64_t> removed;
    for (const auto& [id, before] : changed_) {
        auto now = records_.find(id);
        if (now == records_.end()) {
            if (before) removed.push_back(before->sequence);
        } else if (!before || *before != now->second) {
            written.push_back(&*now);
        }
    }
    if (written.empty() && removed.empty()) {
        changed_.clear();
        return;
    }
    for (const entry_type* entry : written)
        if (!within_depth(entry->second.fields, max_stored_depth - 1) ||
            !within_depth(entry->second.hidden, max_stored_depth - 1)) {
            rollback();
            throw api_error{400, "the request nests JSON too deeply to be stored"};
        }
    sqlite::connection& db = db_->db;
    try {
        db.execute("BEGIN IMMEDIATE");
        for (const entry_type* entry : written) db_->write(entry->first, entry->second);
        for (std::uint64_t sequence : removed) db_->remove->bind_int(1, static_cast<std::int64_t>(sequence)).run();
        if (injected_failure_due()) throw sqlite::error(SQLITE_FULL, "database or disk is full (injected)");
        db.execute("COMMIT");
    } catch (const sqlite::error& e) {
        if (db.in_transaction()) sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
        rollback();
        const std::string where = path_.empty() ? std::string("the in-memory database") : "the data file " + path_.string();
        if (e.primary() == SQLITE_TOOBIG) throw api_error{400, "the request is too large to be stored"};
        throw api_error{503, "emulator: cannot write " + where + " (" + e.what() + "); nothing of the request was stored"};
    }
    changed_.clear();
}

void store::rollback() {
    std::vector<std::pair<std::string, record>> restored;
    for (auto& [id, before] : changed_) {
        unlink(id);
        if (before) restored.emplace_back(id, std::move(*before));
    }
    changed_.clear();
    // Back in creation order, each in its place among its siblings.
    std::ranges::sort(restored, {}, [](const auto& entry) { return entry.second.sequence; });
    for (auto& [id, r] : restored) {
        std::vector<std::string>& siblings = children_[r.parent];
        const auto at = std::ranges::find_if(siblings, [&, sequence = r.sequence](const std::string& sibling) {
            return records_.at(sibling).sequence > sequence;
        });
        siblings.insert(at, id);
        records_.emplace(std::move(id), std::move(r));
    }
}

long long store::total_changes() const { return db_->db.total_changes(); }

void store::open(const std::filesystem::path& path) {
    if (is_journal(path)) import_journal(path);
    create_private(path);
    auto db = std::make_unique<database>(path.string());
    try {
        // Locked for as long as the store lives: exclusive locking mode, and a
        // write transaction at once, which takes the lock and keeps it. With
        // exclusive locking, WAL needs no shared-memory file.
        db->db.execute("PRAGMA locking_mode = EXCLUSIVE");
        if (db->db.text_of("PRAGMA journal_mode = WAL") != "wal")
            throw std::runtime_error("emulator: the data file " + path.string() + " cannot be put in WAL mode");
        // Each commit reaches the disk before its request is acknowledged.
        db->db.execute("PRAGMA synchronous = FULL");
        db->db.execute("BEGIN EXCLUSIVE");
        const std::string version = db->db.text_of("PRAGMA user_version");
        if (version == "0") db->db.execute(schema);
        else if (version != "1")
            throw std::runtime_error("emulator: the data file " + path.string() + " was written by a newer emulator (schema " +
                                     version + ")");
        db->db.execute("COMMIT");
    } catch (const sqlite::error& e) {
        if (e.primary() == SQLITE_BUSY || e.primary() == SQLITE_LOCKED)
            throw std::runtime_error("emulator: the data file " + path.string() +
                                     " is in use by another emulator (it is locked)");
        throw std::runtime_error("emulator: cannot open the data file " + path.string() + ": " + e.what());
    }
    db->prepare();
    db_ = std::move(db);
    path_ = path;
    load();
}

void store::load() {
    records_.clear();
    children_.clear();
    changed_.clear();
    sequence_ = 0;
    sqlite::statement rows(db_->db, "SELECT sequence, id, kind, parent, account, fields, hidden FROM records ORDER BY sequence");
    try {
        while (rows.step()) {
            record r{std::string(rows.bytes(2)), std::string(rows.bytes(3)), std::string(rows.bytes(4)),
                     parse_stored(rows.bytes(5)), parse_stored(rows.bytes(6)), static_cast<std::uint64_t>(rows.integer(0))};
            sequence_ = r.sequence;
            place(std::string(rows.bytes(1)), std::move(r));
        }
    } catch (const std::runtime_error& e) {
        throw std::runtime_error("emulator: the data file " + path_.string() + " is corrupt: " + e.what());
    }
}

// A journal file becomes a database next to it, which then takes its name
// (one rename: a crash leaves the one or the other); its text stays as
// `path`.journal.
void store::import_journal(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("emulator: cannot read " + path.string());
    const std::string text{std::istreambuf_iterator<char>(in), {}};
    store parsed;
    try {
        parsed.read_journal(text);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error("emulator: the data file " + path.string() + " is corrupt: " + e.what());
    }
    const std::filesystem::path imported = path.string() + ".import";
    std::filesystem::remove(imported);
    std::filesystem::remove(imported.string() + "-wal");
    {
        store fresh;
        fresh.open(imported);
        fresh.records_ = std::move(parsed.records_);
        fresh.children_ = std::move(parsed.children_);
        fresh.sequence_ = parsed.sequence_;
        for (const auto& [id, r] : fresh.records_) fresh.changed_.emplace(id, std::nullopt);  // all new to it
        try {
            fresh.commit();
        } catch (const api_error& e) {
            throw std::runtime_error("emulator: cannot import " + path.string() + ": " + e.message);
        }
    }
    std::filesystem::copy_file(path, path.string() + ".journal", std::filesystem::copy_options::overwrite_existing);
    std::filesystem::rename(imported, path);
}

void fail_commit(unsigned nth) { commits_until_failure = nth; }

}  // namespace webhooksio::emulation
