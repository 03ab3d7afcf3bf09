// The notification-link token: https://<host>/#t=<payload>.<signature>.
// What the abuse desk mints, the wizard must read and the server must verify; a link that
// was altered, damaged by an e-mail client or is out of date must be told apart kindly.
#include <doctest/doctest.h>

#include <string>

#include "core/base64url.h"
#include "core/link_token.h"
#include "core/sha256.h"

using namespace cleanslate;

namespace {

constexpr int64_t kIssued = 1767225600;         // 2026-01-01T00:00:00Z
constexpr int64_t kFourteenDays = 14 * 24 * 3600;
const std::string kKey = "test-key";

// The realistic case: a XiongMai recorder seen by the feed answering Telnet on port 23.
LinkPayload xiongmai_case() {
    LinkPayload payload;
    payload.ticket = "CS-2026-104233";
    payload.issued_at = kIssued;
    payload.expires_at = kIssued + kFourteenDays;
    payload.lang = "nl";
    payload.helpdesk = "088 123 4567";
    payload.evidence = parse_json(R"({
        "tag": "mirai", "infection": "mirai", "port": 23,
        "device_vendor": "XiongMai", "device_type": "DVR", "device_model": "AHB7008T",
        "http_server": "uc-httpd 1.0.0", "http_title": "NETSurveillance WEB",
        "telnet_banner": "LocalHost login:", "credential": "root/xc3511"})");
    return payload;
}

// Decodes the payload half of a token to its JSON text.
std::string payload_json_of(const std::string& token) {
    return base64url_decode(token.substr(0, token.find('.'))).value_or("");
}

// Re-encodes a payload JSON under the original signature, as a forger without the key would.
std::string with_payload_json(const std::string& token, const std::string& json) {
    return base64url_encode(json) + token.substr(token.find('.'));
}

// Signs arbitrary JSON with the key, to build well-signed tokens with odd contents.
std::string signed_token(const std::string& json, const std::string& key = kKey) {
    const std::string payload_text = base64url_encode(json);
    const Sha256Digest mac = hmac_sha256(key, payload_text);
    return payload_text + "." + base64url_encode(std::string(mac.begin(), mac.end()));
}

}  // namespace

TEST_SUITE("base64url") {
    TEST_CASE("RFC 4648 test vectors, without padding") {
        CHECK(base64url_encode("") == "");
        CHECK(base64url_encode("f") == "Zg");
        CHECK(base64url_encode("fo") == "Zm8");
        CHECK(base64url_encode("foo") == "Zm9v");
        CHECK(base64url_encode("foob") == "Zm9vYg");
        CHECK(base64url_encode("fooba") == "Zm9vYmE");
        CHECK(base64url_encode("foobar") == "Zm9vYmFy");
        CHECK(base64url_decode("Zm9vYmE").value() == "fooba");
        CHECK(base64url_decode("").value() == "");
    }

    TEST_CASE("uses - and _ where standard Base64 uses + and /") {
        CHECK(base64url_encode("\xfb\xff") == "-_8");
        CHECK(base64url_decode("-_8").value() == "\xfb\xff");
        CHECK_FALSE(base64url_decode("+/8").has_value());
    }

    TEST_CASE("every byte value survives a round trip") {
        std::string all;
        for (int i = 0; i < 256; ++i) all.push_back(char(i));
        for (size_t length = 0; length <= all.size(); length += 37) {
            CAPTURE(length);
            CHECK(base64url_decode(base64url_encode(all.substr(0, length))).value() == all.substr(0, length));
        }
    }

    TEST_CASE("refuses anything that is not the one canonical encoding") {
        CHECK_FALSE(base64url_decode("Zg==").has_value());    // padding
        CHECK_FALSE(base64url_decode("Z").has_value());       // a lone 6-bit character
        CHECK_FALSE(base64url_decode("Zh").has_value());      // non-zero unused bits ("Zg" is canonical)
        CHECK_FALSE(base64url_decode("Zm9v\n").has_value());  // line break from an e-mail client
        CHECK_FALSE(base64url_decode("Zm 9v").has_value());
        CHECK_FALSE(base64url_decode(std::string("Zm\0v", 4)).has_value());
    }
}

TEST_SUITE("link token") {
    TEST_CASE("a minted token parses back to the same payload, with and without the key") {
        const LinkPayload original = xiongmai_case();
        const std::string token = mint_link_token(original, kKey);
        REQUIRE_FALSE(token.empty());

        const LinkParseResult parsed = parse_link_token(token, kIssued + 60);
        CHECK(parsed.status == LinkStatus::ok);
        CHECK(parsed.payload.version == 1);
        CHECK(parsed.payload.ticket == "CS-2026-104233");
        CHECK(parsed.payload.issued_at == kIssued);
        CHECK(parsed.payload.expires_at == kIssued + kFourteenDays);
        CHECK(parsed.payload.lang == "nl");
        CHECK(parsed.payload.helpdesk == "088 123 4567");
        CHECK(parsed.payload.evidence == original.evidence);

        const LinkParseResult verified = verify_link_token(token, kKey, kIssued + 60);
        CHECK(verified.status == LinkStatus::ok);
        CHECK(verified.payload.evidence["credential"].get<std::string>() == "root/xc3511");
    }

    TEST_CASE("the format is fixed: a token computed independently (Python hmac) verifies") {
        const std::string independent =
            "eyJldmlkZW5jZSI6eyJwb3J0IjoyMywidGFnIjoibWlyYWkifSwiZXhwIjoxNzY4NDM1MjAwLCJoZWxwZGVzayI6IjA4OCAx"
            "MjMgNDU2NyIsImlhdCI6MTc2NzIyNTYwMCwibGFuZyI6Im5sIiwidGlja2V0IjoiQ1MtMjAyNi0xMDQyMzMiLCJ2IjoxfQ"
            ".u7JF4T6e-w_lnMEenZIorbxoSPAppfiNW646hGpgoxY";
        LinkPayload payload = xiongmai_case();
        payload.evidence = parse_json(R"({"tag":"mirai","port":23})");
        CHECK(mint_link_token(payload, kKey) == independent);
        CHECK(verify_link_token(independent, kKey, kIssued).status == LinkStatus::ok);
    }

    TEST_CASE("payload JSON is compact, so links stay short enough for e-mail") {
        const std::string json = payload_json_of(mint_link_token(xiongmai_case(), kKey));
        CHECK(json.find("\": ") == std::string::npos);  // no space after a key
        CHECK(json.find(", \"") == std::string::npos);  // nor between members
        CHECK(json.find('\n') == std::string::npos);
        CHECK(mint_link_token(xiongmai_case(), kKey).size() < 700);
    }

    TEST_CASE("changing one byte of the payload breaks the signature") {
        const std::string token = mint_link_token(xiongmai_case(), kKey);
        std::string json = payload_json_of(token);
        const size_t at = json.find("CS-2026-104233");
        json[at + 13] = '4';  // CS-2026-104234: somebody else's ticket
        const std::string forged = with_payload_json(token, json);

        CHECK(verify_link_token(forged, kKey, kIssued).status == LinkStatus::bad_signature);
        // The wizard has no key: it sees a well-formed link and must ask the server.
        CHECK(parse_link_token(forged, kIssued).status == LinkStatus::ok);
    }

    TEST_CASE("changing any single character of the token is never accepted by the server") {
        const std::string token = mint_link_token(xiongmai_case(), kKey);
        for (size_t i = 0; i < token.size(); i += 7) {
            std::string altered = token;
            altered[i] = altered[i] == 'A' ? 'B' : 'A';
            CAPTURE(i);
            const LinkStatus status = verify_link_token(altered, kKey, kIssued).status;
            CHECK((status == LinkStatus::bad_signature || status == LinkStatus::malformed));
        }
    }

    TEST_CASE("a token signed with another key is refused; so is an empty key") {
        const std::string token = mint_link_token(xiongmai_case(), kKey);
        CHECK(verify_link_token(token, "another-key", kIssued).status == LinkStatus::bad_signature);
        CHECK(verify_link_token(token, "", kIssued).status == LinkStatus::bad_signature);
    }

    TEST_CASE("expiry: valid until the second before exp, expired from exp on, payload still readable") {
        const std::string token = mint_link_token(xiongmai_case(), kKey);
        const int64_t exp = kIssued + kFourteenDays;
        CHECK(parse_link_token(token, exp - 1).status == LinkStatus::ok);
        CHECK(parse_link_token(token, exp).status == LinkStatus::expired);
        const LinkParseResult late = verify_link_token(token, kKey, exp + 3600);
        CHECK(late.status == LinkStatus::expired);
        CHECK(late.payload.ticket == "CS-2026-104233");  // so the wizard can still name the ticket
        CHECK(late.payload.helpdesk == "088 123 4567");
    }

    TEST_CASE("a forged token is bad_signature even when it is also expired") {
        const std::string token = mint_link_token(xiongmai_case(), kKey);
        CHECK(verify_link_token(token, "other", kIssued + kFourteenDays * 2).status == LinkStatus::bad_signature);
    }

    TEST_CASE("a version this build does not know is reported as such, not as damage") {
        const std::string v2 = signed_token(R"({"v":2,"ticket":"T","iat":1,"exp":2,"lang":"nl","evidence":{}})");
        CHECK(verify_link_token(v2, kKey, 1).status == LinkStatus::unsupported_version);
        CHECK(parse_link_token(v2, 1).status == LinkStatus::unsupported_version);
    }

    TEST_CASE("malformed: the shape of the token") {
        const std::string token = mint_link_token(xiongmai_case(), kKey);
        const std::string payload_part = token.substr(0, token.find('.'));
        const std::string signature_part = token.substr(token.find('.') + 1);
        const char* cases[] = {"", ".", "abc", "abc.", ".abc", "a.b.c"};
        for (const char* text : cases) {
            CAPTURE(text);
            CHECK(parse_link_token(text, kIssued).status == LinkStatus::malformed);
            CHECK(verify_link_token(text, kKey, kIssued).status == LinkStatus::malformed);
        }
        CHECK(verify_link_token(payload_part, kKey, kIssued).status == LinkStatus::malformed);
        CHECK(verify_link_token(token + "." + signature_part, kKey, kIssued).status == LinkStatus::malformed);
        CHECK(verify_link_token(payload_part + "." + signature_part.substr(0, 20), kKey, kIssued).status ==
              LinkStatus::malformed);  // signature cut short
        CHECK(verify_link_token(token + "=", kKey, kIssued).status == LinkStatus::malformed);
        CHECK(verify_link_token(token.substr(0, 30) + "\n" + token.substr(30), kKey, kIssued).status ==
              LinkStatus::malformed);  // wrapped by a mail client
        CHECK(verify_link_token(token + std::string(kMaxLinkTokenLength, 'A'), kKey, kIssued).status ==
              LinkStatus::malformed);
    }

    TEST_CASE("malformed: well signed, but the payload is not a valid notification") {
        const char* payloads[] = {
            "not json",
            "[1,2,3]",
            R"({"ticket":"T","iat":1,"exp":2,"lang":"nl"})",                            // no version
            R"({"v":"1","ticket":"T","iat":1,"exp":2,"lang":"nl"})",                    // version as text
            R"({"v":1,"iat":1,"exp":2,"lang":"nl"})",                                   // no ticket
            R"({"v":1,"ticket":"","iat":1,"exp":2,"lang":"nl"})",                       // empty ticket
            R"({"v":1,"ticket":"T","iat":1,"lang":"nl"})",                              // no expiry
            R"({"v":1,"ticket":"T","iat":5,"exp":5,"lang":"nl"})",                      // expiry not after issue
            R"({"v":1,"ticket":"T","iat":1,"exp":"2","lang":"nl"})",                    // expiry as text
            R"({"v":1,"ticket":"T","iat":1,"exp":2,"lang":"Dutch"})",                   // not a language tag
            R"({"v":1,"ticket":"T","iat":1,"exp":2,"lang":"nl","evidence":"mirai"})",   // evidence not an object
        };
        for (const char* json : payloads) {
            CAPTURE(json);
            CHECK(verify_link_token(signed_token(json), kKey, 1).status == LinkStatus::malformed);
            CHECK(parse_link_token(signed_token(json), 1).status == LinkStatus::malformed);
        }
    }

    TEST_CASE("optional parts: no helpdesk and no evidence still make a valid link") {
        const std::string token = signed_token(R"({"v":1,"ticket":"T","iat":1,"exp":9,"lang":"en"})");
        const LinkParseResult parsed = verify_link_token(token, kKey, 2);
        CHECK(parsed.status == LinkStatus::ok);
        CHECK(parsed.payload.helpdesk.empty());
        CHECK(parsed.payload.evidence == Json::object());
    }

    TEST_CASE("no customer IP address ever goes into a link") {
        LinkPayload payload = xiongmai_case();
        payload.evidence["src_ip"] = "203.0.113.45";
        payload.evidence["dst_ip"] = "198.51.100.7";
        payload.evidence["ip"] = "203.0.113.45";
        payload.evidence["src_asn"] = 64496;
        const std::string json = payload_json_of(mint_link_token(payload, kKey));
        CHECK(json.find("203.0.113.45") == std::string::npos);
        CHECK(json.find("198.51.100.7") == std::string::npos);
        CHECK(json.find("_ip") == std::string::npos);
        CHECK(json.find("\"ip\"") == std::string::npos);
        CHECK(json.find("asn") == std::string::npos);
        // ...while the evidence the wizard needs is all there.
        CHECK(parse_json(json)["evidence"] == xiongmai_case().evidence);
    }

    TEST_CASE("evidence fields of the wrong type are left out rather than passed on") {
        const Json kept = link_evidence_allowed_fields(parse_json(R"({"port":"23","tag":7,"seen_at":1767225000})"));
        CHECK(kept == parse_json(R"({"seen_at":1767225000})"));
    }

    TEST_CASE("minting refuses what would not parse back") {
        LinkPayload payload = xiongmai_case();
        CHECK(mint_link_token(payload, "").empty());
        payload.ticket.clear();
        CHECK(mint_link_token(payload, kKey).empty());
        payload = xiongmai_case();
        payload.lang = "NL";
        CHECK(mint_link_token(payload, kKey).empty());
        payload = xiongmai_case();
        payload.expires_at = payload.issued_at;
        CHECK(mint_link_token(payload, kKey).empty());
    }

    TEST_CASE("text that is not valid UTF-8 is replaced, not a crash") {
        LinkPayload payload = xiongmai_case();
        payload.evidence["telnet_banner"] = std::string("login\xff\xfe:");
        const std::string token = mint_link_token(payload, kKey);
        REQUIRE_FALSE(token.empty());
        CHECK(verify_link_token(token, kKey, kIssued).status == LinkStatus::ok);
    }

    TEST_CASE("the link URL puts the token in the fragment") {
        CHECK(link_url("https://schoon.example.nl", "abc.def") == "https://schoon.example.nl/#t=abc.def");
        CHECK(link_url("https://schoon.example.nl/", "abc.def") == "https://schoon.example.nl/#t=abc.def");
    }

    TEST_CASE("the token is found in a fragment however it is written") {
        CHECK(link_token_from_fragment("#t=abc.def") == "abc.def");
        CHECK(link_token_from_fragment("t=abc.def") == "abc.def");
        CHECK(link_token_from_fragment("#lang=en&t=abc.def&x=1") == "abc.def");
        CHECK(link_token_from_fragment("#step=3").empty());
        CHECK(link_token_from_fragment("").empty());
    }

    TEST_CASE("status names are the wire words the server sends") {
        CHECK(std::string(link_status_name(LinkStatus::ok)) == "ok");
        CHECK(std::string(link_status_name(LinkStatus::malformed)) == "malformed");
        CHECK(std::string(link_status_name(LinkStatus::unsupported_version)) == "unsupported_version");
        CHECK(std::string(link_status_name(LinkStatus::expired)) == "expired");
        CHECK(std::string(link_status_name(LinkStatus::bad_signature)) == "bad_signature");
    }
}
