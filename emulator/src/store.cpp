// The emulator's state (store.hpp): cascade delete, and the JSON document
// that --data saves and loads.
#include "store.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>
#include <stdexcept>

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
    records_.erase(node);
}

// The whole state as one JSON document, records in creation order.
boost::json::object store::to_json() const {
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
void store::save(const std::filesystem::path& path) const {
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
void store::load(const std::filesystem::path& path) {
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

}  // namespace webhooksio::emulation
