#include "dates.hpp"

#include <cctype>
#include <ctime>
#include <regex>

namespace webhooksio::emulation {

namespace {

using namespace std::chrono;

enum class unit { second, minute, hour, day, week, month, year };

std::optional<unit> unit_of(std::string word) {
    if (word.size() > 1 && word.back() == 's') word.pop_back();
    static constexpr std::pair<std::string_view, unit> names[] = {
        {"second", unit::second}, {"minute", unit::minute}, {"hour", unit::hour}, {"day", unit::day},
        {"week", unit::week},     {"month", unit::month},   {"year", unit::year}};
    for (const auto& [name, u] : names)
        if (word == name) return u;
    return std::nullopt;
}

// How many characters of an ISO time a unit keeps: "2026-11-27T10" for an hour.
std::size_t precision_of(unit u) {
    switch (u) {
        case unit::second: return 19;
        case unit::minute: return 16;
        case unit::hour: return 13;
        case unit::day:
        case unit::week: return 10;
        case unit::month: return 7;
        case unit::year: return 4;
    }
    return 19;
}

std::string iso(sys_seconds t, std::size_t length) {
    const std::time_t seconds = static_cast<std::time_t>(t.time_since_epoch().count());  // not through system_clock: its nanoseconds end in 2262
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    return std::string(text).substr(0, length);
}

// `t` moved by n units; a month or year keeps its day where it can (Jan 31 + 1 month: Feb 28).
sys_seconds shifted(sys_seconds t, unit u, long long n) {
    const sys_days day = floor<days>(t);
    const auto time_of_day = t - day;
    switch (u) {
        case unit::second: return t + seconds(n);
        case unit::minute: return t + minutes(n);
        case unit::hour: return t + hours(n);
        case unit::day: return t + days(n);
        case unit::week: return t + weeks(n);
        case unit::month:
        case unit::year: {
            year_month_day ymd{day};
            ymd = u == unit::month ? ymd + months(n) : ymd + years(n);
            if (!ymd.ok()) ymd = ymd.year() / ymd.month() / last;
            return sys_days(ymd) + time_of_day;
        }
    }
    return t;
}

date_span exactly(std::string prefix) { return {prefix, prefix}; }

// The period of unit `u` that holds `t`: a week runs from Sunday to Saturday.
date_span period_of(sys_seconds t, unit u) {
    if (u != unit::week) return exactly(iso(t, precision_of(u)));
    const sys_days day = floor<days>(t);
    const sys_days sunday = day - (weekday(day) - Sunday);
    return {iso(sunday, 10), iso(sunday + days(6), 10)};
}

std::optional<date_span> iso_date(const std::string& text) {
    static const std::regex iso_form(
        R"((\d{4})(?:[-/](\d{2})(?:[-/](\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(z|[+-]\d{2}:?\d{2})?)?)?)?)");
    static const std::regex us_form(R"((\d{1,2})/(\d{1,2})/(\d{4}))");
    std::smatch m;
    auto number = [&](int i) { return std::stoi(m[i].str()); };
    if (std::regex_match(text, m, us_form)) {
        const year_month_day ymd{year(number(3)), month(unsigned(number(1))), day(unsigned(number(2)))};
        if (!ymd.ok()) return std::nullopt;
        return exactly(iso(sys_days(ymd), 10));
    }
    if (!std::regex_match(text, m, iso_form)) return std::nullopt;
    const year_month_day ymd{year(number(1)), month(m[2].matched ? unsigned(number(2)) : 1u),
                             day(m[3].matched ? unsigned(number(3)) : 1u)};
    if (!ymd.ok()) return std::nullopt;
    if (!m[4].matched) return exactly(iso(sys_days(ymd), m[3].matched ? 10 : m[2].matched ? 7 : 4));
    const int h = number(4), min = number(5), sec = m[6].matched ? number(6) : 0;
    if (h > 23 || min > 59 || sec > 59) return std::nullopt;
    sys_seconds t = sys_days(ymd) + hours(h) + minutes(min) + seconds(sec);
    if (m[7].matched && m[7].str() != "z") {  // +hh:mm east of UTC: UTC is earlier
        std::string offset = m[7].str();
        std::erase(offset, ':');
        const int sign = offset[0] == '-' ? -1 : 1;
        const int oh = std::stoi(offset.substr(1, 2)), om = std::stoi(offset.substr(3, 2));
        if (oh > 23 || om > 59) return std::nullopt;
        t -= sign * (hours(oh) + minutes(om));
    }
    return exactly(iso(t, m[6].matched ? 19 : 16));
}

std::optional<date_span> text_date(const std::string& text, sys_seconds now) {
    if (text == "now") return exactly(iso(now, 19));
    if (text == "today") return period_of(now, unit::day);
    if (text == "yesterday") return period_of(now - days(1), unit::day);
    if (text == "tomorrow") return period_of(now + days(1), unit::day);
    static const std::regex ago(R"((\d+|an?) ([a-z]+) (ago|from now))");
    static const std::regex in(R"(in (\d+|an?) ([a-z]+))");
    static const std::regex relative(R"((last|this|next) ([a-z]+))");
    std::smatch m;
    auto count = [](const std::string& n) { return n == "a" || n == "an" ? 1LL : std::stoll(n); };
    if (std::regex_match(text, m, ago) || std::regex_match(text, m, in)) {
        const std::optional<unit> u = unit_of(m[2].str());
        if (!u || m[1].length() > 9) return std::nullopt;
        const long long n = count(m[1].str()) * (m.size() > 3 && m[3].str() == "ago" ? -1 : 1);
        return exactly(iso(shifted(now, *u, n), 19));
    }
    if (std::regex_match(text, m, relative)) {
        const std::optional<unit> u = unit_of(m[2].str());
        if (!u) return std::nullopt;
        const int n = m[1].str() == "last" ? -1 : m[1].str() == "next" ? 1 : 0;
        return period_of(shifted(now, *u, n), *u);
    }
    return std::nullopt;
}

}  // namespace

std::optional<date_span> parse_date(std::string_view text, system_clock::time_point now) {
    // Lowercase, spaces trimmed and single.
    std::string normal;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!normal.empty() && normal.back() != ' ') normal += ' ';
        } else {
            normal += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    if (!normal.empty() && normal.back() == ' ') normal.pop_back();
    if (normal.empty() || normal.size() > 64) return std::nullopt;
    const sys_seconds at = floor<seconds>(now);
    if (auto date = iso_date(normal)) return date;
    return text_date(normal, at);
}

}  // namespace webhooksio::emulation
