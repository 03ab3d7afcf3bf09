// screen_timings.cpp — the per-screen time log.
#include "core/screen_timings.h"

#include <algorithm>

namespace cleanslate {

ScreenTiming* ScreenTimings::find(const std::string& screen) {
    auto it = std::find_if(screens_.begin(), screens_.end(), [&](const ScreenTiming& t) { return t.screen == screen; });
    return it == screens_.end() ? nullptr : &*it;
}

void ScreenTimings::moved(const std::string& screen, const std::string& step, bool by_back, int64_t now_s) {
    if (screen == current_) return;
    now_s = std::max(now_s, since_s_);
    if (ScreenTiming* left = find(current_)) {
        left->seconds += now_s - since_s_;
        left->left_s = now_s;
        if (by_back) ++left->back_navigations;
    }
    ScreenTiming* entered = find(screen);
    if (!entered) {
        screens_.push_back(ScreenTiming{screen, step, 0, 0, now_s, -1, 0});
        entered = &screens_.back();
    }
    ++entered->visits;
    current_ = screen;
    since_s_ = now_s;
}

std::vector<ScreenTiming> ScreenTimings::as_of(int64_t now_s) const {
    std::vector<ScreenTiming> out = screens_;
    for (ScreenTiming& t : out)
        if (t.screen == current_) t.seconds += std::max<int64_t>(0, now_s - since_s_);
    return out;
}

Json ScreenTimings::to_json() const {
    Json screens = Json::array();
    for (const ScreenTiming& t : screens_)
        screens.push_back(Json::array({t.screen, t.step, t.visits, t.back_navigations, t.entered_s, t.left_s, t.seconds}));
    return Json{{"screens", screens}, {"current", current_}, {"since_s", since_s_}};
}

bool ScreenTimings::from_json(const Json& state) {
    const Json* screens = json_member(state, "screens");
    if (!screens || !screens->is_array()) return false;
    ScreenTimings restored;
    for (const Json& row : *screens) {
        if (!row.is_array() || row.size() != 7 || !row[0].is_string() || !row[1].is_string()) return false;
        for (size_t i = 2; i < 7; ++i) if (!row[i].is_number_integer()) return false;
        restored.screens_.push_back(ScreenTiming{row[0].get<std::string>(), row[1].get<std::string>(),
                                                 row[2].get<int>(), row[3].get<int>(), row[4].get<int64_t>(),
                                                 row[5].get<int64_t>(), row[6].get<int64_t>()});
    }
    restored.current_ = json_string(state, "current");
    restored.since_s_ = json_int(state, "since_s");
    *this = std::move(restored);
    return true;
}

}  // namespace cleanslate
