// link_token.h — the signed token in the ISP's notification link.
//
// Link:    https://<host>/#t=<payload>.<signature>
// payload: base64url of compact JSON {"v":1,"ticket","iat","exp","lang","helpdesk","evidence":{...}}
// signature: base64url of HMAC-SHA256(key, <payload> as it appears in the link)
//
// The token travels in the URL fragment, so it never reaches a web server's log. It holds
// no customer IP address: minting keeps only the evidence fields listed in link_token.cpp.
// The wizard reads the token without the key (it can spot a damaged or expired link, not a
// forged one); the server holds the key and verifies.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/json.h"

namespace cleanslate {

constexpr int kLinkTokenVersion = 1;
// Anything longer is not one of ours; refusing early bounds the work a stranger can cause.
constexpr size_t kMaxLinkTokenLength = 4096;

// --- The payload ------------------------------------------------------------------
struct LinkPayload {
    int64_t version = kLinkTokenVersion;
    std::string ticket;          // the ISP's case reference, e.g. "CS-2026-104233"
    int64_t issued_at = 0;       // unix seconds ("iat")
    int64_t expires_at = 0;      // unix seconds ("exp"); the link is expired from this moment on
    std::string lang;            // "nl" or "en" (any 2–3 lower-case letters parse; the wizard falls back)
    std::string helpdesk;        // phone number shown to the customer, free text
    Json evidence = Json::object();  // raw feed evidence; wasm/core/evidence.* interprets it
};

// --- Outcomes ---------------------------------------------------------------------
enum class LinkStatus {
    ok,
    malformed,            // not a token, damaged in transit, or a payload missing required fields
    unsupported_version,  // well formed, but "v" is not one this build understands
    expired,              // now >= exp
    bad_signature,        // only the key holder can tell: altered or forged
};

// The wire name used in JSON ("ok", "malformed", "unsupported_version", "expired", "bad_signature").
const char* link_status_name(LinkStatus status);

struct LinkParseResult {
    LinkStatus status = LinkStatus::malformed;
    // Filled for ok and expired (an expired link still names the ticket and helpdesk,
    // so the wizard can be kind about it); default otherwise.
    LinkPayload payload;
};

// --- Minting (the key holder) -------------------------------------------------------
// The evidence fields a link may carry; everything else (src_ip, asn, ...) is dropped.
Json link_evidence_allowed_fields(const Json& evidence);

// The compact JSON text of a payload, exactly as it is signed.
std::string link_payload_json(const LinkPayload& payload);

// Returns "<payload>.<signature>", or an empty string when the key is empty or the payload
// would not parse back (empty ticket, bad language, expiry not after issue).
std::string mint_link_token(const LinkPayload& payload, std::string_view key);

// "https://example.net" + token -> "https://example.net/#t=<token>" (one slash, whatever the base ends with).
std::string link_url(std::string_view base_url, std::string_view token);

// --- Reading (the wizard, no key) ----------------------------------------------------
// Finds the token in a URL fragment such as "#t=abc.def" or "t=abc.def&x=1"; empty if absent.
std::string_view link_token_from_fragment(std::string_view fragment);

// Checks structure, version and expiry. Cannot detect tampering: see verify_link_token.
LinkParseResult parse_link_token(std::string_view token, int64_t now);

// --- Verifying (the server, with the key) ---------------------------------------------
// Order of judgement: malformed, bad_signature, unsupported_version, expired, ok.
LinkParseResult verify_link_token(std::string_view token, std::string_view key, int64_t now);

}  // namespace cleanslate
