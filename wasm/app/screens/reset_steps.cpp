// reset_steps.cpp — the device's own factory-reset procedure, one action per page (the
// customer has the device in one hand). "Hold the button N seconds" gets a countdown made for
// one pair of hands: tap Start, lay the phone down, press after 3-2-1 and a beep, a beep every
// 5 seconds, a long tone and a large "Let go now" at 0; where the maker says to pull the plug
// while holding, the countdown says when to pull it out and when to put it back. Every wait
// gets a timer. A camera fed through its network cable (PoE) is switched off and on with that
// cable (procedure_text.h, power_way).
#include "app/screens.h"
#include "core/procedure_text.h"
#include "platform/browser.h"
#include <algorithm>
#include <cmath>

namespace cleanslate {

namespace {
// What switching this device off and on means: its plug, or the network cable that powers it.
PowerWay device_power(App& app) {
    return app.device() ? power_way(*app.device(), app.journey().facts().connection) : PowerWay::plug;
}

// A step as this customer reads it: the power the way this device gets it, and apps worded as
// the password steps word them (only for a customer who said they use one).
std::string step_text(App& app, const Action& action) {
    const PowerWay power = device_power(app);
    if (const Family* family = app.device()) return device_step_text(app, *family, action, power);
    return action_text(app.texts(), action, power);
}

// --- The hold countdown -----------------------------------------------------------------------------
void play(HoldCue cue) {
    switch (cue) {
        case HoldCue::tick: platform::play_tone(660, 90); break;
        case HoldCue::press_now: platform::play_tone(990, 350); platform::vibrate(300); break;
        case HoldCue::beep: platform::play_tone(880, 150); break;
        case HoldCue::power_out: platform::play_tone(740, 600); platform::vibrate(600); break;
        case HoldCue::power_in: platform::play_tone(1175, 600); platform::vibrate(600); break;
        case HoldCue::let_go: platform::play_tone(520, 1400); platform::vibrate(900); break;
        case HoldCue::none: break;
    }
}

// "Now pull out the power plug" / "Now put it back in", while a power cycle is under way.
std::string power_moment_text(App& app, PowerMoment moment) {
    TextArgs power{{"power", app.tr(power_key(device_power(app)))}};
    switch (moment) {
        case PowerMoment::before: return app.tr_format("reset.hold.cycle.before", power);
        case PowerMoment::out: return app.tr_format("reset.hold.cycle.out", power);
        case PowerMoment::back: return app.tr_format("reset.hold.cycle.back", power);
        case PowerMoment::none: break;
    }
    return "";
}

std::string announcement_text(App& app, const HoldAnnouncement& said, const Action& hold) {
    std::string seconds = std::to_string(said.seconds_left);
    switch (said.phase) {
        case HoldPhase::ready: return "";
        case HoldPhase::lead_in: return app.tr("reset.hold.say_get_ready");
        case HoldPhase::holding:
            if (said.power != PowerMoment::none) return power_moment_text(app, said.power);
            return app.tr_format(said.seconds_left == app.answers().hold.hold_seconds() ? "reset.hold.say_press" : "reset.hold.say_left",
                                 {{"seconds", seconds}});
        case HoldPhase::done:
            return hold.until.empty() ? app.tr("reset.hold.say_let_go")
                                      : app.tr_format("reset.hold.let_go_when", {{"sign", sign_text(app.texts(), hold.until.front())}});
    }
    return "";
}

// Returns true once the countdown has run to its end (the customer may go on).
bool hold_timer(App& app, const Action& hold) {
    UiKit& ui = app.ui();
    HoldCountdown& countdown = app.answers().hold;
    // A power cycle inside the hold: the seconds before the power goes out and while it is out
    // are held too, before the maker's seconds count.
    int off_seconds = hold_power_off_seconds(hold);
    countdown.set_power_off_seconds(off_seconds);
    countdown.set_hold_seconds(hold.int_param("seconds", 10) + (off_seconds > 0 ? HoldCountdown::kPowerOutAfterSeconds + off_seconds : 0));
    double now = app.now_ms();
    play(countdown.take_cue(now));
    HoldPhase phase = countdown.phase(now);
    float total = static_cast<float>(countdown.hold_seconds());
    switch (phase) {
        case HoldPhase::ready:
            if (off_seconds > 0) ui.paragraph(app.tr_format("reset.hold.how_cycle", {{"power", app.tr(power_key(device_power(app)))}}));
            else if (hold.has_param("with_button")) ui.paragraph(app.tr(hold.until.empty() ? "reset.hold.how_both" : "reset.hold.how_both_until"));
            else ui.paragraph(hold.until.empty() ? app.tr("reset.hold.how")
                                                 : app.tr_format("reset.hold.how_until", {{"sign", sign_text(app.texts(), hold.until.front())},
                                                                                          {"seconds", std::to_string(countdown.hold_seconds())}}));
            ui.countdown(total, total, app.tr_format("reset.hold.ready", {{"seconds", std::to_string(countdown.hold_seconds())}}));
            break;
        case HoldPhase::lead_in:
            ui.countdown(static_cast<float>(countdown.number(now)), HoldCountdown::kLeadInSeconds, app.tr("reset.hold.lead_in"));
            break;
        case HoldPhase::holding: {
            PowerMoment moment = countdown.power_moment(now);
            ui.countdown(countdown.fraction_left(now) * total, total,
                         moment == PowerMoment::none ? app.tr("reset.hold.holding") : power_moment_text(app, moment));
            break;
        }
        case HoldPhase::done:
            // A hold "until the light flashes" ends with the device's sign, not the timer.
            ui.big_text(hold.until.empty() ? app.tr("reset.hold.let_go")
                                           : app.tr_format("reset.hold.let_go_when", {{"sign", sign_text(app.texts(), hold.until.front())}}), "");
            break;
    }
    std::string said = announcement_text(app, countdown.announcement(now), hold);
    if (!said.empty()) ui.status(said);
    if (countdown.running(now)) app.wake_in(countdown.ms_until_next_change(now));
    if (phase == HoldPhase::done) platform::keep_screen_awake(false);

    if (phase == HoldPhase::ready && ui.primary_button("timer.start", app.tr("reset.hold.start"))) {
        countdown.start(app.now_ms());
        platform::keep_screen_awake(true);
        app.wake_in(0);
    }
    if (phase != HoldPhase::ready && ui.secondary_button("timer.restart", app.tr("reset.hold.again"))) {
        countdown.start(app.now_ms());
        platform::keep_screen_awake(true);
        app.wake_in(0);
    }
    return phase == HoldPhase::done;
}

// --- A wait with its timer --------------------------------------------------------------------------
// Returns true once the time is up.
bool wait_timer(App& app, int seconds) {
    UiKit& ui = app.ui();
    ScreenAnswers& a = app.answers();
    if (a.wait_started_ms < 0) a.wait_started_ms = app.now_ms();
    double left = seconds - (app.now_ms() - a.wait_started_ms) / 1000.0;
    if (left > 0) {
        ui.countdown(static_cast<float>(left), static_cast<float>(seconds), app.tr("reset.wait.running"));
        app.wake_in(1000.0 - std::fmod((app.now_ms() - a.wait_started_ms), 1000.0));
        return false;
    }
    ui.countdown(0, static_cast<float>(seconds), app.tr("reset.wait.over"));
    ui.status(app.tr("reset.wait.over"));
    return true;
}

// --- Pages: one per action ------------------------------------------------------------------------
struct Page { const Action* action; };

std::vector<Page> pages_of(const ResetProcedure& procedure) {
    std::vector<Page> pages;
    for (const Action& a : procedure.actions) pages.push_back({&a});
    return pages;
}
}  // namespace

void screen_reset_steps(App& app) {
    UiKit& ui = app.ui();
    ScreenAnswers& a = app.answers();
    const ResetProcedure* procedure = app.reset_procedure();
    std::vector<Page> pages = procedure ? pages_of(*procedure) : std::vector<Page>{};
    size_t index = std::min<size_t>(static_cast<size_t>(app.journey().part()), pages.empty() ? 0 : pages.size() - 1);
    // Each page's heading ("Reset: step 2 of 4") is its title too, so every page is announced
    // as new, starts at the top, and ignores a double tap's second tap.
    if (!app.question_page(app.tr_format("reset.step_heading", {{"n", std::to_string(index + 1)},
                                                       {"total", std::to_string(std::max<size_t>(pages.size(), 1))}}))) {
        a.hold.stop();
        platform::keep_screen_awake(false);
        a.wait_started_ms = -1;
        return;
    }
    if (!database_ready(app)) return;
    const Family* family = app.device();
    if (!family || pages.empty()) { ui.warning(app.tr("database.failed")); helpdesk_link(app); return; }

    const Page& page = pages[index];
    const Action* action = page.action;
    bool may_go_on = true;   // false while a timer runs: "next" then explains first
    if (action) {
        if (action->type == "find_button" && action->param("button") == "reset-pinhole")
            ui.drawing(Icon::pinhole, app.tr("reset.picture_pinhole"));
        ui.strong_text(step_text(app, *action));
        if (action->type == "find_button" && action->param("place") == "inside-case") {
            ui.warning(app.tr("reset.safety.case"));
            helpdesk_link(app);
        }
        if (action->type == "hold_button") may_go_on = hold_timer(app, *action);
        if (action->type == "wait") may_go_on = wait_timer(app, action->int_param("seconds", 60));
    }
    bool last = index + 1 == pages.size();
    if (last && app.journey().facts().connection == "wifi") ui.paragraph(app.tr_format("reset.wifi_forgotten", {{"device", app.device_the()}}));

    bool hold_page = action && action->type == "hold_button";
    bool hold_ready = hold_page && a.hold.phase(app.now_ms()) == HoldPhase::ready;
    // On a hold page the timer's Start is the main button until the countdown is done.
    std::string next_label = app.tr(last ? "reset.done" : "reset.next");
    bool next = hold_page && !may_go_on ? ui.secondary_button("next", next_label) : ui.primary_button("next", next_label);
    if (next) {
        if (!may_go_on && !a.early_press_warned) {
            a.early_press_warned = true;   // say why once; a second press goes on
            return;
        }
        a.early_press_warned = false;
        a.hold.stop();
        platform::keep_screen_awake(false);
        a.wait_started_ms = -1;
        if (last) go_after_reset(app);
        else app.go_part(app.journey().part() + 1);
        return;
    }
    if (a.early_press_warned && !may_go_on)
        ui.warning(app.tr(hold_page ? (hold_ready ? "reset.hold.use_timer" : "reset.hold.keep_holding") : "reset.wait.not_yet"));

    // Not knowing the current password is normal (the installer chose it): the button way.
    if (action && asks_current_password(*action)) {
        int other = way_without_password(*family);
        if (other >= 0 && ui.secondary_button("no_password", app.tr("reset.no_password"))) {
            a.procedure_index = static_cast<size_t>(other);
            app.go(Screen::reset_method);
            return;
        }
        if (other < 0) {
            ui.paragraph(app.tr_format("reset.no_password_call", {{"device", app.device_the()}}));
            helpdesk_link(app);
        }
    }
}

}  // namespace cleanslate
