// link_api.cpp — verifying a link token with the server's key.
#include "api/link_api.h"

#include "core/link_token.h"
#include "http/json_body.h"

namespace cleanslate::server {

void add_link_routes(Router& router, const ApiContext& context) {
    Route verify;
    verify.method = "POST";
    verify.pattern = "/api/link/verify";
    verify.largest_body = 8 * 1024;  // a token is at most 4 KB
    verify.json_body = true;
    verify.handler = [context](const Request& request, Response& response) {
        const auto body = read_json_object(request, response);
        if (!body) return;
        const Json* token = json_member(*body, "token");
        if (!token || !token->is_string())
            return send_error(response, 400, "expected a JSON object {\"token\": \"<payload>.<signature>\"}");
        const int64_t now = context.now();
        const LinkParseResult result = verify_link_token(token->get_ref<const std::string&>(), context.link_key, now);
        Json answer = {{"status", link_status_name(result.status)}, {"server_time", now}};
        // Did it work? Only a link whose signature holds hears about its own case (an expired
        // one too: the customer is told to come back after the quiet days, by when a link may
        // have expired). An altered link gets nothing but its verdict.
        if (result.status == LinkStatus::ok || result.status == LinkStatus::expired)
            if (auto standing = context.store->case_standing(result.payload.ticket)) {
                Json about = {{"state", standing->state}};
                if (standing->since > 0) about["since"] = standing->since;
                if (standing->remediated_at > 0) about["remediated_at"] = standing->remediated_at;
                if (auto days = context.store->desk_setting(kVerifyQuietDaysSetting); days && *days > 0)
                    about["quiet_days"] = *days;
                answer["case"] = std::move(about);
            }
        send_json(response, 200, answer);
    };
    router.add(std::move(verify));
}

}  // namespace cleanslate::server
