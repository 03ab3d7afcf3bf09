// feedback.h — what the customer tells us on the way, and whether we may keep it.
//
// Consent is asked the first time the customer opens "Tell us what you think", never as a
// barrier, and can be changed on any screen. Without a yes nothing they say is kept: adding
// an entry fails. Withdrawing deletes everything captured (nothing of it has been sent: what
// the customer says travels only in the final report) and the report then says "withdrawn".
// A call-back request is not think-aloud feedback: the customer asks to be called, so the
// number is kept and sent whatever the consent, and only for that call.
#pragma once
#include "core/themes.h"
#include "core/json.h"
#include <cstdint>
#include <string>
#include <vector>

namespace cleanslate {

enum class Consent { unanswered, given, refused, withdrawn };
const char* consent_code(Consent consent);   // "unanswered", "given", "refused", "withdrawn"

// Where and when something was said: the screen and step ids, seconds since the journey started.
struct Moment {
    std::string screen, step;
    int64_t at_s = 0;
};

struct FeedbackEntry {
    bool is_chip = false;
    Chip chip = Chip::stuck;     // when is_chip
    std::string text;            // when not: the customer's own words
    std::string language;        // the language they were reading when they wrote it
    Moment when;
};

struct VoiceNote {
    Moment when;
    double duration_s = 0;
    std::string mime;            // "audio/webm", "audio/ogg" or "audio/mp4"
    std::string data;            // base64 of the recording
};

struct CallbackRequest {
    std::string phone;           // E.164, checked with check_phone_number
    Moment when;
};

// Limits that keep a report small enough for a phone on mobile data (and the collector's schema).
constexpr size_t kMaxFeedbackText = 2000;        // characters (UTF-8 code points) per entry
constexpr size_t kMaxFeedbackEntries = 200;
constexpr size_t kMaxVoiceNotes = 3;
constexpr double kMaxVoiceSeconds = 60;
constexpr size_t kMaxVoiceBase64 = 200000;       // ~150 KB of audio: 60 s of speech at 16–20 kbit/s

enum class VoiceRejection { none, no_consent, too_many, too_long, too_big, not_audio };

class FeedbackLog {
public:
    Consent consent() const { return consent_; }
    bool may_keep() const { return consent_ == Consent::given; }
    // Yes: from now on what the customer says is kept. No: if they had said yes, that is a
    // withdrawal and everything captured is deleted.
    void answer_consent(bool given);

    // Each returns false (and keeps nothing) without consent.
    bool add_chip(Chip chip, Moment when);
    bool remove_chip(Chip chip, const std::string& screen);        // a second tap on the same screen
    bool has_chip(Chip chip, const std::string& screen) const;
    bool add_text(const std::string& text, const std::string& language, Moment when);  // blank text is not kept
    VoiceRejection add_voice_note(VoiceNote note);
    bool delete_voice_note(size_t index);

    void request_callback(std::string e164, Moment when) { callback_ = CallbackRequest{std::move(e164), std::move(when)}; }
    void cancel_callback() { callback_.phone.clear(); }
    const CallbackRequest* callback() const { return callback_.phone.empty() ? nullptr : &callback_; }

    const std::vector<FeedbackEntry>& entries() const { return entries_; }
    const std::vector<VoiceNote>& voice_notes() const { return voice_notes_; }

    // Resume across a reload (kept in the browser until the journey ends).
    Json to_json() const;
    bool from_json(const Json& state);

private:
    Consent consent_ = Consent::unanswered;
    std::vector<FeedbackEntry> entries_;
    std::vector<VoiceNote> voice_notes_;
    CallbackRequest callback_;
};

// Cuts text to at most max_code_points characters without splitting a UTF-8 character, and
// trims spaces and newlines at both ends.
std::string clip_text(const std::string& text, size_t max_code_points);

}  // namespace cleanslate
