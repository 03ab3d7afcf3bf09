// Loading the packed manufacturer database into plain structs and indexes.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/device_db.h"
#include "core/evidence.h"
#include "test_support.h"

using namespace cleanslate;
using namespace cleanslate::test;


TEST_SUITE("device_db") {

TEST_CASE("the fixture database loads into makers and families") {
    DeviceDb db;
    std::string error;
    REQUIRE(load_device_db(source_file("tests/data/fixture-devices.json"), db, error));
    CHECK(error.empty());
    CHECK(db.makers().size() == 6);
    CHECK(db.families().size() == 9);

    const Family* recorder = db.find_family("xiongmai-recorder");
    REQUIRE(recorder != nullptr);
    CHECK(recorder->category == "recorder");
    CHECK(db.maker_of(*recorder).name == "Hangzhou Xiongmai Technology");
    CHECK(recorder->apps.front() == "XMEye");
    CHECK(recorder->fingerprints.ports == std::vector<int>{23, 80, 34567, 9527});
    const auto& servers = recorder->fingerprints.of("http_server");
    REQUIRE(servers.size() == 1);
    CHECK(servers[0].text == "uc-httpd");
    CHECK(servers[0].place == PatternPlace::kWord);  // a plain string: whole words
    CHECK(servers[0].weight == FingerprintWeight::kShared);  // XiongMai's web server is in many brands' recorders
    REQUIRE(recorder->default_logins.size() == 2);
    CHECK(recorder->default_logins[0].user == "root");
    CHECK(recorder->default_logins[0].password == "xc3511");
    CHECK(recorder->default_logins[0].where == "telnet");
    CHECK(recorder->securable == "partly");
    CHECK(recorder->securable_reason == "telnet_password_fixed");
    CHECK(recorder->firmware_updates == "unknown");
    REQUIRE(recorder->hardening.size() == 2);
    CHECK(recorder->hardening[0].feature == "telnet");
    CHECK(recorder->hardening[0].possible == "no");
    CHECK(db.find_family("no-such-family") == nullptr);
    CHECK(db.find_maker("dahua")->families.size() == 2);
}

TEST_CASE("procedures keep typed actions and signs with their parameters") {
    DeviceDb db;
    std::string error;
    REQUIRE(load_device_db(source_file("tests/data/fixture-devices.json"), db, error));
    const Family& router = *db.find_family("d-link-dir");
    REQUIRE(router.reset.size() == 1);
    const ResetProcedure& reset = router.reset[0];
    CHECK(reset.method == "button");
    CHECK(reset.restart_seconds() == 60);  // the one wait marked for: "restart"
    CHECK(reset.best_source().trust == "maker");
    REQUIRE(reset.actions.size() == 3);
    CHECK(reset.actions[0].type == "find_button");
    CHECK(reset.actions[0].param("place") == "back");
    CHECK(reset.actions[1].type == "hold_button");
    CHECK(reset.actions[1].int_param("seconds") == 10);
    CHECK(reset.actions[1].param("while") == "powered");
    CHECK_FALSE(reset.actions[1].has_param("label"));
    REQUIRE(reset.signs.size() == 3);
    CHECK(reset.signs[1].type == "lights");
    CHECK(reset.signs[1].param("pattern") == "blink");

    const Family& recorder = *db.find_family("dahua-recorder");
    CHECK(recorder.reset[0].actions[1].type == "navigate");
    CHECK(recorder.reset[0].actions[1].path == std::vector<std::string>{"Main Menu", "System", "Default"});
    CHECK(recorder.password.method == "menu");
    CHECK(recorder.password.actions.back().param("user") == "admin");
    // The reset's maker manual and guide, the password's and the provider's generic source,
    // and the sticker login's maker FAQ.
    CHECK(router.sources().size() == 4);
}

TEST_CASE("schema v2: every new field of a family loads") {
    DeviceDb db;
    std::string error;
    REQUIRE(load_device_db(source_file("tests/data/fixture-devices.json"), db, error));
    const Family& router = *db.find_family("d-link-dir");
    CHECK(db.maker_of(router).domains == std::vector<std::string>{"dlink.com"});
    const ResetProcedure& reset = router.reset[0];

    SUBCASE("which devices a procedure is for, and what it erases and keeps") {
        CHECK(reset.applies_to.models == std::vector<std::string>{"DIR-510L"});
        CHECK(reset.applies_to.hardware == "A1");
        CHECK(reset.applies_to.firmware.empty());
        CHECK(reset.erases == std::vector<std::string>{"settings", "passwords", "wifi"});
        CHECK(reset.keeps == std::vector<std::string>{"app-link"});
        CHECK(reset.erases_item("wifi"));
        CHECK_FALSE(reset.erases_item("recordings"));
        CHECK(reset.keeps_item("app-link"));
    }
    SUBCASE("several sources, with publisher, access date and the quoted sentence") {
        REQUIRE(reset.sources.size() == 2);
        CHECK(reset.sources[0].publisher == "D-Link");
        CHECK(reset.sources[0].accessed == "2026-11-30");
        CHECK(reset.sources[0].quote == "Press and hold the reset button for 10 seconds.");
        CHECK(reset.sources[1].trust == "third-party");
    }
    SUBCASE("a hold until a sign, with a longest hold") {
        const Action& hold = reset.actions[1];
        REQUIRE(hold.until.size() == 1);
        CHECK(hold.until[0].type == "lights");
        CHECK(hold.until[0].param("color") == "orange");
        CHECK(hold.int_param("max_seconds") == 20);
    }
    SUBCASE("a default login's origin, sticker mark, kind and source") {
        const Login& sticker = router.default_logins.back();
        CHECK(sticker.password_from == "label");
        CHECK(sticker.password.empty());
        CHECK(sticker.label_mark == "Pwd");
        CHECK(sticker.which == "admin");
        CHECK_FALSE(sticker.typed_from_data());
        REQUIRE(sticker.sources.size() == 1);
        CHECK(sticker.sources[0].quote == "The password is on the label.");
        // A sticker password is nobody's typed default: it must not look like an empty one.
        const auto& empty = db.index().by_password.at("");
        CHECK(std::count(empty.begin(), empty.end(), static_cast<uint32_t>(&router - db.families().data())) == 1);
    }
    SUBCASE("a provider-managed device") {
        REQUIRE(router.provider_managed.has_value());
        CHECK(router.provider_managed->providers == std::vector<std::string>{"KPN"});
        CHECK(router.provider_managed->reprovisions);
        CHECK(router.provider_managed->pushes_admin_password);
        CHECK_FALSE(router.provider_managed->reset_locked);
        CHECK(router.provider_managed->firmware_from_provider);
        CHECK_FALSE(db.find_family("dahua-recorder")->provider_managed.has_value());
    }
    SUBCASE("whether a factory reset exists and cures") {
        CHECK(router.factory_reset.empty());
        const Family& recorder = *db.find_family("hikvision-recorder");
        CHECK(recorder.factory_reset == "does_not_cure");
        CHECK(recorder.factory_reset_sources.size() == 1);
    }
}

TEST_CASE("generic families are found per category") {
    DeviceDb db;
    std::string error;
    REQUIRE(load_device_db(source_file("tests/data/fixture-devices.json"), db, error));
    auto cameras = db.generic_families("camera");
    REQUIRE(cameras.size() == 1);
    CHECK(cameras[0]->id == "hisilicon-camera");
    CHECK(db.generic_families("printer").empty());
}

TEST_CASE("the indexes cover names, apps, models, fingerprints, ports and logins") {
    DeviceDb db;
    std::string error;
    REQUIRE(load_device_db(source_file("tests/data/fixture-devices.json"), db, error));
    const DeviceIndex& ix = db.index();
    CHECK_FALSE(ix.brands.search("Amcrest", 0.9).empty());  // a rebrand of Dahua
    CHECK_FALSE(ix.apps.search("XMEye", 0.9).empty());
    CHECK_FALSE(ix.models.search("DS-2CD2042").empty());
    CHECK(ix.fingerprints[0].search("uc-httpd").size() == 1);  // http_server, kFingerprintFields[0]
    CHECK(ix.by_login.at("root/xc3511").size() == 2);
    CHECK(ix.by_password.at("").size() >= 2);
    CHECK(ix.by_port.at(34567).size() == 2);
    CHECK(ix.by_category.at("router").size() == 2);
}

TEST_CASE("broken database text is refused with a reason") {
    DeviceDb db;
    std::string error;
    CHECK_FALSE(load_device_db("not json", db, error));
    CHECK(error == "device database: not valid JSON");
    CHECK_FALSE(load_device_db(R"({"families": []})", db, error));
    CHECK(error == "device database: no \"makers\" array");
    CHECK_FALSE(load_device_db(R"({"makers": [{"id": "x"}]})", db, error));
    CHECK_FALSE(load_device_db(R"({"makers": [{"id": "x", "name": "X", "families": [{"id": "f", "name": "F", "category": "toaster"}]}]})", db, error));
    CHECK_FALSE(load_device_db(R"({"makers": [{"id": "x", "name": "X", "families": [{"id": "f", "name": "F", "category": "nas"},
                                                                                    {"id": "f", "name": "G", "category": "nas"}]}]})", db, error));
    CHECK(error == "device database: family 'f' twice");
    SUBCASE("wrong types inside a family are skipped, not fatal") {
        REQUIRE(load_device_db(R"({"makers": [{"id": "x", "name": "X", "aliases": 5, "families": [
            {"id": "f", "name": "F", "category": "nas", "brands": "X", "fingerprints": {"ports": ["23"]},
             "reset": [{"method": "button", "actions": [{"type": "wait", "seconds": "ten"}]}]}]}]})", db, error));
        CHECK(db.families()[0].brands.empty());
        CHECK(db.families()[0].fingerprints.ports.empty());
        CHECK(db.families()[0].reset[0].actions[0].int_param("seconds", -1) == -1);
    }
}

TEST_CASE("the packed real database loads and every family has what the wizard needs") {
    const DeviceDb& db = packed_database();
    CHECK(db.families().size() >= 50);
    for (const Family& family : db.families()) {
        CAPTURE(family.id);
        CHECK(is_device_category(family.category));
        // No reset steps only where the maker says there is no factory reset.
        CHECK(family.reset.empty() == (family.factory_reset == "none"));
        for (const auto& procedure : family.reset) {
            CHECK_FALSE(procedure.actions.empty());
            CHECK_FALSE(procedure.erases.empty());
            CHECK_FALSE(procedure.sources.empty());
        }
        CHECK_FALSE(family.password.actions.empty());
        CHECK_FALSE(family.securable.empty());
    }
}

}
