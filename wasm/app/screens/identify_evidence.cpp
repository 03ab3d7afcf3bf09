// identify_evidence.cpp — start from what the ISP's feed saw. When the evidence is strong
// the engine says "we think it is this" with its reasons and the customer confirms; when it
// is weak (only "port 23"), we say so and go on to easy questions.
#include "app/screens.h"
#include <algorithm>

namespace cleanslate {

void screen_identify_evidence(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr("identify.evidence.heading"))) return;
    Evidence evidence = app.evidence();
    if (evidence.port)
        ui.panel(app.tr("identify.evidence.seen_title"), app.tr_format("identify.evidence.seen_port", {{"port", std::to_string(*evidence.port)}}));
    if (!database_ready(app)) return;
    Identification found = app.identification();
    if (found.confident && !found.candidates.empty()) {
        const Candidate& best = found.candidates.front();
        ui.paragraph(app.tr("identify.evidence.we_think"));
        ui.big_text(app.candidate_name(best), "");
        ui.strong_text(app.tr("identify.evidence.because"));
        std::vector<std::string> shown;   // two signals can read the same ("its web page looks like...")
        for (const Reason& reason : best.reasons) {
            if (reason.code == "port_seen" || reason.code == "tag_hint") continue;
            std::string text = app.reason_text(reason);
            if (std::find(shown.begin(), shown.end(), text) != shown.end()) continue;
            ui.bullet(text);
            shown.push_back(text);
            if (shown.size() == 3) break;
        }
        if (ui.primary_button("yes", app.tr("identify.evidence.yes"))) {
            app.confirm_device(best.id, "evidence");
            return;
        }
        if (ui.secondary_button("no", app.tr("identify.evidence.no"))) app.go(Screen::identify_category);
        return;
    }
    ui.paragraph(app.tr("identify.evidence.not_sure"));
    ui.paragraph(app.tr("identify.evidence.questions"));
    if (ui.primary_button("continue", app.tr("nav.continue"))) app.route_to_next_question();
}

}  // namespace cleanslate
