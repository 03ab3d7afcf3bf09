// main.cpp — the browser wizard's entry points: WebGL + Dear ImGui set-up, fonts rasterised
// for the pixels they land on, and the functions the JS bridge calls. Frames are drawn only
// when the bridge asks (input, resize, scroll, data, a running countdown): an idle screen
// costs no CPU.
//
// Why not GLFW's window: Emscripten's GLFW listens on the whole window and cancels Tab and
// Backspace key presses, which would break keyboard navigation and typing in the DOM fields.
// The canvas here only paints; every control is a real DOM element kept by the bridge.
//
// Every browser gets the steps: WebGL2 first, else WebGL1 through the same ImGui backend
// (built for OpenGL ES 2, which both speak), else no canvas at all — the App still lays out
// every screen (the fonts are built for measuring) and the bridge shows its semantic tree
// as plain, styled HTML.
#include "app/app.h"
#include "app/theme.h"
#include "platform/browser.h"
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES2/gl2.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace cleanslate;

// --- Platform state (one wizard per page) -----------------------------------------------------------
namespace {
enum class Renderer { none = 0, webgl1 = 1, webgl2 = 2 };

struct Platform {
    App app;
    UiFonts fonts;
    UiView view;
    std::vector<unsigned char> font_regular, font_bold;
    float raster_scale = 1, built_raster = 0, built_text_scale = 0;
    Renderer renderer = Renderer::none;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    std::string state;
};
Platform* platform_state = nullptr;

// No <sstream> here: iostreams would add tens of kilobytes to the wasm for one split.
std::vector<std::string> split_languages(const char* list) {
    std::vector<std::string> out;
    std::string_view rest = list ? list : "";
    while (!rest.empty()) {
        size_t comma = std::min(rest.find(','), rest.size());
        if (comma > 0) out.emplace_back(rest.substr(0, comma));
        rest.remove_prefix(std::min(comma + 1, rest.size()));
    }
    return out;
}

// Glyphs the locales use; the font files were cut to the same set at build time.
const ImWchar kTextGlyphs[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2018, 0x201E, 0x2022, 0x2022, 0x2026, 0x2026,
                               0x2039, 0x203A, 0x20AC, 0x20AC, 0};
const ImWchar kDigitGlyphs[] = {0x0030, 0x0039, 0};

// The faces the kit draws with, at the sizes it uses most: each is rasterised for its size,
// so it lands on the screen 1:1 (other sizes scale the nearest one).
struct FaceSpec { bool bold; float css_size; const ImWchar* glyphs; };
constexpr FaceSpec kFaces[] = {
    {false, theme::kSmallSize, kTextGlyphs}, {false, theme::kBodySize, kTextGlyphs},
    {true, theme::kSmallSize, kTextGlyphs},  {true, theme::kBodySize, kTextGlyphs},
    {true, theme::kTitleSize, kTextGlyphs},  {true, theme::kHeadingSize, kTextGlyphs},
    {true, theme::kDisplaySize, kDigitGlyphs},
};

// Rasterising more finely than this costs more memory than a phone should spend on text.
constexpr float kMaxRasterScale = 6;

uint16_t read_u16(const std::vector<unsigned char>& d, size_t at) { return at + 1 < d.size() ? static_cast<uint16_t>(d[at] << 8 | d[at + 1]) : 0; }
uint32_t read_u32(const std::vector<unsigned char>& d, size_t at) { return static_cast<uint32_t>(read_u16(d, at)) << 16 | read_u16(d, at + 2); }

// Dear ImGui sizes a font by its line height (hhea ascent - descent), CSS by its em. This
// reads that ratio from the font file (head.unitsPerEm, hhea ascender/descender), so a
// 19 px text is drawn with the same 19 px em as CSS font-size: 19px (1.362 for Noto Sans).
float line_height_per_em(const std::vector<unsigned char>& font) {
    uint16_t tables = read_u16(font, 4);
    uint32_t head = 0, hhea = 0;
    for (uint16_t i = 0; i < tables; ++i) {
        size_t record = 12 + 16 * static_cast<size_t>(i);
        uint32_t tag = read_u32(font, record), offset = read_u32(font, record + 8);
        if (tag == 0x68656164) head = offset;        // 'head'
        if (tag == 0x68686561) hhea = offset;        // 'hhea'
    }
    if (!head || !hhea) return 1.362f;
    float units_per_em = read_u16(font, head + 18);
    float ascender = static_cast<int16_t>(read_u16(font, hhea + 4)), descender = static_cast<int16_t>(read_u16(font, hhea + 6));
    return units_per_em > 0 ? (ascender - descender) / units_per_em : 1.362f;
}

void build_fonts(Platform& p) {
    ImGuiIO& io = ImGui::GetIO();
    if (p.built_raster == p.raster_scale && p.built_text_scale == p.view.text_scale && io.Fonts->IsBuilt()) return;
    if (p.renderer != Renderer::none) ImGui_ImplOpenGL3_DestroyFontsTexture();
    io.Fonts->Clear();
    p.fonts.faces.clear();
    p.fonts.line_per_em = line_height_per_em(p.font_regular);
    for (const FaceSpec& spec : kFaces) {
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;
        config.OversampleH = 1;
        config.OversampleV = 1;
        // No pixel snapping of advances: the layout must not depend on the zoom. The kit
        // places each glyph on a whole pixel itself.
        config.PixelSnapH = false;
        std::vector<unsigned char>& data = spec.bold ? p.font_bold : p.font_regular;
        // Display digits keep their size when the text size grows: the countdown ring is drawn for them.
        float text_scale = spec.glyphs == kDigitGlyphs ? 1 : p.view.text_scale;
        float line_px = spec.css_size * text_scale * p.fonts.line_per_em * p.raster_scale;
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(data.data(), static_cast<int>(data.size()), line_px, &config, spec.glyphs);
        p.fonts.faces.push_back({font, spec.bold, spec.css_size});
    }
    io.Fonts->Build();
    if (p.renderer != Renderer::none) ImGui_ImplOpenGL3_CreateFontsTexture();
    p.built_raster = p.raster_scale;
    p.built_text_scale = p.view.text_scale;
}

EMSCRIPTEN_WEBGL_CONTEXT_HANDLE create_context(int major_version) {
    EmscriptenWebGLContextAttributes attributes;
    emscripten_webgl_init_context_attributes(&attributes);
    attributes.majorVersion = major_version;
    attributes.alpha = false;
    attributes.antialias = false;   // ImGui anti-aliases its own shapes
    attributes.depth = false;
    attributes.stencil = false;
    return emscripten_webgl_create_context("#wizard-canvas", &attributes);
}
}  // namespace

// --- Entry points for the JS bridge ------------------------------------------------------------------
extern "C" {

// The language whose texts the page should load before the first frame (see App::first_locale).
EMSCRIPTEN_KEEPALIVE const char* cs_first_locale(const char* fragment, const char* languages, double unix_now) {
    static std::string chosen;
    chosen = App::first_locale(fragment, split_languages(languages), unix_now);
    return chosen.c_str();
}

// Returns how the wizard draws: 2 = WebGL2, 1 = WebGL1, 0 = no canvas (the bridge shows HTML).
EMSCRIPTEN_KEEPALIVE int cs_boot(const char* locale_code, const char* locale_text, const char* fragment,
                                 const char* languages, double unix_now, const char* provider_json,
                                 const unsigned char* regular, int regular_size,
                                 const unsigned char* bold, int bold_size) {
    Platform& p = *(platform_state = new Platform());
    p.font_regular.assign(regular, regular + regular_size);
    p.font_bold.assign(bold, bold + bold_size);

    p.gl = create_context(2);
    p.renderer = p.gl > 0 ? Renderer::webgl2 : Renderer::none;
    if (p.gl <= 0) {
        p.gl = create_context(1);
        if (p.gl > 0) p.renderer = Renderer::webgl1;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    if (p.renderer != Renderer::none) {
        emscripten_webgl_make_context_current(p.gl);
        ImGui_ImplOpenGL3_Init("#version 100");
    }
    p.app.start(locale_code, locale_text, fragment, split_languages(languages), unix_now, provider_json ? provider_json : "");
    return static_cast<int>(p.renderer);
}

// What the canvas shows: the page's layout width and height, the document point at the
// canvas's top-left, the CSS px it covers, its pixels per CSS px (devicePixelRatio × pinch
// zoom), the pixels per CSS px the fonts should be rasterised for (the bridge settles this
// after a pinch ends), and the browser's text size (1rem / 16 px).
EMSCRIPTEN_KEEPALIVE void cs_view(float width, float height, float origin_x, float origin_y, float visible_width,
                                  float visible_height, float pixel_scale, float raster_scale, float text_scale) {
    if (!platform_state) return;
    Platform& p = *platform_state;
    p.view = {width, height, origin_x, origin_y, visible_width, visible_height, pixel_scale, text_scale};
    // Without a canvas the fonts only measure: one small raster is enough.
    p.raster_scale = p.renderer == Renderer::none ? 1 : std::min(kMaxRasterScale, std::round(raster_scale * 4) / 4);
}

// Draws one frame. Returns 1 when the bridge should draw another right away (the screen
// changed during this one), else 0; a countdown asks for a later wake-up by itself.
EMSCRIPTEN_KEEPALIVE int cs_frame(double delta_seconds) {
    if (!platform_state) return 0;
    Platform& p = *platform_state;
    build_fonts(p);
    bool again;
    if (p.renderer == Renderer::none) {
        again = p.app.frame(nullptr, p.fonts, p.view);
    } else {
        ImGuiIO& io = ImGui::GetIO();
        int width_px = static_cast<int>(std::round(p.view.visible_width * p.view.pixel_scale));
        int height_px = static_cast<int>(std::round(p.view.visible_height * p.view.pixel_scale));
        io.DisplaySize = ImVec2(static_cast<float>(width_px), static_cast<float>(height_px));
        io.DeltaTime = delta_seconds > 0 ? static_cast<float>(delta_seconds) : 1.f / 60.f;
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::NewFrame();
        again = p.app.frame(ImGui::GetBackgroundDrawList(), p.fonts, p.view);
        ImGui::Render();
        glViewport(0, 0, width_px, height_px);
        glClearColor(1, 1, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
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
