// browser.cpp — the JS calls behind browser.h, written with EM_JS so the glue stays next to
// its C++ signature. The JS objects they use (window.cleanslateBridge) are in web/static.
#include "platform/browser.h"
#include <emscripten.h>
#include <cstdlib>

// --- Raw JS functions ------------------------------------------------------------------------
EM_JS(void, js_publish_screen, (const char* json), { cleanslateBridge.publish(UTF8ToString(json)); });
EM_JS(void, js_push_history, (int depth), { cleanslateBridge.pushHistory(depth); });
EM_JS(void, js_save_journey, (const char* ticket, const char* json), {
    try { localStorage.setItem('cleanslate.journey.' + UTF8ToString(ticket), UTF8ToString(json)); } catch (e) {}
});
EM_JS(char*, js_load_journey, (const char* ticket), {
    let text = '';
    try { text = localStorage.getItem('cleanslate.journey.' + UTF8ToString(ticket)) || ''; } catch (e) {}
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});
EM_JS(void, js_request_asset, (const char* name, const char* url), {
    cleanslateBridge.loadAsset(UTF8ToString(name), UTF8ToString(url));
});
EM_JS(void, js_verify_link, (const char* token), { cleanslateBridge.verifyLink(UTF8ToString(token)); });
EM_JS(void, js_play_tone, (int hz, int ms), { if (window.cleanslateSignals) cleanslateSignals.tone(hz, ms); });
EM_JS(void, js_vibrate, (int ms), { if (window.cleanslateSignals) cleanslateSignals.vibrate(ms); });
EM_JS(void, js_keep_screen_awake, (int on), { if (window.cleanslateSignals) cleanslateSignals.keepAwake(!!on); });
EM_JS(void, js_copy_to_clipboard, (const char* text), {
    cleanslateClipboard.copy(UTF8ToString(text)).then(copied => {
        cleanslateBridge.withStrings(['clipboard', copied ? 'copied' : 'failed'], (name, result) => _cs_asset(name, result));
        cleanslateBridge.requestFrame();
    });
});
EM_JS(void, js_fill_random, (uint8_t* out, int count), { crypto.getRandomValues(HEAPU8.subarray(out, out + count)); });
EM_JS(double, js_unix_seconds, (), { return Date.now() / 1000; });
EM_JS(void, js_wake_after, (double ms), { cleanslateBridge.wakeAfter(ms); });
EM_JS(void, js_clear_text_field, (const char* id), { cleanslateBridge.clearField(UTF8ToString(id)); });

namespace cleanslate::platform {

// --- C++ face ------------------------------------------------------------------------------------
void publish_screen(const std::string& tree_json) { js_publish_screen(tree_json.c_str()); }
void push_history(size_t depth) { js_push_history(static_cast<int>(depth)); }
void save_journey(const std::string& ticket, const std::string& state_json) {
    js_save_journey(ticket.c_str(), state_json.c_str());
}
std::string load_journey(const std::string& ticket) {
    char* raw = js_load_journey(ticket.c_str());
    std::string text(raw);
    std::free(raw);
    return text;
}
void request_asset(const char* name, const char* url) { js_request_asset(name, url); }
void verify_link(const std::string& token) { js_verify_link(token.c_str()); }
void play_tone(int frequency_hz, int milliseconds) { js_play_tone(frequency_hz, milliseconds); }
void vibrate(int milliseconds) { js_vibrate(milliseconds); }
void keep_screen_awake(bool awake) { js_keep_screen_awake(awake ? 1 : 0); }
void copy_to_clipboard(const std::string& text) { js_copy_to_clipboard(text.c_str()); }
void fill_random(uint8_t* out, size_t count) { js_fill_random(out, static_cast<int>(count)); }
double now_ms() { return emscripten_get_now(); }
double unix_seconds() { return js_unix_seconds(); }
void wake_after(double milliseconds) { js_wake_after(milliseconds); }
void clear_text_field(const char* field_id) { js_clear_text_field(field_id); }

}  // namespace cleanslate::platform
