// identify_candidates.cpp — the engine's best matches, each with the reason it fits; the
// customer picks theirs. "None of these" leads to the general steps for the kind of device.
#include "app/screens.h"

namespace cleanslate {

void screen_identify_candidates(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr("identify.candidates.heading"))) return;
    if (!database_ready(app)) return;
    Identification found = app.identification();
    ui.paragraph(app.tr(found.confident ? "identify.candidates.confident" : "identify.candidates.choose"));
    size_t shown = 0;
    for (const Candidate& candidate : found.candidates) {
        std::string why;
        for (const Reason& reason : candidate.reasons)
            if (reason.code != "port_seen" && reason.code != "tag_hint") { why = app.reason_text(reason); break; }
        bool chosen = app.journey().facts().device_id == candidate.id;
        if (ui.choice("candidate." + candidate.id, app.candidate_name(candidate), why, Icon::none, chosen)) {
            app.confirm_device(candidate.id, "answers");
            return;
        }
        if (++shown == 5) break;
    }
    if (ui.choice("candidate.none", app.tr("identify.candidates.none"), "", Icon::none, false)) app.go(Screen::identify_unknown);
}

}  // namespace cleanslate
