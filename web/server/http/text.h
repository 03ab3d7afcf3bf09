// text.h — the few string helpers the HTTP code needs for header values (ASCII, RFC 9110 OWS).
#pragma once
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cleanslate::server {

// Without leading and trailing spaces and tabs.
inline std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

inline bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

inline std::string lower_case(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

// 1*DIGIT with no sign or spaces and at most 15 digits (so it never overflows).
inline std::optional<uint64_t> parse_decimal(std::string_view text) {
    if (text.empty() || text.size() > 15) return std::nullopt;
    uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + uint64_t(c - '0');
    }
    return value;
}

}  // namespace cleanslate::server
