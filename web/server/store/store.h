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
#include <utility>
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
    std::string status;  // "open", "reinfected" or "verified_clean"
    int64_t first_seen = 0;
    int64_t last_seen = 0;
    int64_t sightings = 0;
    int64_t created_at = 0;
    int64_t notified_at = 0;
    int64_t reinfected_at = 0;
    int64_t verified_at = 0;  // when `verify` found it clean (0: not verified clean now)
    int64_t clean_since = 0;  // the report of 'remediated' it has been clean since
    int64_t told_reinfected_at = 0;  // the reinfected_at the last follow-up e-mail told (0: none)
    int64_t told_verified_at = 0;    // the verified_at the last follow-up e-mail told (0: none)
};

// --- Did it work? (cleanslate-desk verify; the customer's link; the desk's funnel) ------------
// How a feed case stands, in the words its customer may hear.
struct CaseStanding {
    // "open": no report of 'remediated' yet; "watching": reported, not yet quiet for long
    // enough; "verified_clean": no sighting for the quiet time after the report;
    // "reinfected": seen again after the report (and not reported remediated since).
    std::string state;
    int64_t remediated_at = 0;  // the newest report of 'remediated' (0: none)
    int64_t since = 0;          // verified_clean: clean since (the report); reinfected: seen again at
};

// The desk setting `cleanslate-desk verify --quiet-days N` leaves: N, the days without a
// sighting after a report of 'remediated' that make a case verified clean.
constexpr const char* kVerifyQuietDaysSetting = "verify_quiet_days";

// What one `verify` run found.
struct VerifyTally {
    int64_t verified = 0;    // became verified clean now
    int64_t watching = 0;    // reported remediated, not quiet for long enough yet
    int64_t feed_until = 0;  // the newest sighting time in the feed: the feed is known up to here
};

// What one stored report says about its journey, for the funnel (api/journey_marks.h derives
// it). Stages keep the time they were first reported; the last screen follows the newest
// progress report; step times and what was said are replaced by each newer final report.
struct JourneyMark {
    std::string ticket;
    std::string report_id;
    int64_t at = 0;              // when the report arrived
    bool identified = false;     // a device was chosen
    bool reset_verified = false; // the verification questions passed
    bool password_set = false;   // the customer said they set a new password
    bool remediated = false;     // a final report of 'remediated'
    bool is_final = false;
    int64_t sequence = 0;        // progress: its sequence; final: its revision
    std::string screen, step;    // progress: where the customer was
    std::vector<std::pair<std::string, int64_t>> step_seconds;  // final: seconds per step
    struct Said {
        int64_t entry = 0;       // its place in the report's list
        std::string step, screen, theme, said, kind, language;
    };
    std::vector<Said> said;      // final, with consent only: one per theme code
};

// One ISO week of the funnel: feed cases whose e-mail was written that week (a cohort), and
// how many of them reached each stage since.
struct FunnelWeek {
    int64_t week_start = 0;  // Monday 00:00 UTC
    int64_t notified = 0, opened = 0, identified = 0, reset_verified = 0, password_set = 0, remediated = 0,
            verified_clean = 0, reinfected = 0;
};
struct StepTime {
    std::string step;
    int64_t journeys = 0;
    double median_seconds = 0;
};
struct StallCount {
    std::string screen, step;
    int64_t journeys = 0;  // journeys without a final report whose newest report was on this screen
};
struct ThemeCount {
    std::string step, theme;
    int64_t mentions = 0;
};
struct SaidEntry {
    std::string step, screen, theme, said, kind, language;
    int64_t said_at = 0;
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
    // Cases already e-mailed that have news the customer was not told yet, ids greater than
    // page.after: seen again after their newest report of 'remediated' (reinfected, and no
    // newer report of 'remediated' since), or found quiet by verify (verified clean).
    virtual std::vector<FeedCase> cases_with_news(const PageRequest& page) = 0;
    // Records that these cases' news, as read by cases_with_news, was told.
    virtual bool mark_news_told(const std::vector<FeedCase>& cases) = 0;
    virtual std::optional<FeedCase> find_feed_case(const std::string& ticket) = 0;

    // --- Did it work? ----------------------------------------------------------------------------
    // Marks verified clean every case whose newest report of 'remediated' is later than its
    // last reinfection and than every sighting, when the feed is known for quiet_seconds past
    // that report (the newest sighting of any customer is that late). One transaction.
    virtual VerifyTally verify_quiet_cases(int64_t quiet_seconds, int64_t now) = 0;
    // nullopt when the ticket is no feed case.
    virtual std::optional<CaseStanding> case_standing(const std::string& ticket) = 0;
    // Numbers the desk's commands leave for the server ("verify_quiet_days"). False on failure.
    virtual bool set_desk_setting(const std::string& name, int64_t value, int64_t now) = 0;
    virtual std::optional<int64_t> desk_setting(const std::string& name) = 0;

    // --- The funnel (the desk's page) ------------------------------------------------------------
    virtual bool record_journey(const JourneyMark& mark) = 0;
    // Feed cases notified in [from, to), per ISO week, oldest first.
    virtual std::vector<FunnelWeek> funnel_weeks(int64_t from, int64_t to) = 0;
    // Journeys opened in [from, to): the median seconds per step of the finished ones, in no
    // particular order; where the unfinished ones stopped; the themes said per step.
    virtual std::vector<StepTime> step_times(int64_t from, int64_t to) = 0;
    virtual std::vector<StallCount> stalls(int64_t from, int64_t to) = 0;
    virtual std::vector<ThemeCount> themes_by_step(int64_t from, int64_t to) = 0;
    // What was said, newest first, at most `limit` per (step, theme).
    virtual std::vector<SaidEntry> sentences(int64_t from, int64_t to, int limit) = 0;

    // --- Housekeeping ---------------------------------------------------------------------------
    // Deletes expired sessions and codes. Returns how many rows went.
    virtual int64_t purge_expired(int64_t now) = 0;
};

}  // namespace cleanslate::server
