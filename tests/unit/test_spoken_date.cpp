// Dates as the customer reads them: their own day, the month in their language.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include "core/spoken_date.h"

using cleanslate::spoken_date;

namespace {
// Runs the checks in one time zone (a POSIX TZ rule: no tz database needed), then restores it.
struct InTimeZone {
    explicit InTimeZone(const char* zone) {
        if (const char* was = std::getenv("TZ")) saved = was, had = true;
        setenv("TZ", zone, 1);
        tzset();
    }
    ~InTimeZone() {
        if (had) setenv("TZ", saved.c_str(), 1);
        else unsetenv("TZ");
        tzset();
    }
    std::string saved;
    bool had = false;
};
constexpr const char* kDutchMonths =
    "januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,november,december";
constexpr int64_t k2330UtcOn2December = 1796254200;  // 2026-12-02 23:30:00 UTC
}  // namespace

TEST_CASE("a date is the reader's own day, with the month's name in their language") {
    {
        InTimeZone utc("UTC0");
        CHECK(spoken_date(kDutchMonths, k2330UtcOn2December, true) == "2 december 2026");
        CHECK(spoken_date(kDutchMonths, k2330UtcOn2December, false) == "2 december");
    }
    {
        InTimeZone amsterdam("CET-1CEST,M3.5.0,M10.5.0/3");  // 00:30 on 3 December in the Netherlands
        CHECK(spoken_date(kDutchMonths, k2330UtcOn2December, false) == "3 december");
        CHECK(spoken_date("January,February,March,April,May,June,July,August,September,October,November,December",
                          k2330UtcOn2December, true) == "3 December 2026");
    }
    SUBCASE("a list that does not hold twelve names gives the month's number, never a wrong name") {
        InTimeZone utc("UTC0");
        CHECK(spoken_date("jan,feb", k2330UtcOn2December, true) == "2 12 2026");
    }
}
