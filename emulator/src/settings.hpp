// The checks on the settings a resource is created or updated with that
// steer what the emulator puts on the wire: header names and values, the
// method, the input's answer, and the retry schedule.
#pragma once

#include <chrono>

#include <boost/json.hpp>

namespace webhooksio::emulation {

// The bounds of a destination's retries (retry_interval counts units of
// emulator_options::retry_interval_unit, a second by default).
inline constexpr long long max_retry_count = 25;
inline constexpr long long max_retry_interval = 86'400;  // a day
inline constexpr long long max_retry_delay = 86'400;     // what exponential backoff grows to, at most

// Throws api_error 400 naming the first setting in `options` that is out of
// range or would put CR, LF, NUL or a non-token on the wire.
void check_settings(const boost::json::object& options);

// The delay before retry `attempt` (1: the first), in units, capped at
// max_retry_delay: `interval` each time, or doubling from it (exponential).
long long retry_delay(long long interval, int attempt, bool exponential);

}  // namespace webhooksio::emulation
