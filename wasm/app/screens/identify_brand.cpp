// identify_brand.cpp — which brand is on the label? Typing is forgiving ("Hikvsion" finds
// Hikvision); the brands most homes have for this kind of device are one tap away.
#include "app/screens.h"

namespace cleanslate {

void screen_identify_brand(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr("identify.brand.heading"))) return;
    if (!database_ready(app)) return;
    Answer& answer = app.answers().identify.brand;
    ui.text_field("brand.typed", app.tr("identify.brand.field"), "text", "off", app.tr("identify.brand.hint"));
    const std::string& typed = ui.field_value("brand.typed");
    bool search = ui.submitted("brand.typed");
    if (ui.primary_button("brand.search", app.tr("nav.continue"), !typed.empty()) || (search && !typed.empty())) {
        answer = typed;
        app.route_to_next_question();
        return;
    }
    ui.strong_text(app.tr("identify.brand.common"));
    for (const std::string& brand : brand_shortlist(*app.db(), shortlist_category(*app.db(), app.evidence()), 8)) {
        if (ui.choice("brand." + brand, brand, "", Icon::none, answer && *answer == brand)) {
            answer = brand;
            app.route_to_next_question();
            return;
        }
    }
    if (ui.choice("brand.none", app.tr("identify.brand.none"), "", Icon::none, answer && answer->empty())) {
        answer = std::string();
        app.route_to_next_question();
    }
}

}  // namespace cleanslate
