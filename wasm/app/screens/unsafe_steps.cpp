// unsafe_steps.cpp — what to do now with a device that cannot be made safe: take it off the
// network, and restart it once (the virus lives in its memory, so a restart removes it; off
// the network it cannot come back). Then the honest finish.
#include "app/screens.h"

namespace cleanslate {

void screen_unsafe_steps(App& app) {
    UiKit& ui = app.ui();
    bool replace = app.journey().facts().outcome == Outcome::device_replaced;
    if (!app.page(app.tr(replace ? "unsafe.steps.replace_heading" : "unsafe.steps.keep_off_heading"))) return;
    TextArgs device{{"device", app.device_the()}};
    if (replace && app.device_is_router()) {
        ui.paragraph(app.tr("unsafe.steps.router_call"));
        helpdesk_link(app);
    } else if (replace) {
        ui.numbered(1, app.tr_format("unsafe.steps.unplug_all", device));
        ui.numbered(2, app.tr("unsafe.steps.new_device"));
        ui.numbered(3, app.tr("unsafe.steps.recycle"));
    } else {
        ui.numbered(1, app.tr_format("unsafe.steps.network_cable", device));
        ui.numbered(2, app.tr("unsafe.steps.wifi"));
        ui.numbered(3, app.tr("unsafe.steps.restart"));
        ui.paragraph(app.tr_format(app.device() && app.device()->category == "recorder" ? "unsafe.steps.what_it_means_recorder"
                                                                                          : "unsafe.steps.what_it_means", device));
    }
    if (ui.primary_button("continue", app.tr("unsafe.steps.done"))) app.go(Screen::finish);
}

}  // namespace cleanslate
