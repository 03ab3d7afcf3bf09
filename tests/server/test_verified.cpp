// Did it work? From outside, with the real binaries and a real SQLite file:
// `cleanslate-desk verify --quiet-days N` makes a case that reported 'remediated' verified
// clean once the imported feed reaches N days past the report with no sighting of that
// customer; a sighting after the report makes it reinfected (also after a clean verdict). The
// customer's link hears its own case's standing from POST /api/link/verify, an altered link
// nothing. The desk's funnel counts, per ISO week, match what the database holds.
#include <doctest/doctest.h>

#include <ctime>
#include <filesystem>
#include <fstream>

#include "api/funnel_api.h"
#include "core/json.h"
#include "report_fixtures.h"
#include "running_server.h"
#include "store/open_store.h"
#include "test_database.h"

using namespace cleanslate;
using namespace cleanslate::testing;
namespace fs = std::filesystem;

namespace {

constexpr int64_t kDay = 86400;
constexpr const char* kHeader =
    "timestamp,ip,port,tag,infection,device_vendor,device_type,device_model,http_server,http_title,"
    "telnet_banner,credential,customer,email,language\n";

std::string feed_time(int64_t unix_seconds) {
    const std::time_t at = std::time_t(unix_seconds);
    std::tm parts{};
    gmtime_r(&at, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &parts);
    return text;
}

// One feed row: this customer's connection was seen at this time.
std::string sighting(const std::string& customer, int64_t at) {
    return feed_time(at) + ",198.51.100.23,23,mirai,mirai,XiongMai,DVR,,uc-httpd 1.0.0,NETSurveillance WEB,,root/xc3511," +
           customer + ",,nl\n";
}

CommandResult import_rows(const TemporarySite& site, const std::string& name, const std::string& rows) {
    const fs::path path = site.var_dir() / name;
    std::ofstream(path, std::ios::binary) << kHeader << rows;
    return run_desk_binary({"import-feed", path.string(), "--database", site.database(), "--ticket-prefix",
                            "CS-2026-", "--no-progress"});
}

CommandResult verify(const TemporarySite& site, int days) {
    return run_desk_binary({"verify", "--quiet-days", std::to_string(days), "--database", site.database()});
}

std::unique_ptr<server::Store> open_store(const TemporarySite& site) {
    std::string error;
    auto store = server::open_store(site.database(), server::StoreOptions{}, error);
    REQUIRE_MESSAGE(store, error);
    return store;
}

// One number from the test database, read beside the server (?1: this week's Monday).
int64_t count_in_database(const TemporarySite& site, const std::string& sql, int64_t week_start) {
    const auto number = query_number(site.database(), sql, std::to_string(week_start));
    REQUIRE_MESSAGE(number, sql);
    return *number;
}

int64_t monday_of(int64_t unix_seconds) { return unix_seconds - ((unix_seconds - 4 * kDay) % (7 * kDay)); }

}  // namespace

TEST_SUITE("did it work: verified clean and reinfected") {
    TEST_CASE("a remediated case with no later sighting for N days becomes verified clean; one seen again becomes reinfected") {
        TemporarySite site;
        const int64_t first_seen = 1796000000;  // 2026-11-30
        REQUIRE(import_rows(site, "feed.csv", sighting("K-1", first_seen) + sighting("K-2", first_seen)).exit_code == 0);
        const int64_t reported = first_seen + kDay;
        report_remediated(site, "CS-2026-0000001", reported);
        report_remediated(site, "CS-2026-0000002", reported);

        // The feed does not reach 7 days past the reports yet: nothing can be verified.
        CommandResult early = verify(site, 7);
        INFO(early.err);
        REQUIRE(early.exit_code == 0);
        CHECK(early.out.find("verified clean: 0 cases; still watching: 2") != std::string::npos);
        CHECK(open_store(site)->case_standing("CS-2026-0000001")->state == "watching");

        // K-2 is seen again two days after the report; another customer's row 8 days after
        // carries the feed past the quiet week.
        REQUIRE(import_rows(site, "later.csv", sighting("K-2", reported + 2 * kDay) + sighting("K-3", reported + 8 * kDay))
                    .exit_code == 0);
        CommandResult later = verify(site, 7);
        REQUIRE(later.exit_code == 0);
        CHECK(later.out.find("verified clean: 1 cases; still watching: 0") != std::string::npos);

        auto store = open_store(site);
        const auto clean = store->case_standing("CS-2026-0000001");
        REQUIRE(clean);
        CHECK(clean->state == "verified_clean");
        CHECK(clean->since == reported);
        CHECK(store->find_feed_case("CS-2026-0000001")->status == "verified_clean");
        const auto back = store->case_standing("CS-2026-0000002");
        REQUIRE(back);
        CHECK(back->state == "reinfected");
        CHECK(back->since == reported + 2 * kDay);
        CHECK(store->case_standing("CS-2026-0000003")->state == "open");  // never reported anything
        CHECK_FALSE(store->case_standing("CS-2026-9999999"));

        // A verified clean case that is seen again is reinfected.
        REQUIRE(import_rows(site, "again.csv", sighting("K-1", reported + 9 * kDay)).exit_code == 0);
        CHECK(open_store(site)->case_standing("CS-2026-0000001")->state == "reinfected");
        CHECK(open_store(site)->find_feed_case("CS-2026-0000001")->status == "reinfected");
    }

    TEST_CASE("verify refuses a missing or impossible number of days in one line") {
        TemporarySite site;
        for (const std::vector<std::string>& arguments :
             {std::vector<std::string>{"verify"}, {"verify", "--quiet-days", "0"}, {"verify", "--quiet-days", "7x"},
              {"verify", "--quiet-days", "366"}}) {
            const CommandResult result = run_desk_binary(arguments);
            CHECK(result.exit_code == 2);
            CHECK(result.err.find("quiet-days") != std::string::npos);
        }
    }

    TEST_CASE("the customer's link hears its own case's standing and the quiet days; an altered link hears nothing") {
        TemporarySite site;
        RunningServer server(site);
        const int64_t now = int64_t(std::time(nullptr));
        REQUIRE(import_rows(site, "feed.csv", sighting("K-1", now - 20 * kDay) + sighting("K-2", now - 20 * kDay)).exit_code == 0);
        report_remediated(site, "CS-2026-0000001", now - 15 * kDay);
        report_remediated(site, "CS-2026-0000002", now - 15 * kDay);

        // Before verify ever ran, the server cannot say when to look: no quiet_days.
        Json answer = post_json(server.port(), "/api/link/verify", {{"token", link_for("CS-2026-0000001")}}).json();
        CHECK(json_string(answer, "status") == "ok");
        CHECK(json_string(answer["case"], "state") == "watching");
        CHECK_FALSE(answer["case"].contains("quiet_days"));

        REQUIRE(import_rows(site, "later.csv", sighting("K-2", now - 10 * kDay) + sighting("K-3", now - kDay)).exit_code == 0);
        REQUIRE(verify(site, 7).exit_code == 0);
        answer = post_json(server.port(), "/api/link/verify", {{"token", link_for("CS-2026-0000001")}}).json();
        CHECK(json_string(answer["case"], "state") == "verified_clean");
        CHECK(json_int(answer["case"], "since") == now - 15 * kDay);
        CHECK(json_int(answer["case"], "quiet_days") == 7);
        answer = post_json(server.port(), "/api/link/verify", {{"token", link_for("CS-2026-0000002")}}).json();
        CHECK(json_string(answer["case"], "state") == "reinfected");
        CHECK(json_int(answer["case"], "since") == now - 10 * kDay);

        // An expired link is still genuine: the customer comes back after the quiet days.
        const std::string expired = link_for("CS-2026-0000001", now - 30 * kDay, now - kDay);
        answer = post_json(server.port(), "/api/link/verify", {{"token", expired}}).json();
        CHECK(json_string(answer, "status") == "expired");
        CHECK(json_string(answer["case"], "state") == "verified_clean");

        // An altered link (a changed signature, or one made with another key) gets its verdict only.
        std::string altered = link_for("CS-2026-0000002");
        char& first_of_signature = altered[altered.find('.') + 1];  // high bits: never base64 padding
        first_of_signature = first_of_signature == 'A' ? 'B' : 'A';
        answer = post_json(server.port(), "/api/link/verify", {{"token", altered}}).json();
        CHECK(json_string(answer, "status") == "bad_signature");
        CHECK_FALSE(answer.contains("case"));
        answer = post_json(server.port(), "/api/link/verify",
                           {{"token", link_for("CS-2026-0000002", 0, 0, "someone-elses-key-0123456")}}).json();
        CHECK(json_string(answer, "status") == "bad_signature");
        CHECK_FALSE(answer.contains("case"));
        // A genuine link for a case that did not come from the feed: nothing to say.
        answer = post_json(server.port(), "/api/link/verify", {{"token", link_for("CS-HELPDESK-1")}}).json();
        CHECK(json_string(answer, "status") == "ok");
        CHECK_FALSE(answer.contains("case"));
    }
}

TEST_SUITE("did it work: the desk's funnel") {
    TEST_CASE("counts per ISO week match the database rows; the page and the exports need a login") {
        TemporarySite site;
        RunningServer server(site);
        REQUIRE_FALSE(server.helpdesk_password().empty());
        const int64_t now = int64_t(std::time(nullptr));
        const int64_t earlier_week = now - 10 * kDay;
        // Five customers seen by the feed; the desk e-mailed two of them ten days ago, three now.
        std::string rows;
        for (int i = 1; i <= 5; ++i) rows += sighting("K-" + std::to_string(i), now - 12 * kDay);
        REQUIRE(import_rows(site, "feed.csv", rows).exit_code == 0);
        {
            auto store = open_store(site);
            auto id = [&](int n) { return store->find_feed_case("CS-2026-000000" + std::to_string(n))->id; };
            REQUIRE(store->mark_notified({id(1), id(2)}, earlier_week));
            REQUIRE(store->mark_notified({id(3), id(4), id(5)}, now));
        }
        auto post = [&](const Json& report) {
            const RawResponse answer = post_json(server.port(), "/api/report", report);
            INFO(answer.body);
            REQUIRE(answer.status == 201);
        };
        // 1: opened the link and stopped on the welcome screen.
        Json opened = progress_report("CS-2026-0000001", link_for("CS-2026-0000001"), 1, "journeyOne00000000000a");
        opened["screen"] = "welcome";
        opened["step"] = "welcome";
        opened["outcome"] = "none";
        opened.erase("device_id");
        opened.erase("callback");
        post(opened);
        // 2: chose the device, stopped on the verification's help screen.
        post(progress_report("CS-2026-0000002", link_for("CS-2026-0000002"), 1, "journeyTwo00000000000a"));
        // 3 and 4: finished with 'remediated' (the schema's example: device, verified reset, a
        // very strong password, two things said with consent).
        post(final_report("CS-2026-0000003", link_for("CS-2026-0000003"), "journeyThree000000000a"));
        post(final_report("CS-2026-0000004", link_for("CS-2026-0000004"), "journeyFour0000000000a"));
        // 5 never opened the link. Then 3 stays quiet past the quiet day, 4 is seen again.
        REQUIRE(import_rows(site, "later.csv", sighting("K-4", now + kDay) + sighting("K-6", now + 3 * kDay)).exit_code == 0);
        REQUIRE(verify(site, 1).exit_code == 0);

        // Without a login: nothing.
        CHECK(raw_request(server.port(), "GET", "/api/helpdesk/funnel.json").status == 401);
        CHECK(raw_request(server.port(), "GET", "/api/helpdesk/funnel.csv").status == 401);
        const RawResponse login_page = raw_request(server.port(), "GET", "/helpdesk/funnel");
        CHECK(login_page.status == 303);
        CHECK(login_page.header("location") == "/helpdesk/");

        const auto login = log_in(server.port(), "helpdesk", server.helpdesk_password());
        REQUIRE(login);
        const Json funnel = raw_request(server.port(), "GET", "/api/helpdesk/funnel.json?weeks=4", login->headers()).json();
        REQUIRE(funnel["funnel"].is_array());
        REQUIRE(funnel["funnel"].size() == 2);
        const Json& first = funnel["funnel"][0];
        const Json& second = funnel["funnel"][1];
        CHECK(json_string(first, "week") == server::iso_week_name(monday_of(earlier_week)));
        CHECK(json_string(second, "week") == server::iso_week_name(monday_of(now)));
        auto count = [](const Json& week, const char* stage) { return json_int(week["counts"], stage, -1); };
        // As the story above tells it...
        CHECK(count(first, "notified") == 2);
        CHECK(count(first, "opened") == 2);
        CHECK(count(first, "identified") == 1);
        CHECK(count(first, "reset_verified") == 0);
        CHECK(count(first, "remediated") == 0);
        CHECK(count(second, "notified") == 3);
        CHECK(count(second, "opened") == 2);
        CHECK(count(second, "identified") == 2);
        CHECK(count(second, "reset_verified") == 2);
        CHECK(count(second, "password_set") == 2);
        CHECK(count(second, "remediated") == 2);
        CHECK(count(second, "verified_clean") == 1);
        CHECK(count(second, "reinfected") == 1);
        // ...and as the database's own rows count it.
        const int64_t this_week = monday_of(now);
        CHECK(count(second, "notified") ==
              count_in_database(site, "SELECT count(*) FROM feed_cases WHERE notified_at >= ?1", this_week));
        CHECK(count(second, "opened") ==
              count_in_database(site, "SELECT count(DISTINCT r.ticket) FROM reports r JOIN feed_cases c ON c.ticket = r.ticket "
                                      "WHERE c.notified_at >= ?1", this_week));
        CHECK(count(second, "remediated") ==
              count_in_database(site, "SELECT count(DISTINCT r.ticket) FROM reports r JOIN feed_cases c ON c.ticket = r.ticket "
                                      "WHERE r.kind = 'final' AND r.outcome = 'remediated' AND c.notified_at >= ?1", this_week));
        CHECK(count(second, "verified_clean") ==
              count_in_database(site, "SELECT count(*) FROM feed_cases WHERE status = 'verified_clean' AND notified_at >= ?1", this_week));
        CHECK(count(second, "reinfected") ==
              count_in_database(site, "SELECT count(*) FROM feed_cases WHERE reinfected_at > 0 AND notified_at >= ?1", this_week));
        // (the report body's JSON in each database's own words)
        const std::string names_a_device = testing_postgres() ? "(r.body::jsonb ->> 'device_id') IS NOT NULL"
                                                                : "json_extract(r.body, '$.device_id') IS NOT NULL";
        CHECK(count(first, "identified") ==
              count_in_database(site, "SELECT count(DISTINCT r.ticket) FROM reports r JOIN feed_cases c ON c.ticket = r.ticket "
                                      "WHERE " + names_a_device + " AND c.notified_at < ?1", this_week));

        // Where people stall: the two unfinished journeys, by their last screen; the median
        // times of the finished ones (both the example: 41 s on the welcome).
        const Json& stalls = funnel["stalls"];
        REQUIRE(stalls.size() == 2);
        CHECK(json_int(stalls[0], "journeys") == 1);
        bool welcome_time = false;
        for (const Json& time : funnel["step_times"])
            if (json_string(time, "step") == "welcome") welcome_time = json_int(time, "journeys") == 2 && time["median_seconds"] == 41.0;
        CHECK(welcome_time);
        // Themes by step, with the sentence said (consent given in the example).
        bool sentence_found = false;
        for (const Json& said : funnel["sentences"])
            sentence_found = sentence_found || json_string(said, "said").find("knopje") != std::string::npos;
        CHECK(sentence_found);

        const RawResponse csv = raw_request(server.port(), "GET", "/api/helpdesk/funnel.csv?weeks=4", login->headers());
        CHECK(csv.status == 200);
        CHECK(csv.header("content-type").find("text/csv") == 0);
        CHECK(csv.body.find("week,starts,notified,opened,identified,reset_verified,password_set,remediated,verified_clean,reinfected\r\n") == 0);
        CHECK(csv.body.find(server::iso_week_name(monday_of(now)) + "," ) != std::string::npos);
        CHECK(raw_request(server.port(), "GET", "/api/helpdesk/funnel.csv?table=nope", login->headers()).status == 400);

        const RawResponse page = raw_request(server.port(), "GET", "/helpdesk/funnel?weeks=4&lang=en", login->headers());
        CHECK(page.status == 200);
        CHECK(page.body.find("<svg") != std::string::npos);
        CHECK(page.body.find("<title id=\"chart-funnel-title\">") != std::string::npos);
        CHECK(page.body.find("<table>") != std::string::npos);
    }
}
