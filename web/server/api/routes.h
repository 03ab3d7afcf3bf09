// routes.h — everything cleanslate-server answers, in the order routes are tried:
//   /api/link/verify, /api/report, /api/session-code, /api/case/open   the wizard (customers)
//   /api/helpdesk/...                                                  helpdesk agents (helpdesk_api.h)
//   /helpdesk/...                                                      the helpdesk's pages
//   everything else                                                    the wizard's static files
#pragma once
#include "api/api_context.h"
#include "http/router.h"
#include "http/static_site.h"

namespace cleanslate::server {

struct Sites {
    const StaticSite* wizard = nullptr;
    const StaticSite* helpdesk = nullptr;  // may be null: no helpdesk pages
};

void add_all_routes(Router& router, const ApiContext& context, const Sites& sites);

}  // namespace cleanslate::server
