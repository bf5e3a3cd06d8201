#include "endpoint_url.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace webhooksio::emulation {

std::optional<endpoint_url> parse_endpoint_url(std::string_view url) {
    auto parsed = boost::urls::parse_absolute_uri(url);
    if (!parsed || !parsed->has_authority() || parsed->host().empty()) return std::nullopt;
    endpoint_url out;
    out.scheme = parsed->scheme();
    if (out.scheme != "http" && out.scheme != "https") return std::nullopt;
    out.host = parsed->host();
    out.port = parsed->has_port() ? parsed->port_number() : out.scheme == "https" ? 443 : 80;
    if (out.port == 0) return std::nullopt;
    out.target = parsed->encoded_path().empty() ? std::string("/") : std::string(parsed->encoded_path());
    if (parsed->has_query()) out.target += '?' + std::string(parsed->encoded_query());
    return out;
}

std::string encoded_segment(std::string_view text) {
    return boost::urls::encode(text, boost::urls::unreserved_chars);
}

}  // namespace webhooksio::emulation
