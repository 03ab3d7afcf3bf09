// password_common.cpp — what the password step's screens share: the suggestion, the chosen
// password kept in view (the suggestion as large text with Copy; an own password masked in
// its field with Show), its check, and forgetting it when the step is left.
//
// Privacy: an own password lives only in the DOM <input> and the kit's field value; it is
// checked in the page and never saved, sent or logged. The journey keeps its strength class.
#include "app/screens.h"
#include "core/procedure_text.h"
#include "platform/browser.h"
#include <algorithm>
#include <cctype>

namespace cleanslate {

namespace {
uint32_t browser_random() {
    uint32_t value = 0;
    platform::fill_random(reinterpret_cast<uint8_t*>(&value), sizeof value);
    return value;
}

void wipe(std::string& text) {
    std::fill(text.begin(), text.end(), '\0');
    text.clear();
}
}  // namespace

// --- A device's step, as this customer should read it --------------------------------------------
// Apps are mentioned only where they are true for this customer: to one who said which app
// they use, or when the device can only be managed with its app (then: which app, and how to
// get it). Nobody is told to "open your app" who never said they have one.
namespace {
// The app the customer named, when the device's data knows it under that name.
std::string customers_app(App& app, const Family& family) {
    const Answer& said = app.answers().identify.app;
    if (!said || said->empty()) return "";
    for (const std::string& name : family.apps)
        if (name.size() == said->size() &&
            std::equal(name.begin(), name.end(), said->begin(), [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); }))
            return name;
    return "";
}
}  // namespace

std::string device_step_text(App& app, const Family& family, const Action& action, PowerWay power) {
    const Answer& said_app = app.answers().identify.app;
    bool named_an_app = said_app && !said_app->empty();
    if (action.type == "open_app") {
        // The customer's own app when the data knows it, else the one the data names.
        std::string app_name = customers_app(app, family);
        if (app_name.empty()) app_name = std::string(action.param("app"));
        if (named_an_app) return app_name.empty() ? app.tr("action.open_app_device") : app.tr_format("action.open_app", {{"app", app_name}});
        // The password can only be set with an app (the device is app-only): say which, and
        // how to get it; without a name, the honest answer is to ask us.
        return app_name.empty() ? app.tr("password.steps.app_unknown")
                                : app.tr_format("password.steps.app_only", {{"device", app.device_the()}, {"app", app_name}});
    }
    // "Find the device's address in the app..." only for someone who said they use one.
    if (!named_an_app && keys_for(action).front() == "action.open_web_find_address") return app.tr("password.steps.find_address_no_app");
    return action_text(app.texts(), action, power);
}


// --- The suggestion ---------------------------------------------------------------------------
// Made from the full word list when it is in, else from the words built into the wizard: the
// step never waits for a download (the home may be off the internet by now).
void new_suggestion(App& app) {
    const std::vector<std::string>* words = app.passphrase_words();
    if (!words) words = &builtin_passphrase_words(app.locale());
    wipe(app.answers().passphrase);
    Passphrase made = generate_passphrase(*words, browser_random);
    app.answers().passphrase = std::move(made.text);
    app.answers().passphrase_bits = made.entropy_bits;
    app.answers().copy_result.clear();
}

const std::string& suggestion(App& app) {
    if (app.answers().passphrase.empty()) new_suggestion(app);
    return app.answers().passphrase;
}

// --- The own password's check -----------------------------------------------------------------
const PasswordVerdict* own_password_verdict(App& app) {
    const PasswordDictionaries* dictionaries = app.password_dictionaries();
    if (!dictionaries) return nullptr;
    ScreenAnswers& a = app.answers();
    UiKit& ui = app.ui();
    // A long password with many symbols takes tens of milliseconds to judge: only on change.
    // A dictionary that arrives later (the other language's, after a switch) judges again.
    if (a.password_verdict_at != ui.field_changes() || a.password_verdict_lists != dictionaries->revision()) {
        a.password_verdict = check_password(ui.field_value(kPasswordField), *dictionaries, app.password_context());
        a.password_verdict_at = ui.field_changes();
        a.password_verdict_lists = dictionaries->revision();
    }
    return &a.password_verdict;
}

std::string password_error_text(App& app) {
    const std::string& code = app.answers().password_error;
    if (code.empty()) return "";
    if (code == "empty") return app.tr("password.error.empty");
    return app.tr("password.refusal." + code);
}

// The GOV.UK error summary at the top of the page, whose link moves focus to the field.
void password_error_summary(App& app) {
    std::string error = password_error_text(app);
    if (!error.empty()) app.ui().error_summary(app.tr("error.summary_title"), {{kPasswordField, error}});
}

// --- The chosen password, kept in view --------------------------------------------------------
void copy_suggestion_button(App& app) {
    UiKit& ui = app.ui();
    const std::string& result = app.answers().copy_result;
    if (ui.secondary_button("copy", app.tr("password.copy"))) platform::copy_to_clipboard(suggestion(app));
    if (result == "copied") ui.status(app.tr("password.copied"));
    else if (result == "failed") ui.status(app.tr("password.copy_failed"));
}

void chosen_password(App& app) {
    UiKit& ui = app.ui();
    ScreenAnswers& a = app.answers();
    if (a.password_choice == "suggestion") {
        ui.big_text(suggestion(app), app.tr("password.yours"));
        copy_suggestion_button(app);
        return;
    }
    bool shown = a.show_own_password;
    // A refused password: the message at the field, which is marked invalid and described by it.
    ui.text_field(kPasswordField, app.tr("password.field"), shown ? "text" : "password", "new-password",
                  app.tr("password.field_hint"), password_error_text(app));
    if (ui.secondary_button("show", app.tr(shown ? "password.hide" : "password.show"))) a.show_own_password = !shown;
}

// --- Leaving the step -------------------------------------------------------------------------
void forget_own_password(App& app) {
    ScreenAnswers& a = app.answers();
    app.ui().clear_field(kPasswordField);
    platform::clear_text_field(kPasswordField);
    a.password_verdict = {};
    a.password_verdict_at = ~0u;
    a.password_error.clear();
    a.show_own_password = false;
}

void forget_password(App& app) {
    forget_own_password(app);
    wipe(app.answers().passphrase);
    app.answers().copy_result.clear();
    app.answers().password_choice.clear();
}

}  // namespace cleanslate
