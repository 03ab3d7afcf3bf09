// agent_session.h — how a helpdesk agent's browser proves who it is: a session cookie and,
// for every change, a CSRF token and a same-origin request.
//
// The cookie is "__Host-cleanslate_session": Secure (HTTPS only; browsers also accept it on
// http://localhost for development), HttpOnly (no script reads it), SameSite=Strict (no
// other site's page sends it), Path=/ and no Domain (the __Host- prefix makes browsers
// enforce both). Its value is 32 random bytes; the database keeps only their SHA-256.
// The CSRF token is a second random value per session that the page reads from
// GET /api/helpdesk/me and sends back in the X-CSRF-Token header; requests that change
// something must also come from this origin (Origin and Sec-Fetch-Site, when the browser
// sends them). A customer's link token never opens anything here.
#pragma once
#include <optional>
#include <string>

#include "http/http_message.h"
#include "store/store.h"

namespace cleanslate::server {

constexpr const char* kSessionCookie = "__Host-cleanslate_session";
constexpr int64_t kSessionSeconds = 10 * 3600;  // a working day; then log in again

// The Set-Cookie value for a new session, and one that removes it.
std::string session_cookie(const std::string& value, int64_t max_age_seconds);
std::string expired_session_cookie();

struct CurrentSession {
    AgentSession session;
    std::string id_hash;
};
// The unexpired session the request's cookie names, if any.
std::optional<CurrentSession> current_session(Store& store, const Request& request, int64_t now);

// True when the request comes from a page of this origin: an Origin header, if present,
// names this Host, and Sec-Fetch-Site, if present, is same-origin.
bool is_same_origin(const Request& request);

// True when the X-CSRF-Token header matches the session's token.
bool has_csrf_token(const Request& request, const AgentSession& session);

}  // namespace cleanslate::server
