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

// Bytes as lowercase hex ("\x01\xab" -> "01ab").
inline std::string hex_text(const std::string& bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char byte : bytes) out += {kHex[byte >> 4], kHex[byte & 15]};
    return out;
}

// The ticket a new feed case holds between its insert and its numbering: unique, because
// it names the row (row_hash) that opened the case.
inline std::string numbering_placeholder(const std::string& row_hash) { return "numbering-" + hex_text(row_hash); }

// --- Follow-up e-mails ---------------------------------------------------------------------------------
// What counts as news for a customer already e-mailed, in SQL both dialects read alike (only
// their placeholders differ: "?1" / "$1"): seen again after the newest report of 'remediated'
// and not reported 'remediated' since, or found quiet by verify — each told once.
inline std::string cases_with_news_sql(const char* columns, const char* after, const char* limit) {
    return std::string("SELECT ") + columns +
           " FROM feed_cases c WHERE c.notified_at > 0 AND c.id > " + after +
           " AND ((c.status = 'reinfected' AND c.reinfected_at > c.told_reinfected_at AND NOT EXISTS ("
           "SELECT 1 FROM reports r WHERE r.ticket = c.ticket AND r.kind = 'final' AND r.outcome = 'remediated' "
           "AND r.received_at > c.reinfected_at)) "
           "OR (c.status = 'verified_clean' AND c.verified_at > c.told_verified_at)) ORDER BY c.id LIMIT " + limit;
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
