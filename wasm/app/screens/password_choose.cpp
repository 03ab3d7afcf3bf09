// password_choose.cpp — the password step starts with choosing it, before any setting on the
// device: a suggested passphrase, large, with a Copy button (most customers set it in an app
// or web page on this same phone), or one the customer makes up. Said plainly: this is the
// device's own new password, not a password for the provider or this page.
#include "app/screens.h"

namespace cleanslate {

void screen_password_choose(App& app) {
    UiKit& ui = app.ui();
    ScreenAnswers& a = app.answers();
    app.want_password_data();
    if (!app.page(app.tr_format("password.choose.heading", {{"device", app.device_the()}}))) return;
    if (!database_ready(app)) return;
    const Family* family = app.device();
    // A device the data says cannot be secured is told so before the reset ("reset"'s early
    // choice); a saved journey from before that comes here, and is told now.
    if (family && family->securable == "no") {
        ui.warning(app.tr("password.choose.cannot"));
        if (ui.primary_button("continue", app.tr("nav.continue"))) app.go(Screen::cannot_secure);
        return;
    }
    ui.paragraph(app.tr_format("password.choose.whose", {{"device", app.device_the()}}));
    ui.strong_text(app.tr("password.choose.suggestion_title"));
    ui.big_text(suggestion(app), app.tr("password.choose.suggestion_title"));
    copy_suggestion_button(app);
    ui.paragraph(app.tr("password.choose.write_down"), true);
    if (ui.primary_button("use_suggestion", app.tr("password.choose.use_suggestion"))) {
        forget_own_password(app);   // an own password typed earlier goes; the suggestion stays
        a.password_choice = "suggestion";
        app.go(Screen::password_steps);
        return;
    }
    if (ui.secondary_button("another", app.tr("password.choose.another"))) new_suggestion(app);
    if (ui.secondary_button("own", app.tr("password.choose.own"))) {
        a.password_choice = "own";
        app.go(Screen::password_own);
    }
}

}  // namespace cleanslate
