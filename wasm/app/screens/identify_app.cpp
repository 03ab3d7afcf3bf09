// identify_app.cpp — which app do you use to watch or manage it? Often the best clue: the
// app names the maker even when the label shows a shop's brand. The apps one tap away are
// those most homes with this kind of device use (identify_view.h), never an app store.
#include "app/screens.h"

namespace cleanslate {

void screen_identify_app(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr("identify.app.heading"))) return;
    if (!database_ready(app)) return;
    ui.paragraph(app.tr("identify.app.hint"));
    Answer& answer = app.answers().identify.app;
    for (const std::string& name : app_shortlist(*app.db(), shortlist_category(*app.db(), app.evidence()), 8)) {
        if (ui.choice("app." + name, name, "", Icon::phone, answer && *answer == name)) {
            answer = name;
            app.route_to_next_question();
            return;
        }
    }
    ui.text_field("app.typed", app.tr("identify.app.other"), "text", "off", "");
    const std::string& typed = ui.field_value("app.typed");
    bool search = ui.submitted("app.typed");
    if (ui.secondary_button("app.search", app.tr("identify.search")) || search) {
        if (!typed.empty()) { answer = typed; app.route_to_next_question(); return; }
    }
    if (ui.choice("app.none", app.tr("identify.app.none"), "", Icon::none, answer && answer->empty())) {
        answer = std::string();
        app.route_to_next_question();
    }
}

}  // namespace cleanslate
