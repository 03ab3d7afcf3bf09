// disconnect.cpp — take the HOME off the internet, not the device off the home network: the
// customer pulls the internet line out of the modem (which cable, with a drawing), so the
// device stays reachable for its reset and new password while nothing outside can reach it.
// Never the power cable: the home network must keep working.
#include "app/screens.h"

namespace cleanslate {

namespace {
Icon drawing_for(const std::string& line) {
    if (line == "dsl") return Icon::line_dsl;
    if (line == "coax") return Icon::line_coax;
    if (line == "fibre") return Icon::line_fibre;
    return Icon::none;
}
}  // namespace

// Which screen follows the internet line: how the device is connected where that changes the
// reset (a camera may get its power through its network cable; a Wi-Fi device forgets the
// Wi-Fi), else straight to the way of resetting it.
static bool connection_matters(const Family* family) {
    if (!family) return false;
    const std::string& c = family->category;
    return c == "camera" || c == "smart-home" || c == "printer";
}

void screen_disconnect(App& app) {
    UiKit& ui = app.ui();
    std::string line = app.journey().facts().internet_line.empty() ? "unknown" : app.journey().facts().internet_line;
    if (!app.page(app.tr("disconnect.heading"))) return;
    Icon picture = drawing_for(line);
    if (picture != Icon::none) ui.drawing(picture, app.tr("disconnect." + line + ".picture"));
    ui.numbered(1, app.tr("disconnect." + line + ".find"));
    ui.numbered(2, app.tr("disconnect." + line + ".pull"));
    ui.numbered(3, app.tr("disconnect.keep_power"));
    if (line == "fibre") ui.warning(app.tr("disconnect.fibre.never_fibre"));
    if (app.device_is_router()) ui.paragraph(app.tr("disconnect.router_separate"));
    ui.paragraph(app.tr("disconnect.check"), true);
    if (line == "unknown" || line == "fibre") {
        ui.paragraph(app.tr("disconnect.not_sure"));
        helpdesk_link(app);
    }
    if (ui.primary_button("continue", app.tr("disconnect.done"))) {
        app.journey().confirm_disconnected();
        app.go(connection_matters(app.device()) ? Screen::reset_connection : Screen::reset_method);
    }
}

}  // namespace cleanslate
