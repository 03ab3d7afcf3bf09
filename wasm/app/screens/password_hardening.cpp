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
    if (family) {
        for (const Hardening& h : family->hardening) {
            if (h.possible != "yes") continue;
            std::string text = app.tr("hardening.feature." + h.feature);
            for (const Action& action : h.actions) text += " " + action_text(app.texts(), action);
            ui.bullet(text);
        }
    }
    ui.bullet(app.tr(router ? "hardening.router_upnp_self" : "hardening.router_upnp"));
    if (family && family->firmware_updates == "maker")
        ui.bullet(family->firmware_url.empty() ? app.tr("hardening.firmware")
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
