// The new-password check: what it refuses, why, and that its scores agree with zxcvbn's.
// Dictionaries come from the build's data folder (scripts/password-data.cmake).
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/password_matching.h"
#include "core/password_scoring.h"
#include "core/password_strength.h"
#include "test_support.h"

using namespace cleanslate;
using cleanslate::test::password_dictionaries;
using cleanslate::test::read_text;
using cleanslate::test::source_file;
using cleanslate::test::built_data;

namespace {

PasswordVerdict check(const std::string& password, const PasswordContext& context = {}) {
    return check_password(password, password_dictionaries(), context);
}

// The lists the wizard loads for a customer of one language (app.cpp, want_password_data):
// the common-password and Mirai lists, and that language's dictionary.
const PasswordDictionaries& language_set(const std::string& language) {
    static std::map<std::string, PasswordDictionaries> sets;
    auto [it, inserted] = sets.try_emplace(language);
    if (inserted) {
        it->second.add_ranked_text("passwords", built_data("passwords.txt"));
        it->second.add_ranked_text("dictionary-" + language, built_data("dictionary-" + language + ".txt"));
        REQUIRE(it->second.add_mirai_credentials(source_file("devices/mirai/credentials.json")));
    }
    return it->second;
}

// The words of a data file in file order: the most common rank bucket first, alphabetical
// within a bucket; header lines ("#list", "#rank") left out.
std::vector<std::string> ranked_words(const std::string& file) {
    std::vector<std::string> words;
    std::istringstream lines(built_data(file));
    for (std::string line; std::getline(lines, line);)
        if (!line.empty() && line[0] != '#') words.push_back(line);
    return words;
}

// Whether our verdict on a password of tests/data/zxcvbn_verdicts.json is on zxcvbn's side
// (accepted or refused). One difference is allowed, on the strict side only: we may refuse as
// weak what zxcvbn accepts only narrowly. Our lists give every word of a rank bucket the
// bucket's first rank (password_dictionaries.h), more than half its own rank, so a reading
// made of k listed words counts fewer than 2^k times fewer guesses than zxcvbn's reading:
// zxcvbn accepts from 10^8 guesses, so "narrowly" is below 2^k x 10^8, with k the listed
// words of our own cheapest reading. Never the other way: a bucket cannot make us accept.
bool same_side_as_zxcvbn(const std::string& password, const Json& row, const PasswordDictionaries& set) {
    const bool zxcvbn_accepts = json_int(row, "score", -1) >= kMinimumAcceptedScore;
    const PasswordVerdict ours = check_password(password, set, {});
    if (ours.accepted == zxcvbn_accepts) return true;
    if (ours.accepted || ours.refusal != PasswordRefusal::weak) return false;
    const Json* zxcvbn_guesses_log10 = json_member(row, "guesses_log10");
    REQUIRE(zxcvbn_guesses_log10);
    REQUIRE(zxcvbn_guesses_log10->is_number());
    MatchLists lists;
    for (const RankedList& list : set.lists()) lists.lists.push_back(&list);
    const std::u32string analysed = utf8_to_code_points(password).substr(0, kMaximumAnalysedLength);
    const GuessEstimate reading = most_guessable_match_sequence(analysed, find_all_matches(analysed, lists));
    int listed_words = 0;  // from the bucketed lists (the Mirai list ranks by position)
    for (const PasswordMatch& m : reading.sequence)
        if (m.kind == PatternKind::dictionary && m.list_name != kMiraiList) ++listed_words;
    const double margin = listed_words * std::log10(2.0);
    MESSAGE("refused where zxcvbn accepts narrowly: ", password, " zxcvbn 10^", zxcvbn_guesses_log10->get<double>(),
            ", ours 10^", ours.guesses_log10, ", ", listed_words, " listed words");
    return zxcvbn_guesses_log10->get<double>() < std::log10(1e8) + margin;
}

}  // namespace

TEST_CASE("the build's dictionaries are complete enough to judge passwords") {
    CHECK(password_dictionaries().has_common_passwords());
    CHECK(password_dictionaries().has_mirai_credentials());
    CHECK(password_dictionaries().find("passwords")->ranks.size() >= 10000);
    CHECK(password_dictionaries().find("english_wikipedia") != nullptr);
    CHECK(password_dictionaries().find("dutch") != nullptr);
}

TEST_CASE("every password in the Mirai table is refused as a Mirai default, in any case") {
    const Json table = parse_json(read_text(std::string(CS_SOURCE_DIR) + "/devices/mirai/credentials.json"));
    const Json* credentials = json_member(table, "credentials");
    REQUIRE(credentials);
    REQUIRE(credentials->is_array());
    CHECK(credentials->size() == 62);
    for (const Json& entry : *credentials) {
        const std::string password = json_string(entry, "password");
        CAPTURE(password);
        const PasswordVerdict verdict = check(password);
        CHECK_FALSE(verdict.accepted);
        if (password.empty()) {
            CHECK(verdict.refusal == PasswordRefusal::too_short);
            continue;
        }
        CHECK(verdict.refusal == PasswordRefusal::mirai_default);
        std::string shouted = password;
        for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        CHECK(check(shouted).refusal == PasswordRefusal::mirai_default);
    }
}

TEST_CASE("passwords from the common list are refused") {
    const std::string list = built_data("passwords.txt");
    std::istringstream lines(list);
    std::string password;
    int rank = 0, checked = 0;
    while (std::getline(lines, password)) {
        if (password.empty() || password[0] == '#') continue;  // "#rank N" bucket headers
        ++rank;
        // all of the first thousand, then a sample through the rest of the list
        if (rank > 1000 && rank % 97 != 0) continue;
        CAPTURE(password);
        const PasswordVerdict verdict = check(password);
        CHECK_FALSE(verdict.accepted);
        CHECK((verdict.refusal == PasswordRefusal::common_password || verdict.refusal == PasswordRefusal::mirai_default));
        ++checked;
    }
    CHECK(checked > 1200);
}

TEST_CASE("each language's set, as the wizard loads it, refuses what every customer must be refused") {
    const Json table = parse_json(source_file("devices/mirai/credentials.json"));
    const Json* credentials = json_member(table, "credentials");
    REQUIRE(credentials);
    const std::vector<std::string> common = ranked_words("passwords.txt");
    const Json verdicts_table = parse_json(source_file("tests/data/zxcvbn_verdicts.json"));
    const Json* verdicts = json_member(verdicts_table, "verdicts");
    REQUIRE(verdicts);
    for (const std::string language : {"nl", "en"}) {
        CAPTURE(language);
        const PasswordDictionaries& set = language_set(language);
        for (const Json& entry : *credentials)
            CHECK_FALSE(check_password(json_string(entry, "password"), set, {}).accepted);
        for (size_t i = 0; i < common.size(); i += (i < 1000 ? 1 : 97)) {
            CAPTURE(common[i]);
            CHECK_FALSE(check_password(common[i], set, {}).accepted);
        }
        // A single word of the customer's own language is never enough.
        const std::vector<std::string> words = ranked_words("dictionary-" + language + ".txt");
        int long_words = 0;
        for (size_t i = 0; i < words.size() && long_words < 300; ++i) {
            if (words[i].size() < kMinimumPasswordLength) continue;
            ++long_words;
            CAPTURE(words[i]);
            CHECK_FALSE(check_password(words[i], set, {}).accepted);
        }
        CHECK(long_words == 300);
    }
    // zxcvbn judges with English lists only: the English customer's set takes its verdicts.
    for (const Json& row : *verdicts) {
        const std::string password = json_string(row, "password");
        CAPTURE(password);
        CHECK(same_side_as_zxcvbn(password, row, language_set("en")));
    }
}

TEST_CASE("the Dutch dictionary holds only words the estimator can use") {
    // A word ranked above 10^length loses to guessing its letters blindly; a word the
    // common-password list ranks more common loses to that match (scripts/make-wordlists.py).
    // The ranks are the ones the estimator uses: as the core reads them from the rank buckets.
    const PasswordDictionaries& set = language_set("nl");
    const RankedList* dutch = set.find("dutch");
    const RankedList* common = set.find("passwords");
    REQUIRE(dutch);
    REQUIRE(common);
    CHECK(dutch->ranks.size() >= 25000);
    for (const auto& [letters, rank] : dutch->ranks) {
        const std::string word = code_points_to_utf8(letters);
        if (letters.size() < 6) CHECK_MESSAGE(rank <= std::pow(10.0, letters.size()), word);
        auto it = common->ranks.find(letters);
        if (it != common->ranks.end()) CHECK_MESSAGE(it->second >= rank, word);
    }
}

TEST_CASE("the build's ranked lists are rank buckets of factor 2, each headed by its first rank") {
    // scripts/data_files.py (bucketed_lines): per list, "#rank 1", "#rank 2", "#rank 4", ...;
    // each header's N is the rank of the bucket's first word (one after the words before it
    // in its list), so every bucket but the last holds exactly N words; words alphabetical
    // within a bucket (byte order, which is code point order for UTF-8), none twice in a list.
    for (const std::string file : {"passwords.txt", "dictionary-en.txt", "dictionary-nl.txt"}) {
        CAPTURE(file);
        std::istringstream lines(built_data(file));
        std::string list = "(before any #list)", previous_word;
        long words = 0, bucket = 0;  // in the current list
        int lists = 0, buckets = 0;  // in the file
        std::set<std::string> seen;
        auto end_list = [&] {
            CAPTURE(list);
            if (words == 0 && bucket == 0) return;  // nothing before the first "#list"
            ++lists;
            CHECK(words >= bucket);           // the last bucket is not empty
            CHECK(words <= 2 * bucket - 1);   // nor over-full
        };
        for (std::string line; std::getline(lines, line);) {
            CAPTURE(list);
            CAPTURE(line);
            if (line.rfind("#list ", 0) == 0) {
                end_list();
                list = line.substr(6);
                words = bucket = 0;
                seen.clear();
                continue;
            }
            if (line.rfind("#rank ", 0) == 0) {
                const long rank = std::stol(line.substr(6));
                CHECK(rank == (bucket == 0 ? 1 : 2 * bucket));  // factor 2 ...
                CHECK(rank == words + 1);                       // ... and the first rank of its bucket
                bucket = rank;
                ++buckets;
                previous_word.clear();
                continue;
            }
            REQUIRE_FALSE(line.empty());
            CHECK(bucket > 0);  // no word outside a bucket
            CHECK(line > previous_word);  // alphabetical, so also no repeat within a bucket
            CHECK(seen.insert(line).second);
            previous_word = line;
            ++words;
        }
        end_list();
        CHECK(lists == (file == "dictionary-en.txt" ? 5 : 1));
        CHECK(buckets >= 14);  // 10 000+ words: buckets up to rank 8192 at least
    }
}

TEST_CASE("disguised common passwords are still common passwords") {
    CHECK(check("P@ssw0rd").refusal == PasswordRefusal::common_password);
    CHECK(check("PASSWORD").refusal == PasswordRefusal::mirai_default);  // admin/password is in Mirai's table
    CHECK(check("SUNSHINE").refusal == PasswordRefusal::common_password);
    CHECK(check("drowssap").refusal == PasswordRefusal::common_password);  // reversed
    CHECK(check("Iloveyou").refusal == PasswordRefusal::common_password);
}

TEST_CASE("keyboard walks are refused, on QWERTY, Belgian AZERTY and the keypad") {
    for (const char* walk : {"qwerty123", "1qaz2wsx", "azerty", "asdfgh"}) {
        CAPTURE(walk);
        const PasswordVerdict verdict = check(walk);
        CHECK_FALSE(verdict.accepted);
        CHECK((verdict.refusal == PasswordRefusal::keyboard_walk || verdict.refusal == PasswordRefusal::common_password));
    }
    // walks that are on no list are refused for being walks
    for (const char* walk : {"qsdfghjklm", "wxcvbn,;:=", "&\xC3\xA9\"'(\xC2\xA7\xC3\xA8!", "poiuytrewqasdf", "9632147856", "zxcvbnm,./"}) {
        CAPTURE(walk);
        CHECK(check(walk).refusal == PasswordRefusal::keyboard_walk);
    }
}

TEST_CASE("a short walk inside real words is not a keyboard walk") {
    // "erd" in Amsterdam and "2020" down the keypad are incidental
    CHECK(check("Amsterdam2020").refusal != PasswordRefusal::keyboard_walk);
}

TEST_CASE("the device's own default login is refused") {
    PasswordContext device;
    device.device_defaults = {"admin", "Vt4Kx9qPzR"};
    CHECK(check("Vt4Kx9qPzR", device).refusal == PasswordRefusal::device_default);
    CHECK(check("vt4kx9qpzr", device).refusal == PasswordRefusal::device_default);
    CHECK(check("Vt4Kx9qPzR").accepted);  // without that knowledge it looks random
}

TEST_CASE("a password containing the brand, model or user name is refused") {
    PasswordContext device;
    device.user_inputs = {"TP-Link", "Archer C7", "jansen"};
    CHECK(check("mijnTPlinkrouterthuis", device).refusal == PasswordRefusal::contains_user_input);
    CHECK(check("fiets4archerc7wolk", device).refusal == PasswordRefusal::contains_user_input);
    CHECK(check("Jansen-fiets-boom-77", device).refusal == PasswordRefusal::contains_user_input);
    CHECK(check("fiets4boom7wolk2tafel", device).accepted);
}

TEST_CASE("passwords under eight characters are too short") {
    CHECK(kMinimumPasswordLength == 8);
    CHECK(check("").refusal == PasswordRefusal::too_short);
    CHECK(check("Zk#8vQ2").refusal == PasswordRefusal::too_short);
    CHECK(check("Zk#8vQ2m").refusal != PasswordRefusal::too_short);
}

TEST_CASE("passwords that score below 3 are refused as weak, with a hint") {
    const PasswordVerdict summer = check("Summer2019!");
    CHECK(summer.refusal == PasswordRefusal::weak);
    CHECK(summer.score == 2);
    CHECK(summer.hint != PasswordHint::none);
    CHECK(check("aaaaaaaaaa").hint == PasswordHint::repeated_character);
    CHECK(check("abcabcabcabc").hint == PasswordHint::repeated_pattern);
    CHECK(check("13/04/1987").hint == PasswordHint::date);
}

TEST_CASE("the verdict carries score, strength class and guesses") {
    const PasswordVerdict strong = check("correcthorsebatterystaple");
    CHECK(strong.accepted);
    CHECK(strong.refusal == PasswordRefusal::none);
    CHECK(strong.score == 4);
    CHECK(strong.strength == StrengthClass::very_strong);
    CHECK(strong.hint == PasswordHint::none);
    CHECK(strong.guesses_log10 > 10);
    CHECK(std::string(strength_class_code(strong.strength)) == "very_strong");
    CHECK(strength_class_for_score(0) == StrengthClass::weak);
    CHECK(strength_class_for_score(1) == StrengthClass::weak);
    CHECK(strength_class_for_score(2) == StrengthClass::fair);
    CHECK(strength_class_for_score(3) == StrengthClass::strong);
    CHECK(std::string(refusal_code(PasswordRefusal::mirai_default)) == "mirai_default");
    CHECK(std::string(hint_code(PasswordHint::straight_row)) == "straight_row");
}

TEST_CASE("scores agree with zxcvbn's own verdicts") {
    const Json table = parse_json(read_text(std::string(CS_SOURCE_DIR) + "/tests/data/zxcvbn_verdicts.json"));
    const Json* verdicts = json_member(table, "verdicts");
    REQUIRE(verdicts);
    REQUIRE(verdicts->is_array());
    CHECK(verdicts->size() >= 30);
    for (const Json& row : *verdicts) {
        const std::string password = json_string(row, "password");
        const int zxcvbn_score = static_cast<int>(json_int(row, "score", -1));
        CAPTURE(password);
        CAPTURE(zxcvbn_score);
        const PasswordVerdict ours = check(password);
        CHECK(std::abs(ours.score - zxcvbn_score) <= 1);
        CHECK(same_side_as_zxcvbn(password, row, password_dictionaries()));
    }
}

TEST_CASE("zxcvbn's well-known examples") {
    CHECK(check("password").score == 0);
    CHECK(check("correcthorsebatterystaple").score == 4);
    CHECK(check("Tr0ub4dour&3").score == 2);
    CHECK(check("qwER43@!").score == 2);
    CHECK(check("coRrecth0rseba++ery9.23.2007staple$").score == 4);
}

TEST_CASE("any text is safe to check: accents, symbols, very long input") {
    const PasswordVerdict accented = check("f\xC3\xA9" "estje-\xE2\x82\xAC" "42-caf\xC3\xA9-zon");
    CHECK(accented.score >= 3);
    CHECK(check("\xFF\xFE broken utf8 \xC3").score >= 0);
    const std::string very_long(500, 'x');
    CHECK_FALSE(check(very_long).accepted);
    std::string long_random;
    for (int k = 0; k < 30; ++k) long_random += "Zk#8vQ2m";
    CHECK(check(long_random).score >= 0);
}

TEST_CASE("the check is pure: same input, same verdict, whatever was checked before") {
    const PasswordVerdict first = check("GreenTree&BlueSky");
    check("password");
    const PasswordVerdict second = check("GreenTree&BlueSky");
    CHECK(first.score == second.score);
    CHECK(first.guesses_log10 == second.guesses_log10);
    CHECK(first.refusal == second.refusal);
}

TEST_CASE("dictionaries load from ranked text with list headers") {
    PasswordDictionaries d;
    d.add_ranked_text("passwords", "hunter2\r\nletmein\n\n");
    d.add_ranked_text("ignored", "#list names\nAlice\nbob\n#list passwords\ntrustno1\n");
    REQUIRE(d.find("passwords"));
    CHECK(d.find("passwords")->ranks.at(U"hunter2") == 1);
    CHECK(d.find("passwords")->ranks.at(U"letmein") == 2);
    CHECK(d.find("passwords")->ranks.at(U"trustno1") == 3);
    CHECK(d.find("names")->ranks.at(U"alice") == 1);
    CHECK(d.find("ignored") == nullptr);
    CHECK_FALSE(d.has_mirai_credentials());
    CHECK_FALSE(d.add_mirai_credentials("not json"));
    CHECK_FALSE(d.add_mirai_credentials("{\"credentials\": [{\"user\": \"root\"}]}"));
    CHECK_FALSE(d.has_mirai_credentials());
    // without the data the refusals cannot fire, which is why the screen waits for it
    CHECK(check_password("xc3511", d).refusal != PasswordRefusal::mirai_default);
}

TEST_CASE("dictionaries load rank buckets: every word of a bucket takes the bucket's rank") {
    PasswordDictionaries d;
    // what scripts/data_files.py writes: ranks 1, 2-3, 4-7, words alphabetical in a bucket
    d.add_ranked_text("passwords", "#rank 1\n123456\n#rank 2\nPassword\n12345678\n"
                                   "#rank 4\nqwerty\n1234\npassword\n12345\n");
    const RankedList* passwords = d.find("passwords");
    REQUIRE(passwords);
    CHECK(passwords->ranks.size() == 6);
    CHECK(passwords->ranks.at(U"123456") == 1);
    CHECK(passwords->ranks.at(U"12345678") == 2);  // both words of a bucket: its first rank
    CHECK(passwords->ranks.at(U"password") == 2);  // and a duplicate keeps the best rank
    CHECK(passwords->ranks.at(U"1234") == 4);      // the next bucket its own rank
    CHECK(passwords->ranks.at(U"12345") == 4);
    CHECK(passwords->ranks.at(U"qwerty") == 4);
    CHECK(passwords->longest_word == 8);
    // "#list" ends a bucket: a list without "#rank" ranks by position, as before
    d.add_ranked_text("ignored", "#list names\n#rank 8\nzoe\nalice\n#list surnames\nsmith\njones\n"
                                 "#rank 0\nbrown\n#rank two\ntaylor\n");
    CHECK(d.find("names")->ranks.at(U"zoe") == 8);
    CHECK(d.find("names")->ranks.at(U"alice") == 8);
    CHECK(d.find("surnames")->ranks.at(U"smith") == 1);
    CHECK(d.find("surnames")->ranks.at(U"jones") == 2);
    // a "#rank" that is not a positive integer is no bucket: its words rank by position
    CHECK(d.find("surnames")->ranks.at(U"brown") == 3);
    CHECK(d.find("surnames")->ranks.at(U"taylor") == 4);
    CHECK(d.find("ignored") == nullptr);
    // a bucketed common password is refused like any other, in its disguises too
    CHECK(check_password("12345678", d).refusal == PasswordRefusal::common_password);
    CHECK(check_password("PASSWORD", d).refusal == PasswordRefusal::common_password);
}

TEST_CASE("the lists' revision goes up with every list added, so a verdict made before is judged again") {
    PasswordDictionaries d;
    const unsigned empty = d.revision();
    d.add_ranked_text("passwords", "#rank 1\nqwerty\n");
    const unsigned with_common = d.revision();
    CHECK(with_common != empty);
    // an English dictionary arriving after a switch of language changes the verdict on a word
    const double guesses_before = check_password("waterfalls", d).guesses_log10;
    d.add_ranked_text("english_wikipedia", "#rank 1\nwaterfalls\n");
    CHECK(d.revision() != with_common);
    CHECK(check_password("waterfalls", d).guesses_log10 < guesses_before);
    CHECK(d.add_mirai_credentials(R"({"credentials":[{"user":"root","password":"xc3511"}]})"));
    CHECK(d.revision() != with_common);
}

TEST_CASE("what the check says of a bucketed common password holds for every position in its bucket") {
    // Bucket 8 holds positions 8-15: "one of the 10 most used" would be untrue for most of it.
    std::string text = "#rank 1\na1b2c3d4\n#rank 2\nb1b2c3d4\nc1b2c3d4\n#rank 4\n";
    for (const char* word : {"d1b2c3d4", "e1b2c3d4", "f1b2c3d4", "g1b2c3d4"}) text += std::string(word) + "\n";
    text += "#rank 8\n";
    for (const char* word : {"baseball", "football", "h1b2c3d4", "i1b2c3d4", "j1b2c3d4", "k1b2c3d4", "l1b2c3d4", "m1b2c3d4"})
        text += std::string(word) + "\n";
    PasswordDictionaries d;
    d.add_ranked_text("passwords", text);
    const RankedList& passwords = *d.find("passwords");
    CHECK(passwords.last_position(1) == 1);
    CHECK(passwords.last_position(4) == 7);
    CHECK(passwords.last_position(8) == 15);
    CHECK(check_password("f1b2c3d4", d).hint == PasswordHint::top10_password);     // positions 4-7
    CHECK(check_password("football", d).hint == PasswordHint::top100_password);    // positions 8-15
    // without buckets a word's rank is its position: rank 9 is one of the 10 most used
    PasswordDictionaries plain;
    std::string lines;
    for (int i = 1; i <= 9; ++i) lines += "word" + std::to_string(i) + "xyz\n";
    plain.add_ranked_text("passwords", lines);
    CHECK(plain.find("passwords")->last_position(9) == 9);
    CHECK(check_password("word9xyz", plain).hint == PasswordHint::top10_password);
}
