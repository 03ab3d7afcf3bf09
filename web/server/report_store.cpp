// report_store.cpp — the SQLite schema and statements.
#include "report_store.h"

#include <sqlite3.h>

#include <filesystem>

namespace cleanslate::server {

namespace {

constexpr const char* kSchema =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"  // WAL + NORMAL: durable across a crash of the process
    "CREATE TABLE IF NOT EXISTS reports ("
    "  report_id   TEXT PRIMARY KEY,"
    "  ticket      TEXT NOT NULL,"
    "  received_at INTEGER NOT NULL,"
    "  outcome     TEXT NOT NULL DEFAULT '',"
    "  link_status TEXT NOT NULL DEFAULT '',"
    "  body        TEXT NOT NULL"
    ");"
    "CREATE INDEX IF NOT EXISTS reports_by_ticket ON reports(ticket, received_at);";

// Finalizes a prepared statement however the function leaves.
struct Statement {
    sqlite3_stmt* handle = nullptr;
    ~Statement() { sqlite3_finalize(handle); }
};

void bind_text(sqlite3_stmt* statement, int index, const std::string& text) {
    sqlite3_bind_text(statement, index, text.data(), int(text.size()), SQLITE_TRANSIENT);
}

std::string column_text(sqlite3_stmt* statement, int index) {
    const unsigned char* text = sqlite3_column_text(statement, index);
    return text ? std::string(reinterpret_cast<const char*>(text), size_t(sqlite3_column_bytes(statement, index))) : "";
}

}  // namespace

std::unique_ptr<ReportStore> ReportStore::open(const std::string& path, std::string& error) {
    std::error_code ignored;
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ignored);

    sqlite3* database = nullptr;
    if (sqlite3_open_v2(path.c_str(), &database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        error = "cannot open report database " + path + ": " + (database ? sqlite3_errmsg(database) : "out of memory");
        sqlite3_close(database);
        return nullptr;
    }
    sqlite3_busy_timeout(database, 5000);  // another process (a helpdesk tool) may hold a lock briefly
    char* message = nullptr;
    if (sqlite3_exec(database, kSchema, nullptr, nullptr, &message) != SQLITE_OK) {
        error = "cannot prepare report database " + path + ": " + (message ? message : "unknown error");
        sqlite3_free(message);
        sqlite3_close(database);
        return nullptr;
    }
    return std::unique_ptr<ReportStore>(new ReportStore(database));
}

ReportStore::~ReportStore() { sqlite3_close(database_); }

ReportStore::SaveResult ReportStore::save(const StoredReport& report) {
    std::lock_guard<std::mutex> lock(mutex_);
    Statement insert;
    if (sqlite3_prepare_v2(database_,
                           "INSERT OR IGNORE INTO reports (report_id, ticket, received_at, outcome, link_status, body) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           -1, &insert.handle, nullptr) != SQLITE_OK)
        return SaveResult::failed;
    bind_text(insert.handle, 1, report.report_id);
    bind_text(insert.handle, 2, report.ticket);
    sqlite3_bind_int64(insert.handle, 3, report.received_at);
    bind_text(insert.handle, 4, report.outcome);
    bind_text(insert.handle, 5, report.link_status);
    bind_text(insert.handle, 6, report.body_json);
    if (sqlite3_step(insert.handle) != SQLITE_DONE) return SaveResult::failed;
    return sqlite3_changes(database_) == 1 ? SaveResult::stored : SaveResult::already_stored;
}

std::vector<StoredReport> ReportStore::reports_for_ticket(const std::string& ticket) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<StoredReport> reports;
    Statement select;
    if (sqlite3_prepare_v2(database_,
                           "SELECT report_id, ticket, received_at, outcome, link_status, body FROM reports "
                           "WHERE ticket = ?1 ORDER BY received_at, rowid",
                           -1, &select.handle, nullptr) != SQLITE_OK)
        return reports;
    bind_text(select.handle, 1, ticket);
    while (sqlite3_step(select.handle) == SQLITE_ROW) {
        StoredReport report;
        report.report_id = column_text(select.handle, 0);
        report.ticket = column_text(select.handle, 1);
        report.received_at = sqlite3_column_int64(select.handle, 2);
        report.outcome = column_text(select.handle, 3);
        report.link_status = column_text(select.handle, 4);
        report.body_json = column_text(select.handle, 5);
        reports.push_back(std::move(report));
    }
    return reports;
}

}  // namespace cleanslate::server
