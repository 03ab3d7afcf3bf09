// password_hardening.cpp — close the other doors the device allows: Telnet and remote
// access off, UPnP and port forwards off on the router, firmware up to date.
#include "app/screens.h"
#include "core/procedure_text.h"

namespace cleanslate {

void screen_password_hardening(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr("hardening.heading"))) return;
    if (!database_ready(app)) return;
    const Family* family = app.device();
    ui.paragraph(app.tr("hardening.intro"));
    bool router = family && family->category == "router";
    // One thing at a time: each door is a short title, then its own numbered steps. UPnP and
    // port forwards live on the router, so for any other device one line about the router
    // says it (rather than the device's copy of the same advice).
    if (family) {
        for (const Hardening& h : family->hardening) {
            if (h.possible != "yes") continue;
            if (!router && (h.feature == "upnp" || h.feature == "port-forwards")) continue;
            ui.strong_text(app.tr("hardening.feature." + h.feature));
            int number = 1;
            for (const Action& action : h.actions)
                if (action.type != "turn_off") ui.numbered(number++, action_text(app.texts(), action));
                else ui.numbered(number++, app.tr("hardening.switch_it_off"));
        }
    }
    ui.strong_text(app.tr(router ? "hardening.router_upnp_self" : "hardening.router_upnp"));
    if (family)
        for (const std::string& key : managed_note_keys(*family, ManagedNote::firmware)) ui.strong_text(app.tr(key));
    if (family && family->firmware_updates == "maker")
        ui.strong_text(family->firmware_url.empty() ? app.tr("hardening.firmware")
                                               : app.tr_format("hardening.firmware_at", {{"url", family->firmware_url}}));
    if (family && family->securable == "partly") ui.warning(app.tr("hardening.partly"));
    if (ui.primary_button("continue", app.tr("hardening.done"))) {
        app.journey().set_outcome(Outcome::remediated);
        app.go(Screen::reconnect);
    }
    if (family && family->securable == "partly" && ui.secondary_button("cannot", app.tr("hardening.cannot_secure")))
        app.go(Screen::cannot_secure);
}

}  // namespace cleanslate
