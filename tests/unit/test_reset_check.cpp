// Factory reset or only a reboot? The verification questions and their verdicts.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/reset_check.h"

using namespace cleanslate;

namespace {

using A = ResetAnswer;

std::vector<std::string> ids(const std::vector<ResetQuestion>& questions) {
    std::vector<std::string> out;
    for (const ResetQuestion& q : questions) out.push_back(q.id);
    return out;
}

// A router whose data names the label Wi-Fi and the setup prompt; reset by holding a button.
std::vector<ResetQuestion> router_questions() {
    return reset_questions("router", {{"wifi_name_on_label", "", ""}, {"asks_new_password", "", ""}, {"lights", "wlan", "blink"}}, true);
}

}  // namespace

TEST_CASE("questions follow the procedure's signs, after the button-hold question") {
    const auto questions = router_questions();
    CHECK(ids(questions) == std::vector<std::string>{"held_full_time", "wifi_name_on_label", "asks_new_password", "lights"});
    CHECK_FALSE(questions[0].decisive);
    CHECK(questions[1].decisive);
    CHECK(questions[2].decisive);
    CHECK_FALSE(questions[3].decisive);
    CHECK(questions[3].light == "wlan");
    CHECK(questions[3].pattern == "blink");
}

TEST_CASE("a menu or web reset has no button-hold question") {
    const auto questions = reset_questions("recorder", {{"asks_new_password", "", ""}}, false);
    CHECK(ids(questions) == std::vector<std::string>{"asks_new_password"});
}

TEST_CASE("unknown and repeated signs are ignored; two lights are two questions") {
    const auto questions = reset_questions("camera",
        {{"asks_new_password", "", ""}, {"smoke", "", ""}, {"asks_new_password", "", ""}, {"lights", "status", "blink"}, {"lights", "power", "on"}}, false);
    CHECK(ids(questions) == std::vector<std::string>{"asks_new_password", "lights", "lights"});
}

TEST_CASE("without a decisive sign the generic questions are asked") {
    SUBCASE("a camera with no signs at all") {
        const auto questions = reset_questions("camera", {}, true);
        CHECK(ids(questions) == std::vector<std::string>{"held_full_time", "asks_new_password", "old_password_rejected"});
    }
    SUBCASE("a router also gets the label's Wi-Fi name") {
        const auto questions = reset_questions("router", {{"beeps", "", ""}}, false);
        CHECK(ids(questions) == std::vector<std::string>{"beeps", "wifi_name_on_label", "asks_new_password", "old_password_rejected"});
    }
    SUBCASE("in the fallback only a still-working old password points to a reboot") {
        const auto questions = reset_questions("printer", {}, false);
        REQUIRE(questions.size() == 2);
        CHECK_FALSE(questions[0].no_means_reboot);  // asks_new_password: not every device does
        CHECK(questions[1].no_means_reboot);        // old_password_rejected
    }
}

TEST_CASE("all telling answers yes: passed") {
    const auto v = evaluate(router_questions(), {A::yes, A::yes, A::yes, A::yes}, 1);
    CHECK(v.kind == ResetVerdictKind::passed);
    CHECK(v.reason == ResetReason::none);
}

TEST_CASE("one decisive yes with the rest not sure: passed") {
    CHECK(evaluate(router_questions(), {A::yes, A::yes, A::not_sure, A::not_sure}, 1).kind == ResetVerdictKind::passed);
    CHECK(evaluate(router_questions(), {A::not_sure, A::not_sure, A::yes, A::not_sure}, 1).kind == ResetVerdictKind::passed);
}

TEST_CASE("any answer that points to a reboot sends the customer back, with the reason") {
    const auto questions = router_questions();
    SUBCASE("released the button too early") {
        const auto v = evaluate(questions, {A::no, A::yes, A::yes, A::yes}, 1);
        CHECK(v.kind == ResetVerdictKind::retry);
        CHECK(v.reason == ResetReason::released_too_early);
        CHECK(v.question_id == "held_full_time");
    }
    SUBCASE("the Wi-Fi name is still the old one") {
        const auto v = evaluate(questions, {A::yes, A::no, A::yes, A::yes}, 1);
        CHECK(v.kind == ResetVerdictKind::retry);
        CHECK(v.reason == ResetReason::still_old_wifi_name);
    }
    SUBCASE("no request for a new password") {
        CHECK(evaluate(questions, {A::yes, A::yes, A::no, A::yes}, 2).reason == ResetReason::no_setup_prompt);
    }
    SUBCASE("the reset light did not do its thing") {
        CHECK(evaluate(questions, {A::yes, A::yes, A::yes, A::no}, 1).reason == ResetReason::no_reset_signal);
    }
    SUBCASE("the first reboot answer in question order is the one explained") {
        CHECK(evaluate(questions, {A::yes, A::no, A::no, A::no}, 1).reason == ResetReason::still_old_wifi_name);
    }
}

TEST_CASE("never passed while any answer points to a reboot, whatever else was answered") {
    const auto questions = router_questions();
    const A choices[] = {A::unanswered, A::yes, A::no, A::not_sure};
    int combinations = 0;
    for (A a : choices)
        for (A b : choices)
            for (A c : choices)
                for (A d : choices) {
                    const std::vector<A> answers{a, b, c, d};
                    const bool any_no = a == A::no || b == A::no || c == A::no || d == A::no;
                    const bool decisive_yes = b == A::yes || c == A::yes;
                    const ResetVerdict v = evaluate(questions, answers, 1);
                    CAPTURE(combinations);
                    if (any_no) CHECK(v.kind == ResetVerdictKind::retry);
                    else if (decisive_yes) CHECK(v.kind == ResetVerdictKind::passed);
                    else CHECK(v.kind == ResetVerdictKind::help);
                    ++combinations;
                }
    CHECK(combinations == 256);
}

TEST_CASE("not sure on the decisive questions is never a pass") {
    const auto questions = router_questions();
    const auto v = evaluate(questions, {A::yes, A::not_sure, A::not_sure, A::yes}, 1);
    CHECK(v.kind == ResetVerdictKind::help);
    CHECK(v.reason == ResetReason::not_sure);
    CHECK(evaluate(questions, {}, 1).kind == ResetVerdictKind::help);  // nothing answered
    // a supporting sign alone (the light blinked) does not prove a reset
    CHECK(evaluate(questions, {A::yes, A::unanswered, A::unanswered, A::yes}, 1).kind == ResetVerdictKind::help);
}

TEST_CASE("failed attempts escalate to help from the third attempt") {
    const auto questions = router_questions();
    const std::vector<A> reboot{A::yes, A::no, A::yes, A::yes};
    CHECK(evaluate(questions, reboot, 1).kind == ResetVerdictKind::retry);
    CHECK(evaluate(questions, reboot, 2).kind == ResetVerdictKind::retry);
    const auto third = evaluate(questions, reboot, kResetAttemptsBeforeHelp);
    CHECK(third.kind == ResetVerdictKind::help);
    CHECK(third.reason == ResetReason::repeated_failures);
    CHECK(evaluate(questions, reboot, 7).kind == ResetVerdictKind::help);
    // a clean pass on a later attempt is still a pass
    CHECK(evaluate(questions, {A::yes, A::yes, A::yes, A::yes}, 3).kind == ResetVerdictKind::passed);
}

TEST_CASE("the generic fallback: new password prompt or rejected old password passes") {
    const auto questions = reset_questions("camera", {}, false);  // asks_new_password, old_password_rejected
    CHECK(evaluate(questions, {A::yes, A::not_sure}, 1).kind == ResetVerdictKind::passed);
    CHECK(evaluate(questions, {A::no, A::yes}, 1).kind == ResetVerdictKind::passed);  // "no" there is neutral
    const auto still_works = evaluate(questions, {A::not_sure, A::no}, 1);
    CHECK(still_works.kind == ResetVerdictKind::retry);
    CHECK(still_works.reason == ResetReason::old_password_still_works);
    CHECK(evaluate(questions, {A::no, A::not_sure}, 1).kind == ResetVerdictKind::help);
}

TEST_CASE("every sign type maps to its reboot reason") {
    struct Case { const char* sign; ResetReason reason; };
    const Case cases[] = {
        {"wifi_name_on_label", ResetReason::still_old_wifi_name}, {"asks_new_password", ResetReason::no_setup_prompt},
        {"setup_wizard", ResetReason::no_setup_prompt}, {"default_login_works", ResetReason::default_login_fails},
        {"old_password_rejected", ResetReason::old_password_still_works}, {"app_lost_device", ResetReason::app_still_connected},
        {"internet_settings_lost", ResetReason::internet_settings_kept}, {"beeps", ResetReason::no_reset_signal},
        {"lights", ResetReason::no_reset_signal},
    };
    for (const Case& c : cases) {
        CAPTURE(c.sign);
        // pair each with a decisive sign so the question list is the data's, not the fallback
        const auto questions = reset_questions("other", {{"asks_new_password", "", ""}, {c.sign, "", ""}}, false);
        const size_t at = questions.size() - 1;
        REQUIRE(questions[at].id == c.sign);
        std::vector<A> answers(questions.size(), A::yes);
        answers[at] = A::no;
        CHECK(evaluate(questions, answers, 1).reason == c.reason);
    }
}

TEST_CASE("codes for locales and the report") {
    CHECK(std::string(reset_verdict_code(ResetVerdictKind::retry)) == "retry");
    CHECK(std::string(reset_reason_code(ResetReason::old_password_still_works)) == "old_password_still_works");
    CHECK(std::string(reset_answer_code(ResetAnswer::not_sure)) == "not_sure");
}
