// finish.cpp — the customer is told they succeeded (the field study's missing piece),
// with the reference number, what happens next and who to call.
#include "app/reporting.h"
#include "app/screens.h"

namespace cleanslate {

void screen_finish(App& app) {
    UiKit& ui = app.ui();
    Outcome outcome = app.journey().facts().outcome;
    if (!app.page(app.tr(outcome == Outcome::remediated ? "finish.heading_clean" : "finish.heading_thanks"))) return;
    ui.drawing(Icon::check, "");
    ui.paragraph(app.tr(outcome == Outcome::remediated ? "finish.done_clean" :
                        outcome == Outcome::device_replaced ? "finish.done_replaced" : "finish.done_kept_off"));
    if (!app.notification().ticket().empty())
        ui.panel(app.tr("finish.reference"), app.notification().ticket());
    ui.strong_text(app.tr("finish.next_title"));
    ui.paragraph(app.tr("finish.next"));
    helpdesk_link(app);
    report_summary_section(app);
}

}  // namespace cleanslate
