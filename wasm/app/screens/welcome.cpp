// welcome.cpp — what happened, why it matters, that it is free and takes about 15 minutes,
// and how to tell this page is genuine (the case number from the e-mail).
#include "app/screens.h"

namespace cleanslate {

void screen_welcome(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr("welcome.heading"))) return;
    const NotificationCase& nc = app.notification();
    if (nc.server_verdict == "bad_signature") ui.warning(app.tr("welcome.link_changed"));
    else if (nc.present && nc.status == LinkStatus::expired) ui.warning(app.tr("welcome.link_expired"));
    if (nc.present && nc.status != LinkStatus::ok && nc.status != LinkStatus::expired) ui.warning(app.tr("welcome.link_damaged"));
    ui.paragraph(app.tr("welcome.what_happened"));
    ui.paragraph(app.tr("welcome.why"));
    ui.paragraph(app.tr("welcome.time_and_cost"));
    if (!nc.ticket().empty() && nc.server_verdict != "bad_signature") {
        std::string genuine = app.tr_format("welcome.genuine_ticket", {{"ticket", nc.ticket()}});
        if (nc.server_verdict == "ok") genuine = app.tr("welcome.link_checked") + " " + genuine;
        ui.panel(app.tr("welcome.genuine_title"), genuine);
    }
    else
        ui.panel(app.tr("welcome.genuine_title"), app.tr("welcome.genuine_no_ticket"));
    if (ui.primary_button("start", app.tr("welcome.start"))) { app.go(Screen::identify_evidence); return; }
    helpdesk_link(app);
}

}  // namespace cleanslate
