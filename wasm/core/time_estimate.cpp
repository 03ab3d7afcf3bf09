// time_estimate.cpp — see time_estimate.h.
#include "core/time_estimate.h"

#include "core/procedure_text.h"

namespace cleanslate {

int StepsTime::rounded_seconds() const {
    int seconds = timed_seconds + steps * kAllowancePerStepSeconds;
    return (seconds + 59) / 60 * 60;
}

StepsTime steps_time(const std::vector<Action>& actions) {
    StepsTime time;
    for (const Action& a : actions) {
        ++time.steps;
        // A hold until a sign: the data's seconds are how long that usually takes; a hold with
        // only a longest time ("at most 30 s") counts that longest time.
        if (a.type == "wait" || a.type == "hold_button") time.timed_seconds += a.int_param("seconds", a.int_param("max_seconds"));
        // A hold while the power goes out and back in: the seconds it stays out are held too.
        if (a.type == "hold_button") time.timed_seconds += hold_power_off_seconds(a);
    }
    return time;
}

StepsTime operator+(StepsTime a, const StepsTime& b) {
    a.timed_seconds += b.timed_seconds;
    a.steps += b.steps;
    return a;
}

StepsTime reset_and_password_time(const ResetProcedure& reset, const PasswordProcedure& password) {
    return steps_time(reset.actions) + steps_time(password.actions);
}

}  // namespace cleanslate
