// unsafe_choice.cpp — the data says no customer can make this device safe (a password built
// into it, no more updates...). Say so first, before any reset, and offer the honest choices:
// replace it, or keep it off the internet — and what that means for its app. A router is the
// home's internet connection itself, so for a router only replacing it is offered.
#include "app/screens.h"

namespace cleanslate {

void screen_unsafe_choice(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr_format("unsafe.heading", {{"device", app.device_the()}}))) return;
    if (!database_ready(app)) return;
    const Family* family = app.device();
    std::string reason = family && !family->securable_reason.empty() ? family->securable_reason : "unknown_maker";
    ui.paragraph(app.tr("cannot.reason." + reason));
    ui.paragraph(app.tr("unsafe.no_reset"));
    ui.strong_text(app.tr("unsafe.options"));
    bool router = app.device_is_router();
    Outcome chosen = app.journey().facts().outcome;
    if (ui.choice("replace", app.tr("unsafe.replace"), app.tr(router ? "unsafe.replace_router_hint" : "unsafe.replace_hint"),
                  Icon::none, chosen == Outcome::device_replaced)) {
        app.journey().set_outcome(Outcome::device_replaced);
        app.go(Screen::unsafe_steps);
        return;
    }
    if (!router && ui.choice("keep_off", app.tr("unsafe.keep_off"), app.tr_format("unsafe.keep_off_hint", {{"device", app.device_the()}}),
                             Icon::none, chosen == Outcome::cannot_secure)) {
        app.journey().set_outcome(Outcome::cannot_secure);
        app.go(Screen::unsafe_steps);
        return;
    }
    ui.paragraph(app.tr("unsafe.call"));
    helpdesk_link(app);
}

}  // namespace cleanslate
