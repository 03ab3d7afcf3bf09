// reset_join_wifi.cpp — after a router's reset its Wi-Fi has the name and key on its sticker
// again. The phone must join that Wi-Fi to reach the router's page (192.168.x.x) for the
// check and the new password; and every other phone, TV and laptop in the home will have to
// join it again too if the Wi-Fi had been changed.
#include "app/screens.h"

namespace cleanslate {

void screen_reset_join_wifi(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr("reset.join_wifi.heading"))) return;
    ui.drawing(Icon::wifi_sticker, app.tr_format("reset.join_wifi.sticker", {{"device", app.device_the()}}));
    ui.numbered(1, app.tr("reset.join_wifi.open_settings"));
    ui.numbered(2, app.tr("reset.join_wifi.choose_name"));
    ui.numbered(3, app.tr("reset.join_wifi.type_key"));
    ui.numbered(4, app.tr("reset.join_wifi.stay_connected"));
    ui.paragraph(app.tr("reset.join_wifi.no_internet"));
    ui.warning(app.tr("reset.join_wifi.everyone_rejoins"));
    if (ui.primary_button("continue", app.tr("reset.join_wifi.done"))) {
        app.answers().verify_answers.clear();
        app.go(Screen::verify_question);
        return;
    }
    ui.paragraph(app.tr("reset.join_wifi.cannot"));
    helpdesk_link(app);
}

}  // namespace cleanslate
