// screen_timings.h — where the customer spends their time, so the provider can see where
// people stall: per screen, when it was first entered and last left, how often it was shown,
// how often the customer went Back from it, and the seconds spent on it in all.
//
// Times are whole seconds since the journey started, on the customer's own clock (a reload or
// a closed tab in between counts for the screen they were on: they were still at it, often
// with the device in their hands). A clock that jumps back never makes a negative time.
#pragma once
#include "core/json.h"
#include <cstdint>
#include <string>
#include <vector>

namespace cleanslate {

struct ScreenTiming {
    std::string screen, step;
    int visits = 0;
    int back_navigations = 0;     // times the customer left this screen with Back
    int64_t entered_s = 0;        // first entered
    int64_t left_s = -1;          // last left; -1 while never left
    int64_t seconds = 0;          // total time on it, not counting the current stay
};

class ScreenTimings {
public:
    // The journey moved to `screen` (by Back when by_back). The first call starts the log.
    void moved(const std::string& screen, const std::string& step, bool by_back, int64_t now_s);
    // The records, with the current stay counted up to now_s (for a report made now).
    std::vector<ScreenTiming> as_of(int64_t now_s) const;
    const std::string& current() const { return current_; }

    Json to_json() const;
    bool from_json(const Json& state);

private:
    ScreenTiming* find(const std::string& screen);
    std::vector<ScreenTiming> screens_;   // in the order first entered
    std::string current_;
    int64_t since_s_ = 0;                 // when the current stay began
};

}  // namespace cleanslate
