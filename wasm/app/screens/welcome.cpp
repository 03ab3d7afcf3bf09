// welcome.cpp — what happened, why it matters, that it is free and takes about 15 minutes,
// and how the customer can check for themselves that this page is genuine: the case number
// from the e-mail, the provider's address in the address bar, the number on their bill. A
// link that was altered gets one message that leads with calling that number.
#include "app/screens.h"

namespace cleanslate {

namespace {
void altered_link(App& app) {
    UiKit& ui = app.ui();
    ui.status_block(app.tr("welcome.link_changed_title"), app.tr("welcome.link_changed"), Tone::alert, "link_changed");
    ui.paragraph(app.tr("welcome.link_changed_steps"));
    if (ui.secondary_button("start", app.tr("welcome.start_anyway"))) app.go(Screen::identify_evidence);
}
}  // namespace

void screen_welcome(App& app) {
    UiKit& ui = app.ui();
    // The customer opens the link again after the provider's check: that comes first.
    if (const char* heading = case_standing_heading(app)) {
        if (app.page(app.tr(heading))) case_standing_block(app, /*on_finish=*/false);
        return;
    }
    if (!app.page(app.tr("welcome.heading"))) return;
    const NotificationCase& nc = app.notification();
    if (nc.server_verdict == "bad_signature") { altered_link(app); return; }
    if (nc.present && nc.status == LinkStatus::expired) ui.warning(app.tr("welcome.link_expired"));
    else if (nc.present && nc.status != LinkStatus::ok) ui.warning(app.tr("welcome.link_damaged"));
    ui.paragraph(app.tr("welcome.what_happened"));
    ui.paragraph(app.tr("welcome.why"));
    ui.paragraph(app.tr("welcome.time_and_cost"));

    // What the customer can check themselves: what a phishing page cannot fake.
    std::string title = ProviderConfig::localized(app.provider().name, app.locale()).empty()
                            ? app.tr("welcome.genuine_title_unnamed")
                            : app.tr_format("welcome.genuine_title", {{"provider", app.provider_name()}});
    ui.strong_text(title);
    ui.bullet(nc.ticket().empty() ? app.tr("welcome.genuine_no_ticket")
                                  : app.tr_format("welcome.genuine_ticket", {{"ticket", nc.ticket()}}));
    const std::string& website = app.provider().website;
    ui.bullet(website.empty() ? app.tr("welcome.check_address_unknown")
                              : app.tr_format("welcome.check_address", {{"website", website}}));
    ui.bullet(app.tr("welcome.check_phone"));
    ui.bullet(app.tr("welcome.passwords"));
    ui.spacer(8);
    if (ui.primary_button("start", app.tr("welcome.start"))) { app.go(Screen::identify_evidence); return; }
    helpdesk_link(app);
}

}  // namespace cleanslate
