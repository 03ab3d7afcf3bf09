// report_api.cpp — the collector's checks, what a report raises, and storing it.
#include "api/report_api.h"

#include "api/journey_credential.h"
#include "api/journey_marks.h"
#include "api/live_hub.h"
#include "http/json_body.h"

namespace cleanslate::server {

namespace {

// --- What a report asks of the helpdesk ---------------------------------------------------
bool reports_needs_help(const Json& report) {
    if (json_string(report, "outcome") == "needs_help") return true;
    if (const Json* devices = json_member(report, "devices"); devices && devices->is_array())
        for (const Json& device : *devices)
            if (json_string(device, "outcome") == "needs_help") return true;
    return false;
}

std::vector<AttentionItem> attention_raised_by(const Json& report, const ReportRecord& record) {
    std::vector<AttentionItem> items;
    AttentionItem base;
    base.ticket = record.ticket;
    base.report_id = record.report_id;
    base.language = json_string(report, "language");
    base.raised_at = record.received_at;
    base.screen = json_string(report, "screen", record.kind == "final" ? "finish" : "");
    if (const Json* callback = json_member(report, "callback"); callback && callback->is_object()) {
        AttentionItem item = base;
        item.kind = "callback";
        item.phone = json_string(*callback, "phone");
        item.screen = json_string(*callback, "screen", item.screen);
        items.push_back(std::move(item));
    }
    if (reports_needs_help(report)) {
        AttentionItem item = base;
        item.kind = "needs_help";
        items.push_back(std::move(item));
    }
    return items;
}

// --- POST /api/report -------------------------------------------------------------------------
void receive_report(const ApiContext& context, const Request& request, Response& response) {
    const auto report = read_json_object(request, response);
    if (!report) return;
    const double now_monotonic = monotonic_seconds();

    // Whose case is this? Only a genuine link or a helpdesk case may write.
    const JourneyCredential credential = check_journey_credential(context, *report, kExpiredReportGrace);
    if (credential.verdict != JourneyCredential::Verdict::ok) {
        if (credential.verdict != JourneyCredential::Verdict::expired &&
            !context.limits->failures_per_address.take(request.client_address, now_monotonic).allowed)
            return send_retry_later(response, 429, "too many refused reports from this address", 60);
        switch (credential.verdict) {
            case JourneyCredential::Verdict::missing:
                return send_error(response, 401, "a report must carry the link's token or the helpdesk's case code");
            case JourneyCredential::Verdict::not_genuine:
                return send_error(response, 401, credential.authority == "case"
                                                      ? "this case code is not one of ours"
                                                      : "this link is not genuine (altered or not ours)");
            case JourneyCredential::Verdict::expired:
                return send_error(response, 410, "this link has expired; reports for it are no longer accepted");
            case JourneyCredential::Verdict::ok: break;
        }
    }
    // How much this case may send.
    const std::string& ticket = credential.ticket;
    const auto rate = context.limits->reports_per_ticket.take(ticket, now_monotonic);
    if (!rate.allowed)
        return send_retry_later(response, 429, "too many reports for this case; try again shortly", rate.retry_after_seconds);

    // What it may say: exactly the schema, nothing else.
    SchemaViolation violation;
    if (!context.report_schema->validate(*report, &violation)) {
        send_json(response, 400, Json{{"error", "the report does not match the report schema: " + violation.to_string()},
                                      {"field", violation.location},
                                      {"problem", violation.problem}});
        return;
    }
    if (json_string(*report, "ticket") != ticket)
        return send_error(response, 403, "the report's ticket is not the ticket of its link");

    ReportRecord record;
    record.ticket = ticket;
    record.report_id = json_string(*report, "report_id");
    record.kind = json_string(*report, "kind");
    // Progress reports are numbered by sequence, final ones by revision (a journey that finishes
    // again for another device sends revision 2): together with report_id, the resend key.
    record.sequence = json_int(*report, record.kind == "progress" ? "sequence" : "revision");
    record.received_at = context.now();
    record.outcome = json_string(*report, "outcome");
    record.link_status = credential.authority == "case" ? "case" : "ok";
    record.body_json = report->dump(-1, ' ', false, Json::error_handler_t::replace);

    const Store::TicketUsage usage = context.store->ticket_usage(ticket);
    if (usage.reports >= context.limits->reports_per_ticket_stored ||
        usage.bytes + int64_t(record.body_json.size()) > context.limits->bytes_per_ticket_stored)
        return send_retry_later(response, 429, "this case has stored as many reports as it may", 3600);

    // The answer names the report exactly, so a sender with several in flight knows which one it was.
    Json acknowledged = {{"report_id", record.report_id}, {"kind", record.kind}};
    acknowledged[record.kind == "progress" ? "sequence" : "revision"] = record.sequence;
    switch (context.store->save_report(record, attention_raised_by(*report, record))) {
        case Store::SaveResult::stored:
            // The funnel's view of the journey. The report itself is safe already: a failure
            // here costs the page one count, never the customer an answer.
            context.store->record_journey(journey_mark_of(*report, record));
            if (context.live) context.live->ticket_changed(ticket);
            acknowledged["status"] = "stored";
            return send_json(response, 201, acknowledged);
        case Store::SaveResult::already_stored:
            acknowledged["status"] = "already_stored";
            return send_json(response, 200, acknowledged);
        case Store::SaveResult::failed:
            return send_retry_later(response, 503, "the report could not be stored now; please send it again later", 5);
    }
}

}  // namespace

void add_report_routes(Router& router, const ApiContext& context) {
    Route post;
    post.method = "POST";
    post.pattern = "/api/report";
    post.largest_body = kLargestReport;
    post.json_body = true;
    post.handler = [context](const Request& request, Response& response) { receive_report(context, request, response); };
    router.add(std::move(post));
}

}  // namespace cleanslate::server
