// Locales: every language has every text, with the same placeholders, and every key the
// screens ask for exists. A gap here would show a customer a raw key.
#include <doctest/doctest.h>
#include "core/i18n.h"
#include "core/json.h"
#include <algorithm>
#include "test_support.h"
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace cleanslate;
namespace fs = std::filesystem;

namespace {
std::string read_file(const fs::path& path) { return test::read_text(path.string()); }
Catalog load_locale(const std::string& code) { return test::locale_catalog(code); }
}  // namespace

TEST_CASE("placeholders are filled by name and left alone when unknown") {
    CHECK(fill_placeholders("Hold for {seconds} s", {{"seconds", "30"}}) == "Hold for 30 s");
    CHECK(fill_placeholders("{a}{b}{a}", {{"a", "1"}, {"b", "2"}}) == "121");
    CHECK(fill_placeholders("{unknown} {}", {}) == "{unknown} {}");
    CHECK(placeholders_in("{b} and {a} and {b}") == std::vector<std::string>{"a", "b"});
}

TEST_CASE("a catalog shows the key itself for a missing text") {
    Catalog c;
    REQUIRE(c.load(R"({"meta.code":"en","hello":"Hello {name}"})"));
    CHECK(c.code() == "en");
    CHECK(c.format("hello", {{"name", "Ann"}}) == "Hello Ann");
    CHECK(c.text("nope") == "nope");
    CHECK(c.last_missing() == "nope");   // what the tests read: a screen showed a key
    CHECK_FALSE(c.load(R"({"nested":{"a":"b"}})"));
    CHECK_FALSE(c.load("[1,2]"));
}

TEST_CASE("a language's texts load in parts: the first screen's, then the rest") {
    Catalog c;
    REQUIRE(c.load(R"({"meta.code":"nl","welcome.heading":"Welkom"})"));
    CHECK_FALSE(c.has("reset.title"));
    REQUIRE(c.add(R"({"reset.title":"Zet terug"})"));
    CHECK(c.text("welcome.heading") == "Welkom");   // the first part stays
    CHECK(c.text("reset.title") == "Zet terug");
    CHECK(c.code() == "nl");
    CHECK_FALSE(c.add(R"({"disconnect.title":"Los","broken":1})"));   // a damaged part adds nothing
    CHECK_FALSE(c.has("disconnect.title"));
}

TEST_CASE("every text the first screen can show is in the part loaded before it") {
    // locales/split/first-screen.json lists the prefixes shipped before the first frame; the
    // welcome (with the case's standing), the page chrome and the feedback panel must find
    // all their texts there.
    const Json split = parse_json(read_file(fs::path(CS_SOURCE_DIR) / "locales" / "split" / "first-screen.json"));
    std::vector<std::string> prefixes = json_strings(split, "prefixes");
    REQUIRE(!prefixes.empty());
    auto in_first_part = [&](const std::string& key) {
        return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) { return key.rfind(p, 0) == 0; });
    };
    std::regex use(R"re(\btr(?:_format)?\(\s*"([a-z0-9_.\-]+)"\s*[,)])re");
    int uses = 0;
    const fs::path app = fs::path(CS_SOURCE_DIR) / "wasm" / "app";
    for (const fs::path& file : {app / "screens" / "welcome.cpp", app / "screens" / "case_standing.cpp",
                                 app / "feedback_panel.cpp", app / "app.cpp", app / "app_report.cpp"}) {
        std::string source = read_file(file);
        for (std::sregex_iterator it(source.begin(), source.end(), use), end; it != end; ++it) {
            ++uses;
            CAPTURE(file.filename().string());
            CHECK_MESSAGE(in_first_part((*it)[1]), (*it)[1] << " is not in the first screen's texts");
        }
    }
    CHECK(uses > 30);
}

TEST_CASE("the language comes from the link, else the browser, else Dutch") {
    CHECK(choose_locale("en", {"nl-NL"}) == "en");
    CHECK(choose_locale("", {"de-DE", "en-GB"}) == "en");
    CHECK(choose_locale("fr", {"nl-BE"}) == "nl");
    CHECK(choose_locale("", {"de"}) == "nl");
    CHECK(choose_locale("EN-us", {}) == "en");
}

TEST_CASE("every locale has every key with the same placeholders") {
    Catalog reference = load_locale(supported_locales().front());
    for (const std::string& code : supported_locales()) {
        Catalog other = load_locale(code);
        CHECK(other.code() == code);
        for (const auto& [key, text] : reference.all()) {
            CAPTURE(code);
            CAPTURE(key);
            REQUIRE_MESSAGE(other.has(key), "missing in " << code << ": " << key);
            CHECK(placeholders_in(other.text(key)) == placeholders_in(text));
            CHECK_FALSE(other.text(key).empty());
        }
        for (const auto& [key, text] : other.all()) {
            CAPTURE(key);
            CHECK_MESSAGE(reference.has(key), "only in " << code << ": " << key);
        }
    }
}

TEST_CASE("every text key the screens use exists in the locales") {
    Catalog reference = load_locale(supported_locales().front());
    // Screens ask for texts with tr("key") or tr_format("key", ...); keys built at run time
    // (action.<type>, sign.<type>, category.<id>) are checked by the data tests.
    std::regex use(R"re(\btr(?:_format)?\(\s*"([a-z0-9_.\-]+)"\s*[,)])re");
    int uses = 0;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(CS_SOURCE_DIR) / "wasm" / "app")) {
        if (entry.path().extension() != ".cpp" && entry.path().extension() != ".h") continue;
        std::string source = read_file(entry.path());
        for (std::sregex_iterator it(source.begin(), source.end(), use), end; it != end; ++it) {
            ++uses;
            CAPTURE(entry.path().filename().string());
            CHECK_MESSAGE(reference.has((*it)[1]), "no text for " << (*it)[1]);
        }
    }
    CHECK(uses > 20);
}
