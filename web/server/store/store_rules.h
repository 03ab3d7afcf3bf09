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

// --- Did it work? -------------------------------------------------------------------------------------
// Weeks are counted from Monday 5 January 1970 00:00 UTC (the epoch was a Thursday), in whole
// weeks, in integer SQL any database computes the same way: (t - 345600) / 604800.
constexpr int64_t kFirstMonday = 4 * 86400;
constexpr int64_t kSecondsPerWeek = 7 * 86400;

// A feed case's standing from its row and its newest report of 'remediated'.
inline CaseStanding standing_of(const std::string& status, int64_t reinfected_at, int64_t clean_since,
                                int64_t remediated_at) {
    CaseStanding standing;
    standing.remediated_at = remediated_at;
    if (status == "verified_clean") {
        standing.state = "verified_clean";
        standing.since = clean_since;
    } else if (reinfected_at > 0 && reinfected_at > remediated_at) {
        standing.state = "reinfected";
        standing.since = reinfected_at;
    } else {
        standing.state = remediated_at > 0 ? "watching" : "open";
    }
    return standing;
}

}  // namespace cleanslate::server
