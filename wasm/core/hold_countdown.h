// hold_countdown.h — the countdown for "hold the button N seconds", made for one pair of hands.
//
// The customer taps Start and lays the phone down: one hand holds the paperclip, the other
// may have to plug in the power. A lead-in counts 3-2-1 with a tick each second, then a beep
// says "press now". While they hold, a beep every 5 seconds tells them it is still running
// (their eyes are on the device, not the phone); at 0 a long tone says "let go". Screen
// readers hear the start, every 10 seconds and the end — never every second.
//
// Some makers say "hold the button, then pull the plug while still holding": a power cycle
// inside the hold. Then a cue says "pull it out now" a few seconds into the hold and another
// "put it back in now" when the power has been out long enough; the rest of the hold counts on.
//
// Pure time arithmetic on the caller's clock (milliseconds), so it is tested natively; the
// app turns cues into sound and vibration (platform) and announcements into text (locales).
#pragma once

namespace cleanslate {

enum class HoldPhase { ready, lead_in, holding, done };

// A sound (and, where the phone can, a vibration) the countdown asks for.
enum class HoldCue { none, tick, press_now, beep, power_out, power_in, let_go };

// Where a hold with a power cycle is: before the power goes out, out, just back in (the
// few seconds the "put it back in now" stays on screen), or none (no power cycle, or not
// holding).
enum class PowerMoment { none, before, out, back };

// What a screen reader should be told; it changes only at the start, every 10 seconds and at
// the end, so a live region that follows it never speaks every second.
struct HoldAnnouncement {
    HoldPhase phase = HoldPhase::ready;
    int seconds_left = 0;
    PowerMoment power = PowerMoment::none;   // out/back: "pull it out now" / "put it back in now"
    bool operator==(const HoldAnnouncement& o) const { return phase == o.phase && seconds_left == o.seconds_left && power == o.power; }
    bool operator!=(const HoldAnnouncement& o) const { return !(*this == o); }
};

class HoldCountdown {
public:
    static constexpr int kLeadInSeconds = 3;
    static constexpr int kBeepEverySeconds = 5;
    static constexpr int kAnnounceEverySeconds = 10;
    // With a power cycle: the seconds of holding before "pull it out now" (time to get a firm
    // grip with one hand and reach the plug with the other), and how long "put it back in now"
    // stays on screen.
    static constexpr int kPowerOutAfterSeconds = 3;
    static constexpr int kPowerBackShownSeconds = 3;

    // The hold the procedure asks for; a different value stops a running countdown.
    void set_hold_seconds(int seconds);
    int hold_seconds() const { return hold_seconds_; }
    // A power cycle inside the hold: out after kPowerOutAfterSeconds, back in off_seconds
    // later; 0 for none. A different value stops a running countdown. The whole hold
    // (set_hold_seconds) must include both.
    void set_power_off_seconds(int off_seconds);
    int power_off_seconds() const { return power_off_seconds_; }
    PowerMoment power_moment(double now_ms) const;

    void start(double now_ms);
    void stop();                               // back to ready (leaving the page, "start again")

    HoldPhase phase(double now_ms) const;
    bool running(double now_ms) const;         // lead-in or holding
    // The whole number on screen: 3, 2, 1 in the lead-in; seconds left (rounded up) while
    // holding; 0 when done; the full hold when ready.
    int number(double now_ms) const;
    // The share of the hold still to go, for the ring: 1 until the press, 0 when done.
    float fraction_left(double now_ms) const;
    HoldAnnouncement announcement(double now_ms) const;

    // The sound due since the previous call. When frames came late (a busy phone), only the
    // latest is played rather than a burst of stale beeps.
    HoldCue take_cue(double now_ms);
    // Milliseconds until the screen next changes (the next whole second), or -1 when idle.
    double ms_until_next_change(double now_ms) const;

private:
    double elapsed_ms(double now_ms) const { return now_ms - started_ms_; }
    double hold_end_ms() const { return (kLeadInSeconds + hold_seconds_) * 1000.0; }

    double power_out_ms() const { return (kLeadInSeconds + kPowerOutAfterSeconds) * 1000.0; }
    double power_in_ms() const { return power_out_ms() + power_off_seconds_ * 1000.0; }

    int hold_seconds_ = 0;
    int power_off_seconds_ = 0;
    double started_ms_ = -1;
    double cues_taken_until_ms_ = -1;          // elapsed time up to which cues were handed out
};

}  // namespace cleanslate
