// disconnect.cpp — take the device off the internet first, so it cannot be infected
// again while the customer works on it. A router is its own case: it IS the connection.
#include "app/screens.h"

namespace cleanslate {

void screen_disconnect(App& app) {
    UiKit& ui = app.ui();
    const Family* family = app.device();
    bool router = family && (family->category == "router" || family->category == "access-point");
    if (!app.page(app.tr_format("disconnect.heading", {{"device", app.device_the()}}))) return;
    ui.paragraph(app.tr("disconnect.why"));
    if (router) {
        ui.numbered(1, app.tr("disconnect.router.cable"));
        ui.numbered(2, app.tr("disconnect.router.offline_ok"));
    } else {
        ui.numbered(1, app.tr_format("disconnect.device.cable", {{"device", app.device_the()}}));
        ui.numbered(2, app.tr("disconnect.device.wifi"));
    }
    if (ui.primary_button("continue", app.tr("disconnect.done"))) {
        app.journey().confirm_disconnected();
        app.go(Screen::reset_steps);
    }
}

}  // namespace cleanslate
