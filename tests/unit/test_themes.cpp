// Theme coding: chips carry their theme, free text is coded with the per-language lexicons in
// locales/themes/. The accuracy on realistic customer sentences (tests/data/feedback_sentences.json)
// is printed per language and held above a floor; the rules of the pattern language are
// specified case by case below.
#include <doctest/doctest.h>
#include "core/themes.h"
#include "core/json.h"
#include "test_support.h"
#include <cstdio>
#include <map>

using namespace cleanslate;

namespace {
const ThemeLexicon& lexicon(const std::string& language) {
    static std::map<std::string, ThemeLexicon> loaded;
    auto it = loaded.find(language);
    if (it != loaded.end()) return it->second;
    ThemeLexicon l;
    std::string error;
    REQUIRE_MESSAGE(l.load(test::source_file("locales/themes/" + language + ".json"), error), language << ": " << error);
    return loaded.emplace(language, std::move(l)).first->second;
}

std::string codes(const std::vector<Theme>& themes) {
    std::string out;
    for (Theme t : themes) out += (out.empty() ? "" : ",") + std::string(theme_code(t));
    return out;
}

// A small lexicon that shows one rule at a time.
ThemeLexicon tiny() {
    ThemeLexicon l;
    std::string error;
    const char* text = R"({"language":"nl","negations":["niet","geen"],"negation_window":2,
        "spellings":{"wachtwoort":"wachtwoord","dont":"don't"},
        "problems":["moeilijk"],"questions":["welk","^is het"],
        "themes":{"trust":["phishing","?vertrouw*"],"effort":["!te lang","geen tijd"],
          "manufacturer_support":["?fabrikant"],"protection_expectation":["*scanner"],
          "identification":["welk _ is"],"reset_confusion":["?knop*"],
          "password_difficulty":["?wachtwoord"],"success_uncertainty":["?gelukt"]}})";
    REQUIRE_MESSAGE(l.load(text, error), error);
    return l;
}
}  // namespace

TEST_CASE("chips carry their theme; 'I can't find it' and 'I'm stuck' take the step's") {
    CHECK(chip_theme(Chip::not_trusted, "welcome") == Theme::trust);
    CHECK(chip_theme(Chip::too_long, "reset") == Theme::effort);
    CHECK(chip_theme(Chip::maker_no_help, "password") == Theme::manufacturer_support);
    CHECK(chip_theme(Chip::antivirus, "identify") == Theme::protection_expectation);
    CHECK(chip_theme(Chip::not_sure_worked, "finish") == Theme::success_uncertainty);
    CHECK(chip_theme(Chip::cannot_find, "identify") == Theme::identification);
    CHECK(chip_theme(Chip::cannot_find, "reset") == Theme::reset_confusion);
    CHECK(chip_theme(Chip::cannot_find, "verify_reset") == Theme::reset_confusion);
    CHECK(chip_theme(Chip::stuck, "password") == Theme::password_difficulty);
    CHECK(chip_theme(Chip::stuck, "welcome") == Theme::other);
    for (Chip chip : kChips) {
        Chip back;
        REQUIRE(chip_from_code(chip_code(chip), back));
        CHECK(back == chip);
    }
    Theme t;
    CHECK(theme_from_code("reset_confusion", t));
    CHECK(t == Theme::reset_confusion);
    CHECK_FALSE(theme_from_code("anger", t));
}

TEST_CASE("text is split into sentences of lower-case words without accents") {
    auto s = split_sentences("Wéét u het? Ik DON\xE2\x80\x99T know…  ja");
    REQUIRE(s.size() == 3);
    CHECK(s[0].words == std::vector<std::string>{"weet", "u", "het"});
    CHECK(s[0].question);
    CHECK(s[1].words == std::vector<std::string>{"ik", "don't", "know"});
    CHECK_FALSE(s[1].question);
    CHECK(s[2].words == std::vector<std::string>{"ja"});
    CHECK(split_sentences("  ?! ").size() == 1);   // a bare question mark is still a question
    CHECK(split_sentences("").empty());
}

TEST_CASE("the pattern rules, one at a time") {
    ThemeLexicon l = tiny();
    SUBCASE("plain patterns always count; nothing matched is 'other'") {
        CHECK(codes(l.code("Dit is phishing")) == "trust");
        CHECK(codes(l.code("Mooi weer vandaag")) == "other");
        CHECK(codes(l.code("")) == "other");
    }
    SUBCASE("a negation just before a '!' problem cancels it") {
        CHECK(codes(l.code("Het duurt te lang")) == "effort");
        CHECK(codes(l.code("Het duurt niet te lang")) == "other");
        CHECK(codes(l.code("niet dat het nou te lang duurt")) == "effort");   // too far before: outside the window
    }
    SUBCASE("a negation inside a plain pattern is part of it") {
        CHECK(codes(l.code("ik heb geen tijd")) == "effort");
    }
    SUBCASE("a '?' topic counts only with a problem in the same sentence") {
        CHECK(codes(l.code("het wachtwoord instellen ging prima")) == "other");
        CHECK(codes(l.code("het wachtwoord werkt niet")) == "password_difficulty");       // a 'niet' that cancelled nothing
        CHECK(codes(l.code("welk wachtwoord moet ik kiezen?")) == "password_difficulty"); // a question
        CHECK(codes(l.code("het wachtwoord is moeilijk")) == "password_difficulty");      // a problem word
        CHECK(codes(l.code("het wachtwoord was niet moeilijk")) == "other");              // ...cancelled
        CHECK(codes(l.code("ik weet niet welk wachtwoord")) == "password_difficulty");    // a question word: never cancelled
        CHECK(codes(l.code("is het gelukt")) == "success_uncertainty");                   // asked without a question mark...
        CHECK(codes(l.code("ja het is het gelukt")) == "other");                          // ...only at the start of a sentence
        CHECK(codes(l.code("Het is gelukt. Het wachtwoord ging prima")) == "other");     // no question, no problem
        CHECK(codes(l.code("Het wachtwoord ging prima. Is het gelukt?")) == "success_uncertainty");
        CHECK(codes(l.code("dat is phishing, net als die knop")) == "trust,reset_confusion");   // a plain match is a problem
    }
    SUBCASE("stems, compounds, any-word and one typing slip") {
        CHECK(codes(l.code("ik vertrouwde het niet")) == "trust");
        CHECK(codes(l.code("mijn virusscanner is duur")) == "protection_expectation");
        CHECK(codes(l.code("welk apparaat is het")) == "identification");
        CHECK(codes(l.code("het wachtwoort werkt niet")) == "password_difficulty");       // a listed misspelling
        CHECK(codes(l.code("de fabrikant helpt niet")) == "manufacturer_support");
        CHECK(codes(l.code("de fabriknat helpt niet")) == "manufacturer_support");         // two letters swapped
    }
}

TEST_CASE("one typing slip is forgiven in long words") {
    ThemeLexicon l;
    std::string error;
    REQUIRE(l.load(R"({"language":"en","negations":["not"],"problems":["odd"],"themes":{"trust":["phishing"],
        "effort":["faff"],"manufacturer_support":["manufacturer"],"protection_expectation":["antivirus*"],
        "identification":["x1"],"reset_confusion":["x2"],"password_difficulty":["x3"],"success_uncertainty":["x4"]}})", error));
    CHECK(codes(l.code("phsihign")) == "other");           // two slips
    CHECK(codes(l.code("fishing")) == "other");
    CHECK(codes(l.code("pishinng")) == "other");
    CHECK(codes(l.code("phising")) == "trust");            // one missing
    CHECK(codes(l.code("phisshing")) == "trust");          // one extra
    CHECK(codes(l.code("phishimg")) == "trust");           // one wrong
    CHECK(codes(l.code("pihshing")) == "trust");           // two swapped
    CHECK(codes(l.code("manufacturerr")) == "manufacturer_support");
    CHECK(codes(l.code("antivirsu software")) == "protection_expectation");   // a slip inside a stem
    CHECK(codes(l.code("faf")) == "other");                // short words must be exact
    CHECK(codes(l.code("faff")) == "effort");
}

TEST_CASE("a malformed lexicon is refused, naming the field") {
    ThemeLexicon l;
    std::string error;
    auto refused = [&](const std::string& text, const std::string& expected) {
        error.clear();
        CHECK_FALSE(l.load(text, error));
        CHECK_MESSAGE(error.find(expected) != std::string::npos, error);
    };
    const std::string themes = R"("themes":{"trust":["a"],"effort":["b"],"manufacturer_support":["c"],"protection_expectation":["d"],
        "identification":["e"],"reset_confusion":["f"],"password_difficulty":["g"],"success_uncertainty":["h"]})";
    refused("[]", "not a JSON object");
    refused(R"({"language":"x"})", "language");
    refused(R"({"language":"nl","negations":[]})", "negations");
    refused(R"({"language":"nl","negations":["Niet"]})", "negations");
    refused(R"({"language":"nl","negations":["niet"],"negation_window":9})", "negation_window");
    refused(R"({"language":"nl","negations":["niet"],"spellings":{"a b":"c"}})", "spellings.a b");
    refused(R"({"language":"nl","negations":["niet"],"problems":["Moeilijk"],)" + themes + "}", "problems[0]");
    refused(R"({"language":"nl","negations":["niet"],"problems":["x"],"themes":{"anger":["x"]}})", "themes.anger");
    refused(R"({"language":"nl","negations":["niet"],"problems":["x"],"themes":{"trust":["a**b"]}})", "themes.trust[0]");
    refused(R"({"language":"nl","negations":["niet"],"problems":["x"],"themes":{"trust":["_ _"]}})", "at least one real word");
    refused(R"({"language":"nl","negations":["niet"],"problems":["x"],"themes":{"trust":["a  b"]}})", "single spaces");
    refused(R"({"language":"nl","negations":["niet"],"problems":["x"],"themes":{"trust":["a"]}})", "themes.effort: missing");
    CHECK(l.load(R"({"language":"nl","negations":["niet"],"problems":["x"],)" + themes + "}", error));
}

TEST_CASE("the lexicons code realistic customer sentences (accuracy per language)") {
    Json data = parse_json(test::source_file("tests/data/feedback_sentences.json"));
    REQUIRE(data.is_object());
    struct Score { int right = 0, total = 0; };
    std::map<std::string, Score> scores;   // "<lang> <set>"
    std::map<std::string, int> per_language;
    for (const Json& s : data["sentences"]) {
        std::string lang = json_string(s, "lang"), set = json_string(s, "set"), text = json_string(s, "text");
        std::string expected;
        for (const std::string& t : json_strings(s, "themes")) expected += (expected.empty() ? "" : ",") + t;
        std::string got = codes(lexicon(lang).code(text));
        Score& score = scores[lang + " " + set];
        ++score.total;
        ++per_language[lang];
        if (got == expected) ++score.right;
        else MESSAGE(lang << " " << set << ": \"" << text << "\" coded " << got << ", expected " << expected);
    }
    CHECK(per_language["nl"] >= 40);
    CHECK(per_language["en"] >= 40);
    for (const auto& [name, score] : scores) {
        double accuracy = 100.0 * score.right / score.total;
        std::printf("theme coding %-11s %3d/%3d = %5.1f %%\n", name.c_str(), score.right, score.total, accuracy);
        // Floors: the sentences the lexicons were written with, and sentences they never saw
        // (the honest estimate for real customers; see the file's "about").
        CHECK_MESSAGE(accuracy >= (name.find("holdout") != std::string::npos ? 75.0 : 95.0), name);
    }
}
