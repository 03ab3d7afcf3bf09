// verify_question.cpp — did the factory reset really happen, or only a restart? One
// question at a time, chosen for this kind of device (a router's Wi-Fi name back to the
// label, the device asking for a new password, the app losing it...). "I'm not sure" is an
// answer and gets help, never a pass.
#include "app/screens.h"
#include "core/procedure_text.h"

namespace cleanslate {

namespace {
std::vector<ResetQuestion> questions_for(App& app) {
    const Family* family = app.device();
    if (!family || family->reset.empty()) return reset_questions("other", {}, false);
    size_t index = app.answers().procedure_index < family->reset.size() ? app.answers().procedure_index : 0;
    const ResetProcedure& procedure = family->reset[index];
    std::vector<ResetSign> signs;
    for (const Sign& s : procedure.signs)
        signs.push_back({s.type, std::string(s.param("light")), std::string(s.param("pattern"))});
    return reset_questions(family->category, signs, hold_action(procedure) != nullptr);
}

std::string question_text(App& app, const ResetQuestion& q) {
    if (q.id == "lights") {
        Action sign;
        sign.type = "lights";
        sign.params = {{"light", q.light}, {"pattern", q.pattern}};
        return app.tr_format("verify.q.lights", {{"sign", sign_text(app.texts(), sign)}});
    }
    return app.tr_format("verify.q." + q.id, {{"device", app.device_the()}});
}
}  // namespace

void screen_verify_question(App& app) {
    UiKit& ui = app.ui();
    app.want_password_data();   // fetch the next step's lists while the customer answers
    std::vector<ResetQuestion> questions = questions_for(app);
    ScreenAnswers& a = app.answers();
    if (a.verify_answers.size() != questions.size()) { a.verify_answers.assign(questions.size(), "unanswered"); a.verify_index = 0; }
    if (a.verify_index >= questions.size()) a.verify_index = 0;
    // One question per page (GOV.UK): the question is the heading and the page's title.
    const ResetQuestion& q = questions[a.verify_index];
    std::string caption = app.tr_format("verify.question_of", {{"n", std::to_string(a.verify_index + 1)}, {"total", std::to_string(questions.size())}});
    if (!app.question_page(question_text(app, q), caption)) return;
    if (!database_ready(app)) return;
    if (app.texts().has("verify.why." + q.id)) ui.paragraph(app.tr("verify.why." + q.id), true);

    static const char* const kAnswers[] = {"yes", "no", "not_sure"};
    std::vector<RadioOption> options = {{"yes", app.tr("verify.yes"), ""}, {"no", app.tr("verify.no"), ""},
                                        {"not_sure", app.tr("verify.not_sure"), ""}};
    std::string& current = a.verify_answers[a.verify_index];
    int selected = -1;
    for (int i = 0; i < 3; ++i) if (current == kAnswers[i]) selected = i;
    std::string error = a.question_unanswered ? app.tr("question.choose_one") : "";
    if (!error.empty()) ui.error_summary(app.tr("error.summary_title"), {{"answer", error}});
    int tapped = ui.radios("answer", options, selected, error);
    if (tapped >= 0) { current = kAnswers[tapped]; a.question_unanswered = false; }
    if (!ui.primary_button("continue", app.tr("question.continue"))) return;
    if (current == "unanswered") { a.question_unanswered = true; return; }
    a.question_unanswered = false;
    if (a.verify_index + 1 < questions.size()) { ++a.verify_index; return; }

    std::vector<ResetAnswer> answers;
    for (const std::string& answer : a.verify_answers)
        answers.push_back(answer == "yes" ? ResetAnswer::yes : answer == "no" ? ResetAnswer::no :
                          answer == "not_sure" ? ResetAnswer::not_sure : ResetAnswer::unanswered);
    ResetVerdict verdict = evaluate(questions, answers, app.journey().facts().reset_attempts + 1);
    app.journey().record_reset_attempt(verdict.kind == ResetVerdictKind::passed);
    a.verify_reason = reset_reason_code(verdict.reason);
    a.verify_index = 0;
    a.verify_answers.clear();
    switch (verdict.kind) {
        case ResetVerdictKind::passed: app.go(Screen::password_where); break;
        case ResetVerdictKind::retry: app.go(Screen::verify_retry); break;
        case ResetVerdictKind::help: app.go(Screen::verify_help); break;
    }
}

}  // namespace cleanslate
