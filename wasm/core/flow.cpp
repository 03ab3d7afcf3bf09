// flow.cpp — the journey's step machine: ids, guards, history and resume.
#include "core/flow.h"
#include "core/json.h"
#include <array>
#include <utility>

namespace cleanslate {

// --- Ids ------------------------------------------------------------------------------------
namespace {
struct ScreenInfo { Screen screen; const char* id; Step step; };
constexpr std::array<ScreenInfo, 27> kScreens = {{
    {Screen::welcome, "welcome", Step::welcome},
    {Screen::consent, "consent", Step::welcome},
    {Screen::identify_evidence, "identify_evidence", Step::identify},
    {Screen::identify_category, "identify_category", Step::identify},
    {Screen::identify_app, "identify_app", Step::identify},
    {Screen::identify_brand, "identify_brand", Step::identify},
    {Screen::identify_model, "identify_model", Step::identify},
    {Screen::identify_candidates, "identify_candidates", Step::identify},
    {Screen::identify_unknown, "identify_unknown", Step::identify},
    {Screen::unsafe_choice, "unsafe_choice", Step::identify},
    {Screen::unsafe_steps, "unsafe_steps", Step::disconnect},
    {Screen::disconnect_prepare, "disconnect_prepare", Step::disconnect},
    {Screen::disconnect_line, "disconnect_line", Step::disconnect},
    {Screen::disconnect, "disconnect", Step::disconnect},
    {Screen::reset_connection, "reset_connection", Step::reset},
    {Screen::reset_method, "reset_method", Step::reset},
    {Screen::reset_steps, "reset_steps", Step::reset},
    {Screen::reset_join_wifi, "reset_join_wifi", Step::reset},
    {Screen::verify_question, "verify_question", Step::verify_reset},
    {Screen::verify_retry, "verify_retry", Step::verify_reset},
    {Screen::verify_help, "verify_help", Step::verify_reset},
    {Screen::password_where, "password_where", Step::password},
    {Screen::password_check, "password_check", Step::password},
    {Screen::password_hardening, "password_hardening", Step::password},
    {Screen::cannot_secure, "cannot_secure", Step::password},
    {Screen::reconnect, "reconnect", Step::finish},
    {Screen::finish, "finish", Step::finish},
}};

constexpr std::array<std::pair<Outcome, const char*>, 6> kOutcomes = {{
    {Outcome::none, "none"}, {Outcome::remediated, "remediated"}, {Outcome::cannot_secure, "cannot_secure"},
    {Outcome::device_replaced, "device_replaced"}, {Outcome::needs_help, "needs_help"}, {Outcome::abandoned, "abandoned"},
}};

constexpr std::array<const char*, 3> kConsent = {"unanswered", "given", "refused"};
}  // namespace

Step step_of(Screen screen) {
    for (const auto& info : kScreens) if (info.screen == screen) return info.step;
    return Step::welcome;
}

const char* screen_id(Screen screen) {
    for (const auto& info : kScreens) if (info.screen == screen) return info.id;
    return "welcome";
}

bool screen_from_id(std::string_view id, Screen& out) {
    for (const auto& info : kScreens)
        if (id == info.id) { out = info.screen; return true; }
    return false;
}

const char* step_id(Step step) {
    switch (step) {
        case Step::welcome: return "welcome";
        case Step::identify: return "identify";
        case Step::disconnect: return "disconnect";
        case Step::reset: return "reset";
        case Step::verify_reset: return "verify_reset";
        case Step::password: return "password";
        case Step::finish: return "finish";
    }
    return "welcome";
}

int step_number(Step step) {
    switch (step) {
        case Step::welcome: return 0;
        case Step::identify: return 1;
        case Step::disconnect: return 2;
        case Step::reset:
        case Step::verify_reset: return 3;
        case Step::password: return 4;
        case Step::finish: return 5;
    }
    return 0;
}

const char* outcome_id(Outcome outcome) {
    for (const auto& o : kOutcomes) if (o.first == outcome) return o.second;
    return "none";
}

bool outcome_from_id(std::string_view id, Outcome& out) {
    for (const auto& o : kOutcomes)
        if (id == o.second) { out = o.first; return true; }
    return false;
}

// --- Guards ----------------------------------------------------------------------------------
// Each step needs what the step before it produced. Checked on every move and on resume,
// so neither a stale saved state nor a crafted one can skip the verification.
bool Journey::allows(Screen target) const {
    const JourneyFacts& f = facts_;
    bool device_known = !f.device_id.empty();
    bool honest_end = f.outcome == Outcome::cannot_secure || f.outcome == Outcome::device_replaced;
    bool secured_or_honest = f.password_set || honest_end;
    // A device that cannot be secured never goes through the reset: its own two screens lead
    // straight to an honest finish.
    if (target == Screen::unsafe_choice) return device_known && f.device_unsafe;
    if (target == Screen::unsafe_steps) return device_known && f.device_unsafe && honest_end;
    bool can_work_on_device = device_known && !f.device_unsafe;
    switch (step_of(target)) {
        case Step::welcome: return true;
        case Step::identify: return f.consent != Consent::unanswered;
        case Step::disconnect: return can_work_on_device;
        case Step::reset: return can_work_on_device && f.disconnected;
        case Step::verify_reset:
            return can_work_on_device && f.disconnected && (target != Screen::verify_help || f.reset_attempts > 0 ||
                                                             f.outcome == Outcome::needs_help);
        case Step::password: return can_work_on_device && f.reset_verified;
        case Step::finish: {
            bool verified_way = f.reset_verified && secured_or_honest;
            if (target == Screen::reconnect) return verified_way;
            bool unsafe_way = device_known && f.device_unsafe && honest_end;
            return (verified_way || unsafe_way) && f.outcome != Outcome::none;
        }
    }
    return false;
}

// --- Moves ------------------------------------------------------------------------------------
bool Journey::go(Screen target) {
    if (target == screen_ || !allows(target)) return false;
    history_.push_back({screen_, page_});
    screen_ = target;
    page_ = 0;
    return true;
}

void Journey::next_page() {
    history_.push_back({screen_, page_});
    ++page_;
}

bool Journey::back() {
    if (history_.empty()) return false;
    screen_ = history_.back().screen;
    page_ = history_.back().page;
    history_.pop_back();
    // A fact can have changed since that screen was left (e.g. a new device was chosen);
    // never land on a screen the facts no longer allow.
    while (!allows(screen_) && !history_.empty()) {
        screen_ = history_.back().screen;
        page_ = history_.back().page;
        history_.pop_back();
    }
    return true;
}

// --- Events ------------------------------------------------------------------------------------
void Journey::answer_consent(bool given) { facts_.consent = given ? Consent::given : Consent::refused; }

void Journey::choose_device(std::string device_id, std::string chosen_by, bool can_be_secured) {
    if (device_id != facts_.device_id) {
        facts_.connection.clear();
        facts_.disconnected = false;
        facts_.reset_attempts = 0;
        facts_.reset_verified = false;
        facts_.verification.clear();
        facts_.password_set = false;
        facts_.password_strength.clear();
        facts_.outcome = Outcome::none;
    }
    facts_.device_id = std::move(device_id);
    facts_.device_chosen_by = std::move(chosen_by);
    facts_.device_unsafe = !can_be_secured;
}

void Journey::choose_internet_line(std::string line) { facts_.internet_line = std::move(line); }

void Journey::choose_connection(std::string connection) { facts_.connection = std::move(connection); }

void Journey::confirm_disconnected() { facts_.disconnected = true; }

void Journey::record_reset_attempt(bool verified) {
    ++facts_.reset_attempts;
    facts_.reset_verified = verified;
}

void Journey::record_reset_attempt(VerificationAttempt attempt) {
    record_reset_attempt(attempt.verdict == "passed");
    constexpr size_t kKeptAttempts = 20;
    if (facts_.verification.size() == kKeptAttempts) facts_.verification.erase(facts_.verification.begin());
    facts_.verification.push_back(std::move(attempt));
}

void Journey::record_password(std::string strength_class) {
    facts_.password_strength = std::move(strength_class);
    facts_.password_set = true;
}

void Journey::set_outcome(Outcome outcome) { facts_.outcome = outcome; }

// --- Resume ---------------------------------------------------------------------------------------
// Version 2 added pages ("reset_steps:2" in the history) and the facts device_unsafe,
// internet_line and connection; a version 1 state reads as page 0 with those unset.
namespace {
constexpr int kStateVersion = 2;

std::string place_id(Screen screen, int page) {
    return page == 0 ? std::string(screen_id(screen)) : std::string(screen_id(screen)) + ":" + std::to_string(page);
}

bool place_from_id(std::string_view id, Screen& screen, int& page) {
    page = 0;
    size_t colon = id.find(':');
    if (colon != std::string_view::npos) {
        std::string_view digits = id.substr(colon + 1);
        if (digits.empty() || digits.size() > 4) return false;
        for (char c : digits) {
            if (c < '0' || c > '9') return false;
            page = page * 10 + (c - '0');
        }
        id = id.substr(0, colon);
    }
    return screen_from_id(id, screen);
}
}  // namespace

std::string Journey::to_json() const {
    Json history = Json::array();
    for (const Place& p : history_) history.push_back(place_id(p.screen, p.page));
    Json verification = Json::array();
    for (const VerificationAttempt& a : facts_.verification) {
        Json answers = Json::array();
        for (const auto& [question, answer] : a.answers) answers.push_back(Json::array({question, answer}));
        verification.push_back({{"verdict", a.verdict}, {"reason", a.reason}, {"answers", answers}});
    }
    Json state = {
        {"v", kStateVersion},
        {"screen", place_id(screen_, page_)},
        {"history", history},
        {"consent", kConsent[static_cast<size_t>(facts_.consent)]},
        {"device_id", facts_.device_id},
        {"device_chosen_by", facts_.device_chosen_by},
        {"device_unsafe", facts_.device_unsafe},
        {"internet_line", facts_.internet_line},
        {"connection", facts_.connection},
        {"disconnected", facts_.disconnected},
        {"reset_attempts", facts_.reset_attempts},
        {"reset_verified", facts_.reset_verified},
        {"verification", verification},
        {"password_strength", facts_.password_strength},
        {"password_set", facts_.password_set},
        {"outcome", outcome_id(facts_.outcome)},
    };
    return state.dump();
}

bool Journey::from_json(std::string_view text) {
    Json state = parse_json(text);
    Journey restored;
    if (!state.is_object()) return false;
    int64_t version = json_int(state, "v");
    if (version != 1 && version != kStateVersion) return false;
    if (!place_from_id(json_string(state, "screen"), restored.screen_, restored.page_)) return false;
    for (const std::string& id : json_strings(state, "history")) {
        Place p{};
        if (!place_from_id(id, p.screen, p.page)) return false;
        restored.history_.push_back(p);
    }
    std::string consent = json_string(state, "consent", "unanswered");
    for (size_t i = 0; i < kConsent.size(); ++i)
        if (consent == kConsent[i]) restored.facts_.consent = static_cast<Consent>(i);
    JourneyFacts& f = restored.facts_;
    f.device_id = json_string(state, "device_id");
    f.device_chosen_by = json_string(state, "device_chosen_by");
    f.device_unsafe = json_bool(state, "device_unsafe");
    f.internet_line = json_string(state, "internet_line");
    f.connection = json_string(state, "connection");
    f.disconnected = json_bool(state, "disconnected");
    f.reset_attempts = static_cast<int>(json_int(state, "reset_attempts"));
    f.reset_verified = json_bool(state, "reset_verified");
    if (const Json* attempts = json_member(state, "verification"); attempts && attempts->is_array()) {
        for (const Json& a : *attempts) {
            if (!a.is_object()) return false;
            VerificationAttempt attempt{json_string(a, "verdict"), json_string(a, "reason"), {}};
            if (const Json* answers = json_member(a, "answers"); answers && answers->is_array())
                for (const Json& pair : *answers)
                    if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string())
                        attempt.answers.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
            f.verification.push_back(std::move(attempt));
        }
    }
    f.password_strength = json_string(state, "password_strength");
    f.password_set = json_bool(state, "password_set");
    if (!outcome_from_id(json_string(state, "outcome", "none"), f.outcome)) return false;
    if (!restored.allows(restored.screen_)) return false;
    *this = std::move(restored);
    return true;
}

}  // namespace cleanslate
