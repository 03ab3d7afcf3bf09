// themes.cpp — theme codes, chips, and the lexicon matcher for free text.
#include "core/themes.h"
#include "core/json.h"

#include <algorithm>
#include <array>

namespace cleanslate {

// --- Codes ----------------------------------------------------------------------------------
namespace {
constexpr std::array<const char*, kThemeCount> kThemeCodes = {
    "trust", "effort", "manufacturer_support", "protection_expectation", "identification",
    "reset_confusion", "password_difficulty", "success_uncertainty", "other"};
constexpr std::array<const char*, 7> kChipCodes = {
    "not_trusted", "too_long", "cannot_find", "maker_no_help", "antivirus", "not_sure_worked", "stuck"};

// What a step is about, for the chips whose meaning depends on it.
Theme step_theme(std::string_view step) {
    if (step == "identify") return Theme::identification;
    if (step == "disconnect" || step == "reset" || step == "verify_reset") return Theme::reset_confusion;
    if (step == "password") return Theme::password_difficulty;
    return Theme::other;
}
}  // namespace

const char* theme_code(Theme theme) { return kThemeCodes[static_cast<size_t>(theme)]; }

bool theme_from_code(std::string_view code, Theme& out) {
    for (size_t i = 0; i < kThemeCodes.size(); ++i)
        if (code == kThemeCodes[i]) { out = static_cast<Theme>(i); return true; }
    return false;
}

const char* chip_code(Chip chip) { return kChipCodes[static_cast<size_t>(chip)]; }

bool chip_from_code(std::string_view code, Chip& out) {
    for (size_t i = 0; i < kChipCodes.size(); ++i)
        if (code == kChipCodes[i]) { out = static_cast<Chip>(i); return true; }
    return false;
}

Theme chip_theme(Chip chip, std::string_view step) {
    switch (chip) {
        case Chip::not_trusted: return Theme::trust;
        case Chip::too_long: return Theme::effort;
        case Chip::maker_no_help: return Theme::manufacturer_support;
        case Chip::antivirus: return Theme::protection_expectation;
        case Chip::not_sure_worked: return Theme::success_uncertainty;
        case Chip::cannot_find:
        case Chip::stuck: return step_theme(step);
    }
    return Theme::other;
}

// --- Normalising text -------------------------------------------------------------------------
namespace {
// Latin-1 letters U+00C0..U+00FF (UTF-8 C3 80..C3 BF) without their accents; '\0' = not a letter.
constexpr char kFolded[64 + 1] =
    "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyts"    // C0..DF: À..ß (× is not a letter)
    "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty";   // E0..FF: à..ÿ (÷ is not a letter)

bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\''; }

void end_word(std::string& word, Sentence& sentence) {
    while (!word.empty() && word.back() == '\'') word.pop_back();
    size_t start = word.find_first_not_of('\'');
    if (start != std::string::npos) sentence.words.push_back(word.substr(start));
    word.clear();
}
}  // namespace

std::vector<Sentence> split_sentences(std::string_view text) {
    std::vector<Sentence> sentences(1);
    std::string word;
    auto end_sentence = [&](bool question) {
        end_word(word, sentences.back());
        if (question) sentences.back().question = true;
        if (!sentences.back().words.empty() || sentences.back().question) sentences.emplace_back();
    };
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        char letter = 0;
        if (c < 0x80) {
            letter = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else if (c == 0xC3 && i + 1 < text.size()) {
            unsigned char next = static_cast<unsigned char>(text[++i]);
            if (next >= 0x80 && next <= 0xBF) letter = kFolded[next - 0x80];
        } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
            unsigned char last = static_cast<unsigned char>(text[i + 2]);
            i += 2;
            if (last == 0x98 || last == 0x99) letter = '\'';          // ‘ ’ typed by phones for '
            else if (last == 0xA6) { end_sentence(false); continue; }  // …
        } else {
            // Any other multi-byte character separates words: skip its continuation bytes.
            while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) ++i;
        }
        if (letter && is_word_char(letter)) { word += letter; continue; }
        if (letter == '?') end_sentence(true);
        else if (letter == '.' || letter == '!' || letter == ';' || letter == '\n') end_sentence(false);
        else end_word(word, sentences.back());
    }
    end_word(word, sentences.back());
    if (sentences.back().words.empty() && !sentences.back().question) sentences.pop_back();
    return sentences;
}

// --- Matching words -----------------------------------------------------------------------------
namespace {
// True when a and b differ by at most one letter added, dropped, changed, or two neighbours swapped.
bool within_one_slip(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (i == a.size()) return true;
    if (a.size() == b.size()) {
        if (a.substr(i + 1) == b.substr(i + 1)) return true;                       // one changed
        return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);  // swapped
    }
    return a.substr(i) == b.substr(i + 1);                                         // one missing
}

// Only long words get the slip allowance: short ones would match too much ("lang" ~ "land").
constexpr size_t kSlipMinimum = 6;
}  // namespace

bool ThemeLexicon::word_matches(const Word& word, const std::string& token) const {
    if (word.any_word) return true;
    const std::string& w = word.text;
    if (word.any_start && word.any_end) return token.find(w) != std::string::npos;
    if (word.any_start) return token.size() >= w.size() && token.compare(token.size() - w.size(), w.size(), w) == 0;
    if (word.any_end) {
        if (token.compare(0, w.size(), w) == 0) return true;
        if (w.size() < kSlipMinimum) return false;
        // A slip inside the stem: compare the stem with the token's start of about its length.
        for (size_t n = w.size() - 1; n <= w.size() + 1 && n <= token.size(); ++n)
            if (within_one_slip(w, std::string_view(token).substr(0, n))) return true;
        return false;
    }
    if (token == w) return true;
    return w.size() >= kSlipMinimum && within_one_slip(w, token);
}

size_t ThemeLexicon::match_at(const Pattern& pattern, const std::vector<std::string>& tokens, size_t at) const {
    if (at + pattern.words.size() > tokens.size() || (pattern.at_start && at != 0)) return 0;
    for (size_t k = 0; k < pattern.words.size(); ++k)
        if (!word_matches(pattern.words[k], tokens[at + k])) return 0;
    return pattern.words.size();
}

// --- Coding a text ----------------------------------------------------------------------------------
std::vector<Theme> ThemeLexicon::code(std::string_view text) const {
    std::array<bool, kThemeCount> found{};
    for (Sentence& sentence : split_sentences(text)) {
        // Repair common misspellings first ("wachtwoort", "dont").
        std::vector<std::string> tokens;
        for (const std::string& token : sentence.words) {
            auto repair = std::find_if(spellings_.begin(), spellings_.end(), [&](const auto& s) { return s.first == token; });
            if (repair == spellings_.end()) tokens.push_back(token);
            else tokens.insert(tokens.end(), repair->second.begin(), repair->second.end());
        }
        auto is_negation = [&](const std::string& token) {
            return std::find(negations_.begin(), negations_.end(), token) != negations_.end();
        };
        std::vector<bool> negation_used(tokens.size(), false);
        std::vector<bool> inside_match(tokens.size(), false);
        std::vector<int> topics;
        bool problem_said = sentence.question;
        for (const Pattern& pattern : patterns_) {
            for (size_t at = 0; at < tokens.size(); ++at) {
                size_t length = match_at(pattern, tokens, at);
                if (length == 0) continue;
                if (pattern.kind == Kind::topic) { topics.push_back(pattern.theme); continue; }
                if (pattern.kind == Kind::question) { problem_said = true; continue; }
                for (size_t k = at; k < at + length; ++k) inside_match[k] = true;
                if (pattern.kind == Kind::problem) {
                    // "niet moeilijk", "not too long": a negation just before cancels the problem.
                    size_t from = at > negation_window_ ? at - negation_window_ : 0;
                    bool cancelled = false;
                    for (size_t k = from; k < at; ++k)
                        if (is_negation(tokens[k])) { negation_used[k] = true; cancelled = true; }
                    if (cancelled) continue;
                }
                problem_said = true;
                if (pattern.theme >= 0) found[static_cast<size_t>(pattern.theme)] = true;
            }
        }
        // A "not" that cancelled nothing says something does not work: "het wachtwoord werkt niet".
        for (size_t k = 0; k < tokens.size(); ++k)
            if (is_negation(tokens[k]) && !negation_used[k] && !inside_match[k]) problem_said = true;
        if (problem_said)
            for (int theme : topics) found[static_cast<size_t>(theme)] = true;
    }
    std::vector<Theme> themes;
    for (size_t i = 0; i < found.size(); ++i)
        if (found[i]) themes.push_back(static_cast<Theme>(i));
    if (themes.empty()) themes.push_back(Theme::other);
    return themes;
}

// --- Loading a lexicon ------------------------------------------------------------------------------
namespace {
// A word of a pattern: lower-case letters, digits and apostrophes, "*" only at its ends, or "_".
bool valid_pattern_word(const std::string& word) {
    if (word == "_") return true;
    size_t start = word.front() == '*' ? 1 : 0;
    size_t end = word.size() - (word.size() > start && word.back() == '*' ? 1 : 0);
    if (end <= start) return false;
    for (size_t i = start; i < end; ++i)
        if (!is_word_char(word[i])) return false;
    return true;
}

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    size_t at = 0;
    while (at < text.size()) {
        size_t space = text.find(' ', at);
        if (space == std::string::npos) space = text.size();
        words.push_back(text.substr(at, space - at));
        at = space + 1;
    }
    return words;
}
}  // namespace

bool ThemeLexicon::load(std::string_view json_text, std::string& error) {
    Json data = parse_json(json_text);
    if (!data.is_object()) { error = "not a JSON object"; return false; }
    ThemeLexicon lexicon;
    lexicon.language_ = json_string(data, "language");
    if (lexicon.language_.size() < 2 || lexicon.language_.size() > 3) { error = "language: must be a 2 or 3 letter code"; return false; }

    const Json* negations = json_member(data, "negations");
    if (!negations || !negations->is_array() || negations->empty()) { error = "negations: must be a list of words"; return false; }
    for (const Json& word : *negations) {
        if (!word.is_string() || !valid_pattern_word(word.get<std::string>()) || word.get<std::string>().find('*') != std::string::npos) {
            error = "negations: '" + word.dump() + "' is not one lower-case word";
            return false;
        }
        lexicon.negations_.push_back(word.get<std::string>());
    }
    int64_t window = json_int(data, "negation_window", 3);
    if (window < 1 || window > 6) { error = "negation_window: must be 1 to 6 words"; return false; }
    lexicon.negation_window_ = static_cast<size_t>(window);

    if (const Json* spellings = json_member(data, "spellings")) {
        if (!spellings->is_object()) { error = "spellings: must map a misspelt word to its repair"; return false; }
        for (const auto& [wrong, right] : spellings->items()) {
            if (!right.is_string() || right.get<std::string>().empty() || !valid_pattern_word(wrong) || wrong.find('*') != std::string::npos) {
                error = "spellings." + wrong + ": must be one lower-case word mapped to its repair";
                return false;
            }
            lexicon.spellings_.emplace_back(wrong, split_words(right.get<std::string>()));
        }
    }

    // Adds the patterns of one list; theme -1 is the "problems" or "questions" list (no prefix written).
    auto add_patterns = [&](const Json& list, int theme, const std::string& where, Kind untyped = Kind::plain) {
        if (!list.is_array() || list.empty()) { error = where + ": must be a non-empty list of patterns"; return false; }
        for (size_t i = 0; i < list.size(); ++i) {
            std::string at = where + "[" + std::to_string(i) + "]";
            if (!list[i].is_string() || list[i].get<std::string>().empty()) { error = at + ": must be a pattern"; return false; }
            std::string text = list[i].get<std::string>();
            Pattern pattern;
            pattern.theme = theme;
            pattern.kind = theme < 0 ? untyped : Kind::plain;
            if (theme >= 0 && (text[0] == '!' || text[0] == '?')) {
                pattern.kind = text[0] == '!' ? Kind::problem : Kind::topic;
                text.erase(0, 1);
            }
            if (!text.empty() && text[0] == '^') {
                pattern.at_start = true;
                text.erase(0, 1);
            }
            if (text.empty() || text.front() == ' ' || text.back() == ' ' || text.find("  ") != std::string::npos) {
                error = at + ": '" + list[i].get<std::string>() + "' must be words separated by single spaces";
                return false;
            }
            for (const std::string& w : split_words(text)) {
                if (!valid_pattern_word(w)) {
                    error = at + ": '" + list[i].get<std::string>() + "': '" + w +
                            "' is not a lower-case word (letters, digits, ' and * at its ends, or _)";
                    return false;
                }
                Word word;
                word.any_word = w == "_";
                word.any_start = !word.any_word && w.front() == '*';
                word.any_end = !word.any_word && w.size() > 1 && w.back() == '*';
                word.text = word.any_word ? "" : w.substr(word.any_start ? 1 : 0, w.size() - word.any_start - word.any_end);
                pattern.words.push_back(std::move(word));
            }
            if (std::all_of(pattern.words.begin(), pattern.words.end(), [](const Word& w) { return w.any_word; })) {
                error = at + ": a pattern needs at least one real word";
                return false;
            }
            lexicon.patterns_.push_back(std::move(pattern));
        }
        return true;
    };
    const Json* problems = json_member(data, "problems");
    if (!problems || !add_patterns(*problems, -1, "problems", Kind::problem)) { if (!problems) error = "problems: missing"; return false; }
    if (const Json* questions = json_member(data, "questions"); questions && !add_patterns(*questions, -1, "questions", Kind::question))
        return false;
    const Json* themes = json_member(data, "themes");
    if (!themes || !themes->is_object()) { error = "themes: must map each theme to its patterns"; return false; }
    for (const auto& [code, list] : themes->items()) {
        Theme theme;
        if (!theme_from_code(code, theme) || theme == Theme::other) {
            error = "themes." + code + ": not a theme (other is what matches nothing)";
            return false;
        }
        if (!add_patterns(list, static_cast<int>(theme), "themes." + code)) return false;
    }
    for (int t = 0; t < kThemeCount - 1; ++t)
        if (!json_member(*themes, kThemeCodes[static_cast<size_t>(t)])) {
            error = std::string("themes.") + kThemeCodes[static_cast<size_t>(t)] + ": missing";
            return false;
        }
    *this = std::move(lexicon);
    return true;
}

}  // namespace cleanslate
