// journey_credential.h — what a wizard shows the server to act for one case: the signed link
// token from the e-mail, or the case code of a case a helpdesk agent started. Either names
// one ticket, and grants nothing beyond that ticket's own journey.
#pragma once
#include <string>

#include "api/api_context.h"
#include "core/json.h"

namespace cleanslate::server {

struct JourneyCredential {
    enum class Verdict {
        ok,
        missing,      // neither a token nor a case code
        not_genuine,  // a token that does not verify (altered, forged, malformed) or an unknown case code
        expired,      // a genuine token past its expiry (plus the grace given)
    } verdict = Verdict::missing;
    std::string ticket;
    std::string authority;  // "link" or "case"
};

// Reads "token" or "case_code" from a request body. `grace_seconds`: how long after its
// expiry a token still counts.
JourneyCredential check_journey_credential(const ApiContext& context, const Json& body, int64_t grace_seconds);

// Ten digits with any spaces removed, or empty when it is not a case code.
std::string normalized_case_code(const std::string& typed);

}  // namespace cleanslate::server
