// json_body.h — JSON in and out of the API handlers.
//
// A request body is checked for nesting depth BEFORE it reaches the parser: a body of a few
// kilobytes nested tens of thousands of levels deep would otherwise cost the parser (and every
// recursive walk after it) the whole stack. The scan is one linear pass that knows strings
// and escapes; nothing the wizard or the helpdesk sends nests deeper than a handful of levels.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/json.h"
#include "http/http_message.h"

namespace cleanslate::server {

constexpr size_t kDeepestJson = 32;

// The deepest nesting of arrays and objects in `text`, counted outside strings, stopping
// early once it passes `limit` (then limit + 1 is returned).
size_t json_nesting_depth(std::string_view text, size_t limit = kDeepestJson);

// Parses a request body that must be a JSON object. On failure, answers 400 with a message
// that says why (not JSON, nested too deeply, not an object) and returns nullopt.
std::optional<Json> read_json_object(const Request& request, Response& response);

// Every API answer: JSON, never cached; errors as {"error": "..."} (plus any extra fields).
void send_json(Response& response, int status, const Json& body);
void send_error(Response& response, int status, const std::string& message);
// 429 and 503 carry Retry-After so the wizard's outbox waits as long as asked.
void send_retry_later(Response& response, int status, const std::string& message, int retry_after_seconds);

}  // namespace cleanslate::server
