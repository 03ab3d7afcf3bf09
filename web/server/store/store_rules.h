// store_rules.h — the few rules both stores apply in C++ rather than in SQL, kept in one
// place so SQLite and PostgreSQL number cases and cap pages alike.
#pragma once
#include <cstdint>
#include <string>

#include "store/store.h"

namespace cleanslate::server {

constexpr int kLargestPage = 1000;  // the API asks for less; this bounds any caller

inline int64_t page_limit(const PageRequest& page) {
    return page.limit < 1 ? 1 : (page.limit > kLargestPage ? kLargestPage : page.limit);
}

// "CS-2026-" + 42 -> "CS-2026-0000042": seven digits, so feed cases never meet the six-digit
// numbers the helpdesk draws for its own cases.
inline std::string numbered_ticket(const std::string& prefix, int64_t id) {
    std::string digits = std::to_string(id);
    if (digits.size() < 7) digits.insert(0, 7 - digits.size(), '0');
    return prefix + digits;
}

// A sighting reinfects a case when it comes after the case's newest report of 'remediated'
// (remediated_at, 0 if none) and that report came after the last reinfection: the customer
// said it was clean, and the feed saw the connection again.
inline bool sighting_reinfects(int64_t seen_at, int64_t remediated_at, int64_t reinfected_at) {
    return remediated_at > 0 && seen_at > remediated_at && remediated_at > reinfected_at;
}

// The ticket a new feed case holds between its insert and its numbering: unique, because
// it names the row (row_hash) that opened the case.
inline std::string numbering_placeholder(const std::string& row_hash) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string placeholder = "numbering-";
    for (unsigned char byte : row_hash) placeholder += {kHex[byte >> 4], kHex[byte & 15]};
    return placeholder;
}

}  // namespace cleanslate::server
