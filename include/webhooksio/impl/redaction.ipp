// Definitions for redaction.hpp.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "../detail/url.hpp"

namespace webhooksio::detail {

constexpr std::string_view redaction_mark = "[redacted]";

// Replaces each span of `text` that `echo_at(text, at)` says is an echo of
// the key (its length; 0 for none), searching on after each mark: a key
// such as "red" would find itself in it.
template <class EchoAt>
void replace_echoes(std::string& text, EchoAt echo_at) {
    for (std::size_t at = 0; at < text.size();) {
        if (const std::size_t length = echo_at(text, at)) {
            text.replace(at, length, redaction_mark);
            at += redaction_mark.size();
        } else {
            ++at;
        }
    }
}

WEBHOOKSIO_DECL void redact(std::string& text, std::string_view secret) {
    if (secret.size() < min_secret_length) return;
    replace_echoes(text, [&](std::string_view t, std::size_t at) {
        return t.substr(at).starts_with(secret) ? secret.size() : 0;
    });
}

// The length of the percent-encoded key `encoded` at `at`, with its hex
// digits in either case ("%2b" as well as "%2B"); 0 when it is not there.
inline std::size_t percent_echo_at(std::string_view text, std::size_t at, std::string_view encoded) {
    if (text.size() - at < encoded.size()) return 0;
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        const bool hex_digit = (i >= 1 && encoded[i - 1] == '%') || (i >= 2 && encoded[i - 2] == '%');
        const char seen = text[at + i];
        if (seen != encoded[i] && !(hex_digit && lower(seen) == lower(encoded[i]))) return 0;
    }
    return encoded.size();
}

// Takes out the key written with JSON escapes ("\u0053ECRET", "a\/b"),
// which a body that is not valid JSON can hold where no parser will decode
// it: the text is decoded as if it were all one JSON string, each decoded
// byte remembering the span of text it came from.
inline void redact_json_escaped(std::string& text, std::string_view secret) {
    if (text.find('\\') == std::string::npos) return;
    std::string decoded;
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // of each decoded byte in `text`
    auto hex = [&](std::size_t at, unsigned& value) {
        value = 0;
        if (text.size() - at < 4) return false;
        for (std::size_t i = at; i < at + 4; ++i) {
            const char c = text[i];
            const int digit = c >= '0' && c <= '9' ? c - '0'
                              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                     : -1;
            if (digit < 0) return false;
            value = value * 16 + unsigned(digit);
        }
        return true;
    };
    for (std::size_t at = 0; at < text.size();) {
        std::size_t next = at + 1;
        std::string bytes(1, text[at]);
        if (text[at] == '\\' && at + 1 < text.size()) {
            next = at + 2;
            const char e = text[at + 1];
            unsigned code = 0;
            if (e == 'u' && hex(at + 2, code)) {
                next = at + 6;
                bytes.clear();
                if (code < 0x80) {
                    bytes += char(code);
                } else if (code < 0x800) {
                    bytes += char(0xC0 | (code >> 6));
                    bytes += char(0x80 | (code & 0x3F));
                } else {
                    bytes += char(0xE0 | (code >> 12));
                    bytes += char(0x80 | ((code >> 6) & 0x3F));
                    bytes += char(0x80 | (code & 0x3F));
                }
            } else {
                constexpr std::string_view from = "\"\\/bfnrt", to = "\"\\/\b\f\n\r\t";
                const auto i = from.find(e);
                bytes = i == std::string_view::npos ? text.substr(at, 2) : std::string(1, to[i]);
            }
        }
        for (char c : bytes) {
            decoded += c;
            spans.emplace_back(at, next);
        }
        at = next;
    }
    // Replaced from the end, so that the spans before stay where they are.
    std::vector<std::pair<std::size_t, std::size_t>> echoes;
    for (auto at = decoded.find(secret); at != std::string::npos; at = decoded.find(secret, at + secret.size())) {
        const std::size_t begin = spans[at].first, end = spans[at + secret.size() - 1].second;
        if (end - begin != secret.size()) echoes.emplace_back(begin, end);  // escaped: the plain ones come next
    }
    for (auto it = echoes.rbegin(); it != echoes.rend(); ++it) text.replace(it->first, it->second - it->first, redaction_mark);
}

WEBHOOKSIO_DECL std::string redacted(std::string text, std::string_view secret) {
    if (secret.empty()) return text;
    redact_json_escaped(text, secret);
    redact(text, secret);
    std::string encoded;
    append_percent_encoded(encoded, secret);
    if (encoded != secret)
        replace_echoes(text, [&](std::string_view t, std::size_t at) { return percent_echo_at(t, at, encoded); });
    return text;
}

WEBHOOKSIO_DECL bool redact_json(boost::json::value& v, std::string_view secret) {
    if (secret.size() < min_secret_length) return false;
    bool changed = false;
    if (auto* text = v.if_string()) {
        std::string clean = redacted(std::string(*text), secret);
        changed = clean != *text;
        if (changed) *text = clean;
    } else if (auto* array = v.if_array()) {
        for (auto& item : *array) changed |= redact_json(item, secret);
    } else if (auto* object = v.if_object()) {
        boost::json::object clean;
        for (auto& [key, item] : *object) {
            changed |= redact_json(item, secret);
            std::string name = redacted(std::string(key), secret);
            changed |= name != key;
            clean[name] = std::move(item);
        }
        *object = std::move(clean);
    }
    return changed;
}

}  // namespace webhooksio::detail
