// report_store.h — completion reports kept in SQLite (WAL mode), one row per report id.
// The wizard resends a report until it is acknowledged, so saving is idempotent: the
// first copy of a report id is kept and later copies are acknowledged without a change.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

struct sqlite3;

namespace cleanslate::server {

struct StoredReport {
    std::string report_id;
    std::string ticket;
    int64_t received_at = 0;  // unix seconds
    std::string outcome;      // may be empty
    std::string link_status;  // what the link token said when the report came in, or empty
    std::string body_json;    // the report as received (minus any password field)
};

class ReportStore {
public:
    // Opens or creates the database (and its directory). nullptr with `error` set on failure.
    static std::unique_ptr<ReportStore> open(const std::string& path, std::string& error);
    ~ReportStore();
    ReportStore(const ReportStore&) = delete;
    ReportStore& operator=(const ReportStore&) = delete;

    enum class SaveResult { stored, already_stored, failed };
    SaveResult save(const StoredReport& report);

    // Oldest first; empty when the ticket has none (or on a read error).
    std::vector<StoredReport> reports_for_ticket(const std::string& ticket);

private:
    explicit ReportStore(sqlite3* database) : database_(database) {}
    sqlite3* database_;
    std::mutex mutex_;  // one connection, shared by httplib's worker threads
};

}  // namespace cleanslate::server
