// reset_check.h — did the customer do a true factory reset, or only a reboot?
//
// After the reset procedure the wizard asks a few yes / no / not sure questions whose answers
// differ between a factory reset and a reboot. The questions come from the procedure's `signs`
// (devices/schema.json, definitions/sign); a procedure with no telling sign falls back to
// generic questions for its category.
//
// Questions (stable ids; locale keys reset_check.question.<id>):
//   held_full_time         only when the procedure holds a button: "did you keep it pressed for
//                          the whole countdown?"
//   one per sign, id = the sign's type: wifi_name_on_label, asks_new_password, setup_wizard,
//                          default_login_works, app_lost_device, old_password_rejected,
//                          internet_settings_lost, beeps, lights (with light and pattern)
// Decisive questions (a yes proves the reset): wifi_name_on_label, asks_new_password,
// setup_wizard, default_login_works, old_password_rejected. The others only support.
//
// Generic fallback (no decisive sign in the data): old_password_rejected ("the password you set
// yourself no longer works"; a customer who never set one answers not sure) and
// asks_new_password; routers and access points also get wifi_name_on_label. In the fallback a
// "no" to asks_new_password or wifi_name_on_label is neutral: not every device does that.
//
// Rules of evaluate(), in order:
//   1. An answer that points to a reboot (a "no" to held_full_time or to a sign this device is
//      known to show) -> retry, with the reason of the first such question; from the
//      kResetAttemptsBeforeHelp-th attempt on -> help (repeated_failures).
//   2. Otherwise a "yes" to at least one decisive question -> passed.
//   3. Otherwise (only not sure / unanswered on every decisive question) -> help (not_sure).
// So: never passed while any answer points to a reboot, and never passed on "not sure" alone.
#pragma once
#include <string>
#include <vector>

namespace cleanslate {

enum class ResetAnswer { unanswered, yes, no, not_sure };

enum class ResetVerdictKind { passed, retry, help };

// Why the answers point to a reboot, or why we send the customer to help
// (locale keys reset_check.reason.<code>).
enum class ResetReason {
    none,
    released_too_early,        // held_full_time: no
    still_old_wifi_name,       // wifi_name_on_label: no
    no_setup_prompt,           // asks_new_password / setup_wizard: no
    default_login_fails,       // default_login_works: no
    old_password_still_works,  // old_password_rejected: no
    app_still_connected,       // app_lost_device: no
    internet_settings_kept,    // internet_settings_lost: no
    no_reset_signal,           // beeps / lights: no
    not_sure,                  // nothing decisive was confirmed
    repeated_failures,         // the attempts are used up: a person should help
};

inline constexpr int kResetAttemptsBeforeHelp = 3;

struct ResetQuestion {
    std::string id;            // stable: held_full_time or the sign's type
    std::string light;         // for "lights": power, status, wlan, internet, all
    std::string pattern;       // for "lights": blink, off, on, change-color
    bool decisive = false;     // a yes proves the reset
    bool no_means_reboot = true;
    ResetReason reason_if_no = ResetReason::none;
};

// A sign as the device data gives it: its type, and for "lights" which light and pattern.
struct ResetSign {
    std::string type;
    std::string light;
    std::string pattern;
};

// The questions for one procedure, in the order to ask them. Unknown sign types are ignored.
std::vector<ResetQuestion> reset_questions(const std::string& category, const std::vector<ResetSign>& signs,
                                           bool procedure_holds_button);

struct ResetVerdict {
    ResetVerdictKind kind = ResetVerdictKind::help;
    ResetReason reason = ResetReason::not_sure;
    std::string question_id;   // the question behind a retry, empty otherwise
};

// `answers` runs parallel to `questions`; missing answers count as unanswered.
// `attempt_number` counts verification attempts for this device, starting at 1.
ResetVerdict evaluate(const std::vector<ResetQuestion>& questions, const std::vector<ResetAnswer>& answers,
                      int attempt_number);

// Stable codes for locales and the report.
const char* reset_verdict_code(ResetVerdictKind kind);  // "passed", "retry", "help"
const char* reset_reason_code(ResetReason reason);      // "none", "still_old_wifi_name", ...
const char* reset_answer_code(ResetAnswer answer);      // "unanswered", "yes", "no", "not_sure"

}  // namespace cleanslate
