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

void helpdesk_link(App& app) {
    std::string number = app.helpdesk();
    std::string dial;
    for (char c : number) if ((c >= '0' && c <= '9') || c == '+') dial += c;
    app.ui().link("helpdesk", app.tr_format("helpdesk.call", {{"phone", number}}), "tel:" + dial);
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

// --- Devices --------------------------------------------------------------------------------------
Icon kind_icon(std::string_view kind) {
    // Kinds that look alike share a picture: a modem is drawn as a router, a doorbell as a camera.
    struct KindIcon { std::string_view prefix; Icon icon; };
    static constexpr KindIcon kIcons[] = {
        {"camera", Icon::camera}, {"doorbell", Icon::camera}, {"door-intercom", Icon::phone},
        {"recorder", Icon::recorder}, {"video-encoder", Icon::recorder},
        {"router", Icon::router}, {"modem", Icon::router}, {"mobile-router", Icon::router}, {"mesh", Icon::router},
        {"extender", Icon::router}, {"access-point", Icon::router}, {"powerline", Icon::router}, {"outdoor-link", Icon::router},
        {"tv-box", Icon::tv_box}, {"media-receiver", Icon::tv_box},
        {"printer", Icon::printer}, {"label-printer", Icon::printer}, {"nas", Icon::nas},
        {"voip", Icon::phone}, {"desk-phone", Icon::phone}, {"cordless-phone", Icon::phone},
        {"smart", Icon::smart_home}, {"alarm", Icon::smart_home},
    };
    for (const KindIcon& k : kIcons)
        if (kind.substr(0, k.prefix.size()) == k.prefix) return k.icon;
    return Icon::question;
}

void device_proposal(App& app, const DeviceChoice& choice, const std::string& because) {
    UiKit& ui = app.ui();
    ui.drawing(kind_icon(choice.words.kind), "");
    ui.strong_text(choice.words.name);
    if (std::string details = choice.words.details(); !details.empty()) ui.paragraph(details, true);
    if (choice.reasons.empty()) return;
    ui.strong_text(because);
    for (const std::string& reason : choice.reasons) ui.bullet(reason);
}

}  // namespace cleanslate
