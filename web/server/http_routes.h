// http_routes.h — what the server answers:
//   GET  /, /<file>        the wizard's static files (gzip, ETag/304, cache headers)
//   POST /api/link/verify  {"token": "..."} -> {"status": "ok|malformed|unsupported_version|expired|bad_signature",
//                                              "server_time": <unix seconds>}
// Every error is JSON {"error": "..."} with a 4xx/5xx status; every response carries the
// security headers.
#pragma once
#include <httplib.h>

#include <cstdint>
#include <functional>
#include <string>

#include "static_site.h"

namespace cleanslate::server {

// The largest request body accepted; a verify request is well under 5 KB.
constexpr size_t kLargestRequestBody = 64 * 1024;

struct RouteContext {
    const StaticSite* site = nullptr;
    std::string link_key;
    std::function<int64_t()> now;  // unix seconds; injectable so expiry is testable
};

void install_routes(httplib::Server& server, const RouteContext& context);

}  // namespace cleanslate::server
