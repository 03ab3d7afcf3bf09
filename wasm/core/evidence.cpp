// evidence.cpp — reading and writing Evidence with every type checked first.
#include "core/evidence.h"

namespace cleanslate {

bool is_device_category(std::string_view category) {
    for (auto known : kDeviceCategories)
        if (known == category) return true;
    return false;
}

bool split_credential(std::string_view credential, std::string& user, std::string& password) {
    size_t slash = credential.find('/');
    if (slash == std::string_view::npos) return false;
    user = std::string(credential.substr(0, slash));
    password = std::string(credential.substr(slash + 1));
    return true;
}

// --- Fingerprint fields ---------------------------------------------------------------------
std::string telnet_prompt_hostname(std::string_view banner) {
    // The prompt is the last "<name> login:" in the banner; the name is the word before it.
    size_t at = banner.rfind(" login:");
    if (at == std::string_view::npos || at == 0) return {};
    size_t start = banner.find_last_of(" \t\r\n|", at - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    return std::string(banner.substr(start, at - start));
}

std::string mac_vendor_prefix(std::string_view mac) {
    std::string hex;
    for (char c : mac) {
        if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F')) hex += c;
        else if (c != ':' && c != '-' && c != '.' && c != ' ') return {};
        if (hex.size() == 6) return hex;
    }
    return {};
}

// --- Bounded input -----------------------------------------------------------------------------
std::string_view cap_text(std::string_view text, size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // a continuation byte
    return text.substr(0, end);
}

namespace {

// Every text field with its bound, for cap_evidence and evidence_within_bounds.
template <typename AnyEvidence, typename Visit>  // Evidence or const Evidence
void for_each_text(AnyEvidence& e, Visit&& visit) {
    for (auto* feed : {&e.tag, &e.infection, &e.device_vendor, &e.device_type, &e.device_model, &e.credential})
        visit(*feed, kMaxFeedText);
    for (const FingerprintField& field : kFingerprintFields) visit(e.*(field.member), kMaxFeedText);
    for (auto* answer : {&e.answers.category, &e.answers.brand, &e.answers.app, &e.answers.model})
        if (*answer) visit(**answer, kMaxAnswerText);
    if (e.answers.label) visit(*e.answers.label, kMaxLabelText);
}

}  // namespace

void cap_evidence(Evidence& evidence) {
    for_each_text(evidence, [](std::string& text, size_t bound) {
        if (text.size() > bound) text.resize(cap_text(text, bound).size());
    });
}

bool evidence_within_bounds(const Evidence& evidence) {
    bool within = true;
    for_each_text(evidence, [&](const std::string& text, size_t bound) { within = within && text.size() <= bound; });
    return within;
}

// --- Parsing -----------------------------------------------------------------------------
namespace {

// Reads an optional string member; a present member of another type is an error.
bool read_text(const Json& object, const char* key, std::string& out, std::string& error) {
    const Json* value = json_member(object, key);
    if (!value || value->is_null()) return true;
    if (!value->is_string()) {
        error = std::string("evidence.") + key + " must be a string";
        return false;
    }
    out = value->get<std::string>();
    return true;
}

bool read_answer(const Json& answers, const char* key, Answer& out, std::string& error) {
    const Json* value = json_member(answers, key);
    if (!value) return true;
    if (value->is_null()) { out = std::string(); return true; }
    if (!value->is_string()) {
        error = std::string("evidence.answers.") + key + " must be a string or null";
        return false;
    }
    out = value->get<std::string>();
    return true;
}

bool read_port(const Json& object, std::optional<int>& out, std::string& error) {
    const Json* value = json_member(object, "port");
    if (!value || value->is_null()) return true;
    if (!value->is_number_integer()) {
        error = "evidence.port must be an integer";
        return false;
    }
    int64_t port = value->get<int64_t>();
    if (port < 1 || port > 65535) {
        error = "evidence.port must be between 1 and 65535";
        return false;
    }
    out = static_cast<int>(port);
    return true;
}

}  // namespace

EvidenceParse parse_evidence(const Json& object) {
    EvidenceParse result;
    if (!object.is_object()) {
        result.error = "evidence must be a JSON object";
        return result;
    }
    Evidence& e = result.evidence;
    std::string& error = result.error;
    bool ok = read_text(object, "tag", e.tag, error) && read_text(object, "infection", e.infection, error) &&
              read_port(object, e.port, error) &&
              read_text(object, "device_vendor", e.device_vendor, error) &&
              read_text(object, "device_type", e.device_type, error) &&
              read_text(object, "device_model", e.device_model, error) &&
              read_text(object, "credential", e.credential, error);
    for (const FingerprintField& field : kFingerprintFields)
        ok = ok && read_text(object, std::string(field.name).c_str(), e.*(field.member), error);
    if (ok && !e.credential.empty()) {
        std::string user, password;
        if (!split_credential(e.credential, user, password)) {
            error = "evidence.credential must look like user/password";
            ok = false;
        }
    }
    if (ok) {
        if (const Json* answers = json_member(object, "answers"); answers && !answers->is_null()) {
            if (!answers->is_object()) {
                error = "evidence.answers must be an object";
                ok = false;
            } else {
                Answers& a = e.answers;
                ok = read_answer(*answers, "category", a.category, error) &&
                     read_answer(*answers, "brand", a.brand, error) &&
                     read_answer(*answers, "app", a.app, error) &&
                     read_answer(*answers, "model", a.model, error) &&
                     read_answer(*answers, "label", a.label, error);
                if (ok && a.category && !a.category->empty() && !is_device_category(*a.category)) {
                    error = "evidence.answers.category '" + *a.category + "' is not a known category";
                    ok = false;
                }
            }
        }
    }
    if (!ok) result.evidence = Evidence{};
    cap_evidence(result.evidence);
    return result;
}

// --- Writing -----------------------------------------------------------------------------
Json evidence_to_json(const Evidence& e) {
    Json out = Json::object();
    auto put = [&](const char* key, const std::string& value) {
        if (!value.empty()) out[key] = value;
    };
    put("tag", e.tag);
    put("infection", e.infection);
    if (e.port) out["port"] = *e.port;
    put("device_vendor", e.device_vendor);
    put("device_type", e.device_type);
    put("device_model", e.device_model);
    for (const FingerprintField& field : kFingerprintFields) put(std::string(field.name).c_str(), e.*(field.member));
    put("credential", e.credential);
    Json answers = Json::object();
    auto answer = [&](const char* key, const Answer& value) {
        if (value) answers[key] = value->empty() ? Json(nullptr) : Json(*value);
    };
    answer("category", e.answers.category);
    answer("brand", e.answers.brand);
    answer("app", e.answers.app);
    answer("model", e.answers.model);
    answer("label", e.answers.label);
    if (!answers.empty()) out["answers"] = answers;
    return out;
}

}  // namespace cleanslate
