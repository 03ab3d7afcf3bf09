// passphrase.h — generated passphrases the customer can read off the screen and type on a phone.
//
// Format: 4 common words in the customer's language, lowercase a-z, joined by one digit each:
//     "fiets4boom7wolk2tafel"
// Why this shape:
//   - lowercase words: no shift key, no diacritics, easy to read aloud to a helpdesk;
//   - a digit between words marks where a word ends (readable without spaces, which many
//     devices refuse) and satisfies the common "must contain a digit" rule; one trip to the
//     phone's number keys per word, no symbols that some devices reject;
//   - digits 2-9 only: 0 and 1 are easily read as O and l;
//   - 4 words of 3-7 letters give 15-31 characters, inside the usual 8-32 limit. A device
//     with a tighter limit (some cameras allow 16) passes max_length and gets shorter words,
//     or one word fewer when four cannot fit (never fewer than 3); entropy_bits says what
//     that costs.
// Entropy with the default 2048-word lists: 4 x 11 + 3 x 3 = 53 bits. Against an online guesser
// like Mirai (tens of guesses a minute) that is far beyond reach; the estimator rates it 4.
//
// Randomness comes from the caller: the wizard passes the browser's crypto.getRandomValues,
// tests pass a seeded generator. Nothing is kept after the call returns.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/password_strength.h"

namespace cleanslate {

// Returns a uniformly random 32-bit value on each call.
using RandomSource = std::function<uint32_t()>;

struct PassphraseOptions {
    int word_count = 4;          // clamped to 3..6; lowered if that many cannot fit max_length
    size_t max_length = 32;      // characters
};

struct Passphrase {
    std::string text;            // empty if the word list or options make it impossible
    double entropy_bits = 0;     // of the process, given the list and options, not of this text
};

// A words-<lang>.txt file: one word a line. Lines that are not 3-7 lowercase letters a-z are
// skipped, as are duplicates, so a damaged file cannot produce untypeable passphrases.
std::vector<std::string> load_passphrase_words(std::string_view text);

// A number uniformly distributed in [0, bound), without modulo bias. bound must be > 0.
uint32_t uniform_below(const RandomSource& random, uint32_t bound);

// The most common words of the passphrase list of a language ("nl" or "en"; anything else
// gives Dutch), compiled into the wizard at build time (scripts/make-wordlists.py): 512 words
// each, so a suggestion from them has 4 x 9 + 3 x 3 = 45 bits. The password step uses them when
// the full lists are not there (the home is off the internet and they were never cached), so it
// can always suggest a passphrase.
const std::vector<std::string>& builtin_passphrase_words(std::string_view language);

// The strength class of a generated passphrase, from the entropy of how it was made (what an
// attacker who knows the word list faces), on zxcvbn's scale: used when the estimator's
// dictionaries are not loaded.
StrengthClass passphrase_strength(const Passphrase& passphrase);

Passphrase generate_passphrase(const std::vector<std::string>& words, const RandomSource& random,
                               const PassphraseOptions& options = {});

}  // namespace cleanslate
