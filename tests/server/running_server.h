// running_server.h — test helpers: a throw-away site directory, the real cleanslate-server
// binary started on a free port against it, and raw HTTP requests that no client library
// tidies up first (so "/../etc/passwd" reaches the server exactly as written).
#pragma once
#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

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
    // A separate directory for the server's database, outside what is served.
    const std::filesystem::path& var_dir() const { return var_dir_; }
    std::string contents_of(const std::string& relative_path) const;

private:
    std::filesystem::path root_;
    std::filesystem::path var_dir_;
};

// --- The server process -------------------------------------------------------------------
class RunningServer {
public:
    explicit RunningServer(const TemporarySite& site);
    ~RunningServer();  // SIGTERM, then wait
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    int port() const { return port_; }
    const std::string& demo_link() const { return demo_link_; }
    // Everything the server printed so far (start-up lines and request log).
    std::string output();

private:
    pid_t pid_ = -1;
    int output_fd_ = -1;
    int port_ = 0;
    std::string demo_link_;
    std::string output_;
};

// --- Running the binary for a single command ---------------------------------------------
struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};
CommandResult run_server_binary(const std::vector<std::string>& arguments, const std::string& link_key = kTestLinkKey);

// --- Raw HTTP -----------------------------------------------------------------------------
struct RawResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;
    std::string header(const std::string& lower_case_name) const;
};
// Sends "METHOD target HTTP/1.1" with the given extra header lines and Connection: close.
RawResponse raw_request(int port, const std::string& method, const std::string& target,
                        const std::vector<std::string>& header_lines = {}, const std::string& body = {});

std::string gunzip(const std::string& compressed);

}  // namespace cleanslate::testing
