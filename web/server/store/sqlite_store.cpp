// sqlite_store.cpp — connections, migrations, the group-committing writer, and the queries.
#include "store/sqlite_store.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "store/migrations.h"
#include "store/store_rules.h"

namespace cleanslate::server {

namespace {

constexpr size_t kLargestCommitGroup = 512;

// --- One connection and its prepared statements -----------------------------------------
class Connection {
public:
    static std::unique_ptr<Connection> open(const std::string& path, bool read_only, std::string& error) {
        sqlite3* handle = nullptr;
        const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                          SQLITE_OPEN_NOMUTEX;
        if (sqlite3_open_v2(path.c_str(), &handle, flags, nullptr) != SQLITE_OK) {
            error = "cannot open database " + path + ": " + (handle ? sqlite3_errmsg(handle) : "out of memory");
            sqlite3_close(handle);
            return nullptr;
        }
        sqlite3_busy_timeout(handle, 5000);  // another process (a desk command) may hold a lock briefly
        return std::unique_ptr<Connection>(new Connection(handle));
    }
    ~Connection() {
        for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
        sqlite3_close(handle_);
    }
    sqlite3* handle() const { return handle_; }

    // A statement prepared once per connection (keyed by the SQL literal's address), reset and
    // unbound for this use.
    sqlite3_stmt* statement(const char* sql) {
        auto found = statements_.find(sql);
        if (found != statements_.end()) {
            sqlite3_reset(found->second);
            sqlite3_clear_bindings(found->second);
            return found->second;
        }
        sqlite3_stmt* prepared = nullptr;
        if (sqlite3_prepare_v3(handle_, sql, -1, SQLITE_PREPARE_PERSISTENT, &prepared, nullptr) != SQLITE_OK)
            return nullptr;
        statements_.emplace(sql, prepared);
        return prepared;
    }

    // Resets every statement, ending the read transaction a statement left mid-result keeps
    // open (a connection in WAL mode would otherwise go on reading an old snapshot).
    void finish_statements() {
        for (auto& [sql, statement] : statements_) sqlite3_reset(statement);
    }

    bool exec(const char* sql, std::string* error = nullptr) {
        char* message = nullptr;
        if (sqlite3_exec(handle_, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
        if (error) *error = message ? message : "unknown error";
        sqlite3_free(message);
        return false;
    }

private:
    explicit Connection(sqlite3* handle) : handle_(handle) {}
    sqlite3* handle_;
    std::unordered_map<const char*, sqlite3_stmt*> statements_;
};

// --- Binding and reading columns ---------------------------------------------------------------
// (Not named "bind": with a std::string temporary, ADL would pick std::bind, a better match.)
void bind_value(sqlite3_stmt* s, int index, const std::string& text) {
    sqlite3_bind_text(s, index, text.data(), int(text.size()), SQLITE_TRANSIENT);
}
void bind_value(sqlite3_stmt* s, int index, int64_t number) { sqlite3_bind_int64(s, index, number); }

std::string text_at(sqlite3_stmt* s, int index) {
    const unsigned char* text = sqlite3_column_text(s, index);
    return text ? std::string(reinterpret_cast<const char*>(text), size_t(sqlite3_column_bytes(s, index))) : "";
}
int64_t number_at(sqlite3_stmt* s, int index) { return sqlite3_column_int64(s, index); }

// Runs a statement that returns no rows; true when it completed.
bool run(sqlite3_stmt* s) { return s && sqlite3_step(s) == SQLITE_DONE; }

// --- Row readers ------------------------------------------------------------------------------------
constexpr const char* kReportColumns =
    "id, ticket, report_id, kind, sequence, received_at, outcome, link_status, body";
ReportRecord report_at(sqlite3_stmt* s) {
    ReportRecord r;
    r.id = number_at(s, 0);
    r.ticket = text_at(s, 1);
    r.report_id = text_at(s, 2);
    r.kind = text_at(s, 3);
    r.sequence = number_at(s, 4);
    r.received_at = number_at(s, 5);
    r.outcome = text_at(s, 6);
    r.link_status = text_at(s, 7);
    r.body_json = text_at(s, 8);
    return r;
}

constexpr const char* kAttentionColumns =
    "id, ticket, report_id, kind, phone, screen, language, raised_at, handled_at, handled_by";
AttentionItem attention_at(sqlite3_stmt* s) {
    AttentionItem a;
    a.id = number_at(s, 0);
    a.ticket = text_at(s, 1);
    a.report_id = text_at(s, 2);
    a.kind = text_at(s, 3);
    a.phone = text_at(s, 4);
    a.screen = text_at(s, 5);
    a.language = text_at(s, 6);
    a.raised_at = number_at(s, 7);
    a.handled_at = number_at(s, 8);
    a.handled_by = text_at(s, 9);
    return a;
}

constexpr const char* kCaseColumns = "ticket, case_code, language, evidence, created_by, created_at, code_expires_at";
HelpdeskCase case_at(sqlite3_stmt* s) {
    HelpdeskCase c;
    c.ticket = text_at(s, 0);
    c.case_code = text_at(s, 1);
    c.language = text_at(s, 2);
    c.evidence_json = text_at(s, 3);
    c.created_by = text_at(s, 4);
    c.created_at = number_at(s, 5);
    c.code_expires_at = number_at(s, 6);
    return c;
}

constexpr const char* kFeedCaseColumns =
    "id, ticket, customer, email, language, evidence, device_id, device_category, confident, status, "
    "first_seen, last_seen, sightings, created_at, notified_at, reinfected_at, verified_at, clean_since, "
    "told_reinfected_at, told_verified_at";
FeedCase feed_case_at(sqlite3_stmt* s) {
    FeedCase c;
    c.id = number_at(s, 0);
    c.ticket = text_at(s, 1);
    c.customer = text_at(s, 2);
    c.email = text_at(s, 3);
    c.language = text_at(s, 4);
    c.evidence_json = text_at(s, 5);
    c.device_id = text_at(s, 6);
    c.device_category = text_at(s, 7);
    c.confident = number_at(s, 8) != 0;
    c.status = text_at(s, 9);
    c.first_seen = number_at(s, 10);
    c.last_seen = number_at(s, 11);
    c.sightings = number_at(s, 12);
    c.created_at = number_at(s, 13);
    c.notified_at = number_at(s, 14);
    c.reinfected_at = number_at(s, 15);
    c.verified_at = number_at(s, 16);
    c.clean_since = number_at(s, 17);
    c.told_reinfected_at = number_at(s, 18);
    c.told_verified_at = number_at(s, 19);
    return c;
}

// Feed cases notified in [?1, ?2), per week of their e-mail, with how many reached each stage
// (any journey of the case; verified clean now; ever reinfected).
constexpr const char* kFunnelWeeksSql =
    "SELECT (c.notified_at - 345600) / 604800 AS week, count(*), "
    " sum(CASE WHEN EXISTS (SELECT 1 FROM journeys j WHERE j.ticket = c.ticket) THEN 1 ELSE 0 END), "
    " sum(CASE WHEN EXISTS (SELECT 1 FROM journeys j WHERE j.ticket = c.ticket AND j.identified_at > 0) THEN 1 ELSE 0 END), "
    " sum(CASE WHEN EXISTS (SELECT 1 FROM journeys j WHERE j.ticket = c.ticket AND j.reset_verified_at > 0) THEN 1 ELSE 0 END), "
    " sum(CASE WHEN EXISTS (SELECT 1 FROM journeys j WHERE j.ticket = c.ticket AND j.password_set_at > 0) THEN 1 ELSE 0 END), "
    " sum(CASE WHEN EXISTS (SELECT 1 FROM journeys j WHERE j.ticket = c.ticket AND j.remediated_at > 0) THEN 1 ELSE 0 END), "
    " sum(CASE WHEN c.status = 'verified_clean' THEN 1 ELSE 0 END), "
    " sum(CASE WHEN c.reinfected_at > 0 THEN 1 ELSE 0 END) "
    "FROM feed_cases c WHERE c.notified_at > 0 AND c.notified_at >= ?1 AND c.notified_at < ?2 "
    "GROUP BY (c.notified_at - 345600) / 604800 ORDER BY week";

// --- The file itself ----------------------------------------------------------------------------------
// Creates the directory (0700) and the file (0600) before SQLite sees it, and tightens an
// existing file that is readable by others.
bool prepare_file(const std::string& path, std::string& error) {
    namespace fs = std::filesystem;
    const fs::path parent = fs::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty() && !fs::exists(parent, ec)) {
        fs::create_directories(parent, ec);
        if (ec) {
            error = "cannot create the directory for database " + path + ": " + ec.message();
            return false;
        }
        chmod(parent.c_str(), 0700);
    }
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        error = "cannot create database " + path + ": " + std::strerror(errno);
        return false;
    }
    struct stat status {};
    if (fstat(fd, &status) == 0 && (status.st_mode & 077) != 0) fchmod(fd, 0600);
    ::close(fd);
    for (const char* companion : {"-wal", "-shm"}) chmod((path + companion).c_str(), 0600);
    return true;
}

bool apply_migrations(Connection& db, const std::string& path, std::string& error) {
    if (!db.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                 "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)",
                 &error)) {
        error = path + ": cannot record migrations: " + error;
        return false;
    }
    for (const Migration& migration : sqlite_migrations()) {
        sqlite3_stmt* applied = db.statement("SELECT 1 FROM schema_migrations WHERE version = ?1");
        bind_value(applied, 1, int64_t(migration.version));
        const bool done = sqlite3_step(applied) == SQLITE_ROW;
        db.finish_statements();
        if (done) continue;
        std::string failure;
        if (!db.exec("BEGIN IMMEDIATE", &failure) || !db.exec(migration.sql, &failure)) {
            db.exec("ROLLBACK");
            error = path + ": migration " + migration.name + " failed: " + failure;
            return false;
        }
        sqlite3_stmt* record =
            db.statement("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, strftime('%s','now'))");
        bind_value(record, 1, int64_t(migration.version));
        bind_value(record, 2, std::string(migration.name));
        if (!run(record)) failure = sqlite3_errmsg(db.handle());
        if (!failure.empty() || !db.exec("COMMIT", &failure)) {
            db.exec("ROLLBACK");
            error = path + ": migration " + migration.name + " could not be recorded: " + failure;
            return false;
        }
    }
    return true;
}

// --- The store -----------------------------------------------------------------------------------------
class SqliteStore final : public Store {
public:
    SqliteStore(std::string path, SqliteOptions options, std::unique_ptr<Connection> writer)
        : path_(std::move(path)), options_(options), writer_(std::move(writer)) {
        writer_thread_ = std::thread([this] { write_loop(); });
    }

    ~SqliteStore() override {
        {
            std::lock_guard<std::mutex> lock(writes_mutex_);
            stopping_ = true;
        }
        writes_ready_.notify_all();
        writer_thread_.join();
    }

    // --- Reports -------------------------------------------------------------------------------
    SaveResult save_report(const ReportRecord& report, const std::vector<AttentionItem>& raises) override {
        const int result = write([&](Connection& db) -> int {
            sqlite3_stmt* insert = db.statement(
                "INSERT INTO reports (ticket, report_id, kind, sequence, received_at, outcome, link_status, size, body) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING");
            if (!insert) return -1;
            bind_value(insert, 1, report.ticket);
            bind_value(insert, 2, report.report_id);
            bind_value(insert, 3, report.kind);
            bind_value(insert, 4, report.sequence);
            bind_value(insert, 5, report.received_at);
            bind_value(insert, 6, report.outcome);
            bind_value(insert, 7, report.link_status);
            bind_value(insert, 8, int64_t(report.body_json.size()));
            bind_value(insert, 9, report.body_json);
            if (!run(insert)) return -1;
            if (sqlite3_changes(db.handle()) == 0) return 0;
            for (const AttentionItem& item : raises) {
                sqlite3_stmt* raise = db.statement(
                    "INSERT INTO attention (ticket, report_id, kind, phone, screen, language, raised_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING");
                bind_value(raise, 1, item.ticket);
                bind_value(raise, 2, item.report_id);
                bind_value(raise, 3, item.kind);
                bind_value(raise, 4, item.phone);
                bind_value(raise, 5, item.screen);
                bind_value(raise, 6, item.language);
                bind_value(raise, 7, item.raised_at);
                if (!run(raise)) return -1;
            }
            return 1;
        });
        return result < 0 ? SaveResult::failed : result == 0 ? SaveResult::already_stored : SaveResult::stored;
    }

    TicketUsage ticket_usage(const std::string& ticket) override {
        TicketUsage usage;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement("SELECT count(*), coalesce(sum(size), 0) FROM reports WHERE ticket = ?1");
            bind_value(s, 1, ticket);
            if (sqlite3_step(s) == SQLITE_ROW) {
                usage.reports = number_at(s, 0);
                usage.bytes = number_at(s, 1);
            }
        });
        return usage;
    }

    std::vector<ReportRecord> reports_for_ticket(const std::string& ticket, const PageRequest& page) override {
        static const std::string sql = std::string("SELECT ") + kReportColumns +
                                       " FROM reports WHERE ticket = ?1 AND id > ?2 ORDER BY id LIMIT ?3";
        std::vector<ReportRecord> reports;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(sql.c_str());
            bind_value(s, 1, ticket);
            bind_value(s, 2, page.after);
            bind_value(s, 3, int64_t(page_limit(page)));
            while (sqlite3_step(s) == SQLITE_ROW) reports.push_back(report_at(s));
        });
        return reports;
    }

    std::vector<ReportRecord> latest_reports(const std::string& ticket) override {
        static const std::string sql =
            std::string("SELECT ") + kReportColumns +
            " FROM reports WHERE id IN ("
            "  (SELECT max(id) FROM reports WHERE ticket = ?1 AND kind = 'progress'),"
            "  (SELECT max(id) FROM reports WHERE ticket = ?1 AND kind = 'final')) ORDER BY id";
        std::vector<ReportRecord> reports;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(sql.c_str());
            bind_value(s, 1, ticket);
            while (sqlite3_step(s) == SQLITE_ROW) reports.push_back(report_at(s));
        });
        return reports;
    }

    // --- Attention queue ---------------------------------------------------------------------------
    std::vector<AttentionItem> attention(const PageRequest& page, bool include_handled) override {
        static const std::string sql =
            std::string("SELECT ") + kAttentionColumns +
            " FROM attention WHERE (?1 = 0 OR id < ?1) AND (?2 = 1 OR handled_at = 0) ORDER BY id DESC LIMIT ?3";
        std::vector<AttentionItem> items;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(sql.c_str());
            bind_value(s, 1, page.before);
            bind_value(s, 2, int64_t(include_handled ? 1 : 0));
            bind_value(s, 3, int64_t(page_limit(page)));
            while (sqlite3_step(s) == SQLITE_ROW) items.push_back(attention_at(s));
        });
        return items;
    }

    std::optional<AttentionItem> attention_item(int64_t id) override {
        static const std::string sql = std::string("SELECT ") + kAttentionColumns + " FROM attention WHERE id = ?1";
        std::optional<AttentionItem> item;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(sql.c_str());
            bind_value(s, 1, id);
            if (sqlite3_step(s) == SQLITE_ROW) item = attention_at(s);
        });
        return item;
    }

    bool mark_handled(int64_t id, const std::string& agent, int64_t now) override {
        return write([&](Connection& db) -> int {
                   sqlite3_stmt* s = db.statement(
                       "UPDATE attention SET handled_at = ?2, handled_by = ?3 WHERE id = ?1 AND handled_at = 0");
                   bind_value(s, 1, id);
                   bind_value(s, 2, now);
                   bind_value(s, 3, agent);
                   if (!run(s)) return -1;
                   if (sqlite3_changes(db.handle()) == 1) return 1;
                   sqlite3_stmt* exists = db.statement("SELECT 1 FROM attention WHERE id = ?1");
                   bind_value(exists, 1, id);
                   return sqlite3_step(exists) == SQLITE_ROW ? 1 : 0;
               }) == 1;
    }

    // --- Agents -------------------------------------------------------------------------------------
    bool add_agent(const Agent& agent) override {
        return write([&](Connection& db) -> int {
                   sqlite3_stmt* s = db.statement(
                       "INSERT INTO agents (name, password_hash, created_at, disabled) VALUES (?1, ?2, ?3, ?4) "
                       "ON CONFLICT DO NOTHING");
                   bind_value(s, 1, agent.name);
                   bind_value(s, 2, agent.password_hash);
                   bind_value(s, 3, agent.created_at);
                   bind_value(s, 4, int64_t(agent.disabled ? 1 : 0));
                   if (!run(s)) return -1;
                   return sqlite3_changes(db.handle());
               }) == 1;
    }

    bool set_agent_password(const std::string& name, const std::string& password_hash) override {
        return write([&](Connection& db) -> int {
                   sqlite3_stmt* s = db.statement("UPDATE agents SET password_hash = ?2 WHERE name = ?1");
                   bind_value(s, 1, name);
                   bind_value(s, 2, password_hash);
                   if (!run(s)) return -1;
                   if (sqlite3_changes(db.handle()) == 0) return 0;
                   // A new password ends every session of the old one.
                   sqlite3_stmt* end = db.statement("DELETE FROM agent_sessions WHERE agent = ?1");
                   bind_value(end, 1, name);
                   return run(end) ? 1 : -1;
               }) == 1;
    }

    std::optional<Agent> find_agent(const std::string& name) override {
        std::optional<Agent> agent;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement("SELECT name, password_hash, created_at, disabled FROM agents WHERE name = ?1");
            bind_value(s, 1, name);
            if (sqlite3_step(s) == SQLITE_ROW)
                agent = Agent{text_at(s, 0), text_at(s, 1), number_at(s, 2), number_at(s, 3) != 0};
        });
        return agent;
    }

    int64_t agent_count() override {
        int64_t count = 0;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement("SELECT count(*) FROM agents");
            if (sqlite3_step(s) == SQLITE_ROW) count = number_at(s, 0);
        });
        return count;
    }

    // --- Agent sessions ---------------------------------------------------------------------------------
    bool create_session(const AgentSession& session) override {
        return write([&](Connection& db) -> int {
                   sqlite3_stmt* s = db.statement(
                       "INSERT INTO agent_sessions (id_hash, agent, csrf_token, created_at, expires_at) "
                       "VALUES (?1, ?2, ?3, ?4, ?5)");
                   bind_value(s, 1, session.id_hash);
                   bind_value(s, 2, session.agent);
                   bind_value(s, 3, session.csrf_token);
                   bind_value(s, 4, session.created_at);
                   bind_value(s, 5, session.expires_at);
                   return run(s) ? 1 : -1;
               }) == 1;
    }

    std::optional<AgentSession> find_session(const std::string& id_hash, int64_t now) override {
        std::optional<AgentSession> session;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(
                "SELECT s.id_hash, s.agent, s.csrf_token, s.created_at, s.expires_at FROM agent_sessions s "
                "JOIN agents a ON a.name = s.agent WHERE s.id_hash = ?1 AND s.expires_at > ?2 AND a.disabled = 0");
            bind_value(s, 1, id_hash);
            bind_value(s, 2, now);
            if (sqlite3_step(s) == SQLITE_ROW)
                session = AgentSession{text_at(s, 0), text_at(s, 1), text_at(s, 2), number_at(s, 3), number_at(s, 4)};
        });
        return session;
    }

    void end_session(const std::string& id_hash) override {
        write([&](Connection& db) -> int {
            sqlite3_stmt* s = db.statement("DELETE FROM agent_sessions WHERE id_hash = ?1");
            bind_value(s, 1, id_hash);
            sqlite3_stmt* grants = db.statement("DELETE FROM session_tickets WHERE session_hash = ?1");
            bind_value(grants, 1, id_hash);
            return run(s) && run(grants) ? 1 : -1;
        });
    }

    bool grant_ticket(const std::string& session_id_hash, const std::string& ticket, int64_t now) override {
        return write([&](Connection& db) -> int {
                   sqlite3_stmt* s = db.statement(
                       "INSERT INTO session_tickets (session_hash, ticket, granted_at) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT DO NOTHING");
                   bind_value(s, 1, session_id_hash);
                   bind_value(s, 2, ticket);
                   bind_value(s, 3, now);
                   return run(s) ? 1 : -1;
               }) == 1;
    }

    bool may_see_ticket(const std::string& session_id_hash, const std::string& ticket) override {
        bool allowed = false;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement("SELECT 1 FROM session_tickets WHERE session_hash = ?1 AND ticket = ?2");
            bind_value(s, 1, session_id_hash);
            bind_value(s, 2, ticket);
            allowed = sqlite3_step(s) == SQLITE_ROW;
        });
        return allowed;
    }

    std::vector<std::string> granted_tickets(const std::string& session_id_hash) override {
        std::vector<std::string> tickets;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(
                "SELECT ticket FROM session_tickets WHERE session_hash = ?1 ORDER BY granted_at DESC LIMIT 100");
            bind_value(s, 1, session_id_hash);
            while (sqlite3_step(s) == SQLITE_ROW) tickets.push_back(text_at(s, 0));
        });
        return tickets;
    }

    // --- Session codes --------------------------------------------------------------------------------------
    bool save_session_code(const SessionCode& code) override {
        return write([&](Connection& db) -> int {
                   // An expired code may be drawn again.
                   sqlite3_stmt* stale = db.statement("DELETE FROM session_codes WHERE code = ?1 AND expires_at <= ?2");
                   bind_value(stale, 1, code.code);
                   bind_value(stale, 2, code.created_at);
                   if (!run(stale)) return -1;
                   sqlite3_stmt* s = db.statement(
                       "INSERT INTO session_codes (code, ticket, created_at, expires_at) VALUES (?1, ?2, ?3, ?4) "
                       "ON CONFLICT DO NOTHING");
                   bind_value(s, 1, code.code);
                   bind_value(s, 2, code.ticket);
                   bind_value(s, 3, code.created_at);
                   bind_value(s, 4, code.expires_at);
                   if (!run(s)) return -1;
                   return sqlite3_changes(db.handle());
               }) == 1;
    }

    std::optional<SessionCode> find_session_code(const std::string& code, int64_t now) override {
        std::optional<SessionCode> found;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(
                "SELECT code, ticket, created_at, expires_at FROM session_codes WHERE code = ?1 AND expires_at > ?2");
            bind_value(s, 1, code);
            bind_value(s, 2, now);
            if (sqlite3_step(s) == SQLITE_ROW) found = SessionCode{text_at(s, 0), text_at(s, 1), number_at(s, 2), number_at(s, 3)};
        });
        return found;
    }

    // --- Helpdesk-started cases --------------------------------------------------------------------------------
    bool create_case(const HelpdeskCase& c) override {
        return write([&](Connection& db) -> int {
                   sqlite3_stmt* s = db.statement(
                       "INSERT INTO helpdesk_cases (ticket, case_code, language, evidence, created_by, created_at, "
                       "code_expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING");
                   bind_value(s, 1, c.ticket);
                   bind_value(s, 2, c.case_code);
                   bind_value(s, 3, c.language);
                   bind_value(s, 4, c.evidence_json);
                   bind_value(s, 5, c.created_by);
                   bind_value(s, 6, c.created_at);
                   bind_value(s, 7, c.code_expires_at);
                   if (!run(s)) return -1;
                   return sqlite3_changes(db.handle());
               }) == 1;
    }

    std::optional<HelpdeskCase> find_case_by_code(const std::string& case_code, int64_t now) override {
        static const std::string sql =
            std::string("SELECT ") + kCaseColumns + " FROM helpdesk_cases WHERE case_code = ?1 AND code_expires_at > ?2";
        std::optional<HelpdeskCase> found;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(sql.c_str());
            bind_value(s, 1, case_code);
            bind_value(s, 2, now);
            if (sqlite3_step(s) == SQLITE_ROW) found = case_at(s);
        });
        return found;
    }

    std::optional<HelpdeskCase> find_case(const std::string& ticket) override {
        static const std::string sql = std::string("SELECT ") + kCaseColumns + " FROM helpdesk_cases WHERE ticket = ?1";
        std::optional<HelpdeskCase> found;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(sql.c_str());
            bind_value(s, 1, ticket);
            if (sqlite3_step(s) == SQLITE_ROW) found = case_at(s);
        });
        return found;
    }

    // --- Feed cases -----------------------------------------------------------------------------------------------
    std::vector<SightingResult> record_sightings(const std::vector<FeedSighting>& sightings,
                                                 const std::string& ticket_prefix, int64_t now) override {
        std::vector<SightingResult> results(sightings.size(), SightingResult::failed);
        const int written = write([&](Connection& db) -> int {
            for (size_t i = 0; i < sightings.size(); ++i) {
                const int result = record_sighting(db, sightings[i], ticket_prefix, now);
                if (result < 0) return -1;
                results[i] = SightingResult(result);
            }
            return 1;
        });
        if (written != 1) std::fill(results.begin(), results.end(), SightingResult::failed);
        return results;
    }

    std::vector<FeedCase> cases_to_notify(const PageRequest& page) override {
        static const std::string sql = std::string("SELECT ") + kFeedCaseColumns +
                                       " FROM feed_cases WHERE notified_at = 0 AND id > ?1 ORDER BY id LIMIT ?2";
        std::vector<FeedCase> cases;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(sql.c_str());
            bind_value(s, 1, page.after);
            bind_value(s, 2, int64_t(page_limit(page)));
            while (sqlite3_step(s) == SQLITE_ROW) cases.push_back(feed_case_at(s));
        });
        return cases;
    }

    bool mark_notified(const std::vector<int64_t>& case_ids, int64_t now) override {
        return write([&](Connection& db) -> int {
                   for (int64_t id : case_ids) {
                       sqlite3_stmt* s = db.statement("UPDATE feed_cases SET notified_at = ?2 WHERE id = ?1");
                       bind_value(s, 1, id);
                       bind_value(s, 2, now);
                       if (!run(s)) return -1;
                   }
                   return 1;
               }) == 1;
    }

    std::vector<FeedCase> cases_with_news(const PageRequest& page) override {
        static const std::string sql = cases_with_news_sql(kFeedCaseColumns, "?1", "?2");
        std::vector<FeedCase> cases;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(sql.c_str());
            bind_value(s, 1, page.after);
            bind_value(s, 2, int64_t(page_limit(page)));
            while (sqlite3_step(s) == SQLITE_ROW) cases.push_back(feed_case_at(s));
        });
        return cases;
    }

    bool mark_news_told(const std::vector<FeedCase>& cases) override {
        return write([&](Connection& db) -> int {
                   for (const FeedCase& c : cases) {
                       sqlite3_stmt* s = db.statement(
                           "UPDATE feed_cases SET told_reinfected_at = ?2, told_verified_at = ?3 WHERE id = ?1");
                       bind_value(s, 1, c.id);
                       bind_value(s, 2, c.reinfected_at);
                       bind_value(s, 3, c.verified_at);
                       if (!run(s)) return -1;
                   }
                   return 1;
               }) == 1;
    }

    std::optional<FeedCase> find_feed_case(const std::string& ticket) override {
        static const std::string sql = std::string("SELECT ") + kFeedCaseColumns + " FROM feed_cases WHERE ticket = ?1";
        std::optional<FeedCase> found;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(sql.c_str());
            bind_value(s, 1, ticket);
            if (sqlite3_step(s) == SQLITE_ROW) found = feed_case_at(s);
        });
        return found;
    }

    // --- Did it work? -----------------------------------------------------------------------------------------------
    VerifyTally verify_quiet_cases(int64_t quiet_seconds, int64_t now) override {
        VerifyTally tally;
        const int written = write([&](Connection& db) -> int {
            tally = VerifyTally{};
            sqlite3_stmt* until = db.statement("SELECT coalesce(max(seen_at), 0) FROM feed_rows");
            if (!until || sqlite3_step(until) != SQLITE_ROW) return -1;
            tally.feed_until = number_at(until, 0);
            sqlite3_reset(until);
            // Cases with a report of 'remediated' that are not verified clean now.
            sqlite3_stmt* candidates = db.statement(
                "SELECT c.id, c.last_seen, c.reinfected_at, max(r.received_at) FROM feed_cases c "
                "JOIN reports r ON r.ticket = c.ticket AND r.kind = 'final' AND r.outcome = 'remediated' "
                "WHERE c.status <> 'verified_clean' GROUP BY c.id, c.last_seen, c.reinfected_at");
            if (!candidates) return -1;
            std::vector<std::pair<int64_t, int64_t>> clean;  // case id, clean since
            while (sqlite3_step(candidates) == SQLITE_ROW) {
                const int64_t last_seen = number_at(candidates, 1), reinfected_at = number_at(candidates, 2),
                              remediated_at = number_at(candidates, 3);
                if (remediated_at <= reinfected_at || last_seen > remediated_at) continue;  // seen after it
                if (remediated_at + quiet_seconds <= tally.feed_until) clean.emplace_back(number_at(candidates, 0), remediated_at);
                else ++tally.watching;
            }
            sqlite3_reset(candidates);
            for (const auto& [id, since] : clean) {
                sqlite3_stmt* mark = db.statement(
                    "UPDATE feed_cases SET status = 'verified_clean', verified_at = ?2, clean_since = ?3 WHERE id = ?1");
                bind_value(mark, 1, id);
                bind_value(mark, 2, now);
                bind_value(mark, 3, since);
                if (!run(mark)) return -1;
            }
            tally.verified = int64_t(clean.size());
            return 1;
        });
        if (written != 1) tally = VerifyTally{-1, -1, -1};
        return tally;
    }

    std::optional<CaseStanding> case_standing(const std::string& ticket) override {
        std::optional<CaseStanding> standing;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(
                "SELECT c.status, c.reinfected_at, c.clean_since, "
                "(SELECT coalesce(max(r.received_at), 0) FROM reports r "
                " WHERE r.ticket = c.ticket AND r.kind = 'final' AND r.outcome = 'remediated') "
                "FROM feed_cases c WHERE c.ticket = ?1");
            bind_value(s, 1, ticket);
            if (sqlite3_step(s) != SQLITE_ROW) return;
            standing = standing_of(text_at(s, 0), number_at(s, 1), number_at(s, 2), number_at(s, 3));
        });
        return standing;
    }

    bool set_desk_setting(const std::string& name, int64_t value, int64_t now) override {
        return write([&](Connection& db) -> int {
                   sqlite3_stmt* s = db.statement(
                       "INSERT INTO desk_settings (name, value, changed_at) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT (name) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at");
                   bind_value(s, 1, name);
                   bind_value(s, 2, value);
                   bind_value(s, 3, now);
                   return run(s) ? 1 : -1;
               }) == 1;
    }

    std::optional<int64_t> desk_setting(const std::string& name) override {
        std::optional<int64_t> value;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement("SELECT value FROM desk_settings WHERE name = ?1");
            bind_value(s, 1, name);
            if (sqlite3_step(s) == SQLITE_ROW) value = number_at(s, 0);
        });
        return value;
    }

    // --- The funnel --------------------------------------------------------------------------------------------------
    bool record_journey(const JourneyMark& mark) override {
        return write([&](Connection& db) -> int {
                   // Stages keep their first time; the last screen follows the newest progress report.
                   sqlite3_stmt* upsert = db.statement(
                       "INSERT INTO journeys (ticket, report_id, opened_at, identified_at, reset_verified_at, "
                       "password_set_at, finished_at, remediated_at, last_sequence, last_screen, last_step, final_revision) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                       "ON CONFLICT (ticket, report_id) DO UPDATE SET "
                       "opened_at = CASE WHEN excluded.opened_at < journeys.opened_at THEN excluded.opened_at ELSE journeys.opened_at END, "
                       "identified_at = CASE WHEN journeys.identified_at = 0 THEN excluded.identified_at ELSE journeys.identified_at END, "
                       "reset_verified_at = CASE WHEN journeys.reset_verified_at = 0 THEN excluded.reset_verified_at ELSE journeys.reset_verified_at END, "
                       "password_set_at = CASE WHEN journeys.password_set_at = 0 THEN excluded.password_set_at ELSE journeys.password_set_at END, "
                       "finished_at = CASE WHEN journeys.finished_at = 0 THEN excluded.finished_at ELSE journeys.finished_at END, "
                       "remediated_at = CASE WHEN journeys.remediated_at = 0 THEN excluded.remediated_at ELSE journeys.remediated_at END, "
                       "last_screen = CASE WHEN excluded.last_sequence > journeys.last_sequence THEN excluded.last_screen ELSE journeys.last_screen END, "
                       "last_step = CASE WHEN excluded.last_sequence > journeys.last_sequence THEN excluded.last_step ELSE journeys.last_step END, "
                       "last_sequence = CASE WHEN excluded.last_sequence > journeys.last_sequence THEN excluded.last_sequence ELSE journeys.last_sequence END, "
                       "final_revision = CASE WHEN excluded.final_revision > journeys.final_revision THEN excluded.final_revision ELSE journeys.final_revision END");
                   if (!upsert) return -1;
                   auto when = [&](bool reached) { return reached ? mark.at : int64_t(0); };
                   bind_value(upsert, 1, mark.ticket);
                   bind_value(upsert, 2, mark.report_id);
                   bind_value(upsert, 3, mark.at);
                   bind_value(upsert, 4, when(mark.identified));
                   bind_value(upsert, 5, when(mark.reset_verified));
                   bind_value(upsert, 6, when(mark.password_set));
                   bind_value(upsert, 7, when(mark.is_final));
                   bind_value(upsert, 8, when(mark.remediated));
                   bind_value(upsert, 9, mark.is_final ? int64_t(0) : mark.sequence);
                   bind_value(upsert, 10, mark.screen);
                   bind_value(upsert, 11, mark.step);
                   bind_value(upsert, 12, mark.is_final ? mark.sequence : int64_t(0));
                   if (!run(upsert)) return -1;
                   if (!mark.is_final) return 1;
                   // A final report replaces what an older revision said (a withdrawn consent removes it).
                   sqlite3_stmt* newest = db.statement(
                       "SELECT final_revision FROM journeys WHERE ticket = ?1 AND report_id = ?2");
                   bind_value(newest, 1, mark.ticket);
                   bind_value(newest, 2, mark.report_id);
                   const int64_t revision = sqlite3_step(newest) == SQLITE_ROW ? number_at(newest, 0) : 0;
                   sqlite3_reset(newest);
                   if (revision > mark.sequence) return 1;  // an older revision arrived late
                   for (const char* sql : {"DELETE FROM journey_step_times WHERE ticket = ?1 AND report_id = ?2",
                                           "DELETE FROM journey_feedback WHERE ticket = ?1 AND report_id = ?2"}) {
                       sqlite3_stmt* clear = db.statement(sql);
                       bind_value(clear, 1, mark.ticket);
                       bind_value(clear, 2, mark.report_id);
                       if (!run(clear)) return -1;
                   }
                   for (const auto& [step, seconds] : mark.step_seconds) {
                       sqlite3_stmt* time = db.statement(
                           "INSERT INTO journey_step_times (ticket, report_id, step, seconds) VALUES (?1, ?2, ?3, ?4) "
                           "ON CONFLICT DO NOTHING");
                       bind_value(time, 1, mark.ticket);
                       bind_value(time, 2, mark.report_id);
                       bind_value(time, 3, step);
                       bind_value(time, 4, seconds);
                       if (!run(time)) return -1;
                   }
                   for (const JourneyMark::Said& said : mark.said) {
                       sqlite3_stmt* keep = db.statement(
                           "INSERT INTO journey_feedback (ticket, report_id, entry, step, screen, theme, said, kind, language, "
                           "said_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT DO NOTHING");
                       bind_value(keep, 1, mark.ticket);
                       bind_value(keep, 2, mark.report_id);
                       bind_value(keep, 3, said.entry);
                       bind_value(keep, 4, said.step);
                       bind_value(keep, 5, said.screen);
                       bind_value(keep, 6, said.theme);
                       bind_value(keep, 7, said.said);
                       bind_value(keep, 8, said.kind);
                       bind_value(keep, 9, said.language);
                       bind_value(keep, 10, mark.at);
                       if (!run(keep)) return -1;
                   }
                   return 1;
               }) == 1;
    }

    std::vector<FunnelWeek> funnel_weeks(int64_t from, int64_t to) override {
        std::vector<FunnelWeek> weeks;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(kFunnelWeeksSql);
            bind_value(s, 1, from);
            bind_value(s, 2, to);
            while (sqlite3_step(s) == SQLITE_ROW) {
                FunnelWeek w;
                w.week_start = number_at(s, 0) * kSecondsPerWeek + kFirstMonday;
                int64_t* counts[] = {&w.notified, &w.opened, &w.identified, &w.reset_verified, &w.password_set,
                                     &w.remediated, &w.verified_clean, &w.reinfected};
                for (int i = 0; i < 8; ++i) *counts[i] = number_at(s, i + 1);
                weeks.push_back(w);
            }
        });
        return weeks;
    }

    std::vector<StepTime> step_times(int64_t from, int64_t to) override {
        std::vector<StepTime> times;
        read([&](Connection& db) {
            sqlite3_stmt* counts = db.statement(
                "SELECT t.step, count(*) FROM journey_step_times t JOIN journeys j "
                "ON j.ticket = t.ticket AND j.report_id = t.report_id "
                "WHERE j.opened_at >= ?1 AND j.opened_at < ?2 GROUP BY t.step");
            bind_value(counts, 1, from);
            bind_value(counts, 2, to);
            while (sqlite3_step(counts) == SQLITE_ROW) times.push_back(StepTime{text_at(counts, 0), number_at(counts, 1), 0});
            sqlite3_reset(counts);
            // The median: the middle one (or the mean of the middle two) in order, read by offset.
            for (StepTime& time : times) {
                sqlite3_stmt* middle = db.statement(
                    "SELECT t.seconds FROM journey_step_times t JOIN journeys j "
                    "ON j.ticket = t.ticket AND j.report_id = t.report_id "
                    "WHERE t.step = ?1 AND j.opened_at >= ?2 AND j.opened_at < ?3 ORDER BY t.seconds LIMIT ?4 OFFSET ?5");
                bind_value(middle, 1, time.step);
                bind_value(middle, 2, from);
                bind_value(middle, 3, to);
                bind_value(middle, 4, int64_t(time.journeys % 2 == 0 ? 2 : 1));
                bind_value(middle, 5, (time.journeys - 1) / 2);
                double sum = 0;
                int found = 0;
                while (sqlite3_step(middle) == SQLITE_ROW) { sum += double(number_at(middle, 0)); ++found; }
                sqlite3_reset(middle);
                time.median_seconds = found ? sum / found : 0;
            }
        });
        return times;
    }

    std::vector<StallCount> stalls(int64_t from, int64_t to) override {
        std::vector<StallCount> counts;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(
                "SELECT last_screen, last_step, count(*) FROM journeys "
                "WHERE finished_at = 0 AND last_screen <> '' AND opened_at >= ?1 AND opened_at < ?2 "
                "GROUP BY last_screen, last_step ORDER BY count(*) DESC, last_screen");
            bind_value(s, 1, from);
            bind_value(s, 2, to);
            while (sqlite3_step(s) == SQLITE_ROW) counts.push_back(StallCount{text_at(s, 0), text_at(s, 1), number_at(s, 2)});
        });
        return counts;
    }

    std::vector<ThemeCount> themes_by_step(int64_t from, int64_t to) override {
        std::vector<ThemeCount> counts;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(
                "SELECT f.step, f.theme, count(*) FROM journey_feedback f JOIN journeys j "
                "ON j.ticket = f.ticket AND j.report_id = f.report_id "
                "WHERE j.opened_at >= ?1 AND j.opened_at < ?2 GROUP BY f.step, f.theme ORDER BY f.step, count(*) DESC, f.theme");
            bind_value(s, 1, from);
            bind_value(s, 2, to);
            while (sqlite3_step(s) == SQLITE_ROW) counts.push_back(ThemeCount{text_at(s, 0), text_at(s, 1), number_at(s, 2)});
        });
        return counts;
    }

    std::vector<SaidEntry> sentences(int64_t from, int64_t to, int limit) override {
        std::vector<SaidEntry> entries;
        read([&](Connection& db) {
            sqlite3_stmt* s = db.statement(
                "SELECT step, screen, theme, said, kind, language, said_at FROM ("
                " SELECT f.step, f.screen, f.theme, f.said, f.kind, f.language, f.said_at, row_number() OVER ("
                "  PARTITION BY f.step, f.theme ORDER BY f.said_at DESC, f.entry) AS place "
                " FROM journey_feedback f JOIN journeys j ON j.ticket = f.ticket AND j.report_id = f.report_id "
                " WHERE j.opened_at >= ?1 AND j.opened_at < ?2) AS ranked "
                "WHERE place <= ?3 ORDER BY step, theme, said_at DESC");
            bind_value(s, 1, from);
            bind_value(s, 2, to);
            bind_value(s, 3, int64_t(limit));
            while (sqlite3_step(s) == SQLITE_ROW)
                entries.push_back(SaidEntry{text_at(s, 0), text_at(s, 1), text_at(s, 2), text_at(s, 3), text_at(s, 4),
                                            text_at(s, 5), number_at(s, 6)});
        });
        return entries;
    }

    // --- Housekeeping -------------------------------------------------------------------------------------------
    int64_t purge_expired(int64_t now) override {
        return write([&](Connection& db) -> int {
            int removed = 0;
            sqlite3_stmt* sessions = db.statement("DELETE FROM agent_sessions WHERE expires_at <= ?1");
            bind_value(sessions, 1, now);
            if (!run(sessions)) return -1;
            removed += sqlite3_changes(db.handle());
            sqlite3_stmt* grants = db.statement(
                "DELETE FROM session_tickets WHERE session_hash NOT IN (SELECT id_hash FROM agent_sessions)");
            if (!run(grants)) return -1;
            removed += sqlite3_changes(db.handle());
            sqlite3_stmt* codes = db.statement("DELETE FROM session_codes WHERE expires_at <= ?1");
            bind_value(codes, 1, now);
            if (!run(codes)) return -1;
            removed += sqlite3_changes(db.handle());
            return removed;
        });
    }

private:
    // One sighting inside the import's transaction: a SightingResult, or -1 on failure.
    static int record_sighting(Connection& db, const FeedSighting& row, const std::string& ticket_prefix, int64_t now) {
        sqlite3_stmt* seen = db.statement("SELECT 1 FROM feed_rows WHERE row_hash = ?1");
        sqlite3_bind_blob(seen, 1, row.row_hash.data(), int(row.row_hash.size()), SQLITE_TRANSIENT);
        const int seen_step = sqlite3_step(seen);
        sqlite3_reset(seen);
        if (seen_step == SQLITE_ROW) return int(SightingResult::duplicate);
        if (seen_step != SQLITE_DONE) return -1;

        int64_t case_id = 0;
        int result = int(SightingResult::seen_again);
        sqlite3_stmt* newest = db.statement(
            "SELECT id, ticket, reinfected_at FROM feed_cases WHERE customer = ?1 ORDER BY id DESC LIMIT 1");
        bind_value(newest, 1, row.customer);
        if (sqlite3_step(newest) == SQLITE_ROW) {
            case_id = number_at(newest, 0);
            const std::string ticket = text_at(newest, 1);
            const int64_t reinfected_at = number_at(newest, 2);
            sqlite3_reset(newest);  // done reading before the case is written
            sqlite3_stmt* remediated = db.statement(
                "SELECT coalesce(max(received_at), 0) FROM reports "
                "WHERE ticket = ?1 AND kind = 'final' AND outcome = 'remediated'");
            bind_value(remediated, 1, ticket);
            const int64_t remediated_at = sqlite3_step(remediated) == SQLITE_ROW ? number_at(remediated, 0) : 0;
            const bool reinfected = sighting_reinfects(row.seen_at, remediated_at, reinfected_at);
            sqlite3_stmt* update = db.statement(
                "UPDATE feed_cases SET sightings = sightings + 1, first_seen = min(first_seen, ?2), "
                "last_seen = max(last_seen, ?2), status = CASE WHEN ?3 THEN 'reinfected' ELSE status END, "
                "reinfected_at = CASE WHEN ?3 THEN ?2 ELSE reinfected_at END WHERE id = ?1");
            bind_value(update, 1, case_id);
            bind_value(update, 2, row.seen_at);
            bind_value(update, 3, int64_t(reinfected ? 1 : 0));
            if (!run(update)) return -1;
            if (reinfected) result = int(SightingResult::reinfected);
        } else {
            sqlite3_stmt* insert = db.statement(
                "INSERT INTO feed_cases (ticket, customer, email, language, evidence, device_id, device_category, "
                "confident, status, first_seen, last_seen, sightings, created_at) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'open', ?9, ?9, 1, ?10) ON CONFLICT (ticket) DO NOTHING");
            // A case without the provider's own number is numbered by its id, once the id exists.
            bind_value(insert, 1, row.ticket.empty() ? numbering_placeholder(row.row_hash) : row.ticket);
            bind_value(insert, 2, row.customer);
            bind_value(insert, 3, row.email);
            bind_value(insert, 4, row.language);
            bind_value(insert, 5, row.evidence_json);
            bind_value(insert, 6, row.device_id);
            bind_value(insert, 7, row.device_category);
            bind_value(insert, 8, int64_t(row.confident ? 1 : 0));
            bind_value(insert, 9, row.seen_at);
            bind_value(insert, 10, now);
            if (!run(insert)) return -1;
            if (sqlite3_changes(db.handle()) == 0) return int(SightingResult::ticket_taken);
            case_id = sqlite3_last_insert_rowid(db.handle());
            if (row.ticket.empty()) {
                sqlite3_stmt* number = db.statement("UPDATE feed_cases SET ticket = ?2 WHERE id = ?1");
                bind_value(number, 1, case_id);
                bind_value(number, 2, numbered_ticket(ticket_prefix, case_id));
                if (!run(number)) return -1;
            }
            result = int(SightingResult::new_case);
        }
        sqlite3_stmt* remember = db.statement("INSERT INTO feed_rows (row_hash, case_id, seen_at) VALUES (?1, ?2, ?3)");
        sqlite3_bind_blob(remember, 1, row.row_hash.data(), int(row.row_hash.size()), SQLITE_TRANSIENT);
        bind_value(remember, 2, case_id);
        bind_value(remember, 3, row.seen_at);
        return run(remember) ? result : -1;
    }

    // --- Writes: one thread, commits in groups ---------------------------------------------------------------
    struct PendingWrite {
        std::function<int(Connection&)> work;  // < 0: failed (its savepoint is rolled back)
        std::promise<int> result;
    };

    int write(std::function<int(Connection&)> work) {
        PendingWrite pending{std::move(work), {}};
        std::future<int> result = pending.result.get_future();
        {
            std::lock_guard<std::mutex> lock(writes_mutex_);
            writes_.push_back(std::move(pending));
        }
        writes_ready_.notify_one();
        return result.get();
    }

    void write_loop() {
        while (true) {
            std::vector<PendingWrite> group;
            {
                std::unique_lock<std::mutex> lock(writes_mutex_);
                writes_ready_.wait(lock, [this] { return stopping_ || !writes_.empty(); });
                if (writes_.empty()) return;
                while (!writes_.empty() && group.size() < kLargestCommitGroup) {
                    group.push_back(std::move(writes_.front()));
                    writes_.pop_front();
                }
            }
            commit_group(group);
        }
    }

    void commit_group(std::vector<PendingWrite>& group) {
        Connection& db = *writer_;
        std::vector<int> results(group.size(), -1);
        if (db.exec("BEGIN IMMEDIATE")) {
            for (size_t i = 0; i < group.size(); ++i) {
                db.exec("SAVEPOINT one_write");
                results[i] = group[i].work(db);
                db.finish_statements();
                if (results[i] < 0) db.exec("ROLLBACK TO one_write");
                db.exec("RELEASE one_write");
            }
            if (!db.exec("COMMIT")) {
                db.exec("ROLLBACK");
                std::fill(results.begin(), results.end(), -1);
            }
        }
        for (size_t i = 0; i < group.size(); ++i) group[i].result.set_value(results[i]);
    }

    // --- Reads: a pool of read-only connections -----------------------------------------------------------------
    template <typename Work>
    void read(Work work) {
        std::unique_ptr<Connection> db;
        {
            std::unique_lock<std::mutex> lock(readers_mutex_);
            readers_ready_.wait(lock, [this] { return !idle_readers_.empty() || open_readers_ < options_.most_readers; });
            if (!idle_readers_.empty()) {
                db = std::move(idle_readers_.back());
                idle_readers_.pop_back();
            } else {
                ++open_readers_;
            }
        }
        if (!db) {
            std::string ignored;
            db = Connection::open(path_, /*read_only=*/true, ignored);
            if (!db) {
                std::lock_guard<std::mutex> lock(readers_mutex_);
                --open_readers_;
                readers_ready_.notify_one();
                return;  // the caller sees "nothing found"
            }
        }
        work(*db);
        db->finish_statements();
        {
            std::lock_guard<std::mutex> lock(readers_mutex_);
            idle_readers_.push_back(std::move(db));
        }
        readers_ready_.notify_one();
    }

    std::string path_;
    SqliteOptions options_;

    std::unique_ptr<Connection> writer_;
    std::thread writer_thread_;
    std::mutex writes_mutex_;
    std::condition_variable writes_ready_;
    std::deque<PendingWrite> writes_;
    bool stopping_ = false;

    std::mutex readers_mutex_;
    std::condition_variable readers_ready_;
    std::vector<std::unique_ptr<Connection>> idle_readers_;
    int open_readers_ = 0;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path, const SqliteOptions& options, std::string& error) {
    if (!prepare_file(path, error)) return nullptr;
    auto writer = Connection::open(path, /*read_only=*/false, error);
    if (!writer) return nullptr;
    std::string failure;
    const char* sync = options.sync_every_commit ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL";
    if (!writer->exec("PRAGMA journal_mode=WAL", &failure) || !writer->exec(sync, &failure) ||
        !writer->exec("PRAGMA foreign_keys=ON", &failure)) {
        error = "cannot prepare database " + path + ": " + failure;
        return nullptr;
    }
    if (!apply_migrations(*writer, path, error)) return nullptr;
    for (const char* companion : {"-wal", "-shm"}) chmod((path + companion).c_str(), 0600);
    return std::make_unique<SqliteStore>(path, options, std::move(writer));
}

}  // namespace cleanslate::server
