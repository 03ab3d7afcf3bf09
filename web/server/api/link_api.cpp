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
        send_json(response, 200, Json{{"status", link_status_name(result.status)}, {"server_time", now}});
    };
    router.add(std::move(verify));
}

}  // namespace cleanslate::server
