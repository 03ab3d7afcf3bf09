// live_hub.cpp — one polling thread that sends each follower what it has not seen.
#include "api/live_hub.h"

#include <chrono>

#include "api/report_view.h"

namespace cleanslate::server {

namespace {

constexpr auto kPollInterval = std::chrono::seconds(1);
constexpr auto kHeartbeatInterval = std::chrono::seconds(15);

std::string event(const char* name, int64_t id, const Json& data) {
    std::string text;
    if (id > 0) text += "id: " + std::to_string(id) + "\n";
    text += std::string("event: ") + name + "\ndata: " + data.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n\n";
    return text;
}

}  // namespace

LiveHub::LiveHub(Store& store, std::function<int64_t()> now) : store_(store), now_(std::move(now)) {
    thread_ = std::thread([this] { run(); });
}

LiveHub::~LiveHub() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void LiveHub::follow(const std::string& ticket, std::shared_ptr<EventStream> stream, const std::string& session_id_hash,
                     int64_t after_id) {
    auto follower = std::make_shared<Follower>();
    follower->ticket = ticket;
    follower->stream = stream;
    follower->session_id_hash = session_id_hash;
    follower->last_id = after_id;
    follower->started = after_id > 0;
    stream->send("retry: 2000\n" + event("following", 0, Json{{"ticket", ticket}}));
    {
        std::lock_guard<std::mutex> lock(mutex_);
        followers_.push_back(follower);
        woken_ = true;
    }
    wake_.notify_all();
}

void LiveHub::ticket_changed(const std::string& ticket) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        bool followed = false;
        for (const auto& follower : followers_) followed = followed || follower->ticket == ticket;
        if (!followed) return;
        woken_ = true;
    }
    wake_.notify_all();
}

size_t LiveHub::followers() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return followers_.size();
}

void LiveHub::run() {
    auto next_heartbeat = std::chrono::steady_clock::now() + kHeartbeatInterval;
    while (true) {
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait_for(lock, kPollInterval, [this] { return stopping_ || woken_; });
            if (stopping_) return;
            woken_ = false;
        }
        const bool heartbeat = std::chrono::steady_clock::now() >= next_heartbeat;
        if (heartbeat) next_heartbeat = std::chrono::steady_clock::now() + kHeartbeatInterval;
        poll(heartbeat);
    }
}

void LiveHub::poll(bool check_sessions) {
    std::vector<std::shared_ptr<Follower>> followers;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        // Forget the streams whose connection ended.
        followers_.erase(std::remove_if(followers_.begin(), followers_.end(),
                                        [](const auto& f) {
                                            auto stream = f->stream.lock();
                                            return !stream || !stream->is_open();
                                        }),
                         followers_.end());
        followers = followers_;
    }
    for (const auto& follower : followers) {
        auto stream = follower->stream.lock();
        if (!stream) continue;
        if (check_sessions) {
            if (!store_.find_session(follower->session_id_hash, now_())) {
                stream->send(event("session_ended", 0, Json::object()));
                stream->close();
                continue;
            }
            stream->send(": still here\n\n");
        }
        send_new_reports(*follower);
    }
}

void LiveHub::send_new_reports(Follower& follower) {
    auto stream = follower.stream.lock();
    if (!stream) return;
    if (!follower.started) {
        // The latest state first: the newest progress report and the final one.
        for (const ReportRecord& record : store_.latest_reports(follower.ticket)) {
            stream->send(event("report", record.id, report_for_agent(record)));
            follower.last_id = std::max(follower.last_id, record.id);
        }
        follower.started = true;
        return;
    }
    PageRequest page;
    page.after = follower.last_id;
    page.limit = 100;
    for (const ReportRecord& record : store_.reports_for_ticket(follower.ticket, page)) {
        stream->send(event("report", record.id, report_for_agent(record)));
        follower.last_id = record.id;
    }
}

}  // namespace cleanslate::server
