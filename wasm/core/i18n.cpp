// i18n.cpp — locale catalogs, placeholder filling and language choice.
#include "core/i18n.h"
#include "core/json.h"
#include <algorithm>
#include <cctype>

namespace cleanslate {

// --- Catalog ------------------------------------------------------------------------
bool Catalog::load(std::string_view json_text) {
    texts_.clear();
    code_.clear();
    return add(json_text);
}

bool Catalog::add(std::string_view json_text) {
    Json doc = parse_json(json_text);
    if (!doc.is_object()) return false;
    for (auto it = doc.begin(); it != doc.end(); ++it)
        if (!it.value().is_string()) return false;
    for (auto it = doc.begin(); it != doc.end(); ++it) texts_[it.key()] = it.value().get<std::string>();
    auto code = texts_.find("meta.code");
    if (code != texts_.end()) code_ = code->second;
    return true;
}

const std::string& Catalog::text(const std::string& key) const {
    auto it = texts_.find(key);
    if (it != texts_.end()) return it->second;
    missing_ = key;
    return missing_;
}

std::string Catalog::format(const std::string& key, const TextArgs& args) const {
    return fill_placeholders(text(key), args);
}

// --- Placeholders ---------------------------------------------------------------------
static bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string fill_placeholders(std::string_view pattern, const TextArgs& args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            size_t end = i + 1;
            while (end < pattern.size() && is_name_char(pattern[end])) ++end;
            if (end < pattern.size() && pattern[end] == '}' && end > i + 1) {
                std::string_view name = pattern.substr(i + 1, end - i - 1);
                auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
                if (arg != args.end()) { out += arg->second; i = end; continue; }
            }
        }
        out += pattern[i];
    }
    return out;
}

std::vector<std::string> placeholders_in(std::string_view pattern) {
    std::vector<std::string> names;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '{') continue;
        size_t end = i + 1;
        while (end < pattern.size() && is_name_char(pattern[end])) ++end;
        if (end < pattern.size() && pattern[end] == '}' && end > i + 1)
            names.emplace_back(pattern.substr(i + 1, end - i - 1));
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

// --- Language choice --------------------------------------------------------------------
const std::vector<std::string>& supported_locales() {
    static const std::vector<std::string> codes = {"nl", "en"};
    return codes;
}

static std::string primary_subtag(std::string_view tag) {
    std::string code;
    for (char c : tag) {
        if (c == '-' || c == '_') break;
        code += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return code;
}

bool is_supported_locale(const std::string& code) {
    const auto& codes = supported_locales();
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::string choose_locale(std::string_view from_link, const std::vector<std::string>& browser_languages) {
    std::string link_code = primary_subtag(from_link);
    if (is_supported_locale(link_code)) return link_code;
    for (const auto& tag : browser_languages) {
        std::string code = primary_subtag(tag);
        if (is_supported_locale(code)) return code;
    }
    return supported_locales().front();
}

}  // namespace cleanslate
