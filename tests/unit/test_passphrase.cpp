// Generated passphrases: typeable on a phone, inside device limits, honest about their entropy,
// and rated strong by our own estimator.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "core/passphrase.h"
#include "core/password_strength.h"
#include "test_support.h"

using namespace cleanslate;
using cleanslate::test::password_dictionaries;
using cleanslate::test::built_data;
using cleanslate::test::source_file;

namespace {

// Tests use a seeded generator; the wizard passes crypto.getRandomValues.
RandomSource seeded(uint32_t seed) {
    auto engine = std::make_shared<std::mt19937>(seed);
    return [engine] { return static_cast<uint32_t>((*engine)()); };
}

bool typeable(const std::string& text) {
    for (char c : text)
        if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '9'))) return false;
    return true;
}

}  // namespace

TEST_CASE("each language has at least 2048 short, plain, distinct words") {
    for (const char* file : {"words-nl.txt", "words-en.txt"}) {
        CAPTURE(file);
        const std::vector<std::string> words = load_passphrase_words(built_data(file));
        CHECK(words.size() >= 2048);
        std::set<std::string> distinct(words.begin(), words.end());
        CHECK(distinct.size() == words.size());
        for (const std::string& w : words) {
            CHECK(w.size() >= 3);
            CHECK(w.size() <= 7);
            CHECK(typeable(w));
        }
    }
}

TEST_CASE("the blocklist keeps rude and unsettling words out") {
    const std::vector<std::string> nl = load_passphrase_words(built_data("words-nl.txt"));
    const std::vector<std::string> en = load_passphrase_words(built_data("words-en.txt"));
    const std::set<std::string> all = [&] {
        std::set<std::string> s(nl.begin(), nl.end());
        s.insert(en.begin(), en.end());
        return s;
    }();
    for (const char* word : {"kanker", "dood", "moord", "virus", "kill", "dead", "shit", "hack", "admin", "password"}) {
        CAPTURE(word);
        CHECK(all.count(word) == 0);
    }
}

TEST_CASE("a passphrase is four lowercase words joined by digits 2-9, inside 8-32 characters") {
    const std::vector<std::string> words = load_passphrase_words(built_data("words-nl.txt"));
    const RandomSource random = seeded(2024);
    for (int k = 0; k < 200; ++k) {
        const Passphrase p = generate_passphrase(words, random);
        CAPTURE(p.text);
        CHECK(p.text.size() >= 15);
        CHECK(p.text.size() <= 32);
        CHECK(typeable(p.text));
        int digits = 0;
        for (char c : p.text) digits += (c >= '2' && c <= '9');
        CHECK(digits == 3);
    }
}

TEST_CASE("the entropy is reported: 4 x log2(words) + 3 x log2(8) without a tight limit") {
    const std::vector<std::string> words = load_passphrase_words(built_data("words-en.txt"));
    const Passphrase p = generate_passphrase(words, seeded(1));
    CHECK(p.entropy_bits == doctest::Approx(4 * std::log2(static_cast<double>(words.size())) + 3 * 3.0).epsilon(1e-9));
    CHECK(p.entropy_bits >= 50);
}

TEST_CASE("a device with a 16-character limit gets fewer or shorter words, and a lower entropy") {
    const std::vector<std::string> words = load_passphrase_words(built_data("words-nl.txt"));
    PassphraseOptions tight;
    tight.max_length = 16;
    const RandomSource random = seeded(7);
    const double full = generate_passphrase(words, random).entropy_bits;
    for (int k = 0; k < 50; ++k) {
        const Passphrase p = generate_passphrase(words, random, tight);
        CAPTURE(p.text);
        CHECK(p.text.size() >= 8);
        CHECK(p.text.size() <= 16);
        CHECK(p.entropy_bits < full);
        CHECK(p.entropy_bits > 30);
        CHECK(check_password(p.text, password_dictionaries()).accepted);
    }
    tight.max_length = 10;  // cannot hold even three words and two digits
    CHECK(generate_passphrase(words, random, tight).text.empty());
}

TEST_CASE("five words are possible where the device allows the length") {
    const std::vector<std::string> words = load_passphrase_words(built_data("words-en.txt"));
    PassphraseOptions five;
    five.word_count = 5;
    five.max_length = 40;
    const Passphrase p = generate_passphrase(words, seeded(5), five);
    int digits = 0;
    for (char c : p.text) digits += (c >= '2' && c <= '9');
    CHECK(digits == 4);
    CHECK(p.entropy_bits > 60);
}

TEST_CASE("the same seed gives the same passphrase; different seeds differ") {
    const std::vector<std::string> words = load_passphrase_words(built_data("words-nl.txt"));
    CHECK(generate_passphrase(words, seeded(42)).text == generate_passphrase(words, seeded(42)).text);
    std::set<std::string> seen;
    for (uint32_t seed = 0; seed < 100; ++seed) seen.insert(generate_passphrase(words, seeded(seed)).text);
    CHECK(seen.size() == 100);
}

TEST_CASE("every generated passphrase, Dutch or English, is accepted and rated strong") {
    for (const char* file : {"words-nl.txt", "words-en.txt"}) {
        const std::vector<std::string> words = load_passphrase_words(built_data(file));
        const RandomSource random = seeded(99);
        for (int k = 0; k < 100; ++k) {
            const Passphrase p = generate_passphrase(words, random);
            CAPTURE(p.text);
            const PasswordVerdict verdict = check_password(p.text, password_dictionaries());
            CHECK(verdict.accepted);
            CHECK(verdict.score >= 3);
        }
    }
}

TEST_CASE("uniform_below stays in range and skips the biased top of the range") {
    uint32_t calls = 0;
    const RandomSource top_then_low = [&calls]() -> uint32_t { return calls++ == 0 ? UINT32_MAX : 5u; };
    CHECK(uniform_below(top_then_low, 10) == 5);
    CHECK(calls == 2);
    const RandomSource random = seeded(3);
    for (int k = 0; k < 1000; ++k) CHECK(uniform_below(random, 7) < 7);
}

TEST_CASE("damaged word lists cannot produce untypeable passphrases") {
    const std::vector<std::string> words = load_passphrase_words("fiets\r\nBoom\ncaf\xC3\xA9\nab\nverylongword\nwolk\nwolk\ntafel\n");
    CHECK(words == std::vector<std::string>{"fiets", "wolk", "tafel"});
    CHECK(generate_passphrase({}, seeded(1)).text.empty());
}

// --- The built-in lists: a suggestion even when the full lists never arrived -----------------
TEST_CASE("the built-in word lists are the 512 most common words of each full list") {
    for (const char* language : {"nl", "en"}) {
        CAPTURE(language);
        const std::vector<std::string>& builtin = builtin_passphrase_words(language);
        CHECK(builtin.size() == 512);
        std::vector<std::string> full = load_passphrase_words(built_data(std::string("words-") + language + ".txt"));
        std::set<std::string> in_full(full.begin(), full.end());
        for (const std::string& word : builtin) CHECK(in_full.count(word) == 1);
        Passphrase p = generate_passphrase(builtin, seeded(7));
        CHECK(typeable(p.text));
        CHECK(p.entropy_bits == doctest::Approx(4 * 9 + 3 * std::log2(8.0)));
    }
    CHECK(builtin_passphrase_words("nl") != builtin_passphrase_words("en"));
    CHECK(builtin_passphrase_words("fr") == builtin_passphrase_words("nl"));
}

TEST_CASE("a passphrase's strength class follows from how it was made") {
    Passphrase full = generate_passphrase(load_passphrase_words(built_data("words-nl.txt")), seeded(3));
    Passphrase builtin = generate_passphrase(builtin_passphrase_words("nl"), seeded(3));
    CHECK(passphrase_strength(full) == StrengthClass::very_strong);      // 53 bits
    CHECK(passphrase_strength(builtin) == StrengthClass::very_strong);   // 45 bits: 1.8e13 guesses
    CHECK(passphrase_strength(Passphrase{"", 0}) == StrengthClass::weak);
    CHECK(passphrase_strength(Passphrase{"x", 25}) == StrengthClass::fair);     // 1.7e7 guesses
    CHECK(passphrase_strength(Passphrase{"x", 30}) == StrengthClass::strong);   // 5.4e8 guesses
}
