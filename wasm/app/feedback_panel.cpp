// feedback_panel.cpp — "Tell us what you think" at the foot of every screen, "Please call me
// back", and the finish screen's report section. What is said is kept by the Reporter (core);
// this file only draws it and passes the customer's taps on.
#include "app/reporting.h"
#include "app/screens.h"
#include "core/phone_number.h"
#include "core/report_summary.h"
#include "platform/browser.h"
#include "platform/report_io.h"
#include <cmath>

namespace cleanslate {

namespace {
// --- Capture: chips, own words, voice notes (only once consent is given) -------------------------
void capture(App& app, const std::string& screen) {
    UiKit& ui = app.ui();
    FeedbackUi& f = app.feedback_ui();
    FeedbackLog& log = app.reporter().feedback();

    ui.paragraph(app.tr("feedback.chips_title"));
    for (Chip chip : kChips) {
        std::string code = chip_code(chip);
        bool chosen = log.has_chip(chip, screen);
        if (!ui.choice("feedback.chip." + code, app.tr("feedback.chip." + code), "", Icon::none, chosen)) continue;
        if (chosen) {
            log.remove_chip(chip, screen);
        } else {
            log.add_chip(chip, app.moment());   // one tap keeps it
            if (chip == Chip::stuck) f.callback_form = true;
        }
        app.feedback_changed();
    }

    ui.text_area("feedback.text", app.tr("feedback.text_label"), app.tr("feedback.text_hint"), 4);
    if (f.nothing_to_save) ui.warning(app.tr("feedback.empty"));
    if (ui.secondary_button("feedback.save", app.tr("feedback.save"))) {
        if (log.add_text(ui.field_value("feedback.text"), app.locale(), app.moment())) {
            ui.clear_field("feedback.text");
            platform::clear_text_field("feedback.text");
            f.thanked_on = screen;
            f.nothing_to_save = false;
            app.feedback_changed();
        } else {
            f.nothing_to_save = true;
            f.thanked_on.clear();
        }
    }
    if (f.thanked_on == screen) ui.strong_text(app.tr("feedback.saved"));

    // Voice notes: recorded by the browser (with its own permission question), kept here.
    const std::vector<VoiceNote>& notes = log.voice_notes();
    for (size_t i = 0; i < notes.size(); ++i) {
        std::string n = std::to_string(i + 1);
        ui.paragraph(app.tr_format("feedback.voice.kept", {{"n", n}, {"seconds", std::to_string(std::lround(notes[i].duration_s))}}));
        if (ui.secondary_button("feedback.voice.play." + n, app.tr_format("feedback.voice.play", {{"n", n}})))
            platform::voice_play(notes[i].mime, notes[i].data);
        if (ui.secondary_button("feedback.voice.delete." + n, app.tr_format("feedback.voice.delete", {{"n", n}}))) {
            log.delete_voice_note(i);
            app.feedback_changed();
            break;   // the list changed under us: draw the rest next frame
        }
    }
    if (f.recording) {
        double elapsed_ms = app.now_ms() - f.recording_since_ms;
        ui.strong_text(app.tr_format("feedback.voice.recording", {{"seconds", std::to_string(static_cast<int>(elapsed_ms / 1000))}}));
        if (ui.secondary_button("feedback.voice.stop", app.tr("feedback.voice.stop"))) app.stop_voice_note();
        app.wake_in(1000 - std::fmod(elapsed_ms, 1000.0));   // the seconds count, one frame a second
    } else if (ui.secondary_button("feedback.voice.record", app.tr("feedback.voice.record"))) {
        app.start_voice_note();
    }
    if (!f.voice_problem.empty()) ui.warning(app.tr("feedback.voice." + f.voice_problem));

    if (ui.link("feedback.withdraw", app.tr("feedback.withdraw"))) {
        log.answer_consent(false);   // deletes everything captured: none of it has been sent
        f.thanked_on.clear();
        app.feedback_changed();
    }
}
}  // namespace

// --- The panel ------------------------------------------------------------------------------------
void feedback_panel(App& app) {
    UiKit& ui = app.ui();
    FeedbackUi& f = app.feedback_ui();
    FeedbackLog& log = app.reporter().feedback();
    bool callback_already_shown = f.callback_shown;   // a help screen drew the form above
    f.callback_shown = false;
    ui.spacer(12);
    if (!f.open) {
        if (ui.secondary_button("feedback.open", app.tr("feedback.open"))) f.open = true;
        return;
    }
    const std::string screen = screen_id(app.journey().screen());
    ui.strong_text(app.tr("feedback.title"));
    switch (log.consent()) {
        case Consent::unanswered:
            // Asked now, the first time it matters, with no choice made in advance.
            ui.paragraph(app.tr("feedback.consent.question"));
            ui.paragraph(app.tr("feedback.consent.who"));
            if (ui.secondary_button("feedback.consent.yes", app.tr("feedback.consent.yes"))) { log.answer_consent(true); app.feedback_changed(); }
            if (ui.secondary_button("feedback.consent.no", app.tr("feedback.consent.no"))) { log.answer_consent(false); app.feedback_changed(); }
            break;
        case Consent::refused:
        case Consent::withdrawn:
            ui.paragraph(app.tr(log.consent() == Consent::refused ? "feedback.consent.refused" : "feedback.consent.withdrawn"));
            if (ui.secondary_button("feedback.consent.change", app.tr("feedback.consent.change"))) { log.answer_consent(true); app.feedback_changed(); }
            // Being stuck is not feedback: asking for a call needs no consent to keep opinions.
            if (!f.callback_form && ui.secondary_button("feedback.stuck", app.tr("feedback.chip.stuck"))) f.callback_form = true;
            break;
        case Consent::given:
            capture(app, screen);
            break;
    }
    if ((f.callback_form || log.callback()) && !callback_already_shown) {
        callback_offer(app);
        f.callback_shown = false;   // drawn by the panel itself: no help screen drew it
    }
    if (ui.secondary_button("feedback.close", app.tr("feedback.close"))) f.open = false;
}

// --- "Please call me back" --------------------------------------------------------------------------
void callback_offer(App& app) {
    UiKit& ui = app.ui();
    FeedbackUi& f = app.feedback_ui();
    f.callback_shown = true;
    ui.strong_text(app.tr("callback.title"));
    if (!app.can_report()) {
        ui.paragraph(app.tr("callback.no_case"));
        return;
    }
    const CallbackRequest* request = app.reporter().feedback().callback();
    if (request && !f.callback_editing) {
        std::string phone = phone_for_display(request->phone);
        switch (app.reporter().callback_delivery()) {
            case Delivery::sent: ui.paragraph(app.tr_format("callback.sent", {{"phone", phone}})); break;
            case Delivery::refused: ui.warning(app.tr("callback.refused")); break;
            default:
                ui.paragraph(app.last_post_failed() ? app.tr_format("callback.waiting", {{"phone", phone}})
                                                    : app.tr("callback.sending"));
        }
        if (ui.secondary_button("callback.change", app.tr("callback.change"))) f.callback_editing = true;
        return;
    }
    ui.text_field("callback.phone", app.tr("callback.field"), "tel", "tel", app.tr("callback.hint"));
    if (!f.callback_problem.empty()) ui.warning(app.tr("callback.problem." + f.callback_problem));
    bool submitted = ui.submitted("callback.phone");
    if (ui.secondary_button("callback.request", app.tr("callback.request")) || submitted) {
        PhoneCheck check = check_phone_number(ui.field_value("callback.phone"));
        if (!check.ok()) {
            f.callback_problem = phone_problem_code(check.problem);
            return;
        }
        f.callback_problem.clear();
        f.callback_editing = false;
        app.request_callback(check.e164);
    }
}

// --- The finish screen's report ------------------------------------------------------------------------
void report_summary_section(App& app) {
    UiKit& ui = app.ui();
    Json report = parse_json(app.reporter().last_final());
    if (!report.is_object()) return;
    ui.spacer(8);
    // One account of the journey: what was done is said once, above, device by device; this
    // section adds only what else the provider receives, and whether it has arrived.
    ui.strong_text(app.tr("report.title_finish"));
    auto device_name = [&app](const std::string& id) { return app.device_name_of(id); };
    for (const std::string& line : report_summary(report, app.texts(), device_name, SummaryPart::kBeyondWhatYouDid)) ui.bullet(line);
    if (!app.can_report()) {
        ui.paragraph(app.tr("report.status.no_case"));
    } else {
        switch (app.final_delivery()) {
            case Delivery::sent: ui.strong_text(app.tr("report.status.sent")); break;
            case Delivery::refused: ui.warning(app.tr("report.status.refused")); break;
            default: ui.strong_text(app.tr(app.last_post_failed() ? "report.status.waiting" : "report.status.sending"));
        }
    }
    if (ui.secondary_button("report.save_page", app.tr("report.save_page"))) app.save_report_file(true);
    if (ui.secondary_button("report.save_data", app.tr("report.save_data"))) app.save_report_file(false);
    if (app.feedback_ui().file_saved) ui.paragraph(app.tr("report.saved"));
}

}  // namespace cleanslate
