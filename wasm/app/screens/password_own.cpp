// password_own.cpp — a password the customer makes up, with the strength check. Typing it
// here is optional and said so: it is only checked in this page, never sent or saved. The
// button is never disabled: pressing it with a weak password explains what is wrong. When
// the check's lists could not be loaded (the home is off the internet and they were never
// cached), the screen says so and offers the suggestion, which needs no lists, or a call.
#include "app/screens.h"

namespace cleanslate {

void screen_password_own(App& app) {
    UiKit& ui = app.ui();
    ScreenAnswers& a = app.answers();
    app.want_password_data();
    if (!app.page(app.tr("password.own.heading"))) return;
    const PasswordVerdict* verdict = own_password_verdict(app);
    if (!verdict) {
        // Never a silent spinner: a check that cannot come says so, with a way on.
        ui.status(app.tr(app.password_data_failed() ? "password.own.no_check" : "password.loading"));
        if (ui.primary_button("use_suggestion", app.tr("password.choose.use_suggestion"))) {
            forget_own_password(app);
            a.password_choice = "suggestion";
            app.go(Screen::password_steps);
            return;
        }
        helpdesk_link(app);
        return;
    }
    password_error_summary(app);   // the message is also at the field
    ui.paragraph(app.tr("password.own.optional"));
    chosen_password(app);
    const std::string& typed = ui.field_value(kPasswordField);
    if (!typed.empty()) {
        ui.status(app.tr("password.strength." + std::string(strength_class_code(verdict->strength))));
        if (verdict->hint != PasswordHint::none) ui.paragraph(app.tr("password.hint." + std::string(hint_code(verdict->hint))));
    }
    bool submitted = ui.submitted(kPasswordField);
    if (ui.primary_button("continue", app.tr("nav.continue")) || submitted) {
        if (typed.empty()) a.password_error = "empty";
        else if (!verdict->accepted) a.password_error = refusal_code(verdict->refusal);
        else {
            a.password_error.clear();
            app.go(Screen::password_steps);
        }
        return;
    }
    // Typing it here is optional: the steps then show the rules instead of a check.
    if (ui.secondary_button("skip_check", app.tr("password.own.skip_check"))) {
        forget_own_password(app);
        a.password_choice = "own_unchecked";
        app.go(Screen::password_steps);
    }
}

}  // namespace cleanslate
