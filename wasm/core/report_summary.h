// report_summary.h — the final report in the customer's own words: "This is what we tell
// your provider", shown on the finish screen and saved as a page they can keep.
//
// The lines are made from the report exactly as it is sent (not from the screens' state), so
// what the customer reads is what the provider gets. They say what was confirmed and what was
// only reported: a reset counts as "your answers show" (self-reported), never as proven.
#pragma once
#include "core/i18n.h"
#include "core/json.h"
#include <functional>
#include <string>
#include <vector>

namespace cleanslate {

// How much to say: everything (the saved page), or only what the finish screen does not
// already show above it (the case number, each device and what was done to it, the result).
enum class SummaryPart { kEverything, kBeyondWhatYouDid };

// device_name: a device id -> the name the customer saw ("Camera van Hikvision").
std::vector<std::string> report_summary(const Json& final_report, const Catalog& texts,
                                        const std::function<std::string(const std::string&)>& device_name,
                                        SummaryPart part = SummaryPart::kEverything);

// A small, self-contained HTML page with the summary (no scripts, no outside files), in the
// customer's language, to save on their phone or computer.
std::string report_page_html(const Catalog& texts, const Json& final_report, const std::vector<std::string>& lines);

}  // namespace cleanslate
