// app.cpp — start-up, the per-frame screen dispatch, page chrome, navigation and resume.
#include "app/app.h"
#include "app/screens.h"
#include "platform/browser.h"
#include <imgui.h>
#include <algorithm>

namespace cleanslate {

// --- Start-up -----------------------------------------------------------------------------------
void App::start(const std::string& locale_nl, const std::string& locale_en, const std::string& fragment,
                const std::vector<std::string>& browser_languages, double unix_now) {
    catalogs_[0].load(locale_nl);
    catalogs_[1].load(locale_en);
    std::string_view token = link_token_from_fragment(fragment);
    case_.present = !token.empty();
    if (case_.present) {
        LinkParseResult parsed = parse_link_token(token, static_cast<int64_t>(unix_now));
        case_.status = parsed.status;
        case_.payload = std::move(parsed.payload);
    }
    locale_ = choose_locale(case_.status == LinkStatus::ok ? case_.payload.lang : "", browser_languages);
    // Resume: the journey saved under this ticket (or the link-less demo) comes back where it was.
    std::string saved = platform::load_journey(case_.ticket());
    if (!saved.empty()) {
        Json state = parse_json(saved);
        journey_.from_json(json_string(state, "journey"));
        std::string saved_locale = json_string(state, "locale");
        if (std::find(supported_locales().begin(), supported_locales().end(), saved_locale) != supported_locales().end())
            locale_ = saved_locale;
        const Json* a = json_member(state, "answers");
        if (a) {
            answers_.category = json_string(*a, "category");
            answers_.app = json_string(*a, "app");
            answers_.brand = json_string(*a, "brand");
            answers_.model = json_string(*a, "model");
        }
    }
    published_depth_ = journey_.depth();
    screen_changed_ = true;
    platform::request_asset("devices", "data/devices.json");
}

const Catalog& App::texts() const { return locale_ == "en" ? catalogs_[1] : catalogs_[0]; }

void App::set_locale(const std::string& code) {
    locale_ = code;
    save();
}

// --- Frames --------------------------------------------------------------------------------------
bool App::frame(ImDrawList* draw, const UiFonts& fonts, float css_width, float css_height, float dpr, float scroll_y) {
    now_ms_ = platform::now_ms();
    screen_changed_ = false;
    ui_.begin(draw, fonts, css_width, css_height, dpr, scroll_y);
    draw_screen(*this, journey_.screen());
    platform::publish_screen(ui_.end(title(), locale_));
    if (screen_changed_ && journey_.depth() > published_depth_) platform::push_history(journey_.depth());
    published_depth_ = journey_.depth();
    return screen_changed_;
}

std::string App::title() const {
    int number = step_number(journey_.step());
    std::string screen_title = tr(std::string("title.") + screen_id(journey_.screen()));
    if (number == 0) return screen_title + " \xE2\x80\x93 " + tr("app.name");
    return tr_format("title.with_step", {{"title", screen_title}, {"step", std::to_string(number)},
                                         {"total", std::to_string(kNumberedSteps)}}) + " \xE2\x80\x93 " + tr("app.name");
}

// --- Page chrome ------------------------------------------------------------------------------------
bool App::page(const std::string& heading) {
    bool language_clicked = false;
    const std::string& other = locale_ == "nl" ? "en" : "nl";
    bool back_pressed = ui_.top_bar(tr("nav.back"), journey_.can_go_back(),
                                    tr("nav.language_other"), tr("nav.language_other"), language_clicked);
    if (language_clicked) {
        set_locale(other);
        screen_changed_ = true;
        return false;
    }
    if (back_pressed) {
        back();
        return false;
    }
    int number = step_number(journey_.step());
    if (number > 0)
        ui_.progress(tr_format("nav.step_of", {{"step", std::to_string(number)}, {"total", std::to_string(kNumberedSteps)}}));
    ui_.heading(heading);
    return true;
}

void App::go(Screen screen) {
    if (!journey_.go(screen)) return;
    screen_changed_ = true;
    save();
}

void App::back() {
    if (!journey_.back()) return;
    screen_changed_ = true;
    save();
    // Keep the browser's history in step: our Back button is one browser Back.
    platform::push_history(journey_.depth());
}

void App::on_history(size_t depth) {
    // The browser's Back button: retrace until the journey is as deep as the history entry.
    bool moved = false;
    while (journey_.depth() > depth && journey_.back()) moved = true;
    if (moved) { screen_changed_ = true; save(); }
    published_depth_ = journey_.depth();
}

// --- Assets ----------------------------------------------------------------------------------------
void App::on_asset(const std::string& name, std::string text) {
    if (name == "devices") {
        std::string error;
        db_ready_ = load_device_db(text, db_, error);
        db_failed_ = !db_ready_;
    }
}

void App::on_asset_failed(const std::string& name) {
    if (name == "devices") db_failed_ = true;
}

// --- The chosen device ----------------------------------------------------------------------------
const Family* App::device() const {
    return db_ready_ ? db_.find_family(journey_.facts().device_id) : nullptr;
}

std::string App::device_the() const {
    const Family* family = device();
    return tr("device.the." + (family ? family->category : std::string("other")));
}

std::string App::device_name() const {
    const Family* family = device();
    if (!family) return tr("device.unknown_name");
    if (family->generic) return family->name;
    return db_.maker_of(*family).name + " \xE2\x80\x93 " + family->name;
}

const std::string& App::helpdesk() const {
    if (case_.status == LinkStatus::ok || case_.status == LinkStatus::expired)
        if (!case_.payload.helpdesk.empty()) return case_.payload.helpdesk;
    return tr("helpdesk.phone");
}

// --- Resume and test state ---------------------------------------------------------------------------
void App::save() {
    Json state = {{"journey", journey_.to_json()}, {"locale", locale_},
                  {"answers", {{"category", answers_.category}, {"app", answers_.app},
                               {"brand", answers_.brand}, {"model", answers_.model}}}};
    platform::save_journey(case_.ticket(), state.dump());
}

std::string App::state_json() const {
    const JourneyFacts& f = journey_.facts();
    Json state = {{"step", step_id(journey_.step())}, {"screen", screen_id(journey_.screen())},
                  {"locale", locale_}, {"device", f.device_id.empty() ? Json() : Json(f.device_id)},
                  {"consent", f.consent == Consent::given ? "given" : f.consent == Consent::refused ? "refused" : "unanswered"},
                  {"outcome", f.outcome == Outcome::none ? Json() : Json(outcome_id(f.outcome))},
                  {"ticket", case_.ticket()}, {"link", case_.present ? link_status_name(case_.status) : "none"},
                  {"depth", journey_.depth()}};
    return state.dump();
}

}  // namespace cleanslate
