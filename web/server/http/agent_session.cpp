// agent_session.cpp — cookie, origin and token checks.
#include "http/agent_session.h"

#include "auth/secrets.h"

namespace cleanslate::server {

std::string session_cookie(const std::string& value, int64_t max_age_seconds) {
    return std::string(kSessionCookie) + "=" + value + "; Max-Age=" + std::to_string(max_age_seconds) +
           "; Path=/; Secure; HttpOnly; SameSite=Strict";
}

std::string expired_session_cookie() { return session_cookie("", 0); }

std::optional<CurrentSession> current_session(Store& store, const Request& request, int64_t now) {
    const std::string value = request.cookie(kSessionCookie);
    if (value.size() < 32 || value.size() > 64) return std::nullopt;
    const std::string id_hash = sha256_hex(value);
    auto session = store.find_session(id_hash, now);
    if (!session) return std::nullopt;
    return CurrentSession{std::move(*session), id_hash};
}

bool is_same_origin(const Request& request) {
    const std::string_view fetch_site = request.header("sec-fetch-site");
    if (!fetch_site.empty() && fetch_site != "same-origin") return false;
    const std::string_view origin = request.header("origin");
    if (origin.empty()) return true;  // not sent by every browser for every request; the cookie is SameSite=Strict
    const size_t scheme_end = origin.find("://");
    if (scheme_end == std::string_view::npos) return false;
    return origin.substr(scheme_end + 3) == request.header("host");
}

bool has_csrf_token(const Request& request, const AgentSession& session) {
    const std::string_view sent = request.header("x-csrf-token");
    return !sent.empty() && equal_in_constant_time(sent, session.csrf_token);
}

}  // namespace cleanslate::server
