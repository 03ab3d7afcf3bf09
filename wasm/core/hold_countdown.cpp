// hold_countdown.cpp — lead-in, hold and the cues on the way. Times are elapsed
// milliseconds since Start: the lead-in ticks at 0, 1 and 2 s, "press now" at 3 s, a beep
// every 5 s of holding, "let go" at the end; with a power cycle, "pull it out" and "put it
// back in" on the way (they take the place of a beep due at the same moment).
#include "core/hold_countdown.h"

#include <algorithm>
#include <cmath>

namespace cleanslate {

void HoldCountdown::set_hold_seconds(int seconds) {
    if (seconds == hold_seconds_) return;
    hold_seconds_ = std::max(1, seconds);
    stop();
}

void HoldCountdown::set_power_off_seconds(int off_seconds) {
    off_seconds = std::max(0, off_seconds);
    if (off_seconds == power_off_seconds_) return;
    power_off_seconds_ = off_seconds;
    stop();
}

void HoldCountdown::start(double now_ms) {
    started_ms_ = now_ms;
    cues_taken_until_ms_ = -1;
}

void HoldCountdown::stop() {
    started_ms_ = -1;
    cues_taken_until_ms_ = -1;
}

// --- Where the countdown is ---------------------------------------------------------------------
HoldPhase HoldCountdown::phase(double now_ms) const {
    if (started_ms_ < 0) return HoldPhase::ready;
    double t = elapsed_ms(now_ms);
    if (t < kLeadInSeconds * 1000.0) return HoldPhase::lead_in;
    if (t < hold_end_ms()) return HoldPhase::holding;
    return HoldPhase::done;
}

bool HoldCountdown::running(double now_ms) const {
    HoldPhase p = phase(now_ms);
    return p == HoldPhase::lead_in || p == HoldPhase::holding;
}

int HoldCountdown::number(double now_ms) const {
    double t = elapsed_ms(now_ms);
    switch (phase(now_ms)) {
        case HoldPhase::ready: return hold_seconds_;
        case HoldPhase::lead_in: return kLeadInSeconds - static_cast<int>(std::floor(t / 1000.0));
        case HoldPhase::holding: return static_cast<int>(std::ceil((hold_end_ms() - t) / 1000.0));
        case HoldPhase::done: return 0;
    }
    return 0;
}

float HoldCountdown::fraction_left(double now_ms) const {
    switch (phase(now_ms)) {
        case HoldPhase::ready:
        case HoldPhase::lead_in: return 1.f;
        case HoldPhase::holding: return static_cast<float>((hold_end_ms() - elapsed_ms(now_ms)) / (hold_seconds_ * 1000.0));
        case HoldPhase::done: return 0.f;
    }
    return 0.f;
}

PowerMoment HoldCountdown::power_moment(double now_ms) const {
    if (power_off_seconds_ <= 0 || phase(now_ms) != HoldPhase::holding) return PowerMoment::none;
    double t = elapsed_ms(now_ms);
    if (t < power_out_ms()) return PowerMoment::before;
    if (t < power_in_ms()) return PowerMoment::out;
    if (t < power_in_ms() + kPowerBackShownSeconds * 1000.0) return PowerMoment::back;
    return PowerMoment::none;
}

HoldAnnouncement HoldCountdown::announcement(double now_ms) const {
    HoldPhase p = phase(now_ms);
    if (p != HoldPhase::holding) return {p, p == HoldPhase::done ? 0 : hold_seconds_};
    // The power moments are told when they come; the seconds left only every 10 seconds.
    PowerMoment power = power_moment(now_ms);
    if (power == PowerMoment::before) power = PowerMoment::none;
    double held_s = (elapsed_ms(now_ms) - kLeadInSeconds * 1000.0) / 1000.0;
    int steps = static_cast<int>(std::floor(held_s / kAnnounceEverySeconds));
    return {p, hold_seconds_ - steps * kAnnounceEverySeconds, power};
}

// --- Cues -----------------------------------------------------------------------------------------
HoldCue HoldCountdown::take_cue(double now_ms) {
    if (started_ms_ < 0) return HoldCue::none;
    double from = cues_taken_until_ms_, to = elapsed_ms(now_ms);
    cues_taken_until_ms_ = std::max(cues_taken_until_ms_, to);
    auto due = [&](double at) { return at > from && at <= to; };
    // Latest first: the first due cue found is the one to play.
    if (due(hold_end_ms())) return HoldCue::let_go;
    if (power_off_seconds_ > 0 && due(power_in_ms())) return HoldCue::power_in;
    if (power_off_seconds_ > 0 && due(power_out_ms())) return HoldCue::power_out;
    for (int s = hold_seconds_ - 1; s >= kBeepEverySeconds; --s)
        if (s % kBeepEverySeconds == 0 && due((kLeadInSeconds + s) * 1000.0)) return HoldCue::beep;
    if (due(kLeadInSeconds * 1000.0)) return HoldCue::press_now;
    for (int s = kLeadInSeconds - 1; s >= 0; --s)
        if (due(s * 1000.0)) return HoldCue::tick;
    return HoldCue::none;
}

double HoldCountdown::ms_until_next_change(double now_ms) const {
    if (!running(now_ms)) return -1;
    double t = elapsed_ms(now_ms);
    return std::max(1.0, (std::floor(t / 1000.0) + 1) * 1000.0 - t);
}

}  // namespace cleanslate
