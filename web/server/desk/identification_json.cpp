// identification_json.cpp — Identification -> JSON for the desk command.
#include "identification_json.h"

#include <cmath>

namespace cleanslate::desk {

namespace {
double rounded(double value) { return std::round(value * 10000.0) / 10000.0; }
}  // namespace

Json identification_to_json(const Identification& identification) {
    Json candidates = Json::array();
    for (const Candidate& c : identification.candidates) {
        Json reasons = Json::array();
        for (const Reason& r : c.reasons) {
            Json params = Json::object();
            for (const auto& [key, value] : r.params) params[key] = value;
            reasons.push_back({{"code", r.code}, {"params", params}, {"text", reason_text_en(r)}});
        }
        candidates.push_back({{"id", c.id},
                              {"vendor", c.vendor},
                              {"vendor_short", c.vendor_short},
                              {"model", c.model},
                              {"category", c.category},
                              {"score", rounded(c.score)},
                              {"group_score", rounded(c.group_score)},
                              {"reasons", reasons}});
    }
    return {{"confident", identification.confident}, {"candidates", candidates}};
}

}  // namespace cleanslate::desk
