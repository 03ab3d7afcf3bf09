// journey_credential.cpp — token verification and case look-up.
#include "api/journey_credential.h"

#include "core/link_token.h"

namespace cleanslate::server {

std::string normalized_case_code(const std::string& typed) {
    std::string digits;
    for (char c : typed) {
        if (c == ' ' || c == '-') continue;
        if (c < '0' || c > '9' || digits.size() >= 10) return {};
        digits.push_back(c);
    }
    return digits.size() == 10 ? digits : std::string();
}

JourneyCredential check_journey_credential(const ApiContext& context, const Json& body, int64_t grace_seconds) {
    JourneyCredential credential;
    const int64_t now = context.now();
    if (const Json* token = json_member(body, "token"); token && token->is_string()) {
        credential.authority = "link";
        // Verified as of `grace_seconds` ago, so a token that expired within the grace still counts.
        const LinkParseResult link =
            verify_link_token(token->get_ref<const std::string&>(), context.link_key, now - grace_seconds);
        if (link.status == LinkStatus::ok) {
            credential.verdict = JourneyCredential::Verdict::ok;
            credential.ticket = link.payload.ticket;
        } else if (link.status == LinkStatus::expired) {
            credential.verdict = JourneyCredential::Verdict::expired;
            credential.ticket = link.payload.ticket;
        } else {
            credential.verdict = JourneyCredential::Verdict::not_genuine;
        }
        return credential;
    }
    if (const Json* code = json_member(body, "case_code"); code && code->is_string()) {
        credential.authority = "case";
        const std::string digits = normalized_case_code(code->get<std::string>());
        // A case's reports keep coming after the code's first use: the code's expiry limits
        // opening the case, the case itself is not timed out here.
        const auto found = digits.empty() ? std::nullopt : context.store->find_case_by_code(digits, 0);
        if (!found) {
            credential.verdict = JourneyCredential::Verdict::not_genuine;
            return credential;
        }
        credential.verdict = JourneyCredential::Verdict::ok;
        credential.ticket = found->ticket;
        return credential;
    }
    return credential;
}

}  // namespace cleanslate::server
