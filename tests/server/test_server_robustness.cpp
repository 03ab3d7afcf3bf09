// The server under hostile or careless clients: bodies nested to blow a parser's stack,
// bodies too large, connections that trickle, a full queue, odd but legal HTTP, and the
// delayed-ACK stall on kept-alive connections. In every case it answers clearly and keeps
// serving everyone else.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "core/json.h"
#include "report_fixtures.h"
#include "running_server.h"

using namespace cleanslate;
using namespace cleanslate::testing;
using Clock = std::chrono::steady_clock;

namespace {

std::string nested(const char* open, const char* close, int levels) {
    std::string text;
    text.reserve(size_t(levels) * 6);
    for (int i = 0; i < levels; ++i) text += open;
    for (int i = 0; i < levels; ++i) text += close;
    return text;
}

bool still_serving(int port) { return raw_request(port, "GET", "/").status == 200; }

double milliseconds_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string verify_request(const std::string& body, const char* connection = "keep-alive") {
    return "POST /api/link/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: " +
           std::string(connection) + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace

TEST_SUITE("server: bodies that attack the parser") {
    TEST_CASE("JSON nested 100 000 levels deep is answered 400 and the server keeps serving") {
        TemporarySite site;
        RunningServer server(site);
        for (const std::string& bomb : {nested("[", "]", 100000), nested("{\"a\":", "}", 100000)}) {
            const RawResponse response = raw_request(server.port(), "POST", "/api/report", {"Content-Type: application/json"}, bomb);
            CHECK(response.status == 400);
            CHECK(json_string(response.json(), "error").find("nested") != std::string::npos);
            CHECK(still_serving(server.port()));
        }
        // Deep nesting inside strings is only text.
        Json report = final_report("CS-2026-70", link_for("CS-2026-70"));
        report["feedback"][1]["text"] = std::string(1000, '[');  // entry 1 is the customer's own words
        CHECK(post_json(server.port(), "/api/report", report).status == 201);
    }

    TEST_CASE("bodies larger than a route takes are refused from the head, on every JSON route") {
        TemporarySite site;
        RunningServer server(site);
        for (const char* path : {"/api/link/verify", "/api/session-code", "/api/case/open", "/api/helpdesk/login"}) {
            CAPTURE(path);
            Connection connection(server.port());
            connection.send(std::string("POST ") + path +
                            " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n");
            const auto response = connection.receive(2000);
            REQUIRE(response);
            CHECK(response->status == 413);
        }
        CHECK(still_serving(server.port()));
    }
}

TEST_SUITE("server: slow and many clients") {
    TEST_CASE("64 connections trickling bytes do not slow a normal client: every answer within 1 s") {
        TemporarySite site;
        RunningServer server(site, {"--request-timeout", "3"});
        const auto opened = Clock::now();
        std::vector<std::unique_ptr<Connection>> trickling;
        for (int i = 0; i < 64; ++i) {
            trickling.push_back(std::make_unique<Connection>(server.port()));
            // A body of 2 000 bytes: no extra time for its size (that is 16 KB/s beyond the deadline).
            trickling.back()->send("POST /api/report HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                   "Content-Length: 2000\r\n\r\n{");
        }
        std::atomic<bool> stop{false};
        std::thread trickle([&] {
            // A byte every 200 ms, far inside any per-read timeout, until just before the deadline.
            while (!stop && milliseconds_since(opened) < 2800) {
                for (auto& connection : trickling) connection->send("[");  // a byte each, every 200 ms
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
            }
        });
        double slowest = 0;
        for (int i = 0; i < 20; ++i) {
            const auto start = Clock::now();
            CHECK(raw_request(server.port(), "GET", "/index.html").status == 200);
            CHECK(post_json(server.port(), "/api/link/verify", Json{{"token", link_for("CS-2026-71")}}).status == 200);
            slowest = std::max(slowest, milliseconds_since(start));
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        MESSAGE("slowest normal request pair beside 64 trickling connections: " << slowest << " ms");
        CHECK(slowest < 1000);

        // Trickling never moved the deadline: 3 s after each request began it ends with 408
        // (a per-read timeout would wait 3 s after the last byte, at 5.8 s).
        stop = true;
        trickle.join();
        int timed_out = 0;
        for (auto& connection : trickling) {
            const auto response = connection->receive(std::max(1, int(4200 - milliseconds_since(opened))));
            timed_out += response && response->status == 408;
        }
        MESSAGE("408 for all trickling connections by " << milliseconds_since(opened) << " ms after they opened");
        CHECK(timed_out == 64);
        CHECK(still_serving(server.port()));
    }

    TEST_CASE("when the queue for workers is full the answer is an immediate 503 with Retry-After") {
        TemporarySite site;
        RunningServer server(site, {"--workers", "1", "--queue", "1"});
        // Logins are slow on purpose (Argon2id): a burst of them fills one worker and a queue of one.
        std::vector<std::unique_ptr<Connection>> connections;
        const std::string body = Json{{"name", "helpdesk"}, {"password", "not the password"}}.dump();
        for (int i = 0; i < 12; ++i) {
            connections.push_back(std::make_unique<Connection>(server.port()));
            connections.back()->send("POST /api/helpdesk/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                     "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
        }
        int busy = 0, answered = 0;
        for (auto& connection : connections) {
            const auto response = connection->receive(30000);
            REQUIRE(response);
            ++answered;
            if (response->status == 503) {
                ++busy;
                CHECK(response->header("retry-after") == "1");
            }
        }
        CHECK(answered == 12);
        CHECK(busy >= 5);
        CHECK(still_serving(server.port()));
    }

    TEST_CASE("small answers on a kept-alive connection do not wait for delayed ACKs") {
        TemporarySite site;
        RunningServer server(site);
        Connection connection(server.port());
        const std::string body = Json{{"token", link_for("CS-2026-72")}}.dump();
        std::vector<double> times;
        for (int i = 0; i < 60; ++i) {
            const auto start = Clock::now();
            connection.send(verify_request(body));
            const auto response = connection.receive(5000);
            REQUIRE(response);
            REQUIRE(response->status == 200);
            times.push_back(milliseconds_since(start));
        }
        std::sort(times.begin(), times.end());
        MESSAGE("kept-alive POST /api/link/verify: p50 " << times[30] << " ms, max " << times.back() << " ms");
        CHECK(times[30] < 20);  // a 40 ms delayed-ACK stall would show in every request
    }
}

TEST_SUITE("server: HTTP/1.1 as the RFC says") {
    TEST_CASE("pipelined requests are answered in order on one connection") {
        TemporarySite site;
        RunningServer server(site);
        Connection connection(server.port());
        const std::string body = Json{{"token", "a.b"}}.dump();
        connection.send(verify_request(body) + "GET /css/app.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + verify_request(body, "close"));
        const auto first = connection.receive();
        const auto second = connection.receive();
        const auto third = connection.receive();
        REQUIRE(first);
        REQUIRE(second);
        REQUIRE(third);
        CHECK(json_string(first->json(), "status") == "malformed");
        CHECK(second->body == site.contents_of("css/app.css"));
        CHECK(third->header("connection") == "close");
        CHECK(connection.closed_by_server(2000));
    }

    TEST_CASE("malformed or unsupported requests get the status the RFC names") {
        TemporarySite site;
        RunningServer server(site);
        struct Case {
            const char* what;
            std::string request;
            int status;
        };
        const Case cases[] = {
            {"no Host", "GET / HTTP/1.1\r\n\r\n", 400},
            {"two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400},
            {"garbage", "HELLO\r\n\r\n", 400},
            {"folded header", "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n", 400},
            {"chunked body", "POST /api/report HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 411},
            {"chunked and length", "POST /api/report HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc", 400},
            {"two lengths", "POST /api/report HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400},
            {"negative length", "POST /api/report HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400},
            {"HTTP/2 by text", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505},
            {"absolute URL", "GET http://evil.example/ HTTP/1.1\r\nHost: a\r\n\r\n", 400},
            {"long URL", "GET /" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n", 414},
            {"huge header", "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + std::string(20000, 'b') + "\r\n\r\n", 431},
            {"odd expectation", "POST /api/link/verify HTTP/1.1\r\nHost: a\r\nExpect: tea\r\nContent-Length: 2\r\n\r\n{}", 417},
            {"bad percent", "GET /%zz HTTP/1.1\r\nHost: a\r\n\r\n", 400},
        };
        for (const Case& c : cases) {
            CAPTURE(c.what);
            std::string raw = raw_exchange(server.port(), c.request, 3000);
            const auto response = take_response(raw);
            REQUIRE(response);
            CHECK(response->status == c.status);
            CHECK(response->header("content-type") == "application/json");
        }
        CHECK(still_serving(server.port()));
    }

    TEST_CASE("Expect: 100-continue gets 100 before the body is sent") {
        TemporarySite site;
        RunningServer server(site);
        Connection connection(server.port());
        const std::string body = Json{{"token", "a.b"}}.dump();
        connection.send("POST /api/link/verify HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                        "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n");
        std::string interim;
        connection.read_some(interim, 2000);
        CHECK(interim.rfind("HTTP/1.1 100 Continue\r\n\r\n", 0) == 0);
        connection.send(body);
        const auto response = connection.receive();
        REQUIRE(response);
        CHECK(response->status == 200);
    }

    TEST_CASE("HTTP/1.0 closes after the answer unless it asked to keep the connection") {
        TemporarySite site;
        RunningServer server(site);
        Connection closing(server.port());
        closing.send("GET /css/app.css HTTP/1.0\r\n\r\n");
        CHECK(closing.receive());
        CHECK(closing.closed_by_server(2000));
        Connection keeping(server.port());
        keeping.send("GET /css/app.css HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        const auto response = keeping.receive();
        REQUIRE(response);
        CHECK(response->header("connection") == "keep-alive");
        keeping.send("GET /wizard.js HTTP/1.0\r\n\r\n");
        CHECK(keeping.receive());
    }

    TEST_CASE("a method a path does not take: 405 with Allow") {
        TemporarySite site;
        RunningServer server(site);
        const RawResponse response = raw_request(server.port(), "DELETE", "/api/report");
        CHECK(response.status == 405);
        CHECK(response.header("allow") == "POST");
    }
}

TEST_SUITE("server: byte ranges (RFC 9110 §14)") {
    TEST_CASE("one range of the file is 206 with Content-Range, from the uncompressed bytes") {
        TemporarySite site;
        RunningServer server(site);
        const std::string file = site.contents_of("wizard.js");
        const RawResponse first = raw_request(server.port(), "GET", "/wizard.js", {"Range: bytes=0-9", "Accept-Encoding: gzip"});
        CHECK(first.status == 206);
        CHECK(first.header("content-range") == "bytes 0-9/" + std::to_string(file.size()));
        CHECK(first.header("content-encoding").empty());
        CHECK(first.body == file.substr(0, 10));
        const RawResponse last = raw_request(server.port(), "GET", "/wizard.js", {"Range: bytes=-5"});
        CHECK(last.status == 206);
        CHECK(last.body == file.substr(file.size() - 5));
        const RawResponse open_ended = raw_request(server.port(), "GET", "/wizard.js", {"Range: bytes=100-"});
        CHECK(open_ended.body == file.substr(100));
        const RawResponse beyond_end = raw_request(server.port(), "GET", "/wizard.js", {"Range: bytes=10-999999"});
        CHECK(beyond_end.body == file.substr(10));
        CHECK(raw_request(server.port(), "GET", "/wizard.js").header("accept-ranges") == "bytes");
    }

    TEST_CASE("a range outside the file is 416 with the file's size; several ranges or a stale If-Range get it all") {
        TemporarySite site;
        RunningServer server(site);
        const std::string file = site.contents_of("wizard.js");
        const RawResponse outside = raw_request(server.port(), "GET", "/wizard.js", {"Range: bytes=999999-"});
        CHECK(outside.status == 416);
        CHECK(outside.header("content-range") == "bytes */" + std::to_string(file.size()));
        const RawResponse several = raw_request(server.port(), "GET", "/wizard.js", {"Range: bytes=0-1,5-6"});
        CHECK(several.status == 200);
        CHECK(several.body == file);
        const RawResponse stale = raw_request(server.port(), "GET", "/wizard.js", {"Range: bytes=0-1", "If-Range: \"old\""});
        CHECK(stale.status == 200);
        const std::string etag = raw_request(server.port(), "GET", "/wizard.js").header("etag");
        CHECK(raw_request(server.port(), "GET", "/wizard.js", {"Range: bytes=0-1", "If-Range: " + etag}).status == 206);
        CHECK(raw_request(server.port(), "GET", "/wizard.js", {"Range: items=0-1"}).status == 200);
    }
}
