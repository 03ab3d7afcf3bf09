// report_api.cpp — validating, storing and listing completion reports.
#include "report_api.h"

#include "core/json.h"
#include "json_response.h"
#include "core/link_token.h"

namespace cleanslate::server {

namespace {

constexpr const char* kOutcomes[] = {"remediated", "device_replaced", "cannot_secure", "needs_help", "abandoned"};

bool is_identifier(const std::string& text, size_t shortest, size_t longest, bool allow_underscore) {
    if (text.size() < shortest || text.size() > longest) return false;
    for (char c : text)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || (allow_underscore && c == '_'))) return false;
    return true;
}

bool is_outcome(const std::string& outcome) {
    for (const char* known : kOutcomes)
        if (outcome == known) return true;
    return false;
}

// The wizard never sends a password; if a bug ever makes it do so, it stops here.
void drop_password_fields(Json& value) {
    if (value.is_object()) {
        for (const char* name : {"password", "new_password", "old_password"}) value.erase(name);
        for (auto& [key, member] : value.items()) drop_password_fields(member);
    } else if (value.is_array()) {
        for (Json& item : value) drop_password_fields(item);
    }
}


// --- POST /api/report -------------------------------------------------------------------
void receive_report(const ReportApiContext& context, const httplib::Request& request, httplib::Response& response) {
    Json report = parse_json(request.body);
    if (!report.is_object()) return send_error(response, 400, "expected a JSON object");

    StoredReport stored;
    stored.report_id = json_string(report, "report_id");
    stored.ticket = json_string(report, "ticket");
    stored.outcome = json_string(report, "outcome");
    if (!is_identifier(stored.report_id, 8, 64, true))
        return send_error(response, 400, "report_id must be 8 to 64 letters, digits, '-' or '_'");
    if (!is_identifier(stored.ticket, 1, 64, false)) return send_error(response, 400, "ticket must be a ticket id");
    // web/schemas/report.schema.json: a journey sends progress reports (known by report id and
    // sequence, outcome "none" until there is one) and final reports (report id and revision).
    // Each is stored once under that key; provisional until the collector validates the schema.
    const std::string kind = json_string(report, "kind");
    if (kind == "progress") {
        stored.report_id += "/progress/" + std::to_string(json_int(report, "sequence"));
        if (stored.outcome == "none") stored.outcome.clear();
    } else if (kind == "final") {
        stored.report_id += "/final/" + std::to_string(json_int(report, "revision", 1));
    }
    if (!stored.outcome.empty() && !is_outcome(stored.outcome))
        return send_error(response, 400, "outcome must be one of remediated, device_replaced, cannot_secure, needs_help, abandoned");

    const Json* token = json_member(report, "token");
    if (token && token->is_string()) {
        const LinkParseResult link = verify_link_token(token->get_ref<const std::string&>(), context.link_key, context.now());
        const bool names_other_ticket = (link.status == LinkStatus::ok || link.status == LinkStatus::expired) &&
                                        link.payload.ticket != stored.ticket;
        stored.link_status = names_other_ticket ? "other_ticket" : link_status_name(link.status);
    }

    drop_password_fields(report);
    stored.received_at = context.now();
    stored.body_json = report.dump(-1, ' ', false, Json::error_handler_t::replace);
    switch (context.store->save(stored)) {
        case ReportStore::SaveResult::stored:
            return send_json(response, 201, Json{{"status", "stored"}, {"report_id", stored.report_id}});
        case ReportStore::SaveResult::already_stored:
            return send_json(response, 200, Json{{"status", "already_stored"}, {"report_id", stored.report_id}});
        case ReportStore::SaveResult::failed:
            return send_error(response, 503, "the report could not be stored now; please send it again later");
    }
}

// --- GET /api/report/<ticket> -----------------------------------------------------------
void list_reports(const ReportApiContext& context, const std::string& ticket, httplib::Response& response) {
    Json reports = Json::array();
    for (const StoredReport& stored : context.store->reports_for_ticket(ticket)) {
        reports.push_back(Json{{"report_id", stored.report_id},
                               {"received_at", stored.received_at},
                               {"outcome", stored.outcome},
                               {"link_status", stored.link_status},
                               {"report", parse_json(stored.body_json)}});
    }
    send_json(response, 200, Json{{"ticket", ticket}, {"reports", std::move(reports)}});
}

}  // namespace

void install_report_routes(httplib::Server& server, const ReportApiContext& context) {
    server.Post("/api/report", [context](const httplib::Request& request, httplib::Response& response) {
        receive_report(context, request, response);
    });
    server.Get(R"(/api/report/([A-Za-z0-9-]{1,64}))",
               [context](const httplib::Request& request, httplib::Response& response) {
                   list_reports(context, request.matches[1].str(), response);
               });
}

}  // namespace cleanslate::server
