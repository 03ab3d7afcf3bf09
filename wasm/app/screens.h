// screens.h — one function per screen of the journey; each lives in screens/<name>.cpp.
// A screen reads the App (journey, texts, device, answers), draws itself with the UiKit
// and moves the journey on with App::go / App::back. Nothing else.
#pragma once
#include "app/app.h"
#include <map>

namespace cleanslate {

void draw_screen(App& app, Screen screen);

void screen_welcome(App& app);
void screen_consent(App& app);
void screen_identify_evidence(App& app);
void screen_identify_category(App& app);
void screen_identify_app(App& app);
void screen_identify_brand(App& app);
void screen_identify_model(App& app);
void screen_identify_candidates(App& app);
void screen_identify_unknown(App& app);
void screen_disconnect(App& app);
void screen_reset_steps(App& app);
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
// The helpdesk as a big "Call 088 …" button with the opening hours, where a customer may be stuck.
void helpdesk_link(App& app);
// Shared by screens that need the device database and must wait for it kindly.
bool database_ready(App& app);

}  // namespace cleanslate
