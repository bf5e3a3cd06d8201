// The emulator's state: every resource it holds is a record (a kind, a parent
// and the JSON the API returns), kept in creation order, with the cascade
// delete and the atomic save and load of --data.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include <boost/json.hpp>

namespace webhooksio::detail::emulation {

// An answer other than 2xx: the handler throws it, the server sends it as JSON.
struct api_error {
    int status;
    std::string message;
    boost::json::object details{};
};

// The time as the API writes it: "2026-11-27T11:02:03Z".
inline std::string now_iso8601() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

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

    record* find(const std::string& id) {
        auto it = records_.find(id);
        return it == records_.end() ? nullptr : &it->second;
    }

    // The records of `kind` directly under `parent`, oldest first.
    std::vector<record*> children(const std::string& parent, std::string_view kind) {
        std::vector<record*> out;
        if (auto it = children_.find(parent); it != children_.end())
            for (const auto& id : it->second)
                if (record& r = records_.at(id); r.kind == kind) out.push_back(&r);
        return out;
    }

    // Every record of `kind` owned by `account`, oldest first.
    std::vector<record*> owned(const std::string& account, std::string_view kind) {
        std::vector<record*> out;
        for (auto& [id, r] : records_)
            if (r.kind == kind && r.account == account) out.push_back(&r);
        std::sort(out.begin(), out.end(), [](record* a, record* b) { return a->sequence < b->sequence; });
        return out;
    }

    // Every record of `kind`, in no particular order.
    template <class F>
    void for_each(std::string_view kind, F&& f) {
        for (auto& [id, r] : records_)
            if (r.kind == kind) f(r);
    }

    // Removes `id` and everything that hangs under it.
    void erase(const std::string& id) {
        auto node = records_.find(id);
        if (node == records_.end()) return;
        if (auto it = children_.find(id); it != children_.end()) {
            const std::vector<std::string> below = std::move(it->second);
            children_.erase(it);
            for (const auto& child : below) erase(child);
        }
        if (auto it = children_.find(node->second.parent); it != children_.end()) std::erase(it->second, id);
        records_.erase(node);
    }

    // The whole state as one JSON document, records in creation order.
    boost::json::object to_json() const {
        std::vector<const std::pair<const std::string, record>*> ordered;
        for (const auto& entry : records_) ordered.push_back(&entry);
        std::sort(ordered.begin(), ordered.end(),
                  [](auto* a, auto* b) { return a->second.sequence < b->second.sequence; });
        boost::json::array records;
        for (const auto* entry : ordered) {
            const record& r = entry->second;
            records.push_back(boost::json::object{{"id", entry->first}, {"kind", r.kind}, {"parent", r.parent},
                                                  {"account", r.account}, {"fields", r.fields}, {"hidden", r.hidden}});
        }
        return {{"format", format}, {"records", std::move(records)}};
    }

    // Replaces the state by `document`; throws std::runtime_error naming what is wrong.
    void from_json(const boost::json::value& document) {
        const auto* top = document.if_object();
        if (!top || !top->contains("format") || !top->at("format").is_string() ||
            top->at("format").get_string() != format || !top->contains("records") ||
            !top->at("records").is_array())
            throw std::runtime_error("not an emulator state (format " + std::string(format) + ")");
        records_.clear();
        children_.clear();
        sequence_ = 0;
        for (const auto& item : top->at("records").get_array()) {
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
            std::string id = text("id");
            record r{text("kind"), text("parent"), text("account"), object("fields"), object("hidden"), ++sequence_};
            if (records_.contains(id)) throw std::runtime_error("the ID " + id + " appears twice");
            add(std::move(id), std::move(r));
        }
    }

    // Writes the state to `path` atomically: a temporary file, flushed to
    // disk, then renamed over the old one, so a crash leaves one or the other.
    void save(const std::filesystem::path& path) const {
        const std::string text = boost::json::serialize(to_json());
        const std::filesystem::path temporary = path.string() + ".tmp";
        std::FILE* file = std::fopen(temporary.c_str(), "wb");
        if (!file) throw std::runtime_error("emulator: cannot write " + temporary.string());
        const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size() && std::fflush(file) == 0 &&
                             ::fsync(fileno(file)) == 0;
        if (std::fclose(file) != 0 || !written) throw std::runtime_error("emulator: cannot write " + temporary.string());
        std::filesystem::rename(temporary, path);
    }

    // Reads the state saved at `path` (none yet: an empty state). A file that
    // can't be parsed is an error: state is never silently dropped.
    void load(const std::filesystem::path& path) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            if (std::filesystem::exists(path)) throw std::runtime_error("emulator: cannot read " + path.string());
            return;
        }
        const std::string text{std::istreambuf_iterator<char>(in), {}};
        boost::system::error_code ec;
        boost::json::value document = boost::json::parse(text, ec);
        try {
            if (ec) throw std::runtime_error("not JSON (" + ec.message() + ")");
            from_json(document);
        } catch (const std::runtime_error& e) {
            throw std::runtime_error("emulator: the data file " + path.string() + " is corrupt: " + e.what());
        }
    }

    static constexpr std::string_view format = "webhooksio-emulator/1";

private:
    record& add(std::string id, record r) {
        children_[r.parent].push_back(id);
        return records_.emplace(std::move(id), std::move(r)).first->second;
    }

    std::map<std::string, record> records_;
    std::map<std::string, std::vector<std::string>> children_;  // parent ID -> child IDs, oldest first
    std::uint64_t sequence_ = 0;
    std::mt19937_64 random_{std::random_device{}()};
};

}  // namespace webhooksio::detail::emulation
