// Completion reports: the wizard POSTs one when the customer finishes (or gives up) and
// resends it until acknowledged; the helpdesk reads them back by ticket.
#include <doctest/doctest.h>

#include <string>

#include "core/json.h"
#include "core/link_token.h"
#include "running_server.h"

using namespace cleanslate;
using namespace cleanslate::testing;

namespace {

Json finished_report(const std::string& report_id, const std::string& ticket) {
    return Json{{"report_id", report_id},
                {"ticket", ticket},
                {"lang", "nl"},
                {"outcome", "remediated"},
                {"device", {{"id", "xiongmai-xmeye-dvr"}, {"chosen_by", "evidence"}}},
                {"password_strength", "strong"},
                {"steps", Json::array({Json{{"step", "welcome"}, {"seconds", 40}}})}};
}

RawResponse post_report(int port, const Json& report) {
    return raw_request(port, "POST", "/api/report", {"Content-Type: application/json"}, report.dump());
}

Json reports_for(int port, const std::string& ticket) {
    const RawResponse response = raw_request(port, "GET", "/api/report/" + ticket);
    REQUIRE(response.status == 200);
    return parse_json(response.body);
}

}  // namespace

TEST_SUITE("server: /api/report") {
    TEST_CASE("a report is stored once; sending it again is acknowledged without a second copy") {
        TemporarySite site;
        RunningServer server(site);
        const Json report = finished_report("r-7f3a9c2e-0001", "CS-2026-104233");
        const RawResponse first = post_report(server.port(), report);
        CHECK(first.status == 201);
        CHECK(json_string(parse_json(first.body), "status") == "stored");
        const RawResponse again = post_report(server.port(), report);
        CHECK(again.status == 200);
        CHECK(json_string(parse_json(again.body), "status") == "already_stored");

        const Json listed = reports_for(server.port(), "CS-2026-104233");
        REQUIRE(listed["reports"].size() == 1);
        CHECK(json_string(listed["reports"][0], "outcome") == "remediated");
        CHECK(listed["reports"][0]["report"] == report);
    }

    TEST_CASE("reports survive a restart of the server") {
        TemporarySite site;
        {
            RunningServer server(site);
            CHECK(post_report(server.port(), finished_report("r-restart-0001", "CS-2026-1")).status == 201);
        }
        RunningServer restarted(site);
        CHECK(post_report(restarted.port(), finished_report("r-restart-0001", "CS-2026-1")).status == 200);
        CHECK(reports_for(restarted.port(), "CS-2026-1")["reports"].size() == 1);
    }

    TEST_CASE("a ticket with no reports gives an empty list") {
        TemporarySite site;
        RunningServer server(site);
        CHECK(reports_for(server.port(), "CS-2026-999999")["reports"] == Json::array());
    }

    TEST_CASE("a password that slipped into a report is never stored") {
        TemporarySite site;
        RunningServer server(site);
        Json report = finished_report("r-password-0001", "CS-2026-2");
        report["password"] = "Fiets-Molen-Kaas-42";
        report["steps"][0]["new_password"] = "Fiets-Molen-Kaas-42";
        CHECK(post_report(server.port(), report).status == 201);
        const RawResponse listed = raw_request(server.port(), "GET", "/api/report/CS-2026-2");
        CHECK(listed.body.find("Fiets-Molen-Kaas-42") == std::string::npos);
        CHECK(listed.body.find("password_strength") != std::string::npos);
        CHECK(server.output().find("Fiets-Molen-Kaas-42") == std::string::npos);
    }

    TEST_CASE("the link token, when sent along, is checked and the result kept with the report") {
        TemporarySite site;
        RunningServer server(site);
        LinkPayload payload;
        payload.ticket = "CS-2026-3";
        payload.issued_at = std::time(nullptr) - 60;
        payload.expires_at = payload.issued_at + 86400;
        payload.lang = "nl";
        const std::string token = mint_link_token(payload, kTestLinkKey);

        Json genuine = finished_report("r-token-00001", "CS-2026-3");
        genuine["token"] = token;
        Json elsewhere = finished_report("r-token-00002", "CS-2026-4");
        elsewhere["token"] = token;
        CHECK(post_report(server.port(), genuine).status == 201);
        CHECK(post_report(server.port(), elsewhere).status == 201);
        CHECK(json_string(reports_for(server.port(), "CS-2026-3")["reports"][0], "link_status") == "ok");
        CHECK(json_string(reports_for(server.port(), "CS-2026-4")["reports"][0], "link_status") == "other_ticket");
    }

    TEST_CASE("reports without a usable id, ticket or outcome get 400 with a JSON error") {
        TemporarySite site;
        RunningServer server(site);
        Json no_id = finished_report("", "CS-2026-5");
        Json short_id = finished_report("abc", "CS-2026-5");
        Json odd_ticket = finished_report("r-valid-000001", "CS 2026 <5>");
        Json odd_outcome = finished_report("r-valid-000002", "CS-2026-5");
        odd_outcome["outcome"] = "fixed-i-think";
        for (const Json& report : {no_id, short_id, odd_ticket, odd_outcome, Json::array(), Json("text")}) {
            CAPTURE(report.dump());
            const RawResponse response = post_report(server.port(), report);
            CHECK(response.status == 400);
            CHECK_FALSE(json_string(parse_json(response.body), "error").empty());
        }
        CHECK(raw_request(server.port(), "POST", "/api/report", {}, "{not json").status == 400);
        CHECK(reports_for(server.port(), "CS-2026-5")["reports"].empty());
    }
}
