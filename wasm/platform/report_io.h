// report_io.h — what the report needs from the browser: posting reports to the provider's
// server, keeping the outbox in localStorage, recording and playing voice notes, and saving
// the customer's copy as a file. The JS side is web/static/report.js (window.cleanslateReport);
// answers come back through the cs_report_* entry points in main.cpp.
#pragma once
#include <string>

namespace cleanslate::platform {

// POSTs body to api/report; the answer arrives as cs_report_answer(key, http_status, retry_after_s)
// with status 0 when the network failed.
void post_report(const std::string& key, const std::string& body);
// A later pump of the outbox (cs_report_tick), without drawing a frame.
void report_wake_after(double milliseconds);

// The outbox of every journey on this browser (one localStorage entry).
void save_outbox(const std::string& json);
std::string load_outbox();

// Voice notes: start asks for the microphone (the browser asks the customer); the recording
// arrives as cs_report_voice(mime, base64, seconds), a refusal or failure as
// cs_report_voice_failed("denied" | "unavailable"). Recording stops by itself at 60 s.
void voice_start();
void voice_stop();
void voice_play(const std::string& mime, const std::string& base64);

// Saves text as a file on the customer's device (a download).
void save_file(const std::string& filename, const std::string& mime, const std::string& text);

}  // namespace cleanslate::platform
