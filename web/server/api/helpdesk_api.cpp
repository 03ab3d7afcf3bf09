// helpdesk_api.cpp — login, following a customer, the attention queue, starting cases.
#include "api/helpdesk_api.h"

#include <sodium.h>

#include <cctype>

#include "api/case_api.h"
#include "api/live_hub.h"
#include "api/report_view.h"
#include "auth/agent_password.h"
#include "auth/secrets.h"
#include "core/evidence.h"
#include "core/link_token.h"
#include "http/agent_session.h"
#include "http/json_body.h"
#include "notification.h"

namespace cleanslate::server {

namespace {

constexpr size_t kLargestListing = 2 << 20;  // bytes of report JSON per answer

// --- Checks every route shares ---------------------------------------------------------------
// The session, or an answer: 401 without one; for changes, 403 without the CSRF token or
// from another origin.
std::optional<CurrentSession> require_session(const ApiContext& context, const Request& request, Response& response,
                                              bool changes_something) {
    auto session = current_session(*context.store, request, context.now());
    if (!session) {
        send_error(response, 401, "log in first");
        return std::nullopt;
    }
    if (changes_something && (!is_same_origin(request) || !has_csrf_token(request, session->session))) {
        send_error(response, 403, "this request lacks the page's CSRF token or comes from another site");
        return std::nullopt;
    }
    return session;
}

int query_number(const Request& request, const char* name, int fallback, int lowest, int highest) {
    const std::string text = request.query_parameter(name);
    if (text.empty() || text.size() > 18) return fallback;
    char* end = nullptr;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (*end != '\0') return fallback;
    return int(std::max<long long>(lowest, std::min<long long>(highest, value)));
}

int64_t query_id(const Request& request, const char* name) {
    const std::string text = request.query_parameter(name);
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return 0;
    return std::strtoll(text.c_str(), nullptr, 10);
}

Route json_route(const char* method, const char* pattern, size_t largest_body, Handler handler) {
    Route route;
    route.method = method;
    route.pattern = pattern;
    route.largest_body = largest_body;
    route.json_body = largest_body > 0;
    route.handler = std::move(handler);
    return route;
}

// --- Login and logout --------------------------------------------------------------------------
void log_in(const ApiContext& context, const Request& request, Response& response) {
    if (!is_same_origin(request)) return send_error(response, 403, "log in from the helpdesk page");
    const auto body = read_json_object(request, response);
    if (!body) return;
    const std::string name = json_string(*body, "name");
    const std::string password = json_string(*body, "password");
    if (!is_agent_name(name) || password.empty() || password.size() > 256)
        return send_error(response, 401, "wrong name or password");

    const double now_monotonic = monotonic_seconds();
    const auto by_address = context.limits->logins_per_address.take(request.client_address, now_monotonic);
    const auto by_name = context.limits->login_failures_per_name.peek(name, now_monotonic);
    if (!by_address.allowed || !by_name.allowed)
        return send_retry_later(response, 429, "too many login attempts; please wait",
                                std::max(by_address.retry_after_seconds, by_name.retry_after_seconds));

    const auto agent = context.store->find_agent(name);
    bool right = false;
    if (agent && !agent->disabled) right = verify_agent_password(password, agent->password_hash);
    else pretend_to_verify_agent_password(password);  // the same time, whether or not the name exists
    if (!right) {
        context.limits->login_failures_per_name.take(name, now_monotonic);
        return send_error(response, 401, "wrong name or password");
    }
    context.limits->login_failures_per_name.forget(name);

    const std::string cookie_value = random_token();
    AgentSession session;
    session.id_hash = sha256_hex(cookie_value);
    session.agent = name;
    session.csrf_token = random_token();
    session.created_at = context.now();
    session.expires_at = session.created_at + kSessionSeconds;
    if (!context.store->create_session(session))
        return send_retry_later(response, 503, "the session could not be stored; please try again", 5);
    send_json(response, 200, Json{{"agent", name}, {"csrf_token", session.csrf_token}});
    response.set_header("Set-Cookie", session_cookie(cookie_value, kSessionSeconds));
}

void log_out(const ApiContext& context, const Request& request, Response& response) {
    const auto session = require_session(context, request, response, true);
    if (!session) return;
    context.store->end_session(session->id_hash);
    send_json(response, 200, Json{{"status", "logged_out"}});
    response.set_header("Set-Cookie", expired_session_cookie());
}

void who_am_i(const ApiContext& context, const Request& request, Response& response) {
    const auto session = require_session(context, request, response, false);
    if (!session) return;
    send_json(response, 200, Json{{"agent", session->session.agent},
                                  {"csrf_token", session->session.csrf_token},
                                  {"tickets", context.store->granted_tickets(session->id_hash)}});
}

// --- Following a customer ----------------------------------------------------------------------
void follow_code(const ApiContext& context, const Request& request, Response& response) {
    const auto session = require_session(context, request, response, true);
    if (!session) return;
    const auto body = read_json_object(request, response);
    if (!body) return;
    const auto rate = context.limits->code_tries_per_agent.take(session->id_hash, monotonic_seconds());
    if (!rate.allowed) return send_retry_later(response, 429, "too many codes tried; wait a moment", rate.retry_after_seconds);
    std::string code;
    for (char c : json_string(*body, "code"))
        if (c != ' ') code.push_back(c);
    const auto found = code.size() == 6 && code.find_first_not_of("0123456789") == std::string::npos
                           ? context.store->find_session_code(code, context.now())
                           : std::nullopt;
    if (!found) return send_error(response, 404, "no customer has this code now; ask them to read it again");
    context.store->grant_ticket(session->id_hash, found->ticket, context.now());
    send_json(response, 200, Json{{"ticket", found->ticket}});
}

void start_live_stream(const ApiContext& context, const Request& request, Response& response,
                       std::shared_ptr<EventStream> stream) {
    const auto session = require_session(context, request, response, false);
    if (!session) return;
    const std::string& ticket = request.params[0];
    if (!context.store->may_see_ticket(session->id_hash, ticket)) return send_error(response, 404, "not found");
    response.status = 200;
    response.set_header("Content-Type", "text/event-stream; charset=utf-8");
    response.set_header("Cache-Control", "no-store");
    response.set_header("X-Accel-Buffering", "no");  // a proxy in front must not hold events back
    int64_t after = 0;
    const std::string last_event = std::string(request.header("last-event-id"));
    if (!last_event.empty() && last_event.size() < 19 && last_event.find_first_not_of("0123456789") == std::string::npos)
        after = std::strtoll(last_event.c_str(), nullptr, 10);
    context.live->follow(ticket, std::move(stream), session->id_hash, after);
}

void list_ticket_reports(const ApiContext& context, const Request& request, Response& response) {
    const auto session = require_session(context, request, response, false);
    if (!session) return;
    const std::string& ticket = request.params[0];
    if (!context.store->may_see_ticket(session->id_hash, ticket)) return send_error(response, 404, "not found");
    PageRequest page;
    page.after = query_id(request, "after");
    const int limit = query_number(request, "limit", 50, 1, 100);
    page.limit = limit + 1;  // one more than asked: whether there is a next page
    const std::vector<ReportRecord> records = context.store->reports_for_ticket(ticket, page);
    Json reports = Json::array();
    int64_t last = page.after;
    size_t bytes = 0;
    for (size_t i = 0; i < records.size() && int(i) < limit && bytes <= kLargestListing; ++i) {
        bytes += records[i].body_json.size();  // past ~2 MB the rest comes with the next page
        reports.push_back(report_for_agent(records[i]));
        last = records[i].id;
    }
    const bool more = reports.size() < records.size();
    send_json(response, 200, Json{{"ticket", ticket}, {"reports", std::move(reports)}, {"next_after", more ? Json(last) : Json(nullptr)}});
}

// --- The attention queue -------------------------------------------------------------------------
void list_attention(const ApiContext& context, const Request& request, Response& response) {
    const auto session = require_session(context, request, response, false);
    if (!session) return;
    PageRequest page;
    page.before = query_id(request, "before");
    const int limit = query_number(request, "limit", 50, 1, 100);
    page.limit = limit + 1;  // one more than asked: whether there is a next page
    const std::vector<AttentionItem> found = context.store->attention(page, request.query_parameter("all") == "1");
    Json items = Json::array();
    int64_t last = 0;
    for (size_t i = 0; i < found.size() && int(i) < limit; ++i) {
        items.push_back(attention_for_agent(found[i]));
        last = found[i].id;
    }
    const bool more = int(found.size()) > limit;
    send_json(response, 200, Json{{"items", std::move(items)}, {"next_before", more ? Json(last) : Json(nullptr)}});
}

std::optional<AttentionItem> attention_item_of(const ApiContext& context, const Request& request, Response& response) {
    const std::string& id_text = request.params[0];
    if (id_text.size() > 18 || id_text.find_first_not_of("0123456789") != std::string::npos) {
        send_error(response, 404, "not found");
        return std::nullopt;
    }
    auto item = context.store->attention_item(std::strtoll(id_text.c_str(), nullptr, 10));
    if (!item) send_error(response, 404, "not found");
    return item;
}

void mark_handled(const ApiContext& context, const Request& request, Response& response) {
    const auto session = require_session(context, request, response, true);
    if (!session) return;
    const auto item = attention_item_of(context, request, response);
    if (!item) return;
    if (!context.store->mark_handled(item->id, session->session.agent, context.now()))
        return send_retry_later(response, 503, "could not be saved; please try again", 5);
    send_json(response, 200, Json{{"item", attention_for_agent(*context.store->attention_item(item->id))}});
}

void follow_attention(const ApiContext& context, const Request& request, Response& response) {
    const auto session = require_session(context, request, response, true);
    if (!session) return;
    const auto item = attention_item_of(context, request, response);
    if (!item) return;
    context.store->grant_ticket(session->id_hash, item->ticket, context.now());
    send_json(response, 200, Json{{"ticket", item->ticket}});
}

// --- Starting a case on the phone ----------------------------------------------------------------
void create_case(const ApiContext& context, const Request& request, Response& response) {
    const auto session = require_session(context, request, response, true);
    if (!session) return;
    const auto body = read_json_object(request, response);
    if (!body) return;
    HelpdeskCase helpdesk_case;
    helpdesk_case.language = json_string(*body, "language", "nl");
    if (helpdesk_case.language != "nl" && helpdesk_case.language != "en")
        return send_error(response, 400, "language must be nl or en");
    Json evidence = Json::object();
    if (const Json* given = json_member(*body, "evidence")) {
        if (!given->is_object()) return send_error(response, 400, "evidence must be an object of feed fields");
        const EvidenceParse parsed = parse_evidence(*given);
        if (!parsed.ok()) return send_error(response, 400, "evidence: " + parsed.error);
        evidence = link_evidence_allowed_fields(*given);
    }
    helpdesk_case.evidence_json = evidence.dump();
    helpdesk_case.created_by = session->session.agent;
    helpdesk_case.created_at = context.now();
    helpdesk_case.code_expires_at = helpdesk_case.created_at + kCaseCodeSeconds;
    const std::string requested_ticket = json_string(*body, "ticket");
    if (!requested_ticket.empty() && !is_ticket_id(requested_ticket))
        return send_error(response, 400, "ticket must be letters, digits and dashes");

    bool created = false;
    for (int attempt = 0; attempt < 20 && !created; ++attempt) {
        helpdesk_case.ticket = requested_ticket.empty() ? ticket_id(helpdesk_case.created_at, randombytes_random()) : requested_ticket;
        helpdesk_case.case_code = random_digits(10);
        created = context.store->create_case(helpdesk_case);
        if (!created && !requested_ticket.empty() && context.store->find_case(requested_ticket))
            return send_error(response, 409, "a helpdesk case with this ticket exists already");
    }
    if (!created) return send_retry_later(response, 503, "the case could not be stored; please try again", 5);
    context.store->grant_ticket(session->id_hash, helpdesk_case.ticket, context.now());
    send_json(response, 201, Json{{"ticket", helpdesk_case.ticket},
                                  {"case_code", helpdesk_case.case_code},
                                  {"language", helpdesk_case.language},
                                  {"code_expires_at", helpdesk_case.code_expires_at}});
}

}  // namespace

void add_helpdesk_routes(Router& router, const ApiContext& c) {
    auto bind = [c](void (*handler)(const ApiContext&, const Request&, Response&)) {
        return [c, handler](const Request& request, Response& response) { handler(c, request, response); };
    };
    router.add(json_route("POST", "/api/helpdesk/login", 4096, bind(log_in)));
    router.add(json_route("POST", "/api/helpdesk/logout", 1024, bind(log_out)));
    router.add(json_route("GET", "/api/helpdesk/me", 0, bind(who_am_i)));
    router.add(json_route("POST", "/api/helpdesk/follow", 1024, bind(follow_code)));
    router.add(json_route("GET", "/api/helpdesk/tickets/{ticket}/reports", 0, bind(list_ticket_reports)));
    router.add(json_route("GET", "/api/helpdesk/attention", 0, bind(list_attention)));
    router.add(json_route("POST", "/api/helpdesk/attention/{id}/handled", 1024, bind(mark_handled)));
    router.add(json_route("POST", "/api/helpdesk/attention/{id}/follow", 1024, bind(follow_attention)));
    router.add(json_route("POST", "/api/helpdesk/cases", 4096, bind(create_case)));

    Route live;
    live.method = "GET";
    live.pattern = "/api/helpdesk/live/{ticket}";
    live.stream_handler = [c](const Request& request, Response& response, std::shared_ptr<EventStream> stream) {
        start_live_stream(c, request, response, std::move(stream));
    };
    router.add(std::move(live));
}

}  // namespace cleanslate::server
