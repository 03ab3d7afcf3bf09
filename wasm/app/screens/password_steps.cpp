// password_steps.cpp — the device's own steps to set the chosen password, one per page, with
// the password kept in view on every page, then "I have set it". Each page is a place on the
// way back (Journey pages), so Back goes to the previous step.
// Each step reads as device_step_text says (apps only where they are true for this customer).
#include "app/screens.h"
#include "core/hardening.h"
#include "core/procedure_text.h"

namespace cleanslate {

namespace {
// A short title per kind of step: the page's heading, so each step is its own page to a
// screen reader (and the heading changes when the step does).
std::string step_title(App& app, const Action& action) {
    std::string key = "password.steps.title." + action.type;
    return app.texts().has(key) ? app.tr(key) : app.tr("password.steps.title.other");
}

// --- "I have set it" -------------------------------------------------------------------------------
// An own password typed here is checked again (it may have been changed on the way); an empty
// field for one that was checked is asked for. The strength class is all the journey keeps;
// the own password is wiped as soon as it is recorded (the suggestion stays on screen until
// the step is left, so Back still shows it).
void finish_step(App& app) {
    ScreenAnswers& a = app.answers();
    bool own_already_set = a.password_choice == "own" && app.journey().facts().password_set &&
                           app.ui().field_value(kPasswordField).empty();
    if (!own_already_set) {
        std::string strength;
        if (a.password_choice == "suggestion") {
            // How it was made says exactly what an attacker faces; no lists needed.
            strength = strength_class_code(passphrase_strength({a.passphrase, a.passphrase_bits}));
        } else if (a.password_choice == "own") {
            const PasswordVerdict* verdict = own_password_verdict(app);
            if (app.ui().field_value(kPasswordField).empty()) { a.password_error = "empty"; return; }
            if (verdict && !verdict->accepted) { a.password_error = refusal_code(verdict->refusal); return; }
            if (verdict) strength = strength_class_code(verdict->strength);
        }
        app.journey().record_password(strength);
    }
    forget_own_password(app);
    go_to_hardening(app);
}
}  // namespace

void screen_password_steps(App& app) {
    UiKit& ui = app.ui();
    ScreenAnswers& a = app.answers();
    const Family* family = app.device();
    const std::vector<Action>* actions = family ? &family->password.actions : nullptr;
    size_t count = actions ? actions->size() : 0;
    size_t index = std::min(static_cast<size_t>(app.journey().part()), count ? count - 1 : 0);
    std::string heading = count ? step_title(app, (*actions)[index]) : app.tr("password.steps.title.other");
    if (!app.page(heading)) return;
    if (!database_ready(app)) return;
    // After a reload the password is gone (it is never saved): choose it again.
    if (a.password_choice.empty()) {
        ui.paragraph(app.tr("password.steps.choose_again"));
        if (ui.primary_button("choose_again", app.tr("password.steps.choose_again_button"))) app.go(Screen::password_choose);
        return;
    }
    if (!count) { ui.warning(app.tr("database.failed")); helpdesk_link(app); return; }
    const Action& action = (*actions)[index];
    password_error_summary(app);   // "I have set it" refused: why, at the top and at the field

    ui.progress(app.tr_format("password.steps.step_of", {{"device", app.device_the()}, {"n", std::to_string(index + 1)},
                                                         {"total", std::to_string(count)}}), "step_progress");
    ui.numbered(static_cast<int>(index + 1), device_step_text(app, *family, action));
    // A router's page opens on a phone joined to the router's own Wi-Fi, which has no internet now.
    if (is_router_category(family->category) && action.type == "open_web") ui.paragraph(app.tr("password.steps.router_wifi"), true);
    if (action.type == "set_password") {
        if (a.password_choice == "own_unchecked") {
            ui.strong_text(app.tr("password.steps.rules_title"));
            for (const char* rule : {"password.steps.rule_length", "password.steps.rule_words", "password.steps.rule_never"})
                ui.bullet(app.tr(rule));
        }
        for (const std::string& key : managed_note_keys(*family, ManagedNote::password)) ui.paragraph(app.tr(key));
    }
    if (a.password_choice == "own" && app.journey().facts().password_set && ui.field_value(kPasswordField).empty())
        ui.paragraph(app.tr("password.steps.own_set"));   // back here after setting it: it was wiped
    else if (a.password_choice != "own_unchecked")
        chosen_password(app);

    bool last = index + 1 >= count;
    if (ui.primary_button("continue", app.tr(last ? "password.steps.done" : "password.steps.next"))) {
        if (last) finish_step(app);
        else app.go_part(app.journey().part() + 1);
    }
    helpdesk_link(app);
}

}  // namespace cleanslate
