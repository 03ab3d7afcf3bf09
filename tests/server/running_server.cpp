// running_server.cpp — process, site and socket plumbing for the server tests.
#include "running_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "http/gzip.h"

namespace cleanslate::testing {

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& path, const std::string& contents) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << contents;
}

std::string repeated(const std::string& line, int times) {
    std::string text;
    for (int i = 0; i < times; ++i) text += line;
    return text;
}

// Reads whatever is available on fd within timeout_ms; false at end of file.
bool read_available(int fd, std::string& into, int timeout_ms) {
    pollfd waiting{fd, POLLIN, 0};
    if (poll(&waiting, 1, timeout_ms) <= 0) return true;
    char buffer[4096];
    const ssize_t got = read(fd, buffer, sizeof buffer);
    if (got <= 0) return false;
    into.append(buffer, size_t(got));
    return true;
}

std::string lower_case(std::string text) {
    for (char& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

}  // namespace

// --- A temporary site directory ---------------------------------------------------------
TemporarySite::TemporarySite() {
    char pattern[] = "/tmp/cleanslate-site-XXXXXX";
    if (!mkdtemp(pattern)) throw std::runtime_error("mkdtemp failed");
    root_ = pattern;
    char var_pattern[] = "/tmp/cleanslate-var-XXXXXX";
    if (!mkdtemp(var_pattern)) throw std::runtime_error("mkdtemp failed");
    var_dir_ = var_pattern;
    database_ = std::make_unique<TestDatabase>(var_dir_);
    write_file(root_ / "index.html",
               "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>CleanSlate</title>"
               "<link rel=\"stylesheet\" href=\"css/app.css\"></head><body><canvas id=\"canvas\"></canvas>"
               "<script src=\"wizard.js\"></script></body></html>\n" +
                   repeated("<!-- padding so gzip has something to do -->\n", 20));
    write_file(root_ / "wizard.js", "// wizard glue\n" + repeated("var Module = Module || {};\n", 200));
    std::string wasm("\0asm\x01\0\0\0", 8);
    wasm += repeated(std::string("\x01\x02\x03\x04", 4), 1000);
    write_file(root_ / "wizard.wasm", wasm);
    write_file(root_ / "css/app.css", repeated("html, body { margin: 0; height: 100%; }\n", 50));
    write_file(root_ / "js/bridge.3f2a9c1b.js", repeated("export const bridge = {};\n", 40));
    write_file(root_ / "data/devices.json", "{\"makers\": [" + repeated("{\"id\": \"xiongmai\"},", 60) + "{}]}");
    write_file(root_ / "data/words-nl.txt", repeated("fiets\nmolen\nkaas\n", 100));
    write_file(root_ / "fonts/NotoSans.woff2", std::string("wOF2\x00\x01\x02\x03", 8));
    write_file(root_ / "blob.unknownext", "???");
    write_file(root_ / ".secret", "never served");
}

TemporarySite::~TemporarySite() {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
    fs::remove_all(var_dir_, ignored);
}

std::string TemporarySite::contents_of(const std::string& relative_path) const {
    std::ifstream in(root_ / relative_path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// --- The server process -------------------------------------------------------------------
RunningServer::RunningServer(const TemporarySite& site, std::vector<std::string> extra_arguments) {
    std::vector<std::string> arguments = {CS_SERVER_BINARY, "--site", site.root().string(), "--host", "127.0.0.1",
                                          "--port", "0", "--database", site.database(),
                                          "--helpdesk-site", CS_HELPDESK_SITE};
    arguments.insert(arguments.end(), extra_arguments.begin(), extra_arguments.end());
    std::vector<char*> argv;
    for (std::string& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
        dup2(pipe_fds[1], STDOUT_FILENO);
        dup2(pipe_fds[1], STDERR_FILENO);
        close(pipe_fds[0]);
        setenv("CLEANSLATE_LINK_KEY", kTestLinkKey, 1);
        execv(CS_SERVER_BINARY, argv.data());
        _exit(127);
    }
    close(pipe_fds[1]);
    output_fd_ = pipe_fds[0];

    // Wait for the start-up lines: the chosen port and the demo link.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        if (!read_available(output_fd_, output_, 100)) break;
        const size_t demo = output_.find("Demo link: ");
        const size_t listening = output_.find("Listening on http://127.0.0.1:");
        if (demo != std::string::npos && listening != std::string::npos && output_.find('\n', demo) != std::string::npos) {
            port_ = std::atoi(output_.c_str() + listening + 30);
            demo_link_ = output_.substr(demo + 11, output_.find('\n', demo) - demo - 11);
            const std::string marker = "name helpdesk, password ";
            const size_t login = output_.find(marker);
            if (login != std::string::npos)
                helpdesk_password_ = output_.substr(login + marker.size(), output_.find('\n', login) - login - marker.size());
            return;
        }
    }
    kill(pid_, SIGTERM);  // the destructor will not run for a constructor that throws
    waitpid(pid_, nullptr, 0);
    close(output_fd_);
    throw std::runtime_error("cleanslate-server did not start; it said:\n" + output_);
}

RunningServer::~RunningServer() {
    if (pid_ > 0) {
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
    }
    if (output_fd_ >= 0) close(output_fd_);
}

void RunningServer::kill_hard() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

std::string RunningServer::output() {
    while (read_available(output_fd_, output_, 200)) {
        pollfd waiting{output_fd_, POLLIN, 0};
        if (poll(&waiting, 1, 0) <= 0) break;
    }
    return output_;
}

// --- Running the binary for a single command ---------------------------------------------
namespace {

CommandResult run_binary(const char* binary, const std::vector<std::string>& arguments, const std::string& link_key,
                         const std::string& stdin_text) {
    int out_pipe[2], err_pipe[2], in_pipe[2];
    if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0 || pipe(in_pipe) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(out_pipe[1], STDOUT_FILENO);
        dup2(err_pipe[1], STDERR_FILENO);
        dup2(in_pipe[0], STDIN_FILENO);
        close(out_pipe[0]);
        close(err_pipe[0]);
        close(in_pipe[1]);
        if (link_key.empty()) unsetenv("CLEANSLATE_LINK_KEY");
        else setenv("CLEANSLATE_LINK_KEY", link_key.c_str(), 1);
        std::vector<char*> argv{const_cast<char*>(binary)};
        for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
        argv.push_back(nullptr);
        execv(binary, argv.data());
        _exit(127);
    }
    close(in_pipe[0]);
    [[maybe_unused]] ssize_t written = write(in_pipe[1], stdin_text.data(), stdin_text.size());
    close(in_pipe[1]);
    close(out_pipe[1]);
    close(err_pipe[1]);
    CommandResult result;
    bool out_open = true, err_open = true;
    while (out_open || err_open) {
        if (out_open) out_open = read_available(out_pipe[0], result.out, 50);
        if (err_open) err_open = read_available(err_pipe[0], result.err, 50);
    }
    close(out_pipe[0]);
    close(err_pipe[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

}  // namespace

CommandResult run_server_binary(const std::vector<std::string>& arguments, const std::string& link_key) {
    return run_binary(CS_SERVER_BINARY, arguments, link_key, {});
}

CommandResult run_desk_binary(const std::vector<std::string>& arguments, const std::string& stdin_text) {
    return run_binary(CS_DESK_BINARY, arguments, kTestLinkKey, stdin_text);
}

// --- Raw HTTP -----------------------------------------------------------------------------
std::string RawResponse::header(const std::string& lower_case_name) const {
    auto found = headers.find(lower_case_name);
    return found == headers.end() ? std::string() : found->second;
}

namespace {

int connect_to(int port) {
    const int sock = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        close(sock);
        throw std::runtime_error("cannot connect to the server");
    }
    return sock;
}

bool send_all(int sock, const std::string& bytes) {
    for (size_t sent = 0; sent < bytes.size();) {
        const ssize_t n = send(sock, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += size_t(n);
    }
    return true;
}

}  // namespace

std::string raw_exchange(int port, const std::string& bytes, int timeout_ms) {
    const int sock = connect_to(port);
    send_all(sock, bytes);
    std::string raw;
    while (read_available(sock, raw, timeout_ms)) {
        pollfd waiting{sock, POLLIN, 0};
        if (poll(&waiting, 1, timeout_ms) <= 0) break;
    }
    close(sock);
    return raw;
}

namespace {

// Status line and headers of the response whose head ends at header_end.
RawResponse parse_head(const std::string& raw, size_t header_end) {
    RawResponse response;
    response.status = std::atoi(raw.c_str() + 9);
    std::istringstream lines(raw.substr(0, header_end));
    std::string line;
    std::getline(lines, line);  // status line
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        response.headers[lower_case(line.substr(0, colon))] = value;
    }
    return response;
}

}  // namespace

std::optional<RawResponse> take_response(std::string& raw) {
    const size_t header_end = raw.find("\r\n\r\n");
    if (raw.rfind("HTTP/1.1 ", 0) != 0 || header_end == std::string::npos) return std::nullopt;
    RawResponse response = parse_head(raw, header_end);
    size_t body_length = raw.size() - header_end - 4;  // no Content-Length: the rest (the server closes)
    const std::string length = response.header("content-length");
    if (!length.empty()) body_length = size_t(std::atoll(length.c_str()));
    if (response.status == 304 || response.status == 204 || response.status < 200) body_length = 0;
    if (raw.size() < header_end + 4 + body_length) return std::nullopt;
    response.body = raw.substr(header_end + 4, body_length);
    raw.erase(0, header_end + 4 + body_length);
    return response;
}

RawResponse raw_request(int port, const std::string& method, const std::string& target,
                        const std::vector<std::string>& header_lines, const std::string& body) {
    std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const std::string& line : header_lines) request += line + "\r\n";
    if (!body.empty()) request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    request += "\r\n" + body;
    std::string raw = raw_exchange(port, request);
    const size_t header_end = raw.find("\r\n\r\n");
    if (raw.rfind("HTTP/1.1 ", 0) != 0 || header_end == std::string::npos) return {};
    if (method == "HEAD") return parse_head(raw, header_end);  // a length is announced, no body follows
    auto response = take_response(raw);
    return response ? *response : RawResponse{};
}

RawResponse post_json(int port, const std::string& target, const Json& body, const std::vector<std::string>& header_lines) {
    std::vector<std::string> headers = header_lines;
    headers.push_back("Content-Type: application/json");
    return raw_request(port, "POST", target, headers, body.dump());
}

// --- A kept-open connection ---------------------------------------------------------------
Connection::Connection(int port) : fd_(connect_to(port)) {}
Connection::~Connection() {
    if (fd_ >= 0) close(fd_);
}
bool Connection::send(const std::string& bytes) { return send_all(fd_, bytes); }

std::optional<RawResponse> Connection::receive(int timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (true) {
        if (auto response = take_response(buffer_)) return response;
        const int left = int(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
        if (left <= 0) return std::nullopt;
        pollfd waiting{fd_, POLLIN, 0};
        if (poll(&waiting, 1, left) <= 0) return std::nullopt;
        char chunk[16384];
        const ssize_t got = recv(fd_, chunk, sizeof chunk, 0);
        if (got <= 0) return take_response(buffer_);
        buffer_.append(chunk, size_t(got));
    }
}

bool Connection::read_some(std::string& into, int timeout_ms) {
    into += buffer_;
    buffer_.clear();
    return read_available(fd_, into, timeout_ms);
}

bool Connection::closed_by_server(int timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd waiting{fd_, POLLIN, 0};
        if (poll(&waiting, 1, 50) <= 0) continue;
        char chunk[16384];
        const ssize_t got = recv(fd_, chunk, sizeof chunk, 0);
        if (got <= 0) return true;
        buffer_.append(chunk, size_t(got));
    }
    return false;
}

std::string gunzip(const std::string& compressed) {
    return server::gzip_decompress(compressed).value_or(std::string());
}

// --- Helpdesk --------------------------------------------------------------------------------
std::vector<std::string> AgentLogin::headers() const {
    return {"Cookie: " + cookie, "X-CSRF-Token: " + csrf, "Origin: http://127.0.0.1"};
}

std::optional<AgentLogin> log_in(int port, const std::string& name, const std::string& password) {
    const RawResponse response = post_json(port, "/api/helpdesk/login", Json{{"name", name}, {"password", password}},
                                           {"Origin: http://127.0.0.1"});
    if (response.status != 200) return std::nullopt;
    const std::string set_cookie = response.header("set-cookie");
    AgentLogin login;
    login.cookie = set_cookie.substr(0, set_cookie.find(';'));
    login.csrf = json_string(response.json(), "csrf_token");
    return login;
}

}  // namespace cleanslate::testing
