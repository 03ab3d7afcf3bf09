// How long a device's steps take: computed from the device's own data (its waits and holds)
// plus the stated allowance per step, so no screen promises a time nobody computed.
#include <doctest/doctest.h>
#include "core/time_estimate.h"
#include "test_support.h"

using namespace cleanslate;

namespace {
Action step(std::string type, std::vector<std::pair<std::string, std::string>> params = {}) {
    Action a;
    a.type = std::move(type);
    a.params = std::move(params);
    return a;
}
}  // namespace

TEST_CASE("a procedure's time is its waits and holds plus the allowance for each step, in whole minutes") {
    // Unplug, find the button, hold it 30 s, wait 2 minutes for the restart.
    std::vector<Action> reset = {step("unplug_power"), step("find_button"), step("hold_button", {{"seconds", "30"}}),
                                 step("wait", {{"seconds", "120"}, {"for", "restart"}})};
    StepsTime time = steps_time(reset);
    CHECK(time.timed_seconds == 150);
    CHECK(time.steps == 4);
    CHECK(time.rounded_seconds() == 150 + 4 * kAllowancePerStepSeconds + 30);   // 6:30 rounds up to 7 minutes
    CHECK(time.rounded_seconds() % 60 == 0);
}

TEST_CASE("a hold until a sign, with only a longest time, counts that longest time") {
    CHECK(steps_time({step("hold_button", {{"max_seconds", "10"}})}).timed_seconds == 10);
    CHECK(steps_time({step("hold_button", {{"seconds", "3"}, {"max_seconds", "9"}})}).timed_seconds == 3);
}

TEST_CASE("no steps take no time; steps without times take only their allowance") {
    CHECK(steps_time({}).rounded_seconds() == 0);
    CHECK(steps_time({step("open_web"), step("log_in")}).rounded_seconds() == 2 * kAllowancePerStepSeconds);
}

TEST_CASE("the time offline is the chosen reset's and the password's, for every device in the database") {
    const DeviceDb& db = test::packed_database();
    int checked = 0;
    for (const Family& family : db.families()) {
        for (const ResetProcedure& reset : family.reset) {
            StepsTime both = reset_and_password_time(reset, family.password);
            StepsTime apart = steps_time(reset.actions) + steps_time(family.password.actions);
            CHECK(both.timed_seconds == apart.timed_seconds);
            CHECK(both.steps == static_cast<int>(reset.actions.size() + family.password.actions.size()));
            CHECK(both.rounded_seconds() >= 60);
            // The restart the data names is part of it: the customer waits for it too.
            if (reset.restart_seconds() > 0) CHECK(both.timed_seconds >= reset.restart_seconds());
            ++checked;
        }
    }
    CHECK(checked > 100);
    // One worked through: the Hikvision camera's button reset (unplug, find, hold 30 s, wait
    // 120 s) and its five password steps: 150 s + 9 minutes = 11:30, said as 12 minutes.
    const Family* hikvision = db.find_family("hikvision-ds-2cd-camera");
    REQUIRE(hikvision);
    for (const ResetProcedure& reset : hikvision->reset)
        if (reset.method == "button") CHECK(reset_and_password_time(reset, hikvision->password).rounded_seconds() == 12 * 60);
}
