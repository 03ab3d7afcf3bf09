// helpdesk_api.h — what a logged-in helpdesk agent can do, under /api/helpdesk/.
//
//   POST /api/helpdesk/login    {"name", "password"} -> 200 {"agent", "csrf_token"} + session cookie
//                               401 wrong name or password; 429 + Retry-After when throttled
//   POST /api/helpdesk/logout   -> 200, cookie removed, live streams of the session end
//   GET  /api/helpdesk/me       -> {"agent", "csrf_token", "tickets": [opened tickets]}
//   POST /api/helpdesk/follow   {"code": "482913"} -> {"ticket"}: the customer's session code opens their ticket
//   GET  /api/helpdesk/live/{ticket}            server-sent events: "following", then "report" events
//   GET  /api/helpdesk/tickets/{ticket}/reports ?after=<id>&limit=<1..100> -> {"reports", "next_after"}
//   GET  /api/helpdesk/attention                ?before=<id>&limit=<1..100>&all=1 -> {"items", "next_before"}
//   POST /api/helpdesk/attention/{id}/handled   -> {"item"}
//   POST /api/helpdesk/attention/{id}/follow    -> {"ticket"}: open a queued customer's ticket
//   POST /api/helpdesk/cases    {"language": "nl|en", "ticket"?, "evidence"?} -> 201 {"ticket", "case_code", "code_expires_at"}
//
// Without a session every route answers 401. Every POST but login needs the session's CSRF
// token (X-CSRF-Token) and a same-origin request (403). A ticket's reports and live view are
// open only to sessions that opened that ticket (by its session code, from the queue, or by
// creating the case); any other ticket answers 404, exactly as one that does not exist.
// Listings are paged and capped at 100 items and about 2 MB per answer.
#pragma once
#include "api/api_context.h"
#include "http/router.h"

namespace cleanslate::server {

void add_helpdesk_routes(Router& router, const ApiContext& context);

}  // namespace cleanslate::server
