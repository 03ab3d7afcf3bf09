// flow.cpp — the journey's step machine: ids, guards, history and resume.
#include "core/flow.h"
#include "core/json.h"
#include <array>
#include <utility>

namespace cleanslate {

// --- Ids ------------------------------------------------------------------------------------
namespace {
struct ScreenInfo { Screen screen; const char* id; Step step; };
constexpr std::array<ScreenInfo, 19> kScreens = {{
    {Screen::welcome, "welcome", Step::welcome},
    {Screen::identify_evidence, "identify_evidence", Step::identify},
    {Screen::identify_category, "identify_category", Step::identify},
    {Screen::identify_app, "identify_app", Step::identify},
    {Screen::identify_brand, "identify_brand", Step::identify},
    {Screen::identify_model, "identify_model", Step::identify},
    {Screen::identify_candidates, "identify_candidates", Step::identify},
    {Screen::identify_unknown, "identify_unknown", Step::identify},
    {Screen::disconnect, "disconnect", Step::disconnect},
    {Screen::reset_steps, "reset_steps", Step::reset},
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
    bool secured_or_honest = f.password_set || f.outcome == Outcome::cannot_secure ||
                             f.outcome == Outcome::device_replaced;
    switch (step_of(target)) {
        case Step::welcome: return true;
        case Step::identify: return true;
        case Step::disconnect: return device_known;
        case Step::reset: return device_known && f.disconnected;
        case Step::verify_reset:
            return device_known && f.disconnected && (target != Screen::verify_help || f.reset_attempts > 0 ||
                                                      f.outcome == Outcome::needs_help);
        case Step::password: return device_known && f.reset_verified;
        case Step::finish:
            if (target == Screen::reconnect) return f.reset_verified && secured_or_honest;
            return f.reset_verified && secured_or_honest && f.outcome != Outcome::none;
    }
    return false;
}

// --- Moves ------------------------------------------------------------------------------------
bool Journey::go(Screen target) {
    if (target == screen_ || !allows(target)) return false;
    history_.push_back(screen_);
    screen_ = target;
    return true;
}

bool Journey::back() {
    if (history_.empty()) return false;
    screen_ = history_.back();
    history_.pop_back();
    // A fact can have changed since that screen was left (e.g. a new device was chosen);
    // never land on a screen the facts no longer allow.
    while (!allows(screen_) && !history_.empty()) {
        screen_ = history_.back();
        history_.pop_back();
    }
    return true;
}

// --- Events ------------------------------------------------------------------------------------
void Journey::choose_device(std::string device_id, std::string chosen_by) {
    if (device_id != facts_.device_id) {
        facts_.disconnected = false;
        facts_.reset_attempts = 0;
        facts_.reset_verified = false;
        facts_.password_set = false;
        facts_.password_strength.clear();
        facts_.outcome = Outcome::none;
    }
    facts_.device_id = std::move(device_id);
    facts_.device_chosen_by = std::move(chosen_by);
}

void Journey::confirm_disconnected() { facts_.disconnected = true; }

void Journey::record_reset_attempt(bool verified) {
    ++facts_.reset_attempts;
    facts_.reset_verified = verified;
}

void Journey::record_password(std::string strength_class) {
    facts_.password_strength = std::move(strength_class);
    facts_.password_set = true;
}

void Journey::set_outcome(Outcome outcome) { facts_.outcome = outcome; }

// --- Resume ---------------------------------------------------------------------------------------
std::string Journey::to_json() const {
    Json history = Json::array();
    for (Screen s : history_) history.push_back(screen_id(s));
    Json state = {
        {"v", 1},
        {"screen", screen_id(screen_)},
        {"history", history},
        {"device_id", facts_.device_id},
        {"device_chosen_by", facts_.device_chosen_by},
        {"disconnected", facts_.disconnected},
        {"reset_attempts", facts_.reset_attempts},
        {"reset_verified", facts_.reset_verified},
        {"password_strength", facts_.password_strength},
        {"password_set", facts_.password_set},
        {"outcome", outcome_id(facts_.outcome)},
    };
    return state.dump();
}

bool Journey::from_json(std::string_view text) {
    Json state = parse_json(text);
    Journey restored;
    if (!state.is_object() || json_int(state, "v") != 1) return false;
    if (!screen_from_id(json_string(state, "screen"), restored.screen_)) return false;
    for (const std::string& id : json_strings(state, "history")) {
        Screen s;
        if (!screen_from_id(id, s)) return false;
        restored.history_.push_back(s);
    }
    JourneyFacts& f = restored.facts_;
    f.device_id = json_string(state, "device_id");
    f.device_chosen_by = json_string(state, "device_chosen_by");
    f.disconnected = json_bool(state, "disconnected");
    f.reset_attempts = static_cast<int>(json_int(state, "reset_attempts"));
    f.reset_verified = json_bool(state, "reset_verified");
    f.password_strength = json_string(state, "password_strength");
    f.password_set = json_bool(state, "password_set");
    if (!outcome_from_id(json_string(state, "outcome", "none"), f.outcome)) return false;
    if (!restored.allows(restored.screen_)) return false;
    *this = std::move(restored);
    return true;
}

}  // namespace cleanslate
