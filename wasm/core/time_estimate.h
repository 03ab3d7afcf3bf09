// time_estimate.h — how long a device's steps take, computed from its data: the times the
// maker's procedure names (each wait, the restart among them, and each hold) plus a fixed
// allowance per step for reading it and doing it. No round number for every device.
//
// The allowance is an assumption, not a measurement: nobody has timed customers doing these
// steps (the field study in DOMAIN.md counted who finished, not how long it took). It lives in
// this one place, to be replaced by a measured figure when there is one.
#pragma once
#include <vector>

#include "core/device_db.h"

namespace cleanslate {

// Reading a step, finding the button, menu item or field it names, and doing it.
inline constexpr int kAllowancePerStepSeconds = 60;

struct StepsTime {
    int timed_seconds = 0;   // the waits and holds, as the data gives them
    int steps = 0;           // every action, each given kAllowancePerStepSeconds
    // The whole, rounded up to a whole minute: "about 7 minutes", never a precise-looking 6:45.
    int rounded_seconds() const;
};

StepsTime steps_time(const std::vector<Action>& actions);
StepsTime operator+(StepsTime a, const StepsTime& b);

// The reset (the way chosen) and the new password: the time the home is off the internet.
StepsTime reset_and_password_time(const ResetProcedure& reset, const PasswordProcedure& password);

}  // namespace cleanslate
