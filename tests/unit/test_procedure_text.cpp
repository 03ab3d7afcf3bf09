// Procedure texts: every typed action and sign in the real database renders in every
// language from a template that exists, so no customer ever sees a raw key.
#include <doctest/doctest.h>
#include "core/device_db.h"
#include "core/i18n.h"
#include "core/identify.h"
#include "core/json.h"
#include "core/procedure_text.h"
#include "test_support.h"
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace cleanslate;

namespace {
Catalog locale(const std::string& code) { return test::locale_catalog(code); }
Action make(std::string type, std::vector<std::pair<std::string, std::string>> params, std::vector<std::string> path = {}) {
    Action a;
    a.type = std::move(type);
    a.params = std::move(params);
    a.path = std::move(path);
    return a;
}
}  // namespace

TEST_CASE("a hold-the-button action says which button, how long, and when") {
    Catalog en = locale("en");
    Action hold = make("hold_button", {{"button", "reset-pinhole"}, {"seconds", "30"}, {"while", "powered"}});
    CHECK(action_text(en, hold) == "While the device is on, press the reset button in the small hole and hold it for 30 seconds. Use the timer below.");
    Catalog nl = locale("nl");
    CHECK(action_text(nl, hold).find("30 seconden") != std::string::npos);
}

TEST_CASE("menu paths are shown as printed on the device, joined by arrows") {
    Catalog en = locale("en");
    CHECK(action_text(en, make("navigate", {}, {"Main Menu", "System", "Default"})) == "Go to: Main Menu \xE2\x80\xBA System \xE2\x80\xBA Default");
}

TEST_CASE("a web address the data cannot know becomes a 'find the address' text") {
    Catalog en = locale("en");
    CHECK(action_text(en, make("open_web", {{"address", "http://192.168.0.1"}})).find("http://192.168.0.1") != std::string::npos);
    CHECK(action_text(en, make("open_web", {{"address", "192.168.1.1"}})).find("192.168.1.1") != std::string::npos);
    std::string unknown = action_text(en, make("open_web", {{"address", "IP address of the device"}}));
    CHECK(unknown.find("IP address of the device") == std::string::npos);
    CHECK(unknown.find("address of the device") != std::string::npos);
}

TEST_CASE("durations read naturally") {
    Catalog en = locale("en");
    CHECK(duration_text(en, 30) == "30 seconds");
    CHECK(duration_text(en, 60) == "1 minute");
    CHECK(duration_text(en, 180) == "3 minutes");
    CHECK(duration_text(en, 150) == "3 minutes");
}

TEST_CASE("every action and sign in the database has its texts in every locale") {
    const DeviceDb& db = test::packed_database();
    for (const std::string& code : supported_locales()) {
        Catalog texts = locale(code);
        int rendered = 0;
        auto check_keys = [&](const Family& family, const std::vector<std::string>& keys) {
            for (const std::string& key : keys) {
                CAPTURE(family.id);
                CAPTURE(key);
                CHECK_MESSAGE(texts.has(key), code << " lacks " << key << " for " << family.id);
            }
            ++rendered;
        };
        // Every way the power can be switched: the family's own, and each answer a customer may give.
        auto check_action = [&](const Family& family, const Action& action) {
            for (PowerWay power : {PowerWay::plug, PowerWay::network_cable, PowerWay::plug_or_cable}) check_keys(family, keys_for(action, power));
        };
        for (const Family& family : db.families()) {
            for (const ResetProcedure& procedure : family.reset) {
                for (const Action& action : procedure.actions) check_action(family, action);
                for (const Sign& sign : procedure.signs) check_keys(family, sign_keys_for(sign));
                check_keys(family, reset_effect_keys(procedure, family.category));
                CHECK(texts.has("reset.source." + procedure.best_source().trust));
            }
            for (const Action& action : family.password.actions) check_action(family, action);
            for (const Hardening& h : family.hardening) {
                // The hardening screens: a page per setting (heading, why) or a line for the helpdesk.
                for (const char* part : {"hardening.heading.", "hardening.why.", "hardening.ask."})
                    CHECK_MESSAGE(texts.has(part + h.feature), code << " lacks " << part << h.feature);
                for (const Action& action : h.actions) check_action(family, action);
            }
            for (ManagedNote where : {ManagedNote::reset, ManagedNote::password, ManagedNote::firmware})
                check_keys(family, managed_note_keys(family, where));
            if (!family.securable_reason.empty()) CHECK(texts.has("cannot.reason." + family.securable_reason));
        }
        CHECK(rendered > 500);
    }
}

// The schema may allow more than today's data uses; whatever a maker file may say renders.
// Every action and sign type of devices/schema.json, each enumerated parameter through all
// of its values, with and without each optional parameter.
TEST_CASE("every action and sign the schema allows has its texts in every locale") {
    const Json schema = parse_json(test::source_file("devices/schema.json"));
    const Json& defs = schema["definitions"];
    auto values_of = [&](const Json& property) -> std::vector<std::string> {
        const Json* p = &property;
        if (p->contains("$ref")) {
            std::string ref = (*p)["$ref"].get<std::string>();
            p = &defs[ref.substr(ref.rfind('/') + 1)];
        }
        std::vector<std::string> out;
        if (p->contains("enum")) for (const Json& v : (*p)["enum"]) out.push_back(v.get<std::string>());
        else if (p->contains("const")) out.push_back((*p)["const"].get<std::string>());
        else if (p->value("type", "") == "integer") out.push_back("30");
        else if (p->value("type", "") == "string") out.push_back("X");
        return out;
    };
    // Each branch yields steps: the required parameters at their first value, then every
    // enumerated value of each parameter, then each optional parameter added.
    auto examples = [&](const Json& branch) {
        std::vector<TypedStep> steps;
        TypedStep base;
        base.type = branch["properties"]["type"]["const"].get<std::string>();
        std::vector<std::string> required;
        if (branch.contains("required")) for (const Json& r : branch["required"]) required.push_back(r.get<std::string>());
        for (const auto& [name, property] : branch["properties"].items()) {
            auto values = values_of(property);
            if (name == "type" || values.empty()) continue;
            if (std::find(required.begin(), required.end(), name) != required.end()) base.params.emplace_back(name, values[0]);
        }
        if (base.type == "navigate") base.path = {"Menu", "System"};
        steps.push_back(base);
        for (const auto& [name, property] : branch["properties"].items()) {
            if (name == "type") continue;
            for (const std::string& value : values_of(property)) {
                TypedStep step = base;
                bool replaced = false;
                for (auto& kv : step.params) if (kv.first == name) { kv.second = value; replaced = true; }
                if (!replaced) step.params.emplace_back(name, value);
                steps.push_back(step);
            }
            if (name == "else_passwords") { TypedStep step = base; step.lists.push_back({name, {"a", "b"}}); steps.push_back(step); }
            if (name == "until") {
                TypedStep step = base;
                step.until.push_back(TypedStep{"beeps", {}, {}, {}, {}});
                steps.push_back(step);
            }
        }
        return steps;
    };
    int checked = 0;
    for (const std::string& code : supported_locales()) {
        Catalog texts = locale(code);
        for (const Json& branch : defs["action"]["oneOf"])
            for (const TypedStep& action : examples(branch))
                for (PowerWay power : {PowerWay::plug, PowerWay::network_cable, PowerWay::plug_or_cable})
                    for (const std::string& key : keys_for(action, power)) {
                        CHECK_MESSAGE(texts.has(key), code << " lacks " << key << " for action " << action.type);
                        ++checked;
                    }
        for (const char* kind : {"sign", "until_sign"})
            for (const Json& branch : defs[kind]["oneOf"])
                for (const TypedStep& sign : examples(branch))
                    for (const std::string& key : sign_keys_for(sign)) {
                        CHECK_MESSAGE(texts.has(key), code << " lacks " << key << " for sign " << sign.type);
                        ++checked;
                    }
        for (const std::string& item : values_of(defs["erasable"])) CHECK_MESSAGE(texts.has("erasable." + item), code << " lacks erasable." << item);
        for (const std::string& trust : values_of(defs["source"]["properties"]["trust"])) CHECK(texts.has("reset.source." + trust));
        for (const std::string& reason : values_of(defs["family"]["properties"]["securable"]["properties"]["reason"]))
            CHECK_MESSAGE(texts.has("cannot.reason." + reason), code << " lacks cannot.reason." << reason);
    }
    CHECK(checked > 300);
}

TEST_CASE("a password on the sticker is never 'leave the password empty'") {
    for (const std::string& code : supported_locales()) {
        Catalog texts = locale(code);
        const std::string empty_text = texts.text("action.log_in.password.empty");
        CAPTURE(code);
        for (const char* from : {"label", "serial", "label-or-serial", "mac", "set-at-setup", "current", "current_or_default"}) {
            CAPTURE(from);
            std::string text = action_text(texts, make("log_in", {{"user", "admin"}, {"password_from", from}}));
            CHECK(text.find(empty_text) == std::string::npos);
            CHECK(text.find("{") == std::string::npos);
        }
        CHECK(action_text(texts, make("log_in", {{"user", "admin"}, {"password", ""}, {"password_from", "empty"}})).find(empty_text) != std::string::npos);
    }
    Catalog en = locale("en");
    CHECK(action_text(en, make("log_in", {{"user", ""}, {"password_from", "label"}, {"label_mark", "Pwd"}})) ==
          "Log in. The password is on the sticker of the device, next to \u201cPwd\u201d.");
    CHECK(action_text(en, make("log_in", {{"user", "admin"}, {"password_from", "serial"}})) ==
          "Log in with user name admin. The password is the serial number of the device. It is on the sticker, often after \u201cS/N\u201d.");
    CHECK(action_text(en, make("log_in", {{"user", "admin"}, {"password", "1234"}, {"password_from", "literal"}})) ==
          "Log in with user name admin. The password is 1234.");
    Action older = make("log_in", {{"user", ""}, {"password_from", "label"}});
    older.lists.push_back({"else_passwords", {"initpass", "access"}});
    CHECK(action_text(en, older) == "Log in. The password is on the sticker of the device. Does that not work? Then try initpass or access.");
    Catalog nl = locale("nl");
    CHECK(action_text(nl, older) == "Log in. Het wachtwoord staat op de sticker van het apparaat. Werkt dat niet? Probeer dan initpass of access.");
}

// --- The power: a plug, or the network cable that feeds it (PoE) ----------------------------------
namespace {
Family family_with(std::string category, std::string power) {
    Family f;
    f.category = std::move(category);
    f.power = std::move(power);
    return f;
}

// The step texts of a real family's procedure, joined, for the power way given.
std::string procedure_text_of(const Catalog& texts, const ResetProcedure& procedure, PowerWay power) {
    std::string out;
    for (const Action& a : procedure.actions) out += action_text(texts, a, power) + "\n";
    return out;
}
}  // namespace

TEST_CASE("what switches a device off follows its data first, then the customer's answer") {
    // A family powered only through its cable: whatever the customer answered.
    for (const char* answer : {"", "unknown", "cable", "poe"}) {
        CAPTURE(answer);
        CHECK(power_way(family_with("camera", "network-cable"), answer) == PowerWay::network_cable);
    }
    // "The cable also powers it" is the customer's own installation, so it wins over the data.
    CHECK(power_way(family_with("camera", ""), "poe") == PowerWay::network_cable);
    CHECK(power_way(family_with("camera", "adapter-or-network-cable"), "poe") == PowerWay::network_cable);
    CHECK(power_way(family_with("camera", "adapter-or-network-cable"), "wifi") == PowerWay::plug);
    CHECK(power_way(family_with("camera", "adapter"), "") == PowerWay::plug);
    // Not known: a camera (often fed through its cable) or a family sold both ways names both.
    CHECK(power_way(family_with("camera", ""), "unknown") == PowerWay::plug_or_cable);
    CHECK(power_way(family_with("camera", "adapter-or-network-cable"), "") == PowerWay::plug_or_cable);
    CHECK(power_way(family_with("router", ""), "") == PowerWay::plug);
    CHECK(power_way(family_with("printer", ""), "unknown") == PowerWay::plug);
}

TEST_CASE("a camera fed through its network cable is switched off and on with that cable") {
    Catalog en = locale("en");
    Catalog nl = locale("nl");
    Action unplug = make("unplug_power", {});
    Action plug_in = make("plug_in_power", {});
    Action hold = make("hold_button", {{"button", "reset"}, {"seconds", "30"}, {"while", "powering_on"}});
    CHECK(action_text(en, unplug) == "Pull out the power plug.");
    CHECK(action_text(en, unplug, PowerWay::network_cable).rfind("Pull the network cable out of the device. That also cuts its power.", 0) == 0);
    CHECK(action_text(nl, unplug, PowerWay::network_cable).rfind("Trek de netwerkkabel uit het apparaat. Zo gaat ook de stroom eraf.", 0) == 0);
    CHECK(action_text(en, plug_in, PowerWay::network_cable) == "Plug the network cable back in. That gives the device power again.");
    CHECK(action_text(en, hold, PowerWay::network_cable) ==
          "Press the reset button and keep holding it. Plug the network cable back in while you hold it. Keep holding for 30 seconds. Use the timer below.");
    CHECK(action_text(nl, hold, PowerWay::network_cable) ==
          "Druk op de resetknop en blijf drukken. Steek de netwerkkabel weer in terwijl u blijft drukken. Houd 30 seconden vast. Gebruik de timer hieronder.");
    // Not known which: both are named, the plug first.
    CHECK(action_text(en, unplug, PowerWay::plug_or_cable) ==
          "Pull out the power plug. Does the device have no power plug, only a network cable? Then pull out the network cable. That also cuts its power.");
    Action restart = make("wait", {{"seconds", "120"}, {"for", "restart"}});
    CHECK(action_text(en, restart, PowerWay::network_cable) == "Wait 2 minutes while the device starts up again. Do not pull out the network cable.");
    for (const Catalog* texts : {&en, &nl})
        for (const Action* a : {&unplug, &plug_in, &hold, &restart}) {
            std::string text = action_text(*texts, *a, PowerWay::network_cable);
            CHECK(text.find("power plug") == std::string::npos);   // no power plug in English
            CHECK(text.find("stekker") == std::string::npos);   // nor in Dutch
        }
}

TEST_CASE("the Lorex PoE camera: hold, pull and plug back the network cable, keep holding") {
    const DeviceDb& db = test::packed_database();
    const Family* camera = db.find_family("lorex-ip-camera");
    REQUIRE(camera != nullptr);
    REQUIRE(!camera->reset.empty());
    // Its data says the cable powers it: no answer needed.
    CHECK(power_way(*camera, "") == PowerWay::network_cable);
    const Action* hold = hold_action(camera->reset[0]);
    REQUIRE(hold != nullptr);
    CHECK(hold_power_off_seconds(*hold) == 5);
    CHECK(action_text(locale("en"), *hold, power_way(*camera, "")) ==
          "While the device is on, press the reset button and keep holding it. With your other hand, pull out the network cable. "
          "That switches the device off. Keep holding. After 5 seconds, plug the cable back in. Then keep holding for 15 more seconds. "
          "The timer below tells you when.");
    std::string nl = procedure_text_of(locale("nl"), camera->reset[0], power_way(*camera, ""));
    CHECK(nl.find("Trek met uw andere hand de netwerkkabel eruit") != std::string::npos);
    CHECK(nl.find("stekker") == std::string::npos);
}

TEST_CASE("hold, then pull the plug while still holding: the Amcrest and Dahua recorders' main-board button") {
    const DeviceDb& db = test::packed_database();
    for (const char* id : {"amcrest-nvr-dvr", "dahua-nvr", "dahua-xvr-dvr"}) {
        CAPTURE(id);
        const Family* recorder = db.find_family(id);
        REQUIRE(recorder != nullptr);
        const ResetProcedure* button_way = nullptr;
        for (const ResetProcedure& p : recorder->reset) if (p.method == "button") button_way = &p;
        REQUIRE(button_way != nullptr);
        const Action* hold = hold_action(*button_way);
        REQUIRE(hold != nullptr);
        CHECK(hold->param("while") == "power_cycling");
        CHECK(hold_power_off_seconds(*hold) == 5);
        // A recorder has a plug: the power way is the plug, whatever a camera's answer was.
        std::string en = procedure_text_of(locale("en"), *button_way, power_way(*recorder, ""));
        CHECK(en.find("While the device is on, press the reset button and keep holding it. With your other hand, pull out the power plug. "
                      "Keep holding. After 5 seconds, put the plug back in. Then keep holding for 30 more seconds.") != std::string::npos);
        // The case is opened with the power out, and the power is back on before the hold.
        CHECK(button_way->actions.front().type == "unplug_power");
        std::string nl = procedure_text_of(locale("nl"), *button_way, PowerWay::plug);
        CHECK(nl.find("Haal met uw andere hand de stekker eruit. Blijf drukken. Doe na 5 seconden de stekker er weer in.") != std::string::npos);
    }
}

// --- A login before the reset: the password as the owner left it -----------------------------------
TEST_CASE("a login before the reset asks for today's password, and names the default for those who never changed it") {
    Catalog en = locale("en");
    Catalog nl = locale("nl");
    Action login = make("log_in", {{"user", "admin"}, {"password", "admin"}, {"password_from", "current_or_default"}});
    CHECK(action_text(en, login) == "Log in with user name admin. Use the password you use now. Never changed it? Then it is admin.");
    CHECK(action_text(nl, login) == "Log in met gebruikersnaam admin. Gebruik het wachtwoord dat u nu gebruikt. Nooit veranderd? Dan is het admin.");

    const DeviceDb& db = test::packed_database();
    for (const char* id : {"yealink-t4-t5-phone", "yealink-t2-t3-phone", "yealink-dect", "fanvil-ip-phone", "humax-satellite-receiver"}) {
        CAPTURE(id);
        const Family* family = db.find_family(id);
        REQUIRE(family != nullptr);
        bool said_both = false;
        for (const ResetProcedure& p : family->reset)
            for (const Action& a : p.actions) {
                if (a.type != "log_in") continue;
                CHECK(a.param("password_from") == "current_or_default");
                std::string text = action_text(en, a);
                said_both = said_both || (text.find("the password you use now") != std::string::npos &&
                                          text.find("Then it is " + std::string(a.param("password"))) != std::string::npos);
            }
        CHECK(said_both);
    }
}

TEST_CASE("the real printers that keep their password on the sticker say so") {
    const DeviceDb& db = test::packed_database();
    Catalog en = locale("en");
    for (const char* id : {"epson-ecotank", "epson-workforce", "epson-expression", "brother-laser", "brother-inkjet", "brother-label-printer"}) {
        CAPTURE(id);
        const Family* printer = db.find_family(id);
        REQUIRE(printer != nullptr);
        bool named_the_sticker = false;
        for (const Action& a : printer->password.actions) {
            if (a.type != "log_in") continue;
            std::string text = action_text(en, a);
            CHECK(text.find("Leave the password empty") == std::string::npos);
            named_the_sticker = named_the_sticker || text.find("sticker") != std::string::npos;
        }
        CHECK(named_the_sticker);
    }
}

TEST_CASE("a hold until a sign says when to let go, in both languages") {
    Action hold = make("hold_button", {{"button", "reset"}, {"seconds", "15"}, {"while", "powered"}});
    hold.until.push_back(make("lights", {{"light", "status"}, {"pattern", "blink"}, {"color", "red"}}));
    CHECK(action_text(locale("en"), hold) ==
          "While the device is on, press the reset button and keep holding it. Let go as soon as the status light blinks red. That usually takes about 15 seconds.");
    CHECK(action_text(locale("nl"), hold) ==
          "Druk terwijl het apparaat aan staat op de resetknop en blijf drukken. Laat los zodra het statuslampje rood knippert. Dat duurt meestal ongeveer 15 seconden.");
    Action longest = make("hold_button", {{"button", "reset"}, {"seconds", "10"}, {"while", "powered"}, {"max_seconds", "20"}});
    CHECK(action_text(locale("en"), longest).find("Do not hold it longer than 20 seconds") != std::string::npos);
    Action again = make("hold_button", {{"button", "reset"}, {"seconds", "4"}, {"while", "powered"}, {"within_seconds", "10"}});
    CHECK(action_text(locale("en"), again).find("Do this within 10 seconds.") != std::string::npos);
}

TEST_CASE("the new step types read as plain sentences") {
    Catalog en = locale("en");
    Catalog nl = locale("nl");
    CHECK(action_text(en, make("unplug_network", {{"cable", "network"}})) == "Pull the network cable out of the device.");
    CHECK(action_text(nl, make("unplug_network", {{"cable", "network"}})) == "Trek de netwerkkabel uit het apparaat.");
    CHECK(action_text(en, make("confirm_on_device", {{"button", "any"}, {"dial_code", "#96*6*"}, {"within_seconds", "600"}})) ==
          "The device now asks you to confirm. Press any of the buttons on the device. Or dial #96*6* on a telephone connected to it. Do this within 10 minutes.");
    CHECK(action_text(nl, make("confirm_on_device", {{"button", "any"}})) ==
          "Het apparaat vraagt nu om een bevestiging. Druk op een van de knoppen op het apparaat.");
    CHECK(action_text(en, make("press_button", {{"button", "reset"}, {"within_seconds", "5"}})) == "Press the reset button briefly and let go. Do this within 5 seconds.");
    CHECK(action_text(nl, make("press_button", {{"button", "any"}})) == "Druk kort op een van de knoppen op het apparaat en laat los.");
    CHECK(action_text(en, make("dial_code", {{"code", "***"}})) == "On a telephone connected to the device, dial ***.");
    CHECK(action_text(en, make("scan_code", {{"code", "label"}, {"app", "Ring"}})) == "With the Ring app, scan the QR code on the sticker of the device.");
    CHECK(action_text(en, make("open_local_menu", {{"screen", "device-panel"}})) == "Use the screen and buttons on the device itself.");
    CHECK(action_text(en, make("open_local_menu", {{"screen", "tv-remote"}})).find("remote control") != std::string::npos);
    CHECK(action_text(en, make("wait", {{"seconds", "180"}, {"for", "restart"}})) == "Wait 3 minutes while the device starts up again. Do not pull out the plug.");
    CHECK(action_text(en, make("wait", {{"seconds", "30"}})) == "Wait 30 seconds.");
    CHECK(action_text(en, make("find_button", {{"button", "reset-pinhole"}, {"place", "next-to-power"}})) ==
          "Find the reset button in the small hole next to where the power cable goes in.");
    CHECK(action_text(nl, make("find_button", {{"button", "reset"}, {"place", "back"}})) == "Zoek de resetknop aan de achterkant van het apparaat.");
    CHECK(action_text(en, make("set_password", {{"which", "wifi-key"}})) == "Type a new Wi-Fi password. You can use the password below.");
    CHECK(action_text(en, make("set_password", {})) == "Type your new password. You can see it below. Does the device ask for it twice? Then type it twice.");
    CHECK(action_text(en, make("open_console", {{"via", "telnet"}})).find("with Telnet") != std::string::npos);
    CHECK(action_text(en, make("run_command", {{"command", "passwd"}})) == "Type passwd and press Enter.");
}

TEST_CASE("signs name the light, its colour and what the device says or shows") {
    Catalog en = locale("en");
    Catalog nl = locale("nl");
    CHECK(sign_text(en, make("lights", {{"light", "status"}, {"pattern", "change-color"}, {"color", "green"}})) == "the status light turns green.");
    CHECK(sign_text(nl, make("lights", {{"light", "all"}, {"pattern", "blink-fast"}})) == "alle lampjes snel knipperen.");
    CHECK(sign_text(en, make("voice_prompt", {{"text", "Reset successful"}})) == "the device says \u201cReset successful\u201d.");
    CHECK(sign_text(en, make("voice_prompt", {})) == "the device speaks.");
    CHECK(sign_text(nl, make("shows_text", {{"where", "web"}, {"text", "Inactive"}})) == "de webpagina van het apparaat \u201cInactive\u201d laat zien.");
    CHECK(sign_text(en, make("wifi_key_on_label", {})) == "the Wi-Fi password on the sticker works again.");
}

TEST_CASE("a reset says what it erases and keeps, and what nobody knows") {
    Catalog en = locale("en");
    ResetProcedure recorder;
    recorder.erases = {"settings", "passwords"};
    ResetEffects effects = reset_effects(en, recorder, "recorder");
    CHECK(effects.erases == std::vector<std::string>{"all settings", "the passwords"});
    CHECK(effects.keeps.empty());
    REQUIRE(effects.unknown.size() == 1);
    CHECK(effects.unknown[0].find("recordings") != std::string::npos);

    recorder.keeps = {"recordings"};
    effects = reset_effects(en, recorder, "recorder");
    CHECK(effects.keeps == std::vector<std::string>{"the recordings"});
    CHECK(effects.unknown.empty());

    ResetProcedure router;
    router.erases = {"settings", "wifi"};
    CHECK(reset_effects(en, router, "router").unknown.empty());   // a router keeps nothing the customer minds
    ResetProcedure nas;
    nas.erases = {"passwords", "network"};
    nas.keeps = {"files"};
    CHECK(reset_effects(locale("nl"), nas, "nas").keeps == std::vector<std::string>{"uw bestanden"});
}

TEST_CASE("a procedure for some models says for which") {
    Catalog en = locale("en");
    CHECK(applies_to_text(en, {}).empty());
    CHECK(applies_to_text(en, {{"HT812", "HT814"}, "", ""}) == "These steps are for: HT812, HT814");
    CHECK(applies_to_text(locale("nl"), {{"DS-7604"}, "2", ""}) == "Deze stappen zijn voor: DS-7604, hardwareversie 2");
}

TEST_CASE("an app the data cannot name is 'the app you use with the device'") {
    Catalog en = locale("en");
    CHECK(action_text(en, make("open_app", {})) == "Open the app you use with the device on your phone.");
    CHECK(action_text(en, make("open_app", {{"app", "XMEye"}})) == "Open the XMEye app on your phone.");
}

TEST_CASE("'I don't know' leads to the category's catch-all family for every kind of device") {
    const DeviceDb& db = test::packed_database();
    for (std::string_view category : {"camera", "recorder", "router", "access-point", "tv-box", "media-receiver",
                                      "printer", "nas", "voip", "smart-home", "other"}) {
        CAPTURE(category);
        const Family* family = generic_family(db, category);
        REQUIRE(family != nullptr);
        CHECK(family->generic);
        CHECK(db.maker_of(*family).id == "generic");
        CHECK(family->securable != "no");   // the unknown device still gets a way to be secured
    }
}
