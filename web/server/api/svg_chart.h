// svg_chart.h — bar charts as SVG text, drawn by the server for the desk's funnel page.
//
// Why hand-written SVG and not a charting library: the page is a server page for a desk
// behind a login, and the charts are horizontal bars with their numbers — a few dozen lines
// of SVG. Drawn by the server they need no script, print and export as files, scale sharply
// on any screen, and carry their accessibility in the markup: role="img" with a <title> and a
// <desc> that says what the chart shows, every bar's label and number as real <text> (readable,
// selectable, found by find-in-page), and the page puts the same numbers in a table beside it.
// No new dependency, nothing for the customer's download.
#pragma once
#include <string>
#include <vector>

namespace cleanslate::server {

struct Bar {
    std::string label;        // left of the bar
    double value = 0;         // its length, against the chart's largest value
    std::string value_text;   // right of the bar ("412 (83 %)", "4 min 10 s")
    bool emphasised = false;  // drawn in the alert colour (reinfected, the largest drop)
};

struct BarChart {
    std::string id;           // unique on the page: ids of its title and description
    std::string title;        // the chart's accessible name
    std::string description;  // one sentence: what is counted, over which time
    std::vector<Bar> bars;
};

// A self-contained <svg> element: width 100 % of its container, height from the bar count.
std::string horizontal_bar_chart(const BarChart& chart);

}  // namespace cleanslate::server
