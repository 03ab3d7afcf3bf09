// screens.h — one function per screen of the journey; each lives in screens/<name>.cpp.
// A screen reads the App (journey, texts, device, answers), draws itself with the UiKit
// and moves the journey on with App::go / App::back. Nothing else.
#pragma once
#include "app/app.h"
#include <map>

namespace cleanslate {

void draw_screen(App& app, Screen screen);

void screen_welcome(App& app);
void screen_identify_evidence(App& app);
void screen_identify_category(App& app);
void screen_identify_app(App& app);
void screen_identify_brand(App& app);
void screen_identify_model(App& app);
void screen_identify_candidates(App& app);
void screen_identify_unknown(App& app);
void screen_unsafe_choice(App& app);
void screen_unsafe_steps(App& app);
void screen_disconnect_prepare(App& app);
void screen_disconnect_line(App& app);
void screen_disconnect(App& app);
void screen_reset_connection(App& app);
void screen_reset_method(App& app);
void screen_reset_steps(App& app);
void screen_reset_join_wifi(App& app);
void screen_verify_question(App& app);
void screen_verify_retry(App& app);
void screen_verify_help(App& app);
void screen_password_where(App& app);
void screen_password_check(App& app);
void screen_password_hardening(App& app);
void screen_cannot_secure(App& app);
void screen_reconnect(App& app);
void screen_finish(App& app);

// The names counted most often first (apps or brands across the database's families), at most limit.
std::vector<std::string> most_common(const std::map<std::string, int>& counts, size_t limit);
// Shared by screens that show the helpdesk number as a phone link.
void helpdesk_link(App& app);
// Shared by screens that need the device database and must wait for it kindly.
bool database_ready(App& app);
// A reset way that starts by logging in with the device's current password (which the
// customer often does not know: the installer chose it), and the first way that does not (-1: none).
bool asks_current_password(const Action& action);
bool needs_current_password(const ResetProcedure& procedure);
int way_without_password(const Family& family);
// The reset step's next screen after the current one (Wi-Fi check for routers, the
// verification for everything else).
void go_after_reset(App& app);

}  // namespace cleanslate
