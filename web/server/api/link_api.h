// link_api.h — POST /api/link/verify: is this notification link genuine?
//   {"token": "<payload>.<signature>"}
//   -> 200 {"status": "ok|malformed|unsupported_version|expired|bad_signature", "server_time": <unix seconds>}
// The wizard asks on its first screen; the answer carries the server's clock so the wizard
// can tell a phone with the wrong date from an expired link.
#pragma once
#include "api/api_context.h"
#include "http/router.h"

namespace cleanslate::server {

void add_link_routes(Router& router, const ApiContext& context);

}  // namespace cleanslate::server
