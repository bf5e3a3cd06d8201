// Which endpoint of the client's table a request names. The router works on
// the request target as it came (still percent-encoded), so that a %2F inside
// an ID can never make a segment of its own; each ID is decoded only once it
// is matched. Targets are taken as existing clients send them: in absolute
// form ("http://host/v1/health") too, and with repeated slashes merged
// ("//v1/health"), as nginx's merge_slashes does.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <webhooksio/reflection.hpp>

namespace webhooksio::emulation {

// The path of a request target, still encoded and without its query:
// "/v1/health" from "/v1/health?x=1" or "http://host/v1/health"; nothing for
// a target that is neither an absolute path nor an absolute http(s) URL.
std::optional<std::string> raw_path_of(std::string_view target);

struct route_match {
    std::size_t endpoint = 0;  // index into reflection::endpoints()
    std::vector<std::pair<std::string_view, std::string>> ids;  // placeholder -> decoded value
};

struct routing {
    std::optional<route_match> match;  // the endpoint for this method, if any
    std::string allow;                 // the methods the path takes: "GET, HEAD"; "" for an unknown path
};

class router {
public:
    explicit router(std::span<const reflection::endpoint_info> endpoints) : endpoints_(endpoints) {}

    // The endpoint `method` and `raw_path` name. Of the routes the path fits,
    // those with the most literal segments win (/v1/plans/:plan_id over the
    // gateway's /v1/:input_name/:input_id); HEAD is served by a GET route
    // unless a HEAD route fits as well.
    routing route(std::string_view method, std::string_view raw_path) const;

private:
    std::span<const reflection::endpoint_info> endpoints_;
};

}  // namespace webhooksio::emulation
