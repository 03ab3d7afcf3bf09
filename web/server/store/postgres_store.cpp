// postgres_store.cpp — connections, migrations, the connection pool, and the queries.
// The queries say what sqlite_store.cpp's say, in PostgreSQL's dialect ($1, LEAST, bytea).
#include "store/postgres_store.h"

#include <libpq-fe.h>

#include <condition_variable>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "store/migrations.h"
#include "store/open_store.h"
#include "store/sighting_plan.h"
#include "store/store_rules.h"

namespace cleanslate::server {

namespace {

// Advisory lock keys (any bigint, the same in every server of a deployment).
constexpr int64_t kMigrationLock = 0x436c65616e530001;   // servers starting together migrate once
constexpr int64_t kFeedImportLock = 0x436c65616e530002;  // imports apply sightings one batch at a time

std::string one_line(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    for (char& c : text)
        if (c == '\n') c = ' ';
    return text;
}

// --- Parameters: text, except bytea in binary ------------------------------------------------
struct Bytes {
    const std::string& value;
};

class Params {
public:
    Params& add(const std::string& text) { return push(text, 0); }
    Params& add(const char* text) { return push(text, 0); }
    Params& add(int64_t number) { return push(std::to_string(number), 0); }
    Params& add(Bytes bytes) { return push(bytes.value, 1); }

    int count() const { return int(values_.size()); }
    std::vector<const char*> pointers() const {
        std::vector<const char*> pointers;
        for (const std::string& value : values_) pointers.push_back(value.c_str());
        return pointers;
    }
    std::vector<int> lengths() const {
        std::vector<int> lengths;
        for (const std::string& value : values_) lengths.push_back(int(value.size()));
        return lengths;
    }
    const std::vector<int>& formats() const { return formats_; }

private:
    Params& push(std::string value, int format) {
        values_.push_back(std::move(value));
        formats_.push_back(format);
        return *this;
    }
    std::vector<std::string> values_;
    std::vector<int> formats_;
};

template <typename... Values>
Params params(const Values&... values) {
    Params p;
    (p.add(values), ...);
    return p;
}

// --- A result, freed when it goes -------------------------------------------------------------
class Result {
public:
    explicit Result(PGresult* result = nullptr) : result_(result) {}
    Result(Result&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
    Result& operator=(Result&& other) noexcept {
        std::swap(result_, other.result_);
        return *this;
    }
    ~Result() { PQclear(result_); }

    bool ok() const {
        const ExecStatusType status = result_ ? PQresultStatus(result_) : PGRES_FATAL_ERROR;
        return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY;
    }
    int rows() const { return ok() ? PQntuples(result_) : 0; }
    // Rows an INSERT, UPDATE or DELETE touched.
    int64_t affected() const { return ok() ? std::atoll(PQcmdTuples(result_)) : 0; }
    std::string text(int row, int column) const {
        return std::string(PQgetvalue(result_, row, column), size_t(PQgetlength(result_, row, column)));
    }
    int64_t number(int row, int column) const { return std::atoll(PQgetvalue(result_, row, column)); }
    bool flag(int row, int column) const { return PQgetvalue(result_, row, column)[0] == 't'; }
    std::string error() const { return result_ ? one_line(PQresultErrorMessage(result_)) : "no result"; }

private:
    PGresult* result_;
};

// --- One connection and its prepared statements -------------------------------------------------
class Connection {
public:
    static std::unique_ptr<Connection> open(const std::string& url, bool sync_every_commit, std::string& error) {
        PGconn* handle = PQconnectdb(url.c_str());
        if (!handle || PQstatus(handle) != CONNECTION_OK) {
            error = "cannot connect to " + printable_database(url) + ": " +
                    (handle ? one_line(PQerrorMessage(handle)) : "out of memory");
            PQfinish(handle);
            return nullptr;
        }
        auto connection = std::unique_ptr<Connection>(new Connection(handle, sync_every_commit));
        if (!connection->configure(error)) return nullptr;
        return connection;
    }
    ~Connection() { PQfinish(handle_); }

    // After the database server restarted or the network dropped the connection: connect
    // again (prepared statements are per session, so they are prepared anew).
    bool healthy() {
        if (PQstatus(handle_) == CONNECTION_OK && PQtransactionStatus(handle_) != PQTRANS_UNKNOWN) return true;
        PQreset(handle_);
        prepared_.clear();
        std::string ignored;
        return PQstatus(handle_) == CONNECTION_OK && configure(ignored);
    }

    // Runs a statement prepared once per connection (keyed by the SQL literal's address).
    Result run(const char* sql, const Params& values = {}) {
        auto found = prepared_.find(sql);
        if (found == prepared_.end()) {
            std::string name = "cs" + std::to_string(prepared_.size());
            Result prepared(PQprepare(handle_, name.c_str(), sql, 0, nullptr));
            if (!prepared.ok()) return prepared;
            found = prepared_.emplace(sql, std::move(name)).first;
        }
        const auto pointers = values.pointers();
        const auto lengths = values.lengths();
        return Result(PQexecPrepared(handle_, found->second.c_str(), values.count(), pointers.data(), lengths.data(),
                                     values.formats().data(), /*text results*/ 0));
    }

    // A statement without parameters, not kept (BEGIN, COMMIT, a migration's script).
    Result exec(const char* sql) { return Result(PQexec(handle_, sql)); }

    // Ends whatever transaction a failure left open, so the next caller starts clean.
    void end_transaction() {
        if (PQtransactionStatus(handle_) != PQTRANS_IDLE) exec("ROLLBACK");
    }

private:
    Connection(PGconn* handle, bool sync_every_commit) : handle_(handle), sync_every_commit_(sync_every_commit) {}

    bool configure(std::string& error) {
        // Quiet NOTICEs (e.g. "relation already exists, skipping") instead of stderr lines.
        PQsetNoticeProcessor(handle_, [](void*, const char*) {}, nullptr);
        Result set = exec(sync_every_commit_ ? "SET synchronous_commit = on" : "SET synchronous_commit = off");
        if (!set.ok()) error = set.error();
        return set.ok();
    }

    PGconn* handle_;
    bool sync_every_commit_;
    std::unordered_map<const char*, std::string> prepared_;
};

// --- Row readers ----------------------------------------------------------------------------------
constexpr const char* kReportColumns =
    "id, ticket, report_id, kind, sequence, received_at, outcome, link_status, body";
ReportRecord report_at(const Result& r, int row) {
    return ReportRecord{r.number(row, 0), r.text(row, 1), r.text(row, 2), r.text(row, 3), r.number(row, 4),
                        r.number(row, 5), r.text(row, 6), r.text(row, 7), r.text(row, 8)};
}

constexpr const char* kAttentionColumns =
    "id, ticket, report_id, kind, phone, screen, language, raised_at, handled_at, handled_by";
AttentionItem attention_at(const Result& r, int row) {
    return AttentionItem{r.number(row, 0), r.text(row, 1), r.text(row, 2), r.text(row, 3), r.text(row, 4),
                         r.text(row, 5),   r.text(row, 6), r.number(row, 7), r.number(row, 8), r.text(row, 9)};
}

constexpr const char* kCaseColumns = "ticket, case_code, language, evidence, created_by, created_at, code_expires_at";
HelpdeskCase case_at(const Result& r, int row) {
    return HelpdeskCase{r.text(row, 0), r.text(row, 1),   r.text(row, 2),  r.text(row, 3),
                        r.text(row, 4), r.number(row, 5), r.number(row, 6)};
}

constexpr const char* kFeedCaseColumns =
    "id, ticket, customer, email, language, evidence, device_id, device_category, confident, status, "
    "first_seen, last_seen, sightings, created_at, notified_at, reinfected_at, verified_at, clean_since, "
    "told_reinfected_at, told_verified_at";
FeedCase feed_case_at(const Result& r, int row) {
    FeedCase c;
    c.id = r.number(row, 0);
    c.ticket = r.text(row, 1);
    c.customer = r.text(row, 2);
    c.email = r.text(row, 3);
    c.language = r.text(row, 4);
    c.evidence_json = r.text(row, 5);
    c.device_id = r.text(row, 6);
    c.device_category = r.text(row, 7);
    c.confident = r.flag(row, 8);
    c.status = r.text(row, 9);
    c.first_seen = r.number(row, 10);
    c.last_seen = r.number(row, 11);
    c.sightings = r.number(row, 12);
    c.created_at = r.number(row, 13);
    c.notified_at = r.number(row, 14);
    c.reinfected_at = r.number(row, 15);
    c.verified_at = r.number(row, 16);
    c.clean_since = r.number(row, 17);
    c.told_reinfected_at = r.number(row, 18);
    c.told_verified_at = r.number(row, 19);
    return c;
}

const char* flag_text(bool value) { return value ? "true" : "false"; }

// --- Arrays, to send a batch as one parameter per column --------------------------------------
// A text[] literal: every element quoted, with \ and " escaped (customer ids and evidence may
// hold any character).
std::string text_array(const std::vector<std::string>& values) {
    std::string out = "{";
    for (size_t i = 0; i < values.size(); ++i) {
        out += i ? ",\"" : "\"";
        for (char c : values[i]) {
            if (c == '\\' || c == '"') out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

std::string number_array(const std::vector<int64_t>& values) {
    std::string out = "{";
    for (size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + std::to_string(values[i]);
    return out + "}";
}

// Row hashes travel as hex inside arrays (hex_text; decode(h, 'hex') on the server).
std::string bytes_of_hex(const std::string& hex) {
    auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    std::string out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) out += char(nibble(hex[i]) << 4 | nibble(hex[i + 1]));
    return out;
}

// Feed cases notified in [$1, $2), per week of their e-mail (sqlite_store.cpp's kFunnelWeeksSql).
constexpr const char* kFunnelWeeksSql =
    "SELECT (c.notified_at - 345600) / 604800 AS week, count(*), "
    " sum(CASE WHEN EXISTS (SELECT 1 FROM journeys j WHERE j.ticket = c.ticket) THEN 1 ELSE 0 END), "
    " sum(CASE WHEN EXISTS (SELECT 1 FROM journeys j WHERE j.ticket = c.ticket AND j.identified_at > 0) THEN 1 ELSE 0 END), "
    " sum(CASE WHEN EXISTS (SELECT 1 FROM journeys j WHERE j.ticket = c.ticket AND j.reset_verified_at > 0) THEN 1 ELSE 0 END), "
    " sum(CASE WHEN EXISTS (SELECT 1 FROM journeys j WHERE j.ticket = c.ticket AND j.password_set_at > 0) THEN 1 ELSE 0 END), "
    " sum(CASE WHEN EXISTS (SELECT 1 FROM journeys j WHERE j.ticket = c.ticket AND j.remediated_at > 0) THEN 1 ELSE 0 END), "
    " sum(CASE WHEN c.status = 'verified_clean' THEN 1 ELSE 0 END), "
    " sum(CASE WHEN c.reinfected_at > 0 THEN 1 ELSE 0 END) "
    "FROM feed_cases c WHERE c.notified_at > 0 AND c.notified_at >= $1 AND c.notified_at < $2 "
    "GROUP BY (c.notified_at - 345600) / 604800 ORDER BY week";

// --- Migrations ---------------------------------------------------------------------------------------
bool apply_migrations(Connection& db, const std::string& label, std::string& error) {
    Result locked = db.run("SELECT pg_advisory_lock($1)", params(kMigrationLock));
    if (!locked.ok()) {
        error = label + ": cannot take the migration lock: " + locked.error();
        return false;
    }
    auto fail = [&](const std::string& message) {
        error = label + ": " + message;
        db.run("SELECT pg_advisory_unlock($1)", params(kMigrationLock));
        return false;
    };
    Result table = db.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
    if (!table.ok()) return fail("cannot record migrations: " + table.error());
    for (const Migration& migration : postgres_migrations()) {
        Result applied = db.run("SELECT 1 FROM schema_migrations WHERE version = $1", params(int64_t(migration.version)));
        if (!applied.ok()) return fail("cannot read schema_migrations: " + applied.error());
        if (applied.rows() > 0) continue;
        // BEGIN and the script in one call would end the transaction at the script's end; kept apart.
        Result begin = db.exec("BEGIN");
        Result script = db.exec(migration.sql);
        if (!begin.ok() || !script.ok()) {
            const std::string failure = begin.ok() ? script.error() : begin.error();
            db.exec("ROLLBACK");
            return fail(std::string("migration ") + migration.name + " failed: " + failure);
        }
        Result record = db.run(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, extract(epoch FROM now())::bigint)",
            params(int64_t(migration.version), migration.name));
        Result commit = record.ok() ? db.exec("COMMIT") : Result();
        if (!record.ok() || !commit.ok()) {
            const std::string failure = record.ok() ? commit.error() : record.error();
            db.exec("ROLLBACK");
            return fail(std::string("migration ") + migration.name + " could not be recorded: " + failure);
        }
    }
    db.run("SELECT pg_advisory_unlock($1)", params(kMigrationLock));
    return true;
}

// --- The store --------------------------------------------------------------------------------------------
class PostgresStore final : public Store {
public:
    PostgresStore(std::string url, PostgresOptions options, std::unique_ptr<Connection> first)
        : url_(std::move(url)), options_(options) {
        idle_.push_back(std::move(first));
        open_ = 1;
    }

    // --- Reports ------------------------------------------------------------------------------------
    SaveResult save_report(const ReportRecord& report, const std::vector<AttentionItem>& raises) override {
        const int result = write([&](Connection& db) -> int {
            Result insert = db.run(
                "INSERT INTO reports (ticket, report_id, kind, sequence, received_at, outcome, link_status, size, body) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING",
                params(report.ticket, report.report_id, report.kind, report.sequence, report.received_at, report.outcome,
                       report.link_status, int64_t(report.body_json.size()), report.body_json));
            if (!insert.ok()) return -1;
            if (insert.affected() == 0) return 0;
            for (const AttentionItem& item : raises) {
                Result raise = db.run(
                    "INSERT INTO attention (ticket, report_id, kind, phone, screen, language, raised_at) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
                    params(item.ticket, item.report_id, item.kind, item.phone, item.screen, item.language, item.raised_at));
                if (!raise.ok()) return -1;
            }
            return 1;
        });
        return result < 0 ? SaveResult::failed : result == 0 ? SaveResult::already_stored : SaveResult::stored;
    }

    TicketUsage ticket_usage(const std::string& ticket) override {
        TicketUsage usage;
        read([&](Connection& db) {
            Result r = db.run("SELECT count(*), coalesce(sum(size), 0) FROM reports WHERE ticket = $1", params(ticket));
            if (r.rows() == 1) usage = TicketUsage{r.number(0, 0), r.number(0, 1)};
        });
        return usage;
    }

    std::vector<ReportRecord> reports_for_ticket(const std::string& ticket, const PageRequest& page) override {
        static const std::string sql = std::string("SELECT ") + kReportColumns +
                                       " FROM reports WHERE ticket = $1 AND id > $2 ORDER BY id LIMIT $3";
        std::vector<ReportRecord> reports;
        read([&](Connection& db) {
            Result r = db.run(sql.c_str(), params(ticket, page.after, page_limit(page)));
            for (int row = 0; row < r.rows(); ++row) reports.push_back(report_at(r, row));
        });
        return reports;
    }

    std::vector<ReportRecord> latest_reports(const std::string& ticket) override {
        static const std::string sql =
            std::string("SELECT ") + kReportColumns +
            " FROM reports WHERE id IN ("
            "  (SELECT max(id) FROM reports WHERE ticket = $1 AND kind = 'progress'),"
            "  (SELECT max(id) FROM reports WHERE ticket = $1 AND kind = 'final')) ORDER BY id";
        std::vector<ReportRecord> reports;
        read([&](Connection& db) {
            Result r = db.run(sql.c_str(), params(ticket));
            for (int row = 0; row < r.rows(); ++row) reports.push_back(report_at(r, row));
        });
        return reports;
    }

    // --- Attention queue ------------------------------------------------------------------------------
    std::vector<AttentionItem> attention(const PageRequest& page, bool include_handled) override {
        static const std::string sql =
            std::string("SELECT ") + kAttentionColumns +
            " FROM attention WHERE ($1::bigint = 0 OR id < $1) AND ($2::boolean OR handled_at = 0) "
            "ORDER BY id DESC LIMIT $3";
        std::vector<AttentionItem> items;
        read([&](Connection& db) {
            Result r = db.run(sql.c_str(), params(page.before, flag_text(include_handled), page_limit(page)));
            for (int row = 0; row < r.rows(); ++row) items.push_back(attention_at(r, row));
        });
        return items;
    }

    std::optional<AttentionItem> attention_item(int64_t id) override {
        static const std::string sql = std::string("SELECT ") + kAttentionColumns + " FROM attention WHERE id = $1";
        std::optional<AttentionItem> item;
        read([&](Connection& db) {
            Result r = db.run(sql.c_str(), params(id));
            if (r.rows() == 1) item = attention_at(r, 0);
        });
        return item;
    }

    bool mark_handled(int64_t id, const std::string& agent, int64_t now) override {
        return write([&](Connection& db) -> int {
                   Result update = db.run(
                       "UPDATE attention SET handled_at = $2, handled_by = $3 WHERE id = $1 AND handled_at = 0",
                       params(id, now, agent));
                   if (!update.ok()) return -1;
                   if (update.affected() == 1) return 1;
                   Result exists = db.run("SELECT 1 FROM attention WHERE id = $1", params(id));
                   return exists.ok() ? (exists.rows() == 1 ? 1 : 0) : -1;
               }) == 1;
    }

    // --- Agents -----------------------------------------------------------------------------------------
    bool add_agent(const Agent& agent) override {
        return write([&](Connection& db) -> int {
                   Result insert = db.run(
                       "INSERT INTO agents (name, password_hash, created_at, disabled) VALUES ($1, $2, $3, $4) "
                       "ON CONFLICT DO NOTHING",
                       params(agent.name, agent.password_hash, agent.created_at, flag_text(agent.disabled)));
                   return insert.ok() ? int(insert.affected()) : -1;
               }) == 1;
    }

    bool set_agent_password(const std::string& name, const std::string& password_hash) override {
        return write([&](Connection& db) -> int {
                   Result update = db.run("UPDATE agents SET password_hash = $2 WHERE name = $1", params(name, password_hash));
                   if (!update.ok()) return -1;
                   if (update.affected() == 0) return 0;
                   // A new password ends every session of the old one.
                   return db.run("DELETE FROM agent_sessions WHERE agent = $1", params(name)).ok() ? 1 : -1;
               }) == 1;
    }

    std::optional<Agent> find_agent(const std::string& name) override {
        std::optional<Agent> agent;
        read([&](Connection& db) {
            Result r = db.run("SELECT name, password_hash, created_at, disabled FROM agents WHERE name = $1", params(name));
            if (r.rows() == 1) agent = Agent{r.text(0, 0), r.text(0, 1), r.number(0, 2), r.flag(0, 3)};
        });
        return agent;
    }

    int64_t agent_count() override {
        int64_t count = 0;
        read([&](Connection& db) {
            Result r = db.run("SELECT count(*) FROM agents");
            if (r.rows() == 1) count = r.number(0, 0);
        });
        return count;
    }

    // --- Agent sessions -----------------------------------------------------------------------------------
    bool create_session(const AgentSession& session) override {
        return write([&](Connection& db) -> int {
                   return db.run("INSERT INTO agent_sessions (id_hash, agent, csrf_token, created_at, expires_at) "
                                 "VALUES ($1, $2, $3, $4, $5)",
                                 params(session.id_hash, session.agent, session.csrf_token, session.created_at,
                                        session.expires_at))
                                  .ok()
                              ? 1
                              : -1;
               }) == 1;
    }

    std::optional<AgentSession> find_session(const std::string& id_hash, int64_t now) override {
        std::optional<AgentSession> session;
        read([&](Connection& db) {
            Result r = db.run(
                "SELECT s.id_hash, s.agent, s.csrf_token, s.created_at, s.expires_at FROM agent_sessions s "
                "JOIN agents a ON a.name = s.agent WHERE s.id_hash = $1 AND s.expires_at > $2 AND NOT a.disabled",
                params(id_hash, now));
            if (r.rows() == 1) session = AgentSession{r.text(0, 0), r.text(0, 1), r.text(0, 2), r.number(0, 3), r.number(0, 4)};
        });
        return session;
    }

    void end_session(const std::string& id_hash) override {
        write([&](Connection& db) -> int {
            return db.run("DELETE FROM agent_sessions WHERE id_hash = $1", params(id_hash)).ok() &&
                           db.run("DELETE FROM session_tickets WHERE session_hash = $1", params(id_hash)).ok()
                       ? 1
                       : -1;
        });
    }

    bool grant_ticket(const std::string& session_id_hash, const std::string& ticket, int64_t now) override {
        return write([&](Connection& db) -> int {
                   return db.run("INSERT INTO session_tickets (session_hash, ticket, granted_at) VALUES ($1, $2, $3) "
                                 "ON CONFLICT DO NOTHING",
                                 params(session_id_hash, ticket, now))
                                  .ok()
                              ? 1
                              : -1;
               }) == 1;
    }

    bool may_see_ticket(const std::string& session_id_hash, const std::string& ticket) override {
        bool allowed = false;
        read([&](Connection& db) {
            allowed = db.run("SELECT 1 FROM session_tickets WHERE session_hash = $1 AND ticket = $2",
                             params(session_id_hash, ticket))
                          .rows() == 1;
        });
        return allowed;
    }

    std::vector<std::string> granted_tickets(const std::string& session_id_hash) override {
        std::vector<std::string> tickets;
        read([&](Connection& db) {
            Result r = db.run("SELECT ticket FROM session_tickets WHERE session_hash = $1 ORDER BY granted_at DESC LIMIT 100",
                              params(session_id_hash));
            for (int row = 0; row < r.rows(); ++row) tickets.push_back(r.text(row, 0));
        });
        return tickets;
    }

    // --- Session codes -------------------------------------------------------------------------------------
    bool save_session_code(const SessionCode& code) override {
        return write([&](Connection& db) -> int {
                   // An expired code may be drawn again.
                   if (!db.run("DELETE FROM session_codes WHERE code = $1 AND expires_at <= $2",
                               params(code.code, code.created_at))
                            .ok())
                       return -1;
                   Result insert = db.run(
                       "INSERT INTO session_codes (code, ticket, created_at, expires_at) VALUES ($1, $2, $3, $4) "
                       "ON CONFLICT DO NOTHING",
                       params(code.code, code.ticket, code.created_at, code.expires_at));
                   return insert.ok() ? int(insert.affected()) : -1;
               }) == 1;
    }

    std::optional<SessionCode> find_session_code(const std::string& code, int64_t now) override {
        std::optional<SessionCode> found;
        read([&](Connection& db) {
            Result r = db.run("SELECT code, ticket, created_at, expires_at FROM session_codes WHERE code = $1 AND expires_at > $2",
                              params(code, now));
            if (r.rows() == 1) found = SessionCode{r.text(0, 0), r.text(0, 1), r.number(0, 2), r.number(0, 3)};
        });
        return found;
    }

    // --- Helpdesk-started cases -----------------------------------------------------------------------------
    bool create_case(const HelpdeskCase& c) override {
        return write([&](Connection& db) -> int {
                   Result insert = db.run(
                       "INSERT INTO helpdesk_cases (ticket, case_code, language, evidence, created_by, created_at, "
                       "code_expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
                       params(c.ticket, c.case_code, c.language, c.evidence_json, c.created_by, c.created_at,
                              c.code_expires_at));
                   return insert.ok() ? int(insert.affected()) : -1;
               }) == 1;
    }

    std::optional<HelpdeskCase> find_case_by_code(const std::string& case_code, int64_t now) override {
        static const std::string sql =
            std::string("SELECT ") + kCaseColumns + " FROM helpdesk_cases WHERE case_code = $1 AND code_expires_at > $2";
        std::optional<HelpdeskCase> found;
        read([&](Connection& db) {
            Result r = db.run(sql.c_str(), params(case_code, now));
            if (r.rows() == 1) found = case_at(r, 0);
        });
        return found;
    }

    std::optional<HelpdeskCase> find_case(const std::string& ticket) override {
        static const std::string sql = std::string("SELECT ") + kCaseColumns + " FROM helpdesk_cases WHERE ticket = $1";
        std::optional<HelpdeskCase> found;
        read([&](Connection& db) {
            Result r = db.run(sql.c_str(), params(ticket));
            if (r.rows() == 1) found = case_at(r, 0);
        });
        return found;
    }

    // --- Feed cases ------------------------------------------------------------------------------------------
    std::vector<SightingResult> record_sightings(const std::vector<FeedSighting>& sightings,
                                                 const std::string& ticket_prefix, int64_t now) override {
        std::vector<SightingResult> results(sightings.size(), SightingResult::failed);
        // A batch in a few set-based statements (sighting_plan.h): a round trip per row would
        // make a million-row outbreak take the better part of an hour over a network.
        bool taken_meanwhile = false;
        int written = write([&](Connection& db) -> int {
            // Two imports at once (two desk machines) would each see the other's new case as
            // missing: batches take turns, as they do in SQLite's single writer.
            if (!db.run("SELECT pg_advisory_xact_lock($1)", params(kFeedImportLock)).ok()) return -1;
            return record_batch(db, sightings, ticket_prefix, now, results, taken_meanwhile);
        });
        if (written != 1 && taken_meanwhile) {
            // A ticket was taken between the look-up and the insert (by a writer that does
            // not take the import lock): apply this batch one row at a time, as it decides.
            written = write([&](Connection& db) -> int {
                if (!db.run("SELECT pg_advisory_xact_lock($1)", params(kFeedImportLock)).ok()) return -1;
                for (size_t i = 0; i < sightings.size(); ++i) {
                    const int result = record_sighting(db, sightings[i], ticket_prefix, now);
                    if (result < 0) return -1;
                    results[i] = SightingResult(result);
                }
                return 1;
            });
        }
        if (written != 1) std::fill(results.begin(), results.end(), SightingResult::failed);
        return results;
    }

    std::vector<FeedCase> cases_to_notify(const PageRequest& page) override {
        static const std::string sql = std::string("SELECT ") + kFeedCaseColumns +
                                       " FROM feed_cases WHERE notified_at = 0 AND id > $1 ORDER BY id LIMIT $2";
        std::vector<FeedCase> cases;
        read([&](Connection& db) {
            Result r = db.run(sql.c_str(), params(page.after, page_limit(page)));
            for (int row = 0; row < r.rows(); ++row) cases.push_back(feed_case_at(r, row));
        });
        return cases;
    }

    bool mark_notified(const std::vector<int64_t>& case_ids, int64_t now) override {
        return write([&](Connection& db) -> int {
                   for (int64_t id : case_ids)
                       if (!db.run("UPDATE feed_cases SET notified_at = $2 WHERE id = $1", params(id, now)).ok()) return -1;
                   return 1;
               }) == 1;
    }

    std::vector<FeedCase> cases_with_news(const PageRequest& page) override {
        static const std::string sql = cases_with_news_sql(kFeedCaseColumns, "$1", "$2");
        std::vector<FeedCase> cases;
        read([&](Connection& db) {
            Result r = db.run(sql.c_str(), params(page.after, page_limit(page)));
            for (int row = 0; row < r.rows(); ++row) cases.push_back(feed_case_at(r, row));
        });
        return cases;
    }

    bool mark_news_told(const std::vector<FeedCase>& cases) override {
        return write([&](Connection& db) -> int {
                   for (const FeedCase& c : cases)
                       if (!db.run("UPDATE feed_cases SET told_reinfected_at = $2, told_verified_at = $3 WHERE id = $1",
                                   params(c.id, c.reinfected_at, c.verified_at)).ok())
                           return -1;
                   return 1;
               }) == 1;
    }

    std::optional<FeedCase> find_feed_case(const std::string& ticket) override {
        static const std::string sql = std::string("SELECT ") + kFeedCaseColumns + " FROM feed_cases WHERE ticket = $1";
        std::optional<FeedCase> found;
        read([&](Connection& db) {
            Result r = db.run(sql.c_str(), params(ticket));
            if (r.rows() == 1) found = feed_case_at(r, 0);
        });
        return found;
    }

    // --- Did it work? -----------------------------------------------------------------------------------------------
    VerifyTally verify_quiet_cases(int64_t quiet_seconds, int64_t now) override {
        VerifyTally tally;
        const int written = write([&](Connection& db) -> int {
            tally = VerifyTally{};
            Result until = db.run("SELECT coalesce(max(seen_at), 0) FROM feed_rows");
            if (until.rows() != 1) return -1;
            tally.feed_until = until.number(0, 0);
            // Cases with a report of 'remediated' that are not verified clean now.
            Result candidates = db.run(
                "SELECT c.id, c.last_seen, c.reinfected_at, max(r.received_at) FROM feed_cases c "
                "JOIN reports r ON r.ticket = c.ticket AND r.kind = 'final' AND r.outcome = 'remediated' "
                "WHERE c.status <> 'verified_clean' GROUP BY c.id, c.last_seen, c.reinfected_at");
            if (!candidates.ok()) return -1;
            for (int row = 0; row < candidates.rows(); ++row) {
                const int64_t last_seen = candidates.number(row, 1), reinfected_at = candidates.number(row, 2),
                              remediated_at = candidates.number(row, 3);
                if (remediated_at <= reinfected_at || last_seen > remediated_at) continue;  // seen after it
                if (remediated_at + quiet_seconds > tally.feed_until) {
                    ++tally.watching;
                    continue;
                }
                if (!db.run("UPDATE feed_cases SET status = 'verified_clean', verified_at = $2, clean_since = $3 WHERE id = $1",
                            params(candidates.number(row, 0), now, remediated_at)).ok())
                    return -1;
                ++tally.verified;
            }
            return 1;
        });
        if (written != 1) tally = VerifyTally{-1, -1, -1};
        return tally;
    }

    std::optional<CaseStanding> case_standing(const std::string& ticket) override {
        std::optional<CaseStanding> standing;
        read([&](Connection& db) {
            Result r = db.run(
                "SELECT c.status, c.reinfected_at, c.clean_since, "
                "(SELECT coalesce(max(r.received_at), 0) FROM reports r "
                " WHERE r.ticket = c.ticket AND r.kind = 'final' AND r.outcome = 'remediated') "
                "FROM feed_cases c WHERE c.ticket = $1",
                params(ticket));
            if (r.rows() == 1) standing = standing_of(r.text(0, 0), r.number(0, 1), r.number(0, 2), r.number(0, 3));
        });
        return standing;
    }

    bool set_desk_setting(const std::string& name, int64_t value, int64_t now) override {
        return write([&](Connection& db) -> int {
                   return db.run("INSERT INTO desk_settings (name, value, changed_at) VALUES ($1, $2, $3) "
                                 "ON CONFLICT (name) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at",
                                 params(name, value, now)).ok() ? 1 : -1;
               }) == 1;
    }

    std::optional<int64_t> desk_setting(const std::string& name) override {
        std::optional<int64_t> value;
        read([&](Connection& db) {
            Result r = db.run("SELECT value FROM desk_settings WHERE name = $1", params(name));
            if (r.rows() == 1) value = r.number(0, 0);
        });
        return value;
    }

    // --- The funnel --------------------------------------------------------------------------------------------------
    bool record_journey(const JourneyMark& mark) override {
        return write([&](Connection& db) -> int {
                   auto when = [&](bool reached) { return reached ? mark.at : int64_t(0); };
                   Result upsert = db.run(
                       "INSERT INTO journeys (ticket, report_id, opened_at, identified_at, reset_verified_at, "
                       "password_set_at, finished_at, remediated_at, last_sequence, last_screen, last_step, final_revision) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
                       "ON CONFLICT (ticket, report_id) DO UPDATE SET "
                       "opened_at = LEAST(journeys.opened_at, excluded.opened_at), "
                       "identified_at = CASE WHEN journeys.identified_at = 0 THEN excluded.identified_at ELSE journeys.identified_at END, "
                       "reset_verified_at = CASE WHEN journeys.reset_verified_at = 0 THEN excluded.reset_verified_at ELSE journeys.reset_verified_at END, "
                       "password_set_at = CASE WHEN journeys.password_set_at = 0 THEN excluded.password_set_at ELSE journeys.password_set_at END, "
                       "finished_at = CASE WHEN journeys.finished_at = 0 THEN excluded.finished_at ELSE journeys.finished_at END, "
                       "remediated_at = CASE WHEN journeys.remediated_at = 0 THEN excluded.remediated_at ELSE journeys.remediated_at END, "
                       "last_screen = CASE WHEN excluded.last_sequence > journeys.last_sequence THEN excluded.last_screen ELSE journeys.last_screen END, "
                       "last_step = CASE WHEN excluded.last_sequence > journeys.last_sequence THEN excluded.last_step ELSE journeys.last_step END, "
                       "last_sequence = GREATEST(journeys.last_sequence, excluded.last_sequence), "
                       "final_revision = GREATEST(journeys.final_revision, excluded.final_revision)",
                       params(mark.ticket, mark.report_id, mark.at, when(mark.identified), when(mark.reset_verified),
                              when(mark.password_set), when(mark.is_final), when(mark.remediated),
                              mark.is_final ? int64_t(0) : mark.sequence, mark.screen, mark.step,
                              mark.is_final ? mark.sequence : int64_t(0)));
                   if (!upsert.ok()) return -1;
                   if (!mark.is_final) return 1;
                   // A final report replaces what an older revision said (a withdrawn consent removes it).
                   Result newest = db.run("SELECT final_revision FROM journeys WHERE ticket = $1 AND report_id = $2",
                                          params(mark.ticket, mark.report_id));
                   if (newest.rows() == 1 && newest.number(0, 0) > mark.sequence) return 1;  // an older revision, late
                   if (!db.run("DELETE FROM journey_step_times WHERE ticket = $1 AND report_id = $2",
                               params(mark.ticket, mark.report_id)).ok() ||
                       !db.run("DELETE FROM journey_feedback WHERE ticket = $1 AND report_id = $2",
                               params(mark.ticket, mark.report_id)).ok())
                       return -1;
                   for (const auto& [step, seconds] : mark.step_seconds)
                       if (!db.run("INSERT INTO journey_step_times (ticket, report_id, step, seconds) VALUES ($1, $2, $3, $4) "
                                   "ON CONFLICT DO NOTHING",
                                   params(mark.ticket, mark.report_id, step, seconds)).ok())
                           return -1;
                   for (const JourneyMark::Said& said : mark.said)
                       if (!db.run("INSERT INTO journey_feedback (ticket, report_id, entry, step, screen, theme, said, kind, "
                                   "language, said_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING",
                                   params(mark.ticket, mark.report_id, said.entry, said.step, said.screen, said.theme, said.said,
                                          said.kind, said.language, mark.at)).ok())
                           return -1;
                   return 1;
               }) == 1;
    }

    std::vector<FunnelWeek> funnel_weeks(int64_t from, int64_t to) override {
        std::vector<FunnelWeek> weeks;
        read([&](Connection& db) {
            Result r = db.run(kFunnelWeeksSql, params(from, to));
            for (int row = 0; row < r.rows(); ++row) {
                FunnelWeek w;
                w.week_start = r.number(row, 0) * kSecondsPerWeek + kFirstMonday;
                int64_t* counts[] = {&w.notified, &w.opened, &w.identified, &w.reset_verified, &w.password_set,
                                     &w.remediated, &w.verified_clean, &w.reinfected};
                for (int i = 0; i < 8; ++i) *counts[i] = r.number(row, i + 1);
                weeks.push_back(w);
            }
        });
        return weeks;
    }

    std::vector<StepTime> step_times(int64_t from, int64_t to) override {
        std::vector<StepTime> times;
        read([&](Connection& db) {
            Result counts = db.run(
                "SELECT t.step, count(*) FROM journey_step_times t JOIN journeys j "
                "ON j.ticket = t.ticket AND j.report_id = t.report_id "
                "WHERE j.opened_at >= $1 AND j.opened_at < $2 GROUP BY t.step",
                params(from, to));
            for (int row = 0; row < counts.rows(); ++row) times.push_back(StepTime{counts.text(row, 0), counts.number(row, 1), 0});
            // The median: the middle one (or the mean of the middle two) in order, read by offset.
            for (StepTime& time : times) {
                Result middle = db.run(
                    "SELECT t.seconds FROM journey_step_times t JOIN journeys j "
                    "ON j.ticket = t.ticket AND j.report_id = t.report_id "
                    "WHERE t.step = $1 AND j.opened_at >= $2 AND j.opened_at < $3 ORDER BY t.seconds LIMIT $4 OFFSET $5",
                    params(time.step, from, to, int64_t(time.journeys % 2 == 0 ? 2 : 1), (time.journeys - 1) / 2));
                double sum = 0;
                for (int row = 0; row < middle.rows(); ++row) sum += double(middle.number(row, 0));
                time.median_seconds = middle.rows() ? sum / middle.rows() : 0;
            }
        });
        return times;
    }

    std::vector<StallCount> stalls(int64_t from, int64_t to) override {
        std::vector<StallCount> counts;
        read([&](Connection& db) {
            Result r = db.run(
                "SELECT last_screen, last_step, count(*) FROM journeys "
                "WHERE finished_at = 0 AND last_screen <> '' AND opened_at >= $1 AND opened_at < $2 "
                "GROUP BY last_screen, last_step ORDER BY count(*) DESC, last_screen",
                params(from, to));
            for (int row = 0; row < r.rows(); ++row) counts.push_back(StallCount{r.text(row, 0), r.text(row, 1), r.number(row, 2)});
        });
        return counts;
    }

    std::vector<ThemeCount> themes_by_step(int64_t from, int64_t to) override {
        std::vector<ThemeCount> counts;
        read([&](Connection& db) {
            Result r = db.run(
                "SELECT f.step, f.theme, count(*) FROM journey_feedback f JOIN journeys j "
                "ON j.ticket = f.ticket AND j.report_id = f.report_id "
                "WHERE j.opened_at >= $1 AND j.opened_at < $2 GROUP BY f.step, f.theme ORDER BY f.step, count(*) DESC, f.theme",
                params(from, to));
            for (int row = 0; row < r.rows(); ++row) counts.push_back(ThemeCount{r.text(row, 0), r.text(row, 1), r.number(row, 2)});
        });
        return counts;
    }

    std::vector<SaidEntry> sentences(int64_t from, int64_t to, int limit) override {
        std::vector<SaidEntry> entries;
        read([&](Connection& db) {
            Result r = db.run(
                "SELECT step, screen, theme, said, kind, language, said_at FROM ("
                " SELECT f.step, f.screen, f.theme, f.said, f.kind, f.language, f.said_at, row_number() OVER ("
                "  PARTITION BY f.step, f.theme ORDER BY f.said_at DESC, f.entry) AS place "
                " FROM journey_feedback f JOIN journeys j ON j.ticket = f.ticket AND j.report_id = f.report_id "
                " WHERE j.opened_at >= $1 AND j.opened_at < $2) AS ranked "
                "WHERE place <= $3 ORDER BY step, theme, said_at DESC",
                params(from, to, int64_t(limit)));
            for (int row = 0; row < r.rows(); ++row)
                entries.push_back(SaidEntry{r.text(row, 0), r.text(row, 1), r.text(row, 2), r.text(row, 3), r.text(row, 4),
                                            r.text(row, 5), r.number(row, 6)});
        });
        return entries;
    }

    // --- Housekeeping -----------------------------------------------------------------------------------------
    int64_t purge_expired(int64_t now) override {
        return write([&](Connection& db) -> int {
            Result sessions = db.run("DELETE FROM agent_sessions WHERE expires_at <= $1", params(now));
            Result grants = db.run("DELETE FROM session_tickets WHERE session_hash NOT IN (SELECT id_hash FROM agent_sessions)");
            Result codes = db.run("DELETE FROM session_codes WHERE expires_at <= $1", params(now));
            if (!sessions.ok() || !grants.ok() || !codes.ok()) return -1;
            return int(sessions.affected() + grants.affected() + codes.affected());
        });
    }

private:
    // One sighting inside the import's transaction: a SightingResult, or -1 on failure.
    // The batch: three look-ups, the plan in memory, then at most four writes.
    static int record_batch(Connection& db, const std::vector<FeedSighting>& sightings, const std::string& ticket_prefix,
                            int64_t now, std::vector<SightingResult>& results, bool& taken_meanwhile) {
        SightingLookup lookup;
        std::vector<std::string> hashes, customers, own_tickets;
        for (const FeedSighting& row : sightings) {
            hashes.push_back(hex_text(row.row_hash));
            customers.push_back(row.customer);
            if (!row.ticket.empty()) own_tickets.push_back(row.ticket);
        }
        Result known = db.run("SELECT h FROM unnest($1::text[]) AS h "
                              "WHERE EXISTS (SELECT 1 FROM feed_rows WHERE row_hash = decode(h, 'hex'))",
                              params(text_array(hashes)));
        if (!known.ok()) return -1;
        for (int row = 0; row < known.rows(); ++row) lookup.known_rows.insert(bytes_of_hex(known.text(row, 0)));
        Result newest = db.run(
            "SELECT DISTINCT ON (c.customer) c.customer, c.id, c.reinfected_at, coalesce((SELECT max(r.received_at) "
            "FROM reports r WHERE r.ticket = c.ticket AND r.kind = 'final' AND r.outcome = 'remediated'), 0) "
            "FROM feed_cases c WHERE c.customer = ANY($1::text[]) ORDER BY c.customer, c.id DESC",
            params(text_array(customers)));
        if (!newest.ok()) return -1;
        for (int row = 0; row < newest.rows(); ++row)
            lookup.newest_case[newest.text(row, 0)] = {newest.number(row, 1), newest.number(row, 2), newest.number(row, 3)};
        if (!own_tickets.empty()) {
            Result taken = db.run("SELECT ticket FROM feed_cases WHERE ticket = ANY($1::text[])", params(text_array(own_tickets)));
            if (!taken.ok()) return -1;
            for (int row = 0; row < taken.rows(); ++row) lookup.taken_tickets.insert(taken.text(row, 0));
        }

        const SightingPlan plan = plan_sightings(sightings, lookup);

        // New cases, in the order their rows came (so numbered tickets follow the file).
        std::vector<int64_t> new_ids(plan.new_cases.size(), 0);
        if (!plan.new_cases.empty()) {
            std::vector<std::string> ticket, customer, email, language, evidence, device, category, confident;
            std::vector<int64_t> first_seen, last_seen, count;
            for (const SightingPlan::NewCase& c : plan.new_cases) {
                const FeedSighting& row = sightings[c.opened_by];
                ticket.push_back(row.ticket.empty() ? numbering_placeholder(row.row_hash) : row.ticket);
                customer.push_back(row.customer);
                email.push_back(row.email);
                language.push_back(row.language);
                evidence.push_back(row.evidence_json);
                device.push_back(row.device_id);
                category.push_back(row.device_category);
                confident.push_back(flag_text(row.confident));
                first_seen.push_back(c.first_seen);
                last_seen.push_back(c.last_seen);
                count.push_back(c.sightings);
            }
            Result inserted = db.run(
                "INSERT INTO feed_cases (ticket, customer, email, language, evidence, device_id, device_category, "
                "confident, status, first_seen, last_seen, sightings, created_at) "
                "SELECT t, cu, em, la, ev, di, dc, cf::boolean, 'open', fs, ls, n, $12 FROM unnest($1::text[], $2::text[], "
                "$3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::bigint[], "
                "$11::bigint[]) WITH ORDINALITY AS u(t, cu, em, la, ev, di, dc, cf, fs, ls, n, position) ORDER BY position "
                "ON CONFLICT (ticket) DO NOTHING RETURNING id, ticket",
                params(text_array(ticket), text_array(customer), text_array(email), text_array(language),
                       text_array(evidence), text_array(device), text_array(category), text_array(confident),
                       number_array(first_seen), number_array(last_seen), number_array(count), now));
            if (!inserted.ok()) return -1;
            if (size_t(inserted.rows()) != plan.new_cases.size()) {
                taken_meanwhile = true;
                return -1;
            }
            std::unordered_map<std::string, int64_t> id_of_ticket;
            for (int row = 0; row < inserted.rows(); ++row) id_of_ticket[inserted.text(row, 1)] = inserted.number(row, 0);
            std::vector<int64_t> numbered_ids;
            std::vector<std::string> numbered;
            for (size_t i = 0; i < plan.new_cases.size(); ++i) {
                new_ids[i] = id_of_ticket[ticket[i]];
                if (sightings[plan.new_cases[i].opened_by].ticket.empty()) {
                    numbered_ids.push_back(new_ids[i]);
                    numbered.push_back(numbered_ticket(ticket_prefix, new_ids[i]));
                }
            }
            if (!numbered.empty() &&
                !db.run("UPDATE feed_cases c SET ticket = u.t FROM unnest($1::bigint[], $2::text[]) AS u(id, t) WHERE c.id = u.id",
                        params(number_array(numbered_ids), text_array(numbered))).ok())
                return -1;
        }

        // Cases that existed: more sightings, perhaps a reinfection.
        if (!plan.changes.empty()) {
            std::vector<int64_t> id, count, first_seen, last_seen, reinfected_at;
            for (const SightingPlan::CaseChange& c : plan.changes) {
                id.push_back(c.id);
                count.push_back(c.sightings);
                first_seen.push_back(c.first_seen);
                last_seen.push_back(c.last_seen);
                reinfected_at.push_back(c.reinfected_at);
            }
            if (!db.run("UPDATE feed_cases c SET sightings = c.sightings + u.n, first_seen = LEAST(c.first_seen, u.fs), "
                        "last_seen = GREATEST(c.last_seen, u.ls), "
                        "status = CASE WHEN u.ra > 0 THEN 'reinfected' ELSE c.status END, "
                        "reinfected_at = CASE WHEN u.ra > 0 THEN u.ra ELSE c.reinfected_at END "
                        "FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[]) "
                        "AS u(id, n, fs, ls, ra) WHERE c.id = u.id",
                        params(number_array(id), number_array(count), number_array(first_seen), number_array(last_seen),
                               number_array(reinfected_at)))
                     .ok())
                return -1;
        }

        // The rows, so they count once.
        if (!plan.rows.empty()) {
            std::vector<std::string> hash;
            std::vector<int64_t> case_id, seen_at;
            for (const SightingPlan::StoredRow& r : plan.rows) {
                hash.push_back(hashes[r.sighting]);
                case_id.push_back(r.new_case >= 0 ? new_ids[size_t(r.new_case)] : r.case_id);
                seen_at.push_back(sightings[r.sighting].seen_at);
            }
            if (!db.run("INSERT INTO feed_rows (row_hash, case_id, seen_at) SELECT decode(h, 'hex'), id, s "
                        "FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS u(h, id, s)",
                        params(text_array(hash), number_array(case_id), number_array(seen_at)))
                     .ok())
                return -1;
        }
        results = plan.results;
        return 1;
    }

    static int record_sighting(Connection& db, const FeedSighting& row, const std::string& ticket_prefix, int64_t now) {
        Result seen = db.run("SELECT 1 FROM feed_rows WHERE row_hash = $1", params(Bytes{row.row_hash}));
        if (!seen.ok()) return -1;
        if (seen.rows() > 0) return int(SightingResult::duplicate);

        int64_t case_id = 0;
        int result = int(SightingResult::seen_again);
        Result newest = db.run(
            "SELECT c.id, c.reinfected_at, coalesce((SELECT max(r.received_at) FROM reports r "
            "  WHERE r.ticket = c.ticket AND r.kind = 'final' AND r.outcome = 'remediated'), 0) "
            "FROM feed_cases c WHERE c.customer = $1 ORDER BY c.id DESC LIMIT 1",
            params(row.customer));
        if (!newest.ok()) return -1;
        if (newest.rows() == 1) {
            case_id = newest.number(0, 0);
            const int64_t reinfected_at = newest.number(0, 1);
            const int64_t remediated_at = newest.number(0, 2);
            const bool reinfected = sighting_reinfects(row.seen_at, remediated_at, reinfected_at);
            Result update = db.run(
                "UPDATE feed_cases SET sightings = sightings + 1, first_seen = LEAST(first_seen, $2), "
                "last_seen = GREATEST(last_seen, $2), status = CASE WHEN $3::boolean THEN 'reinfected' ELSE status END, "
                "reinfected_at = CASE WHEN $3::boolean THEN $2 ELSE reinfected_at END WHERE id = $1",
                params(case_id, row.seen_at, flag_text(reinfected)));
            if (!update.ok()) return -1;
            if (reinfected) result = int(SightingResult::reinfected);
        } else {
            // A case without the provider's own number is numbered by its id, once the id exists.
            Result insert = db.run(
                "INSERT INTO feed_cases (ticket, customer, email, language, evidence, device_id, device_category, "
                "confident, status, first_seen, last_seen, sightings, created_at) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $9, 1, $10) ON CONFLICT (ticket) DO NOTHING "
                "RETURNING id",
                params(row.ticket.empty() ? numbering_placeholder(row.row_hash) : row.ticket, row.customer, row.email,
                       row.language, row.evidence_json, row.device_id, row.device_category, flag_text(row.confident),
                       row.seen_at, now));
            if (!insert.ok()) return -1;
            if (insert.rows() == 0) return int(SightingResult::ticket_taken);
            case_id = insert.number(0, 0);
            if (row.ticket.empty() && !db.run("UPDATE feed_cases SET ticket = $2 WHERE id = $1",
                                              params(case_id, numbered_ticket(ticket_prefix, case_id)))
                                           .ok())
                return -1;
            result = int(SightingResult::new_case);
        }
        return db.run("INSERT INTO feed_rows (row_hash, case_id, seen_at) VALUES ($1, $2, $3)",
                      params(Bytes{row.row_hash}, case_id, row.seen_at))
                       .ok()
                   ? result
                   : -1;
    }

    // --- The pool: a connection serves one caller at a time ---------------------------------------------------
    std::unique_ptr<Connection> take() {
        std::unique_ptr<Connection> db;
        {
            std::unique_lock<std::mutex> lock(pool_mutex_);
            pool_ready_.wait(lock, [this] { return !idle_.empty() || open_ < options_.most_connections; });
            if (!idle_.empty()) {
                db = std::move(idle_.back());
                idle_.pop_back();
            } else {
                ++open_;
            }
        }
        std::string ignored;
        if (!db) db = Connection::open(url_, options_.sync_every_commit, ignored);
        if (db && !db->healthy()) db.reset();
        if (!db) {
            std::lock_guard<std::mutex> lock(pool_mutex_);
            --open_;
            pool_ready_.notify_one();
        }
        return db;
    }

    void give_back(std::unique_ptr<Connection> db) {
        {
            std::lock_guard<std::mutex> lock(pool_mutex_);
            idle_.push_back(std::move(db));
        }
        pool_ready_.notify_one();
    }

    // A write is one transaction: work's result < 0 rolls it back; otherwise it commits, and
    // the result stands once the commit is acknowledged (durable with synchronous commits).
    int write(const std::function<int(Connection&)>& work) {
        std::unique_ptr<Connection> db = take();
        if (!db) return -1;
        int result = -1;
        if (db->exec("BEGIN").ok()) {
            result = work(*db);
            if (result < 0) db->exec("ROLLBACK");
            else if (!db->exec("COMMIT").ok()) result = -1;
        }
        db->end_transaction();
        give_back(std::move(db));
        return result;
    }

    // A read is one statement (or a few) outside any transaction; a lost connection reads "nothing".
    template <typename Work>
    void read(Work work) {
        std::unique_ptr<Connection> db = take();
        if (!db) return;
        work(*db);
        give_back(std::move(db));
    }

    std::string url_;
    PostgresOptions options_;
    std::mutex pool_mutex_;
    std::condition_variable pool_ready_;
    std::vector<std::unique_ptr<Connection>> idle_;
    int open_ = 0;
};

}  // namespace

std::unique_ptr<Store> open_postgres_store(const std::string& url, const PostgresOptions& options, std::string& error) {
    auto first = Connection::open(url, options.sync_every_commit, error);
    if (!first) return nullptr;
    if (!apply_migrations(*first, printable_database(url), error)) return nullptr;
    return std::make_unique<PostgresStore>(url, options, std::move(first));
}

}  // namespace cleanslate::server
