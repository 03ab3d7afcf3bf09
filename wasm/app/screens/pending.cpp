// TEMPORARY: screens waiting for the identification engine and password checks.
#include "app/screens.h"
namespace cleanslate {
void screen_identify_evidence(App& app) {
    if (!app.page("identify")) return;
    if (!database_ready(app)) return;
    if (app.ui().primary_button("continue", "Continue")) { app.journey().choose_device("xiongmai-xmeye-recorder", "evidence"); app.go(Screen::disconnect); }
}
void screen_identify_category(App& app) { app.page("x"); }
void screen_identify_app(App& app) { app.page("x"); }
void screen_identify_brand(App& app) { app.page("x"); }
void screen_identify_model(App& app) { app.page("x"); }
void screen_identify_candidates(App& app) { app.page("x"); }
void screen_identify_unknown(App& app) { app.page("x"); }
void screen_verify_question(App& app) {
    if (!app.page("verify")) return;
    if (app.ui().primary_button("continue", "Continue")) { app.journey().record_reset_attempt(true); app.go(Screen::password_where); }
}
void screen_verify_retry(App& app) { app.page("x"); }
void screen_verify_help(App& app) { app.page("x"); }
void screen_password_check(App& app) {
    if (!app.page("pw")) return;
    app.ui().text_field("password", "New password", "password", "new-password", "");
    if (app.ui().primary_button("continue", "Continue")) { app.journey().record_password("strong"); app.go(Screen::password_hardening); }
}
}
