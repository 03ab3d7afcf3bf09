// verify_retry.cpp — the answers point to a restart, not a factory reset. Say so kindly,
// explain the usual cause, and lead back to the reset (never onward as if it worked).
#include "app/screens.h"

namespace cleanslate {

void screen_verify_retry(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr("verify.retry.heading"))) return;
    ui.paragraph(app.tr("verify.retry.common"));
    ui.paragraph(app.tr("verify.reason." + (app.answers().verify_reason.empty() ? std::string("none") : app.answers().verify_reason)));
    if (ui.primary_button("again", app.tr("verify.retry.again"))) {
        app.go(Screen::reset_method);
        return;
    }
    helpdesk_link(app);
}

}  // namespace cleanslate
