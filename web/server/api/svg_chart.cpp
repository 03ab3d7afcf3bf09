// svg_chart.cpp — the one chart the funnel page needs, horizontal bars with labels.
#include "api/svg_chart.h"

#include "core/escape_html.h"

#include <algorithm>
#include <cstdio>

namespace cleanslate::server {

namespace {
// The drawing's own units (the viewBox); the page scales it to its width.
constexpr int kWidth = 960;
constexpr int kLabelWidth = 300;   // room for a label such as "Passed the reset check"
constexpr int kValueWidth = 170;   // room for "1 234 (100 %)"
constexpr int kBarHeight = 30;
constexpr int kGap = 12;
constexpr int kFontSize = 18;      // at 960 wide; a phone shows the page's table as well

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    std::string out = text;
    if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
    return out;
}
}  // namespace

std::string horizontal_bar_chart(const BarChart& chart) {
    double largest = 0;
    for (const Bar& bar : chart.bars) largest = std::max(largest, bar.value);
    const int rows = std::max<int>(1, int(chart.bars.size()));
    const int height = rows * (kBarHeight + kGap) + kGap;
    const int track = kWidth - kLabelWidth - kValueWidth;
    const std::string title_id = chart.id + "-title", description_id = chart.id + "-desc";

    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"" + escape_html(chart.id) +
                      "\" viewBox=\"0 0 " + std::to_string(kWidth) + " " + std::to_string(height) +
                      "\" width=\"100%\" role=\"img\" aria-labelledby=\"" + escape_html(title_id) + " " +
                      escape_html(description_id) + "\" font-family=\"system-ui, sans-serif\" font-size=\"" +
                      std::to_string(kFontSize) + "\">";
    svg += "<title id=\"" + escape_html(title_id) + "\">" + escape_html(chart.title) + "</title>";
    svg += "<desc id=\"" + escape_html(description_id) + "\">" + escape_html(chart.description) + "</desc>";
    int y = kGap;
    for (const Bar& bar : chart.bars) {
        const double length = largest > 0 ? bar.value / largest * track : 0;
        const std::string middle = number(y + kBarHeight / 2.0 + kFontSize * 0.35);
        svg += "<g class=\"bar\">";
        svg += "<text x=\"" + std::to_string(kLabelWidth - 12) + "\" y=\"" + middle + "\" text-anchor=\"end\" fill=\"#1b1b1b\">" +
               escape_html(bar.label) + "</text>";
        svg += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
               number(std::max(length, bar.value > 0 ? 2.0 : 0.0)) + "\" height=\"" + std::to_string(kBarHeight) +
               "\" fill=\"" + (bar.emphasised ? "#b10e1e" : "#1d4f91") + "\"/>";
        svg += "<text x=\"" + number(kLabelWidth + length + 8) + "\" y=\"" + middle + "\" fill=\"#1b1b1b\">" +
               escape_html(bar.value_text) + "</text>";
        svg += "</g>";
        y += kBarHeight + kGap;
    }
    if (chart.bars.empty()) svg += "<text x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(kGap + kFontSize) + "\" fill=\"#505a5f\">—</text>";
    svg += "</svg>";
    return svg;
}

}  // namespace cleanslate::server
