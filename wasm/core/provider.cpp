// provider.cpp — reading and checking provider.json (see provider.h).
#include "core/provider.h"
#include "core/json.h"
#include <algorithm>
#include <cctype>

namespace cleanslate {

namespace {
constexpr size_t kMaxText = 120;

bool is_phone(const std::string& s) {
    if (s.empty() || s.size() > 30) return false;
    int digits = 0;
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
        else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')') return false;
    }
    return digits >= 3;
}

bool is_host_name(const std::string& s) {
    if (s.empty() || s.size() > 253 || s.front() == '.' || s.back() == '.' || s.find('.') == std::string::npos) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-'; });
}

// A file of the site itself: no scheme, no host, no way up and out.
bool is_site_file(const std::string& s) {
    if (s.empty() || s.size() > 200 || s.front() == '/' || s.find("..") != std::string::npos) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' || c == '/';
    });
}

// One text for every language, or one per language.
std::string read_localized(const Json& value, const char* field, std::map<std::string, std::string>& out) {
    auto check = [&](const Json& text, const std::string& where) -> std::string {
        if (!text.is_string()) return where + ": must be text";
        const std::string& s = text.get_ref<const std::string&>();
        if (s.empty() || s.size() > kMaxText) return where + ": must be 1 to " + std::to_string(kMaxText) + " characters";
        return "";
    };
    if (value.is_string()) {
        if (std::string e = check(value, field); !e.empty()) return e;
        out[""] = value.get<std::string>();
        return "";
    }
    if (!value.is_object()) return std::string(field) + ": must be text or {\"nl\": ..., \"en\": ...}";
    for (const auto& [locale, text] : value.items()) {
        if (locale.size() != 2 || !std::islower(static_cast<unsigned char>(locale[0])) || !std::islower(static_cast<unsigned char>(locale[1])))
            return std::string(field) + "." + locale + ": not a language code";
        if (std::string e = check(text, std::string(field) + "." + locale); !e.empty()) return e;
        out[locale] = text.get<std::string>();
    }
    return "";
}
}  // namespace

const std::string& ProviderConfig::localized(const std::map<std::string, std::string>& texts, const std::string& locale) {
    static const std::string none;
    auto own = texts.find(locale);
    if (own != texts.end()) return own->second;
    auto every = texts.find("");
    return every != texts.end() ? every->second : none;
}

ProviderParse parse_provider_config(std::string_view json_text) {
    ProviderParse result;
    Json root = parse_json(json_text);
    if (root.is_discarded() || !root.is_object()) { result.error = "provider.json: must be one JSON object"; return result; }
    ProviderConfig& c = result.config;
    for (const auto& [key, value] : root.items()) {
        std::string error;
        if (key == "name") error = read_localized(value, "name", c.name);
        else if (key == "helpdesk_hours") error = read_localized(value, "helpdesk_hours", c.helpdesk_hours);
        else if (key == "website") {
            if (!value.is_string() || !is_host_name(value.get<std::string>())) error = "website: must be a host name like www.example.nl";
            else c.website = value.get<std::string>();
        } else if (key == "helpdesk_phone") {
            if (!value.is_string() || !is_phone(value.get<std::string>())) error = "helpdesk_phone: must be a phone number (digits, spaces, + - ( ))";
            else c.helpdesk_phone = value.get<std::string>();
        } else if (key == "logo") {
            if (!value.is_string() || !is_site_file(value.get<std::string>())) error = "logo: must be a file of the site, like provider-logo.svg";
            else c.logo = value.get<std::string>();
        } else if (key == "logo_aspect") {
            if (!value.is_number() || value.get<double>() < 0.2 || value.get<double>() > 8) error = "logo_aspect: must be a number from 0.2 to 8 (width / height)";
            else c.logo_aspect = static_cast<float>(value.get<double>());
        } else if (key == "$comment") {
            // Notes for whoever edits the file.
        } else {
            error = key + ": unknown field";
        }
        if (!error.empty()) { result.error = error; result.config = {}; return result; }
    }
    return result;
}

}  // namespace cleanslate
