// The helpdesk: agents log in (accounts made with cleanslate-desk, passwords as Argon2id),
// follow a customer's journey live by the code the customer reads out, work through the
// queue of call-back requests and journeys that need help, and start cases for customers
// without the e-mail. Nothing here opens without a session; a session sees only the tickets
// it was given; a customer's link opens nothing here at all.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "core/json.h"
#include "core/link_token.h"
#include "report_fixtures.h"
#include "running_server.h"

using namespace cleanslate;
using namespace cleanslate::testing;

namespace {

AgentLogin first_agent(const RunningServer& server) {
    REQUIRE_FALSE(server.helpdesk_password().empty());
    auto login = log_in(server.port(), "helpdesk", server.helpdesk_password());
    REQUIRE(login);
    return *login;
}

// The code a customer's wizard is given for its link.
std::string session_code_for(int port, const std::string& token) {
    const RawResponse response = post_json(port, "/api/session-code", Json{{"token", token}});
    REQUIRE(response.status == 201);
    const std::string code = json_string(response.json(), "code");
    REQUIRE(code.size() == 6);
    return code;
}

std::string follow(int port, const AgentLogin& agent, const std::string& code) {
    const RawResponse response = post_json(port, "/api/helpdesk/follow", Json{{"code", code}}, agent.headers());
    REQUIRE(response.status == 200);
    return json_string(response.json(), "ticket");
}

// Reads an event stream until `needle` shows up (or the time is up).
bool stream_shows(Connection& stream, std::string& seen, const std::string& needle, int timeout_ms = 5000) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (seen.find(needle) == std::string::npos && std::chrono::steady_clock::now() < deadline)
        if (!stream.read_some(seen, 100)) break;
    return seen.find(needle) != std::string::npos;
}

void open_live(Connection& stream, const AgentLogin& agent, const std::string& ticket) {
    stream.send("GET /api/helpdesk/live/" + ticket + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nCookie: " +
                agent.cookie + "\r\n\r\n");
}

}  // namespace

TEST_SUITE("server: helpdesk access") {
    TEST_CASE("without a session the helpdesk's page and every API answer 401") {
        TemporarySite site;
        RunningServer server(site);
        const RawResponse page = raw_request(server.port(), "GET", "/helpdesk/");
        CHECK(page.status == 401);
        CHECK(page.header("content-type").rfind("text/html", 0) == 0);
        for (const char* path : {"/api/helpdesk/me", "/api/helpdesk/attention", "/api/helpdesk/tickets/CS-1/reports",
                                 "/api/helpdesk/live/CS-1"}) {
            CAPTURE(path);
            CHECK(raw_request(server.port(), "GET", path).status == 401);
        }
        for (const char* path : {"/api/helpdesk/follow", "/api/helpdesk/cases", "/api/helpdesk/attention/1/handled",
                                 "/api/helpdesk/logout"}) {
            CAPTURE(path);
            CHECK(post_json(server.port(), path, Json::object(), {"Origin: http://127.0.0.1"}).status == 401);
        }
        // The old open listing of a ticket's reports is gone.
        CHECK(raw_request(server.port(), "GET", "/api/report/CS-1").status == 404);
    }

    TEST_CASE("a customer's link token opens nothing in the helpdesk") {
        TemporarySite site;
        RunningServer server(site);
        const std::string token = link_for("CS-2026-80");
        for (const std::string& header : {"Cookie: __Host-cleanslate_session=" + token, "Authorization: Bearer " + token})
            CHECK(raw_request(server.port(), "GET", "/api/helpdesk/tickets/CS-2026-80/reports", {header}).status == 401);
    }

    TEST_CASE("the first login is printed once; its session cookie is Secure, HttpOnly and SameSite=Strict") {
        TemporarySite site;
        std::string password;
        {
            RunningServer server(site);
            password = server.helpdesk_password();
            REQUIRE(password.size() >= 16);
            const RawResponse response = post_json(server.port(), "/api/helpdesk/login",
                                                   Json{{"name", "helpdesk"}, {"password", password}}, {"Origin: http://127.0.0.1"});
            CHECK(response.status == 200);
            const std::string cookie = response.header("set-cookie");
            CHECK(cookie.rfind("__Host-cleanslate_session=", 0) == 0);
            for (const char* attribute : {"; Secure", "; HttpOnly", "; SameSite=Strict", "; Path=/"}) CHECK(cookie.find(attribute) != std::string::npos);
            CHECK(cookie.find("Domain") == std::string::npos);
            CHECK(server.output().find(password) != std::string::npos);
        }
        RunningServer restarted(site);
        CHECK(restarted.helpdesk_password().empty());
        CHECK(restarted.output().find(password) == std::string::npos);
        CHECK(log_in(restarted.port(), "helpdesk", password));
    }

    TEST_CASE("wrong passwords are throttled per name: 401 five times, then 429, even for the right one") {
        TemporarySite site;
        RunningServer server(site);
        for (int i = 0; i < 5; ++i) CHECK(post_json(server.port(), "/api/helpdesk/login", Json{{"name", "helpdesk"}, {"password", "guess-" + std::to_string(i)}}, {"Origin: http://127.0.0.1"}).status == 401);
        const RawResponse throttled = post_json(server.port(), "/api/helpdesk/login",
                                                Json{{"name", "helpdesk"}, {"password", server.helpdesk_password()}}, {"Origin: http://127.0.0.1"});
        CHECK(throttled.status == 429);
        CHECK(std::atoi(throttled.header("retry-after").c_str()) >= 1);
        // Unknown names answer the same 401 as wrong passwords.
        CHECK(post_json(server.port(), "/api/helpdesk/login", Json{{"name", "nobody"}, {"password", "x"}}, {"Origin: http://127.0.0.1"}).status == 401);
    }

    TEST_CASE("changes need the CSRF token and this origin: 403 otherwise") {
        TemporarySite site;
        RunningServer server(site);
        const AgentLogin agent = first_agent(server);
        const Json body = {{"language", "nl"}};
        CHECK(post_json(server.port(), "/api/helpdesk/cases", body, {"Cookie: " + agent.cookie}).status == 403);
        CHECK(post_json(server.port(), "/api/helpdesk/cases", body, {"Cookie: " + agent.cookie, "X-CSRF-Token: wrong"}).status == 403);
        CHECK(post_json(server.port(), "/api/helpdesk/cases", body,
                        {"Cookie: " + agent.cookie, "X-CSRF-Token: " + agent.csrf, "Origin: https://evil.example"}).status == 403);
        CHECK(post_json(server.port(), "/api/helpdesk/cases", body,
                        {"Cookie: " + agent.cookie, "X-CSRF-Token: " + agent.csrf, "Sec-Fetch-Site: cross-site"}).status == 403);
        CHECK(post_json(server.port(), "/api/helpdesk/cases", body, agent.headers()).status == 201);
        CHECK(post_json(server.port(), "/api/helpdesk/login", Json{{"name", "helpdesk"}, {"password", server.helpdesk_password()}},
                        {"Origin: https://evil.example"}).status == 403);
    }

    TEST_CASE("logging out ends the session") {
        TemporarySite site;
        RunningServer server(site);
        const AgentLogin agent = first_agent(server);
        CHECK(raw_request(server.port(), "GET", "/api/helpdesk/me", {"Cookie: " + agent.cookie}).status == 200);
        const RawResponse out = post_json(server.port(), "/api/helpdesk/logout", Json::object(), agent.headers());
        CHECK(out.status == 200);
        CHECK(out.header("set-cookie").find("Max-Age=0") != std::string::npos);
        CHECK(raw_request(server.port(), "GET", "/api/helpdesk/me", {"Cookie: " + agent.cookie}).status == 401);
    }

    TEST_CASE("cleanslate-desk add-agent makes a login; set-password replaces it and ends its sessions") {
        TemporarySite site;
        RunningServer server(site);
        const std::vector<std::string> database = {"--database", site.database()};
        auto arguments = [&](std::vector<std::string> front) {
            front.insert(front.end(), database.begin(), database.end());
            return front;
        };
        CHECK(run_desk_binary(arguments({"add-agent", "anna"}), "short\n").exit_code == 2);
        const CommandResult added = run_desk_binary(arguments({"add-agent", "anna"}), "Tulpen-Molen-Dijk-7\n");
        CHECK(added.exit_code == 0);
        CHECK(added.out.find("Tulpen") == std::string::npos);
        CHECK(run_desk_binary(arguments({"add-agent", "anna"}), "Tulpen-Molen-Dijk-7\n").exit_code == 2);
        const auto anna = log_in(server.port(), "anna", "Tulpen-Molen-Dijk-7");
        REQUIRE(anna);
        const CommandResult changed = run_desk_binary(arguments({"set-password", "anna", "--generate-password"}));
        CHECK(changed.exit_code == 0);
        const std::string generated = changed.out.substr(changed.out.find("password: ") + 10, 19);
        CHECK(raw_request(server.port(), "GET", "/api/helpdesk/me", {"Cookie: " + anna->cookie}).status == 401);
        CHECK_FALSE(log_in(server.port(), "anna", "Tulpen-Molen-Dijk-7"));
        CHECK(log_in(server.port(), "anna", generated));
    }
}

TEST_SUITE("server: following a customer live") {
    TEST_CASE("the customer's session code opens their ticket, and each report arrives on the live stream") {
        TemporarySite site;
        RunningServer server(site);
        const AgentLogin agent = first_agent(server);
        const std::string token = link_for("CS-2026-90");
        const std::string ticket = follow(server.port(), agent, session_code_for(server.port(), token));
        CHECK(ticket == "CS-2026-90");

        Connection stream(server.port());
        open_live(stream, agent, ticket);
        std::string seen;
        REQUIRE(stream_shows(stream, seen, "event: following"));
        CHECK(seen.find("text/event-stream") != std::string::npos);

        Json progress = progress_report(ticket, token, 1);
        progress["screen"] = "reset_steps";
        progress.erase("callback");
        progress["outcome"] = "none";
        REQUIRE(post_json(server.port(), "/api/report", progress).status == 201);
        CHECK(stream_shows(stream, seen, "\"screen\":\"reset_steps\""));

        REQUIRE(post_json(server.port(), "/api/report", final_report(ticket, token)).status == 201);
        CHECK(stream_shows(stream, seen, "\"kind\":\"final\""));
        CHECK(seen.find("\"verification\"") != std::string::npos);    // the answers that told reset from reboot
        CHECK(seen.find("\"feedback\"") != std::string::npos);        // said with consent
        CHECK(seen.find("\"data\":") == std::string::npos);           // voice recordings are not streamed
    }

    // Several servers behind a load balancer share one database (README: Scale): nothing the
    // helpdesk needs lives in one server's memory.
    TEST_CASE("two servers on one database: a login, a session code and a report made on one are live on the other") {
        TemporarySite site;
        RunningServer first(site);
        RunningServer second(site);
        const AgentLogin agent = first_agent(first);
        const std::string token = link_for("CS-2026-95");
        // The customer's wizard reaches the first server, the agent's page the second.
        const std::string ticket = follow(second.port(), agent, session_code_for(first.port(), token));
        CHECK(ticket == "CS-2026-95");
        Connection stream(second.port());
        open_live(stream, agent, ticket);
        std::string seen;
        REQUIRE(stream_shows(stream, seen, "event: following"));
        REQUIRE(post_json(first.port(), "/api/report", final_report(ticket, token)).status == 201);
        CHECK(stream_shows(stream, seen, "\"kind\":\"final\""));  // the second server's hub polls every second
    }

    TEST_CASE("a reconnecting follower says where it was (Last-Event-ID) and misses nothing") {
        TemporarySite site;
        RunningServer server(site);
        const AgentLogin agent = first_agent(server);
        const std::string token = link_for("CS-2026-91");
        const std::string ticket = follow(server.port(), agent, session_code_for(server.port(), token));
        for (int sequence = 1; sequence <= 3; ++sequence)
            REQUIRE(post_json(server.port(), "/api/report", progress_report(ticket, token, sequence)).status == 201);
        Connection stream(server.port());
        stream.send("GET /api/helpdesk/live/" + ticket + " HTTP/1.1\r\nHost: 127.0.0.1\r\nLast-Event-ID: 1\r\nCookie: " +
                    agent.cookie + "\r\n\r\n");
        std::string seen;
        CHECK(stream_shows(stream, seen, "\"sequence\":3"));
        CHECK(seen.find("\"sequence\":2") != std::string::npos);
        CHECK(seen.find("\"sequence\":1,") == std::string::npos);
    }

    TEST_CASE("a session sees only the tickets it opened; other tickets answer 404 as if they did not exist") {
        TemporarySite site;
        RunningServer server(site);
        const AgentLogin agent = first_agent(server);
        const std::string token = link_for("CS-2026-92");
        follow(server.port(), agent, session_code_for(server.port(), token));
        REQUIRE(post_json(server.port(), "/api/report", final_report("CS-2026-93", link_for("CS-2026-93"))).status == 201);

        CHECK(raw_request(server.port(), "GET", "/api/helpdesk/tickets/CS-2026-92/reports", {"Cookie: " + agent.cookie}).status == 200);
        const RawResponse other = raw_request(server.port(), "GET", "/api/helpdesk/tickets/CS-2026-93/reports", {"Cookie: " + agent.cookie});
        CHECK(other.status == 404);
        CHECK(other.body.find("CS-2026-93") == std::string::npos);
        CHECK(raw_request(server.port(), "GET", "/api/helpdesk/live/CS-2026-93", {"Cookie: " + agent.cookie}).status == 404);
        CHECK(raw_request(server.port(), "GET", "/api/helpdesk/tickets/CS-2026-404/reports", {"Cookie: " + agent.cookie}).status == 404);

        // A second agent has opened nothing.
        run_desk_binary({"add-agent", "bram", "--database", site.database()}, "Klompen-Kaas-Brug-9\n");
        const auto bram = log_in(server.port(), "bram", "Klompen-Kaas-Brug-9");
        REQUIRE(bram);
        CHECK(raw_request(server.port(), "GET", "/api/helpdesk/tickets/CS-2026-92/reports", {"Cookie: " + bram->cookie}).status == 404);
    }

    TEST_CASE("session codes: wrong ones answer 404, guessing is throttled, an expired link gets none") {
        TemporarySite site;
        RunningServer server(site);
        const AgentLogin agent = first_agent(server);
        int not_found = 0, throttled = 0;
        for (int i = 0; i < 16; ++i) {
            const int status = post_json(server.port(), "/api/helpdesk/follow", Json{{"code", "000000"}}, agent.headers()).status;
            not_found += status == 404;
            throttled += status == 429;
        }
        CHECK(not_found == 12);
        CHECK(throttled == 4);
        const int64_t now = std::time(nullptr);
        CHECK(post_json(server.port(), "/api/session-code", Json{{"token", link_for("CS-2026-94", now - 30 * 86400, now - 86400)}}).status == 410);
        CHECK(post_json(server.port(), "/api/session-code", Json{{"token", "a.b"}}).status == 401);
    }

    TEST_CASE("reports listing is paged and capped") {
        TemporarySite site;
        RunningServer server(site);
        const AgentLogin agent = first_agent(server);
        const std::string token = link_for("CS-2026-95");
        const std::string ticket = follow(server.port(), agent, session_code_for(server.port(), token));
        for (int sequence = 1; sequence <= 25; ++sequence)
            REQUIRE(post_json(server.port(), "/api/report", progress_report(ticket, token, sequence)).status == 201);
        std::vector<int64_t> sequences;
        std::string after;
        for (int page = 0; page < 10; ++page) {
            const RawResponse response = raw_request(server.port(), "GET",
                                                     "/api/helpdesk/tickets/" + ticket + "/reports?limit=10" + after, {"Cookie: " + agent.cookie});
            REQUIRE(response.status == 200);
            const Json listed = response.json();
            CHECK(listed["reports"].size() <= 10);
            for (const Json& report : listed["reports"]) sequences.push_back(json_int(report, "sequence"));
            if (listed["next_after"].is_null()) break;
            after = "&after=" + std::to_string(listed["next_after"].get<int64_t>());
        }
        CHECK(sequences.size() == 25);
        CHECK(std::is_sorted(sequences.begin(), sequences.end()));
        const Json capped = raw_request(server.port(), "GET", "/api/helpdesk/tickets/" + ticket + "/reports?limit=100000",
                                        {"Cookie: " + agent.cookie}).json();
        CHECK(capped["reports"].size() == 25);
    }
}

TEST_SUITE("server: the attention queue") {
    TEST_CASE("call-back requests and needs_help journeys, newest first, paged, marked handled once") {
        TemporarySite site;
        RunningServer server(site);
        const AgentLogin agent = first_agent(server);
        for (int i = 0; i < 5; ++i) {
            const std::string ticket = "CS-2026-10" + std::to_string(i);
            Json progress = progress_report(ticket, link_for(ticket), 1, "journey-000000" + std::to_string(i));
            if (i % 2) progress["outcome"] = "none";  // a call-back only; even ones also need help
            REQUIRE(post_json(server.port(), "/api/report", progress).status == 201);
            // The same call-back repeated in a later report raises nothing new.
            progress["sequence"] = 2;
            REQUIRE(post_json(server.port(), "/api/report", progress).status == 201);
        }
        const Json first_page = raw_request(server.port(), "GET", "/api/helpdesk/attention?limit=4", {"Cookie: " + agent.cookie}).json();
        REQUIRE(first_page["items"].size() == 4);
        CHECK(json_string(first_page["items"][0], "ticket") == "CS-2026-104");
        CHECK(json_int(first_page["items"][0], "id") > json_int(first_page["items"][1], "id"));
        const Json rest = raw_request(server.port(), "GET",
                                      "/api/helpdesk/attention?limit=4&before=" + std::to_string(first_page["next_before"].get<int64_t>()),
                                      {"Cookie: " + agent.cookie}).json();
        CHECK(first_page["items"].size() + rest["items"].size() == 8);  // 5 call-backs + 3 needs_help
        CHECK(rest["next_before"].is_null());

        const int64_t id = json_int(first_page["items"][0], "id");
        const RawResponse handled = post_json(server.port(), "/api/helpdesk/attention/" + std::to_string(id) + "/handled",
                                              Json::object(), agent.headers());
        CHECK(handled.status == 200);
        CHECK(json_string(handled.json()["item"], "handled_by") == "helpdesk");
        const Json open = raw_request(server.port(), "GET", "/api/helpdesk/attention", {"Cookie: " + agent.cookie}).json();
        CHECK(open["items"].size() == 7);
        const Json all = raw_request(server.port(), "GET", "/api/helpdesk/attention?all=1", {"Cookie: " + agent.cookie}).json();
        CHECK(all["items"].size() == 8);
        CHECK(post_json(server.port(), "/api/helpdesk/attention/999999/handled", Json::object(), agent.headers()).status == 404);

        // Opening an item gives the session its ticket.
        const RawResponse opened = post_json(server.port(), "/api/helpdesk/attention/" + std::to_string(id) + "/follow",
                                             Json::object(), agent.headers());
        CHECK(opened.status == 200);
        CHECK(raw_request(server.port(), "GET", "/api/helpdesk/tickets/CS-2026-104/reports", {"Cookie: " + agent.cookie}).status == 200);
    }
}

TEST_SUITE("server: a case started on the phone") {
    TEST_CASE("an agent starts a case, the customer types its code, and the journey reports like any other") {
        TemporarySite site;
        RunningServer server(site);
        const AgentLogin agent = first_agent(server);
        const RawResponse created = post_json(server.port(), "/api/helpdesk/cases",
                                              Json{{"language", "en"}, {"evidence", {{"device_type", "camera"}, {"src_ip", "203.0.113.9"}}}},
                                              agent.headers());
        REQUIRE(created.status == 201);
        const std::string ticket = json_string(created.json(), "ticket");
        const std::string code = json_string(created.json(), "case_code");
        CHECK(code.size() == 10);

        const RawResponse opened = post_json(server.port(), "/api/case/open", Json{{"case_code", code.substr(0, 5) + " " + code.substr(5)}});
        REQUIRE(opened.status == 200);
        const std::string token = json_string(opened.json(), "token");
        const LinkParseResult link = verify_link_token(token, kTestLinkKey, std::time(nullptr));
        CHECK(link.status == LinkStatus::ok);
        CHECK(link.payload.ticket == ticket);
        CHECK(link.payload.lang == "en");
        CHECK(json_string(link.payload.evidence, "device_type") == "camera");
        CHECK_FALSE(json_member(link.payload.evidence, "src_ip"));  // never an address in a link

        CHECK(post_json(server.port(), "/api/report", final_report(ticket, token)).status == 201);
        Json by_code = progress_report(ticket, "", 1);
        by_code.erase("token");
        by_code["case_code"] = code;
        CHECK(post_json(server.port(), "/api/report", by_code).status == 201);
        // The agent who started it follows it without a session code.
        CHECK(raw_request(server.port(), "GET", "/api/helpdesk/tickets/" + ticket + "/reports", {"Cookie: " + agent.cookie}).status == 200);
    }

    TEST_CASE("wrong case codes: 404, then throttled per address") {
        TemporarySite site;
        RunningServer server(site);
        int not_found = 0, throttled = 0;
        for (int i = 0; i < 25; ++i) {
            const int status = post_json(server.port(), "/api/case/open", Json{{"case_code", "12345 6789" + std::to_string(i % 10)}}).status;
            not_found += status == 404;
            throttled += status == 429;
        }
        CHECK(not_found == 20);
        CHECK(throttled == 5);
    }
}
