// reconnect.cpp — put the device back online (only now, with its new password), or, for a
// device that cannot be secured or was replaced, keep the old one away from the internet.
#include "app/screens.h"

namespace cleanslate {

void screen_reconnect(App& app) {
    UiKit& ui = app.ui();
    Outcome outcome = app.journey().facts().outcome;
    if (!app.page(app.tr(outcome == Outcome::remediated ? "reconnect.heading" : "reconnect.heading_keep_off"))) return;
    if (outcome == Outcome::remediated) {
        ui.numbered(1, app.tr_format("reconnect.plug_in", {{"device", app.device_the()}}));
        ui.numbered(2, app.tr("reconnect.check_works"));
    } else if (outcome == Outcome::device_replaced) {
        ui.paragraph(app.tr("reconnect.replaced"));
    } else {
        ui.paragraph(app.tr("reconnect.keep_off"));
    }
    if (ui.primary_button("continue", app.tr("nav.continue"))) {
        if (app.journey().facts().outcome == Outcome::none) app.journey().set_outcome(Outcome::remediated);
        app.go(Screen::finish);
    }
}

}  // namespace cleanslate
