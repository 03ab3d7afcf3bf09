// feedback.cpp — consent, feedback entries, voice notes and the call-back request.
#include "core/feedback.h"
#include "core/phone_number.h"

#include <algorithm>
#include <array>

namespace cleanslate {

namespace {
constexpr std::array<const char*, 4> kConsentCodes = {"unanswered", "given", "refused", "withdrawn"};
constexpr std::array<const char*, 3> kVoiceMimes = {"audio/webm", "audio/ogg", "audio/mp4"};

bool is_base64(const std::string& data) {
    size_t padding = 0;
    for (char c : data) {
        bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
        if (c == '=') ++padding;
        else if (!letter || padding > 0) return false;
    }
    return padding <= 2 && data.size() >= 4;
}

Json moment_json(const Moment& m) { return Json{{"screen", m.screen}, {"step", m.step}, {"at_s", m.at_s}}; }
Moment moment_from(const Json& j) { return Moment{json_string(j, "screen"), json_string(j, "step"), json_int(j, "at_s")}; }
}  // namespace

const char* consent_code(Consent consent) { return kConsentCodes[static_cast<size_t>(consent)]; }

std::string clip_text(const std::string& text, size_t max_code_points) {
    size_t begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) return "";
    size_t end = text.find_last_not_of(" \t\r\n") + 1;
    size_t points = 0, at = begin;
    while (at < end) {
        if (points == max_code_points) { end = at; break; }
        unsigned char c = static_cast<unsigned char>(text[at]);
        size_t length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        at = std::min(end, at + length);
        ++points;
    }
    return text.substr(begin, end - begin);
}

// --- Consent ------------------------------------------------------------------------------------
void FeedbackLog::answer_consent(bool given) {
    if (given) { consent_ = Consent::given; return; }
    if (consent_ == Consent::given) {
        // Withdrawal: nothing captured has left the browser yet, so deleting it here deletes it.
        for (FeedbackEntry& e : entries_) std::fill(e.text.begin(), e.text.end(), ' ');
        entries_.clear();
        voice_notes_.clear();
        consent_ = Consent::withdrawn;
        return;
    }
    if (consent_ == Consent::unanswered) consent_ = Consent::refused;
}

// --- Entries -----------------------------------------------------------------------------------------
bool FeedbackLog::add_chip(Chip chip, Moment when) {
    if (!may_keep() || entries_.size() >= kMaxFeedbackEntries || has_chip(chip, when.screen)) return false;
    FeedbackEntry entry;
    entry.is_chip = true;
    entry.chip = chip;
    entry.when = std::move(when);
    entries_.push_back(std::move(entry));
    return true;
}

bool FeedbackLog::remove_chip(Chip chip, const std::string& screen) {
    auto it = std::find_if(entries_.begin(), entries_.end(),
                           [&](const FeedbackEntry& e) { return e.is_chip && e.chip == chip && e.when.screen == screen; });
    if (it == entries_.end()) return false;
    entries_.erase(it);
    return true;
}

bool FeedbackLog::has_chip(Chip chip, const std::string& screen) const {
    return std::any_of(entries_.begin(), entries_.end(),
                       [&](const FeedbackEntry& e) { return e.is_chip && e.chip == chip && e.when.screen == screen; });
}

bool FeedbackLog::add_text(const std::string& text, const std::string& language, Moment when) {
    std::string clipped = clip_text(text, kMaxFeedbackText);
    if (!may_keep() || clipped.empty() || entries_.size() >= kMaxFeedbackEntries) return false;
    FeedbackEntry entry;
    entry.text = std::move(clipped);
    entry.language = language;
    entry.when = std::move(when);
    entries_.push_back(std::move(entry));
    return true;
}

VoiceRejection FeedbackLog::add_voice_note(VoiceNote note) {
    if (!may_keep()) return VoiceRejection::no_consent;
    if (voice_notes_.size() >= kMaxVoiceNotes) return VoiceRejection::too_many;
    if (!(note.duration_s >= 0) || note.duration_s > kMaxVoiceSeconds + 1) return VoiceRejection::too_long;
    if (note.data.size() > kMaxVoiceBase64) return VoiceRejection::too_big;
    // "audio/webm;codecs=opus" -> "audio/webm": the collector needs only the container.
    note.mime = note.mime.substr(0, note.mime.find(';'));
    if (std::find(kVoiceMimes.begin(), kVoiceMimes.end(), note.mime) == kVoiceMimes.end() || !is_base64(note.data))
        return VoiceRejection::not_audio;
    voice_notes_.push_back(std::move(note));
    return VoiceRejection::none;
}

bool FeedbackLog::delete_voice_note(size_t index) {
    if (index >= voice_notes_.size()) return false;
    voice_notes_.erase(voice_notes_.begin() + static_cast<std::ptrdiff_t>(index));
    return true;
}

// --- Resume ---------------------------------------------------------------------------------------------
Json FeedbackLog::to_json() const {
    Json entries = Json::array();
    for (const FeedbackEntry& e : entries_) {
        Json entry = moment_json(e.when);
        if (e.is_chip) entry["chip"] = chip_code(e.chip);
        else { entry["text"] = e.text; entry["language"] = e.language; }
        entries.push_back(std::move(entry));
    }
    Json notes = Json::array();
    for (const VoiceNote& n : voice_notes_) {
        Json note = moment_json(n.when);
        note["duration_s"] = n.duration_s;
        note["mime"] = n.mime;
        note["data"] = n.data;
        notes.push_back(std::move(note));
    }
    Json state = {{"consent", consent_code(consent_)}, {"entries", entries}, {"voice_notes", notes}};
    if (const CallbackRequest* c = callback()) {
        Json callback = moment_json(c->when);
        callback["phone"] = c->phone;
        state["callback"] = callback;
    }
    return state;
}

bool FeedbackLog::from_json(const Json& state) {
    if (!state.is_object()) return false;
    FeedbackLog restored;
    std::string consent = json_string(state, "consent", "unanswered");
    bool known = false;
    for (size_t i = 0; i < kConsentCodes.size(); ++i)
        if (consent == kConsentCodes[i]) { restored.consent_ = static_cast<Consent>(i); known = true; }
    if (!known) return false;
    if (const Json* entries = json_member(state, "entries"); entries && entries->is_array()) {
        for (const Json& e : *entries) {
            FeedbackEntry entry;
            entry.when = moment_from(e);
            if (const Json* chip = json_member(e, "chip"); chip && chip->is_string()) {
                entry.is_chip = chip_from_code(chip->get<std::string>(), entry.chip);
                if (!entry.is_chip) continue;
            } else {
                entry.text = clip_text(json_string(e, "text"), kMaxFeedbackText);
                entry.language = json_string(e, "language");
                if (entry.text.empty()) continue;
            }
            restored.entries_.push_back(std::move(entry));
        }
    }
    if (const Json* notes = json_member(state, "voice_notes"); notes && notes->is_array()) {
        for (const Json& n : *notes) {
            const Json* duration = json_member(n, "duration_s");
            VoiceNote note{moment_from(n), duration && duration->is_number() ? duration->get<double>() : 0,
                           json_string(n, "mime"), json_string(n, "data")};
            Consent keep = restored.consent_;
            restored.consent_ = Consent::given;   // the checks of add_voice_note, without the consent one
            restored.add_voice_note(std::move(note));
            restored.consent_ = keep;
        }
    }
    if (!restored.may_keep()) { restored.entries_.clear(); restored.voice_notes_.clear(); }
    if (const Json* c = json_member(state, "callback")) {
        PhoneCheck phone = check_phone_number(json_string(*c, "phone"));
        if (phone.ok()) restored.callback_ = CallbackRequest{phone.e164, moment_from(*c)};
    }
    *this = std::move(restored);
    return true;
}

}  // namespace cleanslate
