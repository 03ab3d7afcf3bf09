// finish.cpp — the honest ending. The customer hears that they are done (the field study's
// missing piece), but only what is true: which device got which steps, what their answers
// confirmed (a real factory reset) and what they only told us (the new password), what still
// remains for a device that can only partly be made safe, and that the provider will check
// the connection in the coming days. The case number sits in a confirmation panel; there is
// no Back. Mirai often infects several devices in one home, so the last offer is "another
// device", which starts the steps again in the same case.
#include "app/reporting.h"
#include "app/screens.h"

namespace cleanslate {

namespace {
// What one handled device got: its name, then one line per thing done and what remains.
void device_summary(App& app, const DeviceRecord& record) {
    UiKit& ui = app.ui();
    const Family* family = app.db() ? app.db()->find_family(record.device_id) : nullptr;
    ui.strong_text(family ? app.device_name(*family) : app.tr("device.unknown_name"));
    if (record.reset_verified) ui.bullet(app.tr("finish.did.reset_checked"));
    switch (record.outcome) {
        case Outcome::remediated: {
            bool strength_known = record.password_strength == "strong" || record.password_strength == "very_strong";
            ui.bullet(app.tr(strength_known ? "finish.did.password_strong" : "finish.did.password"));
            if (family && family->securable == "partly") {
                std::string reason = family->securable_reason.empty() ? "unknown_maker" : family->securable_reason;
                ui.bullet(app.tr("finish.remains") + " " + app.tr("cannot.reason." + reason) + " " + app.tr("finish.remains_partly"));
            }
            break;
        }
        case Outcome::device_replaced: ui.bullet(app.tr("finish.did.replace")); break;
        case Outcome::cannot_secure: ui.bullet(app.tr("finish.did.keep_off")); break;
        default: break;
    }
}
}  // namespace

void screen_finish(App& app) {
    UiKit& ui = app.ui();
    std::vector<DeviceRecord> devices = app.journey().devices();
    bool all_remediated = !devices.empty();
    for (const DeviceRecord& d : devices) all_remediated = all_remediated && d.outcome == Outcome::remediated;
    // A finished journey resumed after the provider's check hears the result first.
    const char* judged = case_standing_heading(app);
    if (!app.page(app.tr(judged ? judged : all_remediated ? "finish.heading_done" : "finish.heading_choices"))) return;
    if (!app.notification().ticket().empty())
        ui.panel(app.tr("finish.reference"), app.notification().ticket());   // the kit's confirmation panel, once it lands
    if (judged && case_standing_block(app, /*on_finish=*/true)) return;

    // What was done, device by device: confirmed by the check questions, or only reported.
    ui.strong_text(app.tr(devices.size() > 1 ? "finish.what_you_did_devices" : "finish.what_you_did"));
    for (const DeviceRecord& d : devices) device_summary(app, d);
    ui.paragraph(app.tr("finish.cannot_see"));

    // When to look: the number of days only when the provider's server runs that check.
    ui.strong_text(app.tr("finish.next_title"));
    const int days = app.notification().quiet_days;
    ui.paragraph(days > 0 ? app.tr_format("finish.next_days", {{"days", std::to_string(days)}}) : app.tr("finish.next"));
    helpdesk_link(app);

    // Another device in the same home: the virus rarely comes alone.
    ui.strong_text(app.tr("finish.another_title"));
    ui.paragraph(app.tr("finish.another_why"));
    if (ui.secondary_button("another_device", app.tr("finish.another"))) app.start_another_device();
    report_summary_section(app);
}

}  // namespace cleanslate
