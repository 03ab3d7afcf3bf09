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
              read_text(object, "http_server", e.http_server, error) &&
              read_text(object, "http_title", e.http_title, error) &&
              read_text(object, "telnet_banner", e.telnet_banner, error) &&
              read_text(object, "credential", e.credential, error);
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
    put("http_server", e.http_server);
    put("http_title", e.http_title);
    put("telnet_banner", e.telnet_banner);
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
