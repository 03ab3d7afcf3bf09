// reset_connection.cpp — how is the device connected to the home network? Asked only where it
// changes the reset: a camera that gets its power through its network cable (PoE) is switched
// off and on with that cable, not a plug; a Wi-Fi device forgets the Wi-Fi when it is reset.
#include "app/screens.h"

namespace cleanslate {

void screen_reset_connection(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr_format("reset.connection.heading", {{"device", app.device_the()}}))) return;
    if (!database_ready(app)) return;
    bool camera = app.device() && app.device()->category == "camera";
    const std::string& chosen = app.journey().facts().connection;
    struct Way { const char* id; bool cameras_only; };
    static constexpr Way kWays[] = {{"wifi", false}, {"cable", false}, {"poe", true}, {"unknown", false}};
    for (const Way& way : kWays) {
        if (way.cameras_only && !camera) continue;
        std::string key = std::string("reset.connection.") + way.id;
        std::string hint = app.texts().has(key + "_hint") ? app.tr_format(key + "_hint", {{"device", app.device_the()}}) : "";
        if (ui.choice(std::string("connection.") + way.id, app.tr(key), hint, Icon::none, chosen == way.id)) {
            app.journey().choose_connection(way.id);
            app.go(Screen::reset_method);
            return;
        }
    }
}

}  // namespace cleanslate
