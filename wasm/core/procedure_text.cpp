// procedure_text.cpp — typed actions, signs and reset effects rendered with locale templates.
// keys_for/sign_keys_for name every key a step can use, and the texts are built from exactly
// those keys, so the data test that checks the keys checks what the customer reads.
#include "core/procedure_text.h"

#include <algorithm>

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

// "a, b or c" in the customer's language.
static std::string join_or(const Catalog& texts, const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += i + 1 == items.size() ? " " + texts.text("word.or") + " " : ", ";
        out += items[i];
    }
    return out;
}

static std::string sentences(const std::string& first, const std::string& second) {
    return second.empty() ? first : first + " " + second;
}

std::string duration_text(const Catalog& texts, int seconds) {
    if (seconds >= 120 && seconds % 60 == 0) return texts.format("time.minutes", {{"n", std::to_string(seconds / 60)}});
    if (seconds == 60) return texts.text("time.one_minute");
    if (seconds > 90) return texts.format("time.about_minutes", {{"n", std::to_string((seconds + 30) / 60)}});
    if (seconds == 1) return texts.text("time.one_second");
    return texts.format("time.seconds", {{"n", std::to_string(seconds)}});
}

// --- Keys -------------------------------------------------------------------------------------
// Some procedures can only say "the device's address" (it differs per home); the data then
// holds a description instead of an address, and the customer gets the "find it" text.
static bool is_web_address(std::string_view address) {
    if (address.empty() || address.find(' ') != std::string_view::npos || address.find('<') != std::string_view::npos) return false;
    return address.find("://") != std::string_view::npos || (address.find('.') != std::string_view::npos && address.front() >= '0' && address.front() <= '9');
}

// The sentence that says where a login's password comes from. Never "leave it empty" unless
// the data says the password truly is empty: a sticker or serial-number password is named.
static std::string password_key(const Action& a) {
    std::string from(a.param("password_from"));
    if (from.empty()) from = a.has_param("password") ? (a.param("password").empty() ? "empty" : "literal") : "current";
    bool marked = a.has_param("label_mark") && (from == "label" || from == "label-or-serial");
    return "action.log_in.password." + from + (marked ? "_mark" : "");
}

std::vector<std::string> sign_keys_for(const Sign& s) {
    const std::string& t = s.type;
    if (t == "lights") {
        bool all = s.param("light") == "all", colored = s.has_param("color");
        std::vector<std::string> keys{std::string("sign.lights") + (all ? "_all" : "") + (colored ? "_color." : ".") + std::string(s.param("pattern"))};
        if (!all) keys.push_back("light." + std::string(s.param("light")));
        if (colored) keys.push_back("color." + std::string(s.param("color")));
        return keys;
    }
    if (t == "voice_prompt") return {s.param("text").empty() ? "sign.voice_prompt_any" : "sign.voice_prompt"};
    if (t == "shows_text") return {"sign.shows_text." + std::string(s.param("where"))};
    return {"sign." + t};
}

// --- The power ----------------------------------------------------------------------------------
PowerWay power_way(const Family& family, std::string_view connection) {
    if (family.power == "network-cable" || connection == "poe") return PowerWay::network_cable;
    if (family.power == "adapter" || connection == "wifi" || connection == "cable") return PowerWay::plug;
    // Not known how this one is installed: a family sold both ways, or a camera (the kind that
    // is often fed through its cable) whose data does not say.
    if (family.power == "adapter-or-network-cable" || (family.power.empty() && family.category == "camera")) return PowerWay::plug_or_cable;
    return PowerWay::plug;
}

// The key suffix of a step that switches the power: "" for the plug.
static std::string power_suffix(PowerWay power) {
    switch (power) {
        case PowerWay::plug: return "";
        case PowerWay::network_cable: return ".network_cable";
        case PowerWay::plug_or_cable: return ".plug_or_cable";
    }
    return "";
}

std::string power_key(PowerWay power) {
    switch (power) {
        case PowerWay::plug: return "power.plug";
        case PowerWay::network_cable: return "power.network_cable";
        case PowerWay::plug_or_cable: return "power.plug_or_cable";
    }
    return "power.plug";
}

// Steps whose words depend on what the power is: those that pull or plug it, and the restart
// wait ("do not pull out the plug").
static bool switches_power(const Action& a) {
    if (a.type == "unplug_power" || a.type == "plug_in_power") return true;
    if (a.type == "wait") return a.param("for") == "restart";
    return a.type == "hold_button" && (a.param("while") == "powering_on" || a.param("while") == "power_cycling");
}

int hold_power_off_seconds(const Action& hold) {
    return hold.type == "hold_button" && hold.param("while") == "power_cycling" ? hold.int_param("off_seconds", 5) : 0;
}

std::vector<std::string> keys_for(const Action& a, PowerWay power) {
    const std::string& t = a.type;
    auto button = [&] { return "button." + std::string(a.param("button")); };
    std::vector<std::string> keys;
    const std::string powered = switches_power(a) ? power_suffix(power) : "";
    if (t == "find_button") keys = {"action.find_button", button(), "place." + std::string(a.param("place"))};
    else if (t == "unplug_power" || t == "plug_in_power") keys = {"action." + t + powered};
    else if (t == "hold_button" && a.has_param("with_button")) {
        // Two buttons at once, always while the device is on (the schema allows nothing else).
        keys = {a.until.empty() ? "action.hold_buttons" : "action.hold_buttons_until", button(), "button." + std::string(a.param("with_button"))};
        if (!a.until.empty()) for (auto& k : sign_keys_for(a.until.front())) keys.push_back(k);
        if (a.has_param("max_seconds")) keys.push_back("action.hold_button.max");
    } else if (t == "hold_button") {
        keys = {std::string(a.until.empty() ? "action.hold_button." : "action.hold_button_until.") + std::string(a.param("while")) + powered, button()};
        if (!a.until.empty()) for (auto& k : sign_keys_for(a.until.front())) keys.push_back(k);
        if (a.has_param("max_seconds")) keys.push_back("action.hold_button.max");
    } else if (t == "press_button" || t == "confirm_on_device") {
        // "Any button" is no button name: its own sentence, not "press the {button}".
        bool any = a.param("button") == "any";
        keys = {"action." + t + (any ? "_any" : "") + (a.has_param("dial_code") ? "_or_dial" : "")};
        if (!any) keys.push_back(button());
    } else if (t == "scan_code") keys = {"action.scan_code." + std::string(a.param("code")) + (a.has_param("app") && a.param("code") == "label" ? "_app" : "")};
    else if (t == "unplug_network" || t == "plug_in_network") keys = {"action." + t + "." + std::string(a.param("cable"))};
    else if (t == "wait") keys = {a.param("for") == "restart" ? "action.wait_restart" + powered : "action.wait"};
    else if (t == "open_local_menu") keys = {"action.open_local_menu." + std::string(a.param("screen"))};
    else if (t == "open_console") keys = {a.has_param("address") ? "action.open_console_at" : "action.open_console"};
    else if (t == "open_app" && a.param("app").empty()) keys = {"action.open_app_device"};
    else if (t == "open_web" && !is_web_address(a.param("address"))) keys = {"action.open_web_find_address"};
    else if (t == "log_in") {
        keys = {a.param("user").empty() ? "action.log_in.no_user" : "action.log_in.user", password_key(a)};
        if (!a.list("else_passwords").empty()) { keys.push_back("action.log_in.else"); keys.push_back("word.or"); }
    } else if (t == "confirm") keys = {a.param("label").empty() ? "action.confirm" : "action.confirm_label"};
    else if (t == "save") keys = {a.param("label").empty() ? "action.save" : "action.save_label"};
    else if (t == "set_password") {
        std::string_view which = a.param("which");
        if (which == "wifi-key" || which == "cloud-account") keys = {"action.set_password." + std::string(which)};
        else keys = {a.param("user").empty() ? "action.set_password_no_user" : "action.set_password"};
    } else if (t == "turn_off") keys = {"action.turn_off", "feature." + std::string(a.param("feature"))};
    else keys = {"action." + t};
    if (a.has_param("within_seconds")) keys.push_back("action.within");
    return keys;
}

// --- Actions ----------------------------------------------------------------------------------
std::string action_text(const Catalog& texts, const Action& a, PowerWay power) {
    const std::string& t = a.type;
    std::vector<std::string> keys = keys_for(a, power);
    auto p = [&](const char* name) { return std::string(a.param(name)); };
    std::string text;
    if (t == "find_button")
        text = texts.format(keys[0], {{"button", texts.text(keys[1])}, {"place", texts.text(keys[2])}});
    else if (t == "hold_button") {
        TextArgs values{{"button", texts.text(keys[1])}, {"seconds", std::to_string(a.int_param("seconds"))},
                        {"off_seconds", std::to_string(hold_power_off_seconds(a))}};
        if (a.has_param("with_button")) values.push_back({"button2", texts.text(keys[2])});
        if (!a.until.empty()) values.push_back({"sign", sign_text(texts, a.until.front())});
        text = texts.format(keys[0], values);
        if (a.has_param("max_seconds")) text = sentences(text, texts.format("action.hold_button.max", {{"seconds", p("max_seconds")}}));
    } else if (t == "press_button" || t == "confirm_on_device")
        text = texts.format(keys[0], {{"button", keys.size() > 1 ? texts.text(keys[1]) : ""}, {"code", p("dial_code")}});
    else if (t == "wait") text = texts.format(keys[0], {{"time", duration_text(texts, a.int_param("seconds"))}});
    else if (t == "open_web") text = texts.format(keys[0], {{"address", p("address")}});   // no {address} in the find_address text
    else if (t == "open_app" || t == "scan_code") text = texts.format(keys[0], {{"app", p("app")}});
    else if (t == "open_console") text = texts.format(keys[0], {{"via", p("via") == "ssh" ? "SSH" : "Telnet"}, {"address", p("address")}});
    else if (t == "run_command") text = texts.format(keys[0], {{"command", p("command")}});
    else if (t == "dial_code") text = texts.format(keys[0], {{"code", p("code")}});
    else if (t == "log_in") {
        text = sentences(texts.format(keys[0], {{"user", p("user")}}),
                         texts.format(keys[1], {{"password", p("password")}, {"mark", p("label_mark")}}));
        if (!a.list("else_passwords").empty())
            text = sentences(text, texts.format("action.log_in.else", {{"passwords", join_or(texts, a.list("else_passwords"))}}));
    } else if (t == "navigate") text = texts.format(keys[0], {{"path", join_path(a.path)}});
    else if (t == "choose" || t == "confirm" || t == "save") text = texts.format(keys[0], {{"label", p("label")}});
    else if (t == "set_password") text = texts.format(keys[0], {{"user", p("user")}});
    else if (t == "turn_off") text = texts.format(keys[0], {{"feature", texts.text(keys[1])}});
    else text = texts.text(keys[0]);
    if (a.has_param("within_seconds"))
        text = sentences(text, texts.format("action.within", {{"time", duration_text(texts, a.int_param("within_seconds"))}}));
    return text;
}

// --- Signs --------------------------------------------------------------------------------------
std::string sign_text(const Catalog& texts, const Sign& s) {
    std::vector<std::string> keys = sign_keys_for(s);
    if (s.type == "lights") {
        TextArgs values;
        for (size_t i = 1; i < keys.size(); ++i)
            values.push_back({keys[i].rfind("light.", 0) == 0 ? "light" : "color", texts.text(keys[i])});
        return texts.format(keys[0], values);
    }
    return texts.format(keys[0], {{"text", std::string(s.param("text"))}});
}

const Action* hold_action(const ResetProcedure& procedure) {
    for (const Action& a : procedure.actions)
        if (a.type == "hold_button") return &a;
    return nullptr;
}

// --- What a reset does --------------------------------------------------------------------------
// What a customer would mind losing on this kind of device, when no source says whether it
// stays: they are told so, and to save it first if they can.
static const char* treasure_of(std::string_view category) {
    if (category == "recorder" || category == "camera") return "recordings";
    if (category == "nas") return "files";
    return nullptr;
}

std::vector<std::string> reset_effect_keys(const ResetProcedure& procedure, std::string_view category) {
    std::vector<std::string> keys;
    for (const auto& item : procedure.erases) keys.push_back("erasable." + item);
    for (const auto& item : procedure.keeps) keys.push_back("erasable." + item);
    if (!procedure.erases.empty()) keys.push_back("reset.erases_title");
    if (!procedure.keeps.empty()) keys.push_back("reset.keeps_title");
    if (const char* treasure = treasure_of(category); treasure && !procedure.erases_item(treasure) && !procedure.keeps_item(treasure))
        keys.push_back(std::string("reset.unknown.") + treasure);
    return keys;
}

ResetEffects reset_effects(const Catalog& texts, const ResetProcedure& procedure, std::string_view category) {
    ResetEffects effects;
    for (const auto& item : procedure.erases) effects.erases.push_back(texts.text("erasable." + item));
    for (const auto& item : procedure.keeps) effects.keeps.push_back(texts.text("erasable." + item));
    for (const auto& key : reset_effect_keys(procedure, category))
        if (key.rfind("reset.unknown.", 0) == 0) effects.unknown.push_back(texts.text(key));
    return effects;
}

std::string applies_to_text(const Catalog& texts, const AppliesTo& applies_to) {
    if (applies_to.empty()) return {};
    std::vector<std::string> parts = applies_to.models;
    if (!applies_to.hardware.empty()) parts.push_back(texts.format("reset.applies_hardware", {{"version", applies_to.hardware}}));
    if (!applies_to.firmware.empty()) parts.push_back(texts.format("reset.applies_firmware", {{"version", applies_to.firmware}}));
    std::string list;
    for (const auto& part : parts) list += (list.empty() ? "" : ", ") + part;
    return texts.format("reset.applies_to", {{"models", list}});
}

std::vector<std::string> managed_note_keys(const Family& family, ManagedNote where) {
    std::vector<std::string> keys;
    if (!family.provider_managed) return keys;
    const ProviderManaged& m = *family.provider_managed;
    switch (where) {
        case ManagedNote::reset:
            if (m.reprovisions) keys.push_back("managed.reprovisions");
            if (m.reset_locked) keys.push_back("managed.reset_locked");
            break;
        case ManagedNote::password:
            if (m.pushes_admin_password) keys.push_back("managed.pushes_admin_password");
            break;
        case ManagedNote::firmware:
            if (m.firmware_from_provider) keys.push_back("managed.firmware_from_provider");
            break;
    }
    return keys;
}

}  // namespace cleanslate
