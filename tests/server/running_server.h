// running_server.h — test helpers: a throw-away site directory, the real cleanslate-server
// binary started on a free port against it, and raw HTTP requests that no client library
// tidies up first (so "/../etc/passwd" reaches the server exactly as written).
#pragma once
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "test_database.h"

namespace cleanslate::testing {

// The link key every test server is started with, so tests can mint and forge tokens.
constexpr const char* kTestLinkKey = "test-link-key-0123456789";

// --- A temporary site directory ---------------------------------------------------------
class TemporarySite {
public:
    TemporarySite();  // index.html, wizard.js, wizard.wasm, css/app.css, data/devices.json, ...
    ~TemporarySite();
    TemporarySite(const TemporarySite&) = delete;
    TemporarySite& operator=(const TemporarySite&) = delete;

    const std::filesystem::path& root() const { return root_; }
    // A separate directory for the server's files, outside what is served.
    const std::filesystem::path& var_dir() const { return var_dir_; }
    // The server's --database: a file in var_dir, or a fresh PostgreSQL database (test_database.h).
    const std::string& database() const { return database_->location(); }
    std::string contents_of(const std::string& relative_path) const;

private:
    std::filesystem::path root_;
    std::filesystem::path var_dir_;
    std::unique_ptr<TestDatabase> database_;
};

// --- The server process -------------------------------------------------------------------
class RunningServer {
public:
    // `extra_arguments` are added to the command line (e.g. {"--workers", "2"}).
    explicit RunningServer(const TemporarySite& site, std::vector<std::string> extra_arguments = {});
    ~RunningServer();  // SIGTERM, then wait
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    int port() const { return port_; }
    pid_t pid() const { return pid_; }
    const std::string& demo_link() const { return demo_link_; }
    // The first helpdesk login printed on a fresh database ("" when the database had agents).
    const std::string& helpdesk_password() const { return helpdesk_password_; }
    // Everything the server printed so far (start-up lines and request log).
    std::string output();
    // Ends the process with SIGKILL, as a crash would (the destructor then only reaps it).
    void kill_hard();

private:
    pid_t pid_ = -1;
    int output_fd_ = -1;
    int port_ = 0;
    std::string demo_link_;
    std::string helpdesk_password_;
    std::string output_;
};

// --- Running the binaries for a single command ---------------------------------------------
struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};
CommandResult run_server_binary(const std::vector<std::string>& arguments, const std::string& link_key = kTestLinkKey);
CommandResult run_desk_binary(const std::vector<std::string>& arguments, const std::string& stdin_text = {});

// --- Raw HTTP -----------------------------------------------------------------------------
struct RawResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;
    std::string header(const std::string& lower_case_name) const;
    Json json() const { return parse_json(body); }
};
// Sends "METHOD target HTTP/1.1" with the given extra header lines and Connection: close.
RawResponse raw_request(int port, const std::string& method, const std::string& target,
                        const std::vector<std::string>& header_lines = {}, const std::string& body = {});
// POST with Content-Type: application/json.
RawResponse post_json(int port, const std::string& target, const Json& body,
                      const std::vector<std::string>& header_lines = {});
// Sends bytes exactly as given and reads the answer until the server closes (or the timeout).
std::string raw_exchange(int port, const std::string& bytes, int timeout_ms = 5000);
// Parses one response from the front of `raw` (status, headers, Content-Length body); the
// rest stays in `raw`. nullopt when no whole response is there.
std::optional<RawResponse> take_response(std::string& raw);

// A connection kept open for several requests (keep-alive, pipelining, trickling).
class Connection {
public:
    explicit Connection(int port);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    bool send(const std::string& bytes);
    // The next whole response, waiting at most timeout_ms; nullopt on timeout or close.
    std::optional<RawResponse> receive(int timeout_ms = 5000);
    // Reads whatever arrives within timeout_ms (for event streams); false once closed.
    bool read_some(std::string& into, int timeout_ms);
    bool closed_by_server(int timeout_ms);

private:
    int fd_ = -1;
    std::string buffer_;
};

std::string gunzip(const std::string& compressed);

// --- Helpdesk --------------------------------------------------------------------------------
// A logged-in agent: the session cookie and the CSRF token, ready to send.
struct AgentLogin {
    std::string cookie;  // "__Host-cleanslate_session=..."
    std::string csrf;
    std::vector<std::string> headers() const;  // Cookie, X-CSRF-Token, Origin
};
std::optional<AgentLogin> log_in(int port, const std::string& name, const std::string& password);

}  // namespace cleanslate::testing
