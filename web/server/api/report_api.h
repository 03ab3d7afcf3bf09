// report_api.h — POST /api/report: the collector for the wizard's reports
// (web/schemas/report.schema.json: "progress" while the journey runs, "final" at the end).
//
// A report is stored only when every check passes, in this order:
//   1. application/json, at most 1 MB (checked from the head: 415, 413), nested at most 32 deep (400);
//   2. it names its case: a link token or a helpdesk case code (401 if neither);
//   3. the token is genuine (HMAC with the server's key; 401) and not expired more than
//      kExpiredReportGrace ago (410); a case code belongs to a helpdesk case (401);
//   4. the ticket's rate allows another (429 + Retry-After);
//   5. it matches the schema: an allow-list, so an unknown field — a password under any
//      name — is refused with the field named (400 {"error", "field", "problem"});
//   6. the report's ticket is the token's (or case's) ticket (403);
//   7. the ticket's stored total allows another (429).
// Wrong tokens and case codes also count against the sender's address (429 when it keeps on).
// Answers: 201 {"status": "stored", "report_id", "kind", "sequence" or "revision"} the first
// time; 200 {"status": "already_stored", ...} for a resend (same report_id, kind and number);
// 503 with Retry-After if the database could not take it (the outbox tries again).
//
// A stored report that asks for a call-back, or says the customer needs help, raises an item
// in the helpdesk's attention queue, and every stored report wakes the live view of its ticket.
#pragma once
#include "api/api_context.h"
#include "http/router.h"

namespace cleanslate::server {

constexpr size_t kLargestReport = 1 << 20;  // three 60-second voice notes and 200 typed notes fit
// The journey takes the home off the internet; a report written before the link expired may
// wait in the browser's outbox and arrive a little after.
constexpr int64_t kExpiredReportGrace = 2 * 86400;

void add_report_routes(Router& router, const ApiContext& context);

}  // namespace cleanslate::server
