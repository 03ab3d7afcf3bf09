// outbox.h — reports waiting in the browser until the provider's server has them.
//
// The journey takes the home off the internet in the middle, phones drop their mobile data,
// and people close the tab: a report is kept (the browser persists this outbox) until the
// server acknowledges it, and resent after a reload, when the network comes back, or at the
// next visit. Nothing is sent twice in a way that counts twice: the server keeps one copy
// per key (a final report's report id; a progress report's report id and sequence).
//
// A progress report says everything so far, so a newer one replaces an older one of the same
// journey that is still waiting: back online after an hour, the server gets one, not forty.
// Retries back off (1 s, 2 s, 4 s ... at most a minute) and start again at once when the
// browser says it is online. A report the server refuses for good (4xx other than 408/429)
// is dropped: sending it again cannot succeed, and the reason is kept for the finish screen.
#pragma once
#include "core/json.h"
#include <string>
#include <vector>

namespace cleanslate {

struct OutboxItem {
    std::string key;            // "<report_id>:final" or "<report_id>:progress"
    std::string body;           // the JSON text to POST
    int attempts = 0;
    double next_try_ms = 0;     // unix milliseconds
    bool in_flight = false;     // posted, no answer yet (not persisted: a reload sends again)
};

enum class Delivery { not_queued, waiting, sent, refused };
const char* delivery_code(Delivery delivery);   // "not_queued", "waiting", "sent", "refused"

class Outbox {
public:
    // Queues a report. A progress report replaces the journey's waiting progress report; a
    // final report replaces an unsent copy of itself.
    void put(const std::string& report_id, bool final, std::string body, double now_ms);
    // The next report to post now (none in flight, due), or nullptr. Marks it in flight.
    const OutboxItem* take_due(double now_ms);
    // When the next waiting report is due (unix ms), or a negative number when none waits.
    double next_due_ms() const;
    bool in_flight() const;
    // The server's answer for a posted report: an HTTP status (0: no answer, the network failed)
    // and its Retry-After in seconds (0 if none). Returns what became of it (waiting: it will be
    // tried again) and the report's text.
    struct Answer { Delivery delivery = Delivery::not_queued; std::string body; };
    Answer answered(const std::string& key, int http_status, double retry_after_s, double now_ms);
    // The browser is online again: every waiting report is due now.
    void online(double now_ms);

    Delivery delivery(const std::string& report_id, bool final) const;
    size_t size() const { return items_.size(); }
    const std::vector<OutboxItem>& items() const { return items_; }

    // The outbox of every journey on this browser, kept in localStorage.
    std::string to_json() const;
    void from_json(const std::string& text);

    static std::string key_of(const std::string& report_id, bool final) {
        return report_id + (final ? ":final" : ":progress");
    }

private:
    std::vector<OutboxItem> items_;
    std::vector<std::pair<std::string, Delivery>> settled_;   // keys answered for good, this page's life
};

}  // namespace cleanslate
