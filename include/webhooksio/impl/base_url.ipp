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
    for (char c : url) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= ' ' || byte >= 0x7f || c == '?' || c == '#')
            return fail("it holds a space, a control or non-ASCII character, '?' or '#'");
    }
    std::string_view authority = url.substr(0, url.find('/'));
    std::string_view path = url.substr(authority.size());

    // host: a name, an IPv4 address or a bracketed IPv6 address; nothing
    // else (no user info, no percent-encoding), then an optional :port.
    std::string_view host, after_host;
    if (authority.starts_with('[')) {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) return fail("the IPv6 address has no closing ']'");
        host = authority.substr(0, close + 1);
        const std::string_view address = host.substr(1, host.size() - 2);
        if (address.find(':') == std::string_view::npos ||
            address.find_first_not_of("0123456789abcdefABCDEF:.") != std::string_view::npos)
            return fail("the host is not an IPv6 address");
        after_host = authority.substr(close + 1);
    } else {
        host = authority.substr(0, authority.find(':'));
        after_host = authority.substr(host.size());
        if (host.empty()) return fail("the host is missing");
        if (host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~") !=
            std::string_view::npos)
            return fail("the host holds a character other than a letter, a digit, '-', '.', '_' or '~'");
    }
    if (!after_host.empty()) {
        if (after_host.front() != ':') return fail("the host is followed by something other than :port");
        std::string_view digits = after_host.substr(1);
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out.port);
        if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || out.port <= 0 ||
            out.port > 65535)
            return fail("the port is not a number from 1 to 65535");
    }
    out.host = host;
    while (path.ends_with('/')) path.remove_suffix(1);
    out.path = path;
    return out;
}

}  // namespace webhooksio::detail
