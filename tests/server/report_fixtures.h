// report_fixtures.h — reports as the wizard sends them (built from the schema's own examples,
// web/schemas/examples/), links minted with the test key, and a look into the test database.
#pragma once
#include <ctime>
#include <string>

#include "core/json.h"
#include "running_server.h"

namespace cleanslate::testing {

// A genuine link token for `ticket`; issued an hour ago and valid two weeks unless given.
std::string link_for(const std::string& ticket, int64_t issued_at = 0, int64_t expires_at = 0,
                     const std::string& key = kTestLinkKey);

// The schema's example reports, re-addressed to `ticket` and `token`.
Json progress_report(const std::string& ticket, const std::string& token, int sequence,
                     const std::string& report_id = "q3J9x0bW2cKfT7mVZa1y4g");
Json final_report(const std::string& ticket, const std::string& token,
                  const std::string& report_id = "q3J9x0bW2cKfT7mVZa1y4g");

// The customer's final report of 'remediated', stored as the collector stores it, received at `at`.
void report_remediated(const TemporarySite& site, const std::string& ticket, int64_t at,
                       const std::string& report_id = "q3J9x0bW2cKfT7mVZa1y4g");

// How many reports the database holds for a ticket (read with the database's own library).
int stored_report_count(const TemporarySite& site, const std::string& ticket);

}  // namespace cleanslate::testing
