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
        auto check_action = [&](const Family& family, const Action& action) { check_keys(family, keys_for(action)); };
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
                for (const std::string& key : keys_for(action)) {
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
        for (const char* from : {"label", "serial", "label-or-serial", "mac", "set-at-setup", "current"}) {
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
