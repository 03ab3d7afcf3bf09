// passphrase.cpp — word lists, unbiased choice, and the passphrase itself.
#include "core/passphrase.h"
#include "core/password_scoring.h"
#include "core/text_lines.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace cleanslate {
namespace {

constexpr size_t kMinWordLength = 3;
constexpr size_t kMaxWordLength = 7;
constexpr int kMinWords = 3;
constexpr int kMaxWords = 6;
constexpr std::string_view kSeparatorDigits = "23456789";  // no 0/O or 1/l confusion

bool typeable_word(std::string_view word) {
    if (word.size() < kMinWordLength || word.size() > kMaxWordLength) return false;
    return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Number of ways to pick `count` words (in order) whose letters add up to at most `letters`.
double combinations_within(const std::vector<double>& words_of_length, int count, size_t letters) {
    std::vector<double> ways(letters + 1, 0);  // ways[t]: sequences so far using exactly t letters
    ways[0] = 1;
    for (int k = 0; k < count; ++k) {
        std::vector<double> next(letters + 1, 0);
        for (size_t used = 0; used <= letters; ++used) {
            if (ways[used] == 0) continue;
            for (size_t length = kMinWordLength; length <= kMaxWordLength && used + length <= letters; ++length)
                next[used + length] += ways[used] * words_of_length[length];
        }
        ways = std::move(next);
    }
    double total = 0;
    for (double w : ways) total += w;
    return total;
}

}  // namespace

// --- Word list --------------------------------------------------------------------------
std::vector<std::string> load_passphrase_words(std::string_view text) {
    std::vector<std::string> words;
    std::set<std::string_view> seen;
    for_each_line(text, [&](std::string_view line) {
        if (typeable_word(line) && seen.insert(line).second) words.emplace_back(line);
    });
    return words;
}

// --- Randomness -------------------------------------------------------------------------
uint32_t uniform_below(const RandomSource& random, uint32_t bound) {
    // Reject the top sliver of the 32-bit range that would make small values more likely.
    const uint32_t limit = UINT32_MAX - (UINT32_MAX % bound);
    uint32_t value;
    do value = random();
    while (value >= limit);
    return value % bound;
}

// --- Generation -------------------------------------------------------------------------
// A uniform real in [0, 1) from two draws (53 bits), for weighting word lengths.
static double uniform_unit(const RandomSource& random) {
    const uint64_t high = random() >> 5, low = random() >> 6;  // 27 + 26 bits
    return (static_cast<double>(high) * 67108864.0 + static_cast<double>(low)) / 9007199254740992.0;
}

Passphrase generate_passphrase(const std::vector<std::string>& words, const RandomSource& random, const PassphraseOptions& options) {
    Passphrase result;
    std::vector<std::vector<const std::string*>> by_length(kMaxWordLength + 1);
    std::vector<double> words_of_length(kMaxWordLength + 1, 0);
    for (const std::string& w : words) {
        if (!typeable_word(w)) continue;
        by_length[w.size()].push_back(&w);
        words_of_length[w.size()] += 1;
    }

    // The requested number of words if they fit within max_length, else fewer (never below 3).
    int count = std::clamp(options.word_count, kMinWords, kMaxWords);
    size_t letter_budget = 0;
    double combinations = 0;
    for (; count >= kMinWords; --count) {
        const size_t separators = static_cast<size_t>(count - 1);
        if (options.max_length < separators + kMinWordLength * static_cast<size_t>(count)) continue;
        letter_budget = std::min(options.max_length - separators, kMaxWordLength * static_cast<size_t>(count));
        combinations = combinations_within(words_of_length, count, letter_budget);
        if (combinations >= 1) break;
    }
    if (count < kMinWords) return result;
    const size_t separators = static_cast<size_t>(count - 1);

    // Every sequence of words that fits the budget is equally likely: each word's length is
    // drawn in proportion to how many fitting sequences start with it, then the word itself
    // uniformly among words of that length. Without a tight budget this is a plain uniform pick.
    size_t budget = letter_budget;
    for (int k = 0; k < count; ++k) {
        const int remaining = count - k - 1;
        const double total = combinations_within(words_of_length, remaining + 1, budget);
        double target = uniform_unit(random) * total;
        size_t length = kMinWordLength;
        for (size_t candidate = kMinWordLength; candidate <= kMaxWordLength && candidate <= budget; ++candidate) {
            const double weight = words_of_length[candidate] * combinations_within(words_of_length, remaining, budget - candidate);
            if (weight <= 0) continue;
            length = candidate;
            if (target < weight) break;
            target -= weight;
        }
        const auto& pool = by_length[length];
        if (k > 0) result.text.push_back(kSeparatorDigits[uniform_below(random, static_cast<uint32_t>(kSeparatorDigits.size()))]);
        result.text += *pool[uniform_below(random, static_cast<uint32_t>(pool.size()))];
        budget -= length;
    }
    result.entropy_bits = std::log2(combinations) + static_cast<double>(separators) * std::log2(static_cast<double>(kSeparatorDigits.size()));
    return result;
}

// --- Strength without the estimator -------------------------------------------------------
// An attacker who knows the list and the format needs on average half the possibilities.
StrengthClass passphrase_strength(const Passphrase& passphrase) {
    if (passphrase.text.empty()) return StrengthClass::weak;
    double expected_guesses = std::pow(2.0, passphrase.entropy_bits - 1);
    return strength_class_for_score(guesses_to_score(expected_guesses));
}

}  // namespace cleanslate
