// http_server.h — the HTTP/1.1 transport: one epoll event loop, a pool of worker threads.
//
// Why not cpp-httplib (Debian's 0.11.4, which this server used first)? Measured against it
// (issue 11): eight connections trickling bytes stopped it answering anyone for 30 s and more,
// because every connection holds one of a fixed number of threads and its timeout is per
// recv(), so a byte every few seconds keeps a thread forever; a JSON body ~22 800 levels deep
// crashed it; a 100 MB body was read to the end before the 413; and a small answer on a
// kept-alive connection took ~40 ms (p50 42 ms) waiting on delayed ACKs. Its hooks cannot
// fix the first: TaskQueue::enqueue returns void, so a full queue cannot answer 503; there
// is no per-request deadline a stream can check; and a server-sent-events follower would
// hold a worker thread for the length of a call. So this file owns the connections instead:
//
//   - One thread runs epoll over every socket. A connection costs a few hundred bytes and no
//     thread while it waits, so slow or idle clients cannot starve anyone.
//   - Deadlines are absolute and per request: the head and body must arrive within
//     request_seconds (plus time for the declared body at slowest_upload_bytes_per_second),
//     the answer must be taken within write_seconds (plus its size at the slowest download
//     rate). Trickling bytes never moves a deadline. An idle kept-alive connection is closed
//     after idle_seconds.
//   - A route is chosen from the head; Content-Length is checked against the route before a
//     byte of body is read (413), and the JSON routes take only application/json (415).
//   - Handlers run on worker threads fed by a bounded queue. When it is full, or the bodies
//     held in memory would pass their budget, the answer is an immediate 503 with
//     Retry-After — the loop never waits for a worker.
//   - TCP_NODELAY on every socket and one writev() per answer: no delayed-ACK stalls.
//   - Event streams (helpdesk live view) are connections the loop keeps open and writes to
//     when EventStream::send() is called from any thread; a follower that stops reading is
//     dropped once stream_backlog bytes wait for it.
// What it does not do: TLS (put the provider's TLS terminator or CDN in front), HTTP/2,
// chunked request bodies (refused with 411; browsers send Content-Length).
#pragma once
#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "http/http_message.h"
#include "http/request_parser.h"
#include "http/router.h"

namespace cleanslate::server {

struct ServerLimits {
    HeadLimits head;
    int request_seconds = 10;                    // head + body, from the request's first byte
    size_t slowest_upload_bytes_per_second = 16 * 1024;
    int write_seconds = 10;                      // for an answer, from when it is ready
    size_t slowest_download_bytes_per_second = 16 * 1024;
    int idle_seconds = 15;                       // a kept-alive connection between requests
    int stream_seconds = 3600;                   // an event stream is closed (and reconnects) after this
    size_t stream_backlog = 256 * 1024;          // bytes waiting for a slow event-stream reader
    size_t most_connections = 4000;
    size_t most_connections_per_address = 256;   // many homes share one address behind carrier NAT
    size_t worker_threads = 16;                  // handlers block on the database's commits
    size_t queue_length = 512;                   // requests waiting for a worker; more get 503
    size_t body_budget = 256u << 20;             // request bodies held in memory at once; more get 503
};

// What the transport tells the log about each answered request (see request_log.h).
struct ExchangeSummary {
    const Request* request = nullptr;
    int status = 0;
    size_t body_bytes = 0;
    std::string_view content_encoding;
};
using ExchangeLogger = std::function<void(const ExchangeSummary&)>;

// --- An event stream (text/event-stream) held open by the event loop -------------------
class EventStream {
public:
    struct Mailbox;  // the server's side; private
    EventStream(std::shared_ptr<Mailbox> mailbox, uint64_t connection);
    // Queues bytes for the client; false once the stream is closed. Safe from any thread.
    bool send(std::string bytes);
    // Ends the stream (the client's EventSource reconnects by itself).
    void close();
    bool is_open() const { return open_.load(); }
    // Called once, on the event loop, when the connection ends for any reason.
    void on_close(std::function<void()> callback);

private:
    friend class HttpServer;
    void closed_by_server();
    std::shared_ptr<Mailbox> mailbox_;
    uint64_t connection_;
    std::atomic<bool> open_{true};
    std::function<void()> on_close_;
};

// --- The server ----------------------------------------------------------------------------
class HttpServer {
public:
    HttpServer(const Router& router, ServerLimits limits, HeaderList default_headers, ExchangeLogger logger);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and listens; port 0 picks a free one. The chosen port, or -1 with `error` set.
    int listen(const std::string& host, int port, std::string& error);
    // Runs the event loop on this thread until stop(). True after a clean stop.
    bool run();
    // From any thread (or a signal-waiting thread): stop accepting, finish the requests in
    // hand (at most a few seconds), then return from run().
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cleanslate::server
