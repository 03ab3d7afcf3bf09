// app_report.cpp — the App's side of the report: keeps the Reporter in step with the journey
// (timings on every screen change, a progress report per move, the final report at the
// finish), delivers reports through the outbox, and carries out what the feedback panel asks.
#include "app/app.h"
#include "core/report_summary.h"
#include "platform/browser.h"
#include "platform/report_io.h"
#include <algorithm>

namespace cleanslate {

namespace {
int64_t unix_now() { return static_cast<int64_t>(platform::unix_seconds()); }
double unix_ms() { return platform::unix_seconds() * 1000; }
bool ends_with(const std::string& text, const char* tail) {
    std::string_view t(tail);
    return text.size() >= t.size() && text.compare(text.size() - t.size(), t.size(), t) == 0;
}
}  // namespace

// --- Start and every frame ---------------------------------------------------------------------
void App::report_start(const Json* saved) {
    if (!saved || !reporter_.from_json(*saved)) {
        uint8_t bytes[16];
        platform::fill_random(bytes, sizeof bytes);
        reporter_.begin(make_report_id(bytes), unix_now());
    }
    outbox_.from_json(platform::load_outbox());   // every journey's reports still waiting on this browser
    reported_screen_ = journey_.screen();
    reporter_.timings().moved(screen_id(reported_screen_), step_id(journey_.step()), false,
                              reporter_.seconds_since_start(unix_now()));
    if (reporter_.feedback().may_keep()) want_lexicons();
    queue_progress();   // the link was opened (or opened again): the provider sees where the customer is
    save();             // the report id and the progress sequence survive a reload from here on
}

ReportCase App::report_case() const {
    std::string ticket = case_.ticket();
    return ReportCase{ticket.empty() ? std::string() : case_.token, ticket, locale_};
}

Lexicons App::lexicons() const {
    Lexicons out;
    if (!lexicons_[0].language().empty()) out["nl"] = &lexicons_[0];
    if (!lexicons_[1].language().empty()) out["en"] = &lexicons_[1];
    return out;
}

void App::want_lexicons() {
    if (lexicons_requested_) return;
    lexicons_requested_ = true;
    platform::request_asset("themes-nl", "locales/themes/nl.json");
    platform::request_asset("themes-en", "locales/themes/en.json");
}

void App::report_frame() {
    if (journey_.screen() != reported_screen_) {
        reported_screen_ = journey_.screen();
        reporter_.timings().moved(screen_id(reported_screen_), step_id(journey_.step()), moved_back_,
                                  reporter_.seconds_since_start(unix_now()));
        if (reported_screen_ == Screen::finish) {
            // The finish: the whole journey, once per arrival (a second device makes a new revision).
            Json report = reporter_.final_report(report_case(), journey_, lexicons(), unix_now());
            reporter_.keep_final(report);
            if (can_report()) outbox_.put(reporter_.report_id(), true, report.dump(), unix_ms());
            else reporter_.set_final_delivery(Delivery::not_queued);
        }
        queue_progress();
        // A new screen starts with the panel folded, unless a voice note is still being recorded.
        bool recording = feedback_ui_.recording;
        double since = feedback_ui_.recording_since_ms;
        feedback_ui_ = FeedbackUi();
        feedback_ui_.open = feedback_ui_.recording = recording;
        feedback_ui_.recording_since_ms = since;
        save();
    }
    moved_back_ = false;
    pump_outbox();
}

// --- Delivery ------------------------------------------------------------------------------------
void App::queue_progress() {
    ReportCase c = report_case();
    if (!c.can_report()) return;
    outbox_.put(reporter_.report_id(), false, reporter_.progress(c, journey_, unix_now()).dump(), unix_ms());
    platform::save_outbox(outbox_.to_json());
}

void App::pump_outbox() {
    if (outbox_.in_flight()) return;   // its answer pumps again
    double now = unix_ms();
    if (const OutboxItem* item = outbox_.take_due(now)) {
        platform::post_report(item->key, item->body);
        return;
    }
    double next = outbox_.next_due_ms();
    if (next >= 0) platform::report_wake_after(std::max(0.0, next - now));
}

void App::on_report_answer(const std::string& key, int http_status, double retry_after_s) {
    Outbox::Answer answer = outbox_.answered(key, http_status, retry_after_s, unix_ms());
    last_post_failed_ = answer.delivery == Delivery::waiting;
    bool settled = answer.delivery == Delivery::sent || answer.delivery == Delivery::refused;
    if (settled && ends_with(key, ":final") && key.rfind(reporter_.report_id(), 0) == 0)
        reporter_.set_final_delivery(answer.delivery);
    // A progress report that carried the call-back request: the request has arrived (or cannot).
    if (settled && ends_with(key, ":progress") && reporter_.callback_delivery() == Delivery::waiting &&
        json_member(parse_json(answer.body), "callback"))
        reporter_.set_callback_delivery(answer.delivery);
    platform::save_outbox(outbox_.to_json());
    if (settled) save();
    pump_outbox();
}

void App::on_report_tick() { pump_outbox(); }

void App::on_report_online() {
    outbox_.online(unix_ms());
    pump_outbox();
}

bool App::report_on_screen() const {
    return journey_.screen() == Screen::finish || reporter_.feedback().callback() || feedback_ui_.open;
}

Delivery App::final_delivery() const { return reporter_.final_delivery(); }

// --- What the panel asks ---------------------------------------------------------------------------
Moment App::moment() const {
    return Moment{screen_id(journey_.screen()), step_id(journey_.step()), reporter_.seconds_since_start(unix_now())};
}

void App::feedback_changed() {
    if (reporter_.feedback().may_keep()) want_lexicons();
    save();
}

void App::request_callback(const std::string& e164) {
    reporter_.feedback().request_callback(e164, moment());
    reporter_.set_callback_delivery(can_report() ? Delivery::waiting : Delivery::not_queued);
    queue_progress();   // at once: a person should call, not wait for the end of the journey
    save();
    pump_outbox();
}

void App::start_voice_note() {
    feedback_ui_.voice_problem.clear();
    if (reporter_.feedback().voice_notes().size() >= kMaxVoiceNotes) { feedback_ui_.voice_problem = "too_many"; return; }
    platform::voice_start();
}

void App::stop_voice_note() { platform::voice_stop(); }

void App::on_voice_state(const std::string& state) {
    if (state == "recording") {
        feedback_ui_.recording = true;
        feedback_ui_.recording_since_ms = platform::now_ms();
        return;
    }
    feedback_ui_.recording = false;
    feedback_ui_.voice_problem = state;   // "denied" or "unavailable"
}

void App::on_voice_note(const std::string& mime, std::string base64, double seconds) {
    feedback_ui_.recording = false;
    VoiceRejection rejected = reporter_.feedback().add_voice_note({moment(), std::min(seconds, kMaxVoiceSeconds), mime, std::move(base64)});
    if (rejected == VoiceRejection::too_big) feedback_ui_.voice_problem = "too_big";
    else if (rejected == VoiceRejection::too_many) feedback_ui_.voice_problem = "too_many";
    else if (rejected == VoiceRejection::none) feedback_changed();
}

// --- The customer's copy ------------------------------------------------------------------------------
void App::save_report_file(bool readable_page) {
    Json report = parse_json(reporter_.last_final());
    if (!report.is_object()) return;
    std::string ticket = json_string(report, "ticket");
    std::string name = "cleanslate-" + (ticket.empty() ? std::string("report") : ticket);
    if (readable_page) {
        auto device_name = [this](const std::string& id) { return device_name_of(id); };
        platform::save_file(name + ".html", "text/html", report_page_html(texts(), report, report_summary(report, texts(), device_name)));
    } else {
        platform::save_file(name + ".json", "application/json", report.dump(2));
    }
    feedback_ui_.file_saved = true;
}

Json App::report_state() const {
    return Json{{"id", reporter_.report_id()}, {"final", delivery_code(reporter_.final_delivery())},
                {"revision", reporter_.revision()}, {"callback", delivery_code(reporter_.callback_delivery())},
                {"outbox", outbox_.size()}, {"feedback", reporter_.feedback().entries().size()},
                {"voice_notes", reporter_.feedback().voice_notes().size()}};
}

}  // namespace cleanslate
