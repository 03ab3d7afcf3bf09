// report_view.cpp — choosing the fields an agent needs.
#include "api/report_view.h"

namespace cleanslate::server {

namespace {

// Copies the listed members that are present.
void copy_members(const Json& from, Json& to, std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (const Json* value = json_member(from, name)) to[name] = *value;
}

}  // namespace

Json report_for_agent(const ReportRecord& record) {
    const Json report = parse_json(record.body_json);
    Json view = {{"id", record.id},
                 {"kind", record.kind},
                 {"received_at", record.received_at},
                 {"report_id", record.report_id},
                 {"authority", record.link_status}};
    if (record.kind == "progress") view["sequence"] = record.sequence;
    if (!report.is_object()) return view;
    copy_members(report, view, {"language", "screen", "step", "outcome", "device_id", "consent", "at_s", "callback",
                                "started_at", "duration_s", "devices", "timings"});
    // What the customer said is theirs to give: only with consent, even if a report carried it.
    if (json_string(report, "consent") == "given") {
        if (const Json* feedback = json_member(report, "feedback"); feedback && feedback->is_array()) view["feedback"] = *feedback;
        if (const Json* voice = json_member(report, "voice_notes"); voice && voice->is_array()) {
            Json notes = Json::array();
            for (const Json& note : *voice) {
                Json summary = Json::object();
                copy_members(note, summary, {"screen", "step", "at_s", "duration_s"});
                notes.push_back(std::move(summary));
            }
            view["voice_notes"] = std::move(notes);
        }
    }
    return view;
}

Json attention_for_agent(const AttentionItem& item) {
    Json view = {{"id", item.id},           {"ticket", item.ticket},       {"kind", item.kind},
                 {"screen", item.screen},   {"language", item.language},   {"raised_at", item.raised_at},
                 {"handled_at", item.handled_at}, {"handled_by", item.handled_by}};
    if (!item.phone.empty()) view["phone"] = item.phone;
    return view;
}

}  // namespace cleanslate::server
