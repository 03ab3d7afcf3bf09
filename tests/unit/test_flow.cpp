// The journey's step machine: the order of steps, the guards that keep a customer from
// skipping the verified reset or the new password, Back, and resume after a reload.
#include <doctest/doctest.h>
#include "core/flow.h"

using namespace cleanslate;

namespace {
// A journey walked honestly up to (and onto) the given screen.
Journey journey_at(Screen target) {
    Journey j;
    auto walk = [&](Screen s) { if (j.screen() != target) REQUIRE(j.go(s)); };
    if (target == Screen::welcome) return j;
    walk(Screen::identify_evidence);
    if (step_of(target) == Step::identify) { if (target != j.screen()) REQUIRE(j.go(target)); return j; }
    j.choose_device("xiongmai-xmeye-recorder", "evidence");
    walk(Screen::disconnect);
    if (target == Screen::disconnect) return j;
    j.confirm_disconnected();
    walk(Screen::reset_steps);
    if (target == Screen::reset_steps) return j;
    walk(Screen::verify_question);
    if (target == Screen::verify_question) return j;
    if (target == Screen::verify_retry || target == Screen::verify_help) {
        j.record_reset_attempt(false);
        REQUIRE(j.go(target));
        return j;
    }
    j.record_reset_attempt({"passed", "none", {{"held_full_time", "yes"}, {"asks_new_password", "yes"}}});
    walk(Screen::password_choose);
    if (step_of(target) == Step::password) { if (target != j.screen()) REQUIRE(j.go(target)); return j; }
    j.record_password("strong");
    j.set_outcome(Outcome::remediated);
    walk(Screen::reconnect);
    if (target == Screen::reconnect) return j;
    walk(Screen::finish);
    return j;
}
}  // namespace

TEST_CASE("steps have stable ids and numbers for 'Step N of 5'") {
    CHECK(std::string(step_id(step_of(Screen::welcome))) == "welcome");
    CHECK(std::string(step_id(step_of(Screen::identify_app))) == "identify");
    CHECK(std::string(step_id(step_of(Screen::disconnect))) == "disconnect");
    CHECK(std::string(step_id(step_of(Screen::reset_steps))) == "reset");
    CHECK(std::string(step_id(step_of(Screen::verify_question))) == "verify_reset");
    CHECK(std::string(step_id(step_of(Screen::password_steps))) == "password");
    CHECK(std::string(step_id(step_of(Screen::finish))) == "finish");
    CHECK(step_number(Step::welcome) == 0);
    CHECK(step_number(Step::identify) == 1);
    CHECK(step_number(Step::verify_reset) == step_number(Step::reset));
    CHECK(step_number(Step::finish) == kNumberedSteps);
    Screen s;
    CHECK(screen_from_id("password_hardening", s));
    CHECK(s == Screen::password_hardening);
    CHECK_FALSE(screen_from_id("nonsense", s));
}

TEST_CASE("an honest journey passes every step in order and ends remediated") {
    Journey j = journey_at(Screen::finish);
    CHECK(j.screen() == Screen::finish);
    CHECK(j.facts().outcome == Outcome::remediated);
    CHECK(j.facts().password_strength == "strong");
}

TEST_CASE("guards: no step can be skipped") {
    SUBCASE("identifying needs nothing: consent to feedback is asked later, never as a barrier") {
        Journey j;
        CHECK(j.go(Screen::identify_evidence));
    }
    SUBCASE("no disconnect step without a chosen device") {
        Journey j = journey_at(Screen::identify_evidence);
        CHECK_FALSE(j.go(Screen::disconnect));
    }
    SUBCASE("no reset before the device is disconnected") {
        Journey j = journey_at(Screen::disconnect);
        CHECK_FALSE(j.go(Screen::reset_steps));
    }
    SUBCASE("no password step without a verified reset") {
        Journey j = journey_at(Screen::verify_question);
        CHECK_FALSE(j.go(Screen::password_choose));
        j.record_reset_attempt(false);
        CHECK_FALSE(j.go(Screen::password_choose));
        CHECK(j.go(Screen::verify_retry));
    }
    SUBCASE("no finish without a new password or an honest outcome") {
        Journey j = journey_at(Screen::password_steps);
        CHECK_FALSE(j.go(Screen::reconnect));
        CHECK_FALSE(j.go(Screen::finish));
        j.record_password("strong");
        CHECK(j.go(Screen::reconnect));
        CHECK_FALSE(j.go(Screen::finish));  // no outcome yet
        j.set_outcome(Outcome::remediated);
        CHECK(j.go(Screen::finish));
    }
    SUBCASE("a device that cannot be secured reaches the finish honestly") {
        Journey j = journey_at(Screen::cannot_secure);
        j.set_outcome(Outcome::cannot_secure);
        CHECK(j.go(Screen::reconnect));
        CHECK(j.go(Screen::finish));
        CHECK_FALSE(j.facts().password_set);
    }
    SUBCASE("the helpdesk screen needs a failed try first") {
        Journey j = journey_at(Screen::verify_question);
        CHECK_FALSE(j.go(Screen::verify_help));
        j.record_reset_attempt(false);
        CHECK(j.go(Screen::verify_help));
    }
    SUBCASE("going to the current screen is not a move") {
        Journey j = journey_at(Screen::disconnect);
        CHECK_FALSE(j.go(Screen::disconnect));
    }
}

TEST_CASE("Back retraces the way the customer came") {
    Journey j = journey_at(Screen::identify_evidence);
    REQUIRE(j.go(Screen::identify_category));
    REQUIRE(j.go(Screen::identify_app));
    CHECK(j.back());
    CHECK(j.screen() == Screen::identify_category);
    CHECK(j.back());
    CHECK(j.screen() == Screen::identify_evidence);
    CHECK(j.back());
    CHECK(j.screen() == Screen::welcome);
    CHECK_FALSE(j.can_go_back());
    CHECK_FALSE(j.back());
}

TEST_CASE("choosing another device forgets what was verified for the old one") {
    Journey j = journey_at(Screen::password_choose);
    REQUIRE(j.facts().reset_verified);
    j.choose_device("hikvision-ds-2cd-camera", "answers");
    CHECK_FALSE(j.facts().reset_verified);
    CHECK_FALSE(j.facts().disconnected);
    CHECK(j.facts().reset_attempts == 0);
    CHECK_FALSE(j.allows(Screen::password_choose));
    SUBCASE("and Back never lands on a screen the facts no longer allow") {
        CHECK(j.back());
        CHECK(j.allows(j.screen()));
        CHECK(step_of(j.screen()) != Step::password);
    }
    SUBCASE("choosing the same device again keeps the progress") {
        Journey k = journey_at(Screen::password_choose);
        k.choose_device("xiongmai-xmeye-recorder", "search");
        CHECK(k.facts().reset_verified);
    }
}

TEST_CASE("resume: the state round-trips through JSON") {
    for (Screen s : {Screen::welcome, Screen::identify_app, Screen::disconnect, Screen::reset_steps,
                     Screen::verify_retry, Screen::password_steps, Screen::finish}) {
        CAPTURE(screen_id(s));
        Journey original = journey_at(s);
        Journey restored;
        REQUIRE(restored.from_json(original.to_json()));
        CHECK(restored.screen() == original.screen());
        CHECK(restored.depth() == original.depth());
        CHECK(restored.to_json() == original.to_json());
        if (restored.can_go_back()) {
            original.back();
            restored.back();
            CHECK(restored.screen() == original.screen());
        }
    }
}

TEST_CASE("resume refuses a saved state that would skip a guard") {
    Journey j;
    CHECK_FALSE(j.from_json("not json"));
    CHECK_FALSE(j.from_json(R"({"v":1,"screen":"nowhere"})"));
    CHECK_FALSE(j.from_json(R"({"v":3,"screen":"welcome"})"));
    CHECK_FALSE(j.from_json(R"({"v":2,"screen":"welcome","history":["reset_steps/x"]})"));
    // Crafted: at the password step without a verified reset.
    CHECK_FALSE(j.from_json(R"({"v":1,"screen":"password_check","device_id":"x","disconnected":true,"reset_verified":false})"));
    CHECK(j.screen() == Screen::welcome);
    CHECK(j.from_json(R"({"v":1,"screen":"disconnect","history":["welcome","identify_evidence"],"device_id":"x"})"));
    CHECK(j.screen() == Screen::disconnect);
}

TEST_CASE("a device that cannot be secured is told so before any reset, and ends honestly") {
    Journey j = journey_at(Screen::identify_evidence);
    j.choose_device("xiongmai-h264-dvr-xc3511", "evidence", /*can_be_secured=*/false);
    CHECK(j.facts().device_unsafe);
    CHECK_FALSE(j.go(Screen::disconnect_prepare));
    CHECK_FALSE(j.go(Screen::disconnect));
    REQUIRE(j.go(Screen::unsafe_choice));
    CHECK_FALSE(j.go(Screen::unsafe_steps));           // no choice made yet
    CHECK_FALSE(j.go(Screen::finish));
    j.confirm_disconnected();                           // even so, never into the reset
    CHECK_FALSE(j.allows(Screen::reset_steps));
    CHECK_FALSE(j.allows(Screen::password_choose));
    j.set_outcome(Outcome::cannot_secure);
    REQUIRE(j.go(Screen::unsafe_steps));
    CHECK_FALSE(j.allows(Screen::reconnect));           // the home was never taken off the internet
    REQUIRE(j.go(Screen::finish));
    CHECK_FALSE(j.facts().reset_verified);
    CHECK(j.facts().outcome == Outcome::cannot_secure);
    SUBCASE("a device that can be secured never sees those screens") {
        Journey k = journey_at(Screen::disconnect);
        CHECK_FALSE(k.allows(Screen::unsafe_choice));
        k.set_outcome(Outcome::device_replaced);
        CHECK_FALSE(k.allows(Screen::unsafe_steps));
        CHECK_FALSE(k.allows(Screen::finish));         // an unverified device is not finished by a choice
    }
    SUBCASE("choosing a device that can be secured instead leads to the reset again") {
        j.choose_device("hikvision-ds-2cd-camera", "answers");
        CHECK_FALSE(j.facts().device_unsafe);
        CHECK(j.allows(Screen::disconnect_prepare));
        CHECK_FALSE(j.allows(Screen::unsafe_choice));
    }
}

TEST_CASE("the home goes off the internet before the reset, and the answers on the way are kept") {
    Journey j = journey_at(Screen::disconnect);
    CHECK_FALSE(j.allows(Screen::reset_connection));
    CHECK_FALSE(j.allows(Screen::reset_join_wifi));
    j.choose_internet_line("coax");
    j.confirm_disconnected();
    REQUIRE(j.go(Screen::reset_connection));
    j.choose_connection("poe");
    CHECK(j.facts().internet_line == "coax");
    CHECK(j.facts().connection == "poe");
    Journey restored;
    REQUIRE(restored.from_json(j.to_json()));
    CHECK(restored.facts().internet_line == "coax");
    CHECK(restored.facts().connection == "poe");
    j.choose_device("hikvision-ds-2cd-camera", "answers");   // another device: its connection is asked again
    CHECK(j.facts().connection.empty());
    CHECK(j.facts().internet_line == "coax");                 // the home's line is the same
}

TEST_CASE("parts: a screen shown one item at a time, and Back goes part by part") {
    Journey j = journey_at(Screen::reset_steps);
    size_t depth = j.depth();
    CHECK(j.go_part(1));
    CHECK(j.go_part(2));
    CHECK_FALSE(j.go_part(2));
    CHECK_FALSE(j.go_part(-1));
    CHECK(j.screen() == Screen::reset_steps);
    CHECK(j.part() == 2);
    CHECK(j.depth() == depth + 2);
    Journey restored;
    REQUIRE(restored.from_json(j.to_json()));
    CHECK(restored.part() == 2);
    CHECK(restored.to_json() == j.to_json());
    REQUIRE(j.back());
    CHECK(j.part() == 1);
    REQUIRE(j.go(Screen::verify_question));
    CHECK(j.part() == 0);
    REQUIRE(j.back());
    CHECK(j.screen() == Screen::reset_steps);
    CHECK(j.part() == 1);
}

TEST_CASE("the verification's answers are kept with the attempt, for the report; a new device starts afresh") {
    Journey j = journey_at(Screen::verify_question);
    j.record_reset_attempt(VerificationAttempt{"retry", "released_too_early", {{"held_full_time", "no"}}});
    CHECK_FALSE(j.facts().reset_verified);
    j.record_reset_attempt(VerificationAttempt{"passed", "none", {{"held_full_time", "yes"}, {"asks_new_password", "yes"}}});
    CHECK(j.facts().reset_verified);
    CHECK(j.facts().reset_attempts == 2);
    REQUIRE(j.facts().verification.size() == 2);
    Journey restored;
    REQUIRE(restored.from_json(j.to_json()));
    REQUIRE(restored.facts().verification.size() == 2);
    CHECK(restored.to_json() == j.to_json());
    j.choose_device("hikvision-ds-2cd-camera", "answers");
    CHECK(j.facts().verification.empty());
}

TEST_CASE("resume reads a state saved before parts existed (version 1)") {
    Journey j;
    REQUIRE(j.from_json(R"({"v":1,"screen":"reset_steps","history":["welcome","consent","identify_evidence","disconnect"],)"
                        R"("consent":"given","device_id":"x","disconnected":true})"));
    CHECK(j.screen() == Screen::reset_steps);
    CHECK(j.part() == 0);
    CHECK_FALSE(j.facts().device_unsafe);
    REQUIRE(j.back());
    CHECK(j.screen() == Screen::disconnect);
}

TEST_CASE("the saved state never holds a password, only its strength class") {
    Journey j = journey_at(Screen::finish);
    std::string saved = j.to_json();
    CHECK(saved.find("\"password_strength\":\"strong\"") != std::string::npos);
    CHECK(saved.find("\"password\":") == std::string::npos);
}

// --- Several devices in one case ---------------------------------------------------------------
// Mirai often infects more than one device in a home. The finish offers "another device": the
// device just handled is filed as a record (what the completion report lists), and the same
// case starts identification again, with its own reset, verification and password.
namespace {
// Walks the current device of j from identification to its finish, the honest way.
void handle_device(Journey& j, const std::string& id, bool verified_first_time = true) {
    j.choose_device(id, "answers");
    REQUIRE(j.go(Screen::disconnect));
    j.confirm_disconnected();
    REQUIRE(j.go(Screen::reset_steps));
    REQUIRE(j.go(Screen::verify_question));
    if (!verified_first_time) j.record_reset_attempt({"retry", "no_setup_prompt", {{"asks_new_password", "no"}}});
    j.record_reset_attempt({"passed", "none", {{"asks_new_password", "yes"}}});
    REQUIRE(j.go(Screen::password_choose));
    j.record_password("very_strong");
    j.set_outcome(Outcome::remediated);
    REQUIRE(j.go(Screen::reconnect));
    REQUIRE(j.go(Screen::finish));
}
}  // namespace

TEST_CASE("the finish has no way back into the steps") {
    Journey j = journey_at(Screen::finish);
    CHECK(j.depth() == 0);
    CHECK_FALSE(j.can_go_back());
    CHECK_FALSE(j.back());
    CHECK(j.screen() == Screen::finish);
}

TEST_CASE("one device's journey is one record with everything the report needs") {
    Journey j = journey_at(Screen::finish);
    std::vector<DeviceRecord> devices = j.devices();
    REQUIRE(devices.size() == 1);
    const DeviceRecord& d = devices[0];
    CHECK(d.device_id == "xiongmai-xmeye-recorder");
    CHECK(d.chosen_by == "evidence");
    CHECK(d.reset_attempts == 1);
    CHECK(d.reset_verified);
    REQUIRE(d.verification.size() == 1);
    CHECK(d.verification[0].verdict == "passed");
    CHECK(d.verification[0].answers == std::vector<std::pair<std::string, std::string>>{{"held_full_time", "yes"}, {"asks_new_password", "yes"}});
    CHECK(d.password_strength == "strong");
    CHECK(d.password_set);
    CHECK(d.outcome == Outcome::remediated);
    SUBCASE("before a device is chosen there is no record") {
        CHECK(journey_at(Screen::identify_app).devices().empty());
    }
}

TEST_CASE("another device: a second device in the same case, with its own steps and guards") {
    Journey j = journey_at(Screen::finish);
    REQUIRE(j.start_another_device());
    CHECK(j.screen() == Screen::identify_category);
    CHECK(j.facts().device_id.empty());
    CHECK_FALSE(j.facts().disconnected);            // the home must go off the internet again
    REQUIRE(j.devices().size() == 1);

    SUBCASE("nothing of the first device's progress carries over to the second") {
        j.choose_device("hikvision-ds-2cd-camera", "answers");
        CHECK_FALSE(j.go(Screen::reset_steps));      // not disconnected for this device
        REQUIRE(j.go(Screen::disconnect));
        j.confirm_disconnected();
        REQUIRE(j.go(Screen::reset_steps));
        REQUIRE(j.go(Screen::verify_question));
        CHECK_FALSE(j.go(Screen::password_choose));   // its own reset is not verified yet
        CHECK_FALSE(j.go(Screen::finish));
        j.record_reset_attempt(true);
        REQUIRE(j.go(Screen::password_choose));
        CHECK_FALSE(j.go(Screen::finish));           // no new password, no outcome
    }
    SUBCASE("two devices handled: two records, in order, each with its own facts") {
        handle_device(j, "d-link-dir-router", false);
        std::vector<DeviceRecord> devices = j.devices();
        REQUIRE(devices.size() == 2);
        CHECK(devices[0].device_id == "xiongmai-xmeye-recorder");
        CHECK(devices[0].password_strength == "strong");
        CHECK(devices[1].device_id == "d-link-dir-router");
        CHECK(devices[1].reset_attempts == 2);
        REQUIRE(devices[1].verification.size() == 2);   // every attempt, in order
        CHECK(devices[1].verification[0].verdict == "retry");
        CHECK(devices[1].verification[0].reason == "no_setup_prompt");
        CHECK(devices[1].verification[0].answers == std::vector<std::pair<std::string, std::string>>{{"asks_new_password", "no"}});
        CHECK(devices[1].verification[1].verdict == "passed");
        CHECK(devices[1].password_strength == "very_strong");
        CHECK(j.screen() == Screen::finish);
        REQUIRE(j.start_another_device());
        handle_device(j, "tp-link-tapo-camera");
        CHECK(j.devices().size() == 3);
    }
    SUBCASE("Back from the next device's first question returns to the finish, which sums up the case") {
        CHECK(j.can_go_back());
        REQUIRE(j.back());
        CHECK(j.screen() == Screen::finish);
        CHECK(j.devices().size() == 1);
        REQUIRE(j.start_another_device());            // pressing it again files nothing twice
        CHECK(j.devices().size() == 1);
        CHECK(j.screen() == Screen::identify_category);
    }
    SUBCASE("once the next device is chosen, Back never lands on the finish before it is done") {
        REQUIRE(j.go(Screen::identify_app));
        j.choose_device("hikvision-ds-2cd-camera", "answers");
        REQUIRE(j.go(Screen::disconnect));
        CHECK(j.back());
        CHECK(j.back());
        CHECK(j.screen() == Screen::identify_category);
        CHECK_FALSE(j.can_go_back());
        CHECK_FALSE(j.back());
        CHECK(j.screen() == Screen::identify_category);
    }
}

TEST_CASE("another device can only be started from the finish") {
    for (Screen s : {Screen::welcome, Screen::identify_app, Screen::reset_steps, Screen::password_steps, Screen::reconnect}) {
        CAPTURE(screen_id(s));
        Journey j = journey_at(s);
        std::string before = j.to_json();
        CHECK_FALSE(j.start_another_device());
        CHECK(j.to_json() == before);
    }
}

TEST_CASE("resume keeps every device of the case") {
    Journey j = journey_at(Screen::finish);
    REQUIRE(j.start_another_device());
    j.choose_device("d-link-dir-router", "answers");
    REQUIRE(j.go(Screen::disconnect));
    Journey restored;
    REQUIRE(restored.from_json(j.to_json()));
    CHECK(restored.to_json() == j.to_json());
    std::vector<DeviceRecord> devices = restored.devices();
    REQUIRE(devices.size() == 2);
    CHECK(devices[0].device_id == "xiongmai-xmeye-recorder");
    REQUIRE(devices[0].verification.size() == 1);
    CHECK(devices[0].verification[0].answers.size() == 2);
    CHECK(devices[0].verification[0].answers[0].first == "held_full_time");   // in the order asked
    CHECK(devices[1].device_id == "d-link-dir-router");
    CHECK(restored.screen() == Screen::disconnect);

    SUBCASE("a state saved before the password step chose first resumes at the choosing") {
        Journey old;
        REQUIRE(old.from_json(R"({"v":1,"screen":"password_check","history":["welcome","password_where"],)"
                              R"("consent":"given","device_id":"x","disconnected":true,"reset_verified":true})"));
        CHECK(old.screen() == Screen::password_choose);
    }
    SUBCASE("a state saved by the previous version resumes as a case with one device") {
        Journey old;
        REQUIRE(old.from_json(R"({"v":1,"screen":"disconnect","history":["welcome","consent","identify_evidence"],)"
                              R"("consent":"given","device_id":"x","device_chosen_by":"evidence"})"));
        CHECK(old.devices().size() == 1);
        CHECK(old.screen() == Screen::disconnect);
    }
    SUBCASE("a filed device that was never done is not our own state: refused") {
        Journey crafted;
        CHECK_FALSE(crafted.from_json(R"({"v":2,"screen":"identify_category","history":["finish"],"consent":"given",)"
                                      R"("earlier_devices":[{"device_id":"x","reset_verified":false,"outcome":"remediated"}]})"));
        CHECK(crafted.screen() == Screen::welcome);
    }
}
