// screens.cpp — which function draws which screen, and the small pieces screens share.
#include "app/screens.h"
#include <algorithm>

namespace cleanslate {

void draw_screen(App& app, Screen screen) {
    switch (screen) {
        case Screen::welcome: return screen_welcome(app);
        case Screen::identify_evidence: return screen_identify_evidence(app);
        case Screen::identify_category: return screen_identify_category(app);
        case Screen::identify_app: return screen_identify_app(app);
        case Screen::identify_brand: return screen_identify_brand(app);
        case Screen::identify_model: return screen_identify_model(app);
        case Screen::identify_candidates: return screen_identify_candidates(app);
        case Screen::identify_unknown: return screen_identify_unknown(app);
        case Screen::unsafe_choice: return screen_unsafe_choice(app);
        case Screen::unsafe_steps: return screen_unsafe_steps(app);
        case Screen::disconnect_prepare: return screen_disconnect_prepare(app);
        case Screen::disconnect_line: return screen_disconnect_line(app);
        case Screen::disconnect: return screen_disconnect(app);
        case Screen::reset_connection: return screen_reset_connection(app);
        case Screen::reset_method: return screen_reset_method(app);
        case Screen::reset_steps: return screen_reset_steps(app);
        case Screen::reset_join_wifi: return screen_reset_join_wifi(app);
        case Screen::verify_question: return screen_verify_question(app);
        case Screen::verify_retry: return screen_verify_retry(app);
        case Screen::verify_help: return screen_verify_help(app);
        case Screen::password_choose: return screen_password_choose(app);
        case Screen::password_own: return screen_password_own(app);
        case Screen::password_steps: return screen_password_steps(app);
        case Screen::password_hardening: return screen_password_hardening(app);
        case Screen::cannot_secure: return screen_cannot_secure(app);
        case Screen::reconnect: return screen_reconnect(app);
        case Screen::finish: return screen_finish(app);
    }
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

// --- Devices --------------------------------------------------------------------------------------
Icon kind_icon(std::string_view kind) {
    // Kinds that look alike share a picture: a modem is drawn as a router. A doorbell and a door
    // intercom have their own: the customer looks for them by the door, not among the cameras.
    struct KindIcon { std::string_view prefix; Icon icon; };
    static constexpr KindIcon kIcons[] = {
        {"camera", Icon::camera}, {"doorbell", Icon::doorbell}, {"door-intercom", Icon::intercom},
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

// --- Reset ways ------------------------------------------------------------------------------------
bool asks_current_password(const Action& action) {
    if (action.type != "log_in") return false;
    // "current_or_default": the default only if nobody changed it, which the customer may not know.
    std::string_view from = action.param("password_from");
    return from == "current" || from == "current_or_default" || (from.empty() && !action.has_param("password"));
}

bool needs_current_password(const ResetProcedure& procedure) {
    for (const Action& a : procedure.actions)
        if (asks_current_password(a)) return true;
    return false;
}

int way_without_password(const Family& family) {
    for (size_t i = 0; i < family.reset.size(); ++i)
        if (!needs_current_password(family.reset[i])) return static_cast<int>(i);
    return -1;
}

void go_after_reset(App& app) {
    const Family* family = app.device();
    bool sticker_wifi = false;
    if (family) {
        for (const Login& login : family->default_logins) sticker_wifi = sticker_wifi || login.where == "wifi";
        if (const ResetProcedure* procedure = app.reset_procedure())
            for (const Sign& sign : procedure->signs)
                sticker_wifi = sticker_wifi || sign.type == "wifi_name_on_label" || sign.type == "wifi_key_on_label";
    }
    app.answers().verify_answers.clear();
    app.go(sticker_wifi && app.device_is_router() ? Screen::reset_join_wifi : Screen::verify_question);
}

}  // namespace cleanslate
