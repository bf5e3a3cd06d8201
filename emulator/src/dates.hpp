// The dates reports and logs take (start_date, end_date): "an exact UTC date
// or a text based time period" as the API docs say, the text formats after
// sugarjs.com/date_formats.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace webhooksio::emulation {

// A date as prefixes of the ISO 8601 UTC times the emulator records, so that
// a bound compares with a time by its own precision: "2026-11-27" takes the
// whole day, "2026-11" the whole month, "2026-11-27T10:15:00" one second. A
// period that is no prefix (a week) has a first and a last day.
struct date_span {
    std::string first;  // what start_date takes
    std::string last;   // what end_date takes
};

// Understood, in any case:
//   ISO dates and times: 2026, 2026-11, 2026-11-27, 2026-11-27T10:15[:00[.123]][Z|+01:00],
//     the same with a space for the T, 2026/11/27, and 11/27/2026;
//   now, today, yesterday, tomorrow;
//   "3 days ago", "an hour ago", "2 weeks from now", "in 5 minutes"
//     (second, minute, hour, day, week, month, year; singular or plural);
//   "last week", "this month", "next year" (also day, hour, minute).
// Nothing for any other text.
std::optional<date_span> parse_date(std::string_view text, std::chrono::system_clock::time_point now);

}  // namespace webhooksio::emulation
