// verify_help.cpp — not sure, or several tries did not work: a person should help. The
// journey records "needs help" so the helpdesk can follow up; trying again stays possible.
#include "app/reporting.h"
#include "app/screens.h"

namespace cleanslate {

void screen_verify_help(App& app) {
    UiKit& ui = app.ui();
    if (app.journey().facts().outcome != Outcome::needs_help) app.journey().set_outcome(Outcome::needs_help);
    if (!app.page(app.tr("verify.help.heading"))) return;
    const std::string& reason = app.answers().verify_reason;
    ui.paragraph(app.tr(reason == "repeated_failures" ? "verify.help.tries" : reason == "cannot_tell" ? "verify.help.cannot_tell"
                                                                                                     : "verify.help.not_sure"));
    ui.paragraph(app.device_is_router() ? app.tr("verify.help.keep_off_router")
                                        : app.tr_format("verify.help.keep_off", {{"device", app.device_the()}}));
    helpdesk_link(app);
    callback_offer(app);
    if (!app.notification().ticket().empty())
        ui.panel(app.tr("finish.reference"), app.notification().ticket());
    if (ui.secondary_button("again", app.tr("verify.retry.again"))) app.go(Screen::reset_method);
}

}  // namespace cleanslate
