// The collector, POST /api/report: the wizard sends progress reports while the journey runs
// and a final report at the end, and resends each until it is acknowledged. Only a genuine,
// unexpired link (or a helpdesk case) may write, only for its own ticket, only what the
// report schema allows, and only so much.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <ctime>
#include <fstream>
#include <sstream>

#include "core/base64url.h"
#include "core/json.h"
#include "core/link_token.h"
#include "report_fixtures.h"
#include "running_server.h"

using namespace cleanslate;
using namespace cleanslate::testing;

TEST_SUITE("server: /api/report accepts genuine reports") {
    TEST_CASE("a final report is stored once; sending it again is acknowledged without a second copy") {
        TemporarySite site;
        RunningServer server(site);
        const Json report = final_report("CS-2026-104233", link_for("CS-2026-104233"));
        const RawResponse first = post_json(server.port(), "/api/report", report);
        CHECK(first.status == 201);
        CHECK(json_string(first.json(), "status") == "stored");
        const RawResponse again = post_json(server.port(), "/api/report", report);
        CHECK(again.status == 200);
        CHECK(json_string(again.json(), "status") == "already_stored");
        CHECK(stored_report_count(site, "CS-2026-104233") == 1);
    }

    TEST_CASE("progress reports are kept per sequence number, and a final report beside them") {
        TemporarySite site;
        RunningServer server(site);
        const std::string token = link_for("CS-2026-1");
        for (int sequence = 1; sequence <= 3; ++sequence)
            CHECK(post_json(server.port(), "/api/report", progress_report("CS-2026-1", token, sequence)).status == 201);
        CHECK(post_json(server.port(), "/api/report", progress_report("CS-2026-1", token, 2)).status == 200);
        CHECK(post_json(server.port(), "/api/report", final_report("CS-2026-1", token)).status == 201);
        CHECK(stored_report_count(site, "CS-2026-1") == 4);
    }

    TEST_CASE("acknowledged reports survive a restart of the server") {
        TemporarySite site;
        const Json report = final_report("CS-2026-2", link_for("CS-2026-2"));
        {
            RunningServer server(site);
            CHECK(post_json(server.port(), "/api/report", report).status == 201);
        }
        RunningServer restarted(site);
        CHECK(post_json(restarted.port(), "/api/report", report).status == 200);
        CHECK(stored_report_count(site, "CS-2026-2") == 1);
    }

    TEST_CASE("a link that expired a day ago still delivers the report that waited in the outbox; a month ago, 410") {
        TemporarySite site;
        RunningServer server(site);
        const int64_t now = std::time(nullptr);
        const std::string yesterday = link_for("CS-2026-3", now - 15 * 86400, now - 86400);
        CHECK(post_json(server.port(), "/api/report", final_report("CS-2026-3", yesterday)).status == 201);
        const std::string month_ago = link_for("CS-2026-3", now - 44 * 86400, now - 30 * 86400);
        const RawResponse expired = post_json(server.port(), "/api/report", progress_report("CS-2026-3", month_ago, 1));
        CHECK(expired.status == 410);
        CHECK(json_string(expired.json(), "error").find("expired") != std::string::npos);
    }
}

TEST_SUITE("server: /api/report refuses what is not genuine") {
    TEST_CASE("without a token, with a forged or altered token: 401 and nothing stored") {
        TemporarySite site;
        RunningServer server(site);
        const std::string genuine = link_for("CS-2026-10");
        Json unsigned_report = final_report("CS-2026-10", genuine);
        unsigned_report.erase("token");
        const std::string forged = link_for("CS-2026-10", 0, 0, "not-the-servers-key-000000");
        std::string payload = base64url_decode(genuine.substr(0, genuine.find('.'))).value();
        payload.replace(payload.find("CS-2026-10"), 10, "CS-2026-11");
        const std::string altered = base64url_encode(payload) + genuine.substr(genuine.find('.'));
        for (const Json& report : {unsigned_report, final_report("CS-2026-10", forged), final_report("CS-2026-11", altered),
                                   final_report("CS-2026-10", "a.b")}) {
            const RawResponse response = post_json(server.port(), "/api/report", report);
            CHECK(response.status == 401);
            CHECK_FALSE(json_string(response.json(), "error").empty());
        }
        CHECK(stored_report_count(site, "CS-2026-10") == 0);
        CHECK(stored_report_count(site, "CS-2026-11") == 0);
    }

    TEST_CASE("a genuine link cannot write another ticket's reports: 403") {
        TemporarySite site;
        RunningServer server(site);
        const RawResponse response =
            post_json(server.port(), "/api/report", final_report("CS-2026-21", link_for("CS-2026-20")));
        CHECK(response.status == 403);
        CHECK(stored_report_count(site, "CS-2026-21") == 0);
    }

    TEST_CASE("only application/json: a form or text/plain post from another site never reaches the collector") {
        TemporarySite site;
        RunningServer server(site);
        const std::string body = final_report("CS-2026-30", link_for("CS-2026-30")).dump();
        for (const char* type : {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            CAPTURE(type);
            const RawResponse response =
                raw_request(server.port(), "POST", "/api/report", {std::string("Content-Type: ") + type}, body);
            CHECK(response.status == 415);
        }
        CHECK(raw_request(server.port(), "POST", "/api/report", {}, body).status == 415);
        CHECK(stored_report_count(site, "CS-2026-30") == 0);
        // The charset parameter is fine.
        CHECK(raw_request(server.port(), "POST", "/api/report", {"Content-Type: application/json; charset=utf-8"}, body).status == 201);
    }
}

TEST_SUITE("server: /api/report takes only what the schema allows") {
    TEST_CASE("an unknown field, a password under any name, is refused with the field named") {
        TemporarySite site;
        RunningServer server(site);
        const std::string token = link_for("CS-2026-40");
        struct Case {
            const char* field;
            std::function<void(Json&)> change;
        };
        const Case cases[] = {
            {"/password", [](Json& r) { r["password"] = "Fiets-Molen-Kaas-42"; }},
            {"/Password", [](Json& r) { r["Password"] = "Fiets-Molen-Kaas-42"; }},
            {"/devices/0/wifi_password", [](Json& r) { r["devices"][0]["wifi_password"] = "Fiets-Molen-Kaas-42"; }},
            {"/devices/0/pwd", [](Json& r) { r["devices"][0]["pwd"] = "Fiets-Molen-Kaas-42"; }},
            {"/credential", [](Json& r) { r["credential"] = "admin/Fiets-Molen-Kaas-42"; }},
            {"/timings/0/note", [](Json& r) { r["timings"][0]["note"] = "Fiets-Molen-Kaas-42"; }},
        };
        for (const Case& c : cases) {
            CAPTURE(c.field);
            Json report = final_report("CS-2026-40", token);
            c.change(report);
            const RawResponse response = post_json(server.port(), "/api/report", report);
            CHECK(response.status == 400);
            CHECK(json_string(response.json(), "field") == c.field);
            CHECK(json_string(response.json(), "problem") == "is not an allowed field");
            CHECK(json_string(response.json(), "error").find(c.field) != std::string::npos);
        }
        CHECK(stored_report_count(site, "CS-2026-40") == 0);
        CHECK(server.output().find("Fiets-Molen-Kaas-42") == std::string::npos);
    }

    TEST_CASE("wrong values, missing fields and oversized strings and lists name the field") {
        TemporarySite site;
        RunningServer server(site);
        const std::string token = link_for("CS-2026-41");
        struct Case {
            const char* field;
            std::function<void(Json&)> change;
        };
        const Case cases[] = {
            {"/outcome", [](Json& r) { r["outcome"] = "fixed-i-think"; }},
            {"", [](Json& r) { r.erase("report_id"); }},
            {"/report_id", [](Json& r) { r["report_id"] = "abc"; }},
            {"/devices/0/reset_attempts", [](Json& r) { r["devices"][0]["reset_attempts"] = -1; }},
            {"/feedback/1/text", [](Json& r) { r["feedback"][1]["text"] = std::string(2001, 'a'); }},
            {"/timings", [](Json& r) {
                 for (int i = 0; i < 70; ++i) r["timings"].push_back(r["timings"][0]);
             }},
            {"/language", [](Json& r) { r["language"] = "de"; }},
        };
        for (const Case& c : cases) {
            CAPTURE(c.field);
            Json report = final_report("CS-2026-41", token);
            c.change(report);
            const RawResponse response = post_json(server.port(), "/api/report", report);
            CHECK(response.status == 400);
            CHECK(json_string(response.json(), "field") == c.field);
        }
        CHECK(stored_report_count(site, "CS-2026-41") == 0);
    }

    TEST_CASE("what the customer said is refused without their consent") {
        TemporarySite site;
        RunningServer server(site);
        Json report = final_report("CS-2026-42", link_for("CS-2026-42"));
        report["consent"] = "refused";
        CHECK(post_json(server.port(), "/api/report", report).status == 400);
        report.erase("feedback");
        report.erase("voice_notes");
        CHECK(post_json(server.port(), "/api/report", report).status == 201);
    }

    TEST_CASE("bodies that are not a JSON object get 400 with a JSON error") {
        TemporarySite site;
        RunningServer server(site);
        for (const char* body : {"{not json", "[]", "\"text\"", "42"}) {
            CAPTURE(body);
            const RawResponse response = raw_request(server.port(), "POST", "/api/report", {"Content-Type: application/json"}, body);
            CHECK(response.status == 400);
            CHECK_FALSE(json_string(response.json(), "error").empty());
        }
    }
}

TEST_SUITE("server: /api/report limits") {
    TEST_CASE("a ticket that sends too fast gets 429 with Retry-After; other tickets are not affected") {
        TemporarySite site;
        RunningServer server(site);
        const std::string token = link_for("CS-2026-50");
        int accepted = 0, refused = 0;
        std::string retry_after;
        for (int sequence = 1; sequence <= 40; ++sequence) {
            const RawResponse response = post_json(server.port(), "/api/report", progress_report("CS-2026-50", token, sequence));
            if (response.status == 201) ++accepted;
            if (response.status == 429) {
                ++refused;
                retry_after = response.header("retry-after");
            }
        }
        CHECK(accepted >= 30);
        CHECK(accepted < 40);
        CHECK(refused > 0);
        CHECK(std::atoi(retry_after.c_str()) >= 1);
        CHECK(post_json(server.port(), "/api/report", progress_report("CS-2026-51", link_for("CS-2026-51"), 1)).status == 201);
    }

    TEST_CASE("an address that keeps sending forged reports is throttled") {
        TemporarySite site;
        RunningServer server(site);
        int unauthorized = 0, throttled = 0;
        for (int i = 0; i < 30; ++i) {
            const int status = post_json(server.port(), "/api/report", final_report("CS-2026-52", "a.b")).status;
            unauthorized += status == 401;
            throttled += status == 429;
        }
        CHECK(unauthorized == 20);
        CHECK(throttled == 10);
    }

    TEST_CASE("a report larger than 1 MB is refused from its Content-Length, before it is read") {
        TemporarySite site;
        RunningServer server(site);
        Connection connection(server.port());
        connection.send("POST /api/report HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        "Content-Length: 104857600\r\n\r\n{\"report_id\":");
        const auto response = connection.receive(2000);  // answered at once, not after 100 MB
        REQUIRE(response);
        CHECK(response->status == 413);
        CHECK(response->header("connection") == "close");
    }
}

TEST_SUITE("server: durability") {
    // A SQLite file's own permissions; PostgreSQL keeps its files in its own cluster.
    TEST_CASE("the database and its companions are readable by the server's user only" *
              doctest::skip(testing_postgres())) {
        TemporarySite site;
        RunningServer server(site);
        CHECK(post_json(server.port(), "/api/report", final_report("CS-2026-60", link_for("CS-2026-60"))).status == 201);
        for (const char* suffix : {"", "-wal", "-shm"}) {
            struct stat status {};
            const std::string path = site.database() + suffix;
            CAPTURE(path);
            REQUIRE(stat(path.c_str(), &status) == 0);
            CHECK((status.st_mode & 0777) == 0600);
        }
    }

    TEST_CASE("kill -9 while reports arrive: every acknowledged report is in the database") {
        TemporarySite site;
        std::vector<std::string> acknowledged;
        {
            RunningServer server(site);
            const std::string token = link_for("CS-2026-61");
            Connection connection(server.port());
            for (int sequence = 1; sequence <= 25; ++sequence) {
                const std::string body = progress_report("CS-2026-61", token, sequence).dump();
                connection.send("POST /api/report HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
                const auto response = connection.receive(5000);
                if (response && response->status == 201) acknowledged.push_back(std::to_string(sequence));
            }
            server.kill_hard();  // no chance to flush or close anything
        }
        REQUIRE(acknowledged.size() == 25);
        RunningServer restarted(site);
        CHECK(stored_report_count(site, "CS-2026-61") == 25);
    }
}
