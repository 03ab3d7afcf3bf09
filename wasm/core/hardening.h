// hardening.h — which "other doors" the password step shows for a device, and how.
//
// Real or absent: only what the device data says the customer can do (possible: "yes").
//   - A setting whose steps include where to find it (a navigate action with its menu path)
//     gets a page of its own: one setting per page.
//   - Every other setting the customer could change but the data cannot lead them to is named
//     once, on one plain page that says what to ask the helpdesk for.
//   - Port forwards and UPnP on the home's router matter for every device that is not the
//     router itself: that page always asks about the router for them. A router's own
//     settings are its own pages (or its helpdesk page).
//   - The cloud connection (P2P) is offered only to a customer who said they use no app:
//     for everyone else turning it off would break the app they watch or manage it with.
// Features: telnet, adb, remote-access, upnp, port-forwards, p2p-cloud, wps, guest-access
// (devices/schema.json); "router" stands for the home router's forwards and UPnP.
#pragma once
#include "core/device_db.h"
#include <string>
#include <vector>

namespace cleanslate {

struct HardeningPage {
    std::string feature;
    const Hardening* setting = nullptr;   // the family's entry: its actions, in order
};

struct HardeningPlan {
    std::vector<HardeningPage> pages;          // one setting per page
    std::vector<std::string> ask_helpdesk;     // features for the plain page, in a fixed order
    size_t page_count() const { return pages.size() + (ask_helpdesk.empty() ? 0 : 1); }
};

bool is_router_category(const std::string& category);   // router or access point

// uses_no_app: the customer said they use no app with the device (not merely: not asked).
HardeningPlan hardening_plan(const Family& family, bool uses_no_app);

}  // namespace cleanslate
