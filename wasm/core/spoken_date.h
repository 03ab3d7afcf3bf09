// spoken_date.h — a date as a person says it: "3 december 2026", "3 December".
#pragma once
#include <cstdint>
#include <string>

namespace cleanslate {

// The day of `unix_seconds` in the reader's local time zone (the browser's in the wizard,
// TZ on the desk's machine), so a sighting at 23:30 UTC is the next day for a Dutch reader.
// month_names: the twelve names in the reader's language, comma-separated (a locale's
// "*.months" text); when it does not hold twelve, the month's number is used.
std::string spoken_date(const std::string& month_names, int64_t unix_seconds, bool with_year);

}  // namespace cleanslate
