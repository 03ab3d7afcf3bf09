// The server, judged from outside: the real cleanslate-server binary on a free port,
// serving a small temporary site, spoken to over real HTTP.
#include <doctest/doctest.h>
#include <httplib.h>

#include <string>

#include "core/base64url.h"
#include "core/json.h"
#include "core/link_token.h"
#include "core/sha256.h"
#include "running_server.h"

using namespace cleanslate;
using namespace cleanslate::testing;

namespace {

int64_t unix_now() { return int64_t(std::time(nullptr)); }

LinkPayload valid_case(int64_t issued, int64_t expires) {
    LinkPayload payload;
    payload.ticket = "CS-2026-000042";
    payload.issued_at = issued;
    payload.expires_at = expires;
    payload.lang = "en";
    payload.helpdesk = "088 123 4567";
    payload.evidence = parse_json(R"({"tag":"mirai","port":23,"credential":"root/xc3511"})");
    return payload;
}

std::string verify_status(int port, const std::string& token) {
    httplib::Client client("127.0.0.1", port);
    const auto response = client.Post("/api/link/verify", Json{{"token", token}}.dump(), "application/json");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    return json_string(parse_json(response->body), "status");
}

}  // namespace

TEST_SUITE("server: compression") {
    TEST_CASE("with Accept-Encoding: gzip, text and wasm come gzip-compressed and unpack to the file") {
        TemporarySite site;
        RunningServer server(site);
        for (const char* path : {"/index.html", "/wizard.js", "/wizard.wasm", "/css/app.css", "/data/devices.json"}) {
            CAPTURE(path);
            const RawResponse response = raw_request(server.port(), "GET", path, {"Accept-Encoding: gzip, deflate"});
            CHECK(response.status == 200);
            CHECK(response.header("content-encoding") == "gzip");
            CHECK(response.header("vary") == "Accept-Encoding");
            CHECK(response.body.size() < site.contents_of(std::string(path).substr(1)).size());
            CHECK(gunzip(response.body) == site.contents_of(std::string(path).substr(1)));
        }
    }

    TEST_CASE("without Accept-Encoding, or with gzip refused, the file is sent as it is") {
        TemporarySite site;
        RunningServer server(site);
        for (const std::vector<std::string>& headers :
             {std::vector<std::string>{}, {"Accept-Encoding: identity"}, {"Accept-Encoding: gzip;q=0"}}) {
            const RawResponse response = raw_request(server.port(), "GET", "/wizard.js", headers);
            CHECK(response.status == 200);
            CHECK(response.header("content-encoding").empty());
            CHECK(response.body == site.contents_of("wizard.js"));
        }
    }

    TEST_CASE("a browser that also accepts br still gets the gzip body exactly once") {
        TemporarySite site;
        RunningServer server(site);
        const RawResponse response =
            raw_request(server.port(), "GET", "/index.html", {"Accept-Encoding: gzip, deflate, br"});
        CHECK(response.header("content-encoding") == "gzip");
        CHECK(gunzip(response.body) == site.contents_of("index.html"));
    }

    TEST_CASE("files that are compressed already (fonts) are not gzipped again") {
        TemporarySite site;
        RunningServer server(site);
        const RawResponse response = raw_request(server.port(), "GET", "/fonts/NotoSans.woff2", {"Accept-Encoding: gzip"});
        CHECK(response.status == 200);
        CHECK(response.header("content-encoding").empty());
        CHECK(response.body == site.contents_of("fonts/NotoSans.woff2"));
    }

    TEST_CASE("httplib's own client, which unpacks gzip itself, reads the same bytes") {
        TemporarySite site;
        RunningServer server(site);
        httplib::Client client("127.0.0.1", server.port());
        const auto response = client.Get("/css/app.css", {{"Accept-Encoding", "gzip"}});
        REQUIRE(response);
        CHECK(response->body == site.contents_of("css/app.css"));
    }
}

TEST_SUITE("server: types and caching") {
    TEST_CASE("content types, including application/wasm for streaming compilation") {
        TemporarySite site;
        RunningServer server(site);
        const std::pair<const char*, const char*> expected[] = {
            {"/", "text/html; charset=utf-8"},
            {"/index.html", "text/html; charset=utf-8"},
            {"/wizard.js", "text/javascript; charset=utf-8"},
            {"/wizard.wasm", "application/wasm"},
            {"/css/app.css", "text/css; charset=utf-8"},
            {"/data/devices.json", "application/json; charset=utf-8"},
            {"/data/words-nl.txt", "text/plain; charset=utf-8"},
            {"/fonts/NotoSans.woff2", "font/woff2"},
            {"/blob.unknownext", "application/octet-stream"},
        };
        for (const auto& [path, mime_type] : expected) {
            CAPTURE(path);
            CHECK(raw_request(server.port(), "GET", path).header("content-type") == mime_type);
        }
    }

    TEST_CASE("index.html is always revalidated; other files are cached a while; hashed names for a year") {
        TemporarySite site;
        RunningServer server(site);
        CHECK(raw_request(server.port(), "GET", "/").header("cache-control") == "no-cache");
        CHECK(raw_request(server.port(), "GET", "/index.html").header("cache-control") == "no-cache");
        CHECK(raw_request(server.port(), "GET", "/wizard.wasm").header("cache-control") == "public, max-age=300");
        CHECK(raw_request(server.port(), "GET", "/js/bridge.3f2a9c1b.js").header("cache-control") ==
              "public, max-age=31536000, immutable");
    }

    TEST_CASE("an ETag, and 304 Not Modified when the client already has it") {
        TemporarySite site;
        RunningServer server(site);
        const RawResponse first = raw_request(server.port(), "GET", "/wizard.wasm", {"Accept-Encoding: gzip"});
        const std::string etag = first.header("etag");
        REQUIRE(etag.size() > 2);
        CHECK(etag.front() == '"');

        const RawResponse again =
            raw_request(server.port(), "GET", "/wizard.wasm", {"Accept-Encoding: gzip", "If-None-Match: " + etag});
        CHECK(again.status == 304);
        CHECK(again.body.empty());
        CHECK(again.header("etag") == etag);

        CHECK(raw_request(server.port(), "GET", "/wizard.wasm", {"If-None-Match: W/" + etag}).status == 304);
        CHECK(raw_request(server.port(), "GET", "/wizard.wasm", {"If-None-Match: \"old\", " + etag}).status == 304);
        CHECK(raw_request(server.port(), "GET", "/wizard.wasm", {"If-None-Match: \"old\""}).status == 200);
    }

    TEST_CASE("the gzip and plain representations have different ETags") {
        TemporarySite site;
        RunningServer server(site);
        CHECK(raw_request(server.port(), "GET", "/wizard.js", {"Accept-Encoding: gzip"}).header("etag") !=
              raw_request(server.port(), "GET", "/wizard.js").header("etag"));
    }

    TEST_CASE("HEAD answers with the headers only") {
        TemporarySite site;
        RunningServer server(site);
        const RawResponse response = raw_request(server.port(), "HEAD", "/wizard.wasm");
        CHECK(response.status == 200);
        CHECK(response.header("content-type") == "application/wasm");
        CHECK(response.body.empty());
    }
}

TEST_SUITE("server: security headers") {
    TEST_CASE("every response carries the CSP (with wasm allowed) and the other security headers") {
        TemporarySite site;
        RunningServer server(site);
        for (const char* path : {"/", "/wizard.wasm", "/no-such-file.js"}) {
            CAPTURE(path);
            const RawResponse response = raw_request(server.port(), "GET", path);
            const std::string csp = response.header("content-security-policy");
            CHECK(csp.find("default-src 'self'") != std::string::npos);
            CHECK(csp.find("script-src 'self' 'wasm-unsafe-eval'") != std::string::npos);
            CHECK(csp.find("'unsafe-inline'") == std::string::npos);
            CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
            CHECK(response.header("x-content-type-options") == "nosniff");
            CHECK(response.header("referrer-policy") == "no-referrer");
        }
        const RawResponse api = raw_request(server.port(), "POST", "/api/link/verify", {"Content-Type: application/json"}, R"({"token":"x"})");
        CHECK_FALSE(api.header("content-security-policy").empty());
    }
}

TEST_SUITE("server: what is not served") {
    TEST_CASE("unknown files are 404 with a JSON error") {
        TemporarySite site;
        RunningServer server(site);
        const RawResponse response = raw_request(server.port(), "GET", "/no-such-file.js");
        CHECK(response.status == 404);
        CHECK(response.header("content-type") == "application/json");
        CHECK(json_string(parse_json(response.body), "error") == "not found");
    }

    TEST_CASE("hidden files in the site directory are never served") {
        TemporarySite site;
        RunningServer server(site);
        CHECK(raw_request(server.port(), "GET", "/.secret").status == 404);
    }

    TEST_CASE("path traversal, plain and encoded, is refused") {
        TemporarySite site;
        RunningServer server(site);
        const char* attempts[] = {
            "/../etc/passwd",
            "/../../../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E/%2E%2E/etc/passwd",
            "/css/..%2f..%2f..%2fetc%2fpasswd",
            "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/..%5c..%5cetc%5cpasswd",
            "/css/../index.html",
            "//etc/passwd",
            "/./index.html",
            "/index.html%00.js",
            "/%252e%252e/etc/passwd",
        };
        for (const char* target : attempts) {
            CAPTURE(target);
            const RawResponse response = raw_request(server.port(), "GET", target);
            CHECK((response.status == 400 || response.status == 404));
            CHECK(response.body.find("root:") == std::string::npos);
            CHECK(response.body.find("<canvas") == std::string::npos);
        }
    }

    TEST_CASE("other methods on files, and unknown API paths, get a JSON 4xx") {
        TemporarySite site;
        RunningServer server(site);
        const RawResponse deleted = raw_request(server.port(), "DELETE", "/index.html");
        CHECK(deleted.status >= 400);
        CHECK(deleted.status < 500);
        const RawResponse unknown = raw_request(server.port(), "POST", "/api/nothing-here", {}, "{}");
        CHECK(unknown.status == 404);
        CHECK(parse_json(unknown.body).is_object());
    }
}

TEST_SUITE("server: /api/link/verify") {
    TEST_CASE("a link minted with the server's key is ok") {
        TemporarySite site;
        RunningServer server(site);
        const std::string token = mint_link_token(valid_case(unix_now() - 60, unix_now() + 86400), kTestLinkKey);
        CHECK(verify_status(server.port(), token) == "ok");
    }

    TEST_CASE("the answer includes the server's clock, so the wizard can spot a phone with the wrong date") {
        TemporarySite site;
        RunningServer server(site);
        const RawResponse response = raw_request(server.port(), "POST", "/api/link/verify", {"Content-Type: application/json"}, R"({"token":"a.b"})");
        const int64_t server_time = json_int(parse_json(response.body), "server_time");
        CHECK(std::llabs(server_time - unix_now()) < 5);
        CHECK(response.header("cache-control") == "no-store");
    }

    TEST_CASE("a link altered by one byte is bad_signature") {
        TemporarySite site;
        RunningServer server(site);
        const std::string token = mint_link_token(valid_case(unix_now() - 60, unix_now() + 86400), kTestLinkKey);
        std::string json = base64url_decode(token.substr(0, token.find('.'))).value();
        json[json.find("000042") + 5] = '3';
        const std::string forged = base64url_encode(json) + token.substr(token.find('.'));
        CHECK(verify_status(server.port(), forged) == "bad_signature");
        CHECK(verify_status(server.port(), mint_link_token(valid_case(unix_now(), unix_now() + 60), "another key!!!!!!")) ==
              "bad_signature");
    }

    TEST_CASE("an out-of-date link is expired") {
        TemporarySite site;
        RunningServer server(site);
        const int64_t month_ago = unix_now() - 30 * 86400;
        CHECK(verify_status(server.port(), mint_link_token(valid_case(month_ago, month_ago + 14 * 86400), kTestLinkKey)) ==
              "expired");
    }

    TEST_CASE("damaged links are malformed") {
        TemporarySite site;
        RunningServer server(site);
        for (const char* token : {"", "abc", "a.b.c", "not a token at all", "eyJ2IjoxfQ.AAAA"}) {
            CAPTURE(token);
            CHECK(verify_status(server.port(), token) == "malformed");
        }
    }

    TEST_CASE("a link from a newer format is unsupported_version") {
        TemporarySite site;
        RunningServer server(site);
        const std::string payload = base64url_encode(R"({"v":2,"ticket":"T","iat":1,"exp":2,"lang":"nl"})");
        const Sha256Digest mac = hmac_sha256(kTestLinkKey, payload);
        const std::string token = payload + "." + base64url_encode(std::string(mac.begin(), mac.end()));
        CHECK(verify_status(server.port(), token) == "unsupported_version");
    }

    TEST_CASE("requests that are not {token: string} get 400 with a JSON error; huge bodies 413") {
        TemporarySite site;
        RunningServer server(site);
        for (const char* body : {"", "not json", "[]", "{}", R"({"token": 42})", R"({"token": null})"}) {
            CAPTURE(body);
            const RawResponse response = raw_request(server.port(), "POST", "/api/link/verify", {"Content-Type: application/json"}, body);
            CHECK(response.status == 400);
            CHECK_FALSE(json_string(parse_json(response.body), "error").empty());
        }
        const RawResponse huge =
            raw_request(server.port(), "POST", "/api/link/verify", {"Content-Type: application/json"}, "{\"token\":\"" + std::string(400000, 'a') + "\"}");
        CHECK(huge.status == 413);
    }
}

TEST_SUITE("server: demo link, mint command, logs") {
    TEST_CASE("the printed demo link is a valid Dutch XiongMai case for this server") {
        TemporarySite site;
        RunningServer server(site);
        const std::string prefix = "http://127.0.0.1:" + std::to_string(server.port()) + "/#t=";
        REQUIRE(server.demo_link().rfind(prefix, 0) == 0);
        const std::string token = server.demo_link().substr(prefix.size());

        const LinkParseResult parsed = parse_link_token(token, unix_now());
        CHECK(parsed.status == LinkStatus::ok);
        CHECK(parsed.payload.lang == "nl");
        CHECK(parsed.payload.ticket.rfind("CS-20", 0) == 0);
        CHECK(parsed.payload.expires_at - parsed.payload.issued_at == 14 * 86400);
        CHECK(json_string(parsed.payload.evidence, "http_title") == "NETSurveillance WEB");
        CHECK(json_string(parsed.payload.evidence, "credential") == "root/xc3511");
        CHECK(verify_status(server.port(), token) == "ok");
    }

    TEST_CASE("mint prints one verifiable link, with the feed's IP columns left out") {
        TemporarySite site;
        RunningServer server(site);
        const CommandResult minted = run_server_binary(
            {"mint", "--ticket", "CS-2026-000777", "--lang", "en", "--base-url", "https://schoon.example.nl",
             "--evidence", R"({"tag":"mirai","port":2323,"src_ip":"203.0.113.9","device_vendor":"Dahua"})"});
        REQUIRE(minted.exit_code == 0);
        REQUIRE(minted.out.rfind("https://schoon.example.nl/#t=", 0) == 0);
        CHECK(minted.out.find('\n') == minted.out.size() - 1);
        CHECK(minted.err.find("left out of the link: src_ip") != std::string::npos);

        const std::string token = minted.out.substr(29, minted.out.size() - 30);
        CHECK(verify_status(server.port(), token) == "ok");
        const LinkParseResult parsed = parse_link_token(token, unix_now());
        CHECK(parsed.payload.ticket == "CS-2026-000777");
        CHECK(parsed.payload.lang == "en");
        CHECK(json_int(parsed.payload.evidence, "port") == 2323);
        CHECK_FALSE(json_member(parsed.payload.evidence, "src_ip"));
    }

    TEST_CASE("mint refuses bad input with exit code 2 and a reason") {
        const std::vector<std::vector<std::string>> bad = {
            {"mint", "--ticket", "CS-1", "--lang", "de"},
            {"mint", "--ticket", "CS 1 <script>"},
            {"mint", "--ticket", "CS-1", "--evidence", "not json"},
            {"mint", "--ticket", "CS-1", "--evidence", R"({"port": 70000})"},
            {"mint", "--ticket", "CS-1", "--days", "0"},
            {"mint", "--lang", "nl"},
            {"mint", "--ticket", "CS-1", "--colour", "blue"},
        };
        for (const auto& arguments : bad) {
            CAPTURE(arguments.back());
            const CommandResult result = run_server_binary(arguments);
            CHECK(result.exit_code == 2);
            CHECK(result.out.empty());
            CHECK_FALSE(result.err.empty());
        }
    }

    TEST_CASE("mint without any key says so instead of inventing one") {
        const CommandResult result =
            run_server_binary({"mint", "--ticket", "CS-1", "--link-key-file", "/nonexistent/link.key"}, "");
        CHECK(result.exit_code == 1);
        CHECK(result.err.find("link key") != std::string::npos);
    }

    TEST_CASE("the server will not start without a site, and says why") {
        const CommandResult result = run_server_binary({"--site", "/nonexistent/site", "--port", "0"});
        CHECK(result.exit_code == 1);
        CHECK(result.err.find("/nonexistent/site") != std::string::npos);
    }

    TEST_CASE("the request log never holds tokens, their evidence or anything posted") {
        TemporarySite site;
        RunningServer server(site);
        const std::string token = mint_link_token(valid_case(unix_now(), unix_now() + 3600), kTestLinkKey);
        const std::string start_up = server.output();
        verify_status(server.port(), token);
        raw_request(server.port(), "POST", "/api/link/verify", {"Content-Type: application/json"}, R"({"token":"x","password":"Geheim-Wachtwoord-42"})");
        raw_request(server.port(), "GET", "/index.html?t=" + token);
        const std::string log = server.output().substr(start_up.size());
        CHECK(log.find("POST \"/api/link/verify\" 200") != std::string::npos);
        CHECK(log.find(token.substr(0, 40)) == std::string::npos);
        CHECK(log.find("xc3511") == std::string::npos);
        CHECK(log.find("Geheim-Wachtwoord-42") == std::string::npos);
    }
}
