// The data file format before the database (webhooksio-emulator/1), read
// once to import it: a snapshot line {"format", "records"} and a journal line
// per change, {"put": record} or {"erase": id}. A last line without its line
// break was torn by a crash while it was appended: it was never acknowledged,
// and is dropped. Strings may hold any bytes (a webhook's body), and records
// nest as deep as they may be stored.
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "store.hpp"

namespace webhooksio::emulation {

namespace {

constexpr std::string_view journal_format = "webhooksio-emulator/1";

// A record as the journal writes it: {"id", "kind", "parent", "account", "fields", "hidden"}.
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

boost::json::value parse_line(std::string_view line) {
    boost::json::parse_options options;
    options.max_depth = max_stored_depth + 3;  // the record's own levels around its fields
    options.allow_invalid_utf8 = true;
    boost::system::error_code ec;
    boost::json::value document = boost::json::parse(line, ec, {}, options);
    if (ec) throw std::runtime_error("not JSON (" + ec.message() + ")");
    return document;
}

}  // namespace

void store::read_journal(const std::string& text) {
    if (text.empty()) throw std::runtime_error("empty");
    std::string_view rest = text;
    for (bool first = true; !rest.empty(); first = false) {
        const std::size_t end = rest.find('\n');
        if (end == std::string_view::npos && !first) break;  // torn
        const boost::json::value line = parse_line(rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        const auto* o = line.if_object();
        if (first) {
            const boost::json::value* format = o ? o->if_contains("format") : nullptr;
            const boost::json::value* records = o ? o->if_contains("records") : nullptr;
            if (!format || !format->is_string() || format->get_string() != journal_format || !records ||
                !records->is_array())
                throw std::runtime_error("not an emulator state (format " + std::string(journal_format) + ")");
            for (const auto& item : records->get_array()) {
                std::pair<std::string, record> r = parse_record(item);
                if (records_.contains(r.first)) throw std::runtime_error("the ID " + r.first + " appears twice");
                r.second.sequence = ++sequence_;
                place(std::move(r.first), std::move(r.second));
            }
            continue;
        }
        if (const boost::json::value* id = o ? o->if_contains("erase") : nullptr; id && id->is_string()) {
            erase(std::string(id->get_string()));
            continue;
        }
        const boost::json::value* put = o ? o->if_contains("put") : nullptr;
        if (!put) throw std::runtime_error("a journal line that is neither put nor erase");
        std::pair<std::string, record> r = parse_record(*put);
        if (auto known = records_.find(r.first); known != records_.end()) {
            known->second.fields = std::move(r.second.fields);
            known->second.hidden = std::move(r.second.hidden);
        } else {
            r.second.sequence = ++sequence_;
            place(std::move(r.first), std::move(r.second));
        }
    }
}

}  // namespace webhooksio::emulation
