// sighting_plan.cpp — see sighting_plan.h.
#include "store/sighting_plan.h"

#include <algorithm>

#include "store/store_rules.h"

namespace cleanslate::server {

SightingPlan plan_sightings(const std::vector<FeedSighting>& sightings, const SightingLookup& lookup) {
    SightingPlan plan;
    plan.results.reserve(sightings.size());
    // Where each customer's sightings go as the batch runs: an existing case (its index in
    // plan.changes) or a new one (its index in plan.new_cases).
    struct Target {
        int change = -1, new_case = -1;
        int64_t reinfected_at = 0, remediated_at = 0;
    };
    std::unordered_map<std::string, Target> targets;
    std::unordered_set<std::string> stored_rows, new_tickets;

    for (size_t i = 0; i < sightings.size(); ++i) {
        const FeedSighting& row = sightings[i];
        if (lookup.known_rows.count(row.row_hash) || stored_rows.count(row.row_hash)) {
            plan.results.push_back(SightingResult::duplicate);
            continue;
        }
        auto target = targets.find(row.customer);
        if (target == targets.end()) {
            const auto known = lookup.newest_case.find(row.customer);
            if (known != lookup.newest_case.end()) {
                Target existing;
                existing.change = int(plan.changes.size());
                existing.reinfected_at = known->second.reinfected_at;
                existing.remediated_at = known->second.remediated_at;
                SightingPlan::CaseChange change;
                change.id = known->second.id;
                change.first_seen = change.last_seen = row.seen_at;
                plan.changes.push_back(change);
                target = targets.emplace(row.customer, existing).first;
            }
        }
        if (target == targets.end()) {
            // A new customer: a new case, under the row's own ticket unless a case has it.
            if (!row.ticket.empty() && (lookup.taken_tickets.count(row.ticket) || new_tickets.count(row.ticket))) {
                plan.results.push_back(SightingResult::ticket_taken);
                continue;
            }
            if (!row.ticket.empty()) new_tickets.insert(row.ticket);
            Target created;
            created.new_case = int(plan.new_cases.size());
            plan.new_cases.push_back({i, row.seen_at, row.seen_at, 1});
            targets.emplace(row.customer, created);
            plan.rows.push_back({i, 0, created.new_case});
            plan.results.push_back(SightingResult::new_case);
        } else if (target->second.new_case >= 0) {
            SightingPlan::NewCase& opened = plan.new_cases[size_t(target->second.new_case)];
            opened.first_seen = std::min(opened.first_seen, row.seen_at);
            opened.last_seen = std::max(opened.last_seen, row.seen_at);
            ++opened.sightings;
            plan.rows.push_back({i, 0, target->second.new_case});
            plan.results.push_back(SightingResult::seen_again);  // no report yet: never a reinfection
        } else {
            Target& existing = target->second;
            SightingPlan::CaseChange& change = plan.changes[size_t(existing.change)];
            change.first_seen = std::min(change.first_seen, row.seen_at);
            change.last_seen = std::max(change.last_seen, row.seen_at);
            ++change.sightings;
            const bool reinfected = sighting_reinfects(row.seen_at, existing.remediated_at, existing.reinfected_at);
            if (reinfected) existing.reinfected_at = change.reinfected_at = row.seen_at;
            plan.rows.push_back({i, change.id, -1});
            plan.results.push_back(reinfected ? SightingResult::reinfected : SightingResult::seen_again);
        }
        stored_rows.insert(row.row_hash);
    }
    return plan;
}

}  // namespace cleanslate::server
