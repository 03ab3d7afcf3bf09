// disconnect_line.cpp — how does the internet come into the home? The answer decides which
// cable the next screen asks the customer to pull (and, later, to plug back in).
#include "app/screens.h"

namespace cleanslate {

void screen_disconnect_line(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr("disconnect.line.heading"))) return;
    const std::string& chosen = app.journey().facts().internet_line;
    struct Line { const char* id; Icon icon; };
    static constexpr Line kLines[] = {{"dsl", Icon::line_dsl}, {"coax", Icon::line_coax}, {"fibre", Icon::line_fibre}};
    for (const Line& line : kLines) {
        std::string key = std::string("disconnect.line.") + line.id;
        if (ui.choice(std::string("line.") + line.id, app.tr(key), app.tr(key + "_hint"), line.icon, chosen == line.id)) {
            app.journey().choose_internet_line(line.id);
            app.go(Screen::disconnect);
            return;
        }
    }
    if (ui.choice("line.unknown", app.tr("disconnect.line.unknown"), "", Icon::question, chosen == "unknown")) {
        app.journey().choose_internet_line("unknown");
        app.go(Screen::disconnect);
    }
}

}  // namespace cleanslate
