// password_check.cpp — a strength check that never leaves the page: the customer may type
// the new password into a real password field to see whether it is strong enough, or take
// a suggested passphrase. Only the strength class is kept; the text is wiped on leaving.
#include "app/screens.h"
#include "platform/browser.h"

namespace cleanslate {

namespace {
uint32_t browser_random() {
    uint32_t value = 0;
    platform::fill_random(reinterpret_cast<uint8_t*>(&value), sizeof value);
    return value;
}

void leave_with(App& app, const PasswordVerdict verdict) {
    app.journey().record_password(strength_class_code(verdict.strength));
    app.answers().password_verdict = {};
    app.ui().clear_field("password");
    platform::clear_text_field("password");
    std::fill(app.answers().passphrase.begin(), app.answers().passphrase.end(), '\0');
    app.answers().passphrase.clear();
    app.go(Screen::password_hardening);
}
}  // namespace

void screen_password_check(App& app) {
    UiKit& ui = app.ui();
    app.want_password_data();
    if (!app.page(app.tr("password.heading"))) return;
    const PasswordDictionaries* dictionaries = app.password_dictionaries();
    if (!dictionaries) {
        // Never a silent spinner: lists that could not be loaded are said so, with a way on.
        if (!app.password_data_failed()) { ui.status(app.tr("password.loading")); return; }
        ui.warning(app.tr("password.data_failed"));
        helpdesk_link(app);
        return;
    }
    PasswordContext context = app.password_context();

    ui.paragraph(app.tr("password.private"));
    ui.text_field("password", app.tr("password.field"), "password", "new-password", app.tr("password.field_hint"));
    const std::string& typed = ui.field_value("password");
    // A long password with many symbols takes tens of milliseconds to judge: only on change.
    ScreenAnswers& a = app.answers();
    if (a.password_verdict_at != ui.field_changes()) {
        a.password_verdict = check_password(typed, *dictionaries, context);
        a.password_verdict_at = ui.field_changes();
    }
    const PasswordVerdict verdict = a.password_verdict;
    if (!typed.empty()) {
        ui.status(app.tr("password.strength." + std::string(strength_class_code(verdict.strength))));
        if (!verdict.accepted) ui.warning(app.tr("password.refusal." + std::string(refusal_code(verdict.refusal))));
        if (verdict.hint != PasswordHint::none) ui.paragraph(app.tr("password.hint." + std::string(hint_code(verdict.hint))));
    }
    bool submit = ui.submitted("password");
    if (ui.primary_button("continue", app.tr("password.set_typed"), verdict.accepted) || (submit && verdict.accepted)) {
        leave_with(app, verdict);
        return;
    }

    ui.spacer(8);
    ui.strong_text(app.tr("password.suggestion_title"));
    const std::vector<std::string>* words = app.passphrase_words();
    if (words && app.answers().passphrase.empty())
        app.answers().passphrase = generate_passphrase(*words, browser_random).text;
    if (!app.answers().passphrase.empty()) {
        ui.big_text(app.answers().passphrase, app.tr("password.suggestion_title"));
        ui.paragraph(app.tr("password.suggestion_hint"), true);
        if (ui.secondary_button("suggestion.use", app.tr("password.set_suggestion"))) {
            leave_with(app, check_password(app.answers().passphrase, *dictionaries, context));
            return;
        }
        if (ui.secondary_button("suggestion.another", app.tr("password.another_suggestion")))
            app.answers().passphrase = generate_passphrase(*words, browser_random).text;
    }
}

}  // namespace cleanslate
