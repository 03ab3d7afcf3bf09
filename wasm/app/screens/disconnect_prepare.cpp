// disconnect_prepare.cpp — before the customer takes the home off the internet: why (nothing
// outside can reach the device while it has its factory password, yet it stays on the home
// network for the reset), how long it will be off (computed from the device's steps), what
// stops meanwhile (TV, a home phone over the modem: call us on a mobile), and whether this page is ready to go on without the internet. Everything the rest
// of the journey needs is fetched here, before the cable comes out.
#include "app/screens.h"
#include "core/procedure_text.h"
#include "core/time_estimate.h"

namespace cleanslate {

void screen_disconnect_prepare(App& app) {
    UiKit& ui = app.ui();
    app.want_password_data();
    if (!app.page(app.tr("disconnect.prepare.heading"))) return;
    TextArgs device{{"device", app.device_the()}};
    ui.paragraph(app.tr_format("disconnect.prepare.why", device));
    ui.paragraph(app.tr_format("disconnect.prepare.stays_home", device));
    ui.strong_text(app.tr("disconnect.prepare.meanwhile"));
    // How long: computed from this device's reset and password steps (core/time_estimate.h).
    const Family* family = app.device();
    const ResetProcedure* reset = app.reset_procedure();
    if (family && reset && !family->password.actions.empty()) {
        int seconds = reset_and_password_time(*reset, family->password).rounded_seconds();
        ui.bullet(app.tr_format("disconnect.prepare.how_long", {{"device", app.device_the()}, {"time", duration_text(app.texts(), seconds)}}));
    }
    ui.bullet(app.tr("disconnect.prepare.tv_phone"));
    ui.bullet(app.tr_format("disconnect.prepare.call_mobile", {{"phone", app.helpdesk()}}));
    ui.bullet(app.tr("disconnect.prepare.keep_open"));
    if (app.device_is_router()) ui.bullet(app.tr("disconnect.prepare.router_wifi"));

    // Ready to work without the internet? Never a silent spinner: say what we wait for.
    bool ready = app.journey_data_loaded();
    bool failed = !ready && (app.db_failed() || app.password_data_failed());
    // "Keep it open" only until the service worker holds every file: from then on a closed
    // page comes back from the link, without the internet.
    if (ready) ui.status(app.tr(app.offline_ready() ? "disconnect.prepare.ready_offline" : "disconnect.prepare.ready"));
    else if (failed) ui.warning(app.tr("disconnect.prepare.failed"));
    else ui.status(app.tr("disconnect.prepare.loading"));

    ScreenAnswers& a = app.answers();
    if (ui.primary_button("continue", app.tr("disconnect.prepare.continue"))) {
        // Going on before the files are in would leave the customer stuck later, offline.
        // Say so once; a second press goes on anyway (the helpdesk can still help).
        if (ready || a.asked_to_wait) app.go(Screen::disconnect_line);
        else a.asked_to_wait = true;
    }
    if (!ready && a.asked_to_wait) {
        ui.warning(app.tr(failed ? "disconnect.prepare.go_on_failed" : "disconnect.prepare.wait"));
        helpdesk_link(app);
    }
}

}  // namespace cleanslate
