// escape_html.h — text made safe to put inside HTML or XML (element text and quoted
// attribute values). One function for every page the project writes: the customer's saved
// summary, the notification e-mail, the helpdesk's funnel page and its SVG charts.
#pragma once
#include <string>
#include <string_view>

namespace cleanslate {

// & < > " ' become entities; everything else (UTF-8 included) is kept as it is.
std::string escape_html(std::string_view text);

}  // namespace cleanslate
