// cleanslate-desk — the abuse desk's command line.
//   cleanslate-desk identify [--db FILE]              one JSON evidence object on stdin -> one JSON result
//   cleanslate-desk identify [--db FILE] --csv FILE   a feed CSV -> JSON lines, one result per data row:
//       {"line": N, "src_ip": "...", "timestamp": "...", "confident": ..., "candidates": [...]}
//   cleanslate-desk add-agent NAME | set-password NAME   helpdesk accounts (agents_command.h)
//   cleanslate-desk import-feed FILE.csv                 feed rows -> cases (import_command.h)
//   cleanslate-desk notify --out DIR ...                 new cases and news -> .eml files (notify_command.h)
//   cleanslate-desk verify --quiet-days N                quiet cases -> verified clean (verify_command.h)
// The database defaults to the packed file the build writes (data/devices.json).
// Any bad input — not JSON, wrong types, unknown category, unreadable or malformed CSV, a
// database that does not load — prints one line on stderr and exits with status 2.
#include <iostream>
#include <iterator>
#include <string>

#include "agents_command.h"
#include "core/device_db.h"
#include "core/evidence.h"
#include "core/identify.h"
#include "feed_csv.h"
#include "file_text.h"
#include "identification_json.h"
#include "import_command.h"
#include "notify_command.h"
#include "verify_command.h"

#ifndef CS_DEFAULT_DB
#define CS_DEFAULT_DB "data/devices.json"
#endif

namespace {

using namespace cleanslate;

constexpr int kBadInput = 2;
constexpr const char* kUsage =
    "usage: cleanslate-desk identify [--db FILE] [--csv FILE]\n"
    "  reads one JSON evidence object from stdin (or a feed CSV with --csv) and writes the\n"
    "  ranked device candidates as JSON (JSON lines for --csv, one per data row)\n"
    "usage: cleanslate-desk add-agent NAME [--database var/cleanslate.db] [--generate-password]\n"
    "       cleanslate-desk set-password NAME [--database var/cleanslate.db] [--generate-password]\n"
    "  a helpdesk login; the password is read from stdin (asked twice on a terminal) or generated\n"
    "usage: cleanslate-desk import-feed FILE.csv [--database var/cleanslate.db] [--db FILE] [--lang nl|en]\n"
    "                                    [--ticket-prefix CS-2026-] [--progress|--no-progress]\n"
    "  infection feed rows -> cases; needs a customer column (the provider's customer id) and a\n"
    "  timestamp; optional ticket, email, language. Bad rows are named on stderr (exit status 3)\n"
    "usage: cleanslate-desk notify --out DIR --from \"Name <address>\" --helpdesk PHONE [--base-url URL]\n"
    "                              [--database var/cleanslate.db] [--days 14] [--link-key-file F]\n"
    "  one .eml per case not notified yet, in the customer's language, with its signed link;\n"
    "  then one per case with news since: seen again after its report, or verified clean\n"
    "usage: cleanslate-desk verify --quiet-days N [--database var/cleanslate.db]\n"
    "  cases reported 'remediated' with no sighting for N days after (as far as the imported feed\n"
    "  reaches) become verified clean; run it after every import-feed\n"
    "--database: a file path (SQLite, the default) or postgresql://user@host/database (PostgreSQL)\n";

int fail(const std::string& message) {
    std::string one_line = message;
    for (char& c : one_line)
        if (c == '\n' || c == '\r') c = ' ';
    std::cerr << "cleanslate-desk: " << one_line << "\n";
    return kBadInput;
}

// --- identify --------------------------------------------------------------------------
int identify_command(int argc, char** argv) {
    std::string db_path = CS_DEFAULT_DB, csv_path;
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        if ((arg == "--db" || arg == "--csv") && i + 1 < argc) (arg == "--db" ? db_path : csv_path) = argv[++i];
        else if (arg == "--help" || arg == "-h") { std::cout << kUsage; return 0; }
        else return fail("unknown argument '" + arg + "' (try --help)");
    }

    const auto db_text = server::read_whole_file(db_path);
    if (!db_text) return fail("cannot read the device database " + db_path);
    std::string error;
    DeviceDb db;
    if (!load_device_db(*db_text, db, error)) return fail(db_path + ": " + error);

    if (!csv_path.empty()) {
        const auto csv_text = server::read_whole_file(csv_path);
        if (!csv_text) return fail("cannot read " + csv_path);
        std::vector<desk::FeedRow> rows;
        if (!desk::read_feed(*csv_text, rows, error)) return fail(csv_path + ": " + error);
        for (const auto& row : rows) {
            Json out = {{"line", row.line}};
            if (!row.src_ip.empty()) out["src_ip"] = row.src_ip;
            if (!row.timestamp.empty()) out["timestamp"] = row.timestamp;
            Json result = desk::identification_to_json(identify(db, row.evidence));
            out.update(result);
            std::cout << out.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
        }
        return 0;
    }

    std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    Json json = parse_json(input);
    if (json.is_discarded()) return fail("stdin is not valid JSON");
    EvidenceParse parsed = parse_evidence(json);
    if (!parsed.ok()) return fail(parsed.error);
    Json result = desk::identification_to_json(identify(db, parsed.evidence));
    std::cout << result.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return fail("no command given (try --help)");
    if (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        std::cout << kUsage;
        return 0;
    }
    if (std::string(argv[1]) == "identify") return identify_command(argc, argv);
    if (std::string(argv[1]) == "add-agent" || std::string(argv[1]) == "set-password")
        return cleanslate::desk::run_agents_command(argc, argv);
    if (std::string(argv[1]) == "import-feed") return cleanslate::desk::run_import_command(argc, argv);
    if (std::string(argv[1]) == "notify") return cleanslate::desk::run_notify_command(argc, argv);
    if (std::string(argv[1]) == "verify") return cleanslate::desk::run_verify_command(argc, argv);
    return fail(std::string("unknown command '") + argv[1] + "' (try --help)");
}
