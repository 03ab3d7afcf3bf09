// hardening.cpp — the other doors a device's data lets the customer close (see hardening.h).
#include "core/hardening.h"
#include <algorithm>
#include <array>

namespace cleanslate {

namespace {
// The order the plain page names things in: the ways in Mirai uses first.
constexpr std::array<const char*, 9> kOrder = {"telnet", "adb", "router", "port-forwards", "upnp", "remote-access",
                                               "p2p-cloud", "wps", "guest-access"};

bool has_menu_path(const Hardening& h) {
    return std::any_of(h.actions.begin(), h.actions.end(), [](const Action& a) { return a.type == "navigate" && !a.path.empty(); });
}

void add_once(std::vector<std::string>& list, const std::string& feature) {
    if (std::find(list.begin(), list.end(), feature) == list.end()) list.push_back(feature);
}
}  // namespace

bool is_router_category(const std::string& category) { return category == "router" || category == "access-point"; }

HardeningPlan hardening_plan(const Family& family, bool uses_no_app) {
    HardeningPlan plan;
    bool router = is_router_category(family.category);
    for (const Hardening& h : family.hardening) {
        if (h.possible != "yes") continue;
        if (h.feature == "p2p-cloud" && !uses_no_app) continue;
        // Forwards are set on the home's router, never on the device: asked about as "router".
        if (h.feature == "port-forwards" && !router) continue;
        if (has_menu_path(h)) plan.pages.push_back({h.feature, &h});
        else add_once(plan.ask_helpdesk, h.feature);
    }
    if (!router) add_once(plan.ask_helpdesk, "router");
    auto rank = [](const std::string& f) { return std::find(kOrder.begin(), kOrder.end(), f) - kOrder.begin(); };
    std::stable_sort(plan.ask_helpdesk.begin(), plan.ask_helpdesk.end(),
                     [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
    return plan;
}

}  // namespace cleanslate
