// reset_check.h — did the customer do a true factory reset, or only a restart?
//
// After the reset the wizard asks a few questions, one per page, whose answers tell a factory
// reset from a restart. The rule that shapes them (DOMAIN.md, "Factory reset versus reboot"):
// a sign proves the reset only if a restart cannot produce it in an ordinary home. So:
//   - "the internet light stays off" is never asked: the customer took the home off the
//     internet first, so it is off after a restart too;
//   - "the Wi-Fi name is the one on the sticker" and "the default login works" prove nothing
//     in a home that never changed them (most homes, and exactly the Mirai case), so they are
//     asked only after the customer said they had changed them;
//   - "the app lost the device" is never asked: with the home off the internet a cloud app
//     shows every device as offline, restarted or reset alike.
// What remains as proof: the device asks for a new password before anyone logs in (Hikvision
// "activate", Dahua "initialization"); a non-recorder starts its first-time setup; it says or
// shows the words the data quotes for a reset (a setup prompt, "inactive"); a password the
// customer had set no longer works, or the default works again; the phone can join the
// sticker's Wi-Fi again after the customer had changed it.
//
// Questions (stable ids; locale keys verify.q.<id>), in the order they are asked:
//   held_full_time        the procedure holds a button: kept pressed until the timer said 0?
//   lights, beeps         the procedure's light or sound (supporting: can send back, never prove)
//   voice_prompt          what the device says: proof when the data quotes the words, else
//                         supporting like beeps
//   shows_text            the words the data quotes on its page, app or screen: proof
//   asks_new_password     asks for a new password before you can log in? (from the data, or
//                         asked anyway as a possible proof when the data has no first-start sign)
//   setup_wizard          starts its first-time setup? (proves it, except on recorders, which can
//                         show their start-up wizard after every restart)
//   had_own_wifi          routers whose data names the sticker's Wi-Fi name or key: had you
//                         changed the Wi-Fi name or password?  -> sticker_wifi_works (after "yes")
//   had_own_password      had you chosen a password of your own for the device?
//                                                      -> old_password_works (after "yes")
//                                                      -> default_login_works (after "yes", when
//                                                         the data names that sign)
// Each question says which answer proves the reset and which points to a restart; the
// questions are phrased positively ("Does your old password still work?"), so "yes" is not
// always the good answer.
//
// Asking stops as soon as the answers decide. evaluate():
//   1. an answer that points to a restart -> retry (with its reason); from the
//      kResetAttemptsBeforeHelp-th attempt on -> help (repeated_failures);
//   2. otherwise an answer that proves the reset -> passed;
//   3. otherwise -> help: not_sure when the customer was unsure of something, cannot_tell when
//      nothing this home can see tells a reset from a restart (a person should check with them).
// So a restart never passes, whatever the home, and "not sure" alone never passes.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace cleanslate {

enum class ResetAnswer { unanswered, yes, no, not_sure };

enum class ResetVerdictKind { passed, retry, help };

// Why the answers point to a restart, or why we send the customer to help
// (locale keys verify.reason.<code>).
enum class ResetReason {
    none,
    released_too_early,        // held_full_time: no
    still_old_wifi,            // sticker_wifi_works: no, after the Wi-Fi had been changed
    no_setup_prompt,           // asks_new_password / setup_wizard: no, where the data says it should
    default_login_fails,       // default_login_works: no, after the password had been changed
    old_password_still_works,  // old_password_works: yes
    no_reset_signal,           // beeps / lights: no
    not_sure,                  // the customer was unsure, and nothing else decided
    cannot_tell,               // nothing this home can see tells a reset from a restart
    repeated_failures,         // the attempts are used up: a person should help
};

inline constexpr int kResetAttemptsBeforeHelp = 3;

struct ResetQuestion {
    std::string id;            // stable, see above
    int sign = -1;             // lights, voice_prompt, shows_text: which of the procedure's signs (its text is the question)
    // Asked only after the question `after` got the answer `after_answer` (empty: always).
    std::string after;
    ResetAnswer after_answer = ResetAnswer::unanswered;
    // The answer only a factory reset produces (unanswered: this question never proves it).
    ResetAnswer proves_reset = ResetAnswer::unanswered;
    // The answer that points to a restart or a too-short press (unanswered: none does).
    ResetAnswer points_to_restart = ResetAnswer::unanswered;
    ResetReason reason_if_restart = ResetReason::none;
};

// A sign as the device data gives it: its type, and whether it quotes the device's own words
// (voice_prompt, shows_text with a "text").
struct ResetSign {
    std::string type;
    bool quotes_words = false;
};

// The questions for one procedure, in the order to ask them. Sign types that prove nothing
// here (internet_settings_lost, app_lost_device, old_password_rejected, which the password
// questions ask better) and unknown ones are left out.
std::vector<ResetQuestion> reset_questions(const std::string& category, const std::vector<ResetSign>& signs,
                                           bool procedure_holds_button);

// Whether question k is asked at all given the answers (its `after` condition holds).
// `answers` runs parallel to `questions`; missing answers count as unanswered.
bool reset_question_applies(const std::vector<ResetQuestion>& questions, const std::vector<ResetAnswer>& answers,
                            size_t k);

// The question to ask next, or questions.size() when the answers already decide or nothing
// is left to ask. Questions are asked in list order.
size_t next_reset_question(const std::vector<ResetQuestion>& questions, const std::vector<ResetAnswer>& answers);

struct ResetVerdict {
    ResetVerdictKind kind = ResetVerdictKind::help;
    ResetReason reason = ResetReason::not_sure;
    std::string question_id;   // the question behind a retry, empty otherwise
};

// `attempt_number` counts verification attempts for this device, starting at 1.
ResetVerdict evaluate(const std::vector<ResetQuestion>& questions, const std::vector<ResetAnswer>& answers,
                      int attempt_number);

// Stable codes for locales and the report.
const char* reset_verdict_code(ResetVerdictKind kind);  // "passed", "retry", "help"
const char* reset_reason_code(ResetReason reason);      // "none", "still_old_wifi", ...
const char* reset_answer_code(ResetAnswer answer);      // "unanswered", "yes", "no", "not_sure"
ResetAnswer reset_answer_from_code(const std::string& code);  // unknown -> unanswered

}  // namespace cleanslate
