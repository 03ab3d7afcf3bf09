// funnel_api.h — the desk's funnel and themes page, behind the helpdesk login.
//
//   GET /helpdesk/funnel?weeks=12&lang=nl      the page (server-rendered HTML with SVG charts;
//                                              without a session: 303 to the login page)
//   GET /api/helpdesk/funnel.json?weeks=12     everything on the page as JSON
//   GET /api/helpdesk/funnel.csv?weeks=12&table=weeks|steps|stalls|themes|sentences
//
// weeks: 1..104 whole ISO weeks up to and including this one (default 12). Everything is
// counted from what the store records (store.h: funnel_weeks, step_times, stalls,
// themes_by_step, sentences), never estimated; the page says where a stage comes from.
// Without a session every route answers 401 (the page: 303 to /helpdesk/).
#pragma once
#include "api/api_context.h"
#include "http/router.h"

namespace cleanslate::server {

void add_funnel_routes(Router& router, const ApiContext& context);

// "2026-W49" for the ISO week that starts on this Monday (unix seconds, 00:00 UTC).
std::string iso_week_name(int64_t monday);

}  // namespace cleanslate::server
