// ui.h — the page kit every screen is built from, and the semantic tree it publishes.
//
// A screen is a column of blocks laid out top to bottom (GOV.UK question-page style): the
// provider's bar, Back and the language switch, the task list, one heading, a few short
// paragraphs, radios or a field, one big primary button. Blocks are measured in CSS pixels
// of the document and drawn through a view (scroll, pinch zoom, devicePixelRatio), so text
// is rasterised for the pixels it lands on and stays crisp at any zoom.
//
// Sizes are real: a "19 px" text has a 19 CSS px em, like CSS font-size: 19px, and every
// text size follows the browser's text-size setting (UiView::text_scale).
//
// The canvas does not take clicks: each control is also published as a node (role,
// accessible name = visible label, state, rectangle) and the JS bridge keeps a real,
// focusable DOM element over it. A click or Enter on that element comes back as an
// activation for the control's id, which the control's function returns as true on the
// next frame. Hover, press and keyboard focus come back the same way, to be drawn. Every
// drawn line of text is published with its position, so the bridge can keep a transparent,
// selectable text layer over the canvas (find-in-page, copy, screen readers).
#pragma once
#include <string>
#include <utility>
#include <vector>

struct ImFont;
struct ImDrawList;

namespace cleanslate {

// --- Fonts and view --------------------------------------------------------------------------
// The faces the platform rasterised for the current view; the kit picks the closest size.
struct UiFont {
    ImFont* font = nullptr;
    bool bold = false;
    float css_size = 0;        // the em size it was rasterised for, before text_scale
};
struct UiFonts {
    std::vector<UiFont> faces;
    float line_per_em = 1.362f;   // the font's line height (ascent - descent) per em: ImGui sizes by it
};

// Where the canvas looks: the document point at its top-left corner and its pixel density.
struct UiView {
    float width = 390, height = 844;   // layout viewport in CSS px: the page's width decides the column
    float origin_x = 0, origin_y = 0;  // document CSS px shown at the canvas's top-left (scroll + pinch)
    float visible_width = 390, visible_height = 844;   // CSS px the canvas covers (the visual viewport)
    float pixel_scale = 1;             // canvas pixels per CSS px: devicePixelRatio × pinch zoom
    float text_scale = 1;              // the browser's text size: 1rem / 16 px (1.5 for "large")
};

enum class Icon { none, camera, doorbell, intercom, recorder, router, tv_box, printer, nas, smart_home, phone, question, check, cross, pinhole,
                  // the internet line coming into a modem, and the Wi-Fi sticker on a router
                  line_dsl, line_coax, line_fibre, wifi_sticker };
enum class Tone { info, success, alert };   // status blocks: blue, green panel, black and yellow

// One published line of text: where it is drawn, so the DOM text layer can sit on it.
struct UiLine {
    float x = 0, y = 0, w = 0, size = 0;   // document CSS px; size = the drawn em size
    bool bold = false;
    std::string text;                      // the line as drawn, with the space it broke at
};

struct UiNode {
    UiNode() = default;
    UiNode(std::string id_, std::string role_, std::string name_, std::string value_ = {}, std::string extra_ = {},
           float x_ = 0, float y_ = 0, float w_ = 0, float h_ = 0)
        : id(std::move(id_)), role(std::move(role_)), name(std::move(name_)), value(std::move(value_)),
          extra(std::move(extra_)), x(x_), y(y_), w(w_), h(h_) {}

    std::string id, role, name, value, extra;  // extra: input type / heading level / live politeness / kind
    float x = 0, y = 0, w = 0, h = 0;          // CSS px, document coordinates
    bool pressed = false, disabled = false, invalid = false;
    std::string parent;                        // a group node's id: radios, error summary, task list
    std::string described_by;                  // ids of the hint and error texts for a field
    std::vector<UiLine> lines;
};

// An option of a GOV.UK radio group, and an entry of an error summary.
struct RadioOption { std::string id, label, hint; };
struct FieldError { std::string field_id, message; };

// A step of the progress task list ("1 Apparaat gevonden ✓ · 2 Internet uit ✓ · 3 Reset").
struct Task { std::string name; bool done = false, current = false; };

class UiKit {
public:
    // After a screen or question appears, taps and key presses are ignored this long, so a
    // double tap never answers the next question (the bridge also stops pointer events).
    static constexpr double kSettleMs = 400;

    // --- Frame ---------------------------------------------------------------------------
    void begin(ImDrawList* draw, const UiFonts& fonts, const UiView& view, double now_ms);
    // Finishes the frame and returns the semantic tree as JSON for the bridge. When the page
    // is new (its heading changed), the bridge moves focus to the new h1 and announces
    // `announcement`.
    std::string end(const std::string& title, const std::string& lang, const std::string& announcement = "");
    float content_height() const { return cursor_y_ + kPadding * 2; }
    float column_width() const { return column_w_; }

    // --- Input from the bridge --------------------------------------------------------------
    // at_ms: when the tap or key press happened (the page's clock), so a screen can tell a
    // tap meant for the previous question from one meant for this one, however late the frame.
    void activate(const std::string& id, double at_ms = -1) { pending_activation_ = id; activation_ms_ = at_ms; }
    double activation_ms() const { return activation_ms_; }   // of the activation a control last consumed
    void set_focus(const std::string& id) { focused_ = id; }      // keyboard focus only (:focus-visible)
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

    // --- Page chrome -----------------------------------------------------------------------------
    // The provider's name (and logo) on every screen, with the language switch beside it: a
    // phisher can copy a page, not the address bar or the number on the customer's invoice.
    // The switch shows (and is named by) the other language's own name. Returns its tap.
    bool provider_bar(const std::string& provider_name, const std::string& service_name, const std::string& logo,
                      float logo_aspect, const std::string& language_name, bool& language_clicked);
    bool back_link(const std::string& label);   // returns true when pressed
    // The journey's steps as a named list that moves with the customer; `label` names the list.
    void task_list(const std::string& label, const std::vector<Task>& tasks, const std::string& done_word);
    void progress(const std::string& text, const std::string& id = "progress");   // a small caption
    void heading(const std::string& text);

    // --- Text blocks -----------------------------------------------------------------------------
    void paragraph(const std::string& text, bool muted = false);
    void strong_text(const std::string& text);
    void bullet(const std::string& text);
    void numbered(int number, const std::string& text);
    void panel(const std::string& title, const std::string& text);      // grey inset: evidence, notes
    void warning(const std::string& text);                               // "!" callout
    void status(const std::string& text);                                // aria-live polite
    // A large, high-contrast block that is announced when it changes: "Let go now" (alert),
    // a confirmation panel with a case number (success), a plain notice (info).
    void status_block(const std::string& title, const std::string& text, Tone tone, const std::string& id = "status_block");
    void big_text(const std::string& text, const std::string& label);    // e.g. a passphrase, shown large
    void drawing(Icon icon, const std::string& caption);                 // a simple picture with a caption
    void spacer(float css_px);

    // --- Controls ---------------------------------------------------------------------------------
    bool primary_button(const std::string& id, const std::string& label, bool enabled = true);
    bool secondary_button(const std::string& id, const std::string& label);
    // A big tappable card that acts at once (a menu of next steps). For a question, use radios.
    bool choice(const std::string& id, const std::string& label, const std::string& hint, Icon icon, bool selected);
    // GOV.UK radios, named by the page's h1: a tap selects, it does not submit (the page's
    // "Doorgaan" button does). Returns the index tapped this frame, or -1. With an error the
    // group shows it in red and is marked invalid, tied to the message.
    int radios(const std::string& group_id, const std::vector<RadioOption>& options, int selected,
               const std::string& error = "");
    // A link that wraps only between words (a long web address breaks after "/" or "."),
    // underlined on every line and tappable over its whole text. With href "tel:..." or a web
    // address the browser follows it; without, it acts like a button.
    bool link(const std::string& id, const std::string& label, const std::string& href = "");
    // The helpdesk as a big button: "Call 088 …" with the opening hours under it.
    void call_button(const std::string& id, const std::string& label, const std::string& hours, const std::string& tel_href);
    // A real <input> over a drawn box. With an error: red message above the box, the input
    // marked aria-invalid and described by the hint and the message (GOV.UK inline error).
    void text_field(const std::string& id, const std::string& label, const std::string& input_type,
                    const std::string& autocomplete, const std::string& hint, const std::string& error = "");
    // GOV.UK error summary at the top of a page: a title and one link per problem that moves
    // focus to its field. The bridge moves focus to the summary when it appears.
    void error_summary(const std::string& title, const std::vector<FieldError>& errors);
    // A box for a few lines of the customer's own words: a real <textarea> over it.
    void text_area(const std::string& id, const std::string& label, const std::string& hint, int lines);
    // A ring that empties over total seconds; shows the whole seconds left large in the middle.
    void countdown(float seconds_left, float total_seconds, const std::string& caption);

private:
    struct Font { ImFont* font; float size; bool bold; };   // a face at a drawn em size (CSS px)
    Font regular(float css_size) const;
    Font bold(float css_size) const;
    bool control(const std::string& id);    // consumes a pending activation for id
    UiNode& add_node(UiNode node);
    void begin_group(const std::string& id, const std::string& role, const std::string& name);
    void end_group();
    // Text: broken into lines between words, drawn line by line and published with the node.
    std::vector<std::string> wrap(const Font& font, const std::string& text, float css_wrap) const;
    float text_width(const Font& font, const std::string& text) const;
    float line_height(const Font& font) const;
    float text_height(const Font& font, const std::string& text, float css_wrap) const;
    float draw_text(const Font& font, float css_x, float css_y, unsigned color, const std::string& text, float css_wrap,
                    std::vector<UiLine>* lines = nullptr, bool center = false);
    void text_block(const Font& font, unsigned color, const std::string& text, UiNode node, float gap);
    std::string next_text_id() const;     // ids for plain text nodes: their place on the page
    // Drawing through the view: document CSS px in, canvas pixels out.
    float px(float css) const { return css * view_.pixel_scale; }
    float sx(float css_x) const;
    float sy(float css_y) const;
    void rect(float x, float y, float w, float h, unsigned color, float rounding = 0);
    void frame_rect(float x, float y, float w, float h, unsigned color, float thickness, float rounding = 0);
    void line(float x0, float y0, float x1, float y1, unsigned color, float thickness);
    std::string inline_error(const std::string& owner_id, const std::string& error, float x, float w, float gap_after);
    void field_box(const std::string& id, const std::string& label, const std::string& hint,
                   const std::string& error, const std::string& extra, int lines);
    void draw_focus(float x, float y, float w, float h, const std::string& id);
    void draw_icon(Icon icon, float cx, float cy, float size, unsigned color);
    void draw_check(float x, float y, float size, unsigned color);
    float t(float css) const { return css * view_.text_scale; }   // a size that follows the text size

    static constexpr float kPadding = 20.f;
    static constexpr float kColumn = 640.f;

    ImDrawList* draw_ = nullptr;
    UiFonts fonts_;
    UiView view_;
    double now_ms_ = 0, settle_until_ms_ = 0;
    double page_shown_ms_ = -1e9;   // when the current page (heading) first appeared
    float column_x_ = 0, column_w_ = 0, cursor_y_ = 0;
    std::vector<UiNode> nodes_;
    std::vector<size_t> open_groups_;
    std::string pending_activation_, focused_, hovered_, pressed_, last_heading_;
    double activation_ms_ = -1;
    std::vector<std::pair<std::string, std::string>> fields_;
    unsigned field_changes_ = 0, page_serial_ = 0;
    bool acted_ = false;
};

}  // namespace cleanslate
