// ui.cpp — drawing and measuring the page kit's blocks, and collecting their semantic nodes.
#include "app/ui.h"
#include "app/theme.h"
#include "core/json.h"
#include <imgui.h>
#include <algorithm>
#include <cmath>

namespace cleanslate {

constexpr float kPi = 3.14159265358979f;

namespace {
// One UTF-8 code point from [p, end); advances p. Malformed bytes read as U+FFFD.
unsigned next_code_point(const char*& p, const char* end) {
    unsigned char c = static_cast<unsigned char>(*p++);
    if (c < 0x80) return c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    if (extra < 0 || end - p < extra) return 0xFFFD;
    unsigned cp = c & (0x3F >> extra);
    for (int i = 0; i < extra; ++i) cp = (cp << 6) | (static_cast<unsigned char>(*p++) & 0x3F);
    return cp;
}

// Where a word too long for the line may break: after these, as a web address would.
bool breaks_after(char c) { return c == '/' || c == '-' || c == '.' || c == '?' || c == '&' || c == '=' || c == '_' || c == ':'; }

double round1(float v) { return std::round(v * 10.0) / 10.0; }
}  // namespace

// --- Frame --------------------------------------------------------------------------------------
void UiKit::begin(ImDrawList* draw, const UiFonts& fonts, const UiView& view, double now_ms) {
    draw_ = draw;
    fonts_ = fonts;
    view_ = view;
    now_ms_ = now_ms;
    column_w_ = std::min(kColumn, view.width - 2 * kPadding);
    column_x_ = std::floor((view.width - column_w_) / 2);
    cursor_y_ = 0;
    nodes_.clear();
    open_groups_.clear();
    acted_ = false;
    if (draw_) draw_->AddRectFilled(ImVec2(0, 0), ImVec2(px(view.visible_width), px(view.visible_height)), theme::kBackground);
}

std::string UiKit::end(const std::string& title, const std::string& lang, const std::string& announcement) {
    // An activation for a control that is no longer on screen (a double tap during a
    // screen change) is dropped rather than applied to whatever appears later.
    pending_activation_.clear();
    Json nodes = Json::array();
    for (const UiNode& n : nodes_) {
        Json node = {{"id", n.id}, {"role", n.role}, {"name", n.name},
                     {"rect", {std::round(n.x), std::round(n.y), std::round(n.w), std::round(n.h)}}};
        if (!n.value.empty()) node["value"] = n.value;
        if (!n.extra.empty()) node["extra"] = n.extra;
        if (n.pressed) node["pressed"] = true;
        if (n.disabled) node["disabled"] = true;
        if (n.invalid) node["invalid"] = true;
        if (!n.parent.empty()) node["parent"] = n.parent;
        if (!n.described_by.empty()) node["describedby"] = n.described_by;
        if (!n.lines.empty()) {
            Json lines = Json::array();
            for (const UiLine& l : n.lines)
                lines.push_back({round1(l.x), round1(l.y), round1(l.w), round1(l.size), l.bold ? 1 : 0, l.text});
            node["lines"] = std::move(lines);
        }
        nodes.push_back(std::move(node));
    }
    double settle = std::max(0.0, settle_until_ms_ - now_ms_);
    Json tree = {{"title", title}, {"lang", lang}, {"height", std::ceil(content_height())}, {"nodes", nodes},
                 {"page", page_serial_}, {"settle", std::round(settle)}, {"announce", announcement},
                 {"lineHeightPerEm", fonts_.line_per_em}};
    return tree.dump();
}

// --- Fields (values typed into DOM inputs) ---------------------------------------------------
void UiKit::set_field_value(const std::string& id, std::string value) {
    ++field_changes_;
    for (auto& f : fields_)
        if (f.first == id) { f.second = std::move(value); return; }
    fields_.emplace_back(id, std::move(value));
}

const std::string& UiKit::field_value(const std::string& id) const {
    static const std::string empty;
    for (const auto& f : fields_)
        if (f.first == id) return f.second;
    return empty;
}

void UiKit::clear_field(const std::string& id) {
    ++field_changes_;
    for (auto& f : fields_) {
        if (f.first != id) continue;
        // Overwrite before release: a password must not linger in freed wasm memory.
        std::fill(f.second.begin(), f.second.end(), '\0');
        f.second.clear();
        f.second.shrink_to_fit();
    }
}

// --- Controls and nodes --------------------------------------------------------------------------
bool UiKit::control(const std::string& id) {
    if (pending_activation_ != id) return false;
    pending_activation_.clear();
    // Just after a page appeared: this is the second tap of a double tap, or a key still held.
    // Judged by when the tap happened where the page tells us (a slow frame may process it
    // late), else by now.
    const double tapped_at = activation_ms_ >= 0 ? activation_ms_ : now_ms_;
    if (now_ms_ < settle_until_ms_ || tapped_at < page_shown_ms_ + kSettleMs) return false;
    acted_ = true;
    return true;
}

UiNode& UiKit::add_node(UiNode node) {
    if (!open_groups_.empty()) node.parent = nodes_[open_groups_.back()].id;
    nodes_.push_back(std::move(node));
    return nodes_.back();
}

// A group's rectangle is known once its children are laid out: it is filled in at the end.
void UiKit::begin_group(const std::string& id, const std::string& role, const std::string& name) {
    UiNode group{id, role, name};
    group.x = column_x_;
    group.y = cursor_y_;
    group.w = column_w_;
    add_node(std::move(group));
    open_groups_.push_back(nodes_.size() - 1);
}

void UiKit::end_group() {
    UiNode& group = nodes_[open_groups_.back()];
    open_groups_.pop_back();
    float bottom = group.y;
    for (const UiNode& n : nodes_)
        if (n.parent == group.id) bottom = std::max(bottom, n.y + n.h);
    group.h = bottom - group.y;
}

std::string UiKit::next_text_id() const { return "p" + std::to_string(nodes_.size()); }

// --- Fonts and text -------------------------------------------------------------------------------
// The face rasterised closest to the wanted size: drawn 1:1 it is as crisp as the screen allows.
UiKit::Font UiKit::regular(float css_size) const {
    const UiFont* best = nullptr;
    for (const UiFont& f : fonts_.faces)
        if (!f.bold && (!best || std::fabs(f.css_size - css_size) < std::fabs(best->css_size - css_size))) best = &f;
    return {best ? best->font : nullptr, t(css_size), false};
}

UiKit::Font UiKit::bold(float css_size) const {
    const UiFont* best = nullptr;
    for (const UiFont& f : fonts_.faces)
        if (f.bold && (!best || std::fabs(f.css_size - css_size) < std::fabs(best->css_size - css_size))) best = &f;
    return {best ? best->font : nullptr, t(css_size), true};
}

float UiKit::line_height(const Font& font) const { return font.size * fonts_.line_per_em; }

float UiKit::text_width(const Font& font, const std::string& text) const {
    if (!font.font) return 0;
    // Advances are kept unrounded (no pixel snapping), so the layout is the same at every
    // zoom and pixel density: pinching never moves a line break.
    float css_per_raster = line_height(font) / font.font->FontSize;
    float width = 0;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        unsigned cp = next_code_point(p, end);
        if (const ImFontGlyph* g = font.font->FindGlyph(static_cast<ImWchar>(cp))) width += g->AdvanceX * css_per_raster;
    }
    return width;
}

// Breaks text into lines no wider than css_wrap, between words. A word longer than a line
// (a web address) breaks after "/", "." or "-", and only as a last resort between letters.
// Each line keeps the space it broke at, so the lines joined are the text again.
std::vector<std::string> UiKit::wrap(const Font& font, const std::string& text, float css_wrap) const {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t newline = text.find('\n', start);
        std::string paragraph = text.substr(start, newline == std::string::npos ? std::string::npos : newline - start);
        std::string current;
        float current_w = 0;
        const float space_w = text_width(font, " ");
        size_t pos = 0;
        while (pos < paragraph.size()) {
            size_t word_end = paragraph.find(' ', pos);
            if (word_end == std::string::npos) word_end = paragraph.size();
            std::string word = paragraph.substr(pos, word_end - pos);
            pos = word_end + 1;
            if (word.empty()) continue;
            float w = text_width(font, word);
            if (!current.empty() && (css_wrap <= 0 || current_w + space_w + w <= css_wrap)) {
                current += " " + word;
                current_w += space_w + w;
                continue;
            }
            if (!current.empty()) { lines.push_back(current + " "); current.clear(); current_w = 0; }
            // A word on its own line that still does not fit: split it where a reader would.
            while (css_wrap > 0 && w > css_wrap && word.size() > 1) {
                size_t fit = 0, nice = 0;
                for (size_t i = 1; i <= word.size(); ++i) {
                    if (i < word.size() && (static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) continue;   // inside a character
                    if (text_width(font, word.substr(0, i)) > css_wrap) break;
                    fit = i;
                    if (breaks_after(word[i - 1])) nice = i;
                }
                size_t cut = nice ? nice : std::max<size_t>(fit, 1);
                lines.push_back(word.substr(0, cut));
                word = word.substr(cut);
                w = text_width(font, word);
            }
            current = word;
            current_w = w;
        }
        lines.push_back(current + (newline == std::string::npos ? "" : "\n"));
        if (newline == std::string::npos) break;
        start = newline + 1;
    }
    return lines;
}

float UiKit::text_height(const Font& font, const std::string& text, float css_wrap) const {
    return static_cast<float>(wrap(font, text, css_wrap).size()) * line_height(font);
}

// Draws text glyph by glyph, each on a whole canvas pixel: the atlas was rasterised for this
// size and density, so glyphs land 1:1 and crisp. Returns the height drawn.
float UiKit::draw_text(const Font& font, float css_x, float css_y, unsigned color, const std::string& text, float css_wrap,
                       std::vector<UiLine>* lines, bool center) {
    std::vector<std::string> broken = css_wrap > 0 ? wrap(font, text, css_wrap) : std::vector<std::string>{text};
    float lh = line_height(font);
    // Two texts in one node (a title and its text) read as two sentences, not one word.
    if (lines && !lines->empty() && !lines->back().text.empty() && lines->back().text.back() != ' ' && lines->back().text.back() != '\n')
        lines->back().text += ' ';
    if (!font.font) return lh * static_cast<float>(broken.size());
    float raster_to_canvas = px(lh) / font.font->FontSize;
    ImTextureID texture = font.font->ContainerAtlas->TexID;
    bool push = draw_ && texture != draw_->_CmdHeader.TextureId;
    if (push) draw_->PushTextureID(texture);
    float y = css_y;
    for (const std::string& line : broken) {
        std::string shown = line;
        while (!shown.empty() && (shown.back() == ' ' || shown.back() == '\n')) shown.pop_back();
        float w = text_width(font, shown);
        float x = center && css_wrap > 0 ? css_x + (css_wrap - w) / 2 : css_x;
        if (draw_) {
            float pen = x;
            float top = std::round(sy(y));
            const char* p = shown.data();
            const char* end = p + shown.size();
            while (p < end) {
                unsigned cp = next_code_point(p, end);
                const ImFontGlyph* g = font.font->FindGlyph(static_cast<ImWchar>(cp));
                if (!g) continue;
                if (g->Visible) {
                    float x0 = std::round(sx(pen) + g->X0 * raster_to_canvas);
                    float y0 = top + g->Y0 * raster_to_canvas;
                    ImVec2 a(x0, y0), b(x0 + (g->X1 - g->X0) * raster_to_canvas, y0 + (g->Y1 - g->Y0) * raster_to_canvas);
                    draw_->PrimReserve(6, 4);
                    draw_->PrimRectUV(a, b, ImVec2(g->U0, g->V0), ImVec2(g->U1, g->V1), color);
                }
                pen += g->AdvanceX * raster_to_canvas / view_.pixel_scale;
            }
        }
        if (lines && !shown.empty()) lines->push_back({x, y, w, font.size, font.bold, line});
        y += lh;
    }
    if (push) draw_->PopTextureID();
    return y - css_y;
}

// A line or paragraph of text across the column: measured, drawn, published, then the gap.
void UiKit::text_block(const Font& font, unsigned color, const std::string& text, UiNode node, float gap) {
    node.x = column_x_;
    node.y = cursor_y_;
    node.w = column_w_;
    node.h = draw_text(font, column_x_, cursor_y_, color, text, column_w_, &node.lines);
    cursor_y_ += node.h + gap;
    add_node(std::move(node));
}

// --- Drawing through the view ----------------------------------------------------------------------
float UiKit::sx(float css_x) const { return (css_x - view_.origin_x) * view_.pixel_scale; }
float UiKit::sy(float css_y) const { return (css_y - view_.origin_y) * view_.pixel_scale; }

void UiKit::rect(float x, float y, float w, float h, unsigned color, float rounding) {
    if (draw_) draw_->AddRectFilled(ImVec2(sx(x), sy(y)), ImVec2(sx(x + w), sy(y + h)), color, px(rounding));
}

void UiKit::frame_rect(float x, float y, float w, float h, unsigned color, float thickness, float rounding) {
    // ImGui strokes on the rectangle's edge: inset by half the width, so the border stays inside.
    float i = thickness / 2;
    if (draw_) draw_->AddRect(ImVec2(sx(x + i), sy(y + i)), ImVec2(sx(x + w - i), sy(y + h - i)), color, px(rounding), 0, px(thickness));
}

void UiKit::line(float x0, float y0, float x1, float y1, unsigned color, float thickness) {
    if (draw_) draw_->AddLine(ImVec2(sx(x0), sy(y0)), ImVec2(sx(x1), sy(y1)), color, px(thickness));
}

void UiKit::draw_focus(float x, float y, float w, float h, const std::string& id) {
    if (focused_ != id) return;
    // GOV.UK focus style: a thick yellow ring with a dark edge, visible on any colour. The
    // bridge reports focus only when it came from the keyboard (:focus-visible), so a tap
    // never leaves a ring that makes the next question look answered.
    float t = 4;
    frame_rect(x - t, y - t, w + 2 * t, h + 2 * t, theme::kFocus, t, 6);
    frame_rect(x - t * 1.5f, y - t * 1.5f, w + 3 * t, h + 3 * t, theme::kText, 1.5f, 7);
}

void UiKit::draw_check(float x, float y, float size, unsigned color) {
    line(x, y + size * 0.55f, x + size * 0.38f, y + size * 0.9f, color, size * 0.16f);
    line(x + size * 0.38f, y + size * 0.9f, x + size, y + size * 0.12f, color, size * 0.16f);
}

// --- Page chrome -------------------------------------------------------------------------------------
bool UiKit::provider_bar(const std::string& provider_name, const std::string& service_name, const std::string& logo,
                         float logo_aspect, const std::string& language_name, bool& language_clicked) {
    Font name_font = bold(theme::kBodySize), service_font = regular(theme::kSmallSize), lang_font = bold(theme::kBodySize);
    float lw = text_width(lang_font, language_name) + 24;
    float lh = std::max(44.f, line_height(lang_font) + 12);
    float lx = column_x_ + column_w_ - lw;
    float top = 10;
    float logo_h = logo.empty() ? 0 : t(32);
    float logo_w = logo_h * logo_aspect;
    float text_x = column_x_ + (logo_w > 0 ? logo_w + 12 : 0);
    float text_w = lx - 12 - text_x;
    float name_h = text_height(name_font, provider_name, text_w);
    float service_h = text_height(service_font, service_name, text_w);
    float h = std::max({name_h + service_h, logo_h, lh});
    // The logo is a real <img> the bridge places over this spot; the canvas leaves it blank.
    if (!logo.empty()) add_node({"provider.logo", "logo", provider_name, logo, "", column_x_, top + (h - logo_h) / 2, logo_w, logo_h});
    UiNode name{"provider", "text", provider_name + ", " + service_name};
    name.x = text_x;
    name.y = top + (h - name_h - service_h) / 2;
    name.w = text_w;
    name.h = name_h + service_h;
    draw_text(name_font, text_x, name.y, theme::kText, provider_name, text_w, &name.lines);
    draw_text(service_font, text_x, name.y + name_h, theme::kMuted, service_name, text_w, &name.lines);
    add_node(std::move(name));

    float ly = top + (h - lh) / 2;
    bool hover = hovered_ == "language";
    unsigned color = hover ? theme::kLinkHover : theme::kLink;
    frame_rect(lx, ly, lw, lh, color, hover ? 3 : 2, 6);
    UiNode lang{"language", "button", language_name, "", "language"};
    lang.x = lx; lang.y = ly; lang.w = lw; lang.h = lh;
    draw_text(lang_font, lx + 12, ly + (lh - line_height(lang_font)) / 2, color, language_name, 0, &lang.lines);
    draw_focus(lx, ly, lw, lh, "language");
    add_node(std::move(lang));
    language_clicked = control("language");

    cursor_y_ = top + h + 10;
    // A full-width rule under the provider: the page's own header, like a letterhead.
    rect(0, cursor_y_, view_.width, 1, theme::kBorder);
    cursor_y_ += 12;
    return language_clicked;
}

bool UiKit::back_link(const std::string& label) {
    Font font = bold(theme::kBodySize);
    float h = std::max(44.f, line_height(font) + 14);
    float w = text_width(font, label) + 24;
    bool hover = hovered_ == "back";
    unsigned color = hover ? theme::kLinkHover : theme::kLink;
    float ty = cursor_y_ + (h - line_height(font)) / 2;
    // A drawn chevron: the font has no arrow glyphs.
    float c = t(6);
    line(column_x_ + c, ty + line_height(font) / 2 - c, column_x_, ty + line_height(font) / 2, color, 2.5f);
    line(column_x_, ty + line_height(font) / 2, column_x_ + c, ty + line_height(font) / 2 + c, color, 2.5f);
    UiNode node{"back", "button", label, "", "back"};
    node.x = column_x_ - 4; node.y = cursor_y_; node.w = w + 8; node.h = h;
    draw_text(font, column_x_ + 16, ty, color, label, 0, &node.lines);
    line(column_x_ + 16, ty + line_height(font) * 0.92f, column_x_ + 16 + text_width(font, label), ty + line_height(font) * 0.92f,
         color, hover ? 3 : 1.5f);
    draw_focus(node.x, node.y, node.w, node.h, "back");
    add_node(std::move(node));
    cursor_y_ += h + 6;
    return control("back");
}

void UiKit::task_list(const std::string& label, const std::vector<Task>& tasks, const std::string& done_word) {
    Font font = regular(theme::kSmallSize), strong = bold(theme::kSmallSize);
    float lh = line_height(font);
    float check = t(13);
    float x = column_x_, y = cursor_y_;
    begin_group("tasks", "list", label);
    const std::string separator = " \xC2\xB7 ";
    for (size_t i = 0; i < tasks.size(); ++i) {
        const Task& task = tasks[i];
        const Font& f = task.current ? strong : font;
        std::string text = std::to_string(i + 1) + " " + task.name;
        float w = text_width(f, text) + (task.done ? check + 6 : 0);
        float sep_w = i + 1 < tasks.size() ? text_width(font, separator) : 0;
        if (x > column_x_ && x + w > column_x_ + column_w_) { x = column_x_; y += lh + 2; }
        unsigned color = task.current || task.done ? theme::kText : theme::kMuted;
        UiNode node{"task." + std::to_string(i + 1), "listitem", text, task.done ? done_word : "", task.current ? "current" : ""};
        node.x = x; node.y = y; node.w = w; node.h = lh;
        draw_text(f, x, y, color, text, 0, &node.lines);
        if (task.done) draw_check(x + w - check, y + (lh - check) / 2, check, theme::kSuccess);
        if (task.current) line(x, y + lh, x + w, y + lh, theme::kText, 2);
        add_node(std::move(node));
        x += w;
        if (sep_w > 0 && x + sep_w < column_x_ + column_w_) {
            draw_text(font, x, y, theme::kMuted, separator, 0);
            x += sep_w;
        }
    }
    end_group();
    cursor_y_ = y + lh + 14;
}

void UiKit::progress(const std::string& text, const std::string& id) {
    text_block(regular(theme::kSmallSize), theme::kMuted, text, {id, "text", text}, 4);
}

void UiKit::heading(const std::string& text) {
    // A new heading is a new page (a screen or a question): taps settle first, and the h1
    // gets a new id, so the bridge makes a new element: focusing it makes every screen
    // reader read the new question, even when only its text changed.
    if (text != last_heading_) {
        if (!last_heading_.empty()) {
            settle_until_ms_ = now_ms_ + kSettleMs;
            page_shown_ms_ = now_ms_;
        }
        last_heading_ = text;
        ++page_serial_;
    }
    text_block(bold(theme::kHeadingSize), theme::kText, text, {"heading." + std::to_string(page_serial_), "heading", text, "", "1"}, 18);
}

// --- Text blocks -----------------------------------------------------------------------------
void UiKit::paragraph(const std::string& text, bool muted) {
    text_block(regular(theme::kBodySize), muted ? theme::kMuted : theme::kText, text, {next_text_id(), "text", text}, 14);
}

void UiKit::strong_text(const std::string& text) {
    text_block(bold(theme::kBodySize), theme::kText, text, {next_text_id(), "text", text}, 10);
}

void UiKit::bullet(const std::string& text) {
    Font font = regular(theme::kBodySize);
    float indent = t(24);
    UiNode node{next_text_id(), "listitem", text};
    node.x = column_x_; node.y = cursor_y_; node.w = column_w_;
    node.h = draw_text(font, column_x_ + indent, cursor_y_, theme::kText, text, column_w_ - indent, &node.lines);
    if (draw_) draw_->AddCircleFilled(ImVec2(sx(column_x_ + t(7)), sy(cursor_y_ + line_height(font) / 2)), px(t(3.5f)), theme::kText);
    cursor_y_ += node.h + 8;
    add_node(std::move(node));
}

void UiKit::numbered(int number, const std::string& text) {
    Font font = regular(theme::kBodySize), digits = bold(theme::kBodySize);
    float lh = line_height(font);
    float r = std::max(15.f, lh * 0.58f);
    float indent = 2 * r + 14;
    std::string n = std::to_string(number);
    UiNode node{next_text_id(), "listitem", n + ". " + text};
    node.x = column_x_; node.y = cursor_y_; node.w = column_w_;
    float cy = cursor_y_ + lh / 2;
    if (draw_) draw_->AddCircleFilled(ImVec2(sx(column_x_ + r), sy(cy)), px(r), theme::kText);
    float nw = text_width(digits, n);
    draw_text(digits, column_x_ + r - nw / 2, cy - lh / 2, theme::kOnDark, n, 0, &node.lines);
    node.lines.back().text = n + ". ";
    float h = draw_text(font, column_x_ + indent, cursor_y_, theme::kText, text, column_w_ - indent, &node.lines);
    node.h = std::max(2 * r, h);
    cursor_y_ += node.h + 14;
    add_node(std::move(node));
}

void UiKit::panel(const std::string& title, const std::string& text) {
    Font title_font = bold(theme::kBodySize), body = regular(theme::kBodySize);
    float inner = column_w_ - 36;
    float th = title.empty() ? 0 : text_height(title_font, title, inner) + 6;
    float bh = text_height(body, text, inner);
    float h = th + bh + 32;
    rect(column_x_, cursor_y_, column_w_, h, theme::kPanel);
    rect(column_x_, cursor_y_, 5, h, theme::kBorder);
    UiNode node{next_text_id(), "text", title.empty() ? text : title + ": " + text};
    node.x = column_x_; node.y = cursor_y_; node.w = column_w_; node.h = h;
    if (!title.empty()) draw_text(title_font, column_x_ + 20, cursor_y_ + 16, theme::kText, title, inner, &node.lines);
    draw_text(body, column_x_ + 20, cursor_y_ + 16 + th, theme::kText, text, inner, &node.lines);
    cursor_y_ += h + 16;
    add_node(std::move(node));
}

void UiKit::warning(const std::string& text) {
    Font font = bold(theme::kBodySize);
    float lh = line_height(font);
    float r = std::max(17.f, lh * 0.66f);
    float indent = 2 * r + 14;
    UiNode node{next_text_id(), "text", text};
    node.x = column_x_; node.y = cursor_y_; node.w = column_w_;
    float cy = cursor_y_ + std::max(r, lh / 2);
    if (draw_) draw_->AddCircleFilled(ImVec2(sx(column_x_ + r), sy(cy)), px(r), theme::kText);
    // The "!" as two shapes: the font's glyph would be too small in the circle.
    rect(column_x_ + r - r * 0.11f, cy - r * 0.55f, r * 0.22f, r * 0.7f, theme::kOnDark, r * 0.1f);
    rect(column_x_ + r - r * 0.12f, cy + r * 0.3f, r * 0.24f, r * 0.24f, theme::kOnDark, r * 0.12f);
    float h = draw_text(font, column_x_ + indent, cy - lh / 2 > cursor_y_ ? cy - lh / 2 : cursor_y_, theme::kText, text,
                        column_w_ - indent, &node.lines);
    node.h = std::max(2 * r, h);
    cursor_y_ += node.h + 16;
    add_node(std::move(node));
}

void UiKit::status(const std::string& text) {
    text_block(bold(theme::kBodySize), theme::kText, text, {"status", "status", text, "", "polite"}, 12);
}

void UiKit::status_block(const std::string& title, const std::string& text, Tone tone, const std::string& id) {
    Font title_font = bold(theme::kHeadingSize), body = regular(theme::kBodySize);
    unsigned fill = tone == Tone::alert ? theme::kAlert : tone == Tone::success ? theme::kSuccess : theme::kInfo;
    unsigned title_color = tone == Tone::alert ? theme::kAlertText : theme::kOnDark;
    float inner = column_w_ - 40;
    float th = title.empty() ? 0 : text_height(title_font, title, inner);
    float bh = text.empty() ? 0 : text_height(body, text, inner);
    float h = th + bh + (th > 0 && bh > 0 ? 10 : 0) + 48;
    rect(column_x_, cursor_y_, column_w_, h, fill, 4);
    UiNode node{id, "status", title.empty() ? text : text.empty() ? title : title + ". " + text, "", tone == Tone::alert ? "assertive" : "polite"};
    node.x = column_x_; node.y = cursor_y_; node.w = column_w_; node.h = h;
    float y = cursor_y_ + 24;
    if (!title.empty()) y += draw_text(title_font, column_x_ + 20, y, title_color, title, inner, &node.lines, true) + (bh > 0 ? 10 : 0);
    if (!text.empty()) draw_text(body, column_x_ + 20, y, theme::kOnDark, text, inner, &node.lines, true);
    cursor_y_ += h + 18;
    add_node(std::move(node));
}

void UiKit::big_text(const std::string& text, const std::string& label) {
    Font font = bold(theme::kHeadingSize);
    float inner = column_w_ - 32;
    float h = text_height(font, text, inner) + 32;
    rect(column_x_, cursor_y_, column_w_, h, theme::kPanel, 8);
    frame_rect(column_x_, cursor_y_, column_w_, h, theme::kText, 2, 8);
    UiNode node{"big" + std::to_string(nodes_.size()), "text", label.empty() ? text : label + ": " + text};
    node.x = column_x_; node.y = cursor_y_; node.w = column_w_; node.h = h;
    draw_text(font, column_x_ + 16, cursor_y_ + 16, theme::kText, text, inner, &node.lines);
    // The label is read before the text, not drawn (the screen shows it as a title above).
    if (!label.empty()) node.value = label;
    cursor_y_ += h + 16;
    add_node(std::move(node));
}

void UiKit::drawing(Icon icon, const std::string& caption) {
    float size = 120;
    float cx = column_x_ + column_w_ / 2;
    rect(column_x_, cursor_y_, column_w_, size + 20, theme::kPanel, 8);
    draw_icon(icon, cx, cursor_y_ + 10 + size / 2, size, theme::kText);
    // A picture without a caption is decoration: nothing for a screen reader to read.
    if (!caption.empty()) add_node({"img" + std::to_string(nodes_.size()), "img", caption, "", "", column_x_, cursor_y_, column_w_, size + 20});
    cursor_y_ += size + 20 + 8;
    if (!caption.empty()) {
        // The caption is the picture's accessible name: drawn, selectable, but not read twice.
        UiNode node{next_text_id(), "caption", caption};
        node.x = column_x_; node.y = cursor_y_; node.w = column_w_;
        node.h = draw_text(regular(theme::kSmallSize), column_x_, cursor_y_, theme::kMuted, caption, column_w_, &node.lines);
        cursor_y_ += node.h + 14;
        add_node(std::move(node));
    }
}

void UiKit::spacer(float css_px) { cursor_y_ += css_px; }

// --- Controls -------------------------------------------------------------------------------
bool UiKit::primary_button(const std::string& id, const std::string& label, bool enabled) {
    Font font = bold(theme::kBodySize);
    float label_w = text_width(font, label);
    float w = view_.width < 700 ? column_w_ : std::min(column_w_, std::max(240.f, label_w + 64));
    float th = text_height(font, label, w - 32);
    float h = std::max(56.f, th + 24);
    float x = column_x_, y = cursor_y_;
    bool pressed = pressed_ == id, hover = hovered_ == id;
    unsigned fill = !enabled ? theme::kDisabled : pressed ? theme::kPrimaryPressed : hover ? theme::kPrimaryHover : theme::kPrimary;
    // The darker bottom edge is the GOV.UK button's affordance: it reads as pressable.
    rect(x, y + 3, w, h, theme::kPrimaryShadow, 6);
    float sink = pressed ? 2 : 0;
    rect(x, y + sink, w, h, fill, 6);
    UiNode node{id, "button", label, "", "primary", x, y, w, h + 3};
    node.disabled = !enabled;
    draw_text(font, x + 16, y + sink + (h - th) / 2, theme::kOnDark, label, w - 32, &node.lines, true);
    for (UiLine& l : node.lines) l.y -= sink;   // the text layer stays put while the button sinks
    draw_focus(x, y, w, h + 3, id);
    add_node(std::move(node));
    cursor_y_ += h + 3 + 18;
    return control(id) && enabled;
}

bool UiKit::secondary_button(const std::string& id, const std::string& label) {
    Font font = bold(theme::kBodySize);
    float label_w = text_width(font, label);
    float w = view_.width < 700 ? column_w_ : std::min(column_w_, std::max(240.f, label_w + 64));
    float th = text_height(font, label, w - 32);
    float h = std::max(52.f, th + 22);
    float x = column_x_, y = cursor_y_;
    bool hover = hovered_ == id, pressed = pressed_ == id;
    rect(x, y, w, h, pressed ? theme::kPanelPressed : hover ? theme::kPanel : theme::kSecondary, 6);
    frame_rect(x, y, w, h, theme::kText, 2, 6);
    UiNode node{id, "button", label, "", "secondary", x, y, w, h};
    draw_text(font, x + 16, y + (h - th) / 2, theme::kText, label, w - 32, &node.lines, true);
    draw_focus(x, y, w, h, id);
    add_node(std::move(node));
    cursor_y_ += h + 14;
    return control(id);
}

bool UiKit::choice(const std::string& id, const std::string& label, const std::string& hint, Icon icon, bool selected) {
    Font label_font = bold(theme::kBodySize), hint_font = regular(theme::kSmallSize);
    float icon_w = icon == Icon::none ? 0 : 56;
    float inner = column_w_ - 32 - icon_w;
    float lh = text_height(label_font, label, inner);
    float hh = hint.empty() ? 0 : text_height(hint_font, hint, inner) + 4;
    float h = std::max(60.f, lh + hh + 28);
    float x = column_x_, y = cursor_y_;
    bool hover = hovered_ == id, pressed = pressed_ == id;
    unsigned fill = selected ? theme::kSelected : pressed ? theme::kPanelPressed : hover ? theme::kPanel : theme::kSecondary;
    rect(x, y, column_w_, h, fill, 8);
    frame_rect(x, y, column_w_, h, selected ? theme::kLink : theme::kBorderStrong, selected ? 3 : 2, 8);
    if (icon != Icon::none) draw_icon(icon, x + 16 + icon_w / 2 - 4, y + h / 2, 40, theme::kText);
    float tx = x + 16 + icon_w;
    float ty = y + (h - lh - hh) / 2;
    UiNode node{id, "button", label, hint, "choice", x, y, column_w_, h};
    node.pressed = selected;
    draw_text(label_font, tx, ty, theme::kText, label, inner, &node.lines);
    if (!hint.empty()) draw_text(hint_font, tx, ty + lh + 4, theme::kMuted, hint, inner, &node.lines);
    draw_focus(x, y, column_w_, h, id);
    add_node(std::move(node));
    cursor_y_ += h + 10;
    return control(id);
}

int UiKit::radios(const std::string& group_id, const std::vector<RadioOption>& options, int selected, const std::string& error) {
    Font label_font = regular(theme::kBodySize), hint_font = regular(theme::kSmallSize);
    const float box = 40, gap = 12;
    float group_top = cursor_y_;
    float indent = error.empty() ? 0 : 20;   // GOV.UK: a red bar to the left of a question with an error
    float x = column_x_ + indent, w = column_w_ - indent;
    begin_group(group_id, "radiogroup", "");
    if (!error.empty()) {
        nodes_[open_groups_.back()].invalid = true;
        nodes_[open_groups_.back()].described_by = inline_error(group_id, error, x, w, 10);
    }
    // Taps first, so this frame already draws (and publishes) the new choice: a stale frame
    // would tell the bridge to uncheck the radio the customer just checked.
    int tapped = -1;
    for (size_t i = 0; i < options.size(); ++i)
        if (control(group_id + "." + options[i].id)) tapped = static_cast<int>(i);
    if (tapped >= 0) selected = tapped;
    for (size_t i = 0; i < options.size(); ++i) {
        const RadioOption& option = options[i];
        std::string id = group_id + "." + option.id;
        float text_x = x + box + gap + 4, text_w = w - box - gap - 4;
        float lh = text_height(label_font, option.label, text_w);
        float hh = option.hint.empty() ? 0 : text_height(hint_font, option.hint, text_w) + 4;
        float h = std::max(box + 8, lh + hh + 12);
        float y = cursor_y_;
        bool hover = hovered_ == id, checked = static_cast<int>(i) == selected;
        float cx = x + box / 2, cy = y + std::max(box / 2 + 4, lh > 0 ? std::min(h / 2, box / 2 + 4) : h / 2);
        if (draw_) {
            draw_->AddCircleFilled(ImVec2(sx(cx), sy(cy)), px(box / 2), theme::kBackground, 48);
            draw_->AddCircle(ImVec2(sx(cx), sy(cy)), px(box / 2 - 1), hover ? theme::kLinkHover : theme::kText, 48, px(2));
            if (checked) draw_->AddCircleFilled(ImVec2(sx(cx), sy(cy)), px(box / 2 - 10), theme::kText, 48);
        }
        UiNode node{id, "radio", option.label, "", group_id, x, y, w, h};
        node.pressed = checked;
        float ty = y + std::max(4.f, (h - lh - hh) / 2);
        draw_text(label_font, text_x, ty, theme::kText, option.label, text_w, &node.lines);
        // The hint is its own node, tied to the radio as its description (not part of its name).
        UiNode hint{id + ".hint", "hint", option.hint};
        if (!option.hint.empty()) {
            hint.x = text_x; hint.y = ty + lh + 4; hint.w = text_w;
            hint.h = draw_text(hint_font, text_x, hint.y, theme::kMuted, option.hint, text_w, &hint.lines);
            node.described_by = hint.id;
        }
        // GOV.UK draws the focus around the circle only; the whole row stays tappable.
        if (focused_ == id && draw_) {
            draw_->AddCircle(ImVec2(sx(cx), sy(cy)), px(box / 2 + 4), theme::kFocus, 48, px(8));
            draw_->AddCircle(ImVec2(sx(cx), sy(cy)), px(box / 2 - 1), theme::kText, 48, px(3));
        }
        add_node(std::move(node));
        if (!option.hint.empty()) add_node(std::move(hint));
        cursor_y_ += h + 10;
    }
    end_group();
    if (!error.empty()) rect(column_x_, group_top, 5, cursor_y_ - group_top - 10, theme::kError);
    cursor_y_ += 10;
    return tapped;
}

bool UiKit::link(const std::string& id, const std::string& label, const std::string& href) {
    Font font = regular(theme::kBodySize);
    bool hover = hovered_ == id;
    unsigned color = hover ? theme::kLinkHover : theme::kLink;
    float lh = line_height(font);
    float text_h = text_height(font, label, column_w_);
    float h = std::max(44.f, text_h + 16);
    float top = cursor_y_ + (h - text_h) / 2;
    UiNode node{id, href.empty() ? "button" : "link", label, href, "", column_x_, cursor_y_, 0, h};
    draw_text(font, column_x_, top, color, label, column_w_, &node.lines);
    // Underlined on every line it takes, as far as that line's words reach.
    float widest = 0;
    for (const UiLine& l : node.lines) {
        line(l.x, l.y + lh * 0.9f, l.x + l.w, l.y + lh * 0.9f, color, hover ? 3 : 1.5f);
        widest = std::max(widest, l.w);
    }
    node.w = std::max(widest, 44.f);
    draw_focus(column_x_, cursor_y_, node.w, h, id);
    add_node(std::move(node));
    cursor_y_ += h + 8;
    return control(id);
}

void UiKit::call_button(const std::string& id, const std::string& label, const std::string& hours, const std::string& tel_href) {
    Font label_font = bold(theme::kBodySize), hours_font = regular(theme::kSmallSize);
    float icon = 44;
    float x = column_x_, y = cursor_y_, w = view_.width < 700 ? column_w_ : std::min(column_w_, 420.f);
    float inner = w - icon - 40;
    float lh = text_height(label_font, label, inner);
    float hh = hours.empty() ? 0 : text_height(hours_font, hours, inner) + 2;
    float h = std::max(64.f, lh + hh + 24);
    bool hover = hovered_ == id, pressed = pressed_ == id;
    rect(x, y, w, h, pressed ? theme::kPanelPressed : hover ? theme::kPanel : theme::kSecondary, 6);
    frame_rect(x, y, w, h, theme::kText, 2, 6);
    draw_icon(Icon::phone, x + 12 + icon / 2, y + h / 2, icon * 0.8f, theme::kText);
    UiNode node{id, "link", label, tel_href, "call", x, y, w, h};
    float ty = y + (h - lh - hh) / 2;
    draw_text(label_font, x + icon + 24, ty, theme::kText, label, inner, &node.lines);
    if (!hours.empty()) draw_text(hours_font, x + icon + 24, ty + lh + 2, theme::kMuted, hours, inner, &node.lines);
    draw_focus(x, y, w, h, id);
    add_node(std::move(node));
    cursor_y_ += h + 16;
    control(id);   // the browser follows the tel: link; nothing to do here but consume it
}

void UiKit::text_field(const std::string& id, const std::string& label, const std::string& input_type,
                       const std::string& autocomplete, const std::string& hint, const std::string& error) {
    field_box(id, label, hint, error, input_type + "|" + autocomplete, 1);
}

void UiKit::text_area(const std::string& id, const std::string& label, const std::string& hint, int lines) {
    field_box(id, label, hint, "", "textarea|off", std::max(2, lines));
}

// GOV.UK inline error: the message in bold red above the answers or the box, as a node of its
// own that the question or field is described by. Returns that node's id.
std::string UiKit::inline_error(const std::string& owner_id, const std::string& error, float x, float w, float gap_after) {
    UiNode node{owner_id + ".error", "error", error};
    node.x = x; node.y = cursor_y_; node.w = w;
    node.h = draw_text(bold(theme::kBodySize), x, cursor_y_, theme::kError, error, w, &node.lines);
    cursor_y_ += node.h + gap_after;
    std::string id = node.id;
    add_node(std::move(node));
    return id;
}

// The label, the hint, an error and the empty box a DOM <input> or <textarea> sits over.
void UiKit::field_box(const std::string& id, const std::string& label, const std::string& hint,
                      const std::string& error, const std::string& extra, int lines) {
    Font label_font = bold(theme::kBodySize), hint_font = regular(theme::kBodySize);
    float group_top = cursor_y_;
    float indent = error.empty() ? 0 : 20;
    float x = column_x_ + indent, w = column_w_ - indent;
    UiNode label_node{id + ".label", "label", label, id};
    label_node.x = x; label_node.y = cursor_y_; label_node.w = w;
    label_node.h = draw_text(label_font, x, cursor_y_, theme::kText, label, w, &label_node.lines);
    cursor_y_ += label_node.h + 6;
    add_node(std::move(label_node));
    std::string described_by;
    if (!hint.empty()) {
        UiNode hint_node{id + ".hint", "hint", hint};
        hint_node.x = x; hint_node.y = cursor_y_; hint_node.w = w;
        hint_node.h = draw_text(hint_font, x, cursor_y_, theme::kMuted, hint, w, &hint_node.lines);
        cursor_y_ += hint_node.h + 8;
        add_node(std::move(hint_node));
        described_by = id + ".hint";
    }
    if (!error.empty()) described_by += (described_by.empty() ? "" : " ") + inline_error(id, error, x, w, 8);
    float h = std::max(56.f, t(20) * fonts_.line_per_em * static_cast<float>(lines) + 24);
    rect(x, cursor_y_, w, h, theme::kBackground);
    frame_rect(x, cursor_y_, w, h, error.empty() ? theme::kText : theme::kError, error.empty() ? 2 : 4);
    draw_focus(x, cursor_y_, w, h, id);
    // The DOM <input> over this box draws the text and caret itself, so a phone raises its keyboard.
    UiNode input{id, "textbox", label, hint, extra, x, cursor_y_, w, h};
    input.invalid = !error.empty();
    input.described_by = described_by;
    add_node(std::move(input));
    cursor_y_ += h + 18;
    if (!error.empty()) rect(column_x_, group_top, 5, cursor_y_ - group_top - 18, theme::kError);
}

void UiKit::error_summary(const std::string& title, const std::vector<FieldError>& errors) {
    if (errors.empty()) return;
    Font title_font = bold(theme::kTitleSize), link_font = bold(theme::kBodySize);
    float inner = column_w_ - 40;
    float top = cursor_y_;
    begin_group("error_summary", "alert", title);
    cursor_y_ += 20;
    UiNode heading{"error_summary.title", "heading", title, "", "2"};
    heading.x = column_x_ + 20; heading.y = cursor_y_; heading.w = inner;
    heading.h = draw_text(title_font, column_x_ + 20, cursor_y_, theme::kText, title, inner, &heading.lines);
    cursor_y_ += heading.h + 12;
    add_node(std::move(heading));
    float lh = line_height(link_font);
    for (const FieldError& e : errors) {
        std::string id = "error_summary." + e.field_id;
        float text_h = text_height(link_font, e.message, inner);
        float h = std::max(44.f, text_h + 8);
        UiNode link{id, "link", e.message, "#" + e.field_id, "field", column_x_ + 20, cursor_y_, inner, h};
        draw_text(link_font, column_x_ + 20, cursor_y_ + (h - text_h) / 2, theme::kError, e.message, inner, &link.lines);
        for (const UiLine& l : link.lines) line(l.x, l.y + lh * 0.9f, l.x + l.w, l.y + lh * 0.9f, theme::kError, 1.5f);
        draw_focus(link.x, link.y, link.w, link.h, id);
        add_node(std::move(link));
        cursor_y_ += h + 4;
        control(id);   // the bridge moves focus to the field itself
    }
    cursor_y_ += 16;
    end_group();
    frame_rect(column_x_, top, column_w_, cursor_y_ - top, theme::kError, 5);
    cursor_y_ += 20;
}

void UiKit::countdown(float seconds_left, float total_seconds, const std::string& caption) {
    float size = std::min(220.f, column_w_);
    float cx = column_x_ + column_w_ / 2, cy = cursor_y_ + size / 2;
    float r = size / 2 - 10;
    ImVec2 c(sx(cx), sy(cy));
    if (draw_) {
        draw_->AddCircle(c, px(r), theme::kPanelPressed, 96, px(14));
        float fraction = total_seconds > 0 ? std::clamp(seconds_left / total_seconds, 0.f, 1.f) : 0.f;
        if (fraction > 0) {
            const float start = -kPi / 2;
            draw_->PathArcTo(c, px(r), start, start + fraction * 2 * kPi, 96);
            draw_->PathStroke(theme::kPrimary, 0, px(14));
        }
    }
    // Long waits read as minutes and seconds ("1:58"), short holds as seconds ("27").
    int whole = static_cast<int>(std::ceil(seconds_left));
    std::string number = total_seconds > 90 ? std::to_string(whole / 60) + ":" + (whole % 60 < 10 ? "0" : "") + std::to_string(whole % 60)
                                            : std::to_string(whole);
    // The digits stay 64 px whatever the text size: the ring is drawn for them.
    Font display = bold(theme::kDisplaySize);
    display.size = theme::kDisplaySize;
    float nw = text_width(display, number);
    draw_text(display, cx - nw / 2, cy - line_height(display) / 2, theme::kText, number, 0);
    add_node({"countdown", "timer", caption, number, "", column_x_, cursor_y_, column_w_, size});
    cursor_y_ += size + 16;
}

// --- Drawings ----------------------------------------------------------------------------------
// Simple line pictures of the kinds of device, so a customer can point at theirs.
void UiKit::draw_icon(Icon icon, float cx, float cy, float size, unsigned color) {
    if (!draw_) return;
    ImVec2 c(sx(cx), sy(cy));
    float s = px(size) / 2;
    float th = std::max(1.5f, px(size / 20));
    auto box = [&](float x0, float y0, float x1, float y1, float rounding = 0) {
        draw_->AddRect(ImVec2(c.x + x0 * s, c.y + y0 * s), ImVec2(c.x + x1 * s, c.y + y1 * s), color, rounding * s, 0, th);
    };
    auto stroke = [&](float x0, float y0, float x1, float y1) {
        draw_->AddLine(ImVec2(c.x + x0 * s, c.y + y0 * s), ImVec2(c.x + x1 * s, c.y + y1 * s), color, th);
    };
    auto circle = [&](float x, float y, float r, bool filled = false) {
        if (filled) draw_->AddCircleFilled(ImVec2(c.x + x * s, c.y + y * s), r * s, color);
        else draw_->AddCircle(ImVec2(c.x + x * s, c.y + y * s), r * s, color, 0, th);
    };
    switch (icon) {
        case Icon::camera:
            box(-0.8f, -0.45f, 0.45f, 0.25f, 0.1f); circle(0.62f, -0.1f, 0.14f); stroke(-0.2f, 0.25f, -0.2f, 0.6f); stroke(-0.55f, 0.6f, 0.15f, 0.6f);
            circle(-0.55f, -0.1f, 0.06f, true); break;
        case Icon::doorbell:
            // A video doorbell: a tall narrow case, the lens at the top, the round bell button below.
            box(-0.36f, -0.88f, 0.36f, 0.88f, 0.3f); circle(0.0f, -0.45f, 0.17f); circle(0.0f, -0.45f, 0.06f, true);
            stroke(-0.14f, -0.1f, 0.14f, -0.1f); circle(0.0f, 0.42f, 0.22f); circle(0.0f, 0.42f, 0.09f, true); break;
        case Icon::intercom:
            // A door intercom by the front door: the speaker's slits, then name plates with a bell button each.
            box(-0.6f, -0.88f, 0.6f, 0.88f, 0.08f); stroke(-0.3f, -0.62f, 0.3f, -0.62f); stroke(-0.3f, -0.48f, 0.3f, -0.48f);
            stroke(-0.3f, -0.34f, 0.3f, -0.34f); box(-0.42f, -0.08f, 0.12f, 0.2f, 0.03f); circle(0.3f, 0.06f, 0.09f, true);
            box(-0.42f, 0.38f, 0.12f, 0.66f, 0.03f); circle(0.3f, 0.52f, 0.09f, true); break;
        case Icon::recorder:
            box(-0.9f, -0.3f, 0.9f, 0.3f, 0.06f); circle(0.65f, 0.0f, 0.06f, true); stroke(-0.7f, 0.0f, 0.1f, 0.0f); stroke(-0.7f, 0.3f, -0.7f, 0.42f); stroke(0.7f, 0.3f, 0.7f, 0.42f); break;
        case Icon::router:
            box(-0.85f, -0.05f, 0.85f, 0.4f, 0.08f); stroke(-0.5f, -0.05f, -0.65f, -0.7f); stroke(0.5f, -0.05f, 0.65f, -0.7f);
            circle(-0.5f, 0.18f, 0.05f, true); circle(-0.3f, 0.18f, 0.05f, true); circle(-0.1f, 0.18f, 0.05f, true); break;
        case Icon::tv_box:
            box(-0.85f, -0.6f, 0.85f, 0.25f, 0.05f); stroke(-0.3f, 0.45f, 0.3f, 0.45f); box(-0.35f, 0.3f, 0.35f, 0.6f, 0.05f); break;
        case Icon::printer:
            box(-0.8f, -0.2f, 0.8f, 0.4f, 0.06f); box(-0.5f, -0.7f, 0.5f, -0.2f); box(-0.5f, 0.25f, 0.5f, 0.7f); break;
        case Icon::nas:
            box(-0.5f, -0.75f, 0.5f, 0.75f, 0.06f); stroke(-0.35f, -0.35f, 0.35f, -0.35f); stroke(-0.35f, 0.0f, 0.35f, 0.0f); stroke(-0.35f, 0.35f, 0.35f, 0.35f); break;
        case Icon::smart_home:
            stroke(-0.7f, -0.05f, 0.0f, -0.7f); stroke(0.0f, -0.7f, 0.7f, -0.05f); box(-0.5f, -0.15f, 0.5f, 0.7f); box(-0.15f, 0.25f, 0.15f, 0.7f); break;
        case Icon::phone:
            box(-0.4f, -0.8f, 0.4f, 0.8f, 0.12f); stroke(-0.12f, 0.6f, 0.12f, 0.6f); break;
        case Icon::question: {
            circle(0, 0, 0.8f);
            Font font = bold(theme::kHeadingSize);
            font.size = size * 0.7f / fonts_.line_per_em;
            float w = text_width(font, "?");
            draw_text(font, cx - w / 2, cy - line_height(font) / 2, color, "?", 0);
            break;
        }
        case Icon::check:
            circle(0, 0, 0.8f); stroke(-0.4f, 0.0f, -0.1f, 0.35f); stroke(-0.1f, 0.35f, 0.45f, -0.3f); break;
        case Icon::cross:
            circle(0, 0, 0.8f); stroke(-0.35f, -0.35f, 0.35f, 0.35f); stroke(0.35f, -0.35f, -0.35f, 0.35f); break;
        case Icon::pinhole:
            // The back of a device with a small hole and a straightened paperclip going in.
            box(-0.9f, -0.5f, 0.9f, 0.5f, 0.05f); circle(0.1f, 0.0f, 0.07f); stroke(0.25f, -0.15f, 0.95f, -0.85f); stroke(0.3f, -0.05f, 0.95f, -0.7f);
            circle(-0.5f, 0.0f, 0.12f); box(-0.8f, -0.25f, -0.7f, 0.25f); break;
        case Icon::line_dsl:
            // A modem seen from the back; a thin cable with a small clip plug leaves its
            // left socket for the wall socket.
            box(-0.9f, -0.25f, 0.5f, 0.35f, 0.05f); box(-0.7f, -0.05f, -0.45f, 0.15f); stroke(-0.58f, -0.05f, -0.58f, -0.7f);
            stroke(-0.58f, -0.7f, 0.75f, -0.7f); box(0.62f, -0.85f, 0.92f, -0.55f, 0.04f); box(-0.2f, -0.05f, 0.3f, 0.15f); break;
        case Icon::line_coax:
            // A thick round cable screwed onto the modem: a nut with a pin in the middle.
            box(-0.9f, -0.25f, 0.5f, 0.35f, 0.05f); circle(-0.55f, 0.05f, 0.16f); circle(-0.55f, 0.05f, 0.04f, true);
            stroke(-0.62f, -0.11f, -0.62f, -0.7f); stroke(-0.48f, -0.11f, -0.48f, -0.7f); stroke(-0.62f, -0.7f, 0.75f, -0.7f);
            stroke(-0.48f, -0.58f, 0.75f, -0.58f); box(0.62f, -0.85f, 0.92f, -0.45f, 0.04f); break;
        case Icon::line_fibre:
            // The small fibre box on the wall, a network cable from it to the router's WAN socket.
            box(0.45f, -0.9f, 0.9f, -0.35f, 0.05f); circle(0.67f, -0.62f, 0.05f, true); box(-0.9f, 0.05f, 0.3f, 0.55f, 0.05f);
            box(-0.7f, 0.2f, -0.45f, 0.4f); stroke(-0.58f, 0.2f, -0.58f, -0.2f); stroke(-0.58f, -0.2f, 0.67f, -0.2f); stroke(0.67f, -0.2f, 0.67f, -0.35f); break;
        case Icon::wifi_sticker:
            // A label with a Wi-Fi sign and two lines of text (name and key).
            box(-0.85f, -0.6f, 0.85f, 0.6f, 0.08f); circle(-0.5f, -0.05f, 0.05f, true);
            draw_->PathArcTo(ImVec2(c.x - 0.5f * s, c.y - 0.05f * s), 0.2f * s, -2.4f, -0.75f); draw_->PathStroke(color, 0, th);
            draw_->PathArcTo(ImVec2(c.x - 0.5f * s, c.y - 0.05f * s), 0.36f * s, -2.4f, -0.75f); draw_->PathStroke(color, 0, th);
            stroke(-0.1f, -0.2f, 0.65f, -0.2f); stroke(-0.1f, 0.15f, 0.65f, 0.15f); stroke(-0.65f, 0.38f, 0.65f, 0.38f); break;
        case Icon::none: break;
    }
}

}  // namespace cleanslate
