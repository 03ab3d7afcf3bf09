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
#include "core/evidence.h"
#include "core/identify.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/link_token.h"
#include "core/passphrase.h"
#include "core/password_dictionaries.h"
#include "core/password_strength.h"
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
    std::string ticket() const {
        return present && status != LinkStatus::malformed && server_verdict != "bad_signature" ? payload.ticket : "";
    }
};

// --- Answers given on the way (UI state, kept for Back; no passwords here) ----------------------
struct ScreenAnswers {
    Answers identify;                                 // category, app, brand, model ("" = I don't know)
    std::vector<std::string> verify_answers;         // reset verification, one per question
    size_t verify_index = 0;
    bool question_unanswered = false;                 // "Doorgaan" without a choice: show the error
    std::string verify_reason;                        // why the last check said "try again"
    std::string passphrase;                           // the suggestion on screen (never saved)
    PasswordVerdict password_verdict;                 // for the typed text as of field change...
    unsigned password_verdict_at = ~0u;               // ...number password_verdict_at (rechecked only on change)
    size_t procedure_index = 0;                       // which reset procedure is shown
    double countdown_started_ms = -1;                 // hold-the-button timer
    int countdown_seconds = 0;
    bool countdown_done = false;
};

class App {
public:
    // --- Start-up and platform events ---------------------------------------------------------
    void start(const std::string& locale_nl, const std::string& locale_en, const std::string& fragment,
               const std::vector<std::string>& browser_languages, double unix_now,
               const std::string& provider_json = "");
    // Draws one frame (draw may be null: the page without WebGL still publishes its tree);
    // returns true when another frame is needed right away (a screen change).
    bool frame(ImDrawList* draw, const UiFonts& fonts, const UiView& view);
    void on_history(size_t depth);                   // the browser's Back/Forward
    void on_asset(const std::string& name, std::string text);
    void on_asset_failed(const std::string& name);
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
    std::string device_the() const;                    // "the camera" / "de camera"
    std::string device_name() const;                   // "XiongMai XMEye recorder"

    // Identification: the link's evidence plus the customer's answers so far.
    Evidence evidence() const;
    Identification identification() const;
    void route_to_next_question();                     // the engine picks the most useful next screen
    std::string reason_text(const Reason& reason) const;
    std::string candidate_name(const Candidate& candidate) const;
    const std::string& helpdesk() const;               // from the link, else the provider's number
    const std::string& helpdesk_hours() const;         // the provider's opening hours in this language
    const ProviderConfig& provider() const { return provider_; }
    std::string provider_name() const;                 // the provider's name, else "your internet provider"

    // The password step's data (common passwords, dictionaries, word lists) is fetched when
    // the customer reaches that step; until then these return nullptr.
    void want_password_data();
    const PasswordDictionaries* password_dictionaries() const;
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
    void back();
    void wake_in(double ms) { wake_ms_ = wake_ms_ < 0 ? ms : std::min(wake_ms_, ms); }
    double take_wake() { double w = wake_ms_; wake_ms_ = -1; return w; }

    std::string state_json() const;                   // window.cleanslate.state()

private:
    void set_locale(const std::string& code);
    void save();
    std::string title() const;
    bool chrome();                                     // the part of page() above the heading

    DeviceDb db_;
    PasswordDictionaries dictionaries_;
    std::vector<std::string> words_[2];                // nl, en
    int dictionary_parts_ = 0;                         // of kDictionaryParts loaded
    bool password_data_requested_ = false;
    bool db_ready_ = false, db_failed_ = false;
    bool background_loads_started_ = false;           // device list and link check, after the first frame
    Journey journey_;
    Catalog catalogs_[2];
    std::string locale_ = "nl";
    NotificationCase case_;
    ProviderConfig provider_;
    std::string page_title_, announcement_;           // this frame's question page, if any
    ScreenAnswers answers_;
    UiKit ui_;
    double now_ms_ = 0;
    double wake_ms_ = -1;
    bool screen_changed_ = false;
    size_t published_depth_ = 0;
};

}  // namespace cleanslate
