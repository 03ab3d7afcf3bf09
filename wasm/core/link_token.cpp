// link_token.cpp — minting, reading and verifying notification-link tokens.
#include "core/link_token.h"

#include <optional>

#include "core/base64url.h"
#include "core/evidence.h"
#include "core/sha256.h"

namespace cleanslate {

namespace {

// --- What the evidence may contain ----------------------------------------------
// A whitelist rather than a blacklist: a feed row has dozens of columns (src_ip, dst_ip,
// asn, ...) and a new one must not slip into customers' links unnoticed.
// The fingerprint fields (evidence.h) are allowed too. Texts are cut to the bound the
// wizard would cut them to anyway (kMaxFeedText), so a long banner cannot push a link past
// kMaxLinkTokenLength.
struct EvidenceField {
    const char* name;
    bool is_number;
};
constexpr EvidenceField kEvidenceFields[] = {
    {"tag", false},           {"infection", false},   {"port", true},
    {"device_vendor", false}, {"device_type", false}, {"device_model", false},
    {"credential", false},    {"seen_at", true},  // unix seconds of the sighting: "we saw it at 14:02"
};

// --- Payload rules shared by minting and reading ---------------------------------
bool is_language_tag(std::string_view lang) {
    if (lang.size() < 2 || lang.size() > 3) return false;
    for (char c : lang)
        if (c < 'a' || c > 'z') return false;
    return true;
}

bool has_required_fields(const LinkPayload& payload) {
    return !payload.ticket.empty() && is_language_tag(payload.lang) && payload.issued_at > 0 &&
           payload.expires_at > payload.issued_at && payload.evidence.is_object();
}

// The two base64url parts of "<payload>.<signature>", or nullopt if the shape is wrong.
struct TokenParts {
    std::string_view payload_text;  // still encoded: this is what the signature covers
    std::string payload_json;
    std::string signature;
};

std::optional<TokenParts> split_token(std::string_view token) {
    if (token.empty() || token.size() > kMaxLinkTokenLength) return std::nullopt;
    const size_t dot = token.find('.');
    if (dot == std::string_view::npos || token.find('.', dot + 1) != std::string_view::npos)
        return std::nullopt;
    TokenParts parts;
    parts.payload_text = token.substr(0, dot);
    auto payload_json = base64url_decode(parts.payload_text);
    auto signature = base64url_decode(token.substr(dot + 1));
    if (!payload_json || payload_json->empty() || !signature || signature->size() != 32)
        return std::nullopt;
    parts.payload_json = std::move(*payload_json);
    parts.signature = std::move(*signature);
    return parts;
}

// Reads the decoded JSON; status is ok, malformed, unsupported_version or expired.
LinkParseResult read_payload(std::string_view payload_json, int64_t now) {
    LinkParseResult result;
    const Json json = parse_json(payload_json);
    if (!json.is_object()) return result;

    const Json* version = json_member(json, "v");
    if (!version || !version->is_number_integer()) return result;
    if (version->get<int64_t>() != kLinkTokenVersion) {
        result.status = LinkStatus::unsupported_version;
        return result;
    }

    LinkPayload payload;
    payload.version = kLinkTokenVersion;
    payload.ticket = json_string(json, "ticket");
    payload.issued_at = json_int(json, "iat");
    payload.expires_at = json_int(json, "exp");
    payload.lang = json_string(json, "lang");
    payload.helpdesk = json_string(json, "helpdesk");
    const Json* evidence = json_member(json, "evidence");
    payload.evidence = evidence ? *evidence : Json::object();
    if (!has_required_fields(payload)) return result;

    result.status = now >= payload.expires_at ? LinkStatus::expired : LinkStatus::ok;
    result.payload = std::move(payload);
    return result;
}

std::string signature_text(std::string_view payload_text, std::string_view key) {
    const Sha256Digest mac = hmac_sha256(key, payload_text);
    return std::string(reinterpret_cast<const char*>(mac.data()), mac.size());
}

}  // namespace

// --- Outcomes ---------------------------------------------------------------------
const char* link_status_name(LinkStatus status) {
    switch (status) {
        case LinkStatus::ok: return "ok";
        case LinkStatus::malformed: return "malformed";
        case LinkStatus::unsupported_version: return "unsupported_version";
        case LinkStatus::expired: return "expired";
        case LinkStatus::bad_signature: return "bad_signature";
    }
    return "malformed";
}

// --- Minting ----------------------------------------------------------------------
Json link_evidence_allowed_fields(const Json& evidence) {
    Json kept = Json::object();
    if (!evidence.is_object()) return kept;
    auto keep_text = [&](const std::string& name) {
        const Json* value = json_member(evidence, name.c_str());
        if (value && value->is_string()) kept[name] = std::string(cap_text(value->get<std::string>(), kMaxFeedText));
    };
    for (const EvidenceField& field : kEvidenceFields) {
        if (!field.is_number) { keep_text(field.name); continue; }
        const Json* value = json_member(evidence, field.name);
        if (value && value->is_number_integer()) kept[field.name] = *value;
    }
    for (const FingerprintField& field : kFingerprintFields) keep_text(std::string(field.name));
    return kept;
}

std::string link_payload_json(const LinkPayload& payload) {
    Json json = Json::object();
    json["v"] = payload.version;
    json["ticket"] = payload.ticket;
    json["iat"] = payload.issued_at;
    json["exp"] = payload.expires_at;
    json["lang"] = payload.lang;
    json["helpdesk"] = payload.helpdesk;
    json["evidence"] = link_evidence_allowed_fields(payload.evidence);
    // Replace invalid UTF-8 rather than abort: core runs without exceptions.
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string mint_link_token(const LinkPayload& payload, std::string_view key) {
    if (key.empty() || payload.version != kLinkTokenVersion || !has_required_fields(payload)) return {};
    const std::string payload_text = base64url_encode(link_payload_json(payload));
    const std::string token = payload_text + "." + base64url_encode(signature_text(payload_text, key));
    if (token.size() > kMaxLinkTokenLength) return {};
    return token;
}

std::string link_url(std::string_view base_url, std::string_view token) {
    while (!base_url.empty() && base_url.back() == '/') base_url.remove_suffix(1);
    std::string url(base_url);
    url += "/#t=";
    url += token;
    return url;
}

// --- Reading ----------------------------------------------------------------------
std::string_view link_token_from_fragment(std::string_view fragment) {
    if (!fragment.empty() && fragment.front() == '#') fragment.remove_prefix(1);
    while (!fragment.empty()) {
        const size_t end = fragment.find('&');
        std::string_view item = fragment.substr(0, end);
        if (item.substr(0, 2) == "t=") return item.substr(2);
        if (end == std::string_view::npos) break;
        fragment.remove_prefix(end + 1);
    }
    return {};
}

LinkParseResult parse_link_token(std::string_view token, int64_t now) {
    auto parts = split_token(token);
    if (!parts) return {};
    return read_payload(parts->payload_json, now);
}

// --- Verifying --------------------------------------------------------------------
LinkParseResult verify_link_token(std::string_view token, std::string_view key, int64_t now) {
    auto parts = split_token(token);
    if (!parts) return {};
    if (key.empty() || !equal_in_constant_time(signature_text(parts->payload_text, key), parts->signature)) {
        LinkParseResult forged;
        forged.status = LinkStatus::bad_signature;
        return forged;
    }
    return read_payload(parts->payload_json, now);
}

}  // namespace cleanslate
