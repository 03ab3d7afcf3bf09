// password_hardening.cpp — close the other doors, where the device data really knows them:
// one setting per page, with the device's own steps to it (menu path included), then one
// plain page saying what to ask the helpdesk for everything the data cannot lead to
// (core/hardening.h decides). A device with nothing to show goes straight on.
#include "app/screens.h"
#include "core/hardening.h"
#include "core/procedure_text.h"

namespace cleanslate {

namespace {
bool uses_no_app(App& app) {
    const Answer& said = app.answers().identify.app;
    return said && said->empty();
}

HardeningPlan plan_for(App& app) {
    const Family* family = app.device();
    return family ? hardening_plan(*family, uses_no_app(app)) : HardeningPlan{};
}

// One setting: what it is and why it matters, then the steps to it.
void setting_page(App& app, const HardeningPage& page) {
    UiKit& ui = app.ui();
    ui.paragraph(app.tr("hardening.why." + page.feature));
    int number = 1;
    for (const Action& action : page.setting->actions) ui.numbered(number++, device_step_text(app, *app.device(), action));
}

// Everything else, named in plain words, for the helpdesk.
void helpdesk_page(App& app, const HardeningPlan& plan) {
    UiKit& ui = app.ui();
    ui.paragraph(app.tr_format("hardening.ask.intro", {{"device", app.device_the()}}));
    for (const std::string& feature : plan.ask_helpdesk)
        ui.bullet(app.tr_format("hardening.ask." + feature, {{"device", app.device_the()}}));
    ui.paragraph(app.tr("hardening.ask.when"));
    helpdesk_link(app);
}
}  // namespace

// The password step is over: the device is secured as far as the customer can; only the
// strength class stays, the password itself is wiped.
void leave_password_step(App& app) {
    forget_password(app);
    app.journey().set_outcome(Outcome::remediated);
    app.go(Screen::reconnect);
}

void go_to_hardening(App& app) {
    if (plan_for(app).page_count() == 0) leave_password_step(app);
    else app.go(Screen::password_hardening);
}

void screen_password_hardening(App& app) {
    UiKit& ui = app.ui();
    HardeningPlan plan = plan_for(app);
    size_t count = plan.page_count();
    size_t index = static_cast<size_t>(app.journey().part());
    bool on_setting = index < plan.pages.size();
    std::string heading = on_setting ? app.tr("hardening.heading." + plan.pages[index].feature)
                                     : app.tr("hardening.ask.heading");
    if (!app.page(heading)) return;
    if (!database_ready(app)) return;
    if (count == 0) { leave_password_step(app); return; }   // real or absent (a resumed journey gets here)
    if (index >= count) index = count - 1;
    if (count > 1)
        ui.progress(app.tr_format("hardening.page_of", {{"n", std::to_string(index + 1)}, {"total", std::to_string(count)}}), "page_progress");
    if (on_setting) setting_page(app, plan.pages[index]);
    else helpdesk_page(app, plan);

    bool last = index + 1 >= count;
    if (ui.primary_button("continue", app.tr(on_setting ? "hardening.done_setting" : "nav.continue"))) {
        if (last) leave_password_step(app);
        else app.go_part(app.journey().part() + 1);
        return;
    }
    // Not finding a setting is fine: the helpdesk page (or the helpdesk) can take it up.
    if (on_setting && ui.secondary_button("not_found", app.tr("hardening.not_found"))) {
        if (last) leave_password_step(app);
        else app.go_part(app.journey().part() + 1);
    }
}

}  // namespace cleanslate
