// verify_command.cpp — quiet cases become verified clean.
#include "verify_command.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>

#include "store/open_store.h"

namespace cleanslate::desk {

namespace {

constexpr int64_t kLongestQuiet = 365;  // days: a year without a sighting says all it can

int fail(const std::string& message, int status = 2) {
    std::cerr << "cleanslate-desk: " << message << "\n";
    return status;
}

std::string utc_date(int64_t unix_seconds) {
    if (unix_seconds <= 0) return "none";
    const std::time_t at = std::time_t(unix_seconds);
    std::tm parts{};
    gmtime_r(&at, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &parts);
    return text;
}

}  // namespace

int run_verify_command(int argc, char** argv) {
    std::string database = "var/cleanslate.db", days_text;
    for (int i = 2; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--database" && i + 1 < argc) database = argv[++i];
        else if (argument == "--quiet-days" && i + 1 < argc) days_text = argv[++i];
        else return fail("unknown argument '" + argument + "' (try --help)");
    }
    if (days_text.empty()) return fail("verify needs --quiet-days N (the days without a sighting that make a case clean)");
    char* end = nullptr;
    const long long days = std::strtoll(days_text.c_str(), &end, 10);
    if (*end != '\0' || days < 1 || days > kLongestQuiet)
        return fail("--quiet-days must be a whole number of days from 1 to " + std::to_string(kLongestQuiet));

    std::string error;
    const auto store = server::open_store(database, server::StoreOptions{}, error);
    if (!store) return fail(error, 1);
    const int64_t now = int64_t(std::time(nullptr));
    if (!store->set_desk_setting(server::kVerifyQuietDaysSetting, days, now)) return fail("could not write " + database, 1);
    const server::VerifyTally tally = store->verify_quiet_cases(int64_t(days) * 86400, now);
    if (tally.verified < 0) return fail("could not write " + database, 1);
    std::printf("verified clean: %lld cases; still watching: %lld; the feed is known up to %s (quiet days: %lld)\n",
                static_cast<long long>(tally.verified), static_cast<long long>(tally.watching),
                utc_date(tally.feed_until).c_str(), days);
    return 0;
}

}  // namespace cleanslate::desk
