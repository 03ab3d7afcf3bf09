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
    {Screen::password_choose, "password_choose", Step::password},
    {Screen::password_own, "password_own", Step::password},
    {Screen::password_steps, "password_steps", Step::password},
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
namespace {
bool secured_or_honest(const JourneyFacts& f) {
    return f.password_set || f.outcome == Outcome::cannot_secure || f.outcome == Outcome::device_replaced;
}

// Done: an outcome, reached either through a verified reset and a new password (or an honest
// end after it), or, for a device the data says cannot be secured, through its honest choice.
bool is_done(const std::string& device_id, bool device_unsafe, bool reset_verified, bool password_set, Outcome outcome) {
    bool honest = outcome == Outcome::cannot_secure || outcome == Outcome::device_replaced;
    if (device_id.empty() || outcome == Outcome::none) return false;
    return device_unsafe ? honest : reset_verified && (password_set || honest);
}

bool record_is_done(const DeviceRecord& d) {
    return is_done(d.device_id, d.device_unsafe, d.reset_verified, d.password_set, d.outcome);
}

DeviceRecord record_of(const JourneyFacts& f) {
    return {f.device_id, f.device_chosen_by, f.device_unsafe, f.reset_attempts, f.reset_verified, f.verification,
            f.password_strength, f.password_set, f.outcome};
}
}  // namespace

bool Journey::current_device_done() const {
    const JourneyFacts& f = facts_;
    return is_done(f.device_id, f.device_unsafe, f.reset_verified, f.password_set, f.outcome);
}

bool Journey::allows(Screen target) const {
    const JourneyFacts& f = facts_;
    bool device_known = !f.device_id.empty();
    bool honest_end = f.outcome == Outcome::cannot_secure || f.outcome == Outcome::device_replaced;
    // A device that cannot be secured never goes through the reset: its own two screens lead
    // straight to an honest finish.
    if (target == Screen::unsafe_choice) return device_known && f.device_unsafe;
    if (target == Screen::unsafe_steps) return device_known && f.device_unsafe && honest_end;
    bool can_work_on_device = device_known && !f.device_unsafe;
    switch (step_of(target)) {
        case Step::welcome: return true;
        case Step::identify: return true;
        case Step::disconnect: return can_work_on_device;
        case Step::reset: return can_work_on_device && f.disconnected;
        case Step::verify_reset:
            return can_work_on_device && f.disconnected && (target != Screen::verify_help || f.reset_attempts > 0 ||
                                                             f.outcome == Outcome::needs_help);
        case Step::password: return can_work_on_device && f.reset_verified;
        case Step::finish:
            if (target == Screen::reconnect) return f.reset_verified && secured_or_honest(f);
            // The finish sums up the case: the current device once it is done, or (on the way
            // back from starting another device) the devices handled before it.
            return current_device_done() || (!device_known && !earlier_devices_.empty());
    }
    return false;
}

// --- Moves ------------------------------------------------------------------------------------
bool Journey::go(Screen target) {
    if (target == screen_ || !allows(target)) return false;
    history_.push_back({screen_, part_});
    screen_ = target;
    part_ = 0;
    // The finish is a confirmation: what it reports is done, so there is no way back into
    // the steps (GOV.UK confirmation pages have no Back either).
    if (target == Screen::finish) history_.clear();
    return true;
}

bool Journey::go_part(int part) {
    if (part == part_ || part < 0) return false;
    history_.push_back({screen_, part_});
    part_ = part;
    return true;
}

// The nearest place on the way back that the facts still allow (a fact can have changed
// since that screen was left, e.g. a new device was chosen); history_.size() when none.
size_t Journey::nearest_allowed() const {
    for (size_t i = history_.size(); i > 0; --i)
        if (allows(history_[i - 1].screen)) return i - 1;
    return history_.size();
}

bool Journey::can_go_back() const { return nearest_allowed() < history_.size(); }

bool Journey::back() {
    size_t to = nearest_allowed();
    if (to == history_.size()) return false;
    screen_ = history_[to].screen;
    part_ = history_[to].part;
    history_.resize(to);
    return true;
}

// --- Events ------------------------------------------------------------------------------------
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

bool Journey::start_another_device() {
    if (screen_ != Screen::finish) return false;
    if (current_device_done()) earlier_devices_.push_back(record_of(facts_));
    facts_ = JourneyFacts{};   // consent is the case's, kept with the feedback
    history_.assign(1, Place{Screen::finish, 0});
    screen_ = Screen::identify_category;
    part_ = 0;
    return true;
}

std::vector<DeviceRecord> Journey::devices() const {
    std::vector<DeviceRecord> all = earlier_devices_;
    if (!facts_.device_id.empty()) all.push_back(record_of(facts_));
    return all;
}

// --- Resume ---------------------------------------------------------------------------------------
// Version 2 added the parts of multi-part screens, the devices handled earlier in the case,
// the verification attempts and the facts device_unsafe, internet_line and connection; a
// version 1 state (saved before) still resumes, as a case with one device, at part 0.
namespace {
constexpr int64_t kStateVersion = 2;
constexpr const char* kRemovedConsentScreen = "consent";

// Attempts as [{"verdict", "reason", "answers": [[question, answer], ...]}]: the order of the
// questions is kept, as the report shows them.
Json verification_json(const std::vector<VerificationAttempt>& attempts) {
    Json out = Json::array();
    for (const VerificationAttempt& a : attempts) {
        Json answers = Json::array();
        for (const auto& [question, answer] : a.answers) answers.push_back(Json::array({question, answer}));
        out.push_back({{"verdict", a.verdict}, {"reason", a.reason}, {"answers", answers}});
    }
    return out;
}

bool verification_from(const Json& state, std::vector<VerificationAttempt>& out) {
    const Json* attempts = json_member(state, "verification");
    if (!attempts || !attempts->is_array()) return true;
    for (const Json& a : *attempts) {
        if (!a.is_object()) return false;
        VerificationAttempt attempt{json_string(a, "verdict"), json_string(a, "reason"), {}};
        if (const Json* answers = json_member(a, "answers"); answers && answers->is_array())
            for (const Json& pair : *answers)
                if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string())
                    attempt.answers.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
        out.push_back(std::move(attempt));
    }
    return true;
}

// A place on the way back: the screen id, and "/<part>" for a later part of a multi-part screen.
std::string place_id(Screen screen, int part) {
    return part == 0 ? std::string(screen_id(screen)) : std::string(screen_id(screen)) + "/" + std::to_string(part);
}

bool place_from_id(std::string_view id, Screen& screen, int& part) {
    part = 0;
    size_t slash = id.find('/');
    if (slash != std::string_view::npos) {
        std::string_view digits = id.substr(slash + 1);
        if (digits.empty() || digits.size() > 4) return false;
        for (char c : digits) {
            if (c < '0' || c > '9') return false;
            part = part * 10 + (c - '0');
        }
        id = id.substr(0, slash);
    }
    // Saved before the password step chose first: its two screens are now the choosing one.
    if (id == "password_where" || id == "password_check") id = "password_choose";
    return screen_from_id(id, screen);
}

Json device_json(const DeviceRecord& d) {
    return {{"device_id", d.device_id}, {"device_chosen_by", d.chosen_by}, {"device_unsafe", d.device_unsafe},
            {"reset_attempts", d.reset_attempts},
            {"reset_verified", d.reset_verified}, {"verification", verification_json(d.verification)},
            {"password_strength", d.password_strength}, {"password_set", d.password_set},
            {"outcome", outcome_id(d.outcome)}};
}

bool device_from(const Json& j, DeviceRecord& d) {
    if (!j.is_object()) return false;
    d.device_id = json_string(j, "device_id");
    d.chosen_by = json_string(j, "device_chosen_by");
    d.device_unsafe = json_bool(j, "device_unsafe");
    d.reset_attempts = static_cast<int>(json_int(j, "reset_attempts"));
    d.reset_verified = json_bool(j, "reset_verified");
    if (!verification_from(j, d.verification)) return false;
    d.password_strength = json_string(j, "password_strength");
    d.password_set = json_bool(j, "password_set");
    return outcome_from_id(json_string(j, "outcome", "none"), d.outcome);
}
}  // namespace

std::string Journey::to_json() const {
    Json history = Json::array();
    for (const Place& place : history_) history.push_back(place_id(place.screen, place.part));
    Json earlier = Json::array();
    for (const DeviceRecord& d : earlier_devices_) earlier.push_back(device_json(d));
    Json state = {
        {"v", kStateVersion},
        {"screen", screen_id(screen_)},
        {"part", part_},
        {"history", history},
        {"device_id", facts_.device_id},
        {"device_chosen_by", facts_.device_chosen_by},
        {"device_unsafe", facts_.device_unsafe},
        {"internet_line", facts_.internet_line},
        {"connection", facts_.connection},
        {"disconnected", facts_.disconnected},
        {"reset_attempts", facts_.reset_attempts},
        {"reset_verified", facts_.reset_verified},
        {"verification", verification_json(facts_.verification)},
        {"password_strength", facts_.password_strength},
        {"password_set", facts_.password_set},
        {"outcome", outcome_id(facts_.outcome)},
        {"earlier_devices", earlier},
    };
    return state.dump();
}

bool Journey::from_json(std::string_view text) {
    Json state = parse_json(text);
    Journey restored;
    int64_t version = json_int(state, "v");
    if (!state.is_object() || version < 1 || version > kStateVersion) return false;
    // Version 1 had a consent screen after the welcome; consent now lives with the feedback, so
    // a journey saved on or past it resumes without that place.
    const std::string saved_screen = json_string(state, "screen");
    int ignored_part = 0;
    if (!place_from_id(saved_screen == kRemovedConsentScreen ? "welcome" : saved_screen, restored.screen_, ignored_part))
        return false;
    restored.part_ = static_cast<int>(json_int(state, "part"));
    if (restored.part_ < 0) return false;
    for (const std::string& id : json_strings(state, "history")) {
        if (id == kRemovedConsentScreen) continue;
        Place place{};
        if (!place_from_id(id, place.screen, place.part)) return false;
        restored.history_.push_back(place);
    }
    JourneyFacts& f = restored.facts_;
    f.device_id = json_string(state, "device_id");
    f.device_chosen_by = json_string(state, "device_chosen_by");
    f.device_unsafe = json_bool(state, "device_unsafe");
    f.internet_line = json_string(state, "internet_line");
    f.connection = json_string(state, "connection");
    f.disconnected = json_bool(state, "disconnected");
    f.reset_attempts = static_cast<int>(json_int(state, "reset_attempts"));
    f.reset_verified = json_bool(state, "reset_verified");
    if (!verification_from(state, f.verification)) return false;
    f.password_strength = json_string(state, "password_strength");
    f.password_set = json_bool(state, "password_set");
    if (!outcome_from_id(json_string(state, "outcome", "none"), f.outcome)) return false;
    // Only devices that were done can have been filed: anything else is not our own state.
    if (const Json* earlier = json_member(state, "earlier_devices"); earlier && earlier->is_array()) {
        for (const Json& item : *earlier) {
            DeviceRecord d;
            if (!device_from(item, d) || !record_is_done(d)) return false;
            restored.earlier_devices_.push_back(std::move(d));
        }
    }
    if (!restored.allows(restored.screen_)) return false;
    *this = std::move(restored);
    return true;
}

}  // namespace cleanslate
