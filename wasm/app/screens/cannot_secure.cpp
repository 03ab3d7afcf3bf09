// cannot_secure.cpp — the honest path for a device its owner cannot make safe: say why,
// offer the real options (replace it, keep it off the internet, keep it behind the router
// with no forwarding) and record the outcome.
#include "app/screens.h"

namespace cleanslate {

void screen_cannot_secure(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr("cannot.heading"))) return;
    if (!database_ready(app)) return;
    const Family* family = app.device();
    std::string reason = family && !family->securable_reason.empty() ? family->securable_reason : "unknown_maker";
    ui.paragraph(app.tr("cannot.reason." + reason));
    ui.paragraph(app.tr("cannot.options"));
    Outcome chosen = app.journey().facts().outcome;
    if (ui.choice("replace", app.tr("cannot.replace"), app.tr("cannot.replace_hint"), Icon::none, chosen == Outcome::device_replaced)) {
        forget_password(app);   // a password chosen on the way is of no use now
        app.journey().set_outcome(Outcome::device_replaced);
        app.go(Screen::reconnect);
        return;
    }
    if (ui.choice("keep_off", app.tr("cannot.keep_off"), app.tr("cannot.keep_off_hint"), Icon::none, chosen == Outcome::cannot_secure)) {
        forget_password(app);
        app.journey().set_outcome(Outcome::cannot_secure);
        app.go(Screen::reconnect);
        return;
    }
    helpdesk_link(app);
}

}  // namespace cleanslate
