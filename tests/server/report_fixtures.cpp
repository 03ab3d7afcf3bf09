// report_fixtures.cpp — example reports, minted links, and counting rows.
#include "report_fixtures.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <doctest/doctest.h>

#include "core/link_token.h"
#include "store/open_store.h"

namespace cleanslate::testing {

namespace {

Json example(const char* name) {
    std::ifstream in(std::string(CS_SOURCE_DIR) + "/web/schemas/examples/" + name);
    std::stringstream text;
    text << in.rdbuf();
    Json parsed = parse_json(text.str());
    if (!parsed.is_object()) throw std::runtime_error(std::string("cannot read the schema example ") + name);
    return parsed;
}

}  // namespace

std::string link_for(const std::string& ticket, int64_t issued_at, int64_t expires_at, const std::string& key) {
    const int64_t now = std::time(nullptr);
    LinkPayload payload;
    payload.ticket = ticket;
    payload.issued_at = issued_at ? issued_at : now - 3600;
    payload.expires_at = expires_at ? expires_at : payload.issued_at + 14 * 86400;
    payload.lang = "nl";
    payload.helpdesk = "088 123 4567";
    payload.evidence = Json{{"tag", "mirai"}, {"port", 23}};
    return mint_link_token(payload, key);
}

Json progress_report(const std::string& ticket, const std::string& token, int sequence, const std::string& report_id) {
    Json report = example("progress.json");
    report["ticket"] = ticket;
    report["token"] = token;
    report["sequence"] = sequence;
    report["report_id"] = report_id;
    return report;
}

Json final_report(const std::string& ticket, const std::string& token, const std::string& report_id) {
    Json report = example("final.json");
    report["ticket"] = ticket;
    report["token"] = token;
    report["report_id"] = report_id;
    return report;
}

int stored_report_count(const TemporarySite& site, const std::string& ticket) {
    return int(query_number(site.database(), "SELECT count(*) FROM reports WHERE ticket = ?1", ticket).value_or(-1));
}

void report_remediated(const TemporarySite& site, const std::string& ticket, int64_t at, const std::string& report_id) {
    std::string error;
    auto store = server::open_store(site.database(), server::StoreOptions{}, error);
    REQUIRE_MESSAGE(store, error);
    server::ReportRecord report;
    report.ticket = ticket;
    report.report_id = report_id;
    report.kind = "final";
    report.sequence = 1;
    report.received_at = at;
    report.outcome = "remediated";
    report.link_status = "ok";
    report.body_json = final_report(ticket, link_for(ticket), report_id).dump();
    REQUIRE(store->save_report(report, {}) == server::Store::SaveResult::stored);
}

}  // namespace cleanslate::testing
