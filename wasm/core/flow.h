// flow.h — the step machine of the customer's journey.
//
// The journey has six steps (welcome, identify, disconnect, reset + verify_reset, password,
// finish); each step has one or more screens, one thing per screen. The machine holds
// where the customer is, how they got there (for Back), and the facts that guard the way
// forward: nobody reaches the password step without a verified factory reset, and nobody
// reaches the finish without a new password or an honest outcome for a device that cannot
// be secured. The whole state round-trips through JSON so a reload resumes; it never holds
// a password, only its strength class.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cleanslate {

// --- Screens and steps ------------------------------------------------------------------
enum class Screen {
    welcome, consent,
    identify_evidence, identify_category, identify_app, identify_brand, identify_model,
    identify_candidates, identify_unknown,
    disconnect,
    reset_steps,
    verify_question, verify_retry, verify_help,
    password_where, password_check, password_hardening, cannot_secure,
    reconnect, finish,
};

enum class Step { welcome, identify, disconnect, reset, verify_reset, password, finish };
// Every step in journey order (keep in step with the enum): the page's task list is derived from it.
constexpr Step kStepsInOrder[] = {Step::welcome, Step::identify, Step::disconnect, Step::reset,
                                  Step::verify_reset, Step::password, Step::finish};

Step step_of(Screen screen);
const char* step_id(Step step);          // stable ids for tests and reports: "verify_reset", ...
const char* screen_id(Screen screen);    // stable ids: "identify_app", ...
bool screen_from_id(std::string_view id, Screen& out);

constexpr int kNumberedSteps = 5;        // "Step 2 of 5": identify .. finish; welcome has no number
int step_number(Step step);              // 0 for welcome

// --- Outcomes -----------------------------------------------------------------------------
enum class Outcome { none, remediated, cannot_secure, device_replaced, needs_help, abandoned };
const char* outcome_id(Outcome outcome);
bool outcome_from_id(std::string_view id, Outcome& out);

// --- Facts that guard the way forward ---------------------------------------------------
enum class Consent { unanswered, given, refused };

struct JourneyFacts {
    Consent consent = Consent::unanswered;
    std::string device_id;          // chosen family ("" until chosen)
    std::string device_chosen_by;   // "evidence", "answers", "search", "generic"
    bool disconnected = false;
    int reset_attempts = 0;
    bool reset_verified = false;
    std::string password_strength;  // strength class only, never the password
    bool password_set = false;
    Outcome outcome = Outcome::none;
};

// --- The machine ----------------------------------------------------------------------------
class Journey {
public:
    Screen screen() const { return screen_; }
    Step step() const { return step_of(screen_); }
    const JourneyFacts& facts() const { return facts_; }
    size_t depth() const { return history_.size(); }   // how many Back presses lead to the start
    bool can_go_back() const { return !history_.empty(); }

    // Whether the facts allow entering a screen now.
    bool allows(Screen target) const;
    // Moves forward to target if allowed (remembering the way back); returns false otherwise.
    bool go(Screen target);
    // Returns to the previous screen; false at the start.
    bool back();

    // Events that change facts. Each keeps the guards true: e.g. a new device choice
    // forgets an earlier reset verification, which was for another device.
    void answer_consent(bool given);
    void choose_device(std::string device_id, std::string chosen_by);
    void confirm_disconnected();
    void record_reset_attempt(bool verified);
    void record_password(std::string strength_class);
    void set_outcome(Outcome outcome);

    // Resume: the state as JSON text and back. from_json rejects anything inconsistent
    // (unknown screen, a screen the facts do not allow) and leaves the journey at the start.
    std::string to_json() const;
    bool from_json(std::string_view text);

private:
    Screen screen_ = Screen::welcome;
    std::vector<Screen> history_;
    JourneyFacts facts_;
};

}  // namespace cleanslate
