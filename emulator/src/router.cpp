#include "router.hpp"

#include <algorithm>

#include <boost/url/parse.hpp>
#include <boost/url/pct_string_view.hpp>

namespace webhooksio::emulation {

namespace {

// One segment of a path: its text (still encoded) and where it starts.
struct segment {
    std::string_view text;
    std::size_t offset;
};

// The non-empty segments of a path: empty ones are what repeated slashes make.
std::vector<segment> segments_of(std::string_view path) {
    std::vector<segment> out;
    for (std::size_t pos = 0; pos < path.size();) {
        const std::size_t end = std::min(path.find('/', pos), path.size());
        if (end > pos) out.push_back({path.substr(pos, end - pos), pos});
        pos = end + 1;
    }
    return out;
}

std::optional<std::string> decoded(std::string_view encoded) {
    auto text = boost::urls::make_pct_string_view(encoded);
    if (!text) return std::nullopt;
    std::string out;
    out.resize(text->decoded_size());
    text->decode({}, boost::urls::string_token::assign_to(out));
    return out;
}

bool is_http_url(std::string_view text) {
    auto url = boost::urls::parse_absolute_uri(text);
    return url && (url->scheme() == "http" || url->scheme() == "https") && url->has_authority();
}

// One piece of a route: a literal segment, or the placeholder at index `id`.
struct route_piece {
    std::string_view literal;
    std::optional<std::size_t> id;
};

// The route's segments, from the table's own split of it into literal runs
// around the placeholders.
std::vector<route_piece> pieces_of(const reflection::endpoint_info& endpoint) {
    std::vector<route_piece> out;
    for (std::size_t i = 0; i < endpoint.literal_runs.size(); ++i) {
        for (const segment& s : segments_of(endpoint.literal_runs[i])) out.push_back({s.text, std::nullopt});
        if (i < endpoint.ids.size()) out.push_back({{}, i});
    }
    return out;
}

// The IDs of `path` when it fits `endpoint`'s route. A :target_url takes the
// rest of the path (a URL has slashes of its own, encoded or not) and must be
// an http(s) URL, which keeps the dynamic gateway route from taking any
// other path.
std::optional<std::vector<std::pair<std::string_view, std::string>>> fit(const reflection::endpoint_info& endpoint,
                                                                         std::string_view path,
                                                                         const std::vector<segment>& segments) {
    const std::vector<route_piece> pieces = pieces_of(endpoint);
    std::vector<std::pair<std::string_view, std::string>> ids;
    std::size_t at = 0;
    for (const route_piece& piece : pieces) {
        if (at == segments.size()) return std::nullopt;
        if (!piece.id) {
            if (segments[at++].text != piece.literal) return std::nullopt;
            continue;
        }
        const std::string_view name = endpoint.ids[*piece.id];
        const bool rest = name == "target_url";
        std::optional<std::string> value = decoded(rest ? path.substr(segments[at].offset) : segments[at].text);
        if (!value || (rest && !is_http_url(*value))) return std::nullopt;
        ids.emplace_back(name, std::move(*value));
        at = rest ? segments.size() : at + 1;
    }
    if (at != segments.size()) return std::nullopt;
    return ids;
}

std::size_t literal_count(const reflection::endpoint_info& endpoint) {
    return static_cast<std::size_t>(std::ranges::count_if(pieces_of(endpoint), [](const route_piece& p) { return !p.id; }));
}

}  // namespace

std::optional<std::string> raw_path_of(std::string_view target) {
    if (target.starts_with('/')) return std::string(target.substr(0, target.find('?')));
    auto url = boost::urls::parse_absolute_uri(target);
    if (!url || (url->scheme() != "http" && url->scheme() != "https")) return std::nullopt;
    return url->encoded_path().empty() ? std::string("/") : std::string(url->encoded_path());
}

routing router::route(std::string_view method, std::string_view raw_path) const {
    const std::vector<segment> segments = segments_of(raw_path);
    struct candidate {
        std::size_t index;
        std::vector<std::pair<std::string_view, std::string>> ids;
    };
    std::vector<candidate> best;  // the fitting routes with the most literal segments
    std::size_t best_literals = 0;
    for (std::size_t i = 0; i < endpoints_.size(); ++i) {
        auto ids = fit(endpoints_[i], raw_path, segments);
        if (!ids) continue;
        const std::size_t literals = literal_count(endpoints_[i]);
        if (!best.empty() && literals < best_literals) continue;
        if (literals > best_literals) best.clear();
        best_literals = literals;
        best.push_back({i, std::move(*ids)});
    }

    routing out;
    auto method_of = [&](const candidate& c) { return to_string(endpoints_[c.index].method); };
    for (std::string_view m : {"GET", "HEAD", "POST", "PUT", "DELETE"}) {
        const bool takes = std::ranges::any_of(best, [&](const candidate& c) {
            return method_of(c) == m || (m == "HEAD" && method_of(c) == "GET");
        });
        if (takes) out.allow += (out.allow.empty() ? "" : ", ") + std::string(m);
    }
    auto take = [&](std::string_view m) {
        auto found = std::ranges::find_if(best, [&](const candidate& c) { return method_of(c) == m; });
        if (found != best.end()) out.match = route_match{found->index, std::move(found->ids)};
        return found != best.end();
    };
    if (!take(method) && method == "HEAD") take("GET");
    return out;
}

}  // namespace webhooksio::emulation
