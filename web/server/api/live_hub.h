// live_hub.h — the helpdesk's live view: every agent following a ticket gets each report the
// wizard sends for it, as server-sent events, within moments.
//
// The hub reads what it sends from the store, not from the request that stored it: a report
// received by another server behind the same load balancer reaches a follower here just the
// same (within a second, the hub's polling interval), and a report stored here wakes the hub
// at once. Each follower remembers the last report id it was sent; a browser that reconnects
// sends Last-Event-ID and misses nothing.
//
// Every 15 s each stream gets a comment line (keeps proxies from closing it) and its
// session is checked again: an agent who logged out, or whose session expired, stops
// receiving at once.
#pragma once
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http/http_server.h"
#include "store/store.h"

namespace cleanslate::server {

class LiveHub {
public:
    LiveHub(Store& store, std::function<int64_t()> now);
    ~LiveHub();
    LiveHub(const LiveHub&) = delete;
    LiveHub& operator=(const LiveHub&) = delete;

    // A session's stream follows a ticket. `after_id`: the last report id the browser has
    // (Last-Event-ID); 0 starts with the ticket's latest progress and final report.
    void follow(const std::string& ticket, std::shared_ptr<EventStream> stream, const std::string& session_id_hash,
                int64_t after_id);
    // A report for this ticket was stored: send it now rather than at the next poll.
    void ticket_changed(const std::string& ticket);

    size_t followers() const;

private:
    struct Follower {
        std::string ticket;
        std::weak_ptr<EventStream> stream;
        std::string session_id_hash;
        int64_t last_id = 0;
        bool started = false;  // the first reports (latest state) were sent
    };

    void run();
    void poll(bool check_sessions);
    void send_new_reports(Follower& follower);

    Store& store_;
    std::function<int64_t()> now_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<std::shared_ptr<Follower>> followers_;
    bool woken_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace cleanslate::server
