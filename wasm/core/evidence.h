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
    std::string credential;     // "user/password" the bot got in with; "root/" = empty password
    // From the customer.
    Answers answers;
};

// Splits "user/password" at the first '/'. Returns false when there is no '/'.
bool split_credential(std::string_view credential, std::string& user, std::string& password);

// --- Parsing -----------------------------------------------------------------------------
// Reads the evidence object of a link payload or of the desk command's input. Field names
// are the struct's; "answers" is an object with category, brand, app, model, label, each a
// string or null (null = "I don't know", same as ""). Unknown fields are ignored so older
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
