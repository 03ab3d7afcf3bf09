// verify_question.cpp — did the factory reset really happen, or only a restart? One question
// per page (GOV.UK question page: the question is the heading), chosen for this device by
// core/reset_check: only answers a restart cannot produce pass. Each answer says what it
// means; "I don't know" is an answer and gets help, never a pass. Back goes to the previous
// question. A tap that lands within 400 ms of a new question is ignored, so a double tap on
// "Continue" never answers the next question.
#include "app/screens.h"
#include "core/procedure_text.h"

namespace cleanslate {

namespace {
std::vector<ResetQuestion> questions_for(App& app) {
    const ResetProcedure* procedure = app.reset_procedure();
    const Family* family = app.device();
    if (!family || !procedure) return reset_questions("other", {}, false);
    std::vector<ResetSign> signs;
    for (const Sign& s : procedure->signs) signs.push_back({s.type, !s.param("text").empty()});
    return reset_questions(family->category, signs, hold_action(*procedure) != nullptr);
}

// A sign's sentence ("het statuslampje rood knippert.") as the end of a question.
std::string sign_clause(App& app, const Sign& sign) {
    std::string text = sign_text(app.texts(), sign);
    while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
    return text;
}

// The hold's "let go when..." sign, if the procedure holds until something happens.
const Sign* hold_until(App& app) {
    const ResetProcedure* procedure = app.reset_procedure();
    const Action* hold = procedure ? hold_action(*procedure) : nullptr;
    return hold && !hold->until.empty() ? &hold->until.front() : nullptr;
}

// Which words a question's answers use: the sign questions share theirs.
std::string answer_words(App& app, const ResetQuestion& q) {
    if (q.sign >= 0) return "sign";
    if (q.id == "held_full_time" && hold_until(app)) return "held_until";
    return q.id;
}

std::string question_text(App& app, const ResetQuestion& q) {
    const ResetProcedure* procedure = app.reset_procedure();
    if (q.sign >= 0 && procedure && static_cast<size_t>(q.sign) < procedure->signs.size())
        return app.tr_format("verify.q.sign", {{"sign", sign_clause(app, procedure->signs[static_cast<size_t>(q.sign)])}});
    if (q.id == "held_full_time")
        if (const Sign* until = hold_until(app)) return app.tr_format("verify.q.held_until", {{"sign", sign_clause(app, *until)}});
    return app.tr_format("verify.q." + q.id, {{"device", app.device_the()}});
}

// How to look, for the questions about the device's own page: the first step of the
// password procedure that opens it (its web address, its app, the recorder's menu).
const Action* how_to_look(App& app) {
    const Family* family = app.device();
    if (!family) return nullptr;
    for (const Action& a : family->password.actions)
        if (a.type == "open_web" || a.type == "open_app" || a.type == "open_local_menu") return &a;
    return nullptr;
}

bool about_the_login(const std::string& id) {
    return id == "asks_new_password" || id == "setup_wizard" || id == "old_password_works" || id == "default_login_works";
}

// The questions asked so far, in order: page p of the screen shows asked[p].
std::vector<size_t> asked_so_far(const std::vector<ResetQuestion>& questions, const std::vector<ResetAnswer>& given) {
    std::vector<size_t> asked;
    std::vector<ResetAnswer> replay(questions.size(), ResetAnswer::unanswered);
    for (;;) {
        size_t k = next_reset_question(questions, replay);
        if (k == questions.size()) break;
        asked.push_back(k);
        if (given[k] == ResetAnswer::unanswered) break;
        replay[k] = given[k];
    }
    return asked;
}
}  // namespace

void screen_verify_question(App& app) {
    UiKit& ui = app.ui();
    ScreenAnswers& a = app.answers();
    app.want_password_data();   // fetched before the home went offline; asked again in case it failed
    std::vector<ResetQuestion> questions = questions_for(app);
    if (a.verify_answers.size() != questions.size()) a.verify_answers.assign(questions.size(), "unanswered");
    std::vector<ResetAnswer> given;
    for (const std::string& code : a.verify_answers) given.push_back(reset_answer_from_code(code));
    std::vector<size_t> asked = asked_so_far(questions, given);
    size_t page = std::min<size_t>(static_cast<size_t>(app.journey().part()), asked.empty() ? 0 : asked.size() - 1);
    size_t k = asked.empty() ? 0 : asked[page];
    const ResetQuestion& q = questions[k];

    // One question per page (GOV.UK): the question is the heading and the page's title, what a
    // screen reader hears first.
    std::string caption = app.tr_format("verify.question_of", {{"n", std::to_string(page + 1)}});
    if (!app.question_page(question_text(app, q), caption)) return;
    if (!database_ready(app)) return;
    if (a.verify_shown_page != static_cast<int>(page) || a.verify_shown_id != q.id) {
        a.verify_shown_page = static_cast<int>(page);
        a.verify_shown_id = q.id;
        a.verify_missing_answer = false;
    }
    std::string how_key = "verify.how." + q.id;
    if (app.texts().has(how_key)) ui.paragraph(app.tr_format(how_key, {{"device", app.device_the()}}));
    // Worded as the password steps word it: an app only for a customer who said they use one.
    if (about_the_login(q.id))
        if (const Action* open = how_to_look(app)) ui.paragraph(device_step_text(app, *app.device(), *open), true);

    std::string& current = a.verify_answers[k];
    static const char* const kAnswers[] = {"yes", "no", "not_sure"};
    std::string words = answer_words(app, q);
    std::vector<RadioOption> options = {{"yes", app.tr("verify.a." + words + ".yes"), ""},
                                        {"no", app.tr("verify.a." + words + ".no"), ""},
                                        {"not_sure", app.tr("verify.a.not_sure"), ""}};
    int selected = -1;
    for (int i = 0; i < 3; ++i) if (current == kAnswers[i]) selected = i;
    std::string error = a.verify_missing_answer ? app.tr("verify.choose_answer") : "";
    if (!error.empty()) ui.error_summary(app.tr("error.summary_title"), {{"answer", error}});
    int tapped = ui.radios("answer", options, selected, error);
    // A double tap never answers the next question: every question is a new heading, and the
    // kit ignores taps made (by their own event time) within its first moments (UiKit::control).
    if (tapped >= 0) { current = kAnswers[tapped]; a.verify_missing_answer = false; }
    if (!ui.primary_button("continue", app.tr("verify.continue"))) return;
    if (current == "unanswered") { a.verify_missing_answer = true; return; }

    // A changed answer on an earlier page forgets the answers after it: they may not apply.
    given[k] = reset_answer_from_code(current);
    for (size_t later = page + 1; later < asked.size(); ++later) a.verify_answers[asked[later]] = "unanswered";
    for (size_t later = page + 1; later < asked.size(); ++later) given[asked[later]] = ResetAnswer::unanswered;
    if (next_reset_question(questions, given) < questions.size()) { app.go_part(app.journey().part() + 1); return; }

    ResetVerdict verdict = evaluate(questions, given, app.journey().facts().reset_attempts + 1);
    VerificationAttempt recorded;   // for the report and the helpdesk: each question asked, with its answer
    for (size_t asked_k : asked_so_far(questions, given))
        if (given[asked_k] != ResetAnswer::unanswered) recorded.answers.emplace_back(questions[asked_k].id, reset_answer_code(given[asked_k]));
    recorded.verdict = reset_verdict_code(verdict.kind);
    recorded.reason = reset_reason_code(verdict.reason);
    app.reporter().record_verification(app.journey().facts().device_id,
                                       VerificationRecord{0, recorded.verdict, recorded.reason, recorded.answers});
    app.journey().record_reset_attempt(std::move(recorded));
    a.verify_reason = reset_reason_code(verdict.reason);
    a.verify_answers.clear();
    switch (verdict.kind) {
        case ResetVerdictKind::passed: app.go(Screen::password_choose); break;
        case ResetVerdictKind::retry: app.go(Screen::verify_retry); break;
        case ResetVerdictKind::help: app.go(Screen::verify_help); break;
    }
}

}  // namespace cleanslate
