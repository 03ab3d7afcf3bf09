// command_line.cpp — a small "--name value" / "--name=value" parser.
#include "command_line.h"

#include <cstdlib>
#include <map>

namespace cleanslate::server {

const char* const kUsage =
    "usage:\n"
    "  cleanslate-server [serve] [--site DIR] [--helpdesk-site DIR] [--host 127.0.0.1] [--port 8080]\n"
    "                    [--public-url URL] [--link-key-file FILE] [--database var/cleanslate.db]\n"
    "                    [--helpdesk-phone PHONE] [--workers 16] [--queue 512] [--request-timeout 10]\n"
    "                    [--sync full|normal]\n"
    "      Serves the wizard, its API and the helpdesk; prints a demo notification link, and on the\n"
    "      first start with an empty database creates the helpdesk login 'helpdesk' and prints it.\n"
    "  cleanslate-server mint --ticket ID [--lang nl|en] [--evidence JSON|@FILE|-] [--helpdesk PHONE]\n"
    "                    [--base-url URL] [--days 14] [--link-key-file FILE]\n"
    "      Prints a signed notification link for one case.\n"
    "The link key: --link-key-file, else $CLEANSLATE_LINK_KEY, else var/link.key (the server creates it).\n"
    "The database: a file path (SQLite, the default) or postgresql://user@host/database (PostgreSQL,\n"
    "for several servers behind a load balancer; the password in PGPASSWORD or ~/.pgpass).\n";

namespace {

std::optional<int> parse_number(const std::string& text, int lowest, int highest) {
    if (text.empty() || text.size() > 9) return std::nullopt;
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (*end != '\0' || value < lowest || value > highest) return std::nullopt;
    return int(value);
}

// Splits "--name=value" / "--name value" into a map; false on a stray word or missing value.
bool collect_options(const std::vector<std::string>& arguments, size_t first,
                     std::map<std::string, std::string>& options, std::string& error) {
    for (size_t i = first; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        if (argument == "--help" || argument == "-h") {
            options["help"] = "";
            continue;
        }
        if (argument.rfind("--", 0) != 0) {
            error = "unexpected argument: " + argument;
            return false;
        }
        const size_t equals = argument.find('=');
        if (equals != std::string::npos) {
            options[argument.substr(2, equals - 2)] = argument.substr(equals + 1);
        } else if (i + 1 < arguments.size()) {
            options[argument.substr(2)] = arguments[++i];
        } else {
            error = "missing value for " + argument;
            return false;
        }
    }
    return true;
}

// Moves a known option into `target`, erasing it from the map.
void take(std::map<std::string, std::string>& options, const char* name, std::string& target) {
    auto found = options.find(name);
    if (found == options.end()) return;
    target = found->second;
    options.erase(found);
}

bool take_number(std::map<std::string, std::string>& options, const char* name, int lowest, int highest,
                 int& target, std::string& error) {
    std::string text;
    if (!options.count(name)) return true;
    take(options, name, text);
    auto number = parse_number(text, lowest, highest);
    if (!number) {
        error = std::string("--") + name + " must be a number from " + std::to_string(lowest) + " to " +
                std::to_string(highest);
        return false;
    }
    target = *number;
    return true;
}

}  // namespace

std::optional<CommandLine> parse_command_line(const std::vector<std::string>& arguments, std::string& error) {
    CommandLine command_line;
    size_t first_option = 0;
    if (!arguments.empty() && arguments[0] == "mint") {
        command_line.command = CommandLine::Command::mint;
        first_option = 1;
    } else if (!arguments.empty() && arguments[0] == "serve") {
        first_option = 1;
    }

    std::map<std::string, std::string> options;
    if (!collect_options(arguments, first_option, options, error)) return std::nullopt;
    if (options.count("help")) {
        command_line.command = CommandLine::Command::help;
        return command_line;
    }

    if (command_line.command == CommandLine::Command::serve) {
        ServeOptions& serve = command_line.serve;
        take(options, "site", serve.site);
        take(options, "host", serve.host);
        take(options, "public-url", serve.public_url);
        take(options, "link-key-file", serve.link_key_file);
        take(options, "database", serve.database);
        take(options, "helpdesk-site", serve.helpdesk_site);
        take(options, "helpdesk-phone", serve.helpdesk_phone);
        if (!take_number(options, "port", 0, 65535, serve.port, error)) return std::nullopt;
        if (!take_number(options, "workers", 1, 256, serve.workers, error)) return std::nullopt;
        if (!take_number(options, "queue", 1, 100000, serve.queue, error)) return std::nullopt;
        if (!take_number(options, "request-timeout", 1, 600, serve.request_timeout, error)) return std::nullopt;
        std::string sync = "full";
        take(options, "sync", sync);
        if (sync != "full" && sync != "normal") {
            error = "--sync must be full or normal";
            return std::nullopt;
        }
        serve.sync_every_commit = sync == "full";
    } else {
        MintOptions& mint = command_line.mint;
        take(options, "ticket", mint.ticket);
        take(options, "lang", mint.lang);
        take(options, "evidence", mint.evidence);
        take(options, "helpdesk", mint.helpdesk);
        take(options, "base-url", mint.base_url);
        take(options, "link-key-file", mint.link_key_file);
        if (!take_number(options, "days", 1, 365, mint.days, error)) return std::nullopt;
        if (mint.ticket.empty()) {
            error = "mint needs --ticket";
            return std::nullopt;
        }
    }
    if (!options.empty()) {
        error = "unknown option --" + options.begin()->first;
        return std::nullopt;
    }
    return command_line;
}

}  // namespace cleanslate::server
