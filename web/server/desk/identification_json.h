// identification_json.h — the desk command's output format for one identification.
#pragma once
#include "core/identify.h"
#include "core/json.h"

namespace cleanslate::desk {

// {"confident": bool, "candidates": [{"id", "vendor", "vendor_short", "model", "category", "score",
//   "group_score", "reasons": [{"code", "params": {...}, "text"}]}]} — best first; scores
// rounded to four decimals; "text" is the English rendering of the reason.
Json identification_to_json(const Identification& identification);

}  // namespace cleanslate::desk
