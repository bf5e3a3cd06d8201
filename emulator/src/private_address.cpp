// Private and loopback destinations (private_address.hpp).
#include "private_address.hpp"

#include <array>
#include <cstdint>

#include <boost/algorithm/string/predicate.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "endpoint_url.hpp"

namespace webhooksio::emulation {

namespace ip = boost::asio::ip;

namespace {

bool in_v4(std::uint32_t address, std::uint32_t network, int prefix) {
    const std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
    return (address & mask) == network;
}

bool is_private(const ip::address_v4& v4) {
    struct range {
        std::uint32_t network;
        int prefix;
    };
    // RFC 6890's special-purpose blocks that are not the public Internet.
    static constexpr std::array<range, 11> blocks{{{0x00000000, 8},     // 0/8, "this network"
                                                   {0x0A000000, 8},     // 10/8
                                                   {0x64400000, 10},    // 100.64/10, shared (CGN)
                                                   {0x7F000000, 8},     // 127/8, loopback
                                                   {0xA9FE0000, 16},    // 169.254/16, link-local
                                                   {0xAC100000, 12},    // 172.16/12
                                                   {0xC0000000, 24},    // 192.0.0/24, protocol assignments
                                                   {0xC0A80000, 16},    // 192.168/16
                                                   {0xC6120000, 15},    // 198.18/15, benchmarking
                                                   {0xE0000000, 4},     // 224/4, multicast
                                                   {0xF0000000, 4}}};   // 240/4, reserved and broadcast
    const std::uint32_t address = v4.to_uint();
    for (const auto& [network, prefix] : blocks)
        if (in_v4(address, network, prefix)) return true;
    return false;
}

bool is_private(const ip::address& address) {
    if (address.is_v4()) return is_private(address.to_v4());
    const ip::address_v6 v6 = address.to_v6();
    if (v6.is_v4_mapped()) return is_private(ip::make_address_v4(ip::v4_mapped, v6));
    const auto bytes = v6.to_bytes();
    return v6.is_unspecified() || v6.is_loopback() || v6.is_link_local() || v6.is_site_local() || v6.is_multicast() ||
           (bytes[0] & 0xFE) == 0xFC;  // fc00::/7, unique local
}

// The host of a URL without the brackets of an IPv6 literal.
std::string_view bare(std::string_view host) {
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') return host.substr(1, host.size() - 2);
    return host;
}

std::string reason(std::string_view host, std::string_view why) {
    return "the host " + std::string(host) + " is " + std::string(why) +
           " (private and loopback destinations are denied: --deny-private-destinations)";
}

}  // namespace

std::optional<std::string> private_host(std::string_view url) {
    const std::optional<endpoint_url> parsed = parse_endpoint_url(url);
    if (!parsed) return std::nullopt;  // not a URL: its own check says so
    const std::string_view host = bare(parsed->host);
    if (boost::algorithm::iequals(host, "localhost") || boost::algorithm::iends_with(host, ".localhost"))
        return reason(host, "a loopback name");
    boost::system::error_code ec;
    const ip::address address = ip::make_address(std::string(host), ec);
    if (!ec && is_private(address)) return reason(host, "a private or loopback address");
    return std::nullopt;
}

std::optional<std::string> private_resolution(std::string_view url) {
    if (auto literal = private_host(url)) return literal;
    const std::optional<endpoint_url> parsed = parse_endpoint_url(url);
    if (!parsed) return std::nullopt;
    const std::string host{bare(parsed->host)};
    boost::asio::io_context context;
    ip::tcp::resolver resolver(context);
    boost::system::error_code ec;
    const auto results = resolver.resolve(host, std::to_string(parsed->port), ec);
    if (ec || results.empty()) return reason(host, "a name that does not resolve");
    for (const auto& entry : results)
        if (is_private(entry.endpoint().address()))
            return reason(host, "a name that resolves to a private or loopback address (" +
                                    entry.endpoint().address().to_string() + ")");
    return std::nullopt;
}

}  // namespace webhooksio::emulation
