// routes.cpp — wiring the resources, the helpdesk's pages and the static site.
#include "api/routes.h"

#include "api/case_api.h"
#include "api/funnel_api.h"
#include "api/helpdesk_api.h"
#include "api/link_api.h"
#include "api/report_api.h"
#include "api/session_code_api.h"
#include "http/agent_session.h"
#include "http/json_body.h"
#include "http/static_files.h"

namespace cleanslate::server {

namespace {

// The helpdesk's pages: the page (index.html) needs a session — without one the answer is
// 401 with the login page as its body; the scripts, styles and texts are public (they hold
// no data).
void serve_helpdesk_page(const ApiContext& context, const StaticSite& site, const Request& request, Response& response) {
    Request inside = request;
    inside.path = request.path.size() > std::string_view("/helpdesk").size() ? request.path.substr(9) : "/";
    const bool is_page = inside.path == "/" || inside.path == "/index.html";
    if (is_page && !current_session(*context.store, request, context.now())) {
        inside.path = "/login.html";
        serve_static_file(site, inside, response);
        if (response.status == 200) response.status = 401;
        return;
    }
    if (inside.path == "/login.html") inside.path = "/";  // logged in: the page itself
    serve_static_file(site, inside, response);
    if (is_page) response.set_header("Cache-Control", "no-store");  // which page depends on the session
}

}  // namespace

void add_all_routes(Router& router, const ApiContext& context, const Sites& sites) {
    add_link_routes(router, context);
    add_report_routes(router, context);
    add_session_code_routes(router, context);
    add_case_routes(router, context);
    add_helpdesk_routes(router, context);
    add_funnel_routes(router, context);   // its page before the helpdesk's static files

    if (sites.helpdesk) {
        Route pages;
        pages.method = "GET";
        pages.pattern = "/helpdesk/*";
        pages.handler = [context, site = sites.helpdesk](const Request& request, Response& response) {
            serve_helpdesk_page(context, *site, request, response);
        };
        router.add(std::move(pages));
    }

    Route unknown_api;  // before the files: an unknown /api/ path is a JSON 404, never a page
    unknown_api.method = "GET";
    unknown_api.pattern = "/api/*";
    unknown_api.on_event_loop = true;
    unknown_api.handler = [](const Request&, Response& response) { send_error(response, 404, "not found"); };
    router.add(std::move(unknown_api));

    Route files;
    files.method = "GET";
    files.pattern = "/*";
    files.on_event_loop = true;  // memory look-ups only: never waits behind the API's workers
    files.handler = [site = sites.wizard](const Request& request, Response& response) {
        serve_static_file(*site, request, response);
    };
    router.add(std::move(files));
}

}  // namespace cleanslate::server
