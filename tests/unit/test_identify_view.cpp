// The identification screens in the customer's words, as a specification: every family has
// a plain name in Dutch and English, the short lists hold the apps and brands most homes
// have (never an app store), the devices offered are ones the customer can tell apart, each
// with the reason that sets it apart, and "I don't know" ends quickly and honestly. Run
// against the real packed database and the real locales.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "core/family_names.h"
#include "core/identify_view.h"
#include "core/text_match.h"
#include "test_support.h"

using namespace cleanslate;
using namespace cleanslate::test;

namespace {

const DeviceDb& db() { return packed_database(); }

const Catalog& dutch() {
    static const Catalog texts = locale_catalog("nl");
    return texts;
}
const Catalog& english() {
    static const Catalog texts = locale_catalog("en");
    return texts;
}

const Family& family(const char* id) {
    const Family* found = db().find_family(id);
    REQUIRE_MESSAGE(found, "no family " << id);
    return *found;
}

std::string name(const char* id, const Catalog& texts, const Answers* answers = nullptr) {
    return family_words(db(), family(id), texts, answers).name;
}

Evidence evidence(const char* json) {
    EvidenceParse parsed = parse_evidence(parse_json(json));
    REQUIRE_MESSAGE(parsed.ok(), parsed.error);
    return parsed.evidence;
}

IdentifyPlan plan(const char* json, const Catalog& texts = dutch()) { return plan_identification(db(), evidence(json), texts); }

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

// Whether `part` is in `text` as whole words, ignoring case and punctuation.
bool has_words(const std::string& text, const std::string& part) {
    std::string haystack = " " + normalize_name(text) + " ", needle = normalize_name(part);
    return !needle.empty() && haystack.find(" " + needle + " ") != std::string::npos;
}

std::string ids(const IdentifyPlan& p) {
    std::string out;
    for (const DeviceChoice& c : p.choices) out += c.family_id + " ";
    return out;
}

}  // namespace

TEST_SUITE("identify screens") {

// --- Names ------------------------------------------------------------------------------------
TEST_CASE("every family has a plain name in Dutch and English: what it is, its brand, product or app — no codes") {
    // Words of the data's English names that a Dutch customer should never read as the name.
    const std::regex english_jargon(R"(\b(unbranded|older|before|series|users|network|wireless|recorder|doorbell)\b)",
                                    std::regex::icase);
    std::set<std::string> kinds;
    for (const Family& f : db().families()) {
        CAPTURE(f.id);
        kinds.insert(std::string(family_kind(f)));
        for (const Catalog* texts : {&dutch(), &english()}) {
            CAPTURE(texts->code());
            FamilyWords words = family_words(db(), f, *texts);
            CAPTURE(words.name);
            REQUIRE_FALSE(words.name.empty());
            CHECK(words.name.find('{') == std::string::npos);
            // The team's name, with its codes and notes in brackets, is never the customer's.
            if (f.name.find('(') != std::string::npos || std::any_of(f.name.begin(), f.name.end(), ::isdigit))
                CHECK(words.name != f.name);
            // It says what the device is, in this language.
            CHECK(has_words(words.name, texts->text("kind." + words.kind)));
            // No model number or series code in the name (they go in the second line), unless
            // it is the product name itself printed on the device.
            for (const std::string& model : f.models) {
                bool is_a_name = has_words(f.product, model);
                for (const std::string& brand : f.brands) is_a_name |= has_words(brand, model);
                is_a_name |= has_words(db().maker_of(f).short_name, model);
                if (!is_a_name) CHECK_MESSAGE(!has_words(words.name, model), "model " << model);
            }
            // It starts with a capital letter, or with a name as its maker spells it.
            bool starts_with_name = false;
            for (const std::string& spelled : f.brands) starts_with_name |= words.name.rfind(spelled, 0) == 0;
            for (const std::string& spelled : f.apps) starts_with_name |= words.name.rfind(spelled, 0) == 0;
            starts_with_name |= !f.product.empty() && words.name.rfind(f.product, 0) == 0;
            CHECK((starts_with_name || !(words.name[0] >= 'a' && words.name[0] <= 'z')));
        }
        // Dutch names hold no English jargon outside the brand, product or app names.
        std::string dutch_name = family_words(db(), f, dutch()).name;
        // (The product first: "Ring Video Doorbell" holds the brand "Ring".)
        std::string rest = dutch_name;
        if (size_t at = rest.find(f.product); !f.product.empty() && at != std::string::npos) rest.erase(at, f.product.size());
        for (const std::string& spelled : f.brands)
            if (size_t at = rest.find(spelled); at != std::string::npos) rest.erase(at, spelled.size());
        for (const std::string& spelled : f.apps)
            if (size_t at = rest.find(spelled); at != std::string::npos) rest.erase(at, spelled.size());
        CHECK_MESSAGE(!std::regex_search(rest, english_jargon), dutch_name);
    }
    // Every kind the data uses has its noun and its relative pronoun in both languages.
    for (const std::string& kind : kinds)
        for (const Catalog* texts : {&dutch(), &english()}) {
            CAPTURE(kind);
            CHECK(texts->has("kind." + kind));
            CHECK(texts->has("kind." + kind + ".which"));
        }
}

TEST_CASE("the names of the issue's examples, and of families the customer knows by product or app") {
    CHECK(name("xiongmai-h264-dvr-xc3511", dutch()) == "Videorecorder die met de XMEye-app werkt");
    CHECK(name("xiongmai-h264-dvr-xc3511", english()) == "Video recorder that works with the XMEye app");
    CHECK(name("iqinvision-iqeye-camera", dutch()) == "Camera van IQeye");
    CHECK(name("iqinvision-iqeye-camera", english()) == "IQeye camera");
    CHECK(name("dahua-old-dvr-888888", dutch()) == "Videorecorder van Dahua");
    CHECK(family_words(db(), family("dahua-old-dvr-888888"), dutch()).seen.find("Verkocht tot en met 2016") != std::string::npos);
    CHECK(name("avm-fritzbox", dutch()) == "FRITZ!Box (router van AVM)");
    CHECK(name("avm-fritzbox", english()) == "FRITZ!Box (AVM router)");
    CHECK(name("kpn-box-12", dutch()) == "KPN Box 12 (modem)");
    CHECK(name("ring-video-doorbell", dutch()) == "Ring Video Doorbell (videodeurbel)");
    CHECK(name("ring-video-doorbell", english()) == "Ring Video Doorbell");   // not "(video doorbell)" again
    CHECK(name("tuya-smart-plug", dutch()) == "Slimme stekker die met de Smart Life-app werkt");
    CHECK(name("generic-camera", dutch()) == "Camera (merk onbekend)");
    CHECK(name("realtek-sdk-router", english()) == "Unbranded router");
    CHECK(name("eufy-indoor-cam", english()) == "eufy camera");  // the maker's own spelling stays
    SUBCASE("a brand the customer named is the brand in the name") {
        Answers said;
        said.brand = "amcrest";
        CHECK(name("dahua-ipc-camera", dutch(), &said) == "Camera van Amcrest");
        said.app = "iCSee";
        CHECK(name("xiongmai-icsee-wifi-camera", english(), &said) == "Camera that works with the iCSee app");
        said.brand = "KPN";  // already in the product's name: not said twice
        CHECK(name("kpn-box-12", dutch(), &said) == "KPN Box 12 (modem)");
    }
}

TEST_CASE("Dutch agrees 'die' and 'dat' with the kind: 'Kastje ... dat met de app werkt'") {
    // A tiny database: an unbranded internet phone box ('het kastje') used with an app.
    DeviceDb tiny;
    std::string error;
    REQUIRE_MESSAGE(load_device_db(R"json({"makers":[{"id":"acme","name":"Acme","families":[
        {"id":"acme-box","name":"Acme VoIP box (X1)","category":"voip","generic":true,"brands":["unbranded"],
         "apps":["App Store","Acme Phone"],"models":["X1"]}]}],"not_device_apps":["App Store"]})json",
                                   tiny, error), error);
    FamilyWords words = family_words(tiny, tiny.families().front(), dutch());
    CHECK(words.name == "Kastje voor internetbellen dat met de Acme Phone-app werkt");  // never the app store
    CHECK(words.label == "Op de sticker bijvoorbeeld X1");
}

// --- Short lists ---------------------------------------------------------------------------------
TEST_CASE("app lists hold apps for watching or managing devices, never an app store or a web page") {
    for (std::string_view category : kDeviceCategories) {
        CAPTURE(category);
        for (const std::string& app : app_shortlist(db(), category, 8)) {
            CHECK(db().is_device_app(app));
            CHECK_FALSE(has_words(app, "store"));
        }
    }
    CHECK_FALSE(contains(app_shortlist(db(), "tv-box", 20), "Google Play Store"));
    CHECK_FALSE(contains(app_shortlist(db(), "tv-box", 20), "Kodi"));
    CHECK_FALSE(db().is_device_app("google play store"));  // any spelling
    // A kind whose apps are all stores and players is not asked about its app at all.
    REQUIRE(app_shortlist(db(), "tv-box", 8).empty());
    IdentifyPlan tv_box = plan(R"({"port": 23, "tag": "mirai", "answers": {"category": "tv-box"}})");
    CHECK(identify_step_name(tv_box.step) != "ask_app");
    CHECK(identify_step_name(plan(R"({"port": 23, "tag": "mirai", "answers": {"category": "camera"}})").step) == "ask_app");
    std::vector<std::string> cameras = app_shortlist(db(), "camera", 8);
    CAPTURE(cameras.size());
    for (const char* app : {"XMEye", "iCSee", "Hik-Connect"}) CHECK_MESSAGE(contains(cameras, app), app);
}

TEST_CASE("brand lists follow how many homes have them: Hikvision and Dahua lead the cameras and recorders") {
    std::vector<std::string> cameras = brand_shortlist(db(), "camera", 8);
    REQUIRE(cameras.size() == 8);
    CHECK(contains({cameras.begin(), cameras.begin() + 3}, "Hikvision"));
    CHECK(contains({cameras.begin(), cameras.begin() + 3}, "Dahua"));
    CHECK_FALSE(contains(cameras, "IQeye"));   // a business camera, rare in homes
    std::vector<std::string> recorders = brand_shortlist(db(), "recorder", 8);
    CHECK(contains({recorders.begin(), recorders.begin() + 3}, "Hikvision"));
    CHECK(contains({recorders.begin(), recorders.begin() + 3}, "Dahua"));
    std::vector<std::string> routers = brand_shortlist(db(), "router", 8);
    for (const char* brand : {"KPN", "Ziggo", "FRITZ!Box", "TP-Link"}) CHECK_MESSAGE(contains(routers, brand), brand);
    for (std::string_view category : kDeviceCategories)
        for (const std::string& brand : brand_shortlist(db(), category, 8)) CHECK_FALSE(is_no_brand(db(), brand));
}

// --- Choices and the pick-list rule ----------------------------------------------------------
TEST_CASE("a pick list only when the answers tell the options apart; else the general steps or a call") {
    SUBCASE("the kind alone points at no device in particular: the general steps for it") {
        IdentifyPlan p = plan(R"({"port": 23, "tag": "mirai", "answers": {"category": "camera", "app": "", "brand": "", "model": ""}})");
        CHECK(identify_step_name(p.step) == "general_steps");
        REQUIRE(p.general);
        CHECK(p.general->id == "generic-camera");
        CHECK(p.choices.empty());
    }
    SUBCASE("not even the kind is known: nothing more is asked, the helpdesk is next") {
        IdentifyPlan p = plan(R"({"port": 23, "tag": "mirai", "answers": {"category": ""}})");
        CHECK(identify_step_name(p.step) == "not_found");
        CHECK(p.choices.empty());
    }
    SUBCASE("the link's evidence still counts when the customer cannot name the kind") {
        // The default password points at XiongMai's XMEye recorder and camera; the customer is
        // not asked for the label, so the recorder lines that differ only there are one choice.
        IdentifyPlan p = plan(R"({"port": 23, "credential": "root/xc3511", "http_server": "uc-httpd", "answers": {"category": ""}})");
        CAPTURE(ids(p));
        CHECK(identify_step_name(p.step) == "pick");
        REQUIRE(p.choices.size() == 2);
        CHECK(p.choices[0].family_id == "xiongmai-h264-dvr-xc3511");
        CHECK(p.choices[0].words.kind == "recorder");
        CHECK(p.choices[1].family_id.rfind("xiongmai-", 0) == 0);
        CHECK(p.choices[1].words.kind == "camera");
    }
    SUBCASE("devices the customer cannot tell apart are one choice: the likelier stands for both") {
        // Three XiongMai recorder lines share a name and brands; without the model number only
        // their label would tell them apart.
        IdentifyPlan p = plan(R"({"answers": {"category": "recorder", "app": "XMEye", "brand": "", "model": ""}})");
        CAPTURE(ids(p));
        int xiongmai = 0;
        for (const DeviceChoice& c : p.choices) xiongmai += c.family_id.rfind("xiongmai-", 0) == 0;
        CHECK(xiongmai == 1);
        std::set<std::string> names;
        for (const DeviceChoice& c : p.choices) names.insert(c.words.name + "|" + c.words.seen);
        CHECK(names.size() == p.choices.size());
    }
    SUBCASE("devices the customer cannot tell apart but a reset helps differently: the answer stays true for each") {
        // Without the label, the XMEye recorder whose Telnet password can never be changed
        // looks like the later lines that can be partly secured. Telling everyone "it cannot be
        // made safe" would be untrue for most; telling them "it is safe" untrue for some: the
        // line that can partly be secured (which says the way in may stay open) stands for both.
        IdentifyPlan p = plan(R"({"answers": {"category": "recorder", "app": "XMEye", "brand": "", "model": ""}})");
        CAPTURE(ids(p));
        for (const DeviceChoice& c : p.choices)
            if (c.family_id.rfind("xiongmai-", 0) == 0) CHECK(family(c.family_id.c_str()).securable == "partly");
    }
    SUBCASE("...unless the virus got in with the very password that one can never change") {
        IdentifyPlan p = plan(R"({"port": 23, "credential": "root/xc3511", "http_server": "uc-httpd", "answers": {"category": "recorder", "app": "XMEye", "brand": "", "model": ""}})");
        CAPTURE(ids(p));
        REQUIRE(!p.choices.empty());
        CHECK(p.choices[0].family_id == "xiongmai-h264-dvr-xc3511");
    }
    SUBCASE("across the whole database, a choice never stands for a family that is less securable than it says") {
        // For every kind and every app: the choices offered without the label never claim full
        // security for a group that holds a family that cannot be fully secured.
        for (const char* category : {"camera", "recorder", "router", "nas", "printer", "doorbell"})
            for (const std::string& app : app_shortlist(db(), category, 50)) {
                std::string json = std::string(R"({"answers": {"category": ")") + category + R"(", "app": ")" + app + R"(", "brand": "", "model": ""}})";
                IdentifyPlan p = plan(json.c_str());
                CAPTURE(json);
                for (const DeviceChoice& offered : p.choices) {
                    if (family(offered.family_id.c_str()).securable != "yes") continue;
                    for (const Family& other : db().families()) {
                        if (other.id == offered.family_id || other.securable == "yes" || other.category != category) continue;
                        Evidence e = evidence(json.c_str());
                        FamilyWords words = family_words(db(), other, dutch(), &e.answers);
                        bool same_choice = words.name == offered.words.name && words.seen == offered.words.seen;
                        bool also_pointed_at = std::find(other.apps.begin(), other.apps.end(), app) != other.apps.end();
                        bool offered_too = std::any_of(p.choices.begin(), p.choices.end(), [&](const DeviceChoice& c) {
                            return c.words.name == words.name && c.words.seen == words.seen && family(c.family_id.c_str()).securable != "yes";
                        });
                        CHECK_MESSAGE(!(same_choice && also_pointed_at && !offered_too), offered.family_id << " stands for " << other.id);
                    }
                }
            }
    }
    SUBCASE("a brand with several lines of this kind: a pick list of what tells them apart") {
        IdentifyPlan p = plan(R"({"answers": {"category": "recorder", "brand": "Hikvision", "app": "", "model": ""}})");
        CAPTURE(ids(p));
        REQUIRE(identify_step_name(p.step) == "pick");
        CHECK(p.choices.size() >= 2);
        CHECK(p.choices.size() <= kMaxChoices);
        for (const DeviceChoice& c : p.choices) CHECK(c.family_id.rfind("hikvision-", 0) == 0);
        // The brand answer is what they all share: said once, above the list.
        CHECK(contains(p.shared, "U noemde het merk Hikvision."));
    }
}

TEST_CASE("each choice says what sets it apart, never the same sentence on every card") {
    struct Case { const char* evidence; };
    const Case cases[] = {
        {R"({"answers": {"category": "recorder", "brand": "Hikvision", "app": "", "model": ""}})"},
        {R"({"answers": {"category": "recorder", "app": "XMEye", "brand": "", "model": ""}})"},
        {R"({"answers": {"category": "camera", "brand": "Amcrest", "app": "", "model": ""}})"},
        {R"({"answers": {"category": "camera", "app": "iCSee", "brand": "Sannce", "model": ""}})"},
        {R"({"credential": "888888/888888", "port": 23, "answers": {"category": "recorder", "app": "", "brand": "", "model": ""}})"},
        {R"({"answers": {"category": "router", "brand": "KPN", "app": "", "model": ""}})"},
        {R"({"answers": {"category": "recorder", "brand": "Hikvision", "app": "", "model": "DS-72"}})"},
    };
    int picks = 0, separated = 0;
    for (const Case& c : cases) {
        CAPTURE(c.evidence);
        for (const Catalog* texts : {&dutch(), &english()}) {
            IdentifyPlan p = plan(c.evidence, *texts);
            CAPTURE(ids(p));
            if (p.step != IdentifyStep::kPick) continue;
            ++picks;
            std::set<std::string> cards;
            for (const DeviceChoice& choice : p.choices) {
                CHECK(choice.why != texts->text("reason.category_matches"));
                CHECK_FALSE(contains(p.shared, choice.why));
                separated += !choice.why.empty();
                cards.insert(choice.words.name + "\n" + choice.why + "\n" + choice.words.details());
            }
            CHECK(cards.size() == p.choices.size());  // no two cards read the same
        }
    }
    CHECK(picks >= 8);
    CHECK(separated > 0);
    SUBCASE("evidence only some of them have is their reason, and the others have none") {
        // The start of a model number fits two of Hikvision's recorder lines, not the others.
        IdentifyPlan p = plan(R"({"answers": {"category": "recorder", "brand": "Hikvision", "app": "", "model": "DS-72"}})");
        CAPTURE(ids(p));
        REQUIRE(p.step == IdentifyStep::kPick);
        int fitting = 0;
        for (const DeviceChoice& c : p.choices) {
            CAPTURE(c.family_id);
            bool fits = c.words.label.find("DS-72") != std::string::npos;
            fitting += fits;
            if (fits) CHECK(c.why.find("DS-72") != std::string::npos);
            else CHECK(c.why.find("DS-72") == std::string::npos);
        }
        CHECK(fitting >= 1);
        CHECK(fitting < static_cast<int>(p.choices.size()));
    }
}

TEST_CASE("the demo link: the recorder is proposed in plain words with the evidence for it") {
    Evidence demo = evidence(R"({"tag": "mirai", "port": 23, "credential": "root/xc3511", "http_server": "uc-httpd"})");
    IdentifyPlan p = identification_outcome(db(), demo, dutch());
    REQUIRE_FALSE(p.choices.empty());
    const DeviceChoice& best = p.choices.front();
    CHECK(best.words.name == "Videorecorder die met de XMEye-app werkt");
    CHECK_FALSE(best.reasons.empty());
    for (const std::string& reason : best.reasons) {
        CAPTURE(reason);
        CHECK(reason.find("poort") == std::string::npos);  // the port says nothing to a customer
        CHECK(reason.find("{") == std::string::npos);
    }
}

TEST_CASE("the all-'I don't know' path asks one question and ends on the helpdesk") {
    // The screens: the evidence (weak), the kind of device ("I don't know"), then the end.
    Evidence weak = evidence(R"({"port": 23, "tag": "mirai"})");
    CHECK(identify_step_name(plan_identification(db(), weak, dutch()).step) == "ask_category");
    weak.answers.category = "";
    CHECK(identify_step_name(plan_identification(db(), weak, dutch()).step) == "not_found");
}

TEST_CASE("every reason code the engine gives has a text in both languages, with its placeholders filled") {
    const char* cases[] = {
        R"({"port": 23, "tag": "mirai", "credential": "root/xc3511", "http_server": "uc-httpd", "device_type": "DVR",
            "device_vendor": "XiongMai", "answers": {"category": "recorder", "app": "XMEye", "brand": "Floureon", "model": "AHB7804"}})",
        R"({"credential": "admin/12345", "http_title": "NETSurveillance WEB", "answers": {"label": "Hikvision DS-7208"}})",
    };
    for (const char* json : cases)
        for (const Candidate& c : identify(db(), evidence(json)).candidates)
            for (const Reason& r : c.reasons)
                for (const Catalog* texts : {&dutch(), &english()}) {
                    CAPTURE(r.code);
                    CHECK(texts->has("reason." + r.code));
                    CHECK(reason_words(r, *texts).find('{') == std::string::npos);
                }
}

}  // TEST_SUITE
