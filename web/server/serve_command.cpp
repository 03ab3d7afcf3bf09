// serve_command.cpp — start-up (key, sites, database, schema, first helpdesk login, socket),
// the demo link, housekeeping, and shutdown on a signal.
#include "serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <thread>

#include "api/api_context.h"
#include "api/live_hub.h"
#include "api/routes.h"
#include "auth/agent_password.h"
#include "core/json_schema.h"
#include "http/http_server.h"
#include "http/request_log.h"
#include "http/security_headers.h"
#include "http/static_site.h"
#include "link_key.h"
#include "notification.h"
#include "store/open_store.h"

namespace cleanslate::server {

const char* report_schema_text();  // generated from web/schemas/report.schema.json

namespace {

int64_t unix_now() { return int64_t(std::time(nullptr)); }

// SIGINT/SIGTERM are blocked in every thread and taken by one waiter that stops the server:
// stop() is not safe to call from a signal handler. Called before any thread starts.
void block_stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

void stop_on_signal(HttpServer& server) {
    std::thread([&server]() {
        sigset_t signals;
        sigemptyset(&signals);
        sigaddset(&signals, SIGINT);
        sigaddset(&signals, SIGTERM);
        int received = 0;
        sigwait(&signals, &received);
        std::printf("Stopping (signal %d)\n", received);
        std::fflush(stdout);
        server.stop();
    }).detach();
}

// Deletes expired sessions and codes every ten minutes.
class Housekeeping {
public:
    explicit Housekeeping(Store& store) : thread_([this, &store] {
          std::unique_lock<std::mutex> lock(mutex_);
          while (!stop_.wait_for(lock, std::chrono::minutes(10), [this] { return stopping_; })) store.purge_expired(unix_now());
      }) {}
    ~Housekeeping() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        stop_.notify_all();
        thread_.join();
    }

private:
    std::mutex mutex_;
    std::condition_variable stop_;
    bool stopping_ = false;
    std::thread thread_;
};

std::string kilobytes(size_t bytes) { return std::to_string((bytes + 512) / 1024) + " KB"; }

int fail(const std::string& message) {
    std::fprintf(stderr, "cleanslate-server: %s\n", message.c_str());
    return 1;
}

// On the very first start (no agent at all) the helpdesk gets one login, printed once.
std::string first_helpdesk_login(Store& store) {
    if (store.agent_count() > 0) return {};
    Agent agent;
    agent.name = "helpdesk";
    const std::string password = generated_agent_password();
    agent.password_hash = hash_agent_password(password);
    agent.created_at = unix_now();
    if (agent.password_hash.empty() || !store.add_agent(agent)) return {};
    return password;
}

}  // namespace

int run_serve_command(const ServeOptions& options) {
    block_stop_signals();
    std::string error;
    const auto key = load_link_key({options.link_key_file, /*create_if_missing=*/true}, error);
    if (!key) return fail(error);
    const auto site = StaticSite::load(options.site, error);
    if (!site) return fail(error);
    std::optional<StaticSite> helpdesk_site;
    if (!options.helpdesk_site.empty() && std::filesystem::exists(options.helpdesk_site)) {
        helpdesk_site = StaticSite::load(options.helpdesk_site, error);
        if (!helpdesk_site) return fail(error);
    }

    std::shared_ptr<const JsonSchema> report_schema;
    {
        auto compiled = JsonSchema::compile(parse_json(report_schema_text()), error);
        if (!compiled) return fail("web/schemas/report.schema.json: " + error);
        report_schema = std::make_shared<const JsonSchema>(std::move(*compiled));
    }

    StoreOptions store_options;
    store_options.sync_every_commit = options.sync_every_commit;
    const auto store = open_store(options.database, store_options, error);
    if (!store) return fail(error);
    const std::string first_password = first_helpdesk_login(*store);

    LiveHub live(*store, unix_now);
    ApiLimits limits;
    ApiContext context;
    context.store = store.get();
    context.link_key = key->key;
    context.now = unix_now;
    context.report_schema = report_schema;
    context.live = &live;
    context.limits = &limits;
    context.helpdesk_phone = options.helpdesk_phone.empty() ? kDemoHelpdeskPhone : options.helpdesk_phone;

    Router router;
    add_all_routes(router, context, Sites{&*site, helpdesk_site ? &*helpdesk_site : nullptr});

    ServerLimits server_limits;
    server_limits.worker_threads = size_t(options.workers);
    server_limits.queue_length = size_t(options.queue);
    server_limits.request_seconds = options.request_timeout;
    HttpServer server(router, server_limits, security_headers(), [](const ExchangeSummary& exchange) {
        std::printf("%s\n", request_log_line(exchange).c_str());
        std::fflush(stdout);
    });
    const int port = server.listen(options.host, options.port, error);
    if (port <= 0) return fail(error + " (in use, or not an address of this machine)");
    stop_on_signal(server);
    Housekeeping housekeeping(*store);

    const std::string base_url =
        options.public_url.empty() ? "http://" + options.host + ":" + std::to_string(port) : options.public_url;
    const LinkPayload demo = demo_notification(unix_now());
    const SiteSummary& summary = site->summary();
    std::printf("Listening on http://%s:%d\n", options.host.c_str(), port);
    std::printf("Site %s: %zu files, %s (%s as sent with gzip, %s with brotli)\n", options.site.c_str(), summary.files,
                kilobytes(summary.bytes).c_str(), kilobytes(summary.bytes_as_sent).c_str(),
                kilobytes(summary.bytes_as_sent_brotli).c_str());
    std::printf("Link key from %s; database %s (%s commits)\n", key->origin.c_str(), printable_database(options.database).c_str(),
                options.sync_every_commit ? "synchronous" : "process-safe");
    if (helpdesk_site) std::printf("Helpdesk: %s/helpdesk/\n", base_url.c_str());
    else std::printf("Helpdesk pages not served: %s not found\n", options.helpdesk_site.c_str());
    if (!first_password.empty())
        std::printf("First helpdesk login (shown once; add agents with cleanslate-desk add-agent): "
                    "name helpdesk, password %s\n",
                    first_password.c_str());
    std::printf("Demo notification (ticket %s, XiongMai recorder, Dutch, valid %lld days) — open this link:\n",
                demo.ticket.c_str(), static_cast<long long>(kLinkValidDays));
    std::printf("Demo link: %s\n", link_url(base_url, mint_link_token(demo, key->key)).c_str());
    std::fflush(stdout);

    return server.run() ? 0 : 1;
}

}  // namespace cleanslate::server
