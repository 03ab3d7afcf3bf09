// serve_command.cpp — start-up (key, site, socket), the demo link, and shutdown on a signal.
#include "serve_command.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <ctime>
#include <thread>

#include "http_routes.h"
#include "link_key.h"
#include "notification.h"
#include "report_store.h"
#include "static_site.h"

namespace cleanslate::server {

namespace {

int64_t unix_now() { return int64_t(std::time(nullptr)); }

// SIGINT/SIGTERM are blocked in every thread and taken by one waiter that stops the server:
// stop() is not safe to call from a signal handler.
void stop_on_signal(httplib::Server& server) {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread([signals, &server]() {
        int received = 0;
        sigwait(&signals, &received);
        std::printf("Stopping (signal %d)\n", received);
        std::fflush(stdout);
        server.stop();
    }).detach();
}

std::string kilobytes(size_t bytes) { return std::to_string((bytes + 512) / 1024) + " KB"; }

}  // namespace

int run_serve_command(const ServeOptions& options) {
    std::string error;
    const auto key = load_link_key({options.link_key_file, /*create_if_missing=*/true}, error);
    if (!key) {
        std::fprintf(stderr, "cleanslate-server: %s\n", error.c_str());
        return 1;
    }
    const auto site = StaticSite::load(options.site, error);
    if (!site) {
        std::fprintf(stderr, "cleanslate-server: %s\n", error.c_str());
        return 1;
    }

    const auto reports = ReportStore::open(options.database, error);
    if (!reports) {
        std::fprintf(stderr, "cleanslate-server: %s\n", error.c_str());
        return 1;
    }

    httplib::Server server;
    install_routes(server, RouteContext{&*site, reports.get(), key->key, unix_now});
    stop_on_signal(server);

    const int port = options.port == 0 ? server.bind_to_any_port(options.host)
                                       : (server.bind_to_port(options.host, options.port) ? options.port : -1);
    if (port <= 0) {
        std::fprintf(stderr, "cleanslate-server: cannot listen on %s:%d (in use, or not an address of this machine)\n",
                     options.host.c_str(), options.port);
        return 1;
    }

    const std::string base_url =
        options.public_url.empty() ? "http://" + options.host + ":" + std::to_string(port) : options.public_url;
    const LinkPayload demo = demo_notification(unix_now());
    const SiteSummary& summary = site->summary();
    std::printf("Listening on http://%s:%d\n", options.host.c_str(), port);
    std::printf("Site %s: %zu files, %s (%s as sent with gzip, %s with brotli)\n", options.site.c_str(), summary.files,
                kilobytes(summary.bytes).c_str(), kilobytes(summary.bytes_as_sent).c_str(),
                kilobytes(summary.bytes_as_sent_brotli).c_str());
    std::printf("Link key from %s; reports in %s\n", key->origin.c_str(), options.database.c_str());
    std::printf("Demo notification (ticket %s, XiongMai recorder, Dutch, valid %lld days) — open this link:\n",
                demo.ticket.c_str(), static_cast<long long>(kLinkValidDays));
    std::printf("Demo link: %s\n", link_url(base_url, mint_link_token(demo, key->key)).c_str());
    std::fflush(stdout);

    const bool stopped_cleanly = server.listen_after_bind();
    return stopped_cleanly ? 0 : 1;
}

}  // namespace cleanslate::server
