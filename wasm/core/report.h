// report.h — what the wizard tells the provider, assembled as JSON (web/schemas/report.schema.json).
//
// A Reporter lives as long as one journey (it is saved with the journey and resumes after a
// reload). It holds the report id, created once per journey so every resend is recognised
// (a final report is known by report id and revision: a customer who finishes again for
// another device in the same case sends revision 2, which replaces revision 1),
// the feedback log with its consent, the per-screen timings and the verification answers,
// and makes two kinds of report from them and the journey's facts:
//   progress — small, sent on every screen change and at once for a call-back request: where
//              the customer is, the outcome so far, the chosen device, the call-back number;
//   final    — once, at the finish: timings, each device with how it was chosen, verification
//              answers and password strength class, and — only with consent — the feedback,
//              coded to themes, and voice notes.
// The report never holds a password: the journey keeps only its strength class, and nothing
// here takes text from the password field.
#pragma once
#include "core/feedback.h"
#include "core/flow.h"
#include "core/outbox.h"
#include "core/screen_timings.h"
#include "core/themes.h"
#include "core/json.h"
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cleanslate {

// The case a report belongs to: the link's token and ticket, and the language on screen.
struct ReportCase {
    std::string token;
    std::string ticket;
    std::string language;
    bool can_report() const { return !ticket.empty() && !token.empty(); }
};

// One round of the reset check for a device: the answers given and what they meant.
struct VerificationRecord {
    int attempt = 0;
    std::string verdict;                                     // "passed", "retry", "help"
    std::string reason;                                      // reset_reason_code
    std::vector<std::pair<std::string, std::string>> answers;  // question id -> "yes", "no", "not_sure", "unanswered"
};

// The lexicons the final report codes free text with, by language (may be missing).
using Lexicons = std::map<std::string, const ThemeLexicon*>;

// 16 random bytes as base64url: 22 characters, unguessable and unique enough for a journey.
std::string make_report_id(const uint8_t (&random_bytes)[16]);

class Reporter {
public:
    // Starts a new journey's reporting.
    void begin(std::string report_id, int64_t started_at_unix);
    bool started() const { return !report_id_.empty(); }
    const std::string& report_id() const { return report_id_; }
    int64_t started_at() const { return started_at_; }
    int64_t seconds_since_start(int64_t unix_now) const { return unix_now > started_at_ ? unix_now - started_at_ : 0; }

    FeedbackLog& feedback() { return feedback_; }
    const FeedbackLog& feedback() const { return feedback_; }
    ScreenTimings& timings() { return timings_; }
    void record_verification(const std::string& device_id, VerificationRecord record);
    const std::vector<VerificationRecord>& verification(const std::string& device_id) const;

    // A progress report; each one gets the next sequence number.
    Json progress(const ReportCase& c, const Journey& journey, int64_t unix_now);
    // The final report, as revision revision() + 1 (call keep_final to make it the current one).
    // Free text is coded with the lexicon of the language it was written in.
    Json final_report(const ReportCase& c, const Journey& journey, const Lexicons& lexicons, int64_t unix_now) const;
    // Remembers a final report handed to the outbox: what the finish screen shows and saves.
    void keep_final(const Json& report);
    int revision() const { return revision_; }
    const std::string& last_final() const { return last_final_; }   // "" before the first finish

    // Whether the last final report has reached the server, is waiting, or was refused.
    Delivery final_delivery() const { return final_delivery_; }
    void set_final_delivery(Delivery delivery) { final_delivery_ = delivery; }

    // Whether the call-back request has reached the server (a progress report carrying it was
    // acknowledged), is waiting, or was refused.
    Delivery callback_delivery() const { return callback_delivery_; }
    void set_callback_delivery(Delivery delivery) { callback_delivery_ = delivery; }

    Json to_json() const;
    bool from_json(const Json& state);

private:
    std::string report_id_;
    int64_t started_at_ = 0;
    int sequence_ = 0;
    int revision_ = 0;
    std::string last_final_;
    Delivery callback_delivery_ = Delivery::not_queued;
    Delivery final_delivery_ = Delivery::not_queued;
    FeedbackLog feedback_;
    ScreenTimings timings_;
    std::map<std::string, std::vector<VerificationRecord>> verification_;   // by device id
};

// The theme codes of one feedback entry and how they were found ("chip" or "lexicon";
// "lexicon" with {other} when the language's lexicon is not loaded).
std::vector<Theme> feedback_themes(const FeedbackEntry& entry, const Lexicons& lexicons);

}  // namespace cleanslate
