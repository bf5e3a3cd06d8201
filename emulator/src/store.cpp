// The emulator's state (store.hpp): cascade delete, and the data file of
// --data: a snapshot line, then a journal line per record a commit changed.
#include "store.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <cerrno>
#include <functional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace webhooksio::emulation {

std::string now_iso8601() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

void store::erase(const std::string& id) {
    auto node = records_.find(id);
    if (node == records_.end()) return;
    if (auto it = children_.find(id); it != children_.end()) {
        const std::vector<std::string> below = std::move(it->second);
        children_.erase(it);
        for (const auto& child : below) erase(child);
    }
    if (auto it = children_.find(node->second.parent); it != children_.end()) std::erase(it->second, id);
    touched_.erase(id);
    if (!path_.empty()) erased_.push_back(id);
    records_.erase(node);
}

namespace {

// A record as one JSON object, as the snapshot and the journal write it.
boost::json::object record_json(const std::string& id, const record& r) {
    return {{"id", id}, {"kind", r.kind}, {"parent", r.parent}, {"account", r.account}, {"fields", r.fields},
            {"hidden", r.hidden}};
}

// A record from its JSON object; throws std::runtime_error naming what is wrong.
std::pair<std::string, record> parse_record(const boost::json::value& item) {
    const auto* o = item.if_object();
    auto text = [&](std::string_view key) -> std::string {
        const boost::json::value* v = o ? o->if_contains(key) : nullptr;
        if (!v || !v->is_string()) throw std::runtime_error("a record without a string \"" + std::string(key) + '"');
        return std::string(v->get_string());
    };
    auto object = [&](std::string_view key) -> boost::json::object {
        const boost::json::value* v = o->if_contains(key);
        if (!v || !v->is_object()) throw std::runtime_error("a record without an object \"" + std::string(key) + '"');
        return v->get_object();
    };
    return {text("id"), record{text("kind"), text("parent"), text("account"), object("fields"), object("hidden"), 0}};
}

std::size_t hash_of(const std::string& text) { return std::hash<std::string>{}(text); }

// Writes all of `text` to `fd` and flushes it to disk.
void write_all(int fd, std::string_view text, const std::filesystem::path& path) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw std::runtime_error("emulator: cannot write " + path.string());
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    if (::fdatasync(fd) != 0) throw std::runtime_error("emulator: cannot write " + path.string());
}

// A file descriptor closed when it goes.
struct file {
    int fd;
    ~file() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

// The whole state as one JSON document, records in creation order.
boost::json::object store::to_json() const {
    std::vector<const std::pair<const std::string, record>*> ordered;
    for (const auto& entry : records_) ordered.push_back(&entry);
    std::sort(ordered.begin(), ordered.end(),
              [](auto* a, auto* b) { return a->second.sequence < b->second.sequence; });
    boost::json::array records;
    for (const auto* entry : ordered) {
        records.push_back(record_json(entry->first, entry->second));
    }
    return {{"format", format}, {"records", std::move(records)}};
}

// Replaces the state by `document`; throws std::runtime_error naming what is wrong.
void store::from_json(const boost::json::value& document) {
    const auto* top = document.if_object();
    if (!top || !top->contains("format") || !top->at("format").is_string() ||
        top->at("format").get_string() != format || !top->contains("records") ||
        !top->at("records").is_array())
        throw std::runtime_error("not an emulator state (format " + std::string(format) + ")");
    records_.clear();
    children_.clear();
    sequence_ = 0;
    for (const auto& item : top->at("records").get_array()) {
        std::pair<std::string, record> r = parse_record(item);
        if (records_.contains(r.first)) throw std::runtime_error("the ID " + r.first + " appears twice");
        r.second.sequence = ++sequence_;
        add(std::move(r.first), std::move(r.second));
    }
}


// The snapshot: the whole state, written to a temporary file (mode 0600: it
// holds API keys), flushed to disk, then renamed over the data file, so a
// crash leaves one or the other.
void store::write_snapshot() {
    const std::string text = boost::json::serialize(to_json()) + '\n';
    const std::filesystem::path temporary = path_.string() + ".tmp";
    {
        file out{::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)};
        if (out.fd < 0 || ::fchmod(out.fd, 0600) != 0) throw std::runtime_error("emulator: cannot write " + temporary.string());
        write_all(out.fd, text, temporary);
    }
    std::filesystem::rename(temporary, path_);
    written_.clear();
    for (const auto& [id, r] : records_) written_[id] = hash_of(boost::json::serialize(record_json(id, r)));
    touched_.clear();
    erased_.clear();
    snapshot_bytes_ = text.size();
    journal_bytes_ = 0;
}

void store::commit() {
    if (path_.empty()) return;
    // A journal as large as the snapshot: the next load would replay more than it keeps.
    static constexpr std::uintmax_t least_journal = 4u << 20;
    if (journal_bytes_ > std::max<std::uintmax_t>(snapshot_bytes_, least_journal)) return write_snapshot();
    std::string lines;
    for (const auto& id : touched_) {
        auto it = records_.find(id);
        if (it == records_.end()) continue;  // erased since
        std::string line = boost::json::serialize(boost::json::object{{"put", record_json(id, it->second)}});
        const std::size_t hash = hash_of(line);
        if (auto& known = written_[id]; known != hash) {
            known = hash;
            (lines += line) += '\n';
        }
    }
    for (const auto& id : erased_)
        if (written_.erase(id)) (lines += boost::json::serialize(boost::json::object{{"erase", id}})) += '\n';
    touched_.clear();
    erased_.clear();
    if (lines.empty()) return;
    file out{::open(path_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC)};
    if (out.fd < 0) throw std::runtime_error("emulator: cannot write " + path_.string());
    write_all(out.fd, lines, path_);
    journal_bytes_ += lines.size();
}

// One journal line: a record put (added or replaced) or erased.
void store::apply(const boost::json::value& line) {
    const auto* o = line.if_object();
    if (const boost::json::value* id = o ? o->if_contains("erase") : nullptr; id && id->is_string()) {
        erase(std::string(id->get_string()));
        return;
    }
    const boost::json::value* put = o ? o->if_contains("put") : nullptr;
    if (!put) throw std::runtime_error("a journal line that is neither put nor erase");
    std::pair<std::string, record> r = parse_record(*put);
    if (record* known = find(r.first)) {
        known->fields = std::move(r.second.fields);
        known->hidden = std::move(r.second.hidden);
    } else {
        r.second.sequence = ++sequence_;
        add(std::move(r.first), std::move(r.second));
    }
}

void store::open(const std::filesystem::path& path) {
    path_.clear();  // nothing read is journalled again
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (std::filesystem::exists(path)) throw std::runtime_error("emulator: cannot read " + path.string());
        path_ = path;
        write_snapshot();  // the file exists, 0600, from the start
        return;
    }
    const std::string text{std::istreambuf_iterator<char>(in), {}};
    try {
        std::string_view rest = text;
        for (bool first = true; !rest.empty(); first = false) {
            const std::size_t end = rest.find('\n');
            // Only a journal line can be torn (by a crash while it was appended).
            if (end == std::string_view::npos && !first) break;
            const std::string_view line = rest.substr(0, end);
            boost::system::error_code ec;
            boost::json::value document = boost::json::parse(line, ec);
            if (ec) throw std::runtime_error("not JSON (" + ec.message() + ")");
            if (first) from_json(document);
            else apply(document);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        }
        if (text.empty()) throw std::runtime_error("empty");
    } catch (const std::runtime_error& e) {
        throw std::runtime_error("emulator: the data file " + path.string() + " is corrupt: " + e.what());
    }
    // A new snapshot: the journal replayed, a torn line gone, the mode 0600.
    path_ = path;
    write_snapshot();
}

}  // namespace webhooksio::emulation
