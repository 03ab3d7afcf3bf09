// identify_app.cpp — which app do you use to watch or manage it? Often the best clue: the
// app names the maker even when the label shows a shop's brand.
#include "app/screens.h"
#include <map>

namespace cleanslate {

namespace {
// The apps used with devices of this kind, most families first, so the list a customer
// scans is short and likely holds theirs.
std::vector<std::string> common_apps(const DeviceDb& db, const Answer& category, size_t limit) {
    std::map<std::string, int> count;
    for (const Family& family : db.families())
        if (!category || category->empty() || family.category == *category)
            for (const std::string& app : family.apps) ++count[app];
    return most_common(count, limit);
}
}  // namespace

void screen_identify_app(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr("identify.app.heading"))) return;
    if (!database_ready(app)) return;
    ui.paragraph(app.tr("identify.app.hint"));
    Answer& answer = app.answers().identify.app;
    for (const std::string& name : common_apps(*app.db(), app.answers().identify.category, 8)) {
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
