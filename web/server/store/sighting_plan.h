// sighting_plan.h — a batch of feed sightings applied in memory first, so a store that pays a
// round trip per statement (PostgreSQL) can write the whole batch in a few set-based
// statements. The plan gives exactly what applying the rows one by one would give
// (Store::record_sightings' rules): duplicates by row hash, one case per customer, reinfection
// after a report of 'remediated' (store_rules.h), a new customer's own ticket refused when taken.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/store.h"

namespace cleanslate::server {

// What the database holds about the batch's rows before it is applied.
struct SightingLookup {
    struct CustomerCase {
        int64_t id = 0;
        int64_t reinfected_at = 0;
        int64_t remediated_at = 0;  // its newest report of 'remediated' (0: none)
    };
    std::unordered_set<std::string> known_rows;                      // row hashes stored before
    std::unordered_map<std::string, CustomerCase> newest_case;       // by customer
    std::unordered_set<std::string> taken_tickets;                   // the rows' own tickets that cases hold
};

struct SightingPlan {
    std::vector<SightingResult> results;  // one per sighting, as applying them in order would give

    // A case the batch opens: the row that opened it gives its fields; later rows of the same
    // customer in the batch only widen its sightings.
    struct NewCase {
        size_t opened_by = 0;  // index of the opening sighting
        int64_t first_seen = 0, last_seen = 0, sightings = 0;
    };
    std::vector<NewCase> new_cases;

    // What the batch adds to a case that existed before it.
    struct CaseChange {
        int64_t id = 0;
        int64_t first_seen = 0, last_seen = 0, sightings = 0;  // sightings: how many more
        int64_t reinfected_at = 0;                              // > 0: marked reinfected at that time
    };
    std::vector<CaseChange> changes;

    // A row to remember (its hash) and the case it went to: an existing case's id, or a new
    // case's index in new_cases.
    struct StoredRow {
        size_t sighting = 0;
        int64_t case_id = 0;
        int new_case = -1;
    };
    std::vector<StoredRow> rows;
};

SightingPlan plan_sightings(const std::vector<FeedSighting>& sightings, const SightingLookup& lookup);

}  // namespace cleanslate::server
