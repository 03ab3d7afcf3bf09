// identify_candidates.cpp — the devices the answers point at, as many as the customer can
// tell apart (identify_view.h): one to confirm, or a short list where each card names the
// device in plain words and says what sets it apart. "None of these" leads to the general
// steps for the kind of device, or to the helpdesk.
#include "app/screens.h"

namespace cleanslate {

namespace {
void confirm_one(App& app, const DeviceChoice& choice) {
    UiKit& ui = app.ui();
    ui.paragraph(app.tr("identify.confirm.intro"));
    device_proposal(app, choice, app.tr("identify.evidence.because"));
    if (ui.primary_button("yes", app.tr("identify.evidence.yes"))) {
        app.confirm_device(choice.family_id, "answers");
        return;
    }
    if (ui.secondary_button("no", app.tr("identify.confirm.no"))) app.go(Screen::identify_unknown);
}

void pick_one(App& app, const IdentifyPlan& outcome) {
    UiKit& ui = app.ui();
    ui.paragraph(app.tr("identify.candidates.choose"));
    // What all of them have in common, once; each card then says what sets it apart.
    for (const std::string& reason : outcome.shared) ui.paragraph(reason, true);
    for (const DeviceChoice& choice : outcome.choices) {
        // What sets it apart first; then what to look for on the device to be sure.
        std::string hint = choice.why;
        if (std::string details = choice.words.details(); !details.empty()) hint += (hint.empty() ? "" : "\n") + details;
        bool chosen = app.journey().facts().device_id == choice.family_id;
        if (ui.choice("candidate." + choice.family_id, choice.words.name, hint, kind_icon(choice.words.kind), chosen)) {
            app.confirm_device(choice.family_id, "answers");
            return;
        }
    }
    if (ui.choice("candidate.none", app.tr("identify.candidates.none"), "", Icon::none, false)) app.go(Screen::identify_unknown);
}
}  // namespace

void screen_identify_candidates(App& app) {
    if (!app.db()) {
        if (app.page(app.tr("identify.candidates.heading"))) database_ready(app);
        return;
    }
    IdentifyPlan outcome = app.identification_outcome();
    bool one = outcome.step == IdentifyStep::kConfirm;
    if (!app.page(app.tr(one ? "identify.confirm.heading" : "identify.candidates.heading"))) return;
    if (one) confirm_one(app, outcome.choices.front());
    else pick_one(app, outcome);
}

}  // namespace cleanslate
