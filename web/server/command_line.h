// command_line.h — the two ways to run cleanslate-server:
//   cleanslate-server [serve] [--site DIR] [--helpdesk-site DIR] [--host H] [--port N] [--public-url URL]
//                     [--link-key-file F] [--database var/cleanslate.db] [--helpdesk-phone PHONE]
//                     [--workers N] [--queue N] [--request-timeout SECONDS] [--sync full|normal]
//   cleanslate-server mint --ticket ID [--lang nl|en] [--evidence JSON|@FILE|-] [--helpdesk PHONE]
//                          [--base-url URL] [--days N] [--link-key-file F]
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace cleanslate::server {

struct ServeOptions {
    std::string site = "build/wasm/site";
    std::string host = "127.0.0.1";
    int port = 8080;          // 0: any free port (the chosen one is printed)
    std::string public_url;   // base of printed links; default http://<host>:<port>
    std::string link_key_file;
    std::string database = "var/cleanslate.db";  // a file (SQLite, WAL) or postgresql://... (store/open_store.h)
    std::string helpdesk_site = "build/native/helpdesk-site";  // the helpdesk's pages ("" or missing: none)
    std::string helpdesk_phone;  // put into links of helpdesk-started cases; default: the demo number
    int workers = 16;            // handler threads (they wait on database commits)
    int queue = 512;             // requests waiting for a worker; beyond, 503 at once
    int request_timeout = 10;    // seconds for a request's head and body to arrive (plus time for its size)
    bool sync_every_commit = true;  // --sync normal: survive kill -9 but not a power cut (benchmarks)
};

struct MintOptions {
    std::string ticket;
    std::string lang = "nl";
    std::string evidence = "{}";  // JSON text, "@path" to read a file, "-" for stdin
    std::string helpdesk;         // default: the demo number
    std::string base_url;         // default: $CLEANSLATE_PUBLIC_URL or http://127.0.0.1:8080
    int days = 14;
    std::string link_key_file;
};

struct CommandLine {
    enum class Command { serve, mint, help } command = Command::serve;
    ServeOptions serve;
    MintOptions mint;
};

// nullopt with `error` set for unknown options, missing values or values out of range.
std::optional<CommandLine> parse_command_line(const std::vector<std::string>& arguments, std::string& error);

extern const char* const kUsage;

}  // namespace cleanslate::server
