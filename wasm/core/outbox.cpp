// outbox.cpp — queueing, retrying and settling reports.
#include "core/outbox.h"

#include <algorithm>
#include <cmath>

namespace cleanslate {

namespace {
constexpr double kFirstRetryMs = 1000;
constexpr double kLongestRetryMs = 60000;
constexpr size_t kMaxItems = 50;   // a browser that never gets online again keeps at most this many

// Statuses that say "this will never be accepted": sending it again cannot help.
bool refused_for_good(int status) { return status >= 400 && status < 500 && status != 408 && status != 429; }
}  // namespace

const char* delivery_code(Delivery delivery) {
    switch (delivery) {
        case Delivery::not_queued: return "not_queued";
        case Delivery::waiting: return "waiting";
        case Delivery::sent: return "sent";
        case Delivery::refused: return "refused";
    }
    return "not_queued";
}

void Outbox::put(const std::string& report_id, bool final, std::string body, double now_ms) {
    std::string key = key_of(report_id, final);
    settled_.erase(std::remove_if(settled_.begin(), settled_.end(), [&](const auto& s) { return s.first == key; }), settled_.end());
    auto same = std::find_if(items_.begin(), items_.end(), [&](const OutboxItem& i) { return i.key == key && !i.in_flight; });
    if (same != items_.end()) {
        same->body = std::move(body);
        same->next_try_ms = now_ms;
        same->attempts = 0;
        return;
    }
    if (items_.size() >= kMaxItems) {
        // Drop the oldest progress report first: a final report is worth more.
        auto oldest = std::find_if(items_.begin(), items_.end(), [](const OutboxItem& i) { return !i.in_flight && i.key.size() > 9 && i.key.compare(i.key.size() - 9, 9, ":progress") == 0; });
        if (oldest == items_.end()) return;
        items_.erase(oldest);
    }
    items_.push_back(OutboxItem{std::move(key), std::move(body), 0, now_ms, false});
}

const OutboxItem* Outbox::take_due(double now_ms) {
    for (OutboxItem& item : items_)
        if (item.in_flight) return nullptr;   // one at a time: order kept, no burst on reconnect
    for (OutboxItem& item : items_) {
        if (item.next_try_ms > now_ms) continue;
        item.in_flight = true;
        ++item.attempts;
        return &item;
    }
    return nullptr;
}

double Outbox::next_due_ms() const {
    double next = -1;
    for (const OutboxItem& item : items_)
        if (!item.in_flight && (next < 0 || item.next_try_ms < next)) next = item.next_try_ms;
    return next;
}

bool Outbox::in_flight() const {
    return std::any_of(items_.begin(), items_.end(), [](const OutboxItem& i) { return i.in_flight; });
}

Outbox::Answer Outbox::answered(const std::string& key, int http_status, double retry_after_s, double now_ms) {
    auto it = std::find_if(items_.begin(), items_.end(), [&](const OutboxItem& i) { return i.key == key && i.in_flight; });
    if (it == items_.end()) return {};
    Answer answer{Delivery::waiting, it->body};
    if ((http_status >= 200 && http_status < 300) || refused_for_good(http_status)) {
        answer.delivery = http_status < 300 ? Delivery::sent : Delivery::refused;
        settled_.emplace_back(key, answer.delivery);
        items_.erase(it);
        return answer;
    }
    it->in_flight = false;
    double backoff = std::min(kLongestRetryMs, kFirstRetryMs * std::pow(2.0, std::max(0, it->attempts - 1)));
    it->next_try_ms = now_ms + std::max(backoff, std::min(retry_after_s, 3600.0) * 1000);
    return answer;
}

void Outbox::online(double now_ms) {
    for (OutboxItem& item : items_)
        if (!item.in_flight) item.next_try_ms = std::min(item.next_try_ms, now_ms);
}

Delivery Outbox::delivery(const std::string& report_id, bool final) const {
    std::string key = key_of(report_id, final);
    for (const OutboxItem& item : items_)
        if (item.key == key) return Delivery::waiting;
    for (const auto& [settled, how] : settled_)
        if (settled == key) return how;
    return Delivery::not_queued;
}

std::string Outbox::to_json() const {
    Json items = Json::array();
    for (const OutboxItem& item : items_) items.push_back(Json{{"key", item.key}, {"body", item.body}});
    return Json{{"v", 1}, {"items", items}}.dump();
}

void Outbox::from_json(const std::string& text) {
    Json state = parse_json(text);
    const Json* items = json_member(state, "items");
    if (!items || !items->is_array()) return;
    for (const Json& item : *items) {
        std::string key = json_string(item, "key"), body = json_string(item, "body");
        if (key.empty() || body.empty()) continue;
        if (std::any_of(items_.begin(), items_.end(), [&](const OutboxItem& i) { return i.key == key; })) continue;
        if (items_.size() < kMaxItems) items_.push_back(OutboxItem{key, body, 0, 0, false});
    }
}

}  // namespace cleanslate
