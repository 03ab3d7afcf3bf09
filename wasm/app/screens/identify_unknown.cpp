// identify_unknown.cpp — "I don't know" is an answer: the general steps for this kind of
// device work for most of them, and the helpdesk can call.
#include "app/reporting.h"
#include "app/screens.h"

namespace cleanslate {

void screen_identify_unknown(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr("identify.unknown.heading"))) return;
    if (!database_ready(app)) return;
    const Answer& category = app.answers().identify.category;
    const Family* generic = category && !category->empty() ? generic_family(*app.db(), *category) : nullptr;
    if (generic) {
        ui.paragraph(app.tr("identify.unknown.general"));
        if (ui.primary_button("general", app.tr("identify.unknown.show_general"))) {
            app.confirm_device(generic->id, "generic");
            return;
        }
    } else {
        ui.paragraph(app.tr("identify.unknown.no_general"));
        if (ui.primary_button("choose_kind", app.tr("identify.unknown.choose_kind"))) {
            app.answers().identify.category.reset();
            app.go(Screen::identify_category);
            return;
        }
    }
    ui.paragraph(app.tr("identify.unknown.call"));
    helpdesk_link(app);
    callback_offer(app);
}

}  // namespace cleanslate
