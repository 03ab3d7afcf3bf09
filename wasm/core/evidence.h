// evidence.h — what we know about the infected device before and during the wizard.
// Two sources fill it: the ISP's feed (carried in the notification link's "evidence" object,
// or a feed CSV row at the abuse desk) and the customer's answers to the wizard's questions.
// Every field is optional; identification uses whatever is there.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/json.h"

namespace cleanslate {

// --- Device categories ---------------------------------------------------------------------
// The schema's category list (devices/schema.json, definitions.category); a unit test keeps
// the two in step.
constexpr std::array<std::string_view, 11> kDeviceCategories = {
    "camera", "recorder", "router", "access-point", "tv-box", "media-receiver",
    "printer", "nas", "voip", "smart-home", "other"};

bool is_device_category(std::string_view category);

// --- Evidence ----------------------------------------------------------------------------
// A customer's answer. Absent (nullopt): not asked yet. Present but empty: asked, and the
// customer said "I don't know" — so the wizard does not ask again.
using Answer = std::optional<std::string>;

struct Answers {
    Answer category;  // one of kDeviceCategories, or "" for "I don't know"
    Answer brand;     // brand printed on the label, as typed
    Answer app;       // phone or PC app used with the device
    Answer model;     // model number as typed
    Answer label;     // any other text copied from the label
};

struct Evidence {
    // From the feed.
    std::string tag;            // e.g. "mirai"
    std::string infection;      // e.g. "mirai"
    std::optional<int> port;    // port the device was seen on, 1..65535
    std::string device_vendor;
    std::string device_type;
    std::string device_model;
    std::string http_server;    // HTTP Server header
    std::string http_title;     // web page title
    std::string telnet_banner;
    std::string telnet_hostname;  // the name in its Telnet prompt ("dvrdvs" of "dvrdvs login:")
    std::string rtsp_server;    // RTSP Server header of its video stream
    std::string ssh_banner;     // SSH identification string ("SSH-2.0-dropbear_2014.63")
    std::string ftp_banner;     // FTP greeting ("220 ...")
    std::string tls_subject;    // subject (common name) of its TLS certificate
    std::string upnp_server;    // SERVER header of its UPnP/SSDP answer
    std::string mac;            // MAC address or its vendor prefix (OUI), as the feed wrote it
    std::string credential;     // "user/password" the bot got in with; "root/" = empty password
    // From the customer.
    Answers answers;
};

// --- Fingerprint fields ---------------------------------------------------------------------
// What scans of the device's address saw, one row per field: its name in evidence JSON, in
// the link and in a desk CSV column, and where it is kept. Parsing, writing, the link's
// allow-list, the desk's columns and identification all walk this one table.
struct FingerprintField {
    std::string_view name;
    std::string Evidence::*member;
};
constexpr FingerprintField kFingerprintFields[] = {
    {"http_server", &Evidence::http_server},     {"http_title", &Evidence::http_title},
    {"telnet_banner", &Evidence::telnet_banner}, {"telnet_hostname", &Evidence::telnet_hostname},
    {"rtsp_server", &Evidence::rtsp_server},     {"ssh_banner", &Evidence::ssh_banner},
    {"ftp_banner", &Evidence::ftp_banner},       {"tls_subject", &Evidence::tls_subject},
    {"upnp_server", &Evidence::upnp_server},     {"mac", &Evidence::mac},
};
constexpr size_t kFingerprintFieldCount = sizeof(kFingerprintFields) / sizeof(kFingerprintFields[0]);

// The hostname in a Telnet login prompt: "dvrdvs" of "dvrdvs login:", "" when there is none.
std::string telnet_prompt_hostname(std::string_view banner);

// A MAC address or vendor prefix as six upper-case hex digits ("00:12:34:56:78:9a" and
// "00-12-34" -> "001234"); "" when it holds fewer than six hex digits.
std::string mac_vendor_prefix(std::string_view mac);

// --- Bounded input -----------------------------------------------------------------------------
// Every text is cut at the edges where it enters (link, desk CSV, wizard fields) so that
// matching costs the same for a 64 KB paste as for a real banner. Real values fit easily:
// banners and titles in 256 bytes, a brand, app or model in 100, copied label text in 400.
constexpr size_t kMaxFeedText = 256;
constexpr size_t kMaxAnswerText = 100;
constexpr size_t kMaxLabelText = 400;

// The first max_bytes of text, never cutting a UTF-8 character in two.
std::string_view cap_text(std::string_view text, size_t max_bytes);
// Cuts every field of the evidence to its bound (above).
void cap_evidence(Evidence& evidence);
// Whether every field is within its bound already.
bool evidence_within_bounds(const Evidence& evidence);

// Splits "user/password" at the first '/'. Returns false when there is no '/'.
bool split_credential(std::string_view credential, std::string& user, std::string& password);

// --- Parsing -----------------------------------------------------------------------------
// Reads the evidence object of a link payload or of the desk command's input, every text
// cut to its bound (cap_evidence). Field names are the struct's; "answers" is an object
// with category, brand, app, model, label, each a string or null (null = "I don't know", same as ""). Unknown fields are ignored so older
// wizards accept newer links. Wrong types, an out-of-range port, an unknown category or a
// credential without '/' are errors: `error` says which field and why, and the result is
// empty. Never aborts.
struct EvidenceParse {
    Evidence evidence;
    std::string error;  // empty when parsing succeeded
    bool ok() const { return error.empty(); }
};
EvidenceParse parse_evidence(const Json& object);

// The same fields as JSON, omitting empty ones (for reports and round trips).
Json evidence_to_json(const Evidence& evidence);

}  // namespace cleanslate
