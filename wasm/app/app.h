// app.h — the wizard's state as the screens see it, and the events the platform sends in.
//
// The App owns the journey (core step machine), the texts, the notification case from the
// link and the per-screen answers. Screens (one file each in screens/) read this and call
// its methods; they never talk to the browser. The platform layer (wasm/main.cpp) turns
// browser events into calls here and asks for frames only when something changed.
#pragma once
#include "app/ui.h"
#include "core/flow.h"
#include "core/device_db.h"
#include "core/hold_countdown.h"
#include "core/evidence.h"
#include "core/identify.h"
#include "core/identify_view.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/link_token.h"
#include "core/outbox.h"
#include "core/passphrase.h"
#include "core/password_dictionaries.h"
#include "core/password_strength.h"
#include "core/report.h"
#include "core/provider.h"
#include "core/reset_check.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cleanslate {

// --- The notification case the link brought ------------------------------------------------
struct NotificationCase {
    LinkStatus status = LinkStatus::malformed;
    bool present = false;          // false: opened without a link (a helpdesk demo, a bookmark)
    LinkPayload payload;
    std::string token;             // kept only to ask the server; never stored
    std::string server_verdict;    // the server's check: "ok", "bad_signature", ... ("" until it answers)
    // Did it work? How the provider's feed sees this case since the customer's report, as the
    // server said with its verdict (web/server/api/link_api.h); empty when it did not answer.
    std::string case_state;        // "open", "watching", "verified_clean", "reinfected" or ""
    int64_t case_since = 0;        // verified_clean: clean since; reinfected: seen again at (unix seconds)
    int quiet_days = 0;            // the days the provider watches after a report; 0: it has no such check
    std::string ticket() const {
        return present && status != LinkStatus::malformed && server_verdict != "bad_signature" ? payload.ticket : "";
    }
};

// --- Answers given on the way (UI state, kept for Back; no passwords here) ----------------------
struct ScreenAnswers {
    Answers identify;                                 // category, app, brand, model ("" = I don't know)
    std::vector<std::string> verify_answers;         // reset verification: answer codes, one per question
    std::string verify_reason;                        // why the last check said "try again"
    int verify_shown_page = -1;                       // the question on screen (a new one
    std::string verify_shown_id;                      // starts without the "choose an answer" error)
    bool verify_missing_answer = false;               // "continue" pressed with no answer chosen
    // The password step. Nothing here is saved or sent: after a reload the customer chooses again.
    std::string passphrase;                           // the suggestion on screen
    double passphrase_bits = 0;                       // its entropy: how it was made
    std::string password_choice;                      // "suggestion", "own" or "own_unchecked", once chosen
    std::string copy_result;                          // "copied" / "failed" after the Copy button
    bool show_own_password = false;                   // the Show toggle of an own password
    std::string internet_works;                       // reconnecting a router: "yes" / "no" / ""
    std::string password_error;                       // why going on was refused: a refusal code, "empty", ...
    PasswordVerdict password_verdict;                 // for the typed text as of field change...
    unsigned password_verdict_at = ~0u;
    unsigned password_verdict_lists = ~0u;            // ...and with the lists at this revision               // ...number password_verdict_at (rechecked only on change)
    size_t procedure_index = 0;                       // which reset procedure is shown
    HoldCountdown hold;                               // hold-the-button timer (one per hold page)
    double wait_started_ms = -1;                      // "wait N minutes" timer on the page shown
    bool asked_to_wait = false;                       // "continue" pressed before the journey's files were in
    bool early_press_warned = false;                  // "continue" pressed before a wait timer ran out
};

// --- The think-aloud control and call-back form (UI state only; what is said lives in Reporter) ---
struct FeedbackUi {
    bool open = false;                  // the panel at the foot of the screen is unfolded
    std::string thanked_on;             // the screen where "Thank you, we kept it" shows
    bool nothing_to_save = false;       // "Save" pressed with an empty box
    bool callback_form = false;         // the call-back form is open (after "I'm stuck")
    bool callback_editing = false;      // "Give another number" after a request
    bool callback_shown = false;        // a help screen drew the form this frame: the panel does not repeat it
    std::string callback_problem;       // phone_problem_code of the last attempt, "" if none
    bool recording = false;             // a voice note is being recorded
    double recording_since_ms = 0;
    std::string voice_problem;          // "denied", "unavailable", "too_many", "too_big"
    bool file_saved = false;            // a download was started on the finish screen
};

class App {
public:
    // --- Start-up and platform events ---------------------------------------------------------
    // The language of the first screen: the one this phone's saved journey was last shown in,
    // else the link's, else the browser's, else Dutch. The page loads only that language's
    // texts before the first frame (fewer bytes to wait for); the other is fetched when the
    // customer switches to it.
    static std::string first_locale(const std::string& fragment, const std::vector<std::string>& browser_languages,
                                    double unix_now);
    // locale_code is first_locale()'s answer and locale_text that language's texts.
    void start(const std::string& locale_code, const std::string& locale_text, const std::string& fragment,
               const std::vector<std::string>& browser_languages, double unix_now,
               const std::string& provider_json = "");
    // Draws one frame (draw may be null: the page without WebGL still publishes its tree);
    // returns true when another frame is needed right away (a screen change).
    bool frame(ImDrawList* draw, const UiFonts& fonts, const UiView& view);
    void on_history(size_t depth);                   // the browser's Back/Forward
    void on_asset(const std::string& name, std::string text);
    void on_asset_failed(const std::string& name);
    void on_offline_ready(bool ready) { offline_ready_ = ready; }
    UiKit& ui() { return ui_; }

    // --- What screens use -----------------------------------------------------------------------
    const std::string& tr(const std::string& key) const { return texts().text(key); }
    std::string tr_format(const std::string& key, const TextArgs& args) const { return texts().format(key, args); }
    const Catalog& texts() const;
    const std::string& locale() const { return locale_; }
    Journey& journey() { return journey_; }
    const NotificationCase& notification() const { return case_; }
    ScreenAnswers& answers() { return answers_; }
    double now_ms() const { return now_ms_; }

    // The manufacturer database arrives after the first screen (it is not needed to start).
    const DeviceDb* db() const { return db_ready_ ? &db_ : nullptr; }
    bool db_failed() const { return db_failed_; }
    const Family* device() const;                      // the chosen family, once the db is in
    // The customer confirmed which device it is: a device the data says cannot be secured
    // hears so first (before any reset); any other goes on to taking the home off the internet.
    void confirm_device(const std::string& family_id, const std::string& chosen_by);
    // The reset procedure on screen (the customer may have chosen another way), or nullptr.
    const ResetProcedure* reset_procedure() const;
    bool device_is_router() const;                     // routers and access points: the home network itself
    std::string device_the() const;                    // "the camera" / "de camera"
    // The device in the customer's words: "Camera van Hikvision" (family_names.h).
    std::string device_name() const;
    std::string device_name_of(const std::string& family_id) const;
    std::string device_name(const Family& family) const;

    // Identification: the link's evidence plus the customer's answers so far; what the
    // identify screens offer (identify_view.h) — empty until the database is in.
    Evidence evidence() const;
    Identification identification() const;
    IdentifyPlan identification_outcome() const;       // the choices for what is known now
    void route_to_next_question();                     // the next question, or the outcome's screen
    // A family in the customer's words, named as their answers suggest ("Camera van Amcrest").
    FamilyWords family_words_of(const Family& family) const;
    const std::string& helpdesk() const;               // from the link, else the provider's number
    const std::string& helpdesk_hours() const;         // the provider's opening hours in this language
    const ProviderConfig& provider() const { return provider_; }
    std::string provider_name() const;                 // the provider's name, else "your internet provider"

    // Offline: true once the browser holds every file the rest of the journey needs (the
    // service worker's cache), so a reload or any later step works with the home off the
    // internet. Screens that send the customer offline say "you can go offline now" only then.
    bool offline_ready() const { return offline_ready_; }

    // The password step's data is fetched right after the first frame, long before the home
    // goes offline: the common-password and Mirai lists, and the dictionary and passphrase
    // words of the language on the screen (the other language's too once the customer switches
    // to it, while the internet is still there). Until the check's lists are in, these return
    // nullptr, and password_data_failed() says when they could not be loaded (after retries).
    void want_password_data();
    // Whether everything the rest of the journey needs is loaded (the device database, the
    // password step's lists), so it keeps working once the home is off the internet — as long
    // as this page stays open. password_data_failed(): a list could not be loaded.
    bool journey_data_loaded() const;
    bool password_data_failed() const { return password_data_failed_; }
    const PasswordDictionaries* password_dictionaries() const;
    // The check runs with any one language's dictionary; this is true when the screen's
    // language's could not be loaded (switched with the home offline, after the retries): the
    // screen says whose words it knows.
    bool check_lacks_screen_language() const;
    const std::vector<std::string>* passphrase_words() const;
    PasswordContext password_context() const;           // this device's defaults and names

    // Page frame: the provider's bar with the language switch, Back, the task list and the
    // heading (also the document's title, after the screen's own). Returns false when the
    // customer pressed Back or switched language (the screen stops drawing this frame).
    bool page(const std::string& heading);
    // A GOV.UK question page: the question is the h1 and the document's title, with a small
    // caption above it ("Vraag 2 van 3"). A new question is a new page: focus moves to it,
    // the caption is announced, and taps are ignored for a moment (no double-tap answers).
    bool question_page(const std::string& question, const std::string& caption = "");
    void go(Screen screen);                           // forward, with browser history
    void go_part(int part);                           // the next part of a multi-part screen
    void back();
    // "Have another device?": the next device of the same case starts at identification.
    void start_another_device();
    // Whether the current device is not the first of this case (identification then no
    // longer uses the link's evidence, which was about the first one).
    bool later_device() const;
    void wake_in(double ms) { wake_ms_ = wake_ms_ < 0 ? ms : std::min(wake_ms_, ms); }
    double take_wake() { double w = wake_ms_; wake_ms_ = -1; return w; }

    std::string state_json() const;                   // window.cleanslate.state()

    // --- The report and the customer's feedback (app_report.cpp) -------------------------------
    Reporter& reporter() { return reporter_; }
    FeedbackUi& feedback_ui() { return feedback_ui_; }
    Moment moment() const;                            // this screen and the time, for what is said
    void feedback_changed();                          // keeps it (saved for a reload)
    void request_callback(const std::string& e164);   // sent at once, in a progress report
    bool can_report() const { return report_case().can_report(); }
    Delivery final_delivery() const;                  // the report of the last finish
    bool last_post_failed() const { return last_post_failed_; }   // the network or server failed last time
    bool report_on_screen() const;                    // a delivery state is shown: redraw on an answer
    void save_report_file(bool readable_page);        // the customer's copy, as a download
    void start_voice_note();
    void stop_voice_note();
    // Platform events for the report (entry points in main.cpp).
    void on_report_answer(const std::string& key, int http_status, double retry_after_s);
    void on_report_tick();
    void on_report_online();
    void on_voice_note(const std::string& mime, std::string base64, double seconds);
    void on_voice_state(const std::string& state);

private:
    void report_start(const Json* saved);
    void report_frame();                              // after each frame: timings, progress, final, outbox
    void queue_progress();
    void pump_outbox();
    void want_lexicons();
    ReportCase report_case() const;
    Lexicons lexicons() const;
    Json report_state() const;                        // for window.cleanslate.state().report
    void set_locale(const std::string& code);
    void save();
    std::string title() const;
    bool chrome();                                     // the part of page() above the heading

    DeviceDb db_;
    PasswordDictionaries dictionaries_;
    std::vector<std::string> words_[2];                // nl, en
    int common_parts_ = 0;                             // of kCommonPasswordParts loaded
    bool dictionary_loaded_[2] = {false, false};       // nl, en
    bool dictionary_failed_[2] = {false, false};       // nl, en: not loaded after the retries
    bool password_data_requested_[2] = {false, false}; // nl, en
    bool password_data_failed_ = false;
    bool offline_ready_ = false;
    bool db_ready_ = false, db_failed_ = false;
    bool background_loads_started_ = false;           // device list and link check, after the first frame
    Journey journey_;
    // nl, en. Each language comes in two parts: the first screen's texts and the rest
    // (locales/split/first-screen.json). The screen's language's first part comes with the
    // boot and its rest right after the first frame; the other language's when asked for.
    Catalog catalogs_[2];
    bool first_texts_[2] = {false, false}, rest_texts_[2] = {false, false};
    bool texts_requested_[2] = {false, false}, texts_failed_[2] = {false, false};
    bool texts_complete(int language) const { return first_texts_[language] && rest_texts_[language]; }
    void request_texts(int language);   // the parts of a language not yet in, once
    void texts_loading_page();          // a screen past the welcome before its texts are in
    std::string locale_ = "nl";
    std::string waiting_for_locale_;                   // the customer switched to a language still loading
    NotificationCase case_;
    ProviderConfig provider_;
    std::string page_title_, announcement_;           // this frame's question page, if any
    ScreenAnswers answers_;
    UiKit ui_;
    Reporter reporter_;
    Outbox outbox_;
    ThemeLexicon lexicons_[2];                         // nl, en: loaded once consent is given
    bool lexicons_requested_ = false;
    FeedbackUi feedback_ui_;
    Screen reported_screen_ = Screen::welcome;         // the screen the timings and progress last saw
    bool moved_back_ = false;                          // the last move was a Back
    bool last_post_failed_ = false;
    double now_ms_ = 0;
    double wake_ms_ = -1;
    bool screen_changed_ = false;
    size_t published_depth_ = 0;
};

}  // namespace cleanslate
