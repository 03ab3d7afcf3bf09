// case_api.h — POST /api/case/open: a customer without a (trusted) e-mail types the case code
// a helpdesk agent read out, and the journey starts with that case's evidence.
//   {"case_code": "12345 67890"}
//   -> 200 {"token": "<payload>.<signature>", "ticket": "...", "language": "nl"}
// The answer is a link token signed with the server's key, exactly like the e-mail's, so the
// rest of the journey (verification, reports) works the same way. Wrong codes count against
// the sender's address and against all wrong codes together (429 + Retry-After).
#pragma once
#include "api/api_context.h"
#include "http/router.h"

namespace cleanslate::server {

constexpr int64_t kCaseCodeSeconds = 24 * 3600;  // the customer may try again tomorrow
constexpr int64_t kCaseLinkDays = 14;

void add_case_routes(Router& router, const ApiContext& context);

// The link token a helpdesk case opens with.
std::string case_link_token(const ApiContext& context, const HelpdeskCase& helpdesk_case);

}  // namespace cleanslate::server
