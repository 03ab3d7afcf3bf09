// link_api.h — POST /api/link/verify: is this notification link genuine?
//   {"token": "<payload>.<signature>"}
//   -> 200 {"status": "ok|malformed|unsupported_version|expired|bad_signature", "server_time": <unix seconds>}
//      + "case": {"state": "open|watching|verified_clean|reinfected", "since"?, "remediated_at"?,
//                 "quiet_days"?}   for a genuine (or genuine but expired) link of a feed case
// The wizard asks on its first screen; the answer carries the server's clock so the wizard
// can tell a phone with the wrong date from an expired link, and — did it work? — how the
// customer's case stands: "since" is the report of 'remediated' a verified clean case has been
// clean since, or the sighting that found a case reinfected; "quiet_days" is there only when
// the desk runs `cleanslate-desk verify --quiet-days N` (then the finish can say when to look).
// An altered link hears its verdict only, never a case.
#pragma once
#include "api/api_context.h"
#include "http/router.h"

namespace cleanslate::server {

void add_link_routes(Router& router, const ApiContext& context);

}  // namespace cleanslate::server
