// Private and loopback destinations, for --deny-private-destinations: the
// addresses a webhook is never delivered to when the option is on, so that a
// destination can't reach the emulator's own machine or network.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace webhooksio::emulation {

// Why the host of `url` is private, judged from its text alone: an IP
// address that is loopback, private, link-local, shared (100.64/10),
// unspecified, multicast or reserved, IPv4 or IPv6 (an IPv4-mapped IPv6
// address as its IPv4 one), or the name localhost. Nothing for any other
// host: a name is judged when delivered to (private_resolution).
std::optional<std::string> private_host(std::string_view url);

// Why the host of `url` must not be delivered to: private by its text, or a
// name that resolves to any private address (or to none). Blocks while resolving.
std::optional<std::string> private_resolution(std::string_view url);

}  // namespace webhooksio::emulation
