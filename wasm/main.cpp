// main.cpp — the browser wizard's entry points: WebGL2 + Dear ImGui set-up, fonts sized for
// the screen's pixel density, and the functions the JS bridge calls. Frames are drawn only
// when the bridge asks (input, resize, scroll, data, a running countdown): an idle screen
// costs no CPU.
//
// Why not GLFW's window: Emscripten's GLFW listens on the whole window and cancels Tab and
// Backspace key presses, which would break keyboard navigation and typing in the DOM fields.
// The canvas here only paints; every control is a real DOM element kept by the bridge.
#include "app/app.h"
#include "platform/browser.h"
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

using namespace cleanslate;

// --- Platform state (one wizard per page) -----------------------------------------------------------
namespace {
struct Platform {
    App app;
    UiFonts fonts;
    std::vector<unsigned char> font_regular, font_bold;
    float css_width = 390, css_height = 844, dpr = 1, font_dpr = 0, scroll_y = 0;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    std::string state;
};
Platform* platform_state = nullptr;

std::vector<std::string> split_languages(const char* list) {
    std::vector<std::string> out;
    std::stringstream in(list ? list : "");
    std::string item;
    while (std::getline(in, item, ',')) if (!item.empty()) out.push_back(item);
    return out;
}

// Glyphs the locales use; the font files were cut to the same set at build time.
const ImWchar kTextGlyphs[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2018, 0x201E, 0x2022, 0x2022, 0x2026, 0x2026,
                               0x2039, 0x203A, 0x2192, 0x2192, 0x20AC, 0x20AC, 0};
const ImWchar kDigitGlyphs[] = {0x0030, 0x0039, 0};

// Rasterises the fonts at the screen's device pixel ratio, so text is drawn 1:1 and crisp.
void build_fonts(Platform& p) {
    ImGuiIO& io = ImGui::GetIO();
    if (p.font_dpr == p.dpr && io.Fonts->IsBuilt()) return;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    io.Fonts->Clear();
    auto add = [&](std::vector<unsigned char>& data, float css_size, const ImWchar* glyphs) {
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;
        config.OversampleH = 1;
        config.OversampleV = 1;
        config.PixelSnapH = true;
        return io.Fonts->AddFontFromMemoryTTF(data.data(), static_cast<int>(data.size()), std::round(css_size * p.dpr), &config, glyphs);
    };
    p.fonts.body = add(p.font_regular, 19, kTextGlyphs);
    // Captions (16 px) draw with the body face scaled down: one atlas fewer to rasterise at start.
    p.fonts.small = p.fonts.body;
    p.fonts.strong = add(p.font_bold, 19, kTextGlyphs);
    p.fonts.heading = add(p.font_bold, 28, kTextGlyphs);
    p.fonts.display = add(p.font_bold, 64, kDigitGlyphs);
    io.Fonts->Build();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    p.font_dpr = p.dpr;
}
}  // namespace

// --- Entry points for the JS bridge ------------------------------------------------------------------
extern "C" {

EMSCRIPTEN_KEEPALIVE void cs_boot(const char* locale_nl, const char* locale_en, const char* fragment,
                                  const char* languages, double unix_now,
                                  const unsigned char* regular, int regular_size,
                                  const unsigned char* bold, int bold_size) {
    Platform& p = *(platform_state = new Platform());
    p.font_regular.assign(regular, regular + regular_size);
    p.font_bold.assign(bold, bold + bold_size);

    EmscriptenWebGLContextAttributes attributes;
    emscripten_webgl_init_context_attributes(&attributes);
    attributes.majorVersion = 2;
    attributes.alpha = false;
    attributes.antialias = false;   // ImGui anti-aliases its own shapes
    attributes.depth = false;
    attributes.stencil = false;
    p.gl = emscripten_webgl_create_context("#wizard-canvas", &attributes);
    emscripten_webgl_make_context_current(p.gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    ImGui_ImplOpenGL3_Init("#version 300 es");

    p.app.start(locale_nl, locale_en, fragment, split_languages(languages), unix_now);
}

EMSCRIPTEN_KEEPALIVE void cs_resize(float css_width, float css_height, float dpr) {
    if (!platform_state) return;
    platform_state->css_width = css_width;
    platform_state->css_height = css_height;
    platform_state->dpr = dpr;
}

EMSCRIPTEN_KEEPALIVE void cs_scroll(float scroll_y) { if (platform_state) platform_state->scroll_y = scroll_y; }

// Draws one frame. Returns 1 when the bridge should draw another right away (the screen
// changed during this one), else 0; a countdown asks for a later wake-up by itself.
EMSCRIPTEN_KEEPALIVE int cs_frame(double delta_seconds) {
    if (!platform_state) return 0;
    Platform& p = *platform_state;
    build_fonts(p);
    ImGuiIO& io = ImGui::GetIO();
    int width_px = static_cast<int>(std::round(p.css_width * p.dpr));
    int height_px = static_cast<int>(std::round(p.css_height * p.dpr));
    io.DisplaySize = ImVec2(static_cast<float>(width_px), static_cast<float>(height_px));
    io.DeltaTime = delta_seconds > 0 ? static_cast<float>(delta_seconds) : 1.f / 60.f;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    bool again = p.app.frame(ImGui::GetBackgroundDrawList(), p.fonts, p.css_width, p.css_height, p.dpr, p.scroll_y);
    ImGui::Render();
    glViewport(0, 0, width_px, height_px);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    double wake = p.app.take_wake();
    if (wake >= 0) platform::wake_after(wake);
    return again ? 1 : 0;
}

// at_ms: the input event's timeStamp (the page clock) when the bridge has one, else 0 (now).
EMSCRIPTEN_KEEPALIVE void cs_activate(const char* id, double at_ms) {
    if (platform_state) platform_state->app.ui().activate(id, at_ms > 0 ? at_ms : emscripten_get_now());
}
EMSCRIPTEN_KEEPALIVE void cs_focus(const char* id) { if (platform_state) platform_state->app.ui().set_focus(id); }
EMSCRIPTEN_KEEPALIVE void cs_hover(const char* id) { if (platform_state) platform_state->app.ui().set_hover(id); }
EMSCRIPTEN_KEEPALIVE void cs_press(const char* id) { if (platform_state) platform_state->app.ui().set_pressed(id); }
EMSCRIPTEN_KEEPALIVE void cs_field(const char* id, const char* value) {
    if (platform_state) platform_state->app.ui().set_field_value(id, value);
}
EMSCRIPTEN_KEEPALIVE void cs_history(int depth) {
    if (platform_state && depth >= 0) platform_state->app.on_history(static_cast<size_t>(depth));
}
EMSCRIPTEN_KEEPALIVE void cs_asset(const char* name, const char* text) {
    if (platform_state) platform_state->app.on_asset(name, text);
}
EMSCRIPTEN_KEEPALIVE void cs_asset_failed(const char* name) {
    if (platform_state) platform_state->app.on_asset_failed(name);
}
// The service worker holds every file the rest of the journey needs (boot.js checks the cache).
EMSCRIPTEN_KEEPALIVE void cs_offline_ready(int ready) {
    if (platform_state) platform_state->app.on_offline_ready(ready != 0);
}
// The report's browser events (web/static/report.js). Each returns 1 when the screen shows
// something the event changed (a delivery state, a voice note) and should be drawn again.
EMSCRIPTEN_KEEPALIVE int cs_report_answer(const char* key, const char* http_status, const char* retry_after_s) {
    if (!platform_state) return 0;
    platform_state->app.on_report_answer(key, std::atoi(http_status), std::atof(retry_after_s));
    return platform_state->app.report_on_screen() ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE void cs_report_tick() { if (platform_state) platform_state->app.on_report_tick(); }
EMSCRIPTEN_KEEPALIVE void cs_report_online() { if (platform_state) platform_state->app.on_report_online(); }
EMSCRIPTEN_KEEPALIVE int cs_report_voice(const char* mime, const char* base64, const char* seconds) {
    if (!platform_state) return 0;
    platform_state->app.on_voice_note(mime, base64, std::atof(seconds));
    return 1;
}
EMSCRIPTEN_KEEPALIVE int cs_report_voice_state(const char* state) {
    if (!platform_state) return 0;
    platform_state->app.on_voice_state(state);
    return 1;
}

EMSCRIPTEN_KEEPALIVE const char* cs_state() {
    if (!platform_state) return "{}";
    platform_state->state = platform_state->app.state_json();
    return platform_state->state.c_str();
}

}  // extern "C"

int main() { return 0; }  // the bridge calls cs_boot once the assets have arrived
