// store.h — everything the provider's side keeps, behind one interface.
//
// The HTTP side (api/) speaks only to this interface and never writes SQL; the storage side
// never sees HTTP. SQLite (store/sqlite_store.*) is the embedded default; a deployment that
// runs several servers behind a load balancer puts a database server behind the same
// interface (issue 12: PostgreSQL), and every server then shares reports, sessions, codes
// and cases, because none of them is kept only in one process's memory.
//
// Rules every implementation keeps:
//   - A write that returns success is durable: a report acknowledged to the wizard survives
//     a kill -9 of the server and (with the default synchronous commits) a power cut.
//   - Saving a report is idempotent by (ticket, report_id, kind, sequence): the wizard resends
//     until it hears back, so the first copy is kept and later copies change nothing.
//   - Secrets are stored as hashes: agent passwords as Argon2id strings, session ids and
//     codes are looked up by value but sessions by the SHA-256 of their cookie.
//   - Listings are paged and capped (PageRequest); nothing answers "everything".
//   - Times are unix seconds.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cleanslate::server {

// --- Paging ------------------------------------------------------------------------------
// Keyset paging on a record's id: newest first (`before` = the smallest id of the last page)
// or oldest first (`after`). `limit` is capped at 1000 (the HTTP API asks for at most 101).
struct PageRequest {
    int64_t before = 0;  // 0: from the newest
    int64_t after = 0;   // used by oldest-first listings
    int limit = 50;
};

// --- Reports -------------------------------------------------------------------------------
// What the wizard sent, as validated by api/report_api against web/schemas/report.schema.json.
struct ReportRecord {
    int64_t id = 0;            // assigned by the store; increases with every stored report
    std::string ticket;
    std::string report_id;     // the journey's id (the same in all its reports)
    std::string kind;          // "progress" or "final"
    int64_t sequence = 0;      // progress reports: their sequence; final reports: their revision
    int64_t received_at = 0;
    std::string outcome;       // final: the overall outcome; progress: the outcome so far
    std::string link_status;   // how the report was authorised: "ok" (a genuine link) or "case" (a helpdesk case)
    std::string body_json;     // the report as received and validated
};

// Something a helpdesk agent must act on, raised by a report: a call-back request, or a
// journey that ended (or stopped) needing help. Newest first; an agent marks it handled.
struct AttentionItem {
    int64_t id = 0;
    std::string ticket;
    std::string report_id;
    std::string kind;       // "callback" or "needs_help"
    std::string phone;      // callback: the number to call (E.164)
    std::string screen;     // where the customer was
    std::string language;
    int64_t raised_at = 0;
    int64_t handled_at = 0;  // 0 while open
    std::string handled_by;  // the agent's name
};

// --- Helpdesk: agents, sessions, codes, cases -------------------------------------------------
struct Agent {
    std::string name;           // login name
    std::string password_hash;  // Argon2id string (auth/agent_password.h)
    int64_t created_at = 0;
    bool disabled = false;
};

struct AgentSession {
    std::string id_hash;     // hex SHA-256 of the cookie value
    std::string agent;
    std::string csrf_token;  // sent by the page in a header with every change
    int64_t created_at = 0;
    int64_t expires_at = 0;
};

// The short code a customer reads out so an agent can follow their journey (valid for the call).
struct SessionCode {
    std::string code;  // 6 digits
    std::string ticket;
    int64_t created_at = 0;
    int64_t expires_at = 0;
};

// A case an agent starts on the phone for a customer without a (trusted) e-mail.
struct HelpdeskCase {
    std::string ticket;
    std::string case_code;      // what the customer types: 8 digits, readable over the phone
    std::string language;       // "nl" or "en"
    std::string evidence_json;  // what the agent knows of the device, as link evidence ("{}" if nothing)
    std::string created_by;     // the agent
    int64_t created_at = 0;
    int64_t code_expires_at = 0;
};

// --- Feed cases (the abuse desk: cleanslate-desk import-feed and notify) ---------------------
// One infection feed row, as the importer prepared it: whose connection, when, and — in
// case it opens a new case — what was seen and what the engine made of it.
struct FeedSighting {
    std::string row_hash;         // 16 bytes naming the row's content: a row seen before is a duplicate
    std::string customer;         // the provider's customer id
    std::string ticket;           // the provider's case number for a new case; "" to number it
    std::string email;            // where the provider sends the e-mail ("" when its mail system knows)
    std::string language;         // "nl" or "en"
    int64_t seen_at = 0;
    std::string evidence_json;    // link evidence (never an address)
    std::string device_id;        // the engine's best candidate
    std::string device_category;
    bool confident = false;
};

// What one sighting did.
enum class SightingResult {
    new_case,     // a case was opened
    seen_again,   // added to the customer's case
    reinfected,   // seen after the case reported 'remediated': marked reinfected
    duplicate,    // this row was counted before
    ticket_taken, // the row's ticket belongs to another customer's case: nothing stored
    failed,
};

struct FeedCase {
    int64_t id = 0;
    std::string ticket;
    std::string customer;
    std::string email;
    std::string language;
    std::string evidence_json;
    std::string device_id;
    std::string device_category;
    bool confident = false;
    std::string status;  // "open" or "reinfected"
    int64_t first_seen = 0;
    int64_t last_seen = 0;
    int64_t sightings = 0;
    int64_t created_at = 0;
    int64_t notified_at = 0;
    int64_t reinfected_at = 0;
};

class Store {
public:
    virtual ~Store() = default;

    // --- Reports -------------------------------------------------------------------------
    enum class SaveResult { stored, already_stored, failed };
    // Stores the report (and, in the same transaction, the attention items it raises; an
    // item is raised once per report_id and kind, however many reports repeat it). Durable
    // when it returns.
    virtual SaveResult save_report(const ReportRecord& report, const std::vector<AttentionItem>& raises) = 0;
    // How many reports a ticket has, and their total size in bytes (the per-ticket caps).
    struct TicketUsage {
        int64_t reports = 0;
        int64_t bytes = 0;
    };
    virtual TicketUsage ticket_usage(const std::string& ticket) = 0;
    // Oldest first, ids greater than page.after, at most page.limit.
    virtual std::vector<ReportRecord> reports_for_ticket(const std::string& ticket, const PageRequest& page) = 0;
    // The newest progress report and the final report of a ticket, if any (the live view's start).
    virtual std::vector<ReportRecord> latest_reports(const std::string& ticket) = 0;

    // --- Attention queue -------------------------------------------------------------------
    // Newest first; open items only unless include_handled. At most page.limit.
    virtual std::vector<AttentionItem> attention(const PageRequest& page, bool include_handled) = 0;
    virtual std::optional<AttentionItem> attention_item(int64_t id) = 0;
    // False when there is no such item; marking a handled item again keeps the first mark.
    virtual bool mark_handled(int64_t id, const std::string& agent, int64_t now) = 0;

    // --- Agents ----------------------------------------------------------------------------
    // False when the name is taken.
    virtual bool add_agent(const Agent& agent) = 0;
    virtual bool set_agent_password(const std::string& name, const std::string& password_hash) = 0;
    virtual std::optional<Agent> find_agent(const std::string& name) = 0;
    virtual int64_t agent_count() = 0;

    // --- Agent sessions ----------------------------------------------------------------------
    virtual bool create_session(const AgentSession& session) = 0;
    // Only an unexpired session.
    virtual std::optional<AgentSession> find_session(const std::string& id_hash, int64_t now) = 0;
    virtual void end_session(const std::string& id_hash) = 0;
    // The tickets a session may see: those whose session code or attention item it opened.
    virtual bool grant_ticket(const std::string& session_id_hash, const std::string& ticket, int64_t now) = 0;
    virtual bool may_see_ticket(const std::string& session_id_hash, const std::string& ticket) = 0;
    virtual std::vector<std::string> granted_tickets(const std::string& session_id_hash) = 0;

    // --- Session codes (customer -> agent) ---------------------------------------------------
    // False when the code is in use (the caller draws another).
    virtual bool save_session_code(const SessionCode& code) = 0;
    virtual std::optional<SessionCode> find_session_code(const std::string& code, int64_t now) = 0;

    // --- Helpdesk-started cases ---------------------------------------------------------------
    // False when the ticket or the case code is taken.
    virtual bool create_case(const HelpdeskCase& helpdesk_case) = 0;
    virtual std::optional<HelpdeskCase> find_case_by_code(const std::string& case_code, int64_t now) = 0;
    virtual std::optional<HelpdeskCase> find_case(const std::string& ticket) = 0;

    // --- Feed cases ----------------------------------------------------------------------------
    // Applies the sightings in order, all in one transaction (an import commits in batches of
    // these), one result per sighting. A sighting belongs to the customer's newest case; a
    // customer without one gets a new case numbered `ticket_prefix` + its id in seven digits
    // unless the row names its own ticket. A sighting later than the case's newest final
    // report of 'remediated' (and than its last reinfection) marks the case reinfected.
    virtual std::vector<SightingResult> record_sightings(const std::vector<FeedSighting>& sightings,
                                                         const std::string& ticket_prefix, int64_t now) = 0;
    // Cases no e-mail was written for yet, oldest first, ids greater than page.after.
    virtual std::vector<FeedCase> cases_to_notify(const PageRequest& page) = 0;
    // Records that the e-mails for these cases were written. False when the write failed.
    virtual bool mark_notified(const std::vector<int64_t>& case_ids, int64_t now) = 0;
    virtual std::optional<FeedCase> find_feed_case(const std::string& ticket) = 0;

    // --- Housekeeping ---------------------------------------------------------------------------
    // Deletes expired sessions and codes. Returns how many rows went.
    virtual int64_t purge_expired(int64_t now) = 0;
};

}  // namespace cleanslate::server
