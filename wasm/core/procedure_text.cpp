// procedure_text.cpp — typed actions and signs rendered with locale templates.
#include "core/procedure_text.h"

namespace cleanslate {

// --- Pieces -----------------------------------------------------------------------------------
static std::string join_path(const std::vector<std::string>& path) {
    std::string out;
    for (size_t i = 0; i < path.size(); ++i) {
        if (i) out += " \xE2\x80\xBA ";   // " › "
        out += path[i];
    }
    return out;
}

std::string duration_text(const Catalog& texts, int seconds) {
    if (seconds >= 120 && seconds % 60 == 0) return texts.format("time.minutes", {{"n", std::to_string(seconds / 60)}});
    if (seconds == 60) return texts.text("time.one_minute");
    if (seconds > 90) return texts.format("time.about_minutes", {{"n", std::to_string((seconds + 30) / 60)}});
    if (seconds == 1) return texts.text("time.one_second");
    return texts.format("time.seconds", {{"n", std::to_string(seconds)}});
}

// --- Actions ----------------------------------------------------------------------------------
// Some procedures can only say "the device's address" (it differs per home); the data then
// holds a description instead of an address, and the customer gets the "find it" text.
static bool is_web_address(std::string_view address) {
    if (address.empty() || address.find(' ') != std::string_view::npos || address.find('<') != std::string_view::npos) return false;
    return address.find("://") != std::string_view::npos || (address.find('.') != std::string_view::npos && address.front() >= '0' && address.front() <= '9');
}

std::vector<std::string> keys_for(const Action& a) {
    const std::string& t = a.type;
    if (t == "find_button")
        return {"action.find_button", "button." + std::string(a.param("button")), "place." + std::string(a.param("place"))};
    if (t == "hold_button")
        return {"action.hold_button." + std::string(a.param("while")), "button." + std::string(a.param("button")), "time.seconds"};
    if (t == "open_app" && a.param("app").empty()) return {"action.open_app_device"};
    if (t == "open_web" && !is_web_address(a.param("address"))) return {"action.open_web_find_address"};
    if (t == "log_in") return {a.has_param("password") ? (a.param("password").empty() ? "action.log_in_empty" : "action.log_in") : "action.log_in_current"};
    if (t == "confirm") return {a.param("label").empty() ? "action.confirm" : "action.confirm_label"};
    if (t == "save") return {a.param("label").empty() ? "action.save" : "action.save_label"};
    if (t == "turn_off") return {"action.turn_off", "feature." + std::string(a.param("feature"))};
    return {"action." + t};
}

std::string action_text(const Catalog& texts, const Action& a) {
    const std::string& t = a.type;
    std::vector<std::string> keys = keys_for(a);
    auto p = [&](const char* name) { return std::string(a.param(name)); };
    if (t == "find_button")
        return texts.format(keys[0], {{"button", texts.text(keys[1])}, {"place", texts.text(keys[2])}});
    if (t == "hold_button")
        return texts.format(keys[0], {{"button", texts.text(keys[1])}, {"seconds", std::to_string(a.int_param("seconds"))}});
    if (t == "wait") return texts.format(keys[0], {{"time", duration_text(texts, a.int_param("seconds"))}});
    if (t == "open_web") return texts.format(keys[0], {{"address", p("address")}});   // no {address} in the find_address text
    if (t == "open_app") return texts.format(keys[0], {{"app", p("app")}});
    if (t == "log_in") return texts.format(keys[0], {{"user", p("user")}, {"password", p("password")}});
    if (t == "navigate") return texts.format(keys[0], {{"path", join_path(a.path)}});
    if (t == "choose" || t == "confirm" || t == "save") return texts.format(keys[0], {{"label", p("label")}});
    if (t == "set_password") return texts.format(keys[0], {{"user", p("user").empty() ? "admin" : p("user")}});
    if (t == "turn_off") return texts.format(keys[0], {{"feature", texts.text(keys[1])}});
    return texts.text(keys[0]);
}

// --- Signs --------------------------------------------------------------------------------------
std::string sign_text(const Catalog& texts, const Sign& s) {
    if (s.type == "lights" && s.param("light") == "all")
        return texts.text("sign.lights_all." + std::string(s.param("pattern")));
    if (s.type == "lights")
        return texts.format("sign.lights." + std::string(s.param("pattern")),
                            {{"light", texts.text("light." + std::string(s.param("light")))}});
    return texts.text("sign." + s.type);
}

const Action* hold_action(const ResetProcedure& procedure) {
    for (const Action& a : procedure.actions)
        if (a.type == "hold_button") return &a;
    return nullptr;
}

}  // namespace cleanslate
