// themes.h — coding what a customer tells us to the field study's themes.
//
// The think-aloud study at a Dutch ISP heard the same few problems again and again: distrust
// of the e-mail, too much effort, no help from the maker, "my antivirus should have stopped
// this", not finding the device or its button, a reboot taken for a reset, trouble with the
// password, and not knowing whether it worked. Every feedback entry gets one or more of these
// codes so the provider sees where people struggle; the helpdesk can correct a code later.
//
// Quick chips carry their theme directly (a chip that depends on where the customer is, such
// as "I can't find it", takes the theme of the step). Free text is coded with a per-language
// lexicon, kept as data in locales/themes/<language>.json:
//
//   {"language": "nl", "negations": ["niet", "geen", ...], "negation_window": 3,
//    "spellings": {"wachtwoort": "wachtwoord", ...},
//    "problems": ["moeilijk", ...], "questions": ["hoe", "welk", ...],
//    "themes": {"trust": ["phishing", "?vertrouw*", ...], ...}}
//
// A pattern is one or more words. In a word, "*" at the end matches any ending (a stem:
// "vertrouw*" matches "vertrouwen", "vertrouwd") and "*" at the start any beginning (Dutch
// compounds: "*wachtwoord" matches "routerwachtwoord"); "_" is any one word; a pattern that
// starts with "^" matches only at the start of a sentence ("^krijg ik": a question asked
// without a question mark, as people type on phones). Long words also
// match with one typing slip (one letter missing, extra, wrong or two swapped). Text is
// lower-cased, accents are dropped and the "spellings" map repairs common misspellings first.
// A pattern's first character says how it counts:
//   plain    "phishing"   always codes its theme;
//   "!"      "!te lang"   a problem statement that a negation shortly before cancels
//                         ("het duurt niet te lang" codes nothing);
//   "?"      "?wachtwoord" a topic: it codes its theme only when the same sentence says there is
//                         a problem — a question, a negation that cancelled nothing ("het
//                         wachtwoord werkt niet"), a problem word, or a plain or "!" match.
//                         "Het wachtwoord instellen ging prima" is praise, not a complaint.
// "problems" are "!" patterns without a theme: they only make topics count. "questions" are
// words that ask something even without a question mark ("ik weet niet welk apparaat"): like a
// question mark they make topics count, and no negation cancels them.
// A sentence that codes nothing is "other".
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cleanslate {

// --- Themes ---------------------------------------------------------------------------------
enum class Theme {
    trust, effort, manufacturer_support, protection_expectation, identification,
    reset_confusion, password_difficulty, success_uncertainty, other,
};
constexpr int kThemeCount = 9;
const char* theme_code(Theme theme);                       // "trust", "reset_confusion", ...
bool theme_from_code(std::string_view code, Theme& out);

// --- Quick chips ----------------------------------------------------------------------------
enum class Chip { not_trusted, too_long, cannot_find, maker_no_help, antivirus, not_sure_worked, stuck };
constexpr Chip kChips[] = {Chip::not_trusted, Chip::too_long, Chip::cannot_find, Chip::maker_no_help,
                           Chip::antivirus, Chip::not_sure_worked, Chip::stuck};
const char* chip_code(Chip chip);                          // "not_trusted", ...; locale key feedback.chip.<code>
bool chip_from_code(std::string_view code, Chip& out);
// The theme a chip stands for. "I can't find it" and "I'm stuck" mean what the step is about:
// the device while identifying, the button or a sign while resetting, the setting while
// choosing a password (step ids from flow.h's step_id()).
Theme chip_theme(Chip chip, std::string_view step);

// --- Free text --------------------------------------------------------------------------------
class ThemeLexicon {
public:
    // Reads a lexicon file; false with `error` naming the field and the problem.
    bool load(std::string_view json_text, std::string& error);
    const std::string& language() const { return language_; }

    // The themes of a text, in the order of the Theme enum; {other} when nothing matched.
    std::vector<Theme> code(std::string_view text) const;

private:
    enum class Kind { plain, problem, topic, question };
    struct Word { std::string text; bool any_start = false, any_end = false, any_word = false; };
    struct Pattern {
        std::vector<Word> words;
        Kind kind = Kind::plain;
        int theme = -1;          // -1: no theme (a problem or question word)
        bool at_start = false;   // "^": only as the sentence's first words
    };

    bool word_matches(const Word& word, const std::string& token) const;
    size_t match_at(const Pattern& pattern, const std::vector<std::string>& tokens, size_t at) const;

    std::string language_;
    std::vector<std::string> negations_;
    size_t negation_window_ = 3;
    std::vector<std::pair<std::string, std::vector<std::string>>> spellings_;
    std::vector<Pattern> patterns_;
};

// Lower case, accents dropped, split into sentences of words (apostrophes stay inside words:
// "don't"); a sentence remembers whether it asked a question. Exposed for the tests.
struct Sentence { std::vector<std::string> words; bool question = false; };
std::vector<Sentence> split_sentences(std::string_view text);

}  // namespace cleanslate
