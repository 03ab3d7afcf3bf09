// session_code_api.h — POST /api/session-code: the wizard asks for a short code the customer
// reads out to a helpdesk agent, who then follows the journey live.
//   {"token": "..."} or {"case_code": "..."}
//   -> 201 {"code": "482913", "expires_at": <unix seconds>, "valid_minutes": 120}
// The code names the ticket only; it is valid for the call (two hours), and a ticket may ask
// for a new one about once a minute (429 + Retry-After).
#pragma once
#include "api/api_context.h"
#include "http/router.h"

namespace cleanslate::server {

constexpr int64_t kSessionCodeSeconds = 2 * 3600;

void add_session_code_routes(Router& router, const ApiContext& context);

}  // namespace cleanslate::server
