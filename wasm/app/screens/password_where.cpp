// password_where.cpp — where and how to set the new password on this device, and that it
// must happen before the device goes back online. A device that cannot be secured is told
// honestly and led to its real options instead.
#include "app/screens.h"
#include "core/procedure_text.h"

namespace cleanslate {

void screen_password_where(App& app) {
    UiKit& ui = app.ui();
    app.want_password_data();
    if (!app.page(app.tr_format("password_where.heading", {{"device", app.device_the()}}))) return;
    if (!database_ready(app)) return;
    const Family* family = app.device();
    if (family && family->securable == "no") {
        ui.warning(app.tr("password_where.cannot"));
        if (ui.primary_button("continue", app.tr("nav.continue"))) app.go(Screen::cannot_secure);
        return;
    }
    ui.warning(app.tr("password_where.before_online"));
    if (family)
        for (const std::string& key : managed_note_keys(*family, ManagedNote::password)) ui.paragraph(app.tr(key));
    int number = 1;
    if (family)
        for (const Action& action : family->password.actions) ui.numbered(number++, action_text(app.texts(), action));
    ui.paragraph(app.tr("password_where.next"));
    if (ui.primary_button("continue", app.tr("password_where.choose"))) app.go(Screen::password_check);
}

}  // namespace cleanslate
