// reset_method.cpp — before the reset: that it is not a restart, what it erases, what the
// customer needs for this way of doing it (a paperclip, a TV and mouse on the recorder, the
// current password...), the safety notes (a ladder for a camera up high, never open a case
// with the power on — rather let us help), and the other ways when this one does not suit.
#include "app/screens.h"
#include "core/procedure_text.h"

namespace cleanslate {

namespace {
bool has_action(const ResetProcedure& p, const char* type) {
    for (const Action& a : p.actions) if (a.type == type) return true;
    return false;
}

bool button_inside_case(const ResetProcedure& p) {
    for (const Action& a : p.actions) if (a.type == "find_button" && a.param("place") == "inside-case") return true;
    return false;
}

// The time the steps take: the waits (the restart among them) and the holds.
int total_seconds(const ResetProcedure& p) {
    int seconds = 0;
    for (const Action& a : p.actions)
        if (a.type == "wait" || a.type == "hold_button") seconds += a.int_param("seconds") + hold_power_off_seconds(a);
    return seconds;
}

// Where the procedure's menu is: "tv-mouse" (a recorder's), "tv-remote", "device-panel"; "" if none.
std::string_view menu_screen(const ResetProcedure& p) {
    for (const Action& a : p.actions)
        if (a.type == "open_local_menu") return a.param("screen").empty() ? std::string_view("tv-mouse") : a.param("screen");
    return {};
}
}  // namespace

void screen_reset_method(App& app) {
    UiKit& ui = app.ui();
    TextArgs device{{"device", app.device_the()}};
    if (!app.page(app.tr_format("reset.heading", device))) return;
    if (!database_ready(app)) return;
    const Family* family = app.device();
    // The maker says it has no factory reset: nothing to walk through, a person helps.
    if (family && family->reset.empty() && family->factory_reset == "none") { ui.paragraph(app.tr("reset.none")); helpdesk_link(app); return; }
    const ResetProcedure* procedure = app.reset_procedure();
    if (!family || !procedure) { ui.warning(app.tr("database.failed")); helpdesk_link(app); return; }
    app.answers().hold.stop();

    ui.paragraph(app.tr("reset.not_a_restart"));
    if (std::string models = applies_to_text(app.texts(), procedure->applies_to); !models.empty()) ui.paragraph(models);
    // What this way erases and keeps, as its sources say; what they leave open and the
    // customer would mind losing (recordings, files) is said as not known.
    ResetEffects effects = reset_effects(app.texts(), *procedure, family->category);
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
    ui.strong_text(app.tr("reset.way." + procedure->method));
    ui.strong_text(app.tr("reset.needs_title"));
    const Action* hold = hold_action(*procedure);
    if (hold && hold->param("button") == "reset-pinhole") ui.bullet(app.tr("reset.needs.paperclip"));
    if (menu_screen(*procedure) == "tv-mouse") ui.bullet(app.tr("reset.needs.screen_mouse"));
    if (menu_screen(*procedure) == "tv-remote") ui.bullet(app.tr("reset.needs.tv_remote"));
    if (has_action(*procedure, "open_web")) ui.bullet(app.tr("reset.needs.home_network"));
    if (has_action(*procedure, "open_app")) ui.bullet(app.tr("reset.needs.app"));
    if (needs_current_password(*procedure)) ui.bullet(app.tr_format("reset.needs.current_password", device));
    if (hold) ui.bullet(app.tr("reset.needs.sound"));
    int seconds = total_seconds(*procedure);
    if (seconds > 0) ui.bullet(app.tr_format("reset.needs.time", {{"time", duration_text(app.texts(), seconds + 60)}}));

    // Safety first, with help right there.
    bool camera_button = family->category == "camera" && hold;
    if (camera_button) ui.paragraph(app.tr("reset.safety.ladder"));
    if (button_inside_case(*procedure)) {
        ui.warning(app.tr("reset.safety.case"));
        helpdesk_link(app);
    }
    ui.paragraph(app.tr("reset.source." + procedure->best_source().trust), true);

    if (ui.primary_button("begin", app.tr("reset.begin"))) {
        app.answers().early_press_warned = false;
        app.go(Screen::reset_steps);
        return;
    }
    // The other ways this device can be reset, each named by what it takes.
    for (size_t i = 0; i < family->reset.size(); ++i) {
        if (&family->reset[i] == procedure) continue;
        const ResetProcedure& other = family->reset[i];
        if (ui.secondary_button("way." + std::to_string(i), app.tr("reset.other." + other.method))) {
            app.answers().procedure_index = i;
            return;
        }
    }
    if (needs_current_password(*procedure) && way_without_password(*family) < 0)
        ui.paragraph(app.tr_format("reset.no_password_call", device));
    helpdesk_link(app);
}

}  // namespace cleanslate
