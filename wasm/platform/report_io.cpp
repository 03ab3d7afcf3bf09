// report_io.cpp — the JS calls behind report_io.h (EM_JS, next to their C++ signatures).
#include "platform/report_io.h"
#include <emscripten.h>
#include <cstdlib>

// --- Raw JS functions ------------------------------------------------------------------------
EM_JS(void, js_post_report, (const char* key, const char* body), {
    cleanslateReport.post(UTF8ToString(key), UTF8ToString(body));
});
EM_JS(void, js_report_wake_after, (double ms), { cleanslateReport.wakeAfter(ms); });
EM_JS(void, js_save_outbox, (const char* json), {
    try { localStorage.setItem('cleanslate.outbox', UTF8ToString(json)); } catch (e) {}
});
EM_JS(char*, js_load_outbox, (), {
    let text = '';
    try { text = localStorage.getItem('cleanslate.outbox') || ''; } catch (e) {}
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});
EM_JS(void, js_voice_start, (), { cleanslateReport.voiceStart(); });
EM_JS(void, js_voice_stop, (), { cleanslateReport.voiceStop(); });
EM_JS(void, js_voice_play, (const char* mime, const char* data), {
    cleanslateReport.voicePlay(UTF8ToString(mime), UTF8ToString(data));
});
EM_JS(void, js_save_file, (const char* name, const char* mime, const char* text), {
    cleanslateReport.saveFile(UTF8ToString(name), UTF8ToString(mime), UTF8ToString(text));
});

namespace cleanslate::platform {

// --- C++ face ------------------------------------------------------------------------------------
void post_report(const std::string& key, const std::string& body) { js_post_report(key.c_str(), body.c_str()); }
void report_wake_after(double milliseconds) { js_report_wake_after(milliseconds); }
void save_outbox(const std::string& json) { js_save_outbox(json.c_str()); }
std::string load_outbox() {
    char* raw = js_load_outbox();
    std::string text(raw);
    std::free(raw);
    return text;
}
void voice_start() { js_voice_start(); }
void voice_stop() { js_voice_stop(); }
void voice_play(const std::string& mime, const std::string& base64) { js_voice_play(mime.c_str(), base64.c_str()); }
void save_file(const std::string& filename, const std::string& mime, const std::string& text) {
    js_save_file(filename.c_str(), mime.c_str(), text.c_str());
}

}  // namespace cleanslate::platform
