// flow.h — the step machine of the customer's journey.
//
// The journey has six steps (welcome, identify, disconnect, reset + verify_reset, password,
// finish); each step has one or more screens, one thing per screen. A screen that shows a
// sequence one item at a time (a reset procedure's actions, the verification questions) has
// parts; Back goes to the previous part first. The machine holds where the customer is, how
// they got there (for Back), and the facts that guard the way forward: nobody reaches the
// password step without a verified factory reset, and nobody reaches the finish without a new
// password or an honest outcome for a device that cannot be secured. A device the data says
// cannot be secured is told so right after it is confirmed, before any reset. Mirai often
// infects several devices in one home, so one case can cover more than one device: the finish
// offers "another device", which files the device just handled as a record and starts
// identification again in the same case. The whole state round-trips through JSON so a reload
// resumes; it never holds a password, only its strength class.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cleanslate {

// --- Screens and steps ------------------------------------------------------------------
enum class Screen {
    welcome,
    identify_evidence, identify_category, identify_app, identify_brand, identify_model,
    identify_candidates, identify_unknown,
    unsafe_choice, unsafe_steps,                       // cannot be secured: the honest choices, before any reset
    disconnect_prepare, disconnect_line, disconnect,   // take the home off the internet
    reset_connection, reset_method, reset_steps, reset_join_wifi,
    verify_question, verify_retry, verify_help,
    password_choose, password_own, password_steps, password_hardening, cannot_secure,
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
// (Consent to keep feedback guards nothing: it lives with the feedback, core/feedback.h.)
// One reset-verification answer: the question's stable id (reset_check.h) and
// "yes" / "no" / "not_sure" / "unanswered".
using VerificationAnswer = std::pair<std::string, std::string>;

// One run through the verification questions, for the report and the helpdesk.
struct VerificationAttempt {
    std::string verdict;   // "passed", "retry", "help" (core/reset_check codes)
    std::string reason;    // why, e.g. "released_too_early"; "none" when passed
    std::vector<VerificationAnswer> answers;   // as asked
};

struct JourneyFacts {
    std::string device_id;          // chosen family ("" until chosen)
    std::string device_chosen_by;   // "evidence", "answers", "search", "generic"
    bool device_unsafe = false;     // the data says it cannot be secured: no reset, honest choices
    std::string internet_line;      // how the internet comes in: "dsl", "coax", "fibre", "unknown" ("" = not asked)
    std::string connection;         // how the device joins the home network: "wifi", "cable", "poe", "unknown" ("" = not asked)
    bool disconnected = false;      // the customer took the home off the internet
    int reset_attempts = 0;
    bool reset_verified = false;
    std::vector<VerificationAttempt> verification;   // this device's attempts, oldest first (at most 20 kept)
    std::string password_strength;  // strength class only, never the password
    bool password_set = false;
    Outcome outcome = Outcome::none;
};

// --- A device handled in this case (what the completion report lists per device) ----------
struct DeviceRecord {
    std::string device_id;
    std::string chosen_by;
    bool device_unsafe = false;     // told it cannot be secured: no reset was asked
    int reset_attempts = 0;
    bool reset_verified = false;
    std::vector<VerificationAttempt> verification;
    std::string password_strength;  // strength class only
    bool password_set = false;
    Outcome outcome = Outcome::none;
};

// --- The machine ----------------------------------------------------------------------------
class Journey {
public:
    Screen screen() const { return screen_; }
    // Some screens show a sequence one item at a time (a reset's actions, the verification
    // questions, the device's password steps): part() says which. Each part is its own place on the way back, so Back (and
    // the browser's Back) returns to the previous part, and a reload resumes at it.
    int part() const { return part_; }
    Step step() const { return step_of(screen_); }
    const JourneyFacts& facts() const { return facts_; }
    size_t depth() const { return history_.size(); }   // how many Back presses lead to the start
    bool can_go_back() const;
    // Every device of this case so far, in the order handled: the earlier ones as filed by
    // start_another_device(), then the current one once it is chosen.
    std::vector<DeviceRecord> devices() const;
    // Whether the current device has come to an end the finish can report: a verified reset
    // with a new password, or an honest outcome for a device that cannot be secured.
    bool current_device_done() const;

    // Whether the facts allow entering a screen now.
    bool allows(Screen target) const;
    // Moves forward to target if allowed (remembering the way back); returns false otherwise.
    bool go(Screen target);
    // Moves to another part of the current screen (remembering the way back); false when
    // it is the part already shown or negative.
    bool go_part(int part);
    // Returns to the previous screen (or part); false at the start.
    bool back();

    // Events that change facts. Each keeps the guards true: e.g. a new device choice
    // forgets an earlier reset verification, which was for another device.
    // can_be_secured: false when the data says no customer can make it safe.
    void choose_device(std::string device_id, std::string chosen_by, bool can_be_secured = true);
    void choose_internet_line(std::string line);
    void choose_connection(std::string connection);
    void confirm_disconnected();
    void record_reset_attempt(bool verified);
    void record_reset_attempt(VerificationAttempt attempt);   // verified when its verdict is "passed"
    void record_password(std::string strength_class);
    void set_outcome(Outcome outcome);
    // "Have another device?" on the finish: files the current device (when it is done) as a
    // record and starts identification for the next one, in the same case and consent. The
    // way back leads to the finish, which then sums up the devices handled so far. Returns
    // false (and changes nothing) anywhere but on the finish.
    bool start_another_device();

    // Resume: the state as JSON text and back. from_json rejects anything inconsistent
    // (unknown screen, a screen the facts do not allow) and leaves the journey at the start.
    std::string to_json() const;
    bool from_json(std::string_view text);

private:
    struct Place { Screen screen; int part; };
    Screen screen_ = Screen::welcome;
    int part_ = 0;
    std::vector<Place> history_;
    JourneyFacts facts_;
    std::vector<DeviceRecord> earlier_devices_;   // filed by start_another_device()

    size_t nearest_allowed() const;
};

}  // namespace cleanslate
