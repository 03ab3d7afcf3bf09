// verify_help.cpp — not sure, or several tries did not work: a person should help. The
// journey records "needs help" so the helpdesk can follow up; trying again stays possible.
#include "app/reporting.h"
#include "app/screens.h"

namespace cleanslate {

void screen_verify_help(App& app) {
    UiKit& ui = app.ui();
    if (app.journey().facts().outcome != Outcome::needs_help) app.journey().set_outcome(Outcome::needs_help);
    if (!app.page(app.tr("verify.help.heading"))) return;
    ui.paragraph(app.tr(app.answers().verify_reason == "repeated_failures" ? "verify.help.tries" : "verify.help.not_sure"));
    ui.paragraph(app.tr("verify.help.keep_off"));
    helpdesk_link(app);
    callback_offer(app);
    if (!app.notification().ticket().empty())
        ui.panel(app.tr("finish.reference"), app.notification().ticket());
    if (ui.secondary_button("again", app.tr("verify.retry.again"))) {
        app.answers().countdown_started_ms = -1;
        app.go(Screen::reset_steps);
    }
}

}  // namespace cleanslate
