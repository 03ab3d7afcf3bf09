// json.h — the one way core code reads JSON.
// Core is built without exceptions (JSON_NOEXCEPTION), so a failed parse or a type mismatch
// would abort. Everything that reads outside data goes through these helpers, which check
// the type first and fall back to a default.
#pragma once
#include <nlohmann/json.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cleanslate {

using Json = nlohmann::json;

// Returns a discarded value (is_discarded()) when text is not valid JSON.
inline Json parse_json(std::string_view text) {
    return Json::parse(text.begin(), text.end(), nullptr, false);
}

inline const Json* json_member(const Json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

inline std::string json_string(const Json& object, const char* key, std::string fallback = {}) {
    const Json* v = json_member(object, key);
    return v && v->is_string() ? v->get<std::string>() : fallback;
}

inline int64_t json_int(const Json& object, const char* key, int64_t fallback = 0) {
    const Json* v = json_member(object, key);
    return v && v->is_number_integer() ? v->get<int64_t>() : fallback;
}

inline bool json_bool(const Json& object, const char* key, bool fallback = false) {
    const Json* v = json_member(object, key);
    return v && v->is_boolean() ? v->get<bool>() : fallback;
}

// The strings of an array member; non-string items are skipped.
inline std::vector<std::string> json_strings(const Json& object, const char* key) {
    std::vector<std::string> out;
    const Json* v = json_member(object, key);
    if (!v || !v->is_array()) return out;
    for (const Json& item : *v)
        if (item.is_string()) out.push_back(item.get<std::string>());
    return out;
}

}  // namespace cleanslate
