// reset_check.cpp — verification questions for a factory reset, and their verdict.
#include "core/reset_check.h"

#include <algorithm>

namespace cleanslate {
namespace {

// --- What each sign tells -------------------------------------------------------------------
struct SignMeaning {
    const char* type;
    bool decisive;
    ResetReason reason_if_no;
};

constexpr SignMeaning kSignMeanings[] = {
    {"wifi_name_on_label", true, ResetReason::still_old_wifi_name},
    {"asks_new_password", true, ResetReason::no_setup_prompt},
    {"setup_wizard", true, ResetReason::no_setup_prompt},
    {"default_login_works", true, ResetReason::default_login_fails},
    {"old_password_rejected", true, ResetReason::old_password_still_works},
    {"app_lost_device", false, ResetReason::app_still_connected},
    {"internet_settings_lost", false, ResetReason::internet_settings_kept},
    {"beeps", false, ResetReason::no_reset_signal},
    {"lights", false, ResetReason::no_reset_signal},
};

const SignMeaning* meaning_of(const std::string& type) {
    for (const SignMeaning& meaning : kSignMeanings)
        if (type == meaning.type) return &meaning;
    return nullptr;
}

ResetQuestion question_for(const SignMeaning& meaning) {
    ResetQuestion q;
    q.id = meaning.type;
    q.decisive = meaning.decisive;
    q.no_means_reboot = true;
    q.reason_if_no = meaning.reason_if_no;
    return q;
}

bool has_question(const std::vector<ResetQuestion>& questions, const std::string& id) {
    return std::any_of(questions.begin(), questions.end(), [&](const ResetQuestion& q) { return q.id == id; });
}

// --- Generic fallback ---------------------------------------------------------------------
// Questions that hold for most devices of a category, asked when the data has no decisive
// sign. Only the old password still working is a firm sign of a reboot here.
void add_generic_questions(const std::string& category, std::vector<ResetQuestion>& questions) {
    // only called when no decisive sign is present, so none of these is asked yet
    auto add = [&](const char* type, bool no_means_reboot) {
        ResetQuestion q = question_for(*meaning_of(type));
        q.no_means_reboot = no_means_reboot;
        questions.push_back(std::move(q));
    };
    if (category == "router" || category == "access-point") add("wifi_name_on_label", false);
    add("asks_new_password", false);
    add("old_password_rejected", true);
}

}  // namespace

// --- Questions ----------------------------------------------------------------------------------
std::vector<ResetQuestion> reset_questions(const std::string& category, const std::vector<ResetSign>& signs,
                                           bool procedure_holds_button) {
    std::vector<ResetQuestion> questions;
    if (procedure_holds_button) {
        ResetQuestion held;
        held.id = "held_full_time";
        held.reason_if_no = ResetReason::released_too_early;
        questions.push_back(std::move(held));
    }
    bool any_decisive = false;
    for (const ResetSign& sign : signs) {
        const SignMeaning* meaning = meaning_of(sign.type);
        if (!meaning) continue;
        // two lights signs are two questions; any other type is asked once
        if (sign.type != "lights" && has_question(questions, sign.type)) continue;
        ResetQuestion q = question_for(*meaning);
        q.light = sign.light;
        q.pattern = sign.pattern;
        any_decisive = any_decisive || q.decisive;
        questions.push_back(std::move(q));
    }
    if (!any_decisive) add_generic_questions(category, questions);
    return questions;
}

// --- Verdict --------------------------------------------------------------------------------------
ResetVerdict evaluate(const std::vector<ResetQuestion>& questions, const std::vector<ResetAnswer>& answers,
                      int attempt_number) {
    auto answer_to = [&](size_t k) { return k < answers.size() ? answers[k] : ResetAnswer::unanswered; };

    for (size_t k = 0; k < questions.size(); ++k) {
        if (answer_to(k) == ResetAnswer::no && questions[k].no_means_reboot) {
            if (attempt_number >= kResetAttemptsBeforeHelp) return {ResetVerdictKind::help, ResetReason::repeated_failures, questions[k].id};
            return {ResetVerdictKind::retry, questions[k].reason_if_no, questions[k].id};
        }
    }
    for (size_t k = 0; k < questions.size(); ++k)
        if (questions[k].decisive && answer_to(k) == ResetAnswer::yes) return {ResetVerdictKind::passed, ResetReason::none, {}};
    return {ResetVerdictKind::help, ResetReason::not_sure, {}};
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
        case ResetReason::still_old_wifi_name: return "still_old_wifi_name";
        case ResetReason::no_setup_prompt: return "no_setup_prompt";
        case ResetReason::default_login_fails: return "default_login_fails";
        case ResetReason::old_password_still_works: return "old_password_still_works";
        case ResetReason::app_still_connected: return "app_still_connected";
        case ResetReason::internet_settings_kept: return "internet_settings_kept";
        case ResetReason::no_reset_signal: return "no_reset_signal";
        case ResetReason::not_sure: return "not_sure";
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

}  // namespace cleanslate
