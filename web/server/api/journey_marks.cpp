// journey_marks.cpp — reading the funnel's stages out of one report.
#include "api/journey_marks.h"

#include <map>

namespace cleanslate::server {

namespace {

const Json* array_member(const Json& object, const char* name) {
    const Json* found = json_member(object, name);
    return found && found->is_array() ? found : nullptr;
}

void read_final(const Json& report, JourneyMark& mark) {
    if (const Json* devices = array_member(report, "devices")) {
        for (const Json& device : *devices) {
            if (!json_string(device, "device_id").empty()) mark.identified = true;
            if (const Json* verified = json_member(device, "reset_verified"); verified && verified->is_boolean() && verified->get<bool>())
                mark.reset_verified = true;
            if (!json_string(device, "password_strength").empty() || json_string(device, "outcome") == "remediated")
                mark.password_set = true;
        }
    }
    mark.remediated = json_string(report, "outcome") == "remediated";
    if (mark.remediated) mark.password_set = true;  // 'remediated' is a new password on a reset device

    std::map<std::string, int64_t> seconds_per_step;
    if (const Json* timings = array_member(report, "timings"))
        for (const Json& timing : *timings) seconds_per_step[json_string(timing, "step")] += json_int(timing, "seconds");
    for (const auto& [step, seconds] : seconds_per_step)
        if (!step.empty()) mark.step_seconds.emplace_back(step, seconds);

    if (json_string(report, "consent") != "given") return;  // nothing said is kept without it
    const Json* feedback = array_member(report, "feedback");
    if (!feedback) return;
    int64_t entry = 0;
    for (const Json& said : *feedback) {
        const std::string kind = json_string(said, "kind");
        JourneyMark::Said base;
        base.entry = entry++;
        base.step = json_string(said, "step");
        base.screen = json_string(said, "screen");
        base.kind = kind;
        base.said = json_string(said, kind == "chip" ? "chip" : "text");
        base.language = json_string(said, "language");
        if (const Json* themes = array_member(said, "themes"))
            for (const Json& theme : *themes) {
                if (!theme.is_string()) continue;
                JourneyMark::Said one = base;
                one.theme = theme.get<std::string>();
                mark.said.push_back(std::move(one));
            }
    }
}

}  // namespace

JourneyMark journey_mark_of(const Json& report, const ReportRecord& record) {
    JourneyMark mark;
    mark.ticket = record.ticket;
    mark.report_id = record.report_id;
    mark.at = record.received_at;
    mark.sequence = record.sequence;
    mark.is_final = record.kind == "final";
    if (mark.is_final) {
        read_final(report, mark);
        return mark;
    }
    mark.screen = json_string(report, "screen");
    mark.step = json_string(report, "step");
    mark.identified = !json_string(report, "device_id").empty();
    mark.reset_verified = mark.step == "password" || mark.screen == "reconnect";
    mark.password_set = mark.screen == "password_hardening";
    return mark;
}

}  // namespace cleanslate::server
