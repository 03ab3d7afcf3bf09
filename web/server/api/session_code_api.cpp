// session_code_api.cpp — drawing an unused six-digit code for a genuine journey.
#include "api/session_code_api.h"

#include "api/journey_credential.h"
#include "auth/secrets.h"
#include "http/json_body.h"

namespace cleanslate::server {

namespace {

void give_session_code(const ApiContext& context, const Request& request, Response& response) {
    const auto body = read_json_object(request, response);
    if (!body) return;
    const JourneyCredential credential = check_journey_credential(context, *body, 0);
    if (credential.verdict != JourneyCredential::Verdict::ok) {
        if (!context.limits->failures_per_address.take(request.client_address, monotonic_seconds()).allowed)
            return send_retry_later(response, 429, "too many refused requests from this address", 60);
        return send_error(response, credential.verdict == JourneyCredential::Verdict::expired ? 410 : 401,
                          "a session code needs a genuine, unexpired link or case code");
    }
    const auto rate = context.limits->session_codes_per_ticket.take(credential.ticket, monotonic_seconds());
    if (!rate.allowed)
        return send_retry_later(response, 429, "a new code can be given in a moment", rate.retry_after_seconds);

    SessionCode code;
    code.ticket = credential.ticket;
    code.created_at = context.now();
    code.expires_at = code.created_at + kSessionCodeSeconds;
    // Draw until unused: a million codes, a few thousand live at most.
    for (int attempt = 0; attempt < 20; ++attempt) {
        code.code = random_digits(6);
        if (context.store->save_session_code(code))
            return send_json(response, 201, Json{{"code", code.code},
                                                 {"expires_at", code.expires_at},
                                                 {"valid_minutes", kSessionCodeSeconds / 60}});
    }
    send_retry_later(response, 503, "no code could be given now; please try again", 5);
}

}  // namespace

void add_session_code_routes(Router& router, const ApiContext& context) {
    Route route;
    route.method = "POST";
    route.pattern = "/api/session-code";
    route.largest_body = 8 * 1024;
    route.json_body = true;
    route.handler = [context](const Request& request, Response& response) { give_session_code(context, request, response); };
    router.add(std::move(route));
}

}  // namespace cleanslate::server
