// report_summary.cpp — the summary lines and the page the customer can keep.
#include "core/report_summary.h"
#include "core/escape_html.h"
#include "core/phone_number.h"

namespace cleanslate {

namespace {
// "3 opmerkingen", "1 opmerking", "geen opmerkingen": counts in whole words, per language.
std::string counted(const Catalog& texts, const std::string& key, size_t n) {
    if (n == 0) return texts.text(key + "_none");
    if (n == 1) return texts.text(key + "_one");
    return texts.format(key + "_many", {{"n", std::to_string(n)}});
}

std::string duration(const Catalog& texts, int64_t seconds) {
    int64_t minutes = (seconds + 30) / 60;
    if (minutes <= 1) return texts.text("time.one_minute");
    return texts.format("time.minutes", {{"n", std::to_string(minutes)}});
}
}  // namespace

std::vector<std::string> report_summary(const Json& report, const Catalog& texts,
                                        const std::function<std::string(const std::string&)>& device_name,
                                        SummaryPart part) {
    std::vector<std::string> lines;
    bool everything = part == SummaryPart::kEverything;
    std::string ticket = json_string(report, "ticket");
    if (everything && !ticket.empty()) lines.push_back(texts.format("report.summary.ticket", {{"ticket", ticket}}));
    if (const Json* devices = json_member(report, "devices"); everything && devices && devices->is_array()) {
        for (const Json& device : *devices) {
            lines.push_back(texts.format("report.summary.device", {{"device", device_name(json_string(device, "device_id"))}}) +
                            " " + texts.text("report.summary.chosen." + json_string(device, "chosen_by", "customer")));
            lines.push_back(texts.text(json_bool(device, "reset_verified") ? "report.summary.reset_verified"
                                                                            : "report.summary.reset_not_verified"));
            std::string strength = json_string(device, "password_strength");
            lines.push_back(strength.empty() ? texts.text("report.summary.no_password")
                                             : texts.format("report.summary.password", {{"strength", texts.text("report.strength." + strength)}}));
        }
    }
    if (everything) lines.push_back(texts.text("report.outcome." + json_string(report, "outcome", "abandoned")));
    lines.push_back(texts.format("report.summary.time", {{"time", duration(texts, json_int(report, "duration_s"))}}));
    lines.push_back(texts.text("report.summary.timings"));
    std::string consent = json_string(report, "consent");
    if (consent == "given") {
        const Json* feedback = json_member(report, "feedback");
        const Json* voice = json_member(report, "voice_notes");
        lines.push_back(texts.format("report.summary.feedback",
                                     {{"notes", counted(texts, "report.summary.notes", feedback ? feedback->size() : 0)},
                                      {"voice", counted(texts, "report.summary.voice", voice ? voice->size() : 0)}}));
    } else {
        lines.push_back(texts.text(consent == "withdrawn" ? "report.summary.feedback_withdrawn" : "report.summary.feedback_not_shared"));
    }
    if (const Json* callback = json_member(report, "callback"))
        lines.push_back(texts.format("report.summary.callback", {{"phone", phone_for_display(json_string(*callback, "phone"))}}));
    return lines;
}

std::string report_page_html(const Catalog& texts, const Json& report, const std::vector<std::string>& lines) {
    std::string title = texts.format("report.page_title", {{"ticket", json_string(report, "ticket")}});
    std::string html = "<!doctype html>\n<html lang=\"" + escape_html(texts.code()) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape_html(title) +
                       "</title>\n<style>body{font:19px/1.5 system-ui,sans-serif;max-width:40em;margin:1.5em auto;padding:0 1em;color:#0b0c0c}"
                       "h1{font-size:1.5em}li{margin:.4em 0}</style>\n</head>\n<body>\n<h1>" + escape_html(title) + "</h1>\n<p>" +
                       escape_html(texts.text("report.page_note")) + "</p>\n<h2>" + escape_html(texts.text("report.title")) + "</h2>\n<ul>\n";
    for (const std::string& line : lines) html += "<li>" + escape_html(line) + "</li>\n";
    html += "</ul>\n</body>\n</html>\n";
    return html;
}

}  // namespace cleanslate
