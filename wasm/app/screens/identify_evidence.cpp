// identify_evidence.cpp — start from what the ISP's feed saw, in plain words. When the
// evidence is strong the engine says "we think it is this" with its reasons and the customer
// confirms; when it is weak, we say so and go on to easy questions.
#include "app/screens.h"

namespace cleanslate {

namespace {
// What the provider saw, without port numbers: that a device behaved as infected ones do,
// and the factory password the virus got in with when the feed recorded it.
void what_was_seen(App& app, const Evidence& evidence) {
    if (!evidence.port && evidence.tag.empty() && evidence.infection.empty() && evidence.credential.empty()) return;
    std::string text = app.tr("identify.evidence.seen");
    std::string user, password;
    if (split_credential(evidence.credential, user, password))
        text += " " + (password.empty() ? app.tr("identify.evidence.seen_no_password")
                                        : app.tr_format("identify.evidence.seen_password", {{"password", password}}));
    app.ui().panel(app.tr("identify.evidence.seen_title"), text);
}
}  // namespace

void screen_identify_evidence(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr("identify.evidence.heading"))) return;
    what_was_seen(app, app.evidence());
    if (!database_ready(app)) return;
    if (app.identification().confident) {
        IdentifyPlan outcome = app.identification_outcome();
        if (!outcome.choices.empty()) {
            const DeviceChoice& best = outcome.choices.front();
            ui.paragraph(app.tr("identify.evidence.we_think"));
            device_proposal(app, best, app.tr("identify.evidence.because"));
            if (ui.primary_button("yes", app.tr("identify.evidence.yes"))) {
                app.confirm_device(best.family_id, "evidence");
                return;
            }
            if (ui.secondary_button("no", app.tr("identify.evidence.no"))) app.go(Screen::identify_category);
            return;
        }
    }
    ui.paragraph(app.tr("identify.evidence.not_sure"));
    ui.paragraph(app.tr("identify.evidence.questions"));
    if (ui.primary_button("continue", app.tr("nav.continue"))) app.route_to_next_question();
}

}  // namespace cleanslate
