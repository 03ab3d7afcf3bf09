// case_standing.cpp — did it work? The field study's missing piece: customers never heard
// whether their work had succeeded. When the customer opens their link again after the
// provider's feed has judged the case (web/server/api/link_api.h), the welcome — or the
// finish, where a reload resumes a finished journey — says it first, in plain words: not
// seen since the day of their report, or seen again on a given day, with the way back into the
// steps. Nothing here is shown without the server's answer: offline, the screens are as before.
#include "app/screens.h"

#include <ctime>

namespace cleanslate {

namespace {
// "3 december" / "3 December" (UTC: the day of the server's record; the locale names the months).
std::string day_and_month(App& app, int64_t unix_seconds) {
    const std::time_t at = std::time_t(unix_seconds);
    std::tm parts{};
    gmtime_r(&at, &parts);
    const std::string& months = app.tr("case.months");
    size_t start = 0;
    for (int i = 0; i < parts.tm_mon && start != std::string::npos; ++i) {
        start = months.find(',', start);
        if (start != std::string::npos) ++start;
    }
    if (start == std::string::npos) start = 0;
    const size_t end = months.find(',', start);
    return std::to_string(parts.tm_mday) + " " + months.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

bool judged(const NotificationCase& nc) {
    return nc.case_since > 0 && (nc.case_state == "verified_clean" || nc.case_state == "reinfected");
}
}  // namespace

const char* case_standing_heading(App& app) {
    const NotificationCase& nc = app.notification();
    if (!judged(nc)) return nullptr;
    return nc.case_state == "verified_clean" ? "case.clean_heading" : "case.back_heading";
}

bool case_standing_block(App& app, bool on_finish) {
    const NotificationCase& nc = app.notification();
    if (!judged(nc)) return false;
    UiKit& ui = app.ui();
    const std::string date = day_and_month(app, nc.case_since);
    if (nc.case_state == "verified_clean") {
        ui.status_block(app.tr("case.clean_title"), app.tr_format("case.clean_since", {{"date", date}}), Tone::success,
                        "case_clean");
        ui.paragraph(app.tr("case.clean_next"));
        helpdesk_link(app);
        return false;
    }
    ui.status_block(app.tr("case.back_title"), app.tr_format("case.back_seen", {{"date", date}}), Tone::alert, "case_back");
    ui.paragraph(app.tr("case.back_why"));
    ui.paragraph(app.tr("case.back_again"));
    if (ui.primary_button("steps_again", app.tr("case.back_start"))) {
        if (on_finish) app.start_another_device();   // the same case, the steps from identification on
        else app.go(Screen::identify_evidence);
        return true;
    }
    helpdesk_link(app);
    return false;
}

}  // namespace cleanslate
