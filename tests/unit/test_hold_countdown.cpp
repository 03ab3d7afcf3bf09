// The hold-the-button countdown for one pair of hands: a 3-2-1 lead-in, a beep to press, a
// beep every 5 seconds, a long tone to let go; screen readers told only at the start, every
// 10 seconds and the end.
#include <doctest/doctest.h>

#include <cstddef>
#include <utility>
#include <vector>

#include "core/hold_countdown.h"

using namespace cleanslate;

namespace {
constexpr double kStart = 50'000;   // any clock: the countdown only subtracts
double at(double seconds) { return kStart + seconds * 1000; }

HoldCountdown started(int hold_seconds) {
    HoldCountdown c;
    c.set_hold_seconds(hold_seconds);
    c.start(kStart);
    return c;
}
}  // namespace

TEST_CASE("ready, then a 3-2-1 lead-in, then the hold, then done") {
    HoldCountdown c;
    c.set_hold_seconds(30);
    CHECK(c.phase(at(0)) == HoldPhase::ready);
    CHECK(c.number(at(0)) == 30);
    CHECK(c.ms_until_next_change(at(0)) < 0);   // idle: no frames
    c.start(kStart);
    CHECK(c.phase(at(0)) == HoldPhase::lead_in);
    CHECK(c.number(at(0)) == 3);
    CHECK(c.number(at(1.2)) == 2);
    CHECK(c.number(at(2.9)) == 1);
    CHECK(c.fraction_left(at(2.9)) == doctest::Approx(1.0));
    CHECK(c.phase(at(3)) == HoldPhase::holding);
    CHECK(c.number(at(3)) == 30);
    CHECK(c.number(at(3.5)) == 30);
    CHECK(c.number(at(4)) == 29);
    CHECK(c.fraction_left(at(18)) == doctest::Approx(0.5));
    CHECK(c.number(at(32.5)) == 1);
    CHECK(c.phase(at(33)) == HoldPhase::done);
    CHECK(c.number(at(40)) == 0);
    CHECK(c.ms_until_next_change(at(40)) < 0);
    c.stop();
    CHECK(c.phase(at(41)) == HoldPhase::ready);
}

TEST_CASE("the screen changes once a second while running, and not in between") {
    HoldCountdown c = started(10);
    CHECK(c.ms_until_next_change(at(0)) == doctest::Approx(1000));
    CHECK(c.ms_until_next_change(at(4.25)) == doctest::Approx(750));
    CHECK(c.running(at(12.9)));
    CHECK_FALSE(c.running(at(13)));
}

TEST_CASE("a tick each lead-in second, a beep to press, a beep every 5 s, a long tone at 0") {
    HoldCountdown c = started(15);
    std::vector<std::pair<double, HoldCue>> heard;
    // A frame every 100 ms, as a running countdown never draws more often than needed.
    for (int tenth = 0; tenth <= 200; ++tenth) {
        double s = tenth / 10.0;
        HoldCue cue = c.take_cue(at(s));
        if (cue != HoldCue::none) heard.emplace_back(s, cue);
    }
    const std::vector<HoldCue> expected{HoldCue::tick, HoldCue::tick, HoldCue::tick, HoldCue::press_now,
                                        HoldCue::beep, HoldCue::beep, HoldCue::let_go};
    REQUIRE(heard.size() == expected.size());
    const double times[] = {0, 1, 2, 3, 8, 13, 18};
    for (size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(heard[i].second == expected[i]);
        CHECK(heard[i].first == doctest::Approx(times[i]));
    }
}

TEST_CASE("a frame that comes late plays only the latest sound, never a burst") {
    HoldCountdown c = started(30);
    CHECK(c.take_cue(at(0)) == HoldCue::tick);
    CHECK(c.take_cue(at(14)) == HoldCue::beep);       // press_now and two beeps were missed
    CHECK(c.take_cue(at(14.5)) == HoldCue::none);
    CHECK(c.take_cue(at(60)) == HoldCue::let_go);      // the end is never lost
    CHECK(c.take_cue(at(61)) == HoldCue::none);
}

TEST_CASE("screen readers hear the start, every 10 seconds and the end") {
    HoldCountdown c = started(30);
    std::vector<HoldAnnouncement> spoken;
    for (double s = 0; s <= 35; s += 0.25) {
        HoldAnnouncement a = c.announcement(at(s));
        if (spoken.empty() || spoken.back() != a) spoken.push_back(a);
    }
    const std::vector<HoldAnnouncement> expected{{HoldPhase::lead_in, 30}, {HoldPhase::holding, 30}, {HoldPhase::holding, 20},
                                                 {HoldPhase::holding, 10}, {HoldPhase::done, 0}};
    CHECK(spoken == expected);
}

TEST_CASE("a short hold is announced at its start and end only") {
    HoldCountdown c = started(8);
    std::vector<HoldAnnouncement> spoken;
    for (double s = 0; s <= 12; s += 0.25) {
        HoldAnnouncement a = c.announcement(at(s));
        if (spoken.empty() || spoken.back() != a) spoken.push_back(a);
    }
    CHECK(spoken.size() == 3);   // get ready, press now (8 s), let go
}

TEST_CASE("another hold time stops a running countdown; the same one keeps it") {
    HoldCountdown c = started(10);
    c.set_hold_seconds(10);
    CHECK(c.running(at(1)));
    c.set_hold_seconds(30);
    CHECK(c.phase(at(1)) == HoldPhase::ready);
    CHECK(c.take_cue(at(2)) == HoldCue::none);
}

// "Hold the button, then pull the plug while still holding": a 5 s power cycle inside a hold
// of 3 + 5 + 30 s. The hold starts at 3 s (after the lead-in); the power goes out 3 s into it
// and back in 5 s later; the rest of the hold counts on.
TEST_CASE("a power cycle inside the hold: a cue to pull the power out, one to put it back, then let go") {
    HoldCountdown c;
    c.set_power_off_seconds(5);
    c.set_hold_seconds(HoldCountdown::kPowerOutAfterSeconds + 5 + 30);
    c.start(kStart);
    CHECK(c.power_moment(at(2)) == PowerMoment::none);     // lead-in
    CHECK(c.power_moment(at(4)) == PowerMoment::before);   // pressing, the power still in
    CHECK(c.power_moment(at(6)) == PowerMoment::out);
    CHECK(c.power_moment(at(10.9)) == PowerMoment::out);
    CHECK(c.power_moment(at(11)) == PowerMoment::back);
    CHECK(c.power_moment(at(14)) == PowerMoment::none);    // back in for a while: just hold
    CHECK(c.phase(at(40.9)) == HoldPhase::holding);
    CHECK(c.phase(at(41)) == HoldPhase::done);

    std::vector<std::pair<double, HoldCue>> heard;
    for (int tenth = 0; tenth <= 450; ++tenth) {
        double s = tenth / 10.0;
        HoldCue cue = c.take_cue(at(s));
        if (cue != HoldCue::none) heard.emplace_back(s, cue);
    }
    const std::vector<std::pair<double, HoldCue>> expected{
        {0, HoldCue::tick}, {1, HoldCue::tick}, {2, HoldCue::tick}, {3, HoldCue::press_now}, {6, HoldCue::power_out},
        {8, HoldCue::beep}, {11, HoldCue::power_in}, {13, HoldCue::beep}, {18, HoldCue::beep}, {23, HoldCue::beep},
        {28, HoldCue::beep}, {33, HoldCue::beep}, {38, HoldCue::beep}, {41, HoldCue::let_go}};
    REQUIRE(heard.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(heard[i].first == doctest::Approx(expected[i].first));
        CHECK(heard[i].second == expected[i].second);
    }
}

TEST_CASE("screen readers hear the power go out and come back when it happens") {
    HoldCountdown c;
    c.set_power_off_seconds(5);
    c.set_hold_seconds(HoldCountdown::kPowerOutAfterSeconds + 5 + 20);
    c.start(kStart);
    std::vector<HoldAnnouncement> spoken;
    for (double s = 0; s <= 35; s += 0.25) {
        HoldAnnouncement a = c.announcement(at(s));
        if (spoken.empty() || spoken.back() != a) spoken.push_back(a);
    }
    const std::vector<HoldAnnouncement> expected{
        {HoldPhase::lead_in, 28}, {HoldPhase::holding, 28}, {HoldPhase::holding, 28, PowerMoment::out},
        {HoldPhase::holding, 28, PowerMoment::back}, {HoldPhase::holding, 18, PowerMoment::back}, {HoldPhase::holding, 18},
        {HoldPhase::holding, 8}, {HoldPhase::done, 0}};
    CHECK(spoken == expected);
}

TEST_CASE("a hold without a power cycle never asks to pull the power") {
    HoldCountdown c = started(30);
    for (double s = 0; s <= 35; s += 0.5) CHECK(c.power_moment(at(s)) == PowerMoment::none);
    c.set_power_off_seconds(5);   // a different power cycle stops a running countdown
    CHECK(c.phase(at(1)) == HoldPhase::ready);
}
