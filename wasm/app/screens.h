// screens.h — one function per screen of the journey; each lives in screens/<name>.cpp.
// A screen reads the App (journey, texts, device, answers), draws itself with the UiKit
// and moves the journey on with App::go / App::back. Nothing else.
#pragma once
#include "app/app.h"
#include <string_view>

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

// Shared by screens that show the helpdesk number as a phone link.
void helpdesk_link(App& app);
// Shared by screens that need the device database and must wait for it kindly.
bool database_ready(App& app);
// The drawing for a kind of device (family_kind(): "doorbell", "modem", ...).
Icon kind_icon(std::string_view kind);
// One device proposed to the customer: its drawing, its name, what tells it apart, and why
// we think it is theirs. Nothing here is tappable: the screen adds Yes and No below.
void device_proposal(App& app, const DeviceChoice& choice, const std::string& because);

}  // namespace cleanslate
