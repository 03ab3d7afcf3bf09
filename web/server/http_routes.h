// http_routes.h — what the server answers:
//   GET  /, /<file>        the wizard's static files (brotli or gzip, ETag/304, cache headers)
//   POST /api/report, GET /api/report/<ticket>   completion reports (report_api.h), when a store is given
//   POST /api/link/verify  {"token": "..."} -> {"status": "ok|malformed|unsupported_version|expired|bad_signature",
//                                              "server_time": <unix seconds>}
// Every error is JSON {"error": "..."} with a 4xx/5xx status; every response carries the
// security headers.
#pragma once
#include <httplib.h>

#include <cstdint>
#include <functional>
#include <string>

#include "report_store.h"
#include "static_site.h"

namespace cleanslate::server {

// The largest request body accepted: a verify request is under 5 KB, a completion report
// with typed think-aloud notes some tens of KB.
constexpr size_t kLargestRequestBody = 256 * 1024;

struct RouteContext {
    const StaticSite* site = nullptr;
    ReportStore* reports = nullptr;  // may be null: no report routes
    std::string link_key;
    std::function<int64_t()> now;  // unix seconds; injectable so expiry is testable
};

void install_routes(httplib::Server& server, const RouteContext& context);

}  // namespace cleanslate::server
