// reporting.h — the parts of the page that listen and report, shared by every screen:
// "Tell us what you think" at the foot of each screen (consent asked the first time it opens,
// quick chips, the customer's own words, a voice note), "Please call me back" for help
// screens and for "I'm stuck", and the finish screen's "This is what we tell your provider".
// They live here rather than in each screen file so every screen gets them the same way.
#pragma once
#include "app/app.h"

namespace cleanslate {

// The think-aloud control, drawn by App::frame after the screen itself.
void feedback_panel(App& app);

// "Would you like us to call you?" with a phone field; the request is sent at once.
// Help screens call it; the feedback panel opens it after "I'm stuck".
void callback_offer(App& app);

// On the finish screen: whether the report was sent, what it says in plain words, and
// buttons to keep a copy (a readable page and the data as sent).
void report_summary_section(App& app);

}  // namespace cleanslate
