// The other doors, real or absent: for every family of the real database, a setting gets a
// page only when the data leads the customer to it (a menu path), everything else the
// customer could change is named once for the helpdesk, nothing the data does not support
// is shown, the home router is asked about for every device that is not itself the router,
// and the cloud connection is offered only to a customer who uses no app.
#include <doctest/doctest.h>
#include "core/hardening.h"
#include "test_support.h"
#include <algorithm>

using namespace cleanslate;

namespace {
bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

const Hardening* setting(const Family& family, const std::string& feature) {
    for (const Hardening& h : family.hardening)
        if (h.feature == feature) return &h;
    return nullptr;
}
}  // namespace

TEST_CASE("for every family: pages only with a menu path, every other possible setting once for the helpdesk") {
    const DeviceDb& db = test::packed_database();
    size_t families_with_pages = 0;
    for (const Family& family : db.families()) {
        CAPTURE(family.id);
        bool router = is_router_category(family.category);
        for (bool uses_no_app : {false, true}) {
            HardeningPlan plan = hardening_plan(family, uses_no_app);
            std::vector<std::string> shown = plan.ask_helpdesk;
            for (const HardeningPage& page : plan.pages) {
                REQUIRE(page.setting);
                CHECK(page.setting->possible == "yes");
                CHECK(std::any_of(page.setting->actions.begin(), page.setting->actions.end(),
                                  [](const Action& a) { return a.type == "navigate" && !a.path.empty(); }));
                shown.push_back(page.feature);
            }
            // Nothing the data does not say the customer can change.
            for (const std::string& feature : shown) {
                if (feature == "router") continue;
                const Hardening* h = setting(family, feature);
                REQUIRE_MESSAGE(h, feature << " is not in the data");
                CHECK(h->possible == "yes");
            }
            // Each thing is said once.
            std::vector<std::string> sorted = shown;
            std::sort(sorted.begin(), sorted.end());
            CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
            // The home router: asked about for every other device, never for the router itself;
            // forwards are never presented as a setting of a device that is not a router.
            CHECK(contains(plan.ask_helpdesk, "router") == !router);
            if (!router) CHECK_FALSE(contains(shown, "port-forwards"));
            // The cloud connection only for a customer without an app.
            if (!uses_no_app) CHECK_FALSE(contains(shown, "p2p-cloud"));
            // Every possible setting appears (as a page or a line), except those two rules.
            for (const Hardening& h : family.hardening) {
                if (h.possible != "yes" || (h.feature == "p2p-cloud" && !uses_no_app) || (h.feature == "port-forwards" && !router)) continue;
                CHECK_MESSAGE(contains(shown, h.feature), h.feature << " is missing");
            }
            CHECK(plan.page_count() == plan.pages.size() + (plan.ask_helpdesk.empty() ? 0 : 1));
            if (!plan.pages.empty()) ++families_with_pages;
        }
    }
    CHECK(families_with_pages > 10);
}

TEST_CASE("a camera with its own menu paths, and a router the data cannot lead through") {
    const DeviceDb& db = test::packed_database();
    const Family* camera = db.find_family("hikvision-ds-2cd-camera");
    REQUIRE(camera);
    HardeningPlan with_app = hardening_plan(*camera, false);
    REQUIRE(with_app.pages.size() == 1);
    CHECK(with_app.pages[0].feature == "upnp");
    CHECK(with_app.ask_helpdesk.front() == "router");
    HardeningPlan without_app = hardening_plan(*camera, true);
    CHECK(without_app.pages.size() == 2);   // and the cloud connection, which no app needs

    for (const Family& family : db.families()) {
        if (family.category != "router") continue;
        HardeningPlan plan = hardening_plan(family, false);
        CAPTURE(family.id);
        for (const std::string& feature : plan.ask_helpdesk) CHECK(feature != "router");
    }
}

TEST_CASE("the helpdesk page names the ways in Mirai uses first") {
    Family family;
    family.category = "camera";
    family.hardening = {{"wps", "yes", {}}, {"telnet", "yes", {}}, {"remote-access", "yes", {}}, {"upnp", "unknown", {}}};
    HardeningPlan plan = hardening_plan(family, false);
    CHECK(plan.pages.empty());
    CHECK(plan.ask_helpdesk == std::vector<std::string>{"telnet", "router", "remote-access", "wps"});
}

TEST_CASE("an Android TV box closes the door its malware uses: USB debugging (ADB), not 'remote access'") {
    const DeviceDb& db = test::packed_database();
    for (const char* id : {"amlogic-tv-box-x96", "amlogic-tv-box-mxq", "amlogic-tv-box-t95", "amlogic-tv-box-h96-x",
                           "rockchip-tv-box-rk3318", "rockchip-tv-box-rk3229"}) {
        const Family* box = db.find_family(id);
        REQUIRE(box);
        CAPTURE(id);
        HardeningPlan plan = hardening_plan(*box, false);
        REQUIRE_FALSE(plan.pages.empty());
        CHECK(plan.pages.front().feature == "adb");
        CHECK_FALSE(setting(*box, "remote-access"));
    }
    Family box;
    box.category = "tv-box";
    box.hardening = {{"remote-access", "yes", {}}, {"adb", "yes", {}}, {"telnet", "yes", {}}};
    CHECK(hardening_plan(box, false).ask_helpdesk == std::vector<std::string>{"telnet", "adb", "router", "remote-access"});
}
