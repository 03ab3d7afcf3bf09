// Identification as a specification: which evidence points where, how sure we may be, and
// which question to ask next. Engine tests use the small fixture database so they do not
// move with the data; the table of realistic cases runs against the real packed database.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <numeric>
#include <sstream>

#include "core/identify.h"
#include "test_support.h"

using namespace cleanslate;
using namespace cleanslate::test;

namespace {

const DeviceDb& fixture() {
    static const DeviceDb db = [] {
        DeviceDb loaded;
        std::string error;
        load_device_db(source_file("tests/data/fixture-devices.json"), loaded, error);
        return loaded;
    }();
    return db;
}

Evidence evidence(const char* json) {
    EvidenceParse parsed = parse_evidence(parse_json(json));
    REQUIRE_MESSAGE(parsed.ok(), parsed.error);
    return parsed.evidence;
}

Identification run(const char* json) { return identify(fixture(), evidence(json)); }

std::string top_id(const Identification& id) { return id.candidates.empty() ? "-" : id.candidates[0].id; }

const Reason* find_reason(const Candidate& c, std::string_view code) {
    for (const auto& r : c.reasons)
        if (r.code == code) return &r;
    return nullptr;
}

}  // namespace

TEST_SUITE("identify") {

// --- Weak evidence stays weak ------------------------------------------------------------
TEST_CASE("only port 23: low, spread scores and not confident") {
    // In the fixture most families open port 23, so it tells nothing at all.
    auto id = run(R"({"port": 23})");
    CHECK_FALSE(id.confident);
    for (const auto& c : id.candidates) CHECK(c.score < 0.3);
    SUBCASE("where fewer families open it, it lifts them all a little and none much") {
        auto table = run(R"({"port": 9527})");  // two families
        CHECK_FALSE(table.confident);
        REQUIRE(table.candidates.size() == 2);
        for (const auto& c : table.candidates) CHECK(c.score < 0.3);
        CHECK(find_reason(table.candidates[0], "port_seen")->param("port") == "9527");
    }
}

TEST_CASE("only the mirai tag: nothing points at any family") {
    auto id = run(R"({"tag": "mirai", "infection": "mirai"})");
    CHECK_FALSE(id.confident);
    CHECK(id.candidates.empty());
}

TEST_CASE("only a category answer is not enough to be sure") {
    auto id = run(R"({"answers": {"category": "router"}})");
    CHECK_FALSE(id.confident);
    CHECK(id.candidates.size() == 2);
}

TEST_CASE("a rare port lifts its families more than a common one") {
    auto rare = run(R"({"port": 34567})");
    auto common = run(R"({"port": 80})");
    REQUIRE_FALSE(rare.candidates.empty());
    CHECK(rare.candidates[0].id.rfind("xiongmai", 0) == 0);
    CHECK_FALSE(rare.confident);
    CHECK(common.candidates.empty());  // nearly every family listens on 80: no information
}

// --- Strong, consistent evidence is confident ---------------------------------------------
TEST_CASE("XMEye app + recorder: XiongMai recorder, confident, and says why") {
    auto id = run(R"({"answers": {"app": "XMEye", "category": "recorder"}})");
    CHECK(id.confident);
    REQUIRE(top_id(id) == "xiongmai-recorder");
    const Candidate& top = id.candidates[0];
    CHECK(top.vendor == "Hangzhou Xiongmai Technology");
    CHECK(top.vendor_short == "XiongMai");
    CHECK(top.model == "XiongMai (XMEye) DVR / NVR");
    CHECK(top.score > 0.6);
    const Reason* app = find_reason(top, "app_used_with");
    REQUIRE(app != nullptr);
    CHECK(app->param("app") == "XMEye");
    CHECK(app->param("maker") == "XiongMai");
    CHECK(app->param("category") == "recorder");
    CHECK(reason_text_en(*app) == "the app XMEye is used with XiongMai video recorders");
    CHECK(top.reasons[0].code == "app_used_with");  // strongest first
    CHECK(find_reason(top, "category_matches") != nullptr);
}

TEST_CASE("brand alone names the maker but not the kind of device") {
    auto id = run(R"({"answers": {"brand": "Hikvsion"}})");
    CHECK_FALSE(id.confident);  // camera or recorder?
    REQUIRE(id.candidates.size() >= 2);
    CHECK(id.candidates[0].vendor_short == "Hikvision");
    CHECK(id.candidates[1].vendor_short == "Hikvision");
    const Reason* brand = find_reason(id.candidates[0], "brand_matches");
    REQUIRE(brand != nullptr);
    CHECK(brand->param("typed") == "Hikvsion");
    CHECK(next_question(fixture(), evidence(R"({"answers": {"brand": "Hikvsion"}})")) == Question::kCategory);

    auto with_category = run(R"({"answers": {"brand": "Hikvsion", "category": "camera"}})");
    CHECK(with_category.confident);
    CHECK(top_id(with_category) == "hikvision-camera");
}

TEST_CASE("feed vendor and model are enough on their own") {
    auto id = run(R"({"device_vendor": "Hikvision", "device_model": "DS-7208HQHI-K1", "device_type": "DVR"})");
    CHECK(id.confident);
    CHECK(top_id(id) == "hikvision-recorder");
    CHECK(find_reason(id.candidates[0], "feed_model")->param("series") == "DS-7");
    CHECK(find_reason(id.candidates[0], "feed_type") != nullptr);
}

TEST_CASE("company forms in a feed vendor do not matter") {
    auto id = run(R"({"device_vendor": "Zhejiang Dahua Technology Co., Ltd.", "device_type": "NVR"})");
    CHECK(id.confident);
    CHECK(top_id(id) == "dahua-recorder");
}

TEST_CASE("a model number alone finds its series") {
    auto id = run(R"({"answers": {"model": "DS-2CD2042WD-I"}})");
    CHECK(id.confident);
    CHECK(top_id(id) == "hikvision-camera");
    CHECK(find_reason(id.candidates[0], "model_matches")->param("series") == "DS-2CD");
}

TEST_CASE("label text: brand and model found inside free text") {
    auto id = run(R"({"answers": {"label": "HIKVISION  Model: DS-7208HQHI  12V DC  Made in China"}})");
    CHECK(id.confident);
    CHECK(top_id(id) == "hikvision-recorder");
    CHECK(find_reason(id.candidates[0], "label_mentions") != nullptr);
}

TEST_CASE("HTTP server header and Telnet banner are fingerprints") {
    auto server = run(R"({"http_server": "uc-httpd 1.0.0"})");
    REQUIRE_FALSE(server.candidates.empty());
    CHECK(server.candidates[0].vendor_short == "XiongMai");
    CHECK_FALSE(server.confident);  // shared software, and recorder or camera alike
    CHECK(find_reason(server.candidates[0], "shared_software")->param("pattern") == "uc-httpd");

    auto banner = run(R"({"telnet_banner": "LocalHost login:"})");
    CHECK(top_id(banner) == "xiongmai-recorder");
    CHECK(banner.confident);

    auto title = run(R"({"http_title": "D-LINK SYSTEMS, INC. | WIRELESS ROUTER"})");
    CHECK(top_id(title) == "d-link-dir");
}

TEST_CASE("the Mirai credential points at the makers whose default it is") {
    auto alone = run(R"({"credential": "root/xc3511", "port": 23})");
    REQUIRE_FALSE(alone.candidates.empty());
    CHECK(alone.candidates[0].vendor_short == "XiongMai");
    CHECK_FALSE(alone.confident);
    CHECK(reason_text_en(*find_reason(alone.candidates[0], "default_login")) ==
          "Mirai got in with root/xc3511, a default login of XiongMai devices");

    auto with_category = run(R"({"credential": "root/xc3511", "answers": {"category": "recorder"}})");
    CHECK(with_category.confident);
    CHECK(top_id(with_category) == "xiongmai-recorder");

    CHECK(top_id(run(R"({"credential": "root/klv123"})")) == "hisilicon-camera");
    CHECK(top_id(run(R"({"credential": "root/realtek"})")) == "realtek-router");
    SUBCASE("the user name's case does not matter; a password alone is weaker") {
        auto admin = run(R"({"credential": "ADMIN/12345"})");
        CHECK(admin.candidates[0].vendor_short == "Hikvision");
        auto password_only = run(R"({"credential": "guest/vizxv"})");
        CHECK(top_id(password_only) == "dahua-camera");
        CHECK(find_reason(password_only.candidates[0], "default_password") != nullptr);
        CHECK(password_only.candidates[0].score < run(R"({"credential": "root/vizxv"})").candidates[0].score);
    }
}

TEST_CASE("typos, spacing and company words in answers") {
    CHECK(top_id(run(R"({"answers": {"brand": "dahau", "category": "camera"}})")) == "dahua-camera");
    CHECK(top_id(run(R"({"answers": {"brand": "dlink"}})")) == "d-link-dir");
    CHECK(top_id(run(R"({"answers": {"app": "gdmss plus", "category": "recorder"}})")) == "dahua-recorder");
    CHECK(top_id(run(R"({"answers": {"app": "xmeye pro", "category": "recorder"}})")) == "xiongmai-recorder");
    CHECK(top_id(run(R"({"answers": {"app": "XMEYE PRO"}})")).rfind("xiongmai", 0) == 0);
    CHECK(top_id(run(R"({"answers": {"brand": "Amcrest"}})")).rfind("dahua", 0) == 0);  // a Dahua rebrand
}

// --- Contradictions and the margin ---------------------------------------------------------
TEST_CASE("evidence pointing at two makers is not confident") {
    auto id = run(R"({"answers": {"brand": "Hikvision", "app": "XMEye", "category": "recorder"}})");
    CHECK_FALSE(id.confident);
    REQUIRE(id.candidates.size() >= 2);
    CHECK(id.candidates[0].vendor_short != id.candidates[1].vendor_short);
}

TEST_CASE("scores are probabilities, the likeliest maker and kind first") {
    for (const char* json : {R"({"port": 23})", R"({"answers": {"app": "XMEye"}})",
                             R"({"credential": "admin/admin", "answers": {"category": "router"}})"}) {
        CAPTURE(json);
        auto id = run(json);
        double total = 0;
        for (size_t i = 0; i < id.candidates.size(); ++i) {
            CHECK(id.candidates[i].score >= 0.0);
            CHECK(id.candidates[i].score <= id.candidates[i].group_score + 1e-9);
            CHECK(id.candidates[i].group_score <= 1.0 + 1e-9);
            if (i > 0) {
                const Candidate &c = id.candidates[i], &before = id.candidates[i - 1];
                CHECK(c.group_score <= before.group_score + 1e-12);
                if (c.group_score == before.group_score) CHECK(c.score <= before.score);
            }
            total += id.candidates[i].score;
        }
        CHECK(total <= 1.0 + 1e-9);
    }
}

TEST_CASE("every reason has an English rendering that fills in its parameters") {
    auto id = run(R"({"device_vendor": "Dahua", "device_type": "DVR", "device_model": "DH-XVR5108",
                      "http_title": "WEB SERVICE", "credential": "888888/888888", "port": 37777, "tag": "mirai;dvr",
                      "answers": {"category": "recorder", "brand": "Dahua", "app": "gDMSS Plus", "model": "DH-XVR5108",
                                  "label": "Dahua DH-XVR5108HS"}})");
    CHECK(id.confident);
    REQUIRE(top_id(id) == "dahua-recorder");
    std::vector<std::string> codes;
    for (const auto& r : id.candidates[0].reasons) {
        codes.push_back(r.code);
        std::string text = reason_text_en(r);
        CAPTURE(text);
        CHECK_FALSE(text.empty());
        CHECK(text != r.code);
        CHECK(r.weight > 0);
    }
    for (const char* code : {"brand_matches", "app_used_with", "model_matches", "label_mentions", "category_matches",
                             "feed_vendor", "feed_model", "feed_type", "http_title", "default_login", "port_seen", "tag_hint"})
        CHECK_MESSAGE(std::find(codes.begin(), codes.end(), code) != codes.end(), code);
}

// --- Next question -----------------------------------------------------------------------
TEST_CASE("next question follows category, app, brand, model and skips what cannot help") {
    const DeviceDb& db = fixture();
    CHECK(next_question(db, evidence("{}")) == Question::kCategory);
    CHECK(next_question(db, evidence(R"({"answers": {"category": "recorder"}})")) == Question::kApp);
    // "I don't know" counts as answered.
    CHECK(next_question(db, evidence(R"({"answers": {"category": "recorder", "app": null}})")) == Question::kBrand);
    CHECK(next_question(db, evidence(R"({"answers": {"category": null, "app": null, "brand": null, "model": null}})")) ==
          Question::kNone);
    // Confident with one family in the group: nothing left to ask.
    CHECK(next_question(db, evidence(R"({"answers": {"app": "XMEye", "category": "recorder"}})")) == Question::kNone);
    // The feed named the maker: asking the brand would not help, the kind of device would.
    CHECK(next_question(db, evidence(R"({"device_vendor": "Hikvision"})")) == Question::kCategory);
    CHECK(question_name(Question::kModel) == "model");
}

// --- The "I don't know" path ---------------------------------------------------------------
TEST_CASE("each category's generic family, when the data has one") {
    const Family* camera = generic_family(fixture(), "camera");
    REQUIRE(camera != nullptr);
    CHECK(camera->id == "hisilicon-camera");
    CHECK(generic_family(fixture(), "router")->id == "realtek-router");
    CHECK(generic_family(fixture(), "printer") == nullptr);
}

TEST_CASE("an empty database identifies nothing and never crashes") {
    DeviceDb empty;
    std::string error;
    REQUIRE(load_device_db(R"({"makers": []})", empty, error));
    auto id = identify(empty, evidence(R"({"port": 23, "answers": {"brand": "x"}})"));
    CHECK_FALSE(id.confident);
    CHECK(id.candidates.empty());
    CHECK(next_question(empty, evidence("{}")) == Question::kNone);
}

// --- Realistic cases against the real database --------------------------------------------
TEST_CASE("table: realistic evidence against the packed database") {
    const DeviceDb& db = packed_database();

    Json cases = parse_json(source_file("tests/data/evidence_cases.json"));
    REQUIRE(cases.is_array());
    CHECK(cases.size() >= 60);
    int right_maker = 0;
    for (const Json& c : cases) {
        std::string name = json_string(c, "name");
        CAPTURE(name);
        const Json* e = json_member(c, "evidence");
        REQUIRE(e != nullptr);
        EvidenceParse parsed = parse_evidence(*e);
        REQUIRE_MESSAGE(parsed.ok(), parsed.error);
        Identification id = identify(db, parsed.evidence);
        // "maker": null marks evidence too weak to expect any maker first.
        std::string expected = json_string(c, "maker", "(any)");
        std::string got = id.candidates.empty() ? "-" : id.candidates[0].maker_id;
        if (expected != "(any)") CHECK_MESSAGE(got == expected, name << ": expected " << expected << ", got " << got);
        right_maker += got == expected || expected == "(any)";
        if (const Json* confident = json_member(c, "confident"); confident && confident->is_boolean())
            CHECK_MESSAGE(id.confident == confident->get<bool>(),
                          name << ": confident should be " << confident->get<bool>());
    }
    MESSAGE(right_maker << " of " << cases.size() << " cases name the expected maker first");
}

}

// --- Specificity, answers and order (the engine's honesty rules) ----------------------------
TEST_SUITE("identify: never over-claims") {

TEST_CASE("shared software alone is never confident, whatever else the scan saw of it") {
    // uc-httpd, App-webs, Boa: built into many makers' products (devices/fingerprints/shared.json).
    for (const char* json : {R"({"http_server": "uc-httpd 1.0.0"})", R"({"http_server": "App-webs/"})",
                             R"({"http_server": "Boa/0.94.14rc21", "port": 23})",
                             R"({"http_server": "uc-httpd 1.0.0", "telnet_banner": "(none) login:", "port": 34567})",
                             R"({"http_server": "DNVRS-Webs", "ssh_banner": "SSH-2.0-dropbear_2012.55"})"}) {
        CAPTURE(json);
        auto id = run(json);
        CHECK_FALSE(id.confident);
        REQUIRE_FALSE(id.candidates.empty());
        CHECK(id.candidates[0].reasons[0].code == "shared_software");
        CHECK(id.candidates[0].group_score < 0.6);
    }
    SUBCASE("on the real database too") {
        for (const char* server : {"uc-httpd 1.0.0", "App-webs/", "GoAhead-Webs", "Boa/0.94.14rc21", "mini_httpd/1.19 19dec2003",
                                   "lighttpd/1.4.35", "thttpd/2.25b 29dec2003", "Hikvision-Webs", "DNVRS-Webs", "RomPager/4.07 UPnP/1.0",
                                   "micro_httpd", "Mbedthis-Appweb/2.4.2", "Router Webserver", "httpd", "httpd/2.0", "Virata-EmWeb/R6_2_1"}) {
            CAPTURE(server);
            Evidence e;
            e.http_server = server;
            CHECK_FALSE(identify(packed_database(), e).confident);
        }
    }
}

TEST_CASE("a fingerprint never matches a server whose name merely contains it") {
    // The fixture's D-Link router lists "httpd" as the whole server name.
    for (const char* server : {"mini_httpd/1.19 19dec2003", "uc-httpd 1.0.0", "lighttpd/1.4.35", "thttpd/2.25b", "Apache httpd 2.4"}) {
        CAPTURE(server);
        Evidence e;
        e.http_server = server;
        for (const Candidate& c : identify(fixture(), e).candidates) CHECK(c.id != "d-link-dir");
    }
    Evidence exact;
    exact.http_server = "httpd";
    REQUIRE_FALSE(identify(fixture(), exact).candidates.empty());
    CHECK(top_id(identify(fixture(), exact)) == "d-link-dir");
}

TEST_CASE("a strong fingerprint is evidence, a weak one supports") {
    auto title = run(R"({"http_title": "D-LINK SYSTEMS, INC. | WIRELESS ROUTER"})");
    CHECK(title.confident);  // strong: only D-Link's routers say it
    auto weak = run(R"({"http_title": "WEB SERVICE"})");
    CHECK_FALSE(weak.confident);  // weak: Dahua's title, but generic words
    CHECK(top_id(weak) == "dahua-recorder");
    auto weak_and_answer = run(R"({"http_title": "WEB SERVICE", "answers": {"category": "recorder"}})");
    CHECK(weak_and_answer.confident);  // one supporting point each: enough together
}

TEST_CASE("the customer's clear answers outweigh what a scan of the address saw") {
    // The scan sees the home's address: often the router, not the infected device.
    SUBCASE("a category answer sets aside a router's fingerprint") {
        auto id = run(R"({"http_title": "D-LINK SYSTEMS, INC.", "answers": {"category": "camera"}})");
        REQUIRE_FALSE(id.candidates.empty());
        CHECK(id.candidates[0].category == "camera");
        for (const Candidate& c : id.candidates) CHECK(c.id != "d-link-dir");
    }
    SUBCASE("an app and a category outweigh a feed vendor and model of another maker") {
        auto id = run(R"({"device_vendor": "Hikvision", "device_model": "DS-7208HQHI-K1",
                          "answers": {"category": "recorder", "app": "XMEye"}})");
        CHECK(top_id(id) == "xiongmai-recorder");
        CHECK(id.confident);  // the answers agree with each other; the scan saw another device
        CHECK(find_reason(id.candidates[0], "app_used_with") != nullptr);
    }
    SUBCASE("a brand outweighs a strong fingerprint of another maker") {
        auto id = run(R"({"http_title": "D-LINK SYSTEMS", "answers": {"brand": "Dahua", "category": "recorder"}})");
        CHECK(top_id(id) == "dahua-recorder");
        CHECK(id.confident);
    }
    SUBCASE("without answers the fingerprint still counts") {
        CHECK(top_id(run(R"({"http_title": "D-LINK SYSTEMS"})")) == "d-link-dir");
    }
    SUBCASE("two answers that disagree stay unsure") {
        CHECK_FALSE(run(R"({"answers": {"brand": "Hikvision", "app": "XMEye", "category": "recorder"}})").confident);
    }
}

TEST_CASE("new evidence fields parse, and each can point at its family") {
    auto hostname = run(R"({"telnet_banner": "\r\ndvrdvs login: "})");  // hostname taken from the prompt
    CHECK(top_id(hostname) == "hikvision-recorder");
    CHECK(find_reason(hostname.candidates[0], "telnet_hostname")->param("value") == "dvrdvs");
    CHECK(top_id(run(R"({"telnet_hostname": "dvrdvs"})")) == "hikvision-recorder");
    auto mac = run(R"({"mac": "c0-56-e3-12-34-56", "answers": {"category": "camera"}})");
    CHECK(top_id(mac) == "hikvision-camera");
    CHECK(mac.confident);
    CHECK(find_reason(mac.candidates[0], "mac_vendor")->param("pattern") == "C056E3");
    CHECK(top_id(run(R"({"rtsp_server": "Rtsp Server/2.0"})")) == "dahua-recorder");
    CHECK(top_id(run(R"({"rtsp_server": "HIK Media Server V3.4.103"})")) == "hikvision-camera");
    CHECK(top_id(run(R"({"tls_subject": "CN=dlinkrouter"})")) == "d-link-dir");
    CHECK(top_id(run(R"({"ftp_banner": "220 DIR-825 FTP server ready"})")) == "d-link-dir");
    CHECK(top_id(run(R"({"upnp_server": "Realtek/Linux UPnP/1.0"})")) == "realtek-router");
    CHECK(find_reason(run(R"({"ssh_banner": "SSH-2.0-dropbear_2014.63"})").candidates.at(0), "shared_software") != nullptr);
    SUBCASE("a MAC needs six hex digits; other text is ignored") {
        CHECK(mac_vendor_prefix("C0:56:E3") == "C056E3");
        CHECK(mac_vendor_prefix("c056.e312.3456") == "C056E3");
        CHECK(mac_vendor_prefix("C0:56") == "");
        CHECK(mac_vendor_prefix("not a mac") == "");
        CHECK(run(R"({"mac": "zz"})").candidates.empty());
    }
    SUBCASE("every reason renders in English") {
        auto all = run(R"({"telnet_hostname": "dvrdvs", "mac": "44:19:B6:00:00:01", "rtsp_server": "HIK Media Server",
                           "tls_subject": "dlinkrouter", "upnp_server": "Realtek", "ftp_banner": "220 DIR-", "ssh_banner": "dropbear"})");
        for (const Candidate& c : all.candidates)
            for (const Reason& r : c.reasons) CHECK(reason_text_en(r) != r.code);
    }
}

TEST_CASE("families the evidence cannot tell apart are ordered by popularity, then how current, never by id") {
    // Ids in reverse alphabetical order to the expected ranking: the id's spelling must not decide.
    const char* data = R"db({"makers": [{"id": "acme", "name": "Acme Cameras", "aliases": ["Acme"], "families": [
        {"id": "a-rare", "name": "Acme Pro", "category": "camera", "popularity": "rare"},
        {"id": "b-old", "name": "Acme Home (2014)", "category": "camera", "sold_until": 2016},
        {"id": "c-current", "name": "Acme Home", "category": "camera"},
        {"id": "d-twin", "name": "Acme Home Twin", "category": "camera"},
        {"id": "e-popular", "name": "Acme Mini", "category": "camera", "popularity": "very-common"}]}]})db";
    DeviceDb db;
    std::string error;
    REQUIRE(load_device_db(data, db, error));
    auto id = identify(db, evidence(R"({"answers": {"brand": "Acme", "category": "camera"}})"));
    std::vector<std::string> order;
    for (const Candidate& c : id.candidates) order.push_back(c.id);
    // Most popular first; among the common ones the still-sold in file order, then the old one.
    CHECK(order == std::vector<std::string>{"e-popular", "c-current", "d-twin", "b-old", "a-rare"});
    CHECK(id.candidates[0].score > id.candidates[1].score);  // popularity is a prior, not only an order
}

TEST_CASE("64 KB in every field answers quickly (bounded input, near-linear matching)") {
    // A pasted page in a wizard field, or a feed CSV cell gone wrong: never a frozen tab.
    const DeviceDb& db = packed_database();
    std::string words;
    const char* vocabulary[] = {"Hikvision ", "DS-7208HQHI-K1 ", "XMEye ", "camera ", "recorder ", "Made ", "in ",
                                "China ", "12V ", "DC ", "Dahua ", "view ", "cam ", "httpd ", "login: "};
    for (size_t i = 0; words.size() < 64 * 1024; ++i) words += vocabulary[(i * 7) % 15];
    std::string letters(64 * 1024, 'a');
    for (const std::string* text : {&words, &letters}) {
        Evidence e;
        e.device_vendor = e.device_model = e.device_type = e.tag = *text;
        for (const FingerprintField& field : kFingerprintFields) e.*(field.member) = *text;
        e.credential = "root/" + *text;
        e.answers.brand = e.answers.app = e.answers.model = e.answers.label = *text;
        // The best of three runs: a loaded machine's scheduling noise is not the code's cost,
        // while the old cubic matching took seconds on any run.
        double ms = 1e9;
        for (int run = 0; run < 3; ++run) {
            auto started = std::chrono::steady_clock::now();
            Identification id = identify(db, e);
            Question next = next_question(db, e);
            ms = std::min(ms, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
            (void)id;
            (void)next;
        }
        MESSAGE("64 KB fields (" << std::string(text == &words ? "words" : "one long word") << "): identify + next_question " << ms << " ms");
        CHECK(ms < 50);
    }
    SUBCASE("the indexes themselves stay near-linear on 64 KB, without the caps") {
        const DeviceIndex& ix = db.index();
        for (const std::string* text : {&words, &letters}) {
            double ms = 1e9;
            for (int run = 0; run < 3; ++run) {
                auto started = std::chrono::steady_clock::now();
                ix.models.search(*text);
                ix.brands.search(*text, 0.75);
                ix.apps.search(*text, 0.75);
                for (const FingerprintIndex& f : ix.fingerprints) f.search(*text);
                ms = std::min(ms, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
            }
            MESSAGE("64 KB straight into the indexes (" << std::string(text == &words ? "words" : "one long word") << "): " << ms << " ms");
            CHECK(ms < 50);
        }
    }
}

TEST_CASE("inputs are cut at the edges, never in the middle of a character") {
    std::string long_text(70000, 'x');
    EvidenceParse parsed = parse_evidence(parse_json(
        std::string(R"({"http_server": ")") + long_text + R"(", "answers": {"label": ")" + long_text + R"(", "brand": "é)" + long_text + R"("}})"));
    REQUIRE(parsed.ok());
    CHECK(parsed.evidence.http_server.size() == kMaxFeedText);
    CHECK(parsed.evidence.answers.label->size() == kMaxLabelText);
    CHECK(parsed.evidence.answers.brand->size() == kMaxAnswerText);
    CHECK(evidence_within_bounds(parsed.evidence));
    CHECK(cap_text("aé", 2) == "a");  // "é" is two bytes: cut before it, not through it
    CHECK(cap_text("short", 100) == "short");
}

}

// --- The identification test set ------------------------------------------------------------
TEST_CASE("identification test set: realistic feed rows, never confidently wrong") {
    const DeviceDb& db = packed_database();
    Json set = parse_json(source_file("tests/data/identification_set.json"));
    const Json* rows = json_member(set, "rows");
    REQUIRE(rows != nullptr);
    REQUIRE(rows->size() >= 100);
    int maker_rows = 0, maker_right = 0, category_rows = 0, category_right = 0, confident = 0, confident_wrong = 0;
    for (const Json& row : *rows) {
        std::string why = json_string(row, "why");
        CAPTURE(why);
        CHECK_FALSE(why.empty());  // every row says why its answer is what it is
        CHECK_FALSE(json_string(row, "report").empty());
        EvidenceParse parsed = parse_evidence(*json_member(row, "evidence"));
        REQUIRE_MESSAGE(parsed.ok(), parsed.error);
        Identification id = identify(db, parsed.evidence);
        const Candidate* top = id.candidates.empty() ? nullptr : &id.candidates[0];
        const Json* maker = json_member(row, "maker");
        const Json* category = json_member(row, "category");
        bool maker_known = maker && maker->is_string(), category_known = category && category->is_string();
        if (maker_known) {
            ++maker_rows;
            bool right = top && top->maker_id == maker->get<std::string>();
            maker_right += right;
            if (!right) MESSAGE("top-1 maker missed: " << why << " (got " << (top ? top->maker_id : "-") << ")");
        }
        if (category_known) {
            ++category_rows;
            category_right += top && top->category == category->get<std::string>();
        }
        if (id.confident) {
            ++confident;
            // Confident is a claim about the maker and the kind: both must be known and right.
            bool wrong = !maker_known || !category_known || top->maker_id != maker->get<std::string>() ||
                         top->category != category->get<std::string>();
            confident_wrong += wrong;
            CHECK_MESSAGE(!wrong, "confidently wrong: " << why << " (said " << top->id << ")");
        }
    }
    MESSAGE("identification test set: " << rows->size() << " rows; top-1 maker " << maker_right << "/" << maker_rows
                                        << ", top-1 category " << category_right << "/" << category_rows << ", confident "
                                        << confident << ", confident-wrong " << confident_wrong);
    CHECK(confident_wrong == 0);
    CHECK(maker_right * 10 >= maker_rows * 8);  // at least 80 % of the rows that name a maker
}
