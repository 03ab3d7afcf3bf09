// json_body.cpp — the depth scan, parsing, and JSON answers.
#include "http/json_body.h"

namespace cleanslate::server {

size_t json_nesting_depth(std::string_view text, size_t limit) {
    size_t depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        switch (c) {
            case '"': in_string = true; break;
            case '[':
            case '{':
                if (++depth > deepest) {
                    deepest = depth;
                    if (deepest > limit) return limit + 1;
                }
                break;
            case ']':
            case '}':
                if (depth > 0) --depth;
                break;
            default: break;
        }
    }
    return deepest;
}

std::optional<Json> read_json_object(const Request& request, Response& response) {
    if (json_nesting_depth(request.body) > kDeepestJson) {
        send_error(response, 400, "the JSON is nested more than " + std::to_string(kDeepestJson) + " levels deep");
        return std::nullopt;
    }
    Json body = parse_json(request.body);
    if (body.is_discarded()) {
        send_error(response, 400, "the body is not valid JSON");
        return std::nullopt;
    }
    if (!body.is_object()) {
        send_error(response, 400, "expected a JSON object");
        return std::nullopt;
    }
    return body;
}

void send_json(Response& response, int status, const Json& body) {
    response.status = status;
    response.set_header("Content-Type", "application/json");
    response.set_header("Cache-Control", "no-store");
    // replace: a request may carry invalid UTF-8; echoing it back must not abort.
    response.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void send_error(Response& response, int status, const std::string& message) {
    send_json(response, status, Json{{"error", message}});
}

void send_retry_later(Response& response, int status, const std::string& message, int retry_after_seconds) {
    send_error(response, status, message);
    response.set_header("Retry-After", std::to_string(retry_after_seconds < 1 ? 1 : retry_after_seconds));
}

}  // namespace cleanslate::server
