// case_api.cpp — opening a helpdesk case by its code.
#include "api/case_api.h"

#include "api/journey_credential.h"
#include "core/link_token.h"
#include "http/json_body.h"

namespace cleanslate::server {

std::string case_link_token(const ApiContext& context, const HelpdeskCase& helpdesk_case) {
    LinkPayload payload;
    payload.ticket = helpdesk_case.ticket;
    payload.issued_at = context.now();
    payload.expires_at = payload.issued_at + kCaseLinkDays * 86400;
    payload.lang = helpdesk_case.language;
    payload.helpdesk = context.helpdesk_phone;
    const Json evidence = parse_json(helpdesk_case.evidence_json);
    payload.evidence = evidence.is_object() ? link_evidence_allowed_fields(evidence) : Json::object();
    return mint_link_token(payload, context.link_key);
}

namespace {

void open_case(const ApiContext& context, const Request& request, Response& response) {
    const auto body = read_json_object(request, response);
    if (!body) return;
    const double now_monotonic = monotonic_seconds();
    // Refuse before looking when this address or everyone together has guessed too much.
    for (const auto decision : {context.limits->failures_per_address.peek(request.client_address, now_monotonic),
                                context.limits->case_code_failures.peek("all", now_monotonic)})
        if (!decision.allowed)
            return send_retry_later(response, 429, "too many wrong codes; please wait a little", decision.retry_after_seconds);

    const std::string digits = normalized_case_code(json_string(*body, "case_code"));
    const auto found = digits.empty() ? std::nullopt : context.store->find_case_by_code(digits, context.now());
    if (!found) {
        context.limits->failures_per_address.take(request.client_address, now_monotonic);
        context.limits->case_code_failures.take("all", now_monotonic);
        return send_error(response, 404, "no open case has this code");
    }
    const std::string token = case_link_token(context, *found);
    if (token.empty()) return send_error(response, 500, "the case could not be opened");
    send_json(response, 200, Json{{"token", token}, {"ticket", found->ticket}, {"language", found->language}});
}

}  // namespace

void add_case_routes(Router& router, const ApiContext& context) {
    Route route;
    route.method = "POST";
    route.pattern = "/api/case/open";
    route.largest_body = 1024;
    route.json_body = true;
    route.handler = [context](const Request& request, Response& response) { open_case(context, request, response); };
    router.add(std::move(route));
}

}  // namespace cleanslate::server
