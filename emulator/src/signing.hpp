// Signed deliveries (an extension of the Webhooks.io API): a destination
// given a signing_secret gets the Standard Webhooks headers on every attempt
// (<webhooksio/signature.hpp> signs them). After the secret changes, the old
// one signs beside the new one for the emulator's signing overlap, so that
// receivers can move to the new secret without refusing a delivery.
//
// The secrets live in the destination's hidden fields: no answer, log entry
// or error shows one; answers show a masked form ("whsec_…f3Q=").
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>
#include <webhooksio/signature.hpp>

#include "outbound.hpp"

namespace webhooksio::emulation {

// The option of create_destination and update_destination.
inline constexpr std::string_view signing_secret_option = "signing_secret";

// Takes the signing_secret option out of `options` (which the destination
// keeps as its fields) and returns it: nothing when absent, "" when given
// empty (signing off). Throws api_error 400 for a secret that is not one,
// before anything is stored; the message never quotes it.
std::optional<std::string> take_signing_secret(boost::json::object& options);

// Sets a destination's secret: `secret` ("" for none) in `hidden`, its masked
// form in `fields`. A secret that replaces another keeps the other signing
// until `now + overlap`.
void set_signing_secret(boost::json::object& fields, boost::json::object& hidden, const std::string& secret,
                        std::chrono::sys_seconds now, std::chrono::seconds overlap);

// The secrets that sign a delivery at `now`: the destination's, then the one
// it replaced while the overlap lasts. None: the delivery is not signed.
std::vector<webhook_secret> signing_secrets(const boost::json::object& hidden, std::chrono::sys_seconds now);

// Adds webhook-id (`message_id`), webhook-timestamp (`now`) and
// webhook-signature (one v1 signature per secret, over `out.body`) to `out`,
// in place of any header of those names a recipe set. Nothing without secrets.
void sign_delivery(outbound_request& out, std::string_view message_id, const std::vector<webhook_secret>& secrets,
                   std::chrono::sys_seconds now);

}  // namespace webhooksio::emulation
