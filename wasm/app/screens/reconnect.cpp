// reconnect.cpp — the home goes back on the internet, only now that the device has its new
// password and its doors are closed. One thing per page:
//   1. the internet cable back in (and what to do with a device that stays off);
//   2. a router: does the internet work again? (a provider's router usually sets itself up;
//      otherwise the login from the provider's letter, or a call);
//   3. a router whose reset erased its Wi-Fi: every phone, TV and laptop must join again;
//   4. a device whose maker offers updates: install them, now that the internet is back.
#include "app/screens.h"
#include "core/hardening.h"
#include "core/procedure_text.h"

namespace cleanslate {

namespace {
enum class Page { cable, internet_works, wifi_rejoin, firmware };

const ResetProcedure* procedure_used(App& app, const Family& family) {
    if (family.reset.empty()) return nullptr;
    size_t index = app.answers().procedure_index < family.reset.size() ? app.answers().procedure_index : 0;
    return &family.reset[index];
}

// The pages this device needs, in order.
std::vector<Page> pages_for(App& app) {
    std::vector<Page> pages = {Page::cable};
    const Family* family = app.device();
    if (!family || app.journey().facts().outcome != Outcome::remediated) return pages;
    if (is_router_category(family->category)) {
        pages.push_back(Page::internet_works);
        const ResetProcedure* procedure = procedure_used(app, *family);
        if (!procedure || !procedure->keeps_item("wifi")) pages.push_back(Page::wifi_rejoin);
    }
    if (family->firmware_updates == "maker" || !managed_note_keys(*family, ManagedNote::firmware).empty())
        pages.push_back(Page::firmware);
    return pages;
}

std::string heading_for(App& app, Page page) {
    Outcome outcome = app.journey().facts().outcome;
    switch (page) {
        case Page::cable: return app.tr(outcome == Outcome::remediated ? "reconnect.heading" : "reconnect.heading_keep_off");
        case Page::internet_works: return app.tr("reconnect.internet.heading");
        case Page::wifi_rejoin: return app.tr("reconnect.wifi.heading");
        case Page::firmware: return app.tr("reconnect.firmware.heading");
    }
    return "";
}

void cable_page(App& app) {
    UiKit& ui = app.ui();
    Outcome outcome = app.journey().facts().outcome;
    if (outcome == Outcome::device_replaced) ui.paragraph(app.tr_format("reconnect.replaced", {{"device", app.device_the()}}));
    else if (outcome == Outcome::cannot_secure) ui.paragraph(app.tr_format("reconnect.keep_off", {{"device", app.device_the()}}));
    ui.numbered(1, app.tr("reconnect.cable"));
    ui.numbered(2, app.tr("reconnect.wait_light"));
}

// The internet comes back by itself on most provider routers; otherwise it needs the login
// from the provider, and we say where that is and offer a call.
// Returns true when the customer goes on.
bool internet_page(App& app) {
    UiKit& ui = app.ui();
    ScreenAnswers& a = app.answers();
    ui.paragraph(app.tr("reconnect.internet.try"));
    if (a.internet_works == "no") {
        const Family* family = app.device();
        bool provider_sets_up = family && family->provider_managed && family->provider_managed->reprovisions;
        ui.warning(app.tr(provider_sets_up ? "reconnect.internet.provider_sets_up" : "reconnect.internet.login"));
        helpdesk_link(app);
    }
    if (ui.choice("internet.yes", app.tr("reconnect.internet.yes"), "", Icon::none, a.internet_works == "yes")) {
        a.internet_works = "yes";
        return true;
    }
    if (ui.choice("internet.no", app.tr("reconnect.internet.no"), "", Icon::none, a.internet_works == "no")) a.internet_works = "no";
    // Not working yet is no reason to be stuck here: the rest (and the helpdesk) still helps.
    return a.internet_works == "no" && ui.secondary_button("internet.later", app.tr("reconnect.internet.later"));
}

void wifi_page(App& app) {
    UiKit& ui = app.ui();
    const Family* family = app.device();
    const ResetProcedure* procedure = family ? procedure_used(app, *family) : nullptr;
    ui.paragraph(app.tr(procedure && procedure->erases_item("wifi") ? "reconnect.wifi.sticker" : "reconnect.wifi.maybe"));
    ui.paragraph(app.tr("reconnect.wifi.every_device"));
    ui.paragraph(app.tr("reconnect.wifi.old_name"), true);
}

void firmware_page(App& app) {
    UiKit& ui = app.ui();
    const Family* family = app.device();
    std::vector<std::string> managed = family ? managed_note_keys(*family, ManagedNote::firmware) : std::vector<std::string>{};
    if (!managed.empty()) {
        for (const std::string& key : managed) ui.paragraph(app.tr(key));
        return;
    }
    ui.paragraph(app.tr("reconnect.firmware.why"));
    if (family && !family->firmware_url.empty())
        ui.link("firmware", app.tr_format("reconnect.firmware.at", {{"url", family->firmware_url}}), family->firmware_url);
    else
        ui.paragraph(app.tr("reconnect.firmware.where"));
}
}  // namespace

void screen_reconnect(App& app) {
    UiKit& ui = app.ui();
    std::vector<Page> pages = pages_for(app);
    size_t index = std::min(static_cast<size_t>(app.journey().part()), pages.size() - 1);
    Page page = pages[index];
    if (!app.page(heading_for(app, page))) return;
    if (pages.size() > 1)
        ui.progress(app.tr_format("hardening.page_of", {{"n", std::to_string(index + 1)}, {"total", std::to_string(pages.size())}}), "page_progress");
    bool go_on = false;
    switch (page) {
        case Page::cable: cable_page(app); break;
        case Page::internet_works: go_on = internet_page(app); break;   // its answers lead on
        case Page::wifi_rejoin: wifi_page(app); break;
        case Page::firmware: firmware_page(app); break;
    }
    if (page != Page::internet_works) go_on = ui.primary_button("continue", app.tr("nav.continue"));
    if (go_on) {
        if (app.journey().facts().outcome == Outcome::none) app.journey().set_outcome(Outcome::remediated);
        if (index + 1 < pages.size()) app.go_part(app.journey().part() + 1);
        else app.go(Screen::finish);
    }
}

}  // namespace cleanslate
