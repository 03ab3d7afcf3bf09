// import_command.cpp — streaming the feed into the store in batches.
#include "import_command.h"

#include <arpa/inet.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unordered_map>

#include "core/device_db.h"
#include "core/identify.h"
#include "core/link_token.h"
#include "feed_csv.h"
#include "file_text.h"
#include "notification.h"
#include "store/open_store.h"

#ifndef CS_DEFAULT_DB
#define CS_DEFAULT_DB "data/devices.json"
#endif

namespace cleanslate::desk {

namespace {

using namespace cleanslate::server;

constexpr size_t kBatchRows = 2000;           // rows per transaction: one fsync per batch
constexpr size_t kRememberedIdentifications = 4096;  // feeds repeat the same devices

int fail(const std::string& message, int status = 2) {
    std::cerr << "cleanslate-desk: " << message << "\n";
    return status;
}

// An address the provider's mail system can put in To: as it is — nothing that could add a
// header or a second recipient.
bool is_plain_address(const std::string& address) {
    if (address.size() > 254) return false;
    const size_t at = address.find('@');
    if (at == 0 || at == std::string::npos || at + 1 == address.size() || address.find('@', at + 1) != std::string::npos)
        return false;
    for (unsigned char c : address)
        if (c <= ' ' || c == 0x7f || c == ',' || c == ';' || c == '<' || c == '>' || c == '"' || c == '(' || c == ')')
            return false;
    return true;
}

// The customer id goes into the e-mail's headers: an IP address there would put the
// customer's address into the e-mail after all.
bool is_ip_address(const std::string& text) {
    unsigned char address[16];
    return inet_pton(AF_INET, text.c_str(), address) == 1 || inet_pton(AF_INET6, text.c_str(), address) == 1;
}

// --- What the engine made of a row's evidence, remembered for the rows that repeat it --------
struct DeviceGuess {
    std::string device_id;
    std::string category;
    bool confident = false;
};

class IdentificationCache {
public:
    explicit IdentificationCache(const DeviceDb& db) : db_(db) {}
    const DeviceGuess& guess(const std::string& evidence_key, const Evidence& evidence) {
        auto found = guesses_.find(evidence_key);
        if (found != guesses_.end()) return found->second;
        if (guesses_.size() >= kRememberedIdentifications) guesses_.clear();  // bounded, and simple
        const Identification identification = identify(db_, evidence);
        DeviceGuess guess;
        guess.confident = identification.confident;
        if (!identification.candidates.empty()) {
            guess.device_id = identification.candidates.front().id;
            guess.category = identification.candidates.front().category;
        }
        return guesses_.emplace(evidence_key, std::move(guess)).first->second;
    }

private:
    const DeviceDb& db_;
    std::unordered_map<std::string, DeviceGuess> guesses_;
};

// --- Progress on a terminal -----------------------------------------------------------------------
class ProgressBar {
public:
    ProgressBar(bool shown, uint64_t total_bytes) : shown_(shown), total_(total_bytes) {}
    void update(uint64_t bytes, uint64_t rows) {
        if (!shown_) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - last_ < std::chrono::milliseconds(200)) return;
        last_ = now;
        draw(bytes, rows);
    }
    // Before a message line, so it does not land in the middle of the bar.
    void clear_line() {
        if (shown_) std::fputs("\r\x1b[K", stderr);
    }
    void finish(uint64_t bytes, uint64_t rows) {
        if (!shown_) return;
        draw(bytes, rows);
        std::fputc('\n', stderr);
    }

private:
    void draw(uint64_t bytes, uint64_t rows) {
        const int percent = total_ ? int(bytes * 100 / total_) : 100;
        const int filled = percent * 30 / 100;
        std::fprintf(stderr, "\r[%.*s%*s] %3d%%  %llu rows", filled, "##############################", 30 - filled, "",
                     percent, static_cast<unsigned long long>(rows));
        std::fflush(stderr);
    }
    bool shown_;
    uint64_t total_;
    std::chrono::steady_clock::time_point last_{};
};

struct Tally {
    uint64_t rows = 0, new_cases = 0, seen_again = 0, reinfected = 0, duplicates = 0, rejected = 0;
};

}  // namespace

int run_import_command(int argc, char** argv) {
    std::string csv_path, database = "var/cleanslate.db", db_path = CS_DEFAULT_DB, language = "nl", ticket_prefix;
    int show_progress = -1;  // -1: when stderr is a terminal
    for (int i = 2; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--database" && i + 1 < argc) database = argv[++i];
        else if (argument == "--db" && i + 1 < argc) db_path = argv[++i];
        else if (argument == "--lang" && i + 1 < argc) language = argv[++i];
        else if (argument == "--ticket-prefix" && i + 1 < argc) ticket_prefix = argv[++i];
        else if (argument == "--progress") show_progress = 1;
        else if (argument == "--no-progress") show_progress = 0;
        else if (argument.rfind("--", 0) != 0 && csv_path.empty()) csv_path = argument;
        else return fail("unknown argument '" + argument + "' (try --help)");
    }
    if (csv_path.empty()) return fail("import-feed needs a FILE.csv");
    if (language != "nl" && language != "en") return fail("--lang must be nl or en");
    const int64_t started_at = int64_t(std::time(nullptr));
    if (ticket_prefix.empty()) ticket_prefix = ticket_id(started_at, 0).substr(0, 8);  // "CS-2026-"
    if (!is_ticket_id(ticket_prefix + "0000000")) return fail("--ticket-prefix must be letters, digits and dashes");
    if (sodium_init() < 0) return fail("libsodium did not start", 1);

    const auto db_text = server::read_whole_file(db_path);
    if (!db_text) return fail("cannot read the device database " + db_path);
    std::string error;
    DeviceDb db;
    if (!load_device_db(*db_text, db, error)) return fail(db_path + ": " + error);

    std::ifstream file(csv_path, std::ios::binary);
    if (!file) return fail("cannot read " + csv_path);
    file.seekg(0, std::ios::end);
    const uint64_t total_bytes = uint64_t(std::max<std::streamoff>(0, file.tellg()));
    file.seekg(0);
    CsvReader reader(file);
    CsvRecord record;
    if (!reader.next(record, error))
        return fail(csv_path + ": " + (error.empty() ? "the CSV file is empty (a header row is needed)" : error));
    const FeedColumns columns(record.fields);
    const long customer_column = columns.column_of({"customer", "customer_id"});
    const long time_column = columns.column_of({"timestamp"});
    const long ticket_column = columns.column_of({"ticket"});
    const long email_column = columns.column_of({"email"});
    const long language_column = columns.column_of({"language", "lang"});
    if (customer_column < 0) return fail(csv_path + ": no customer column (the provider's customer id for each row)");
    if (time_column < 0) return fail(csv_path + ": no timestamp column");

    const auto store = open_store(database, StoreOptions{}, error);
    if (!store) return fail(error, 1);

    IdentificationCache identifications(db);
    ProgressBar progress(show_progress == 1 || (show_progress < 0 && isatty(STDERR_FILENO)), total_bytes);
    Tally tally;
    std::vector<FeedSighting> batch;
    std::vector<size_t> batch_lines;
    const auto clock_started = std::chrono::steady_clock::now();

    auto reject = [&](size_t line, const std::string& reason) {
        ++tally.rejected;
        progress.clear_line();
        std::cerr << csv_path << " line " << line << ": " << reason << "\n";
    };
    auto commit = [&]() -> bool {
        if (batch.empty()) return true;
        const std::vector<SightingResult> results = store->record_sightings(batch, ticket_prefix, started_at);
        for (size_t i = 0; i < results.size(); ++i) {
            switch (results[i]) {
                case SightingResult::new_case: ++tally.new_cases; break;
                case SightingResult::seen_again: ++tally.seen_again; break;
                case SightingResult::reinfected: ++tally.reinfected; break;
                case SightingResult::duplicate: ++tally.duplicates; break;
                case SightingResult::ticket_taken:
                    reject(batch_lines[i], "ticket '" + batch[i].ticket + "' is another customer's case");
                    break;
                case SightingResult::failed: return false;
            }
        }
        batch.clear();
        batch_lines.clear();
        return true;
    };

    FeedRow row;
    while (reader.next(record, error)) {
        ++tally.rows;
        progress.update(reader.bytes_read(), tally.rows);
        std::string reason;
        if (!columns.read_row(record, row, reason)) { reject(record.line, reason); continue; }
        auto field = [&](long at) -> std::string { return at >= 0 ? record.fields[size_t(at)] : std::string(); };

        FeedSighting sighting;
        sighting.customer = std::string(cap_text(field(customer_column), 128));
        if (sighting.customer.empty()) { reject(record.line, "the customer column is empty"); continue; }
        if (is_ip_address(sighting.customer)) {
            reject(record.line, "the customer column holds an IP address, not the provider's customer id");
            continue;
        }
        if (!parse_feed_time(field(time_column), sighting.seen_at)) {
            reject(record.line, "timestamp '" + std::string(cap_text(field(time_column), 64)) + "' is not a date and time");
            continue;
        }
        sighting.ticket = field(ticket_column);
        if (!sighting.ticket.empty() && !is_ticket_id(sighting.ticket)) {
            reject(record.line, "ticket '" + std::string(cap_text(sighting.ticket, 64)) +
                                    "' is not 1-64 letters, digits and dashes");
            continue;
        }
        sighting.email = field(email_column);
        if (!sighting.email.empty() && !is_plain_address(sighting.email)) {
            reject(record.line, "email '" + std::string(cap_text(sighting.email, 64)) + "' is not one plain address");
            continue;
        }
        sighting.language = field(language_column);
        for (char& c : sighting.language) c = char(std::tolower(static_cast<unsigned char>(c)));
        if (sighting.language.empty()) sighting.language = language;
        if (sighting.language != "nl" && sighting.language != "en") {
            reject(record.line, "language '" + std::string(cap_text(sighting.language, 16)) + "' is not nl or en");
            continue;
        }

        // The row's identity is its content: the same row again is a duplicate, wherever it is.
        unsigned char hash[16];
        crypto_generichash_state state;
        crypto_generichash_init(&state, nullptr, 0, sizeof hash);
        for (const std::string& value : record.fields) {
            const uint64_t size = value.size();
            crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(&size), sizeof size);
            crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(value.data()), value.size());
        }
        crypto_generichash_final(&state, hash, sizeof hash);
        sighting.row_hash.assign(reinterpret_cast<const char*>(hash), sizeof hash);

        Json evidence = link_evidence_allowed_fields(evidence_to_json(row.evidence));
        const std::string evidence_key = evidence.dump(-1, ' ', false, Json::error_handler_t::replace);
        const DeviceGuess& guess = identifications.guess(evidence_key, row.evidence);
        sighting.device_id = guess.device_id;
        sighting.device_category = guess.category;
        sighting.confident = guess.confident;
        evidence["seen_at"] = sighting.seen_at;
        sighting.evidence_json = evidence.dump(-1, ' ', false, Json::error_handler_t::replace);

        batch.push_back(std::move(sighting));
        batch_lines.push_back(record.line);
        if (batch.size() >= kBatchRows && !commit()) return fail("could not write " + printable_database(database), 1);
    }
    if (!commit()) return fail("could not write " + printable_database(database), 1);
    progress.finish(reader.bytes_read(), tally.rows);
    if (!error.empty()) {
        std::cerr << "cleanslate-desk: " << csv_path << ": " << error << " — the rows before it were imported\n";
        return 2;
    }

    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_started).count();
    std::printf("%s: %llu rows: %llu new cases, %llu seen again, %llu reinfected, %llu duplicates, %llu rejected "
                "(%.1f s, %.0f rows/s)\n",
                csv_path.c_str(), static_cast<unsigned long long>(tally.rows),
                static_cast<unsigned long long>(tally.new_cases), static_cast<unsigned long long>(tally.seen_again),
                static_cast<unsigned long long>(tally.reinfected), static_cast<unsigned long long>(tally.duplicates),
                static_cast<unsigned long long>(tally.rejected), seconds, seconds > 0 ? double(tally.rows) / seconds : 0.0);
    return tally.rejected ? 3 : 0;
}

}  // namespace cleanslate::desk
