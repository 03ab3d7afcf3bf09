// report.cpp — assembling progress and final reports.
#include "core/report.h"
#include "core/base64url.h"

namespace cleanslate {

namespace {
constexpr int kReportVersion = 1;

// The journey records how a device was found; the provider needs who found it.
const char* chosen_by(const std::string& how) {
    if (how == "evidence") return "evidence";
    if (how == "helpdesk") return "helpdesk";
    return "customer";
}

bool known_way(const std::string& how) {
    return how == "evidence" || how == "answers" || how == "search" || how == "generic" || how == "helpdesk";
}

Json moment(const Moment& m) { return Json{{"screen", m.screen}, {"step", m.step}, {"at_s", m.at_s}}; }

Json callback_json(const CallbackRequest& c) {
    Json j = moment(c.when);
    j["phone"] = c.phone;
    return j;
}

// The envelope every report shares.
Json envelope(const char* kind, const std::string& report_id, const ReportCase& c) {
    return Json{{"version", kReportVersion}, {"kind", kind}, {"report_id", report_id},
                {"token", c.token}, {"ticket", c.ticket}, {"language", c.language}};
}
}  // namespace

std::string make_report_id(const uint8_t (&random_bytes)[16]) {
    return base64url_encode(std::string_view(reinterpret_cast<const char*>(random_bytes), 16));
}

// --- The journey's reporting state -------------------------------------------------------------
void Reporter::begin(std::string report_id, int64_t started_at_unix) {
    *this = Reporter();
    report_id_ = std::move(report_id);
    started_at_ = started_at_unix;
}

void Reporter::record_verification(const std::string& device_id, VerificationRecord record) {
    std::vector<VerificationRecord>& rounds = verification_[device_id];
    record.attempt = static_cast<int>(rounds.size()) + 1;
    rounds.push_back(std::move(record));
}

const std::vector<VerificationRecord>& Reporter::verification(const std::string& device_id) const {
    static const std::vector<VerificationRecord> none;
    auto it = verification_.find(device_id);
    return it == verification_.end() ? none : it->second;
}

std::vector<Theme> feedback_themes(const FeedbackEntry& entry, const Lexicons& lexicons) {
    if (entry.is_chip) return {chip_theme(entry.chip, entry.when.step)};
    auto it = lexicons.find(entry.language);
    if (it == lexicons.end() || !it->second) return {Theme::other};
    return it->second->code(entry.text);
}

// --- Progress ------------------------------------------------------------------------------------------
Json Reporter::progress(const ReportCase& c, const Journey& journey, int64_t unix_now) {
    const JourneyFacts& f = journey.facts();
    Json report = envelope("progress", report_id_, c);
    report["sequence"] = ++sequence_;
    report["screen"] = screen_id(journey.screen());
    report["step"] = step_id(journey.step());
    report["outcome"] = outcome_id(f.outcome);
    if (!f.device_id.empty()) report["device_id"] = f.device_id;
    report["consent"] = consent_code(feedback_.consent());
    if (const CallbackRequest* callback = feedback_.callback()) report["callback"] = callback_json(*callback);
    report["at_s"] = seconds_since_start(unix_now);
    return report;
}

// --- Final -------------------------------------------------------------------------------------------------
Json Reporter::final_report(const ReportCase& c, const Journey& journey, const Lexicons& lexicons, int64_t unix_now) const {
    const JourneyFacts& f = journey.facts();
    Json report = envelope("final", report_id_, c);
    report["revision"] = revision_ + 1;
    report["started_at"] = started_at_;
    report["duration_s"] = seconds_since_start(unix_now);
    report["outcome"] = f.outcome == Outcome::none ? "abandoned" : outcome_id(f.outcome);
    report["consent"] = consent_code(feedback_.consent());

    Json devices = Json::array();
    if (!f.device_id.empty()) {
        Json device = {{"device_id", f.device_id}, {"chosen_by", chosen_by(f.device_chosen_by)},
                       {"reset_attempts", f.reset_attempts}, {"reset_verified", f.reset_verified},
                       {"outcome", outcome_id(f.outcome)}};
        if (known_way(f.device_chosen_by)) device["identified_via"] = f.device_chosen_by;
        Json rounds = Json::array();
        for (const VerificationRecord& r : verification(f.device_id)) {
            Json answers = Json::array();
            for (const auto& [question, answer] : r.answers) answers.push_back(Json{{"question", question}, {"answer", answer}});
            rounds.push_back(Json{{"attempt", r.attempt}, {"verdict", r.verdict}, {"reason", r.reason}, {"answers", answers}});
        }
        device["verification"] = rounds;
        if (f.password_set && !f.password_strength.empty()) device["password_strength"] = f.password_strength;
        devices.push_back(std::move(device));
    }
    report["devices"] = devices;

    Json timings = Json::array();
    for (const ScreenTiming& t : timings_.as_of(seconds_since_start(unix_now))) {
        Json timing = {{"screen", t.screen}, {"step", t.step}, {"visits", t.visits},
                       {"back_navigations", t.back_navigations}, {"entered_s", t.entered_s}, {"seconds", t.seconds}};
        if (t.left_s >= 0) timing["left_s"] = t.left_s;
        timings.push_back(std::move(timing));
    }
    report["timings"] = timings;

    // What the customer said goes only with their consent; FeedbackLog keeps nothing without it,
    // and this check makes the rule hold even for a log restored from a tampered save.
    if (feedback_.may_keep()) {
        Json feedback = Json::array();
        for (const FeedbackEntry& e : feedback_.entries()) {
            Json entry = moment(e.when);
            entry["kind"] = e.is_chip ? "chip" : "text";
            if (e.is_chip) entry["chip"] = chip_code(e.chip);
            else { entry["text"] = e.text; entry["language"] = e.language; }
            Json themes = Json::array();
            for (Theme t : feedback_themes(e, lexicons)) themes.push_back(theme_code(t));
            entry["themes"] = themes;
            entry["coded_by"] = e.is_chip ? "chip" : "lexicon";
            feedback.push_back(std::move(entry));
        }
        if (!feedback.empty()) report["feedback"] = feedback;
        Json notes = Json::array();
        for (const VoiceNote& n : feedback_.voice_notes()) {
            Json note = moment(n.when);
            note["duration_s"] = n.duration_s;
            note["mime"] = n.mime;
            note["data"] = n.data;
            notes.push_back(std::move(note));
        }
        if (!notes.empty()) report["voice_notes"] = notes;
    }
    if (const CallbackRequest* callback = feedback_.callback()) report["callback"] = callback_json(*callback);
    return report;
}

void Reporter::keep_final(const Json& report) {
    revision_ = static_cast<int>(json_int(report, "revision", revision_ + 1));
    last_final_ = report.dump();
    final_delivery_ = Delivery::waiting;
}

// --- Resume -----------------------------------------------------------------------------------------------
Json Reporter::to_json() const {
    Json verification = Json::object();
    for (const auto& [device, rounds] : verification_) {
        Json list = Json::array();
        for (const VerificationRecord& r : rounds) {
            Json answers = Json::array();
            for (const auto& [q, a] : r.answers) answers.push_back(Json::array({q, a}));
            list.push_back(Json{{"verdict", r.verdict}, {"reason", r.reason}, {"answers", answers}});
        }
        verification[device] = list;
    }
    return Json{{"report_id", report_id_}, {"started_at", started_at_}, {"sequence", sequence_},
                {"revision", revision_}, {"last_final", last_final_},
                {"callback_delivery", static_cast<int>(callback_delivery_)},
                {"final_delivery", static_cast<int>(final_delivery_)}, {"feedback", feedback_.to_json()},
                {"timings", timings_.to_json()}, {"verification", verification}};
}

bool Reporter::from_json(const Json& state) {
    Reporter restored;
    restored.report_id_ = json_string(state, "report_id");
    if (restored.report_id_.size() < 8 || restored.report_id_.size() > 64) return false;
    restored.started_at_ = json_int(state, "started_at");
    restored.sequence_ = static_cast<int>(json_int(state, "sequence"));
    restored.revision_ = static_cast<int>(json_int(state, "revision"));
    restored.last_final_ = json_string(state, "last_final");
    auto delivery = [&](const char* key) {
        int64_t d = json_int(state, key);
        return d >= 0 && d <= static_cast<int64_t>(Delivery::refused) ? static_cast<Delivery>(d) : Delivery::not_queued;
    };
    restored.callback_delivery_ = delivery("callback_delivery");
    restored.final_delivery_ = delivery("final_delivery");
    if (const Json* feedback = json_member(state, "feedback")) restored.feedback_.from_json(*feedback);
    if (const Json* timings = json_member(state, "timings")) restored.timings_.from_json(*timings);
    if (const Json* verification = json_member(state, "verification"); verification && verification->is_object()) {
        for (const auto& [device, rounds] : verification->items()) {
            if (!rounds.is_array()) continue;
            for (const Json& r : rounds) {
                VerificationRecord record{0, json_string(r, "verdict"), json_string(r, "reason"), {}};
                if (const Json* answers = json_member(r, "answers"); answers && answers->is_array())
                    for (const Json& pair : *answers)
                        if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string())
                            record.answers.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
                restored.record_verification(device, std::move(record));
            }
        }
    }
    *this = std::move(restored);
    return true;
}

}  // namespace cleanslate
