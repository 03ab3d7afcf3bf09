// screens.h — one function per screen of the journey; each lives in screens/<name>.cpp.
// A screen reads the App (journey, texts, device, answers), draws itself with the UiKit
// and moves the journey on with App::go / App::back. Nothing else.
#pragma once
#include "app/app.h"
#include "core/procedure_text.h"
#include <string_view>

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
void screen_password_choose(App& app);
void screen_password_own(App& app);
void screen_password_steps(App& app);
void screen_password_hardening(App& app);
void screen_cannot_secure(App& app);
void screen_reconnect(App& app);
void screen_finish(App& app);

// Did it work? (screens/case_standing.cpp) When the provider's feed has judged the case since
// the customer's report — verified clean or reinfected — the heading key that says so, else
// nullptr; and the block that tells it in plain words, with the way back into the steps for a
// reinfected case (from the welcome: the steps; from the finish: the steps again, same case).
const char* case_standing_heading(App& app);
bool case_standing_block(App& app, bool on_finish);   // true: the customer moved on

// The helpdesk as a big "Call 088 …" button with the opening hours, where a customer may be stuck.
void helpdesk_link(App& app);
// Shared by screens that need the device database and must wait for it kindly.
bool database_ready(App& app);
// The drawing for a kind of device (family_kind(): "doorbell", "modem", ...).
Icon kind_icon(std::string_view kind);
// One device proposed to the customer: its drawing, its name, what tells it apart, and why
// we think it is theirs. Nothing here is tappable: the screen adds Yes and No below.
void device_proposal(App& app, const DeviceChoice& choice, const std::string& because);

// A reset way that starts by logging in with the device's current password (which the
// customer often does not know: the installer chose it), and the first way that does not (-1: none).
bool asks_current_password(const Action& action);
bool needs_current_password(const ResetProcedure& procedure);
int way_without_password(const Family& family);
// The reset step's next screen after the current one (Wi-Fi check for routers, the
// verification for everything else).
void go_after_reset(App& app);

// --- The password step's shared pieces (screens/password_common.cpp) ----------------------------
constexpr const char* kPasswordField = "password";
// A step of the device's own procedures as this customer should read it (apps only for a
// customer who named one, or for an app-only device).
std::string device_step_text(App& app, const Family& family, const Action& action, PowerWay power = PowerWay::plug);
const std::string& suggestion(App& app);           // made once, never waiting for a download
void new_suggestion(App& app);
const PasswordVerdict* own_password_verdict(App& app);   // nullptr while the check's lists are not in
std::string password_error_text(App& app);         // why going on was refused, "" when it was not
void password_error_summary(App& app);             // that reason at the top of the page, when there is one
// The chosen password kept in view: the suggestion large with Copy, or an own password in its
// masked field with Show.
void chosen_password(App& app);
void copy_suggestion_button(App& app);              // Copy, and what the browser said about it
// Wipes the password from the field, the page and memory: the own one (choosing the
// suggestion instead), or every trace of either (leaving the step).
void forget_own_password(App& app);
void forget_password(App& app);
// The password is set: on to the other doors (screens/password_hardening.cpp), or straight to
// reconnecting when the data knows none.
void go_to_hardening(App& app);
void leave_password_step(App& app);

}  // namespace cleanslate
