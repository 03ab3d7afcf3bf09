// screens.cpp — which function draws which screen, and the small pieces screens share.
#include "app/screens.h"
#include <algorithm>

namespace cleanslate {

void draw_screen(App& app, Screen screen) {
    switch (screen) {
        case Screen::welcome: return screen_welcome(app);
        case Screen::consent: return screen_consent(app);
        case Screen::identify_evidence: return screen_identify_evidence(app);
        case Screen::identify_category: return screen_identify_category(app);
        case Screen::identify_app: return screen_identify_app(app);
        case Screen::identify_brand: return screen_identify_brand(app);
        case Screen::identify_model: return screen_identify_model(app);
        case Screen::identify_candidates: return screen_identify_candidates(app);
        case Screen::identify_unknown: return screen_identify_unknown(app);
        case Screen::disconnect: return screen_disconnect(app);
        case Screen::reset_steps: return screen_reset_steps(app);
        case Screen::verify_question: return screen_verify_question(app);
        case Screen::verify_retry: return screen_verify_retry(app);
        case Screen::verify_help: return screen_verify_help(app);
        case Screen::password_where: return screen_password_where(app);
        case Screen::password_check: return screen_password_check(app);
        case Screen::password_hardening: return screen_password_hardening(app);
        case Screen::cannot_secure: return screen_cannot_secure(app);
        case Screen::reconnect: return screen_reconnect(app);
        case Screen::finish: return screen_finish(app);
    }
}

std::vector<std::string> most_common(const std::map<std::string, int>& counts, size_t limit) {
    std::vector<std::pair<std::string, int>> ranked(counts.begin(), counts.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> names;
    for (size_t i = 0; i < ranked.size() && i < limit; ++i) names.push_back(ranked[i].first);
    return names;
}

void helpdesk_link(App& app) {
    std::string number = app.helpdesk();
    if (number.empty()) { app.ui().strong_text(app.tr("helpdesk.invoice")); return; }
    std::string dial;
    for (char c : number) if ((c >= '0' && c <= '9') || c == '+') dial += c;
    app.ui().call_button("helpdesk", app.tr_format("helpdesk.call", {{"phone", number}}), app.helpdesk_hours(), "tel:" + dial);
}

bool database_ready(App& app) {
    if (app.db()) return true;
    if (app.db_failed()) {
        app.ui().warning(app.tr("database.failed"));
        helpdesk_link(app);
    } else {
        app.ui().status(app.tr("database.loading"));
    }
    return false;
}

}  // namespace cleanslate
