// consent.cpp — may we learn from what the customer tells us on the way? Yes or no, both
// lead on; the answer can be changed later. Nothing is captured without a yes.
#include "app/screens.h"

namespace cleanslate {

void screen_consent(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr("consent.heading"))) return;
    ui.paragraph(app.tr("consent.explain"));
    ui.paragraph(app.tr("consent.privacy"));
    Consent current = app.journey().facts().consent;
    bool yes = ui.choice("consent.yes", app.tr("consent.yes"), "", Icon::none, current == Consent::given);
    bool no = ui.choice("consent.no", app.tr("consent.no"), "", Icon::none, current == Consent::refused);
    if (yes || no) {
        app.journey().answer_consent(yes);
        app.go(Screen::identify_evidence);
    }
}

}  // namespace cleanslate
