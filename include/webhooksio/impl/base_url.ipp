// Definitions for detail/base_url.hpp.
#pragma once

namespace webhooksio::detail {

WEBHOOKSIO_DECL result<base_url> parse_base_url(std::string_view url) {
    auto fail = [&](std::string_view why) {
        return error::usage("webhooksio: base_url must look like http(s)://host[:port][/path]: " + std::string(why));
    };
    base_url out;
    if (url.starts_with("https://")) {
        out.scheme = "https";
        out.port = 443;
    } else if (url.starts_with("http://")) {
        out.scheme = "http";
        out.port = 80;
    } else {
        return fail("the scheme is not http or https");
    }
    url.remove_prefix(out.scheme.size() + 3);
    std::string_view authority = url.substr(0, url.find('/'));
    std::string_view path = url.substr(authority.size());
    for (char c : url)
        if (static_cast<unsigned char>(c) <= ' ' || c == '?' || c == '#') return fail("it holds a space, control character, '?' or '#'");
    if (auto colon = authority.rfind(':'); colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
        std::string_view digits = authority.substr(colon + 1);
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out.port);
        if (ec != std::errc{} || end != digits.data() + digits.size() || out.port <= 0 || out.port > 65535)
            return fail("the port is not a number from 1 to 65535");
        authority = authority.substr(0, colon);
    }
    if (authority.empty()) return fail("the host is missing");
    out.host = authority;
    while (path.ends_with('/')) path.remove_suffix(1);
    out.path = path;
    return out;
}

}  // namespace webhooksio::detail
