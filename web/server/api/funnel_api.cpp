// funnel_api.cpp — the funnel and themes: counted by the store, drawn here as SVG and tables,
// exported as JSON and CSV.
#include "api/funnel_api.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>

#include "api/svg_chart.h"
#include "core/escape_html.h"
#include "core/flow.h"
#include "core/json.h"
#include "http/agent_session.h"
#include "http/json_body.h"

namespace cleanslate::server {

const char* helpdesk_locale_nl();  // generated from locales/helpdesk/*.json (server.cmake)
const char* helpdesk_locale_en();

namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kWeek = 7 * kDay;
constexpr int64_t kFirstMonday = 4 * kDay;  // 1970-01-05, the first Monday after the epoch
constexpr int kDefaultWeeks = 12;
constexpr int kMostWeeks = 104;
constexpr int kSentencesPerTheme = 5;

// --- What the page shows, gathered once per request ---------------------------------------------
struct FunnelReport {
    int weeks = kDefaultWeeks;
    int64_t from = 0, to = 0;  // [from, to): whole ISO weeks
    int64_t quiet_days = 0;    // 0: cleanslate-desk verify never ran
    std::vector<FunnelWeek> cohorts;
    FunnelWeek total;
    std::vector<StepTime> step_times;  // in journey order
    std::vector<StallCount> stalls;
    std::vector<ThemeCount> themes;
    std::vector<SaidEntry> sentences;
};

struct Stage {
    const char* id;
    int64_t FunnelWeek::*count;
};
constexpr Stage kStages[] = {
    {"notified", &FunnelWeek::notified},           {"opened", &FunnelWeek::opened},
    {"identified", &FunnelWeek::identified},       {"reset_verified", &FunnelWeek::reset_verified},
    {"password_set", &FunnelWeek::password_set},   {"remediated", &FunnelWeek::remediated},
    {"verified_clean", &FunnelWeek::verified_clean}, {"reinfected", &FunnelWeek::reinfected},
};

int64_t monday_of(int64_t unix_seconds) {
    return unix_seconds - ((unix_seconds - kFirstMonday) % kWeek + kWeek) % kWeek;
}

FunnelReport gather(Store& store, int64_t now, int weeks) {
    FunnelReport report;
    report.weeks = weeks;
    report.to = monday_of(now) + kWeek;
    report.from = report.to - int64_t(weeks) * kWeek;
    report.quiet_days = store.desk_setting(kVerifyQuietDaysSetting).value_or(0);
    report.cohorts = store.funnel_weeks(report.from, report.to);
    for (const FunnelWeek& week : report.cohorts)
        for (const Stage& stage : kStages) report.total.*stage.count += week.*stage.count;
    // Steps in the order the customer meets them; a step the wizard no longer has goes last.
    std::vector<StepTime> times = store.step_times(report.from, report.to);
    for (Step step : kStepsInOrder)
        for (const StepTime& time : times)
            if (time.step == step_id(step)) report.step_times.push_back(time);
    for (const StepTime& time : times)
        if (std::none_of(report.step_times.begin(), report.step_times.end(),
                         [&](const StepTime& kept) { return kept.step == time.step; }))
            report.step_times.push_back(time);
    report.stalls = store.stalls(report.from, report.to);
    report.themes = store.themes_by_step(report.from, report.to);
    report.sentences = store.sentences(report.from, report.to, kSentencesPerTheme);
    return report;
}

std::string utc_day(int64_t unix_seconds) {
    const std::time_t at = std::time_t(unix_seconds);
    std::tm parts{};
    gmtime_r(&at, &parts);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &parts);
    return text;
}

int requested_weeks(const Request& request) {
    const std::string text = request.query_parameter("weeks");
    if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos) return kDefaultWeeks;
    return std::clamp(std::atoi(text.c_str()), 1, kMostWeeks);
}

// --- JSON ----------------------------------------------------------------------------------------
Json counts_json(const FunnelWeek& week) {
    Json counts = Json::object();
    for (const Stage& stage : kStages) counts[stage.id] = week.*stage.count;
    return counts;
}

Json report_json(const FunnelReport& report) {
    Json weeks = Json::array();
    for (const FunnelWeek& week : report.cohorts)
        weeks.push_back({{"week", iso_week_name(week.week_start)}, {"starts", utc_day(week.week_start)},
                         {"counts", counts_json(week)}});
    Json times = Json::array();
    for (const StepTime& time : report.step_times)
        times.push_back({{"step", time.step}, {"journeys", time.journeys}, {"median_seconds", time.median_seconds}});
    Json stalls = Json::array();
    for (const StallCount& stall : report.stalls)
        stalls.push_back({{"screen", stall.screen}, {"step", stall.step}, {"journeys", stall.journeys}});
    Json themes = Json::array();
    for (const ThemeCount& theme : report.themes)
        themes.push_back({{"step", theme.step}, {"theme", theme.theme}, {"mentions", theme.mentions}});
    Json sentences = Json::array();
    for (const SaidEntry& said : report.sentences)
        sentences.push_back({{"step", said.step}, {"screen", said.screen}, {"theme", said.theme}, {"kind", said.kind},
                             {"said", said.said}, {"language", said.language}, {"said_at", said.said_at}});
    return {{"from", report.from}, {"to", report.to}, {"weeks", report.weeks},
            {"verify_quiet_days", report.quiet_days > 0 ? Json(report.quiet_days) : Json()},
            {"cohort", "feed cases by the ISO week their e-mail was written (notified_at)"},
            {"funnel", weeks}, {"total", counts_json(report.total)}, {"step_times", times},
            {"stalls", stalls}, {"themes", themes}, {"sentences", sentences}};
}

// --- CSV -------------------------------------------------------------------------------------------
// RFC 4180 quoting; a cell that a spreadsheet would run as a formula starts with an apostrophe
// (the sentences are customers' own words).
std::string csv_cell(const std::string& text) {
    std::string cell = text;
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t'))
        cell.insert(0, 1, '\'');
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string csv_row(const std::vector<std::string>& cells) {
    std::string row;
    for (size_t i = 0; i < cells.size(); ++i) row += (i ? "," : "") + csv_cell(cells[i]);
    return row + "\r\n";
}

bool report_csv(const FunnelReport& report, const std::string& table, std::string& csv) {
    if (table == "weeks") {
        std::vector<std::string> header = {"week", "starts"};
        for (const Stage& stage : kStages) header.push_back(stage.id);
        csv = csv_row(header);
        for (const FunnelWeek& week : report.cohorts) {
            std::vector<std::string> row = {iso_week_name(week.week_start), utc_day(week.week_start)};
            for (const Stage& stage : kStages) row.push_back(std::to_string(week.*stage.count));
            csv += csv_row(row);
        }
    } else if (table == "steps") {
        csv = csv_row({"step", "journeys", "median_seconds"});
        for (const StepTime& time : report.step_times)
            csv += csv_row({time.step, std::to_string(time.journeys), std::to_string(time.median_seconds)});
    } else if (table == "stalls") {
        csv = csv_row({"screen", "step", "journeys"});
        for (const StallCount& stall : report.stalls) csv += csv_row({stall.screen, stall.step, std::to_string(stall.journeys)});
    } else if (table == "themes") {
        csv = csv_row({"step", "theme", "mentions"});
        for (const ThemeCount& theme : report.themes) csv += csv_row({theme.step, theme.theme, std::to_string(theme.mentions)});
    } else if (table == "sentences") {
        csv = csv_row({"step", "screen", "theme", "kind", "said", "language", "said_at"});
        for (const SaidEntry& said : report.sentences)
            csv += csv_row({said.step, said.screen, said.theme, said.kind, said.said, said.language, utc_day(said.said_at)});
    } else {
        return false;
    }
    return true;
}

constexpr const char* kTables[] = {"weeks", "steps", "stalls", "themes", "sentences"};

// --- The page --------------------------------------------------------------------------------------
class Texts {
public:
    explicit Texts(const std::string& language)
        : language_(language), texts_(parse_json(language == "en" ? helpdesk_locale_en() : helpdesk_locale_nl())) {}
    const std::string& language() const { return language_; }
    std::string operator()(const std::string& key, const std::map<std::string, std::string>& values = {}) const {
        std::string text = texts_.is_object() ? json_string(texts_, key.c_str(), key) : key;
        for (const auto& [name, value] : values) {
            const std::string placeholder = "{" + name + "}";
            for (size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size()))
                text.replace(at, placeholder.size(), value);
        }
        return text;
    }

private:
    std::string language_;
    Json texts_;
};

std::string html(const std::string& text) { return escape_html(text); }

std::string percent_of(int64_t part, int64_t whole) {
    if (whole <= 0) return std::to_string(part);
    char text[48];
    std::snprintf(text, sizeof text, "%lld (%.0f %%)", static_cast<long long>(part), 100.0 * double(part) / double(whole));
    return text;
}

std::string minutes(const Texts& t, double seconds) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", seconds / 60.0);
    std::string value = text;
    if (t.language() == "nl") std::replace(value.begin(), value.end(), '.', ',');
    return t("funnel.minutes", {{"minutes", value}});
}

std::string step_name(const Texts& t, const std::string& step) { return t("step." + step); }
std::string screen_name(const Texts& t, const std::string& screen) {
    const std::string name = t("screen." + screen);
    return name == "screen." + screen ? screen : name;
}

std::string table_start(const std::vector<std::string>& headings, const std::string& caption) {
    std::string out = "<div class=\"table-wrap\"><table><caption>" + html(caption) + "</caption><thead><tr>";
    for (const std::string& heading : headings) out += "<th scope=\"col\">" + html(heading) + "</th>";
    return out + "</tr></thead><tbody>";
}
const char* kTableEnd = "</tbody></table></div>";

std::string cohort_section(const Texts& t, const FunnelReport& report) {
    std::string out = "<section aria-labelledby=\"cohort-title\" class=\"panel\"><h2 id=\"cohort-title\">" +
                      html(t("funnel.cohort_title")) + "</h2><p>" + html(t("funnel.cohort_explain")) + "</p>";
    BarChart chart;
    chart.id = "chart-funnel";
    chart.title = t("funnel.chart_cohort");
    chart.description = t("funnel.chart_cohort_desc", {{"notified", std::to_string(report.total.notified)},
                                                        {"from", utc_day(report.from)}, {"to", utc_day(report.to - kDay)}});
    for (const Stage& stage : kStages) {
        const int64_t count = report.total.*stage.count;
        chart.bars.push_back(Bar{t(std::string("funnel.stage.") + stage.id), double(count),
                                 percent_of(count, report.total.notified), std::string(stage.id) == "reinfected"});
    }
    out += "<figure>" + horizontal_bar_chart(chart) + "</figure>";
    std::vector<std::string> headings = {t("funnel.week"), t("funnel.week_starts")};
    for (const Stage& stage : kStages) headings.push_back(t(std::string("funnel.stage.") + stage.id));
    out += table_start(headings, t("funnel.chart_cohort"));
    for (const FunnelWeek& week : report.cohorts) {
        out += "<tr><th scope=\"row\">" + iso_week_name(week.week_start) + "</th><td>" + utc_day(week.week_start) + "</td>";
        for (const Stage& stage : kStages) out += "<td class=\"number\">" + std::to_string(week.*stage.count) + "</td>";
        out += "</tr>";
    }
    if (report.cohorts.empty()) out += "<tr><td colspan=\"10\">" + html(t("funnel.nothing")) + "</td></tr>";
    out += kTableEnd;
    out += "<p class=\"muted\">" +
           html(report.quiet_days > 0 ? t("funnel.stages_explain", {{"days", std::to_string(report.quiet_days)}})
                                      : t("funnel.stages_no_verify")) +
           "</p></section>";
    return out;
}

std::string stall_section(const Texts& t, const FunnelReport& report) {
    std::string out = "<section aria-labelledby=\"stall-title\" class=\"panel\"><h2 id=\"stall-title\">" +
                      html(t("funnel.stall_title")) + "</h2><p>" + html(t("funnel.stall_explain")) + "</p>";
    int64_t finished = 0;
    for (const StepTime& time : report.step_times) finished = std::max(finished, time.journeys);
    BarChart times;
    times.id = "chart-times";
    times.title = t("funnel.chart_times");
    times.description = t("funnel.chart_times_desc", {{"journeys", std::to_string(finished)}});
    for (const StepTime& time : report.step_times)
        times.bars.push_back(Bar{step_name(t, time.step), time.median_seconds, minutes(t, time.median_seconds), false});
    out += "<h3>" + html(times.title) + "</h3><figure>" + horizontal_bar_chart(times) + "</figure>";
    out += table_start({t("funnel.step"), t("funnel.journeys"), t("funnel.median")}, times.title);
    for (const StepTime& time : report.step_times)
        out += "<tr><th scope=\"row\">" + html(step_name(t, time.step)) + "</th><td class=\"number\">" +
               std::to_string(time.journeys) + "</td><td class=\"number\">" + html(minutes(t, time.median_seconds)) + "</td></tr>";
    if (report.step_times.empty()) out += "<tr><td colspan=\"3\">" + html(t("funnel.nothing")) + "</td></tr>";
    out += kTableEnd;

    int64_t unfinished = 0, most = 0;
    for (const StallCount& stall : report.stalls) {
        unfinished += stall.journeys;
        most = std::max(most, stall.journeys);
    }
    BarChart stalls;
    stalls.id = "chart-stalls";
    stalls.title = t("funnel.chart_stalls");
    stalls.description = t("funnel.chart_stalls_desc", {{"journeys", std::to_string(unfinished)}});
    for (const StallCount& stall : report.stalls)
        stalls.bars.push_back(Bar{screen_name(t, stall.screen), double(stall.journeys), percent_of(stall.journeys, unfinished),
                                  stall.journeys == most});
    out += "<h3>" + html(stalls.title) + "</h3><figure>" + horizontal_bar_chart(stalls) + "</figure>";
    out += table_start({t("funnel.screen"), t("funnel.step"), t("funnel.stopped")}, stalls.title);
    for (const StallCount& stall : report.stalls)
        out += "<tr><th scope=\"row\">" + html(screen_name(t, stall.screen)) + "</th><td>" + html(step_name(t, stall.step)) +
               "</td><td class=\"number\">" + std::to_string(stall.journeys) + "</td></tr>";
    if (report.stalls.empty()) out += "<tr><td colspan=\"3\">" + html(t("funnel.nothing")) + "</td></tr>";
    return out + kTableEnd + "</section>";
}

std::string themes_section(const Texts& t, const FunnelReport& report) {
    std::string out = "<section aria-labelledby=\"themes-title\" class=\"panel\"><h2 id=\"themes-title\">" +
                      html(t("funnel.themes_title")) + "</h2><p>" + html(t("funnel.themes_explain")) + "</p>";
    if (report.themes.empty()) return out + "<p>" + html(t("funnel.nothing")) + "</p></section>";
    std::vector<std::string> steps;
    for (Step step : kStepsInOrder) steps.push_back(step_id(step));
    for (const ThemeCount& theme : report.themes)
        if (std::find(steps.begin(), steps.end(), theme.step) == steps.end()) steps.push_back(theme.step);
    for (const std::string& step : steps) {
        BarChart chart;
        chart.id = "chart-themes-" + step;
        chart.title = t("funnel.chart_themes", {{"step", step_name(t, step)}});
        chart.description = t("funnel.chart_themes_desc", {{"step", step_name(t, step)}});
        for (const ThemeCount& theme : report.themes)
            if (theme.step == step)
                chart.bars.push_back(Bar{t("theme." + theme.theme), double(theme.mentions), std::to_string(theme.mentions), false});
        if (chart.bars.empty()) continue;
        out += "<h3 id=\"themes-" + html(step) + "\">" + html(step_name(t, step)) + "</h3><figure>" +
               horizontal_bar_chart(chart) + "</figure>";
        out += table_start({t("funnel.theme"), t("funnel.mentions")}, chart.title);
        for (const Bar& bar : chart.bars)
            out += "<tr><th scope=\"row\">" + html(bar.label) + "</th><td class=\"number\">" + html(bar.value_text) + "</td></tr>";
        out += kTableEnd;
        std::string said_list;
        for (const SaidEntry& said : report.sentences) {
            if (said.step != step) continue;
            const std::string words = said.kind == "chip" ? t("chip." + said.said) + " (" + t("funnel.chip") + ")" : said.said;
            said_list += "<li><span class=\"theme\">" + html(t("theme." + said.theme)) + ":</span> <q" +
                         (said.language.empty() ? std::string() : " lang=\"" + html(said.language) + "\"") + ">" +
                         html(words) + "</q> <span class=\"muted\">(" + html(screen_name(t, said.screen)) + ", " +
                         utc_day(said.said_at) + ")</span></li>";
        }
        if (!said_list.empty())
            out += "<details><summary>" + html(t("funnel.sentences", {{"count", std::to_string(kSentencesPerTheme)}})) +
                   "</summary><ul class=\"said\">" + said_list + "</ul></details>";
    }
    return out + "</section>";
}

std::string page_html(const Texts& t, const FunnelReport& report) {
    const std::string language = t.language();
    const std::string other = language == "nl" ? "en" : "nl";
    const std::string query = "weeks=" + std::to_string(report.weeks);
    std::string out = "<!doctype html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\">"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">"
                      "<title>" + html(t("funnel.title") + " – " + t("app.name")) + "</title>"
                      "<link rel=\"stylesheet\" href=\"/helpdesk/helpdesk.css\"><link rel=\"stylesheet\" href=\"/helpdesk/funnel.css\">"
                      "</head><body><a class=\"skip\" href=\"#main\">" + html(t("app.skip")) + "</a>"
                      "<header class=\"bar\"><p class=\"brand\">" + html(t("app.name")) + "</p>"
                      "<a class=\"link\" href=\"/helpdesk/\">" + html(t("funnel.back")) + "</a>"
                      "<a class=\"link\" lang=\"" + other + "\" href=\"/helpdesk/funnel?" + query + "&amp;lang=" + other + "\">" +
                      html(t("app.other_language")) + "</a></header><main id=\"main\" class=\"wide\">";
    out += "<h1>" + html(t("funnel.title")) + "</h1>";
    out += "<p>" + html(t("funnel.about", {{"from", utc_day(report.from)}, {"to", utc_day(report.to - kDay)}})) + "</p>";
    out += "<nav aria-label=\"" + html(t("funnel.period")) + "\" class=\"periods\"><span>" + html(t("funnel.period")) + ":</span>";
    for (int weeks : {4, 12, 26, 52}) {
        const std::string label = t("funnel.weeks", {{"weeks", std::to_string(weeks)}});
        const std::string href = "/helpdesk/funnel?weeks=" + std::to_string(weeks) + "&amp;lang=" + language;
        out += weeks == report.weeks ? "<a aria-current=\"page\" href=\"" + href + "\">" + html(label) + "</a>"
                                     : "<a href=\"" + href + "\">" + html(label) + "</a>";
    }
    out += "</nav><nav aria-label=\"" + html(t("funnel.export")) + "\" class=\"exports\"><span>" + html(t("funnel.export")) + ":</span>";
    out += "<a href=\"/api/helpdesk/funnel.json?" + query + "\" download>" + html(t("funnel.export_json")) + "</a>";
    for (const char* table : kTables)
        out += "<a href=\"/api/helpdesk/funnel.csv?" + query + "&amp;table=" + table + "\" download>" +
               html(t("funnel.export_csv", {{"table", t(std::string("funnel.table_") + table)}})) + "</a>";
    out += "</nav>";
    out += cohort_section(t, report) + stall_section(t, report) + themes_section(t, report);
    return out + "</main></body></html>";
}

std::string page_language(const Request& request) {
    const std::string asked = request.query_parameter("lang");
    if (asked == "nl" || asked == "en") return asked;
    const std::string_view accepted = request.header("accept-language");
    return accepted.substr(0, 2) == "en" ? "en" : "nl";
}

Route get_route(const char* pattern, Handler handler) {
    Route route;
    route.method = "GET";
    route.pattern = pattern;
    route.handler = std::move(handler);
    return route;
}

}  // namespace

std::string iso_week_name(int64_t monday) {
    // The ISO year is the year of the week's Thursday; the week number counts Thursdays.
    const std::time_t thursday = std::time_t(monday + 3 * kDay);
    std::tm parts{};
    gmtime_r(&thursday, &parts);
    char text[32];
    std::snprintf(text, sizeof text, "%04d-W%02d", parts.tm_year + 1900, parts.tm_yday / 7 + 1);
    return text;
}

void add_funnel_routes(Router& router, const ApiContext& context) {
    router.add(get_route("/helpdesk/funnel", [context](const Request& request, Response& response) {
        if (!current_session(*context.store, request, context.now())) {
            response.status = 303;
            response.set_header("Location", "/helpdesk/");
            response.set_header("Cache-Control", "no-store");
            return;
        }
        const FunnelReport report = gather(*context.store, context.now(), requested_weeks(request));
        response.status = 200;
        response.set_header("Content-Type", "text/html; charset=utf-8");
        response.set_header("Cache-Control", "no-store");
        response.body = page_html(Texts(page_language(request)), report);
    }));
    router.add(get_route("/api/helpdesk/funnel.json", [context](const Request& request, Response& response) {
        if (!current_session(*context.store, request, context.now())) return send_error(response, 401, "log in first");
        send_json(response, 200, report_json(gather(*context.store, context.now(), requested_weeks(request))));
        response.set_header("Content-Disposition", "attachment; filename=\"cleanslate-funnel.json\"");
    }));
    router.add(get_route("/api/helpdesk/funnel.csv", [context](const Request& request, Response& response) {
        if (!current_session(*context.store, request, context.now())) return send_error(response, 401, "log in first");
        std::string table = request.query_parameter("table");
        if (table.empty()) table = "weeks";
        std::string csv;
        if (!report_csv(gather(*context.store, context.now(), requested_weeks(request)), table, csv))
            return send_error(response, 400, "table must be weeks, steps, stalls, themes or sentences");
        response.status = 200;
        response.set_header("Content-Type", "text/csv; charset=utf-8");
        response.set_header("Cache-Control", "no-store");
        response.set_header("Content-Disposition", "attachment; filename=\"cleanslate-" + table + ".csv\"");
        response.body = std::move(csv);
    }));
}

}  // namespace cleanslate::server
