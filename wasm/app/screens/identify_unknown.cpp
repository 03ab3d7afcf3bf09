// identify_unknown.cpp — "I don't know" is an answer. When the customer named the kind of
// device, the general steps for that kind work for most of them; when they could not name it
// either, we say plainly that we do not know yet and offer the helpdesk first. Either way the
// heading says what the page offers.
#include "app/reporting.h"
#include "app/screens.h"

namespace cleanslate {

void screen_identify_unknown(App& app) {
    UiKit& ui = app.ui();
    if (!app.db()) {
        if (app.page(app.tr("title.identify_unknown"))) database_ready(app);
        return;
    }
    IdentifyPlan outcome = app.identification_outcome();
    const Family* general = outcome.general;
    // Rejected choices ("none of these") still leave the general steps for the kind they named.
    if (!general) {
        const Answer& category = app.answers().identify.category;
        if (category && is_device_category(*category)) general = generic_family(*app.db(), *category);
    }
    if (general) {
        std::string devices = app.tr("category.noun." + general->category);
        if (!app.page(app.tr_format("identify.unknown.heading", {{"devices", devices}}))) return;
        ui.paragraph(app.tr_format("identify.unknown.general", {{"devices", devices}}));
        if (ui.primary_button("general", app.tr("identify.unknown.show_general"))) {
            app.confirm_device(general->id, "generic");
            return;
        }
        ui.paragraph(app.tr("identify.unknown.call"));
        helpdesk_link(app);
        callback_offer(app);
        return;
    }
    if (!app.page(app.tr("identify.notfound.heading"))) return;
    ui.paragraph(app.tr("identify.notfound.text"));
    helpdesk_link(app);
    callback_offer(app);
    ui.paragraph(app.tr("identify.notfound.look"));
    if (ui.secondary_button("choose_kind", app.tr("identify.unknown.choose_kind"))) {
        app.answers().identify.category.reset();
        app.go(Screen::identify_category);
    }
}

}  // namespace cleanslate
