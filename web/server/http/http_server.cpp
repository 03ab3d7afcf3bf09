// http_server.cpp — the event loop, connections, deadlines, workers and event streams.
#include "http/http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <ctime>
#include <deque>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/json.h"

namespace cleanslate::server {

namespace {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;

constexpr uint64_t kListenerId = 0;
constexpr uint64_t kWakeId = 1;
constexpr size_t kReadChunk = 16 * 1024;
constexpr size_t kLingerBytes = 256 * 1024;  // read and dropped after refusing a body, so the refusal arrives
constexpr int kLingerSeconds = 2;
constexpr int kStopGraceSeconds = 5;

std::string json_error_body(std::string_view message) {
    return Json{{"error", std::string(message)}}.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// "Tue, 03 Dec 2024 14:02:00 GMT", formatted once a second.
const std::string& http_date() {
    static thread_local std::time_t formatted_at = 0;
    static thread_local std::string text;
    const std::time_t now = std::time(nullptr);
    if (now != formatted_at) {
        std::tm utc{};
        gmtime_r(&now, &utc);
        char buffer[64];
        std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &utc);
        text = buffer;
        formatted_at = now;
    }
    return text;
}

void set_no_delay(int fd) {
    const int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

std::string peer_address(const sockaddr_storage& address) {
    char text[INET6_ADDRSTRLEN] = "";
    if (address.ss_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(address).sin_addr, text, sizeof text);
    else if (address.ss_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(address).sin6_addr, text, sizeof text);
    return text;
}

bool is_json_media_type(std::string_view content_type) {
    const std::string_view media = content_type.substr(0, content_type.find(';'));
    std::string lower;
    for (char c : media)
        if (c != ' ' && c != '\t') lower.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    return lower == "application/json";
}

bool status_has_no_body(int status) { return status == 204 || status == 304 || status < 200; }

}  // namespace

// --- Mail from other threads to the loop: finished responses and stream traffic ----------
struct EventStream::Mailbox {
    struct Letter {
        uint64_t connection = 0;
        enum class Kind { response, stream_bytes, stream_close } kind = Kind::response;
        Response response;
        std::string bytes;
    };
    std::mutex mutex;
    std::vector<Letter> letters;
    int wake_fd = -1;
    bool open = true;

    void post(Letter letter) {
        {
            std::lock_guard<std::mutex> lock(mutex);
            if (!open) return;
            letters.push_back(std::move(letter));
        }
        const uint64_t one = 1;
        [[maybe_unused]] ssize_t ignored = write(wake_fd, &one, sizeof one);
    }
};

EventStream::EventStream(std::shared_ptr<Mailbox> mailbox, uint64_t connection)
    : mailbox_(std::move(mailbox)), connection_(connection) {}

bool EventStream::send(std::string bytes) {
    if (!open_.load()) return false;
    Mailbox::Letter letter;
    letter.connection = connection_;
    letter.kind = Mailbox::Letter::Kind::stream_bytes;
    letter.bytes = std::move(bytes);
    mailbox_->post(std::move(letter));
    return true;
}

void EventStream::close() {
    if (!open_.exchange(false)) return;
    Mailbox::Letter letter;
    letter.connection = connection_;
    letter.kind = Mailbox::Letter::Kind::stream_close;
    mailbox_->post(std::move(letter));
}

void EventStream::on_close(std::function<void()> callback) { on_close_ = std::move(callback); }

void EventStream::closed_by_server() {
    open_.store(false);
    if (on_close_) {
        auto callback = std::move(on_close_);
        on_close_ = nullptr;
        callback();
    }
}

// --- The server's state ------------------------------------------------------------------
struct HttpServer::Impl {
    enum class State { idle, reading_head, reading_body, handling, writing, streaming, lingering };

    struct Connection {
        uint64_t id = 0;
        int fd = -1;
        std::string address;
        State state = State::idle;
        TimePoint deadline{};
        uint32_t interest = 0;  // epoll events currently asked for

        // Reading.
        std::string in;
        size_t head_searched = 0;
        size_t head_bytes = 0;
        Request request;
        RequestFraming framing;
        const Route* route = nullptr;
        size_t body_reserved = 0;  // counted against the body budget
        TimePoint request_started{};

        // Writing.
        std::string out_head;
        Response out;
        size_t out_sent = 0;  // of out_head + body
        bool head_only = false;
        bool close_after_write = false;

        // Streaming.
        std::shared_ptr<EventStream> stream;
        std::deque<std::string> stream_queue;
        size_t stream_queued = 0;
        size_t stream_sent_front = 0;
        bool stream_closing = false;

        size_t lingered = 0;
        bool peer_closed = false;  // the client shut down its sending side
    };

    struct Job {
        uint64_t connection = 0;
        const Route* route = nullptr;
        Request request;
    };

    const Router& router;
    ServerLimits limits;
    HeaderList default_headers;
    ExchangeLogger logger;

    int listen_fd = -1;
    int epoll_fd = -1;
    int wake_fd = -1;
    int spare_fd = -1;  // given up to accept() and close a connection when out of descriptors
    std::shared_ptr<EventStream::Mailbox> mailbox = std::make_shared<EventStream::Mailbox>();

    std::unordered_map<uint64_t, std::unique_ptr<Connection>> connections;
    std::unordered_map<std::string, size_t> connections_per_address;
    std::set<std::pair<TimePoint, uint64_t>> deadlines;
    uint64_t next_id = 2;
    size_t bodies_held = 0;

    std::mutex jobs_mutex;
    std::condition_variable jobs_ready;
    std::deque<Job> jobs;
    bool workers_stopping = false;
    std::vector<std::thread> workers;

    std::atomic<bool> stop_requested{false};

    Impl(const Router& r, ServerLimits l, HeaderList h, ExchangeLogger g)
        : router(r), limits(l), default_headers(std::move(h)), logger(std::move(g)) {}

    // --- Set-up ------------------------------------------------------------------------------
    int listen_on(const std::string& host, int port, std::string& error) {
        // Allow as many sockets as the hard limit permits: one per connection.
        rlimit files{};
        if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
            files.rlim_cur = files.rlim_max;
            setrlimit(RLIMIT_NOFILE, &files);
        }
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_flags = AI_NUMERICHOST | AI_PASSIVE;
        addrinfo* found = nullptr;
        if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 || !found) {
            error = "not a numeric address: " + host;
            return -1;
        }
        listen_fd = socket(found->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        const int on = 1;
        setsockopt(listen_fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        const bool bound = listen_fd >= 0 && bind(listen_fd, found->ai_addr, found->ai_addrlen) == 0 &&
                           ::listen(listen_fd, 1024) == 0;
        freeaddrinfo(found);
        if (!bound) {
            error = std::string("cannot listen on ") + host + ":" + std::to_string(port) + " (" + std::strerror(errno) + ")";
            return -1;
        }
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        getsockname(listen_fd, reinterpret_cast<sockaddr*>(&address), &length);
        const int chosen = address.ss_family == AF_INET6
                               ? ntohs(reinterpret_cast<sockaddr_in6&>(address).sin6_port)
                               : ntohs(reinterpret_cast<sockaddr_in&>(address).sin_port);

        epoll_fd = epoll_create1(EPOLL_CLOEXEC);
        wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        spare_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
        mailbox->wake_fd = wake_fd;
        watch(listen_fd, kListenerId, EPOLLIN);
        watch(wake_fd, kWakeId, EPOLLIN);
        return chosen;
    }

    void watch(int fd, uint64_t id, uint32_t events) {
        epoll_event event{};
        event.events = events;
        event.data.u64 = id;
        epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event);
    }

    void set_interest(Connection& c, uint32_t events) {
        if (c.interest == events) return;
        epoll_event event{};
        event.events = events;
        event.data.u64 = c.id;
        epoll_ctl(epoll_fd, EPOLL_CTL_MOD, c.fd, &event);
        c.interest = events;
    }

    void set_deadline(Connection& c, TimePoint when) {
        deadlines.erase({c.deadline, c.id});
        c.deadline = when;
        deadlines.insert({when, c.id});
    }

    // --- Workers -------------------------------------------------------------------------------
    void start_workers() {
        for (size_t i = 0; i < limits.worker_threads; ++i) workers.emplace_back([this] { work(); });
    }

    void work() {
        while (true) {
            Job job;
            {
                std::unique_lock<std::mutex> lock(jobs_mutex);
                jobs_ready.wait(lock, [this] { return workers_stopping || !jobs.empty(); });
                if (jobs.empty()) return;
                job = std::move(jobs.front());
                jobs.pop_front();
            }
            EventStream::Mailbox::Letter letter;
            letter.connection = job.connection;
            run_handler(*job.route, job.request, letter.response);
            mailbox->post(std::move(letter));
        }
    }

    static void run_handler(const Route& route, const Request& request, Response& response) {
        try {
            route.handler(request, response);
        } catch (...) {
            // The exception's text may echo request data: not logged.
            response = Response{};
            response.status = 500;
            response.set_header("Content-Type", "application/json");
            response.body = json_error_body("internal error");
        }
    }

    void stop_workers() {
        {
            std::lock_guard<std::mutex> lock(jobs_mutex);
            workers_stopping = true;
        }
        jobs_ready.notify_all();
        for (auto& worker : workers) worker.join();
        workers.clear();
    }

    // --- Accepting -------------------------------------------------------------------------------
    void accept_all() {
        while (true) {
            sockaddr_storage address{};
            socklen_t length = sizeof address;
            const int fd = accept4(listen_fd, reinterpret_cast<sockaddr*>(&address), &length,
                                   SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EINTR || errno == ECONNABORTED) continue;
                if ((errno == EMFILE || errno == ENFILE) && spare_fd >= 0) {
                    // Out of descriptors: take the waiting connection with the spare one and close it,
                    // or epoll would report the listener forever.
                    close(spare_fd);
                    const int dropped = accept(listen_fd, nullptr, nullptr);
                    if (dropped >= 0) close(dropped);
                    spare_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
                    continue;
                }
                return;  // EAGAIN: none left
            }
            std::string client = peer_address(address);
            size_t& from_this_address = connections_per_address[client];
            if (connections.size() >= limits.most_connections ||
                from_this_address >= limits.most_connections_per_address || stop_requested.load()) {
                refuse_at_once(fd);
                if (from_this_address == 0) connections_per_address.erase(client);
                continue;
            }
            set_no_delay(fd);
            ++from_this_address;
            auto connection = std::make_unique<Connection>();
            connection->id = next_id++;
            connection->fd = fd;
            connection->address = std::move(client);
            connection->interest = EPOLLIN | EPOLLRDHUP;
            watch(fd, connection->id, connection->interest);
            set_deadline(*connection, Clock::now() + std::chrono::seconds(limits.idle_seconds));
            connections.emplace(connection->id, std::move(connection));
        }
    }

    // Too many connections: a fast 503 written straight into the socket buffer, then close.
    static void refuse_at_once(int fd) {
        static const std::string answer = [] {
            const std::string body = json_error_body("the server is busy; please try again in a moment");
            return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\n"
                   "Cache-Control: no-store\r\nConnection: close\r\nContent-Length: " +
                   std::to_string(body.size()) + "\r\n\r\n" + body;
        }();
        [[maybe_unused]] ssize_t ignored = send(fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        close(fd);
    }

    // --- Closing -----------------------------------------------------------------------------------
    void close_connection(uint64_t id) {
        auto found = connections.find(id);
        if (found == connections.end()) return;
        Connection& c = *found->second;
        deadlines.erase({c.deadline, c.id});
        epoll_ctl(epoll_fd, EPOLL_CTL_DEL, c.fd, nullptr);
        close(c.fd);
        release_body(c);
        auto per_address = connections_per_address.find(c.address);
        if (per_address != connections_per_address.end() && --per_address->second == 0)
            connections_per_address.erase(per_address);
        std::shared_ptr<EventStream> stream = std::move(c.stream);
        connections.erase(found);
        if (stream) stream->closed_by_server();
    }

    void release_body(Connection& c) {
        bodies_held -= c.body_reserved;
        c.body_reserved = 0;
    }

    // After an answer that leaves a request body unread: stop writing, read and drop what the
    // client is still sending for a moment, then close, so it sees our answer and not a reset.
    void linger(Connection& c) {
        shutdown(c.fd, SHUT_WR);
        c.state = State::lingering;
        c.lingered = 0;
        set_interest(c, EPOLLIN | EPOLLRDHUP);
        set_deadline(c, Clock::now() + std::chrono::seconds(kLingerSeconds));
    }

    // --- Reading requests ----------------------------------------------------------------------------
    void on_readable(Connection& c) {
        if (c.state == State::lingering || c.state == State::streaming) {
            char sink[kReadChunk];
            while (true) {
                const ssize_t got = recv(c.fd, sink, sizeof sink, 0);
                if (got > 0) {
                    c.lingered += size_t(got);
                    if (c.lingered > kLingerBytes) return close_connection(c.id);
                    continue;
                }
                if (got < 0 && (errno == EAGAIN || errno == EINTR)) return;
                return close_connection(c.id);  // end of stream or error
            }
        }
        const size_t head_room = limits.head.largest_head + 64;
        while (true) {
            // Never hold more than the current request needs (head, or head + declared body),
            // plus one read of whatever is pipelined behind it.
            const size_t wanted = c.state == State::reading_body ? c.head_bytes + c.framing.content_length : head_room;
            if (c.in.size() >= wanted + kReadChunk) break;
            const size_t old_size = c.in.size();
            c.in.resize(old_size + kReadChunk);
            const ssize_t got = recv(c.fd, c.in.data() + old_size, kReadChunk, 0);
            c.in.resize(old_size + (got > 0 ? size_t(got) : 0));
            if (got > 0) {
                if (size_t(got) < kReadChunk) break;
                continue;
            }
            if (got < 0 && (errno == EAGAIN || errno == EINTR)) break;
            if (got < 0) return close_connection(c.id);
            // End of stream: a client may send a request and then shut down its side; it is
            // still answered, and the connection closes after.
            c.peer_closed = true;
            break;
        }
        const uint64_t id = c.id;
        advance(c);
        auto still = connections.find(id);
        if (still == connections.end() || !c.peer_closed) return;
        if (c.state == State::idle || c.state == State::reading_head || c.state == State::reading_body)
            return close_connection(id);
        if (c.state == State::handling) set_interest(c, 0);
    }

    // Moves the request on as far as the bytes in hand allow.
    void advance(Connection& c) {
        if (c.state == State::idle) {
            if (c.in.empty()) return;
            c.state = State::reading_head;
            c.request_started = Clock::now();
            c.head_searched = 0;
            set_deadline(c, c.request_started + std::chrono::seconds(limits.request_seconds));
        }
        if (c.state == State::reading_head) {
            const auto end = find_head_end(c.in, c.head_searched);
            if (!end && c.in.size() <= limits.head.largest_head) return;
            c.request = Request{};
            const HeadParse head = parse_request_head(c.in, limits.head, c.request, c.framing);
            if (head.state == HeadParse::State::incomplete) return;
            if (head.state == HeadParse::State::refused)
                return answer_error(c, head.status, head.reason, /*body_unread=*/true);
            c.head_bytes = head.head_bytes;
            c.request.client_address = c.address;
            if (!accept_head(c)) return;
        }
        if (c.state == State::reading_body) {
            if (c.in.size() < c.head_bytes + c.framing.content_length) return;
            c.request.body.assign(c.in, c.head_bytes, size_t(c.framing.content_length));
            c.in.erase(0, c.head_bytes + size_t(c.framing.content_length));
            dispatch(c);
        }
    }

    // The head is complete: choose the route and check the body before reading it.
    bool accept_head(Connection& c) {
        const RouteMatch match = router.match(c.request.method, c.request.path);
        if (!match.route) {
            if (!match.allowed_methods.empty()) {
                Response response = error_response(405, "method not allowed");
                response.set_header("Allow", match.allowed_methods);
                respond(c, std::move(response), c.framing.content_length > 0);
            } else {
                answer_error(c, 404, "not found", c.framing.content_length > 0);
            }
            return false;
        }
        const Route& route = *match.route;
        if (c.framing.content_length > route.largest_body) {
            answer_error(c, 413, route.largest_body == 0 ? "this request takes no body" : "request too large", true);
            return false;
        }
        if (route.json_body && c.framing.content_length > 0 && !is_json_media_type(c.request.header("content-type"))) {
            answer_error(c, 415, "send the body as Content-Type: application/json", true);
            return false;
        }
        if (bodies_held + c.framing.content_length > limits.body_budget) {
            answer_busy(c, true);
            return false;
        }
        c.body_reserved = size_t(c.framing.content_length);
        bodies_held += c.body_reserved;
        c.route = &route;
        c.request.params = match.params;
        c.state = State::reading_body;
        // The whole body must arrive by this deadline, however it trickles.
        const auto body_allowance =
            std::chrono::seconds(c.framing.content_length / limits.slowest_upload_bytes_per_second);
        set_deadline(c, c.request_started + std::chrono::seconds(limits.request_seconds) + body_allowance);
        if (c.framing.expects_continue && c.framing.content_length > 0) {
            static const char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
            [[maybe_unused]] ssize_t ignored = send(c.fd, kContinue, sizeof kContinue - 1, MSG_NOSIGNAL);
        }
        return true;
    }

    void dispatch(Connection& c) {
        const Route& route = *c.route;
        c.state = State::handling;
        set_interest(c, 0);  // nothing to read until this request is answered (errors and hang-ups still arrive)
        if (route.stream_handler) return start_stream(c);
        if (route.on_event_loop) {
            Response response;
            run_handler(route, c.request, response);
            return respond(c, std::move(response), false);
        }
        {
            std::lock_guard<std::mutex> lock(jobs_mutex);
            if (jobs.size() < limits.queue_length) {
                Request for_the_worker = std::move(c.request);
                c.request = Request{};
                c.request.method = for_the_worker.method;  // kept for HEAD and the log
                c.request.path = for_the_worker.path;
                jobs.push_back(Job{c.id, &route, std::move(for_the_worker)});
                jobs_ready.notify_one();
                return;
            }
        }
        answer_busy(c, false);
    }

    // --- Answers ---------------------------------------------------------------------------------------
    Response error_response(int status, std::string_view message) {
        Response response;
        response.status = status;
        response.set_header("Content-Type", "application/json");
        response.set_header("Cache-Control", "no-store");
        response.body = json_error_body(message);
        return response;
    }

    void answer_error(Connection& c, int status, std::string_view message, bool body_unread) {
        respond(c, error_response(status, message), body_unread);
    }

    void answer_busy(Connection& c, bool body_unread) {
        Response response = error_response(503, "the server is busy; please try again in a moment");
        response.set_header("Retry-After", "1");
        respond(c, std::move(response), body_unread);
    }

    // Serialises and starts writing an answer. `body_unread`: the request's body (if any) was
    // not read, so the connection cannot carry another request.
    void respond(Connection& c, Response response, bool body_unread) {
        release_body(c);
        c.head_only = c.request.method == "HEAD";
        c.close_after_write = body_unread || !c.framing.keep_alive || c.peer_closed || stop_requested.load();

        std::string& head = c.out_head;
        head.clear();
        head += "HTTP/1.1 ";
        head += std::to_string(response.status);
        head += ' ';
        head += status_reason(response.status);
        head += "\r\nDate: ";
        head += http_date();
        head += "\r\n";
        for (const auto& [name, value] : default_headers)
            if (response.header(name).empty()) head += name + ": " + value + "\r\n";
        for (const auto& [name, value] : response.headers) head += name + ": " + value + "\r\n";
        if (!status_has_no_body(response.status)) head += "Content-Length: " + std::to_string(response.body_size()) + "\r\n";
        if (c.close_after_write) head += "Connection: close\r\n";
        else if (c.framing.http_1_0) head += "Connection: keep-alive\r\n";
        head += "\r\n";

        if (logger) {
            ExchangeSummary summary;
            summary.request = &c.request;
            summary.status = response.status;
            summary.body_bytes = c.head_only ? 0 : response.body_size();
            summary.content_encoding = response.header("Content-Encoding");
            logger(summary);
        }
        c.out = std::move(response);
        if (c.head_only || status_has_no_body(c.out.status)) {
            c.out.body.clear();
            c.out.shared_body.reset();
        }
        c.out_sent = 0;
        c.state = State::writing;
        const size_t total = c.out_head.size() + c.out.body_size();
        set_deadline(c, Clock::now() + std::chrono::seconds(limits.write_seconds) +
                            std::chrono::seconds(total / limits.slowest_download_bytes_per_second));
        write_some(c);
    }

    void write_some(Connection& c) {
        const std::string_view body = c.out.body_view();
        const size_t total = c.out_head.size() + body.size();
        while (c.out_sent < total) {
            iovec parts[2];
            int count = 0;
            if (c.out_sent < c.out_head.size()) {
                parts[count++] = {c.out_head.data() + c.out_sent, c.out_head.size() - c.out_sent};
                if (!body.empty()) parts[count++] = {const_cast<char*>(body.data()), body.size()};
            } else {
                const size_t offset = c.out_sent - c.out_head.size();
                parts[count++] = {const_cast<char*>(body.data()) + offset, body.size() - offset};
            }
            msghdr message{};
            message.msg_iov = parts;
            message.msg_iovlen = size_t(count);
            const ssize_t sent = sendmsg(c.fd, &message, MSG_NOSIGNAL);
            if (sent > 0) {
                c.out_sent += size_t(sent);
                continue;
            }
            if (sent < 0 && (errno == EAGAIN || errno == EINTR)) {
                set_interest(c, EPOLLOUT);  // not RDHUP: a half-closed reader would wake us in a loop
                return;
            }
            return close_connection(c.id);
        }
        finished_writing(c);
    }

    void finished_writing(Connection& c) {
        c.out = Response{};
        c.out_head.clear();
        if (c.close_after_write) {
            if (!c.peer_closed && (!c.in.empty() || c.framing.content_length > 0)) return linger(c);
            return close_connection(c.id);
        }
        c.state = State::idle;
        c.route = nullptr;
        c.framing = RequestFraming{};
        c.request = Request{};
        set_deadline(c, Clock::now() + std::chrono::seconds(limits.idle_seconds));
        set_interest(c, EPOLLIN | EPOLLRDHUP);
        if (!c.in.empty()) advance(c);  // a pipelined request is already here
    }

    // --- Event streams -------------------------------------------------------------------------------------
    void start_stream(Connection& c) {
        auto stream = std::make_shared<EventStream>(mailbox, c.id);
        Response head;
        try {
            c.route->stream_handler(c.request, head, stream);
        } catch (...) {
            head = error_response(500, "internal error");
        }
        if (head.status != 200) {
            stream->open_.store(false);
            return respond(c, std::move(head), false);
        }
        release_body(c);
        std::string& text = c.out_head;
        text = "HTTP/1.1 200 OK\r\nDate: " + http_date() + "\r\n";
        for (const auto& [name, value] : default_headers)
            if (head.header(name).empty()) text += name + ": " + value + "\r\n";
        for (const auto& [name, value] : head.headers) text += name + ": " + value + "\r\n";
        text += "Connection: close\r\n\r\n";  // the body lasts as long as the connection
        if (logger) {
            ExchangeSummary summary;
            summary.request = &c.request;
            summary.status = 200;
            logger(summary);
        }
        c.stream = std::move(stream);
        c.stream_queue.clear();
        c.stream_queue.push_back(std::move(text));
        c.stream_queued = c.stream_queue.back().size();
        c.stream_sent_front = 0;
        c.out_head.clear();
        c.state = State::streaming;
        c.lingered = 0;
        set_deadline(c, Clock::now() + std::chrono::seconds(limits.stream_seconds));
        flush_stream(c);
    }

    void queue_stream_bytes(Connection& c, std::string bytes) {
        if (c.state != State::streaming || c.stream_closing) return;
        c.stream_queued += bytes.size();
        c.stream_queue.push_back(std::move(bytes));
        if (c.stream_queued > limits.stream_backlog) return close_connection(c.id);  // the reader stopped reading
        flush_stream(c);
    }

    void flush_stream(Connection& c) {
        const uint64_t id = c.id;
        while (!c.stream_queue.empty()) {
            const std::string& front = c.stream_queue.front();
            const ssize_t sent =
                send(c.fd, front.data() + c.stream_sent_front, front.size() - c.stream_sent_front, MSG_NOSIGNAL);
            if (sent < 0 && (errno == EAGAIN || errno == EINTR)) {
                set_interest(c, EPOLLIN | EPOLLOUT | EPOLLRDHUP);
                return;
            }
            if (sent <= 0) return close_connection(id);
            c.stream_sent_front += size_t(sent);
            if (c.stream_sent_front == front.size()) {
                c.stream_queued -= front.size();
                c.stream_queue.pop_front();
                c.stream_sent_front = 0;
            }
        }
        if (c.stream_closing) return close_connection(id);
        set_interest(c, EPOLLIN | EPOLLRDHUP);
    }

    // --- The loop ------------------------------------------------------------------------------------------
    void read_mail() {
        uint64_t count = 0;
        [[maybe_unused]] ssize_t ignored = read(wake_fd, &count, sizeof count);
        std::vector<EventStream::Mailbox::Letter> letters;
        {
            std::lock_guard<std::mutex> lock(mailbox->mutex);
            letters.swap(mailbox->letters);
        }
        for (auto& letter : letters) {
            auto found = connections.find(letter.connection);
            if (found == connections.end()) continue;  // the client left meanwhile
            Connection& c = *found->second;
            switch (letter.kind) {
                case EventStream::Mailbox::Letter::Kind::response:
                    if (c.state == State::handling) respond(c, std::move(letter.response), false);
                    break;
                case EventStream::Mailbox::Letter::Kind::stream_bytes:
                    queue_stream_bytes(c, std::move(letter.bytes));
                    break;
                case EventStream::Mailbox::Letter::Kind::stream_close:
                    if (c.state == State::streaming) {
                        c.stream_closing = true;
                        flush_stream(c);
                    }
                    break;
            }
        }
    }

    void on_event(uint64_t id, uint32_t events) {
        auto found = connections.find(id);
        if (found == connections.end()) return;
        Connection& c = *found->second;
        if (events & EPOLLERR) return close_connection(id);
        if (c.state == State::writing && (events & EPOLLOUT)) return write_some(c);
        if (c.state == State::streaming && (events & EPOLLOUT)) {
            flush_stream(c);
            if (connections.find(id) == connections.end()) return;
        }
        if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP)) {
            if (c.state == State::handling || c.state == State::writing) {
                // The client hung up while we work or write: nobody is left to answer.
                if (events & EPOLLHUP) close_connection(id);
                return;
            }
            on_readable(c);
        }
    }

    void expire_deadlines() {
        const TimePoint now = Clock::now();
        while (!deadlines.empty() && deadlines.begin()->first <= now) {
            const uint64_t id = deadlines.begin()->second;
            deadlines.erase(deadlines.begin());
            auto found = connections.find(id);
            if (found == connections.end()) continue;
            Connection& c = *found->second;
            c.deadline = TimePoint{};
            switch (c.state) {
                case State::reading_head:
                case State::reading_body:
                    // Too slow: say so (the client may be slow, not hostile) and close.
                    answer_error(c, 408, "the request did not arrive in time", true);
                    break;
                case State::handling:
                    set_deadline(c, now + std::chrono::seconds(limits.write_seconds));  // a worker owes us an answer
                    break;
                case State::streaming: {
                    c.stream_closing = true;  // the EventSource reconnects and is checked again
                    flush_stream(c);
                    break;
                }
                default:
                    close_connection(id);
            }
        }
    }

    int milliseconds_to_next_deadline() const {
        if (deadlines.empty()) return 1000;
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(deadlines.begin()->first - Clock::now());
        return int(std::max<int64_t>(0, std::min<int64_t>(1000, wait.count() + 1)));
    }

    bool busy_with_requests() const {
        for (const auto& [id, c] : connections)
            if (c->state == State::handling || c->state == State::writing || c->state == State::reading_body) return true;
        return false;
    }

    bool run() {
        start_workers();
        epoll_event events[256];
        bool stopping = false;
        TimePoint stop_by{};
        while (true) {
            if (stop_requested.load() && !stopping) {
                stopping = true;
                stop_by = Clock::now() + std::chrono::seconds(kStopGraceSeconds);
                epoll_ctl(epoll_fd, EPOLL_CTL_DEL, listen_fd, nullptr);
                close(listen_fd);
                listen_fd = -1;
                std::vector<uint64_t> idle;
                for (const auto& [id, c] : connections)
                    if (c->state == State::idle || c->state == State::streaming || c->state == State::lingering)
                        idle.push_back(id);
                for (uint64_t id : idle) close_connection(id);
            }
            if (stopping && (!busy_with_requests() || Clock::now() >= stop_by)) break;
            const int ready = epoll_wait(epoll_fd, events, 256, stopping ? 50 : milliseconds_to_next_deadline());
            if (ready < 0 && errno != EINTR) return false;
            for (int i = 0; i < ready; ++i) {
                const uint64_t id = events[i].data.u64;
                if (id == kListenerId) accept_all();
                else if (id == kWakeId) read_mail();
                else on_event(id, events[i].events);
            }
            expire_deadlines();
        }
        std::vector<uint64_t> left;
        for (const auto& [id, c] : connections) left.push_back(id);
        for (uint64_t id : left) close_connection(id);
        stop_workers();
        {
            std::lock_guard<std::mutex> lock(mailbox->mutex);
            mailbox->open = false;
        }
        return true;
    }

    ~Impl() {
        stop_workers();
        for (auto& [id, c] : connections) close(c->fd);
        if (listen_fd >= 0) close(listen_fd);
        if (epoll_fd >= 0) close(epoll_fd);
        if (spare_fd >= 0) close(spare_fd);
        {
            std::lock_guard<std::mutex> lock(mailbox->mutex);
            mailbox->open = false;
        }
        if (wake_fd >= 0) close(wake_fd);
    }
};

// --- Public face ---------------------------------------------------------------------------------------
HttpServer::HttpServer(const Router& router, ServerLimits limits, HeaderList default_headers, ExchangeLogger logger)
    : impl_(std::make_unique<Impl>(router, limits, std::move(default_headers), std::move(logger))) {}

HttpServer::~HttpServer() = default;

int HttpServer::listen(const std::string& host, int port, std::string& error) {
    return impl_->listen_on(host, port, error);
}

bool HttpServer::run() { return impl_->run(); }

void HttpServer::stop() {
    impl_->stop_requested.store(true);
    const uint64_t one = 1;
    if (impl_->wake_fd >= 0) {
        [[maybe_unused]] ssize_t ignored = write(impl_->wake_fd, &one, sizeof one);
    }
}

}  // namespace cleanslate::server
