// reset_check.cpp — verification questions for a factory reset, the order they are asked in,
// and their verdict. See reset_check.h for why each question is (or is not) proof.
#include "core/reset_check.h"

#include <algorithm>

namespace cleanslate {
namespace {

using A = ResetAnswer;

bool has_sign(const std::vector<ResetSign>& signs, const char* type) {
    return std::any_of(signs.begin(), signs.end(), [&](const ResetSign& s) { return s.type == type; });
}

ResetQuestion question(const char* id, A proves_reset, A points_to_restart, ResetReason reason_if_restart) {
    ResetQuestion q;
    q.id = id;
    q.proves_reset = proves_reset;
    q.points_to_restart = points_to_restart;
    q.reason_if_restart = reason_if_restart;
    return q;
}

ResetQuestion asked_after(ResetQuestion q, const char* after, A after_answer) {
    q.after = after;
    q.after_answer = after_answer;
    return q;
}

A answer_to(const std::vector<A>& answers, size_t k) { return k < answers.size() ? answers[k] : A::unanswered; }

}  // namespace

// --- Questions ----------------------------------------------------------------------------------
std::vector<ResetQuestion> reset_questions(const std::string& category, const std::vector<ResetSign>& signs,
                                           bool procedure_holds_button) {
    std::vector<ResetQuestion> questions;
    // First what catches a too-short press: the customer still has the device in mind.
    if (procedure_holds_button)
        questions.push_back(question("held_full_time", A::unanswered, A::no, ResetReason::released_too_early));
    // Then what the device did at the reset: lights and sounds support (a restart blinks and
    // beeps too); the device's own words, quoted by the data, prove it.
    bool beeps_asked = false;
    auto from_sign = [&](ResetQuestion q, size_t index) { q.sign = static_cast<int>(index); questions.push_back(std::move(q)); };
    for (size_t i = 0; i < signs.size(); ++i) {
        const ResetSign& sign = signs[i];
        if (sign.type == "lights") from_sign(question("lights", A::unanswered, A::no, ResetReason::no_reset_signal), i);
        else if (sign.type == "voice_prompt" && !sign.quotes_words) from_sign(question("voice_prompt", A::unanswered, A::no, ResetReason::no_reset_signal), i);
        else if (sign.type == "beeps" && !beeps_asked) {
            beeps_asked = true;
            questions.push_back(question("beeps", A::unanswered, A::no, ResetReason::no_reset_signal));
        }
    }
    for (size_t i = 0; i < signs.size(); ++i) {
        const ResetSign& sign = signs[i];
        if ((sign.type == "voice_prompt" || sign.type == "shows_text") && sign.quotes_words)
            from_sign(question(sign.type == "voice_prompt" ? "voice_prompt" : "shows_text", A::yes, A::no, ResetReason::no_reset_signal), i);
    }

    // What the device does on its first start. Asking for a new password before anyone logs in
    // is proof. A recorder's start-up wizard is not: recorders can show it after every restart.
    bool data_says_new_password = has_sign(signs, "asks_new_password");
    bool data_says_setup = has_sign(signs, "setup_wizard");
    if (data_says_new_password)
        questions.push_back(question("asks_new_password", A::yes, A::no, ResetReason::no_setup_prompt));
    if (data_says_setup)
        questions.push_back(question("setup_wizard", category == "recorder" ? A::unanswered : A::yes, A::no,
                                     ResetReason::no_setup_prompt));
    // Without such a sign in the data, a new-password prompt still proves the reset if the
    // customer sees one; not seeing one says nothing.
    if (!data_says_new_password && !data_says_setup)
        questions.push_back(question("asks_new_password", A::yes, A::unanswered, ResetReason::none));

    // The sticker's Wi-Fi is proof only in a home that had changed it.
    if (has_sign(signs, "wifi_name_on_label") || has_sign(signs, "wifi_key_on_label")) {
        questions.push_back(question("had_own_wifi", A::unanswered, A::unanswered, ResetReason::none));
        questions.push_back(asked_after(question("sticker_wifi_works", A::yes, A::no, ResetReason::still_old_wifi),
                                        "had_own_wifi", A::yes));
    }
    // So is the password: a reset forgets a password the customer had set; a default that was
    // never changed works after a restart too.
    questions.push_back(question("had_own_password", A::unanswered, A::unanswered, ResetReason::none));
    questions.push_back(asked_after(question("old_password_works", A::no, A::yes, ResetReason::old_password_still_works),
                                    "had_own_password", A::yes));
    if (has_sign(signs, "default_login_works"))
        questions.push_back(asked_after(question("default_login_works", A::yes, A::no, ResetReason::default_login_fails),
                                        "had_own_password", A::yes));
    return questions;
}

// --- Asking -------------------------------------------------------------------------------------
bool reset_question_applies(const std::vector<ResetQuestion>& questions, const std::vector<ResetAnswer>& answers,
                            size_t k) {
    if (k >= questions.size()) return false;
    const ResetQuestion& q = questions[k];
    if (q.after.empty()) return true;
    for (size_t j = 0; j < k; ++j)
        if (questions[j].id == q.after) return answer_to(answers, j) == q.after_answer;
    return false;
}

namespace {
// Whether an answered, applicable question decides the verdict on its own.
bool decides(const ResetQuestion& q, A answer) {
    return answer != A::unanswered && (answer == q.proves_reset || answer == q.points_to_restart);
}
}  // namespace

size_t next_reset_question(const std::vector<ResetQuestion>& questions, const std::vector<ResetAnswer>& answers) {
    for (size_t k = 0; k < questions.size(); ++k) {
        if (!reset_question_applies(questions, answers, k)) continue;
        A answer = answer_to(answers, k);
        if (answer == A::unanswered) return k;
        if (decides(questions[k], answer)) return questions.size();
    }
    return questions.size();
}

// --- Verdict --------------------------------------------------------------------------------------
ResetVerdict evaluate(const std::vector<ResetQuestion>& questions, const std::vector<ResetAnswer>& answers,
                      int attempt_number) {
    for (size_t k = 0; k < questions.size(); ++k) {
        if (!reset_question_applies(questions, answers, k)) continue;
        const ResetQuestion& q = questions[k];
        if (q.points_to_restart != A::unanswered && answer_to(answers, k) == q.points_to_restart) {
            if (attempt_number >= kResetAttemptsBeforeHelp) return {ResetVerdictKind::help, ResetReason::repeated_failures, q.id};
            return {ResetVerdictKind::retry, q.reason_if_restart, q.id};
        }
    }
    bool unsure = false;
    for (size_t k = 0; k < questions.size(); ++k) {
        if (!reset_question_applies(questions, answers, k)) continue;
        A answer = answer_to(answers, k);
        if (questions[k].proves_reset != A::unanswered && answer == questions[k].proves_reset)
            return {ResetVerdictKind::passed, ResetReason::none, {}};
        unsure = unsure || answer == A::not_sure;
    }
    return {ResetVerdictKind::help, unsure ? ResetReason::not_sure : ResetReason::cannot_tell, {}};
}

// --- Codes -----------------------------------------------------------------------------------------
const char* reset_verdict_code(ResetVerdictKind kind) {
    switch (kind) {
        case ResetVerdictKind::passed: return "passed";
        case ResetVerdictKind::retry: return "retry";
        case ResetVerdictKind::help: return "help";
    }
    return "help";
}

const char* reset_reason_code(ResetReason reason) {
    switch (reason) {
        case ResetReason::none: return "none";
        case ResetReason::released_too_early: return "released_too_early";
        case ResetReason::still_old_wifi: return "still_old_wifi";
        case ResetReason::no_setup_prompt: return "no_setup_prompt";
        case ResetReason::default_login_fails: return "default_login_fails";
        case ResetReason::old_password_still_works: return "old_password_still_works";
        case ResetReason::no_reset_signal: return "no_reset_signal";
        case ResetReason::not_sure: return "not_sure";
        case ResetReason::cannot_tell: return "cannot_tell";
        case ResetReason::repeated_failures: return "repeated_failures";
    }
    return "not_sure";
}

const char* reset_answer_code(ResetAnswer answer) {
    switch (answer) {
        case ResetAnswer::unanswered: return "unanswered";
        case ResetAnswer::yes: return "yes";
        case ResetAnswer::no: return "no";
        case ResetAnswer::not_sure: return "not_sure";
    }
    return "unanswered";
}

ResetAnswer reset_answer_from_code(const std::string& code) {
    for (A a : {A::yes, A::no, A::not_sure})
        if (code == reset_answer_code(a)) return a;
    return A::unanswered;
}

}  // namespace cleanslate
