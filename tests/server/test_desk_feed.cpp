// The abuse desk's feed, from outside: cleanslate-desk import-feed turns infection feed rows
// into cases in the real database (identified with the engine; reinfection marked; a row
// imported twice counted once; every bad row named by line and reason), and
// cleanslate-desk notify writes one e-mail per new case in the customer's language whose
// link the real server accepts — with no customer IP address in it anywhere.
#include <doctest/doctest.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "core/base64url.h"
#include "core/json.h"
#include "report_fixtures.h"
#include "running_server.h"
#include "store/open_store.h"

using namespace cleanslate;
using namespace cleanslate::testing;
namespace fs = std::filesystem;

namespace {

constexpr const char* kHeader =
    "timestamp,ip,port,tag,infection,device_vendor,device_type,device_model,http_server,http_title,"
    "telnet_banner,credential,customer,email,language\n";
// The XiongMai recorder of DOMAIN.md's example, seen twice on customer K-1001.
constexpr const char* kRecorderRow =
    "2026-11-28 09:14:02,198.51.100.23,23,mirai,mirai,XiongMai,DVR,,uc-httpd 1.0.0,NETSurveillance WEB,"
    "\"\r\nLocalHost login: \",root/xc3511,K-1001,k1001@example.com,nl\n";
constexpr const char* kRecorderAgainRow =
    "2026-11-29T22:40:11Z,198.51.100.23,23,mirai,mirai,XiongMai,DVR,,uc-httpd 1.0.0,NETSurveillance WEB,"
    "\"\r\nLocalHost login: \",root/xc3511,K-1001,k1001@example.com,nl\n";
// A customer who reads English, with little evidence.
constexpr const char* kEnglishRow = "2026-11-28 10:00:00,203.0.113.77,2323,mirai,mirai,,,,,,,,K-2002,,en\n";

fs::path write_csv(const TemporarySite& site, const std::string& name, const std::string& text) {
    const fs::path path = site.var_dir() / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

CommandResult import_feed(const TemporarySite& site, const fs::path& csv) {
    return run_desk_binary({"import-feed", csv.string(), "--database", site.database(), "--ticket-prefix",
                            "CS-2026-", "--no-progress"});
}

std::optional<server::FeedCase> feed_case(const TemporarySite& site, const std::string& ticket) {
    std::string error;
    auto store = server::open_store(site.database(), server::StoreOptions{}, error);
    REQUIRE_MESSAGE(store, error);
    return store->find_feed_case(ticket);
}

int64_t unix_time(const char* text) {
    std::tm parts{};
    std::istringstream(text) >> std::get_time(&parts, "%Y-%m-%d %H:%M:%S");
    return int64_t(timegm(&parts));
}

// A row of kRecorderRow's customer and device, seen at another time ("2026-12-02 08:00:00").
std::string recorder_row_at(const char* time) { return std::string(time) + (kRecorderRow + 19); }

// --- Reading the .eml back --------------------------------------------------------------------
std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string quoted_printable_decoded(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '=' && i + 2 < text.size() && text[i + 1] == '\r' && text[i + 2] == '\n') { i += 2; continue; }
        if (text[i] == '=' && i + 2 < text.size()) {
            out += char(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
            continue;
        }
        if (text[i] == '\r') continue;
        out += text[i];
    }
    return out;
}

// The decoded body of the part with this Content-Type.
std::string mime_part(const std::string& message, const std::string& content_type) {
    const size_t header = message.find("Content-Type: " + content_type);
    if (header == std::string::npos) return {};
    const size_t body = message.find("\r\n\r\n", header) + 4;
    const size_t end = message.find("\r\n--cleanslate-", body);
    return quoted_printable_decoded(message.substr(body, end - body + 2));
}

std::string header_value(const std::string& message, const std::string& name) {
    const std::string headers = "\r\n" + message.substr(0, message.find("\r\n\r\n") + 2);
    const size_t at = headers.find("\r\n" + name + ": ");
    if (at == std::string::npos) return {};
    const size_t start = at + name.size() + 4;
    return headers.substr(start, headers.find("\r\n", start) - start);
}

std::string link_token(const std::string& text) {
    const size_t at = text.find("#t=");
    if (at == std::string::npos) return {};
    const size_t end = text.find_first_of("\n\" <", at);
    return text.substr(at + 3, end - at - 3);
}

}  // namespace

TEST_SUITE("desk: import-feed") {
    TEST_CASE("the documented columns make one case per customer, identified with the engine") {
        TemporarySite site;
        const auto csv = write_csv(site, "feed.csv", std::string(kHeader) + kRecorderRow + kEnglishRow + kRecorderAgainRow);
        const CommandResult result = import_feed(site, csv);
        INFO(result.err);
        CHECK(result.exit_code == 0);
        CHECK(result.err.empty());
        CHECK(result.out.find("3 rows: 2 new cases, 1 seen again, 0 reinfected, 0 duplicates, 0 rejected") != std::string::npos);

        const auto recorder = feed_case(site, "CS-2026-0000001");
        REQUIRE(recorder);
        CHECK(recorder->customer == "K-1001");
        CHECK(recorder->email == "k1001@example.com");
        CHECK(recorder->language == "nl");
        CHECK(recorder->status == "open");
        CHECK(recorder->sightings == 2);
        CHECK(recorder->first_seen == unix_time("2026-11-28 09:14:02"));
        CHECK(recorder->last_seen == unix_time("2026-11-29 22:40:11"));
        CHECK(recorder->confident);
        CHECK(recorder->device_category == "recorder");
        CHECK(recorder->device_id.find("xiongmai") != std::string::npos);
        const Json evidence = parse_json(recorder->evidence_json);
        CHECK(json_string(evidence, "credential") == "root/xc3511");
        CHECK(json_string(evidence, "http_title") == "NETSurveillance WEB");
        CHECK(recorder->evidence_json.find("198.51.100.23") == std::string::npos);

        const auto english = feed_case(site, "CS-2026-0000002");
        REQUIRE(english);
        CHECK(english->customer == "K-2002");
        CHECK(english->language == "en");
        CHECK(english->sightings == 1);
    }

    TEST_CASE("a malformed file: each bad line is named with its reason, and the good rows are still imported") {
        TemporarySite site;
        // Line numbers are the file's: the recorder row's quoted banner spans lines 2 and 3.
        const std::string csv_text = std::string(kHeader) +
                                     kRecorderRow +                                                           // 2-3
                                     "2026-11-28 09:14:02,198.51.100.24,23,mirai\n" +                         // 4
                                     "2026-11-28 09:14:02,198.51.100.25,telnet,mirai,,,,,,,,,K-3,,\n" +       // 5
                                     "2026-11-28 09:14:02,198.51.100.26,23,mirai,,,,,,,,root,K-4,,\n" +       // 6
                                     "yesterday,198.51.100.27,23,mirai,,,,,,,,,K-5,,\n" +                     // 7
                                     "2026-02-30 10:00:00,198.51.100.28,23,mirai,,,,,,,,,K-6,,\n" +           // 8
                                     "2026-11-28 09:14:02,198.51.100.29,23,mirai,,,,,,,,,,,\n" +              // 9
                                     "2026-11-28 09:14:02,198.51.100.30,23,mirai,,,,,,,,,K-8,,de\n" +         // 10
                                     "2026-11-28 09:14:02,198.51.100.31,23,mirai,,,,,,,,,K-9,\"a@b.nl, c@d.nl\",\n" +  // 11
                                     "2026-11-28 09:14:02,198.51.100.32,23,mirai,,,,,,,,,198.51.100.32,,\n" +  // 12
                                     kEnglishRow;                                                             // 13
        const CommandResult result = import_feed(site, write_csv(site, "bad.csv", csv_text));
        CHECK(result.exit_code == 3);
        CHECK(result.out.find("11 rows: 2 new cases, 0 seen again, 0 reinfected, 0 duplicates, 9 rejected") != std::string::npos);
        const std::string& err = result.err;
        INFO(err);
        CHECK(err.find("line 4: 4 fields, the header has 15") != std::string::npos);
        CHECK(err.find("line 5: port 'telnet' is not a port number") != std::string::npos);
        CHECK(err.find("line 6: credential must look like user/password") != std::string::npos);
        CHECK(err.find("line 7: timestamp 'yesterday' is not a date and time") != std::string::npos);
        CHECK(err.find("line 8: timestamp '2026-02-30 10:00:00' is not a date and time") != std::string::npos);
        CHECK(err.find("line 9: the customer column is empty") != std::string::npos);
        CHECK(err.find("line 10: language 'de' is not nl or en") != std::string::npos);
        CHECK(err.find("line 11: email 'a@b.nl, c@d.nl' is not one plain address") != std::string::npos);
        CHECK(err.find("line 12: the customer column holds an IP address, not the provider's customer id") != std::string::npos);
        CHECK(std::count(err.begin(), err.end(), '\n') == 9);
        CHECK(feed_case(site, "CS-2026-0000002"));
    }

    TEST_CASE("a file without a customer column is refused in one line, before anything is stored") {
        TemporarySite site;
        const CommandResult result =
            import_feed(site, write_csv(site, "no-customer.csv", "timestamp,ip,port,tag\n2026-11-28 09:14:02,198.51.100.23,23,mirai\n"));
        CHECK(result.exit_code == 2);
        CHECK(result.err.find("no customer column") != std::string::npos);
        CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    }

    TEST_CASE("importing the same rows again changes nothing") {
        TemporarySite site;
        const auto csv = write_csv(site, "feed.csv", std::string(kHeader) + kRecorderRow + kEnglishRow + kRecorderAgainRow);
        REQUIRE(import_feed(site, csv).exit_code == 0);
        // The same rows again, one repeated inside the file, CRLF line ends this time.
        std::string again = std::string(kHeader) + kRecorderRow + kRecorderRow + kEnglishRow + kRecorderAgainRow;
        std::string crlf;
        for (size_t i = 0; i < again.size(); ++i)
            crlf += again[i] == '\n' && (i == 0 || again[i - 1] != '\r') ? std::string("\r\n") : std::string(1, again[i]);
        const CommandResult result = import_feed(site, write_csv(site, "again.csv", crlf));
        CHECK(result.exit_code == 0);
        CHECK(result.out.find("4 rows: 0 new cases, 0 seen again, 0 reinfected, 4 duplicates, 0 rejected") != std::string::npos);
        CHECK(feed_case(site, "CS-2026-0000001")->sightings == 2);
        CHECK_FALSE(feed_case(site, "CS-2026-0000003"));
    }

    TEST_CASE("a sighting after the customer reported 'remediated' marks the case reinfected; one before does not") {
        TemporarySite site;
        REQUIRE(import_feed(site, write_csv(site, "first.csv", std::string(kHeader) + kRecorderRow)).exit_code == 0);
        report_remediated(site, "CS-2026-0000001", unix_time("2026-11-30 12:00:00"), "q3J9x0bW2cKfT7mVZa1y4g");
        const std::string row_before = recorder_row_at("2026-11-30 11:59:00");
        const std::string row_after = recorder_row_at("2026-12-02 08:00:00");
        const std::string row_later = recorder_row_at("2026-12-03 08:00:00");
        const CommandResult result =
            import_feed(site, write_csv(site, "later.csv", std::string(kHeader) + row_before + row_after + row_later));
        INFO(result.err);
        CHECK(result.out.find("3 rows: 0 new cases, 2 seen again, 1 reinfected, 0 duplicates") != std::string::npos);
        const auto reinfected = feed_case(site, "CS-2026-0000001");
        REQUIRE(reinfected);
        CHECK(reinfected->status == "reinfected");
        CHECK(reinfected->reinfected_at == unix_time("2026-12-02 08:00:00"));
        CHECK(reinfected->sightings == 4);
    }

    TEST_CASE("one batch holding every kind of row gives what applying the rows one by one gives") {
        // The stores may apply a batch in a few set-based statements (PostgreSQL does): the
        // rows' order must still decide, exactly as for one row at a time.
        TemporarySite site;
        std::string error;
        auto store = server::open_store(site.database(), server::StoreOptions{}, error);
        REQUIRE_MESSAGE(store, error);
        auto sighting = [](const std::string& hash, const std::string& customer, int64_t at, const std::string& ticket = "") {
            server::FeedSighting row;
            row.row_hash = std::string(16, '\0');
            std::copy(hash.begin(), hash.end(), row.row_hash.begin());
            row.customer = customer;
            row.ticket = ticket;
            row.language = "nl";
            row.seen_at = at;
            row.evidence_json = R"({"port":23,"banner":"quote \" and backslash \\ and {braces}, commas"})";
            return row;
        };
        using R = server::SightingResult;
        const int64_t t = unix_time("2026-11-28 09:00:00");
        // First batch: two customers; one names the provider's own ticket.
        REQUIRE(store->record_sightings({sighting("a", "K-1", t), sighting("b", "K-2", t, "ZIGGO-77")}, "CS-2026-", t) ==
                std::vector<R>{R::new_case, R::new_case});
        report_remediated(site, "CS-2026-0000001", t + 3600, "q3J9x0bW2cKfT7mVZa1y4g");

        const std::vector<R> results = store->record_sightings(
            {sighting("c", "K-3", t + 60),                 // a new customer ...
             sighting("d", "K-3", t + 30),                 // ... seen again, earlier, in the same batch
             sighting("c", "K-3", t + 60),                 // the same row again in the batch
             sighting("a", "K-1", t),                      // a row of the first batch
             sighting("e", "K-1", t + 1800),               // before K-1's report: seen again
             sighting("f", "K-1", t + 7200),               // after it: reinfected
             sighting("g", "K-1", t + 9000),               // after that: seen again, not reinfected twice
             sighting("h", "K-4", t, "ZIGGO-77"),          // a new customer naming K-2's ticket
             sighting("i", "K-5", t, "KPN-1"),             // a new customer with its own ticket ...
             sighting("j", "K-6", t, "KPN-1"),             // ... that a later new customer also names
             sighting("k", "K-2 \"quoted\", {x}", t)},    // a customer id with quotes, comma and braces
            "CS-2026-", t + 10000);
        CHECK(results == std::vector<R>{R::new_case, R::seen_again, R::duplicate, R::duplicate, R::seen_again,
                                        R::reinfected, R::seen_again, R::ticket_taken, R::new_case, R::ticket_taken,
                                        R::new_case});

        const auto k3 = store->find_feed_case("CS-2026-0000003");  // numbered in the rows' order
        REQUIRE(k3);
        CHECK(k3->customer == "K-3");
        CHECK(k3->first_seen == t + 30);
        CHECK(k3->last_seen == t + 60);
        CHECK(k3->sightings == 2);
        CHECK(k3->evidence_json == R"({"port":23,"banner":"quote \" and backslash \\ and {braces}, commas"})");
        const auto k1 = store->find_feed_case("CS-2026-0000001");
        CHECK(k1->sightings == 4);
        CHECK(k1->status == "reinfected");
        CHECK(k1->reinfected_at == t + 7200);
        CHECK(k1->last_seen == t + 9000);
        CHECK(store->find_feed_case("ZIGGO-77")->customer == "K-2");
        CHECK(store->find_feed_case("KPN-1")->customer == "K-5");
        const auto quoted = store->find_feed_case("CS-2026-0000005");
        REQUIRE(quoted);
        CHECK(quoted->customer == "K-2 \"quoted\", {x}");

        // The refused rows were not remembered: named again with a free ticket, they open cases.
        CHECK(store->record_sightings({sighting("h", "K-4", t, "ZIGGO-78")}, "CS-2026-", t + 20000) ==
              std::vector<R>{R::new_case});
        CHECK(store->record_sightings({sighting("a", "K-1", t), sighting("k", "K-9", t)}, "CS-2026-", t + 20000) ==
              std::vector<R>{R::duplicate, R::duplicate});
    }
}

TEST_SUITE("desk: notify") {
    TEST_CASE("one e-mail per new case in the customer's language; its link verifies on the server; no IP address anywhere") {
        TemporarySite site;
        RunningServer server(site);
        REQUIRE(import_feed(site, write_csv(site, "feed.csv", std::string(kHeader) + kRecorderRow + kEnglishRow)).exit_code == 0);
        const fs::path out = site.var_dir() / "mail";
        const std::string base_url = "http://127.0.0.1:" + std::to_string(server.port());
        const std::vector<std::string> notify = {"notify", "--out", out.string(), "--database", site.database(),
                                                 "--from", "Example Net Abuse Desk <abuse@example.net>",
                                                 "--helpdesk", "088 123 4567", "--base-url", base_url};
        const CommandResult result = run_desk_binary(notify);
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        CHECK(result.out.find("2 e-mails written") != std::string::npos);

        struct Expected {
            const char* ticket;
            const char* language;
            const char* to;
            std::vector<std::string> sentences;
        };
        const std::vector<Expected> expected = {
            {"CS-2026-0000001", "nl", "k1001@example.com",
             {"Beste klant,", "Op 28 november 2026 zagen we dat een apparaat op uw internetaansluiting besmet is",
              "We zagen een camera of videorecorder die via internet te openen was met het wachtwoord uit de fabriek.",
              "Uw dossiernummer is CS-2026-0000001.", "Bel onze helpdesk op 088 123 4567",
              "Komt deze e-mail echt van ons?", "De link in deze e-mail begint met " + base_url,
              "Example Net Abuse Desk"}},
            {"CS-2026-0000002", "en", "",
             {"Dear customer,", "On 28 November 2026 we saw that a device on your internet connection is infected",
              "It is probably not your computer or phone", "Your case number is CS-2026-0000002.",
              "Call our helpdesk on 088 123 4567", "Is this e-mail really from us?",
              "The link in this e-mail starts with " + base_url}},
        };
        for (const Expected& e : expected) {
            const std::string ticket = e.ticket;
            CAPTURE(ticket);
            const std::string message = read_text(out / (std::string(e.ticket) + ".eml"));
            REQUIRE_FALSE(message.empty());
            CHECK(header_value(message, "From") == "Example Net Abuse Desk <abuse@example.net>");
            CHECK(header_value(message, "To") == e.to);
            CHECK(header_value(message, "X-CleanSlate-Case") == e.ticket);
            CHECK(header_value(message, "Content-Language") == e.language);
            CHECK(header_value(message, "Subject").find(e.ticket) != std::string::npos);
            const std::string plain = mime_part(message, "text/plain; charset=utf-8");
            const std::string html = mime_part(message, "text/html; charset=utf-8");
            for (const std::string& sentence : e.sentences) {
                CHECK_MESSAGE(plain.find(sentence) != std::string::npos, sentence);
                CHECK_MESSAGE(html.find(sentence) != std::string::npos, sentence);
            }
            CHECK(html.find("<html lang=\"" + std::string(e.language) + "\">") != std::string::npos);

            // The link in both parts is the same, genuine, and for this case in this language.
            const std::string token = link_token(plain);
            REQUIRE_FALSE(token.empty());
            CHECK(link_token(html) == token);
            const RawResponse verified = post_json(server.port(), "/api/link/verify", Json{{"token", token}});
            CHECK(verified.status == 200);
            CHECK(json_string(verified.json(), "status") == "ok");
            const auto payload_bytes = base64url_decode(token.substr(0, token.find('.')));
            REQUIRE(payload_bytes);
            const Json payload = parse_json(*payload_bytes);
            CHECK(json_string(payload, "ticket") == e.ticket);
            CHECK(json_string(payload, "lang") == e.language);

            // No customer address: not in the message, not in the link's payload.
            for (const char* address : {"198.51.100.23", "203.0.113.77"}) {
                CHECK(message.find(address) == std::string::npos);
                CHECK(plain.find(address) == std::string::npos);
                CHECK(payload_bytes->find(address) == std::string::npos);
            }
        }
    }

    TEST_CASE("notify writes each case once: a second run writes only the cases imported since") {
        TemporarySite site;
        REQUIRE(import_feed(site, write_csv(site, "feed.csv", std::string(kHeader) + kRecorderRow)).exit_code == 0);
        const fs::path out = site.var_dir() / "mail";
        const std::vector<std::string> notify = {"notify", "--out", out.string(), "--database", site.database(),
                                                 "--from", "Example Net Abuse Desk <abuse@example.net>",
                                                 "--helpdesk", "088 123 4567", "--base-url", "https://schoon.example.net"};
        CHECK(run_desk_binary(notify).out.find("1 e-mails written") != std::string::npos);
        CHECK(feed_case(site, "CS-2026-0000001")->notified_at > 0);
        CHECK(run_desk_binary(notify).out.find("0 e-mails written") != std::string::npos);
        REQUIRE(import_feed(site, write_csv(site, "more.csv", std::string(kHeader) + kEnglishRow)).exit_code == 0);
        CHECK(run_desk_binary(notify).out.find("1 e-mails written") != std::string::npos);
        CHECK(fs::exists(out / "CS-2026-0000002.eml"));
        size_t files = 0;
        for ([[maybe_unused]] const auto& entry : fs::directory_iterator(out)) ++files;
        CHECK(files == 2);
    }

    TEST_CASE("notify tells each piece of news once: seen again after the report (a fresh link), or quiet since (no link)") {
        TemporarySite site;
        RunningServer server(site);
        const fs::path out = site.var_dir() / "mail";
        const std::string base_url = "http://127.0.0.1:" + std::to_string(server.port());
        const std::vector<std::string> notify = {"notify", "--out", out.string(), "--database", site.database(),
                                                 "--from", "Example Net Abuse Desk <abuse@example.net>",
                                                 "--helpdesk", "088 123 4567", "--base-url", base_url};
        auto notify_says = [&](const std::string& expected) {
            const CommandResult result = run_desk_binary(notify);
            INFO(result.err);
            REQUIRE(result.exit_code == 0);
            CHECK_MESSAGE(result.out.find(expected) != std::string::npos, result.out);
        };
        auto import_rows = [&](const std::string& name, const std::string& rows) {
            const CommandResult result = import_feed(site, write_csv(site, name, std::string(kHeader) + rows));
            INFO(result.err);
            REQUIRE(result.exit_code == 0);
        };
        import_rows("feed.csv", std::string(kRecorderRow) + kEnglishRow);
        notify_says("new cases: 2; seen again after their report: 0; quiet since their report: 0");
        // Both customers report their device safe; the recorder's connection is seen again two
        // days later; a new customer's row carries the feed past the quiet fortnight.
        report_remediated(site, "CS-2026-0000001", unix_time("2026-11-30 12:00:00"), "q3J9x0bW2cKfT7mVZa1y4g");
        report_remediated(site, "CS-2026-0000002", unix_time("2026-11-30 12:00:00"), "Zt8m2Qp5Xc1Lk9Vb3Nr7Sa");
        import_rows("later.csv", recorder_row_at("2026-12-02 08:00:00") +
                                     "2026-12-20 10:00:00,203.0.113.90,23,mirai,mirai,,,,,,,,K-3003,,nl\n");
        REQUIRE(run_desk_binary({"verify", "--quiet-days", "14", "--database", site.database()}).exit_code == 0);
        notify_says("new cases: 1; seen again after their report: 1; quiet since their report: 1");

        // Seen again: the news, why it happens, a fresh link that the server accepts.
        const std::string again = read_text(out / "CS-2026-0000001-seen-again-20261202.eml");
        REQUIRE_FALSE(again.empty());
        CHECK(header_value(again, "Content-Language") == "nl");
        const std::string again_plain = mime_part(again, "text/plain; charset=utf-8");
        const std::string again_html = mime_part(again, "text/html; charset=utf-8");
        for (const std::string& sentence : std::vector<std::string>
             {"Op 30 november 2026 liet u ons weten dat uw apparaat weer veilig was.",
              "Maar op 2 december 2026 zagen we opnieuw een besmet apparaat op uw internetaansluiting.",
              "wachtwoord uit de fabriek", "Doe de stappen nog een keer.", "Uw dossiernummer is CS-2026-0000001.",
              "De link in deze e-mail begint met " + base_url}) {
            CHECK_MESSAGE(again_plain.find(sentence) != std::string::npos, sentence);
            CHECK_MESSAGE(again_html.find(sentence) != std::string::npos, sentence);
        }
        const std::string token = link_token(again_plain);
        REQUIRE_FALSE(token.empty());
        CHECK(link_token(again_html) == token);
        const RawResponse verified = post_json(server.port(), "/api/link/verify", Json{{"token", token}});
        CHECK(json_string(verified.json(), "status") == "ok");
        CHECK(verified.json()["case"]["state"] == "reinfected");

        // Quiet since the report: the good news in English, and nothing to click.
        fs::path quiet_path;
        for (const auto& entry : fs::directory_iterator(out))
            if (entry.path().filename().string().rfind("CS-2026-0000002-quiet-", 0) == 0) quiet_path = entry.path();
        REQUIRE_FALSE(quiet_path.empty());
        const std::string quiet = read_text(quiet_path);
        CHECK(header_value(quiet, "Subject") == "Case CS-2026-0000002: good news, we no longer see the virus");
        const std::string quiet_plain = mime_part(quiet, "text/plain; charset=utf-8");
        const std::string quiet_html = mime_part(quiet, "text/html; charset=utf-8");
        for (const std::string& sentence : std::vector<std::string>
             {"Good news. On 30 November 2026 you told us that your device was safe again.",
              "Since that day we have not seen the virus on your internet connection.",
              "You do not need to do anything else.", "This e-mail has no link"}) {
            CHECK_MESSAGE(quiet_plain.find(sentence) != std::string::npos, sentence);
            CHECK_MESSAGE(quiet_html.find(sentence) != std::string::npos, sentence);
        }
        CHECK(quiet.find("#t=") == std::string::npos);
        CHECK(quiet_html.find("<a ") == std::string::npos);

        // Told once. Another sighting while still reinfected is no new news; a new report and
        // then a sighting is; a sighting the customer has already answered with a newer report
        // of 'remediated' (before notify ran) is not told.
        notify_says("new cases: 0; seen again after their report: 0; quiet since their report: 0");
        import_rows("still.csv", recorder_row_at("2026-12-03 08:00:00"));
        notify_says("0 e-mails written");
        report_remediated(site, "CS-2026-0000001", unix_time("2026-12-04 12:00:00"), "Hk4wR8yT1nB6vC2xM9pL0q");
        import_rows("back.csv", recorder_row_at("2026-12-05 08:00:00"));
        notify_says("new cases: 0; seen again after their report: 1; quiet since their report: 0");
        CHECK(fs::exists(out / "CS-2026-0000001-seen-again-20261205.eml"));
        import_rows("back-again.csv", recorder_row_at("2026-12-08 08:00:00"));
        report_remediated(site, "CS-2026-0000001", unix_time("2026-12-09 12:00:00"), "Jd5sF7gH2kL8zX3cV1bN6m");
        notify_says("0 e-mails written");  // the customer already did the steps again: nothing to tell
    }

    TEST_CASE("notify refuses to guess the sender, the helpdesk number or the wizard's address") {
        TemporarySite site;
        const std::string database = site.database(), out = (site.var_dir() / "mail").string();
        const CommandResult no_from =
            run_desk_binary({"notify", "--out", out, "--database", database, "--helpdesk", "1", "--base-url", "https://x.example"});
        CHECK(no_from.exit_code == 2);
        CHECK(no_from.err.find("--from") != std::string::npos);
        const CommandResult injected = run_desk_binary({"notify", "--out", out, "--database", database, "--from",
                                                        "Desk <a@b.example>\r\nBcc: everyone@example.net", "--helpdesk",
                                                        "1", "--base-url", "https://x.example"});
        CHECK(injected.exit_code == 2);
        const CommandResult no_url = run_desk_binary(
            {"notify", "--out", out, "--database", database, "--from", "Desk <a@b.example>", "--helpdesk", "1"});
        CHECK(no_url.exit_code == 2);
        CHECK(no_url.err.find("--base-url") != std::string::npos);
    }
}
