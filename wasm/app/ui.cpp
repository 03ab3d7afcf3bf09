// ui.cpp — drawing and measuring the page kit's blocks, and collecting their semantic nodes.
#include "app/ui.h"
#include "app/theme.h"
#include "core/json.h"
#include <imgui.h>
#include <algorithm>
#include <cmath>

namespace cleanslate {

constexpr float kPi = 3.14159265358979f;

// --- Frame --------------------------------------------------------------------------------------
void UiKit::begin(ImDrawList* draw, const UiFonts& fonts, float css_width, float css_height, float dpr, float scroll_y) {
    draw_ = draw;
    fonts_ = fonts;
    width_ = css_width;
    height_ = css_height;
    dpr_ = dpr;
    scroll_ = scroll_y;
    column_w_ = std::min(kColumn, css_width - 2 * kPadding);
    column_x_ = std::floor((css_width - column_w_) / 2);
    cursor_y_ = kPadding * 0.5f;
    nodes_.clear();
    acted_ = false;
    draw_->AddRectFilled(ImVec2(0, 0), ImVec2(px(css_width), px(css_height)), theme::kBackground);
}

std::string UiKit::end(const std::string& title, const std::string& lang) {
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
        nodes.push_back(std::move(node));
    }
    Json tree = {{"title", title}, {"lang", lang}, {"height", std::ceil(content_height())}, {"nodes", nodes}};
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

// --- Helpers -----------------------------------------------------------------------------------
bool UiKit::control(const std::string& id) {
    if (pending_activation_ != id) return false;
    pending_activation_.clear();
    acted_ = true;
    return true;
}

void UiKit::add_node(UiNode node) { nodes_.push_back(std::move(node)); }

float UiKit::text_height(ImFont* font, float css_size, const std::string& text, float css_wrap) const {
    ImVec2 size = font->CalcTextSizeA(px(css_size), FLT_MAX, px(css_wrap), text.c_str(), text.c_str() + text.size());
    return size.y / dpr_;
}

void UiKit::draw_text(ImFont* font, float css_size, float css_x, float css_y, unsigned color, const std::string& text, float css_wrap) {
    ImVec2 pos(std::round(px(css_x)), std::round(px(css_y - scroll_)));
    draw_->AddText(font, px(css_size), pos, color, text.c_str(), text.c_str() + text.size(), px(css_wrap));
}

void UiKit::draw_focus(float x, float y, float w, float h, const std::string& id) {
    if (focused_ != id) return;
    // GOV.UK focus style: a thick yellow ring with a dark edge, visible on any colour.
    float t = 4;
    draw_->AddRect(ImVec2(px(x - t), px(y - t - scroll_)), ImVec2(px(x + w + t), px(y + h + t - scroll_)),
                   theme::kFocus, px(6), 0, px(t));
    draw_->AddRect(ImVec2(px(x - t * 1.5f), px(y - t * 1.5f - scroll_)),
                   ImVec2(px(x + w + t * 1.5f), px(y + h + t * 1.5f - scroll_)), theme::kText, px(7), 0, px(1.5f));
}

// A line or paragraph of text across the column: measured, drawn, published, then the gap.
void UiKit::text_block(ImFont* font, float css_size, unsigned color, const std::string& text, UiNode node, float gap) {
    float h = text_height(font, css_size, text, column_w_);
    draw_text(font, css_size, column_x_, cursor_y_, color, text, column_w_);
    node.x = column_x_;
    node.y = cursor_y_;
    node.w = column_w_;
    node.h = h;
    add_node(std::move(node));
    cursor_y_ += h + gap;
}

std::string UiKit::next_text_id() const { return "p" + std::to_string(nodes_.size()); }

// --- Text blocks -----------------------------------------------------------------------------
bool UiKit::top_bar(const std::string& back_label, bool show_back, const std::string& language_name, bool& language_clicked) {
    const float h = 48;
    float y = cursor_y_;
    bool back = false;
    if (show_back) {
        float w = fonts_.strong->CalcTextSizeA(px(theme::kBodySize), FLT_MAX, 0, back_label.c_str()).x / dpr_ + 28;
        bool hover = hovered_ == "back";
        draw_text(fonts_.strong, theme::kBodySize, column_x_, y + 12, hover ? theme::kLinkHover : theme::kLink, "\xE2\x80\xB9 " + back_label, 0);
        draw_->AddLine(ImVec2(px(column_x_), px(y + 38 - scroll_)), ImVec2(px(column_x_ + w - 12), px(y + 38 - scroll_)),
                       hover ? theme::kLinkHover : theme::kLink, px(hover ? 3 : 1.5f));
        draw_focus(column_x_ - 4, y, w + 8, h, "back");
        add_node({"back", "button", back_label, "", "", column_x_ - 4, y, w + 8, h});
        back = control("back");
    }
    float lw = fonts_.strong->CalcTextSizeA(px(theme::kBodySize), FLT_MAX, 0, language_name.c_str()).x / dpr_ + 24;
    float lx = column_x_ + column_w_ - lw;
    bool hover = hovered_ == "language";
    draw_->AddRect(ImVec2(px(lx), px(y + 2 - scroll_)), ImVec2(px(lx + lw), px(y + h - 2 - scroll_)),
                   hover ? theme::kLinkHover : theme::kLink, px(6), 0, px(hover ? 3 : 2));
    draw_text(fonts_.strong, theme::kBodySize, lx + 12, y + 11, hover ? theme::kLinkHover : theme::kLink, language_name, 0);
    draw_focus(lx, y + 2, lw, h - 4, "language");
    add_node({"language", "button", language_name, "", "", lx, y, lw, h});
    language_clicked = control("language");
    cursor_y_ += h + 16;
    return back;
}

void UiKit::progress(const std::string& text, const std::string& id) {
    text_block(fonts_.small, theme::kSmallSize, theme::kMuted, text, {id, "text", text}, 4);
}

void UiKit::heading(const std::string& text) {
    text_block(fonts_.heading, theme::kHeadingSize, theme::kText, text, {"heading", "heading", text, "", "1"}, 18);
}

void UiKit::paragraph(const std::string& text, bool muted) {
    text_block(fonts_.body, theme::kBodySize, muted ? theme::kMuted : theme::kText, text, {next_text_id(), "text", text}, 14);
}

void UiKit::strong_text(const std::string& text) {
    text_block(fonts_.strong, theme::kBodySize, theme::kText, text, {next_text_id(), "text", text}, 10);
}

void UiKit::bullet(const std::string& text) {
    float indent = 24;
    float h = text_height(fonts_.body, theme::kBodySize, text, column_w_ - indent);
    draw_->AddCircleFilled(ImVec2(px(column_x_ + 7), px(cursor_y_ + 13 - scroll_)), px(3.5f), theme::kText);
    draw_text(fonts_.body, theme::kBodySize, column_x_ + indent, cursor_y_, theme::kText, text, column_w_ - indent);
    add_node({next_text_id(), "listitem", text, "", "", column_x_, cursor_y_, column_w_, h});
    cursor_y_ += h + 8;
}

void UiKit::numbered(int number, const std::string& text) {
    float indent = 44;
    float h = std::max(32.f, text_height(fonts_.body, theme::kBodySize, text, column_w_ - indent));
    ImVec2 c(px(column_x_ + 16), px(cursor_y_ + 14 - scroll_));
    draw_->AddCircleFilled(c, px(15), theme::kText);
    std::string n = std::to_string(number);
    float nw = fonts_.strong->CalcTextSizeA(px(theme::kBodySize), FLT_MAX, 0, n.c_str()).x / dpr_;
    draw_text(fonts_.strong, theme::kBodySize, column_x_ + 16 - nw / 2, cursor_y_ + 1, theme::kOnDark, n, 0);
    draw_text(fonts_.body, theme::kBodySize, column_x_ + indent, cursor_y_ + 2, theme::kText, text, column_w_ - indent);
    add_node({next_text_id(), "listitem", n + ". " + text, "", "", column_x_, cursor_y_, column_w_, h});
    cursor_y_ += h + 14;
}

void UiKit::panel(const std::string& title, const std::string& text) {
    float inner = column_w_ - 32;
    float th = title.empty() ? 0 : text_height(fonts_.strong, theme::kBodySize, title, inner) + 6;
    float bh = text_height(fonts_.body, theme::kBodySize, text, inner);
    float h = th + bh + 32;
    draw_->AddRectFilled(ImVec2(px(column_x_), px(cursor_y_ - scroll_)), ImVec2(px(column_x_ + column_w_), px(cursor_y_ + h - scroll_)), theme::kPanel);
    draw_->AddRectFilled(ImVec2(px(column_x_), px(cursor_y_ - scroll_)), ImVec2(px(column_x_ + 5), px(cursor_y_ + h - scroll_)), theme::kBorder);
    if (!title.empty()) draw_text(fonts_.strong, theme::kBodySize, column_x_ + 18, cursor_y_ + 16, theme::kText, title, inner);
    draw_text(fonts_.body, theme::kBodySize, column_x_ + 18, cursor_y_ + 16 + th, theme::kText, text, inner);
    add_node({next_text_id(), "text", title.empty() ? text : title + ": " + text, "", "", column_x_, cursor_y_, column_w_, h});
    cursor_y_ += h + 16;
}

void UiKit::warning(const std::string& text) {
    float indent = 48;
    float h = std::max(36.f, text_height(fonts_.strong, theme::kBodySize, text, column_w_ - indent));
    ImVec2 c(px(column_x_ + 18), px(cursor_y_ + 18 - scroll_));
    draw_->AddCircleFilled(c, px(17), theme::kText);
    draw_text(fonts_.strong, 24, column_x_ + 14.5f, cursor_y_ + 2, theme::kOnDark, "!", 0);
    draw_text(fonts_.strong, theme::kBodySize, column_x_ + indent, cursor_y_ + 4, theme::kText, text, column_w_ - indent);
    add_node({next_text_id(), "text", text, "", "", column_x_, cursor_y_, column_w_, h});
    cursor_y_ += h + 16;
}

void UiKit::status(const std::string& text) {
    text_block(fonts_.strong, theme::kBodySize, theme::kText, text, {"status", "status", text, "", "polite"}, 12);
}

void UiKit::big_text(const std::string& text, const std::string& label) {
    float size = 30;
    float inner = column_w_ - 32;
    float h = text_height(fonts_.heading, size, text, inner) + 32;
    draw_->AddRectFilled(ImVec2(px(column_x_), px(cursor_y_ - scroll_)), ImVec2(px(column_x_ + column_w_), px(cursor_y_ + h - scroll_)), theme::kPanel, px(8));
    draw_->AddRect(ImVec2(px(column_x_), px(cursor_y_ - scroll_)), ImVec2(px(column_x_ + column_w_), px(cursor_y_ + h - scroll_)), theme::kText, px(8), 0, px(2));
    draw_text(fonts_.heading, size, column_x_ + 16, cursor_y_ + 16, theme::kText, text, inner);
    add_node({"big" + std::to_string(nodes_.size()), "text", label.empty() ? text : label + ": " + text, "", "", column_x_, cursor_y_, column_w_, h});
    cursor_y_ += h + 16;
}

void UiKit::drawing(Icon icon, const std::string& caption) {
    float size = 120;
    float cx = column_x_ + column_w_ / 2;
    draw_->AddRectFilled(ImVec2(px(column_x_), px(cursor_y_ - scroll_)), ImVec2(px(column_x_ + column_w_), px(cursor_y_ + size + 20 - scroll_)), theme::kPanel, px(8));
    draw_icon(icon, cx, cursor_y_ + 10 + size / 2, size, theme::kText);
    // A picture without a caption is decoration: nothing for a screen reader to read.
    if (!caption.empty()) add_node({"img" + std::to_string(nodes_.size()), "img", caption, "", "", column_x_, cursor_y_, column_w_, size + 20});
    cursor_y_ += size + 20 + 8;
    if (!caption.empty()) {
        float h = text_height(fonts_.small, theme::kSmallSize, caption, column_w_);
        draw_text(fonts_.small, theme::kSmallSize, column_x_, cursor_y_, theme::kMuted, caption, column_w_);
        cursor_y_ += h + 14;
    }
}

void UiKit::spacer(float css_px) { cursor_y_ += css_px; }

// --- Controls -------------------------------------------------------------------------------
bool UiKit::primary_button(const std::string& id, const std::string& label, bool enabled) {
    float h = std::max(56.f, text_height(fonts_.strong, theme::kBodySize, label, column_w_ - 32) + 24);
    float w = width_ < 700 ? column_w_ : std::min(column_w_, std::max(240.f, fonts_.strong->CalcTextSizeA(px(theme::kBodySize), FLT_MAX, 0, label.c_str()).x / dpr_ + 64));
    float x = column_x_, y = cursor_y_;
    bool pressed = pressed_ == id, hover = hovered_ == id;
    unsigned fill = !enabled ? theme::kDisabled : pressed ? theme::kPrimaryPressed : hover ? theme::kPrimaryHover : theme::kPrimary;
    // The darker bottom edge is the GOV.UK button's affordance: it reads as pressable.
    draw_->AddRectFilled(ImVec2(px(x), px(y + 3 - scroll_)), ImVec2(px(x + w), px(y + h + 3 - scroll_)), theme::kPrimaryShadow, px(6));
    float sink = pressed ? 2 : 0;
    draw_->AddRectFilled(ImVec2(px(x), px(y + sink - scroll_)), ImVec2(px(x + w), px(y + h + sink - scroll_)), fill, px(6));
    float tw = std::min(w - 32, fonts_.strong->CalcTextSizeA(px(theme::kBodySize), FLT_MAX, px(w - 32), label.c_str()).x / dpr_);
    float th = text_height(fonts_.strong, theme::kBodySize, label, w - 32);
    draw_text(fonts_.strong, theme::kBodySize, x + (w - tw) / 2, y + sink + (h - th) / 2, theme::kOnDark, label, w - 32);
    draw_focus(x, y, w, h + 3, id);
    UiNode node{id, "button", label, "", "", x, y, w, h + 3};
    node.disabled = !enabled;
    add_node(node);
    cursor_y_ += h + 3 + 18;
    return control(id) && enabled;
}

bool UiKit::secondary_button(const std::string& id, const std::string& label) {
    float h = std::max(52.f, text_height(fonts_.strong, theme::kBodySize, label, column_w_ - 32) + 22);
    float w = width_ < 700 ? column_w_ : std::min(column_w_, std::max(240.f, fonts_.strong->CalcTextSizeA(px(theme::kBodySize), FLT_MAX, 0, label.c_str()).x / dpr_ + 64));
    float x = column_x_, y = cursor_y_;
    bool hover = hovered_ == id, pressed = pressed_ == id;
    draw_->AddRectFilled(ImVec2(px(x), px(y - scroll_)), ImVec2(px(x + w), px(y + h - scroll_)), pressed ? theme::kPanelPressed : hover ? theme::kPanel : theme::kSecondary, px(6));
    draw_->AddRect(ImVec2(px(x), px(y - scroll_)), ImVec2(px(x + w), px(y + h - scroll_)), theme::kText, px(6), 0, px(2));
    float tw = std::min(w - 32, fonts_.strong->CalcTextSizeA(px(theme::kBodySize), FLT_MAX, px(w - 32), label.c_str()).x / dpr_);
    float th = text_height(fonts_.strong, theme::kBodySize, label, w - 32);
    draw_text(fonts_.strong, theme::kBodySize, x + (w - tw) / 2, y + (h - th) / 2, theme::kText, label, w - 32);
    draw_focus(x, y, w, h, id);
    add_node({id, "button", label, "", "", x, y, w, h});
    cursor_y_ += h + 14;
    return control(id);
}

bool UiKit::choice(const std::string& id, const std::string& label, const std::string& hint, Icon icon, bool selected) {
    float icon_w = icon == Icon::none ? 0 : 56;
    float inner = column_w_ - 32 - icon_w;
    float lh = text_height(fonts_.strong, theme::kBodySize, label, inner);
    float hh = hint.empty() ? 0 : text_height(fonts_.body, theme::kSmallSize, hint, inner) + 4;
    float h = std::max(60.f, lh + hh + 28);
    float x = column_x_, y = cursor_y_;
    bool hover = hovered_ == id, pressed = pressed_ == id;
    unsigned fill = selected ? theme::kSelected : pressed ? theme::kPanelPressed : hover ? theme::kPanel : theme::kSecondary;
    draw_->AddRectFilled(ImVec2(px(x), px(y - scroll_)), ImVec2(px(x + column_w_), px(y + h - scroll_)), fill, px(8));
    draw_->AddRect(ImVec2(px(x), px(y - scroll_)), ImVec2(px(x + column_w_), px(y + h - scroll_)), selected ? theme::kLink : theme::kBorderStrong, px(8), 0, px(selected ? 3 : 2));
    if (icon != Icon::none) draw_icon(icon, x + 16 + icon_w / 2 - 4, y + h / 2, 40, theme::kText);
    float tx = x + 16 + icon_w;
    float ty = y + (h - lh - hh) / 2;
    draw_text(fonts_.strong, theme::kBodySize, tx, ty, theme::kText, label, inner);
    if (!hint.empty()) draw_text(fonts_.body, theme::kSmallSize, tx, ty + lh + 4, theme::kMuted, hint, inner);
    draw_focus(x, y, column_w_, h, id);
    UiNode node{id, "button", label, hint, "", x, y, column_w_, h};
    node.pressed = selected;
    add_node(node);
    cursor_y_ += h + 10;
    return control(id);
}

bool UiKit::link(const std::string& id, const std::string& label, const std::string& href) {
    float h = std::max(44.f, text_height(fonts_.body, theme::kBodySize, label, column_w_) + 16);
    float tw = std::min(column_w_, fonts_.body->CalcTextSizeA(px(theme::kBodySize), FLT_MAX, px(column_w_), label.c_str()).x / dpr_);
    bool hover = hovered_ == id;
    unsigned color = hover ? theme::kLinkHover : theme::kLink;
    draw_text(fonts_.body, theme::kBodySize, column_x_, cursor_y_ + 8, color, label, column_w_);
    float underline_y = cursor_y_ + h - 10;
    draw_->AddLine(ImVec2(px(column_x_), px(underline_y - scroll_)), ImVec2(px(column_x_ + tw), px(underline_y - scroll_)), color, px(hover ? 3 : 1.5f));
    draw_focus(column_x_, cursor_y_, tw, h, id);
    add_node({id, href.empty() ? "button" : "link", label, href, "", column_x_, cursor_y_, std::max(tw, 44.f), h});
    cursor_y_ += h + 8;
    return control(id);
}

void UiKit::text_field(const std::string& id, const std::string& label, const std::string& input_type,
                       const std::string& autocomplete, const std::string& hint) {
    field_box(id, label, hint, input_type + "|" + autocomplete, 56);
}

void UiKit::text_area(const std::string& id, const std::string& label, const std::string& hint, int lines) {
    field_box(id, label, hint, "textarea|off", 24 + 27.f * static_cast<float>(std::max(2, lines)));
}

// The label, the hint and the empty box a DOM <input> or <textarea> sits over.
void UiKit::field_box(const std::string& id, const std::string& label, const std::string& hint,
                      const std::string& extra, float h) {
    float lh = text_height(fonts_.strong, theme::kBodySize, label, column_w_);
    draw_text(fonts_.strong, theme::kBodySize, column_x_, cursor_y_, theme::kText, label, column_w_);
    cursor_y_ += lh + 6;
    if (!hint.empty()) {
        float hh = text_height(fonts_.body, theme::kBodySize, hint, column_w_);
        draw_text(fonts_.body, theme::kBodySize, column_x_, cursor_y_, theme::kMuted, hint, column_w_);
        cursor_y_ += hh + 8;
    }
    draw_->AddRectFilled(ImVec2(px(column_x_), px(cursor_y_ - scroll_)), ImVec2(px(column_x_ + column_w_), px(cursor_y_ + h - scroll_)), theme::kBackground);
    draw_->AddRect(ImVec2(px(column_x_), px(cursor_y_ - scroll_)), ImVec2(px(column_x_ + column_w_), px(cursor_y_ + h - scroll_)), theme::kText, 0, 0, px(2));
    draw_focus(column_x_, cursor_y_, column_w_, h, id);
    // The DOM <input> over this box draws the text and caret itself, so a phone raises its keyboard.
    add_node({id, "textbox", label, hint, extra, column_x_, cursor_y_, column_w_, h});
    cursor_y_ += h + 18;
}

void UiKit::countdown(float seconds_left, float total_seconds, const std::string& caption) {
    float size = std::min(220.f, column_w_);
    float cx = column_x_ + column_w_ / 2, cy = cursor_y_ + size / 2;
    float r = size / 2 - 10;
    ImVec2 c(px(cx), px(cy - scroll_));
    draw_->AddCircle(c, px(r), theme::kPanelPressed, 96, px(14));
    float fraction = total_seconds > 0 ? std::clamp(seconds_left / total_seconds, 0.f, 1.f) : 0.f;
    if (fraction > 0) {
        const float start = -kPi / 2;
        draw_->PathArcTo(c, px(r), start, start + fraction * 2 * kPi, 96);
        draw_->PathStroke(theme::kPrimary, 0, px(14));
    }
    // Long waits read as minutes and seconds ("1:58"), short holds as seconds ("27").
    int whole = static_cast<int>(std::ceil(seconds_left));
    std::string number = total_seconds > 90 ? std::to_string(whole / 60) + ":" + (whole % 60 < 10 ? "0" : "") + std::to_string(whole % 60)
                                            : std::to_string(whole);
    ImVec2 ns = fonts_.display->CalcTextSizeA(px(64), FLT_MAX, 0, number.c_str());
    draw_text(fonts_.display, 64, cx - ns.x / dpr_ / 2, cy - ns.y / dpr_ / 2, theme::kText, number, 0);
    add_node({"countdown", "timer", caption, number, "", column_x_, cursor_y_, column_w_, size});
    cursor_y_ += size + 16;
}

// --- Drawings ----------------------------------------------------------------------------------
// Simple line pictures of the kinds of device, so a customer can point at theirs.
void UiKit::draw_icon(Icon icon, float cx, float cy, float size, unsigned color) {
    ImVec2 c(px(cx), px(cy - scroll_));
    float s = px(size) / 2;
    float t = std::max(1.5f, px(size / 20));
    auto rect = [&](float x0, float y0, float x1, float y1, float rounding = 0) {
        draw_->AddRect(ImVec2(c.x + x0 * s, c.y + y0 * s), ImVec2(c.x + x1 * s, c.y + y1 * s), color, rounding * s, 0, t);
    };
    auto line = [&](float x0, float y0, float x1, float y1) {
        draw_->AddLine(ImVec2(c.x + x0 * s, c.y + y0 * s), ImVec2(c.x + x1 * s, c.y + y1 * s), color, t);
    };
    auto circle = [&](float x, float y, float r, bool filled = false) {
        if (filled) draw_->AddCircleFilled(ImVec2(c.x + x * s, c.y + y * s), r * s, color);
        else draw_->AddCircle(ImVec2(c.x + x * s, c.y + y * s), r * s, color, 0, t);
    };
    switch (icon) {
        case Icon::camera:
            rect(-0.8f, -0.45f, 0.45f, 0.25f, 0.1f); circle(0.62f, -0.1f, 0.14f); line(-0.2f, 0.25f, -0.2f, 0.6f); line(-0.55f, 0.6f, 0.15f, 0.6f);
            circle(-0.55f, -0.1f, 0.06f, true); break;
        case Icon::recorder:
            rect(-0.9f, -0.3f, 0.9f, 0.3f, 0.06f); circle(0.65f, 0.0f, 0.06f, true); line(-0.7f, 0.0f, 0.1f, 0.0f); line(-0.7f, 0.3f, -0.7f, 0.42f); line(0.7f, 0.3f, 0.7f, 0.42f); break;
        case Icon::router:
            rect(-0.85f, -0.05f, 0.85f, 0.4f, 0.08f); line(-0.5f, -0.05f, -0.65f, -0.7f); line(0.5f, -0.05f, 0.65f, -0.7f);
            circle(-0.5f, 0.18f, 0.05f, true); circle(-0.3f, 0.18f, 0.05f, true); circle(-0.1f, 0.18f, 0.05f, true); break;
        case Icon::tv_box:
            rect(-0.85f, -0.6f, 0.85f, 0.25f, 0.05f); line(-0.3f, 0.45f, 0.3f, 0.45f); rect(-0.35f, 0.3f, 0.35f, 0.6f, 0.05f); break;
        case Icon::printer:
            rect(-0.8f, -0.2f, 0.8f, 0.4f, 0.06f); rect(-0.5f, -0.7f, 0.5f, -0.2f); rect(-0.5f, 0.25f, 0.5f, 0.7f); break;
        case Icon::nas:
            rect(-0.5f, -0.75f, 0.5f, 0.75f, 0.06f); line(-0.35f, -0.35f, 0.35f, -0.35f); line(-0.35f, 0.0f, 0.35f, 0.0f); line(-0.35f, 0.35f, 0.35f, 0.35f); break;
        case Icon::smart_home:
            line(-0.7f, -0.05f, 0.0f, -0.7f); line(0.0f, -0.7f, 0.7f, -0.05f); rect(-0.5f, -0.15f, 0.5f, 0.7f); rect(-0.15f, 0.25f, 0.15f, 0.7f); break;
        case Icon::phone:
            rect(-0.4f, -0.8f, 0.4f, 0.8f, 0.12f); line(-0.12f, 0.6f, 0.12f, 0.6f); break;
        case Icon::question:
            circle(0, 0, 0.8f); draw_->AddText(fonts_.heading, px(size * 0.7f), ImVec2(c.x - px(size * 0.12f), c.y - px(size * 0.36f)), color, "?"); break;
        case Icon::check:
            circle(0, 0, 0.8f); line(-0.4f, 0.0f, -0.1f, 0.35f); line(-0.1f, 0.35f, 0.45f, -0.3f); break;
        case Icon::cross:
            circle(0, 0, 0.8f); line(-0.35f, -0.35f, 0.35f, 0.35f); line(0.35f, -0.35f, -0.35f, 0.35f); break;
        case Icon::pinhole:
            // The back of a device with a small hole and a straightened paperclip going in.
            rect(-0.9f, -0.5f, 0.9f, 0.5f, 0.05f); circle(0.1f, 0.0f, 0.07f); line(0.25f, -0.15f, 0.95f, -0.85f); line(0.3f, -0.05f, 0.95f, -0.7f);
            circle(-0.5f, 0.0f, 0.12f); rect(-0.8f, -0.25f, -0.7f, 0.25f); break;
        case Icon::line_dsl:
            // A modem seen from the back; a thin cable with a small clip plug leaves its
            // left socket for the wall socket.
            rect(-0.9f, -0.25f, 0.5f, 0.35f, 0.05f); rect(-0.7f, -0.05f, -0.45f, 0.15f); line(-0.58f, -0.05f, -0.58f, -0.7f);
            line(-0.58f, -0.7f, 0.75f, -0.7f); rect(0.62f, -0.85f, 0.92f, -0.55f, 0.04f); rect(-0.2f, -0.05f, 0.3f, 0.15f); break;
        case Icon::line_coax:
            // A thick round cable screwed onto the modem: a nut with a pin in the middle.
            rect(-0.9f, -0.25f, 0.5f, 0.35f, 0.05f); circle(-0.55f, 0.05f, 0.16f); circle(-0.55f, 0.05f, 0.04f, true);
            line(-0.62f, -0.11f, -0.62f, -0.7f); line(-0.48f, -0.11f, -0.48f, -0.7f); line(-0.62f, -0.7f, 0.75f, -0.7f);
            line(-0.48f, -0.58f, 0.75f, -0.58f); rect(0.62f, -0.85f, 0.92f, -0.45f, 0.04f); break;
        case Icon::line_fibre:
            // The small fibre box on the wall, a network cable from it to the router's WAN socket.
            rect(0.45f, -0.9f, 0.9f, -0.35f, 0.05f); circle(0.67f, -0.62f, 0.05f, true); rect(-0.9f, 0.05f, 0.3f, 0.55f, 0.05f);
            rect(-0.7f, 0.2f, -0.45f, 0.4f); line(-0.58f, 0.2f, -0.58f, -0.2f); line(-0.58f, -0.2f, 0.67f, -0.2f); line(0.67f, -0.2f, 0.67f, -0.35f); break;
        case Icon::wifi_sticker:
            // A label with a Wi-Fi sign and two lines of text (name and key).
            rect(-0.85f, -0.6f, 0.85f, 0.6f, 0.08f); circle(-0.5f, -0.05f, 0.05f, true);
            draw_->PathArcTo(ImVec2(c.x - 0.5f * s, c.y - 0.05f * s), 0.2f * s, -2.4f, -0.75f); draw_->PathStroke(color, 0, t);
            draw_->PathArcTo(ImVec2(c.x - 0.5f * s, c.y - 0.05f * s), 0.36f * s, -2.4f, -0.75f); draw_->PathStroke(color, 0, t);
            line(-0.1f, -0.2f, 0.65f, -0.2f); line(-0.1f, 0.15f, 0.65f, 0.15f); line(-0.65f, 0.38f, 0.65f, 0.38f); break;
        case Icon::none: break;
    }
}

}  // namespace cleanslate
