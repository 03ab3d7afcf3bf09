// reset_steps.cpp — the device's own factory-reset procedure as short numbered steps, with
// a big countdown for "hold the button N seconds" (the usual mistake is letting go too
// early: that is only a restart), what the device does when the reset really happened,
// and how long to wait.
#include "app/screens.h"
#include "core/procedure_text.h"
#include "platform/browser.h"
#include <cmath>

namespace cleanslate {

namespace {
Icon picture_for(const Action& action) {
    std::string_view button = action.param("button");
    return button == "reset-pinhole" ? Icon::pinhole : Icon::none;
}

// The hold-the-button timer: one tap starts it, it ends with a vibration and a clear
// "let go now"; it redraws only when the number on screen changes.
void hold_timer(App& app, const Action& hold) {
    UiKit& ui = app.ui();
    ScreenAnswers& a = app.answers();
    int seconds = hold.int_param("seconds", 10);
    if (a.countdown_seconds != seconds) { a.countdown_seconds = seconds; a.countdown_started_ms = -1; a.countdown_done = false; }
    if (a.countdown_started_ms < 0) {
        ui.countdown(static_cast<float>(seconds), static_cast<float>(seconds), app.tr_format("reset.timer_ready", {{"seconds", std::to_string(seconds)}}));
        if (ui.secondary_button("timer.start", app.tr("reset.timer_start"))) {
            a.countdown_started_ms = app.now_ms();
            a.countdown_done = false;
            app.wake_in(0);
        }
        return;
    }
    double elapsed = (app.now_ms() - a.countdown_started_ms) / 1000.0;
    double left = seconds - elapsed;
    if (left > 0) {
        ui.countdown(static_cast<float>(left), static_cast<float>(seconds), app.tr("reset.timer_holding"));
        ui.status(app.tr_format("reset.timer_keep_holding", {{"seconds", std::to_string(static_cast<int>(std::ceil(left)))}}));
        // Wake when the whole number changes; the ring moves in tenths, which is plenty.
        app.wake_in(100);
    } else {
        if (!a.countdown_done) { a.countdown_done = true; platform::vibrate(400); }
        ui.countdown(0, static_cast<float>(seconds), app.tr("reset.timer_done"));
        ui.status(app.tr("reset.timer_let_go"));
    }
    if (ui.secondary_button("timer.restart", app.tr("reset.timer_again"))) {
        a.countdown_started_ms = app.now_ms();
        a.countdown_done = false;
        app.wake_in(0);
    }
}
}  // namespace

void screen_reset_steps(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr_format("reset.heading", {{"device", app.device_the()}}))) return;
    if (!database_ready(app)) return;
    const Family* family = app.device();
    if (family && family->reset.empty() && family->factory_reset == "none") { ui.paragraph(app.tr("reset.none")); helpdesk_link(app); return; }
    if (!family || family->reset.empty()) { ui.warning(app.tr("database.failed")); helpdesk_link(app); return; }
    ScreenAnswers& a = app.answers();
    if (a.procedure_index >= family->reset.size()) a.procedure_index = 0;
    const ResetProcedure& procedure = family->reset[a.procedure_index];

    ui.paragraph(app.tr("reset.not_a_restart"));
    if (std::string models = applies_to_text(app.texts(), procedure.applies_to); !models.empty()) ui.paragraph(models);
    // What this procedure erases and keeps, as its sources say; what they leave open and the
    // customer would mind losing (recordings, files) is said as not known.
    ResetEffects effects = reset_effects(app.texts(), procedure, family->category);
    if (!effects.erases.empty()) {
        ui.strong_text(app.tr("reset.erases_title"));
        for (const std::string& item : effects.erases) ui.bullet(item);
    }
    if (!effects.keeps.empty()) {
        ui.strong_text(app.tr("reset.keeps_title"));
        for (const std::string& item : effects.keeps) ui.bullet(item);
    }
    for (const std::string& line : effects.unknown) ui.warning(line);
    if (family->factory_reset == "does_not_cure") ui.warning(app.tr("reset.does_not_cure"));
    for (const std::string& key : managed_note_keys(*family, ManagedNote::reset)) ui.paragraph(app.tr(key));
    int number = 1;
    for (const Action& action : procedure.actions) {
        if (picture_for(action) != Icon::none) ui.drawing(picture_for(action), app.tr("reset.picture_pinhole"));
        ui.numbered(number++, action_text(app.texts(), action));
        if (action.type == "hold_button") hold_timer(app, action);
    }
    if (!procedure.signs.empty()) {
        ui.strong_text(app.tr("reset.signs_title"));
        for (const Sign& sign : procedure.signs) ui.bullet(sign_text(app.texts(), sign));
    }
    ui.paragraph(app.tr("reset.source." + procedure.best_source().trust), true);

    if (ui.primary_button("continue", app.tr("reset.done"))) {
        a.verify_answers.clear();
        a.verify_index = 0;
        app.go(Screen::verify_question);
        return;
    }
    if (family->reset.size() > 1 && ui.secondary_button("other_way", app.tr("reset.other_way"))) {
        a.procedure_index = (a.procedure_index + 1) % family->reset.size();
        a.countdown_started_ms = -1;
    }
}

}  // namespace cleanslate
