// The completion report: consent decides what the customer's words may do, timings and the
// outcome always go, a password never does, and the outbox delivers everything exactly once
// however the network behaves. The reports made here are also written to
// <build>/report-examples/ so the schema test (tests/schema/) validates them with ajv.
#include <doctest/doctest.h>

#include <algorithm>
#include "core/feedback.h"
#include "core/outbox.h"
#include "core/password_strength.h"
#include "core/report.h"
#include "core/report_summary.h"
#include "core/screen_timings.h"
#include "test_support.h"
#include <filesystem>
#include <fstream>

using namespace cleanslate;

namespace {
constexpr int64_t kStart = 1767261600;   // 1 January 2026, 10:00 UTC
const char* kToken = "eyJ2IjoxLCJ0aWNrZXQiOiJDUy0yMDI2LTEwNDIzMyJ9.c2lnbmF0dXJl";
const ReportCase kCase{kToken, "CS-2026-104233", "nl"};

Moment at(const char* screen, const char* step, int64_t s) { return Moment{screen, step, s}; }

// A journey walked to the finish the way the wizard does, with a password checked on the way.
Journey finished_journey(const std::string& typed_password) {
    Journey j;
    REQUIRE(j.go(Screen::identify_evidence));
    j.choose_device("hikvision-ds-2cd-camera", "evidence");
    REQUIRE(j.go(Screen::disconnect));
    j.confirm_disconnected();
    REQUIRE(j.go(Screen::reset_steps));
    REQUIRE(j.go(Screen::verify_question));
    j.record_reset_attempt(true);
    REQUIRE(j.go(Screen::password_choose));
    REQUIRE(j.go(Screen::password_own));
    PasswordVerdict verdict = check_password(typed_password, test::password_dictionaries(), {});
    j.record_password(strength_class_code(verdict.strength));
    REQUIRE(j.go(Screen::password_hardening));
    j.set_outcome(Outcome::remediated);
    REQUIRE(j.go(Screen::reconnect));
    REQUIRE(j.go(Screen::finish));
    return j;
}

Reporter started_reporter() {
    Reporter r;
    const uint8_t bytes[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    r.begin(make_report_id(bytes), kStart);
    r.timings().moved("welcome", "welcome", false, 0);
    r.timings().moved("identify_evidence", "identify", false, 40);
    r.timings().moved("disconnect", "disconnect", false, 70);
    r.timings().moved("identify_evidence", "identify", true, 80);
    r.timings().moved("disconnect", "disconnect", false, 90);
    r.timings().moved("finish", "finish", false, 860);
    r.record_verification("hikvision-ds-2cd-camera", {0, "passed", "none", {{"asks_new_password", "yes"}}});
    return r;
}

Lexicons lexicons() {
    static ThemeLexicon nl, en;
    static bool loaded = [] {
        std::string error;
        REQUIRE(nl.load(test::source_file("locales/themes/nl.json"), error));
        REQUIRE(en.load(test::source_file("locales/themes/en.json"), error));
        return true;
    }();
    (void)loaded;
    return {{"nl", &nl}, {"en", &en}};
}

void write_example(const std::string& name, const Json& report) {
    std::filesystem::path dir = std::filesystem::path(CS_BINARY_DIR) / "report-examples";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / (name + ".json")) << report.dump(2);
}
}  // namespace

// --- Consent ---------------------------------------------------------------------------------------------
TEST_CASE("consent: nothing is kept before a yes, everything after it, and a withdrawal deletes it") {
    FeedbackLog log;
    CHECK(log.consent() == Consent::unanswered);
    CHECK_FALSE(log.add_text("Dit duurt te lang", "nl", at("reset_steps", "reset", 100)));
    CHECK_FALSE(log.add_chip(Chip::too_long, at("reset_steps", "reset", 100)));
    CHECK(log.add_voice_note({at("reset_steps", "reset", 100), 3, "audio/webm", "GkXfo59C"}) == VoiceRejection::no_consent);
    CHECK(log.entries().empty());

    log.answer_consent(true);
    CHECK(log.add_text("  Dit duurt te lang\n", "nl", at("reset_steps", "reset", 100)));
    CHECK(log.entries().back().text == "Dit duurt te lang");
    CHECK_FALSE(log.add_text(" \n ", "nl", at("reset_steps", "reset", 101)));   // blank is not kept
    CHECK(log.add_chip(Chip::stuck, at("reset_steps", "reset", 102)));
    CHECK_FALSE(log.add_chip(Chip::stuck, at("reset_steps", "reset", 103)));   // once per screen
    CHECK(log.has_chip(Chip::stuck, "reset_steps"));
    CHECK(log.remove_chip(Chip::stuck, "reset_steps"));                         // a second tap takes it back
    CHECK(log.add_chip(Chip::stuck, at("verify_help", "verify_reset", 200)));
    CHECK(log.add_voice_note({at("verify_help", "verify_reset", 210), 4.5, "audio/webm;codecs=opus", "GkXfo59C"}) == VoiceRejection::none);
    CHECK(log.voice_notes().back().mime == "audio/webm");
    CHECK(log.entries().size() == 2);

    log.answer_consent(false);
    CHECK(log.consent() == Consent::withdrawn);
    CHECK(log.entries().empty());
    CHECK(log.voice_notes().empty());
    CHECK_FALSE(log.add_text("nog iets", "nl", at("finish", "finish", 300)));

    log.answer_consent(true);   // changed their mind again: only what comes now is kept
    CHECK(log.consent() == Consent::given);
    CHECK(log.entries().empty());
}

TEST_CASE("consent: a first 'no' is a refusal, not a withdrawal") {
    FeedbackLog log;
    log.answer_consent(false);
    CHECK(log.consent() == Consent::refused);
    log.answer_consent(false);
    CHECK(log.consent() == Consent::refused);
}

TEST_CASE("feedback limits: long text is cut, voice notes are capped in number, length, size and kind") {
    FeedbackLog log;
    log.answer_consent(true);
    std::string long_text;
    for (int i = 0; i < 700; ++i) long_text += "\xC3\xA9\xC3\xA9\xC3\xA9";   // 2100 × 'é'
    REQUIRE(log.add_text(long_text, "nl", at("welcome", "welcome", 1)));
    CHECK(log.entries().back().text.size() == 2 * kMaxFeedbackText);          // 2000 characters, none split
    CHECK(clip_text("ab\xE2\x82\xAC", 3) == "ab\xE2\x82\xAC");
    CHECK(clip_text("ab\xE2\x82\xAC", 2) == "ab");

    VoiceNote note{at("welcome", "welcome", 2), 10, "audio/webm", "GkXfo59C"};
    note.duration_s = 75;
    CHECK(log.add_voice_note(note) == VoiceRejection::too_long);
    note.duration_s = 10;
    note.data = std::string(kMaxVoiceBase64 + 4, 'A');
    CHECK(log.add_voice_note(note) == VoiceRejection::too_big);
    note.data = "not base64!";
    CHECK(log.add_voice_note(note) == VoiceRejection::not_audio);
    note.data = "GkXfo59C";
    note.mime = "video/mp4";
    CHECK(log.add_voice_note(note) == VoiceRejection::not_audio);
    note.mime = "audio/ogg";
    for (size_t i = 0; i < kMaxVoiceNotes; ++i) CHECK(log.add_voice_note(note) == VoiceRejection::none);
    CHECK(log.add_voice_note(note) == VoiceRejection::too_many);
    CHECK(log.delete_voice_note(0));
    CHECK_FALSE(log.delete_voice_note(9));
    CHECK(log.voice_notes().size() == kMaxVoiceNotes - 1);
}

TEST_CASE("the feedback log resumes after a reload, and a tampered save cannot smuggle words past a refusal") {
    FeedbackLog log;
    log.answer_consent(true);
    log.add_text("waar zit het knopje", "nl", at("reset_steps", "reset", 50));
    log.add_chip(Chip::antivirus, at("welcome", "welcome", 5));
    log.add_voice_note({at("reset_steps", "reset", 60), 2, "audio/mp4", "AAAA"});
    log.request_callback("+31612345678", at("verify_help", "verify_reset", 70));
    FeedbackLog restored;
    REQUIRE(restored.from_json(parse_json(log.to_json().dump())));
    CHECK(restored.to_json() == log.to_json());

    Json tampered = log.to_json();
    tampered["consent"] = "refused";
    REQUIRE(restored.from_json(tampered));
    CHECK(restored.entries().empty());
    CHECK(restored.voice_notes().empty());
    REQUIRE(restored.callback());   // a call-back is asked for, not feedback: it stays
    tampered["callback"]["phone"] = "0900-SCAM";
    REQUIRE(restored.from_json(tampered));
    CHECK_FALSE(restored.callback());
    CHECK_FALSE(restored.from_json(Json{{"consent", "maybe"}}));
}

// --- Timings ---------------------------------------------------------------------------------------------
TEST_CASE("timings: per screen, first entered, last left, visits, Back presses and time spent") {
    ScreenTimings t;
    t.moved("welcome", "welcome", false, 0);
    t.moved("identify_evidence", "identify", false, 30);
    t.moved("welcome", "welcome", true, 45);           // Back from identify_evidence
    t.moved("identify_evidence", "identify", false, 50);
    t.moved("disconnect", "disconnect", false, 20);    // the clock jumped back: no negative time
    std::vector<ScreenTiming> rows = t.as_of(100);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].screen == "welcome");
    CHECK(rows[0].visits == 2);
    CHECK(rows[0].seconds == 35);
    CHECK(rows[0].left_s == 50);
    CHECK(rows[1].visits == 2);
    CHECK(rows[1].back_navigations == 1);
    CHECK(rows[1].entered_s == 30);
    CHECK(rows[1].seconds == 15);
    CHECK(rows[2].screen == "disconnect");
    CHECK(rows[2].left_s == -1);
    CHECK(rows[2].seconds == 50);                      // the current stay, counted up to now
    ScreenTimings restored;
    REQUIRE(restored.from_json(parse_json(t.to_json().dump())));
    CHECK(restored.to_json() == t.to_json());
    CHECK_FALSE(restored.from_json(Json{{"screens", Json::array({Json::array({"x"})})}}));
}

// --- Reports ----------------------------------------------------------------------------------------------
TEST_CASE("report ids are 22 characters of base64url, from 16 random bytes") {
    const uint8_t zeros[16] = {};
    const uint8_t ones[16] = {1};
    CHECK(make_report_id(zeros) == "AAAAAAAAAAAAAAAAAAAAAA");
    CHECK(make_report_id(ones).size() == 22);
    CHECK(make_report_id(ones) != make_report_id(zeros));
}

TEST_CASE("a final report with consent carries the feedback, coded, and the voice notes") {
    Reporter r = started_reporter();
    r.feedback().answer_consent(true);
    r.feedback().add_chip(Chip::too_long, at("reset_steps", "reset", 300));
    r.feedback().add_chip(Chip::cannot_find, at("reset_steps", "reset", 310));
    r.feedback().add_text("Ik vertrouwde die mail eerst niet", "nl", at("welcome", "welcome", 20));
    r.feedback().add_text("where do I type the new password in the app", "en", at("password_own", "password", 700));
    r.feedback().add_voice_note({at("password_own", "password", 710), 4.2, "audio/webm", "GkXfo59C"});
    r.feedback().request_callback("+31612345678", at("reset_steps", "reset", 330));
    Json report = r.final_report(kCase, finished_journey("Vrolijke-Kaas-Molen-Schaats-19"), lexicons(), kStart + 862);
    write_example("final-consent", report);

    CHECK(report["kind"] == "final");
    CHECK(report["report_id"] == r.report_id());
    CHECK(report["outcome"] == "remediated");
    CHECK(report["consent"] == "given");
    CHECK(report["duration_s"] == 862);
    REQUIRE(report["feedback"].size() == 4);
    CHECK(report["feedback"][0]["themes"] == Json::array({"effort"}));
    CHECK(report["feedback"][1]["themes"] == Json::array({"reset_confusion"}));    // "I can't find it" on the reset step
    CHECK(report["feedback"][2]["themes"] == Json::array({"trust"}));
    CHECK(report["feedback"][2]["coded_by"] == "lexicon");
    CHECK(report["feedback"][3]["themes"] == Json::array({"password_difficulty"}));
    CHECK(report["voice_notes"].size() == 1);
    CHECK(report["callback"]["phone"] == "+31612345678");
    const Json& device = report["devices"][0];
    CHECK(device["device_id"] == "hikvision-ds-2cd-camera");
    CHECK(device["chosen_by"] == "evidence");
    CHECK(device["reset_verified"] == true);
    CHECK(device["verification"][0]["answers"][0]["question"] == "asks_new_password");
    CHECK(device["password_strength"] == "very_strong");
    CHECK(report["timings"].size() == 4);
    CHECK(report["timings"][2]["back_navigations"] == 1);
}

TEST_CASE("without consent, or after a withdrawal, the report has timings and outcome and nothing said") {
    for (bool withdrawn : {false, true}) {
        CAPTURE(withdrawn);
        Reporter r = started_reporter();
        if (withdrawn) {
            r.feedback().answer_consent(true);
            r.feedback().add_text("Ik kom niet verder", "nl", at("reset_steps", "reset", 100));
            r.feedback().add_voice_note({at("reset_steps", "reset", 110), 3, "audio/webm", "GkXfo59C"});
        }
        r.feedback().answer_consent(false);
        Json report = r.final_report(kCase, finished_journey("Vrolijke-Kaas-Molen-Schaats-19"), lexicons(), kStart + 900);
        write_example(withdrawn ? "final-withdrawn" : "final-refused", report);
        CHECK(report["consent"] == (withdrawn ? "withdrawn" : "refused"));
        CHECK_FALSE(report.contains("feedback"));
        CHECK_FALSE(report.contains("voice_notes"));
        CHECK(report["outcome"] == "remediated");
        CHECK(report["timings"].size() == 4);
        CHECK(report.dump().find("niet verder") == std::string::npos);
    }
}

TEST_CASE("no password anywhere: a typed password never reaches a report, only its strength class") {
    const std::string typed = "Zeer-Geheim-Tulpen-Fiets-2026";
    Journey journey = finished_journey(typed);
    Reporter r = started_reporter();
    r.feedback().answer_consent(true);
    r.feedback().add_text("het wachtwoord instellen ging prima", "nl", at("password_own", "password", 700));
    std::string everything = r.final_report(kCase, journey, lexicons(), kStart + 900).dump() +
                             r.progress(kCase, journey, kStart + 900).dump() + r.to_json().dump() + journey.to_json();
    CHECK(everything.find(typed) == std::string::npos);
    CHECK(everything.find("Geheim") == std::string::npos);
    CHECK(everything.find("\"password\":") == std::string::npos);   // no field of that name either
}

TEST_CASE("progress reports are small, numbered, and carry the call-back at once") {
    Reporter r = started_reporter();
    Journey j;
    REQUIRE(j.go(Screen::identify_evidence));
    Json first = r.progress(kCase, j, kStart + 50);
    CHECK(first["kind"] == "progress");
    CHECK(first["sequence"] == 1);
    CHECK(first["screen"] == "identify_evidence");
    CHECK(first["outcome"] == "none");
    CHECK(first["consent"] == "unanswered");
    CHECK_FALSE(first.contains("callback"));
    CHECK_FALSE(first.contains("device_id"));
    r.feedback().request_callback("+31612345678", at("identify_evidence", "identify", 60));
    Json second = r.progress(kCase, j, kStart + 61);
    CHECK(second["sequence"] == 2);
    CHECK(second["callback"]["phone"] == "+31612345678");
    CHECK(second.dump().size() < 600);
    write_example("progress", second);
}

TEST_CASE("the reporter resumes after a reload with the same report id and sequence") {
    Reporter r = started_reporter();
    Journey j;
    r.progress(kCase, j, kStart + 5);
    Json final = r.final_report(kCase, finished_journey("Vrolijke-Kaas-Molen-Schaats-19"), lexicons(), kStart + 9);
    CHECK(final["revision"] == 1);
    r.keep_final(final);
    r.set_callback_delivery(Delivery::sent);
    Reporter restored;
    REQUIRE(restored.from_json(parse_json(r.to_json().dump())));
    CHECK(restored.report_id() == r.report_id());
    CHECK(restored.revision() == 1);
    CHECK(restored.last_final() == final.dump());
    CHECK(restored.callback_delivery() == Delivery::sent);
    // Finishing again (another device in the same case) makes revision 2 of the same report.
    CHECK(restored.final_report(kCase, finished_journey("Vrolijke-Kaas-Molen-Schaats-19"), lexicons(), kStart + 99)["revision"] == 2);
    CHECK(restored.verification("hikvision-ds-2cd-camera").size() == 1);
    CHECK(restored.progress(kCase, j, kStart + 6)["sequence"] == 2);
    CHECK_FALSE(restored.from_json(Json{{"report_id", "x"}}));
}

// --- Outbox -----------------------------------------------------------------------------------------------
TEST_CASE("outbox: kept until acknowledged, retried with back-off, at once when online") {
    Outbox box;
    box.put("r1", true, "{\"final\":1}", 1000);
    CHECK(box.delivery("r1", true) == Delivery::waiting);
    const OutboxItem* item = box.take_due(1000);
    REQUIRE(item);
    std::string key = item->key;
    CHECK(key == "r1:final");
    CHECK_FALSE(box.take_due(1000));                  // one in flight at a time
    CHECK(box.answered(key, 0, 0, 1000).delivery == Delivery::waiting);   // the network failed
    CHECK(box.delivery("r1", true) == Delivery::waiting);
    CHECK(box.next_due_ms() == 2000);
    CHECK_FALSE(box.take_due(1500));
    REQUIRE(box.take_due(2000));
    box.answered(key, 503, 0, 2000);
    CHECK(box.next_due_ms() == 4000);                 // 1 s, 2 s, 4 s...
    box.online(2500);
    CHECK(box.next_due_ms() == 2500);
    REQUIRE(box.take_due(2500));
    box.answered(key, 429, 30, 2500);                 // Retry-After wins over a shorter back-off
    CHECK(box.next_due_ms() == 32500);
    REQUIRE(box.take_due(40000));
    Outbox::Answer answer = box.answered(key, 201, 0, 40000);
    CHECK(answer.delivery == Delivery::sent);
    CHECK(answer.body == "{\"final\":1}");
    CHECK(box.delivery("r1", true) == Delivery::sent);
    CHECK(box.size() == 0);
    CHECK(box.next_due_ms() < 0);
}

TEST_CASE("outbox: a newer progress report replaces a waiting one; final reports are never replaced by progress") {
    Outbox box;
    for (int i = 1; i <= 40; ++i) box.put("r1", false, "{\"sequence\":" + std::to_string(i) + "}", 0);
    box.put("r1", true, "{\"final\":1}", 0);
    REQUIRE(box.size() == 2);
    const OutboxItem* progress = box.take_due(0);
    REQUIRE(progress);
    CHECK(progress->body == "{\"sequence\":40}");
    std::string key = progress->key;
    box.put("r1", false, "{\"sequence\":41}", 0);     // while 40 is in flight: queued behind it
    CHECK(box.size() == 3);
    box.answered(key, 200, 0, 0);
    REQUIRE(box.size() == 2);
    CHECK(box.items()[0].body == "{\"final\":1}");
    CHECK(box.items()[1].body == "{\"sequence\":41}");
}

TEST_CASE("outbox: a report refused for good is dropped and said so; the outbox survives a reload") {
    Outbox box;
    box.put("r1", true, "{\"a\":1}", 0);
    box.put("r2", false, "{\"b\":2}", 0);
    REQUIRE(box.take_due(0));
    CHECK(box.answered("r1:final", 400, 0, 0).delivery == Delivery::refused);
    CHECK(box.answered("r1:final", 201, 0, 0).delivery == Delivery::not_queued);   // no longer in flight
    CHECK(box.delivery("r1", true) == Delivery::refused);
    CHECK(box.delivery("r3", true) == Delivery::not_queued);
    Outbox reloaded;
    reloaded.from_json(box.to_json());
    REQUIRE(reloaded.size() == 1);
    CHECK(reloaded.items()[0].key == "r2:progress");
    reloaded.from_json(box.to_json());                 // loading twice does not duplicate
    CHECK(reloaded.size() == 1);
    reloaded.from_json("garbage");
    CHECK(reloaded.size() == 1);
}

// --- What the customer reads ----------------------------------------------------------------------------
TEST_CASE("'This is what we tell your provider' says in plain words what the report holds, in both languages") {
    Reporter r = started_reporter();
    r.feedback().answer_consent(true);
    r.feedback().add_chip(Chip::too_long, at("reset_steps", "reset", 300));
    r.feedback().add_voice_note({at("reset_steps", "reset", 310), 4, "audio/webm", "GkXfo59C"});
    r.feedback().request_callback("+31612345678", at("reset_steps", "reset", 330));
    Json report = r.final_report(kCase, finished_journey("Vrolijke-Kaas-Molen-Schaats-19"), lexicons(), kStart + 862);
    auto name = [](const std::string& id) { return id == "hikvision-ds-2cd-camera" ? std::string("Hikvision \xE2\x80\x93 DS-2CD") : id; };

    std::vector<std::string> nl = report_summary(report, test::locale_catalog("nl"), name);
    std::string all_nl;
    for (const std::string& line : nl) all_nl += line + "\n";
    CHECK(all_nl.find("Dossiernummer: CS-2026-104233.") != std::string::npos);
    CHECK(all_nl.find("Apparaat: Hikvision \xE2\x80\x93 DS-2CD. We herkenden het uit de melding.") != std::string::npos);
    CHECK(all_nl.find("volgens uw antwoorden") != std::string::npos);      // self-reported, said so
    CHECK(all_nl.find("heel sterk") != std::string::npos);
    CHECK(all_nl.find("Tijd: ongeveer 14 minuten.") != std::string::npos);
    CHECK(all_nl.find("1 opmerking en 1 ingesproken bericht") != std::string::npos);
    CHECK(all_nl.find("Terugbellen: ja, op 06 12345678.") != std::string::npos);
    CHECK(all_nl.find("Vrolijke") == std::string::npos);

    std::vector<std::string> en = report_summary(report, test::locale_catalog("en"), name);
    CHECK(en.size() == nl.size());
    CHECK(en[0] == "Case number: CS-2026-104233.");

    r.feedback().answer_consent(false);
    Json withdrawn = r.final_report(kCase, finished_journey("Vrolijke-Kaas-Molen-Schaats-19"), lexicons(), kStart + 862);
    std::string all;
    for (const std::string& line : report_summary(withdrawn, test::locale_catalog("en"), name)) all += line + "\n";
    CHECK(all.find("You took back your permission") != std::string::npos);
}

TEST_CASE("on the finish screen the report adds only what the screen does not already say") {
    // The finish shows the case number and, device by device, what was done; the report's
    // section below it must not say it a second time in other words.
    Reporter r = started_reporter();
    r.feedback().answer_consent(true);
    r.feedback().add_chip(Chip::too_long, at("reset_steps", "reset", 300));
    Json report = r.final_report(kCase, finished_journey("Vrolijke-Kaas-Molen-Schaats-19"), lexicons(), kStart + 862);
    auto name = [](const std::string& id) { return id; };
    std::vector<std::string> whole = report_summary(report, test::locale_catalog("nl"), name);
    std::vector<std::string> beyond = report_summary(report, test::locale_catalog("nl"), name, SummaryPart::kBeyondWhatYouDid);
    std::string all;
    for (const std::string& line : beyond) all += line + "\n";
    CHECK(all.find("CS-2026-104233") == std::string::npos);
    CHECK(all.find("Apparaat:") == std::string::npos);
    CHECK(all.find("volgens uw antwoorden") == std::string::npos);
    CHECK(all.find("Tijd: ongeveer 14 minuten.") != std::string::npos);
    CHECK(all.find("1 opmerking") != std::string::npos);
    for (const std::string& line : beyond) CHECK(std::find(whole.begin(), whole.end(), line) != whole.end());
    CHECK(beyond.size() < whole.size());
}

TEST_CASE("the page to keep is self-contained HTML with every line escaped") {
    Json report = {{"ticket", "CS-1"}, {"outcome", "remediated"}};
    std::string page = report_page_html(test::locale_catalog("en"), report, {"a <b> & \"c\""});
    CHECK(page.find("<html lang=\"en\">") != std::string::npos);
    CHECK(page.find("<li>a &lt;b&gt; &amp; &quot;c&quot;</li>") != std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("Your summary for case CS-1") != std::string::npos);
}
