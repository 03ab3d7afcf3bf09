// password_scoring.h — zxcvbn's guess counting: how many guesses each pattern costs an
// attacker, and the cheapest way to cover the whole password with patterns.
// Follows zxcvbn 4.4 (Debian python3-zxcvbn) so our verdicts can be checked against it.
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace cleanslate {

// --- Patterns ------------------------------------------------------------------------
enum class PatternKind { dictionary, spatial, repeat, sequence, year, date, bruteforce };

// One way to explain the characters [i, j] of the password. Fields beyond the first group
// belong to one kind each.
struct PasswordMatch {
    PatternKind kind = PatternKind::bruteforce;
    size_t i = 0, j = 0;      // first and last code point covered, inclusive
    std::u32string token;     // password[i..j] as typed

    // dictionary
    std::string list_name;    // which ranked list matched (see password_dictionaries.h)
    std::u32string matched_word;
    int rank = 0;
    int last_position = 0;    // the word's position in frequency order is at most this
    bool reversed = false;
    bool l33t = false;
    std::vector<std::pair<char32_t, char32_t>> l33t_subs;  // (typed symbol, letter it stands for)

    // spatial (keyboard walk)
    std::string graph_name;
    int turns = 0;
    int shifted_count = 0;

    // repeat
    std::u32string base_token;
    double base_guesses = 0;
    double repeat_count = 0;

    // sequence
    bool ascending = true;

    // date and year
    int year = 0;
    bool date_has_separator = false;

    double guesses = 0;       // filled by estimate_guesses
};

// --- Constants ------------------------------------------------------------------------
// Distances between a typed year and this one set how many years an attacker must try. We keep
// zxcvbn 4.4's 2017 so verdicts stay on its tested calibration: a later reference would rate
// birth dates (name + 180282) stronger. Recent years are matched up to 2039 (zxcvbn: 2019).
inline constexpr int kReferenceYear = 2017;

// --- Guesses --------------------------------------------------------------------------
// Guesses for one match as part of a password of `password_length` code points.
double estimate_guesses(const PasswordMatch& match, size_t password_length);

struct GuessEstimate {
    double guesses = 1;
    std::vector<PasswordMatch> sequence;  // the cheapest cover, left to right
};

// The minimum-guesses decomposition (zxcvbn's most_guessable_match_sequence): fills the
// guesses of every candidate and chooses non-overlapping matches, bruteforce in the gaps.
GuessEstimate most_guessable_match_sequence(const std::u32string& password,
                                            std::vector<PasswordMatch> candidates);

// zxcvbn's score: 0 (< 10^3 guesses) .. 4 (>= 10^10).
int guesses_to_score(double guesses);

}  // namespace cleanslate
