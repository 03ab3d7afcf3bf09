// identify_model.cpp — the model number from the sticker, when the engine still needs it
// to pick the right procedure. Optional: "I can't find it" is a fine answer.
#include "app/screens.h"

namespace cleanslate {

void screen_identify_model(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr("identify.model.heading"))) return;
    Answer& answer = app.answers().identify.model;
    ui.paragraph(app.tr("identify.model.where"));
    ui.text_field("model.typed", app.tr("identify.model.field"), "text", "off", app.tr("identify.model.hint"));
    const std::string& typed = ui.field_value("model.typed");
    bool search = ui.submitted("model.typed");
    if (ui.primary_button("model.search", app.tr("nav.continue"), !typed.empty()) || (search && !typed.empty())) {
        answer = typed;
        app.route_to_next_question();
        return;
    }
    if (ui.secondary_button("model.none", app.tr("identify.model.none"))) {
        answer = std::string();
        app.route_to_next_question();
    }
}

}  // namespace cleanslate
