// ui.h — the page kit every screen is built from, and the semantic tree it publishes.
//
// A screen is a column of blocks laid out top to bottom (GOV.UK question-page style):
// top bar with Back and the language switch, "Step 2 of 5", one heading, a few short
// paragraphs, choices or a field, one big primary button. Blocks are measured in CSS
// pixels and drawn in device pixels (CSS × devicePixelRatio) so text stays crisp.
//
// The canvas does not take clicks: each control is also published as a node (role,
// accessible name = visible label, state, rectangle) and the JS bridge keeps a real,
// focusable DOM element over it. A click or Enter on that element comes back as an
// activation for the control's id, which the control's function returns as true on the
// next frame. Hover, press and keyboard focus come back the same way, to be drawn.
#pragma once
#include <string>
#include <vector>

struct ImFont;
struct ImDrawList;

namespace cleanslate {

struct UiFonts {
    ImFont* body = nullptr;       // 18 CSS px regular
    ImFont* small = nullptr;      // captions at 16 CSS px (never below 16); may be the body face scaled
    ImFont* strong = nullptr;     // 18 CSS px bold (buttons)
    ImFont* heading = nullptr;    // 28 CSS px bold
    ImFont* display = nullptr;    // 64 CSS px bold (countdown, passphrase)
};

enum class Icon { none, camera, recorder, router, tv_box, printer, nas, smart_home, phone, question, check, cross, pinhole,
                  // the internet line coming into a modem, and the Wi-Fi sticker on a router
                  line_dsl, line_coax, line_fibre, wifi_sticker };

struct UiNode {
    std::string id, role, name, value, extra;  // extra: input type / heading level / live politeness
    float x = 0, y = 0, w = 0, h = 0;          // CSS px, document coordinates
    bool pressed = false, disabled = false;
};

class UiKit {
public:
    // --- Frame ---------------------------------------------------------------------------
    void begin(ImDrawList* draw, const UiFonts& fonts, float css_width, float css_height, float dpr, float scroll_y);
    // Finishes the frame and returns the semantic tree as JSON for the bridge.
    std::string end(const std::string& title, const std::string& lang);
    float content_height() const { return cursor_y_ + kPadding * 2; }

    // --- Input from the bridge --------------------------------------------------------------
    // at_ms: when the tap or key press happened (the page's clock), so a screen can tell a
    // tap meant for the previous question from one meant for this one, however late the frame.
    void activate(const std::string& id, double at_ms = -1) { pending_activation_ = id; activation_ms_ = at_ms; }
    double activation_ms() const { return activation_ms_; }   // of the activation a control last consumed
    void set_focus(const std::string& id) { focused_ = id; }
    void set_hover(const std::string& id) { hovered_ = id; }
    void set_pressed(const std::string& id) { pressed_ = id; }
    void set_field_value(const std::string& id, std::string value);
    const std::string& field_value(const std::string& id) const;
    unsigned field_changes() const { return field_changes_; }   // bumps on every keystroke in any field
    void clear_field(const std::string& id);
    // Whether a control acted this frame: what it changed is drawn on the next one.
    bool acted() const { return acted_; }
    // True once when Enter was pressed in the field (the bridge sends "<id>.submit").
    bool submitted(const std::string& field_id) { return control(field_id + ".submit"); }

    // --- Blocks ---------------------------------------------------------------------------------
    // The language switch shows (and is named by) the other language's own name.
    bool top_bar(const std::string& back_label, bool show_back, const std::string& language_name, bool& language_clicked);
    void progress(const std::string& text, const std::string& id = "progress");
    void heading(const std::string& text);
    void paragraph(const std::string& text, bool muted = false);
    void strong_text(const std::string& text);
    void bullet(const std::string& text);
    void numbered(int number, const std::string& text);
    void panel(const std::string& title, const std::string& text);      // grey inset: evidence, notes
    void warning(const std::string& text);                               // "!" callout
    void status(const std::string& text);                                // aria-live polite
    void big_text(const std::string& text, const std::string& label);    // e.g. a passphrase, shown large
    void drawing(Icon icon, const std::string& caption);                 // a simple picture with a caption
    void spacer(float css_px);

    bool primary_button(const std::string& id, const std::string& label, bool enabled = true);
    bool secondary_button(const std::string& id, const std::string& label);
    bool choice(const std::string& id, const std::string& label, const std::string& hint, Icon icon, bool selected);
    bool link(const std::string& id, const std::string& label, const std::string& href = "");
    void text_field(const std::string& id, const std::string& label, const std::string& input_type,
                    const std::string& autocomplete, const std::string& hint);
    // A box for a few lines of the customer's own words: a real <textarea> over it.
    void text_area(const std::string& id, const std::string& label, const std::string& hint, int lines);
    // A ring that empties over total seconds; shows the whole seconds left large in the middle.
    void countdown(float seconds_left, float total_seconds, const std::string& caption);

private:
    bool control(const std::string& id);    // consumes a pending activation for id
    void add_node(UiNode node);
    void text_block(ImFont* font, float css_size, unsigned color, const std::string& text, UiNode node, float gap);
    std::string next_text_id() const;     // ids for plain text nodes: their place on the page
    float px(float css) const { return css * dpr_; }
    void field_box(const std::string& id, const std::string& label, const std::string& hint, const std::string& extra, float h);
    float text_height(ImFont* font, float css_size, const std::string& text, float css_wrap) const;
    void draw_text(ImFont* font, float css_size, float css_x, float css_y, unsigned color, const std::string& text, float css_wrap);
    void draw_focus(float x, float y, float w, float h, const std::string& id);
    void draw_icon(Icon icon, float cx, float cy, float size, unsigned color);
    float column_x() const { return column_x_; }

    static constexpr float kPadding = 20.f;
    static constexpr float kColumn = 640.f;

    ImDrawList* draw_ = nullptr;
    UiFonts fonts_;
    float width_ = 0, height_ = 0, dpr_ = 1, scroll_ = 0;
    float column_x_ = 0, column_w_ = 0, cursor_y_ = 0;
    std::vector<UiNode> nodes_;
    std::string pending_activation_, focused_, hovered_, pressed_;
    double activation_ms_ = -1;
    std::vector<std::pair<std::string, std::string>> fields_;
    unsigned field_changes_ = 0;
    bool acted_ = false;
};

}  // namespace cleanslate
