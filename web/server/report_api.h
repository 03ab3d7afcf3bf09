// report_api.h — completion reports from the wizard, and the helpdesk's view of them.
//   POST /api/report           a report: {"report_id": "<8–64 of A-Z a-z 0-9 _ ->", "ticket": "CS-...",
//                              "outcome": "remediated|device_replaced|cannot_secure|needs_help|abandoned",
//                              "token": "<link token, optional>", ...anything else the wizard records}
//                              -> 201 {"status":"stored"} the first time, 200 {"status":"already_stored"} after
//                              The wizard's reports (web/schemas/report.schema.json) are stored once per
//                              progress report (report_id + sequence) and final report (report_id + revision).
//   GET  /api/report/<ticket>  -> {"ticket", "reports": [{"report_id","received_at","outcome","link_status","report"}]}
// Fields named password, new_password or old_password are dropped before anything is stored.
#pragma once
#include <httplib.h>

#include <cstdint>
#include <functional>
#include <string>

#include "report_store.h"

namespace cleanslate::server {

struct ReportApiContext {
    ReportStore* store = nullptr;
    std::string link_key;
    std::function<int64_t()> now;
};

void install_report_routes(httplib::Server& server, const ReportApiContext& context);

}  // namespace cleanslate::server
