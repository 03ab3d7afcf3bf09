// browser.h — everything the wizard asks of the browser, and nothing else.
// The only code that talks to JavaScript; the app calls these, the JS side lives in
// web/static/bridge.js. Native builds never include this file.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace cleanslate::platform {

// The semantic tree of what is on screen (JSON built by the app's UiKit): the bridge keeps
// real, focusable, labelled DOM elements over the canvas and sets title and <html lang>.
void publish_screen(const std::string& tree_json);

// Browser history: one entry per screen, so the browser's Back is the wizard's Back.
void push_history(size_t depth);

// The journey state for resume (never a password), kept in localStorage under the ticket.
void save_journey(const std::string& ticket, const std::string& state_json);
std::string load_journey(const std::string& ticket);

// Loads a data file (devices, password lists...) in the background; the result arrives
// through cs_asset_loaded / cs_asset_failed. Retries a flaky network by itself.
void request_asset(const char* name, const char* url);

// Asks the server to check the link's signature; the answer arrives as the asset "link-verify".
void verify_link(const std::string& token);

// Copies text to the clipboard (web/static/clipboard.js); the result arrives as the asset
// "clipboard": "copied" or "failed". Call it while handling a tap (browsers want a gesture).
void copy_to_clipboard(const std::string& text);

// Sound, touch and a screen that stays on, for the hold-the-button countdown
// (web/static/signals.js): a Web Audio tone, a vibration where the phone has one, and a
// screen wake lock while a countdown runs.
void play_tone(int frequency_hz, int milliseconds);
void vibrate(int milliseconds);
void keep_screen_awake(bool awake);
void fill_random(uint8_t* out, size_t count);   // crypto.getRandomValues
double now_ms();                                 // performance.now()
double unix_seconds();                           // Date.now() / 1000
void wake_after(double milliseconds);            // a redraw later (countdowns), no busy loop
void clear_text_field(const char* field_id);     // empties a DOM input (password) on leaving

}  // namespace cleanslate::platform
