// app.cpp — start-up, the per-frame screen dispatch, page chrome, navigation and resume.
#include "app/app.h"
#include "app/reporting.h"
#include "app/screens.h"
#include "platform/browser.h"
#include <imgui.h>
#include <algorithm>

namespace cleanslate {

// --- Start-up -----------------------------------------------------------------------------------
namespace {
// The case the link names (empty when the page was opened without one).
NotificationCase case_from_fragment(const std::string& fragment, double unix_now) {
    NotificationCase link;
    std::string_view token = link_token_from_fragment(fragment);
    link.present = !token.empty();
    link.token = std::string(token);
    if (link.present) {
        LinkParseResult parsed = parse_link_token(token, static_cast<int64_t>(unix_now));
        link.status = parsed.status;
        link.payload = std::move(parsed.payload);
    }
    return link;
}

int language_index(const std::string& locale) { return locale == "en" ? 1 : 0; }
const char* const kLanguageCodes[] = {"nl", "en"};

// A file the wizard fetches after the first frame: the asset name it arrives under, its URL.
struct DataPart { const char* name; const char* url; };
// A language's texts: the first screen's part and the rest (see App::catalogs_).
constexpr DataPart kFirstTexts[] = {{"texts-nl", "locales/nl.json"}, {"texts-en", "locales/en.json"}};
constexpr DataPart kRestTexts[] = {{"texts-rest-nl", "locales/rest/nl.json"}, {"texts-rest-en", "locales/rest/en.json"}};
}  // namespace

std::string App::first_locale(const std::string& fragment, const std::vector<std::string>& browser_languages,
                              double unix_now) {
    const NotificationCase link = case_from_fragment(fragment, unix_now);
    const std::string saved = platform::load_journey(link.ticket());
    const std::string saved_locale = saved.empty() ? "" : json_string(parse_json(saved), "locale");
    if (is_supported_locale(saved_locale)) return saved_locale;
    return choose_locale(link.status == LinkStatus::ok ? link.payload.lang : "", browser_languages);
}

void App::start(const std::string& locale_code, const std::string& locale_text, const std::string& fragment,
                const std::vector<std::string>& browser_languages, double unix_now, const std::string& provider_json) {
    locale_ = is_supported_locale(locale_code) ? locale_code : choose_locale("", browser_languages);
    catalogs_[language_index(locale_)].load(locale_text);
    first_texts_[language_index(locale_)] = true;
    // A broken provider.json must not stop the help: the neutral texts stand in (and the
    // server refuses to start with one, naming the problem).
    ProviderParse provider = parse_provider_config(provider_json);
    if (provider.ok()) provider_ = std::move(provider.config);
    case_ = case_from_fragment(fragment, unix_now);
    // Resume: the journey saved under this ticket (or the link-less demo) comes back where it was.
    std::string saved = platform::load_journey(case_.ticket());
    Json state = saved.empty() ? Json() : parse_json(saved);
    if (!saved.empty()) {
        journey_.from_json(json_string(state, "journey"));
        const Json* a = json_member(state, "answers");
        if (a && a->is_object()) {
            Json wrapped = {{"answers", *a}};
            EvidenceParse parsed = parse_evidence(wrapped);
            if (parsed.ok()) answers_.identify = parsed.evidence.answers;
        }
        answers_.verify_answers = json_strings(state, "verify");   // the verification so far
    }
    published_depth_ = journey_.depth();
    report_start(json_member(state, "report"));
}

const Catalog& App::texts() const { return locale_ == "en" ? catalogs_[1] : catalogs_[0]; }

void App::set_locale(const std::string& code) {
    // The other language's texts are fetched when the customer first asks for them (most never
    // do, and need not download them); the switch happens when they are in. Offline, the
    // bridge keeps trying until the network is back.
    const int language = language_index(code);
    if (!texts_complete(language)) {
        request_texts(language);
        waiting_for_locale_ = code;
        return;
    }
    waiting_for_locale_.clear();
    locale_ = code;
    save();
}

// --- Frames --------------------------------------------------------------------------------------
bool App::frame(ImDrawList* draw, const UiFonts& fonts, const UiView& view) {
    now_ms_ = platform::now_ms();
    bool changed = false, changed_this_frame = false;
    // A tap changes what the screen shows (a new question, a new screen): draw it again at
    // once, so the page never publishes the state from before the tap — a stale page would
    // take the next tap of a double tap, or uncheck the radio just checked.
    for (int pass = 0; pass < 3; ++pass) {
        if (pass > 0 && draw) {
            draw->_ResetForNewFrame();
            draw->PushTextureID(ImGui::GetIO().Fonts->TexID);
            draw->PushClipRectFullScreen();
        }
        screen_changed_ = false;
        page_title_.clear();
        announcement_.clear();
        ui_.begin(draw, fonts, view, now_ms_);
        if (journey_.screen() == Screen::welcome || texts_complete(language_index(locale_)))
            draw_screen(*this, journey_.screen());
        else
            texts_loading_page();
        if (!screen_changed_) feedback_panel(*this);   // "Tell us what you think", on every screen
        changed = screen_changed_ || ui_.acted();
        if (!changed) break;
        changed_this_frame = true;
    }
    platform::publish_screen(ui_.end(title(), locale_, announcement_));
    report_frame();
    // The browser's history follows the journey: one entry per place; the finish, which has
    // no way back, takes the entries before it away.
    if (changed_this_frame && journey_.depth() != published_depth_) platform::push_history(journey_.depth());
    published_depth_ = journey_.depth();
    // The device database is not needed for the first screen: fetch it once that is drawn.
    if (!background_loads_started_) {
        background_loads_started_ = true;
        platform::request_asset("devices", "data/devices.json");
        request_texts(language_index(locale_));
        if (case_.present && case_.status != LinkStatus::malformed) platform::verify_link(case_.token);
    }
    // The password step's lists for the language on the screen, fetched after the first frame
    // too: the home may go offline soon after identification (the service worker keeps them
    // for a reload as well). A switch of language fetches the other language's.
    want_password_data();
    // Still changing after three passes: let the bridge draw once more.
    return changed;
}

std::string App::title() const {
    int number = step_number(journey_.step());
    std::string screen_title = !page_title_.empty() ? page_title_ : tr(std::string("title.") + screen_id(journey_.screen()));
    // A screen shown in parts without a title of its own gets a title per part, so each part
    // is announced as new.
    if (page_title_.empty() && journey_.part() > 0) screen_title += " (" + std::to_string(journey_.part() + 1) + ")";
    if (number > 0)
        screen_title = tr_format("title.with_step", {{"title", screen_title}, {"step", std::to_string(number)},
                                                     {"total", std::to_string(kNumberedSteps)}});
    return screen_title + " \xE2\x80\x93 " + tr("app.name");
}

// --- Texts --------------------------------------------------------------------------------------------
void App::request_texts(int language) {
    if (texts_requested_[language]) return;
    texts_requested_[language] = true;
    if (!first_texts_[language]) platform::request_asset(kFirstTexts[language].name, kFirstTexts[language].url);
    if (!rest_texts_[language]) platform::request_asset(kRestTexts[language].name, kRestTexts[language].url);
}

// Only a journey resumed past the welcome, or a tap faster than the network, ever sees this.
void App::texts_loading_page() {
    if (!chrome()) return;
    if (texts_failed_[language_index(locale_)]) {
        ui_.warning(tr("app.texts_failed"));
        helpdesk_link(*this);
    } else {
        ui_.status(tr("app.texts_loading"));
    }
}

// --- Page chrome ------------------------------------------------------------------------------------
bool App::chrome() {
    bool language_clicked = false;
    ui_.provider_bar(provider_name(), tr("app.name"), provider_.logo, provider_.logo_aspect, tr("nav.language_other"), language_clicked);
    if (language_clicked) {
        set_locale(locale_ == "nl" ? "en" : "nl");
        screen_changed_ = true;
        return false;
    }
    // Said in the language asked for, as the switch names it ("English" on a Dutch page).
    if (!waiting_for_locale_.empty()) ui_.paragraph(tr("nav.language_other_loading"), true);
    if (journey_.can_go_back() && ui_.back_link(tr("nav.back"))) {
        back();
        return false;
    }
    // The journey's numbered steps, named, derived from the step machine: a step added to
    // the flow appears here by itself (with its "task.<step>" texts).
    int current = step_number(journey_.step());
    if (current > 0) {
        std::vector<Task> tasks;
        for (Step step : kStepsInOrder) {
            int number = step_number(step);
            if (number <= 0 || number <= static_cast<int>(tasks.size())) continue;
            std::string id = step_id(step);
            tasks.push_back({tr(number < current ? "task." + id + ".done" : "task." + id), number < current, number == current});
        }
        ui_.task_list(tr_format("nav.step_of", {{"step", std::to_string(current)}, {"total", std::to_string(tasks.size())}}),
                      tasks, tr("task.done"));
    }
    return true;
}

bool App::page(const std::string& heading) {
    if (!chrome()) return false;
    ui_.heading(heading);
    return true;
}

bool App::question_page(const std::string& question, const std::string& caption) {
    if (!chrome()) return false;
    if (!caption.empty()) ui_.progress(caption, "question_progress");
    ui_.heading(question);
    page_title_ = question;
    announcement_ = caption;
    return true;
}

void App::go(Screen screen) {
    if (!journey_.go(screen)) return;
    screen_changed_ = true;
    save();
}

void App::go_part(int part) {
    if (!journey_.go_part(part)) return;
    screen_changed_ = true;
    save();
}

void App::start_another_device() {
    if (!journey_.start_another_device()) return;
    answers_ = ScreenAnswers{};   // the next device's answers start empty
    screen_changed_ = true;
    save();
}

bool App::later_device() const {
    size_t handled = journey_.devices().size();
    return handled > (journey_.facts().device_id.empty() ? 0u : 1u);
}

void App::back() {
    if (!journey_.back()) return;
    screen_changed_ = true;
    moved_back_ = true;
    save();
    // Keep the browser's history in step: our Back button is one browser Back.
    platform::push_history(journey_.depth());
}

void App::on_history(size_t depth) {
    // The browser's Back button: retrace until the journey is as deep as the history entry.
    bool moved = false;
    while (journey_.depth() > depth && journey_.back()) moved = true;
    // A countdown belongs to its page: leaving it stops the sound and lets the screen sleep.
    if (moved && answers_.hold.phase(now_ms_) != HoldPhase::ready) {
        answers_.hold.stop();
        platform::keep_screen_awake(false);
    }
    if (moved) { screen_changed_ = true; moved_back_ = true; save(); }
    published_depth_ = journey_.depth();
}

// --- Assets ----------------------------------------------------------------------------------------
namespace {
// The password check's lists. It needs both common lists and the dictionary of at least one
// language; the other parts are per language (index 0 = nl, 1 = en).
constexpr DataPart kCommonPasswordParts[] = {
    {"passwords", "data/passwords.txt"}, {"mirai", "data/mirai-credentials.json"},
};
constexpr int kCommonPasswordPartCount = 2;
constexpr DataPart kDictionaryParts[] = {{"dictionary-nl", "data/dictionary-nl.txt"}, {"dictionary-en", "data/dictionary-en.txt"}};
constexpr DataPart kPassphraseParts[] = {{"words-nl", "data/words-nl.txt"}, {"words-en", "data/words-en.txt"}};

// The language index of a dictionary part, or -1.
int dictionary_language(const std::string& name) {
    for (int i = 0; i < 2; ++i)
        if (name == kDictionaryParts[i].name) return i;
    return -1;
}
}  // namespace

void App::on_asset(const std::string& name, std::string text) {
    if (name == "clipboard") {   // what the browser said about a copy: "copied" or "failed"
        answers_.copy_result = text;
        return;
    }
    if (name == "link-verify") {
        const Json answer = parse_json(text);
        case_.server_verdict = json_string(answer, "status");
        if (const Json* standing = json_member(answer, "case"); standing && standing->is_object() &&
            case_.server_verdict != "bad_signature") {
            case_.case_state = json_string(*standing, "state");
            case_.case_since = json_int(*standing, "since");
            const int64_t days = json_int(*standing, "quiet_days");
            case_.quiet_days = days > 0 && days <= 365 ? int(days) : 0;
        }
        return;
    }
    for (int language = 0; language < 2; ++language) {
        const bool first = name == kFirstTexts[language].name, rest = name == kRestTexts[language].name;
        if (!first && !rest) continue;
        // A damaged part is a failed one: the page says so rather than show keys.
        if (!catalogs_[language].add(text)) { on_asset_failed(name); return; }
        (first ? first_texts_ : rest_texts_)[language] = true;
        texts_failed_[language] = false;
        if (waiting_for_locale_ == kLanguageCodes[language] && texts_complete(language)) {
            set_locale(kLanguageCodes[language]);
            screen_changed_ = true;
        }
        return;
    }
    if (name == "mirai") {
        // A damaged file is a failed load: the check must not run without the Mirai list.
        password_data_failed_ = !dictionaries_.add_mirai_credentials(text);
        if (!password_data_failed_) ++common_parts_;
        return;
    }
    if (name == "passwords") {
        dictionaries_.add_ranked_text(name, text);
        ++common_parts_;
        password_data_failed_ = false;
        return;
    }
    if (int language = dictionary_language(name); language >= 0) {
        dictionaries_.add_ranked_text(name, text);
        dictionary_loaded_[language] = true;
        dictionary_failed_[language] = false;
        password_data_failed_ = false;
        return;
    }
    if (name == "themes-nl" || name == "themes-en") {
        std::string error;
        lexicons_[name == "themes-en" ? 1 : 0].load(text, error);
        return;
    }
    if (name == "words-nl" || name == "words-en") {
        words_[name == "words-en" ? 1 : 0] = load_passphrase_words(text);
        return;
    }
    if (name == "devices") {
        std::string error;
        db_ready_ = load_device_db(text, db_, error);
        db_failed_ = !db_ready_;
    }
}

void App::on_asset_failed(const std::string& name) {
    if (name == "devices") db_failed_ = true;
    for (int language = 0; language < 2; ++language)
        if (name == kFirstTexts[language].name || name == kRestTexts[language].name) texts_failed_[language] = true;
    // The check cannot judge without its common lists and one dictionary; the passphrase
    // words only feed the suggestion. A second language's dictionary that cannot come (the
    // switch was made offline) leaves the check running with the first.
    if (name == "passwords" || name == "mirai") password_data_failed_ = true;
    if (int language = dictionary_language(name); language >= 0) {
        dictionary_failed_[language] = true;
        if (!dictionary_loaded_[0] && !dictionary_loaded_[1]) password_data_failed_ = true;
    }
}

// --- Password step data --------------------------------------------------------------------------

void App::want_password_data() {
    int language = language_index(locale_);
    if (password_data_requested_[language]) return;
    if (!password_data_requested_[0] && !password_data_requested_[1])
        for (const DataPart& part : kCommonPasswordParts) platform::request_asset(part.name, part.url);
    password_data_requested_[language] = true;
    platform::request_asset(kDictionaryParts[language].name, kDictionaryParts[language].url);
    platform::request_asset(kPassphraseParts[language].name, kPassphraseParts[language].url);
}

// The suggestion needs no download (words are built in), so the journey waits only for the
// device database and the check's lists.
bool App::journey_data_loaded() const {
    return db_ready_ && password_dictionaries();
}

const PasswordDictionaries* App::password_dictionaries() const {
    bool any_dictionary = dictionary_loaded_[0] || dictionary_loaded_[1];
    return common_parts_ == kCommonPasswordPartCount && any_dictionary ? &dictionaries_ : nullptr;
}

bool App::check_lacks_screen_language() const {
    int language = language_index(locale_);
    return password_dictionaries() && !dictionary_loaded_[language] && dictionary_failed_[language];
}

const std::vector<std::string>* App::passphrase_words() const {
    const std::vector<std::string>& words = words_[language_index(locale_)];
    return words.empty() ? nullptr : &words;
}

PasswordContext App::password_context() const {
    PasswordContext context;
    const Family* family = device();
    if (!family) return context;
    for (const Login& login : family->default_logins) {
        if (!login.password.empty()) context.device_defaults.push_back(login.password);
        if (!login.user.empty()) context.user_inputs.push_back(login.user);
    }
    context.user_inputs.push_back(db_.maker_of(*family).name);
    for (const std::string& brand : family->brands) context.user_inputs.push_back(brand);
    for (const std::string& model : family->models) context.user_inputs.push_back(model);
    return context;
}

// --- The chosen device ----------------------------------------------------------------------------
const Family* App::device() const {
    return db_ready_ ? db_.find_family(journey_.facts().device_id) : nullptr;
}

void App::confirm_device(const std::string& family_id, const std::string& chosen_by) {
    const Family* family = db_ready_ ? db_.find_family(family_id) : nullptr;
    bool can_be_secured = !family || family->securable != "no";
    if (family_id != journey_.facts().device_id) answers_.procedure_index = 0;
    journey_.choose_device(family_id, chosen_by, can_be_secured);
    go(can_be_secured ? Screen::disconnect_prepare : Screen::unsafe_choice);
}

const ResetProcedure* App::reset_procedure() const {
    const Family* family = device();
    if (!family || family->reset.empty()) return nullptr;
    return &family->reset[answers_.procedure_index < family->reset.size() ? answers_.procedure_index : 0];
}

bool App::device_is_router() const {
    const Family* family = device();
    return family && (family->category == "router" || family->category == "access-point");
}

std::string App::device_the() const {
    const Family* family = device();
    return tr("device.the." + (family ? family->category : std::string("other")));
}

std::string App::device_name() const {
    const Family* family = device();
    return family ? device_name(*family) : tr("device.unknown_name");
}

std::string App::device_name_of(const std::string& family_id) const {
    const Family* family = db_ready_ ? db_.find_family(family_id) : nullptr;
    return family ? device_name(*family) : tr("device.unknown_name");
}

std::string App::device_name(const Family& family) const { return family_words_of(family).name; }

FamilyWords App::family_words_of(const Family& family) const {
    // The answers were about the device being identified now: an earlier device of the same
    // home is named from the data alone.
    bool current = family.id == journey_.facts().device_id;
    return family_words(db_, family, texts(), current ? &answers_.identify : nullptr);
}

// --- Identification -------------------------------------------------------------------------------
Evidence App::evidence() const {
    Evidence evidence;
    // The feed saw one device; a second device of the same home is found by the answers alone.
    if (!later_device() && (case_.status == LinkStatus::ok || case_.status == LinkStatus::expired)) {
        EvidenceParse parsed = parse_evidence(case_.payload.evidence);
        if (parsed.ok()) evidence = parsed.evidence;
    }
    evidence.answers = answers_.identify;
    return evidence;
}

Identification App::identification() const {
    if (!db_ready_) return {};
    return identify(db_, evidence());
}

IdentifyPlan App::identification_outcome() const {
    if (!db_ready_) return {};
    return cleanslate::identification_outcome(db_, evidence(), texts());
}

void App::route_to_next_question() {
    if (!db_ready_) return;
    switch (plan_identification(db_, evidence(), texts()).step) {
        case IdentifyStep::kAskCategory: go(Screen::identify_category); return;
        case IdentifyStep::kAskApp: go(Screen::identify_app); return;
        case IdentifyStep::kAskBrand: go(Screen::identify_brand); return;
        case IdentifyStep::kAskModel: go(Screen::identify_model); return;
        case IdentifyStep::kConfirm:
        case IdentifyStep::kPick: go(Screen::identify_candidates); return;
        case IdentifyStep::kGeneralSteps:
        case IdentifyStep::kNotFound: go(Screen::identify_unknown); return;
    }
}

const std::string& App::helpdesk() const {
    // A link the server found altered may carry a criminal's phone number: never show it.
    bool trusted = case_.server_verdict != "bad_signature";
    if (trusted && (case_.status == LinkStatus::ok || case_.status == LinkStatus::expired))
        if (!case_.payload.helpdesk.empty()) return case_.payload.helpdesk;
    return provider_.helpdesk_phone;
}

const std::string& App::helpdesk_hours() const { return ProviderConfig::localized(provider_.helpdesk_hours, locale_); }

std::string App::provider_name() const {
    const std::string& name = ProviderConfig::localized(provider_.name, locale_);
    return name.empty() ? tr("provider.unnamed") : name;
}

// --- Resume and test state ---------------------------------------------------------------------------
void App::save() {
    Evidence only_answers;
    only_answers.answers = answers_.identify;
    Json as_json = evidence_to_json(only_answers);
    const Json* found = json_member(as_json, "answers");
    Json answers = found ? *found : Json::object();
    Json state = {{"journey", journey_.to_json()}, {"locale", locale_}, {"answers", answers},
                  {"verify", answers_.verify_answers}, {"report", reporter_.to_json()}};
    platform::save_journey(case_.ticket(), state.dump());
}

std::string App::state_json() const {
    const JourneyFacts& f = journey_.facts();
    Json devices = Json::array();
    for (const DeviceRecord& d : journey_.devices())
        devices.push_back({{"id", d.device_id}, {"outcome", d.outcome == Outcome::none ? Json() : Json(outcome_id(d.outcome))}});
    Json state = {{"step", step_id(journey_.step())}, {"screen", screen_id(journey_.screen())},
                  {"locale", locale_}, {"device", f.device_id.empty() ? Json() : Json(f.device_id)},
                  {"consent", consent_code(reporter_.feedback().consent())},
                  {"report", report_state()},
                  {"outcome", f.outcome == Outcome::none ? Json() : Json(outcome_id(f.outcome))},
                  {"ticket", case_.ticket()}, {"link", case_.present ? link_status_name(case_.status) : "none"},
                  {"link_check", case_.server_verdict.empty() ? Json() : Json(case_.server_verdict)},
                  {"case_state", case_.case_state.empty() ? Json() : Json(case_.case_state)},
                  {"depth", journey_.depth()}, {"part", journey_.part()}, {"devices", devices},
                  {"offline_ready", offline_ready_},
                  // a text shown as its key (either language): the tests fail on it
                  {"missing_text", !catalogs_[0].last_missing().empty() ? catalogs_[0].last_missing()
                                                                        : catalogs_[1].last_missing()}};
    // On a verification question: which one (tests answer by meaning, not by wording).
    if (journey_.screen() == Screen::verify_question && !answers_.verify_shown_id.empty())
        state["question"] = answers_.verify_shown_id;
    // On a reset page: whether "next" was pressed before its timer ran out (the page then asks
    // to wait; a second press goes on).
    if (journey_.screen() == Screen::reset_steps) state["early_press"] = answers_.early_press_warned;
    return state.dump();
}

}  // namespace cleanslate
