// Procedure texts: every typed action and sign in the real database renders in every
// language from a template that exists, so no customer ever sees a raw key.
#include <doctest/doctest.h>
#include "core/device_db.h"
#include "core/i18n.h"
#include "core/identify.h"
#include "core/procedure_text.h"
#include "test_support.h"
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
        auto check_action = [&](const Family& family, const Action& action) {
            for (const std::string& key : keys_for(action)) {
                CAPTURE(family.id);
                CAPTURE(key);
                CHECK_MESSAGE(texts.has(key), code << " lacks " << key << " for " << family.id);
            }
            ++rendered;
        };
        for (const Family& family : db.families()) {
            for (const ResetProcedure& procedure : family.reset) {
                for (const Action& action : procedure.actions) check_action(family, action);
                for (const Sign& sign : procedure.signs) {
                    std::string text = sign_text(texts, sign);
                    CAPTURE(family.id);
                    CHECK_MESSAGE(text.rfind("sign.", 0) != 0, code << " shows a raw key for " << sign.type);
                    CHECK(text.find("light.") == std::string::npos);
                }
            }
            for (const Action& action : family.password.actions) check_action(family, action);
            for (const Hardening& h : family.hardening) {
                CHECK_MESSAGE(texts.has("hardening.feature." + h.feature), code << " lacks hardening.feature." << h.feature);
                for (const Action& action : h.actions) check_action(family, action);
            }
            if (!family.securable_reason.empty()) CHECK(texts.has("cannot.reason." + family.securable_reason));
        }
        CHECK(rendered > 500);
    }
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
