// password_strength.cpp — guesses, score, refusal and hint for one candidate password.
#include "core/password_strength.h"

#include <algorithm>
#include <cmath>

#include "core/password_matching.h"
#include "core/password_scoring.h"

namespace cleanslate {
namespace {

constexpr std::string_view kDeviceDefaultsList = "device_defaults";
constexpr std::string_view kUserInputsList = "user_inputs";

bool is_alphanumeric(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || c >= 0xC0; }

// --- Per-call lists ---------------------------------------------------------------------
RankedList ranked_from(std::string_view name, const std::vector<std::string>& words, bool with_compact_forms) {
    RankedList list{std::string(name), {}, 0};
    for (const std::string& word : words) {
        const std::u32string lowered = to_lower(utf8_to_code_points(word));
        list.add(lowered);
        if (with_compact_forms) {  // "TP-Link" is typed as "tplink" too
            std::u32string compact;
            for (char32_t c : lowered)
                if (is_alphanumeric(c)) compact.push_back(c);
            list.add(compact);
        }
    }
    return list;
}

// --- Refusal tests ----------------------------------------------------------------------
// The password is one of the list's words, or nothing but a disguise of one.
bool is_only_listed_word(const std::u32string& lowered, const GuessEstimate& estimate, const RankedList* list) {
    if (!list) return false;
    if (list->ranks.count(lowered)) return true;
    return estimate.sequence.size() == 1 && estimate.sequence[0].kind == PatternKind::dictionary &&
           estimate.sequence[0].list_name == list->name;
}

// Walked characters: those the cheapest explanation reads as a keyboard walk, or as a listed
// word that is itself a walk of 4+ keys ("qwertyuiop" is in the common list). Incidental short
// walks inside real words ("erd" in Amsterdam) and dates that happen to walk the keypad do not
// count. A walk is more than half of the password.
bool is_keyboard_walk(size_t length, const std::vector<PasswordMatch>& candidates, const std::vector<PasswordMatch>& sequence) {
    constexpr size_t kMinimumWalkKeys = 4;
    size_t walked = 0;
    for (const PasswordMatch& m : sequence) {
        bool walk = m.kind == PatternKind::spatial;
        for (const PasswordMatch& s : candidates) {
            if (walk || m.kind != PatternKind::dictionary) break;
            walk = s.kind == PatternKind::spatial && s.token.size() >= kMinimumWalkKeys && s.i <= m.i && m.j <= s.j;
        }
        if (walk) walked += m.token.size();
    }
    return walked * 2 > length;
}

bool contains_user_input(const std::vector<PasswordMatch>& matches) {
    return std::any_of(matches.begin(), matches.end(), [](const PasswordMatch& m) {
        return m.kind == PatternKind::dictionary && m.list_name == kUserInputsList && m.matched_word.size() >= 3;
    });
}

// --- Hints (zxcvbn's feedback, as codes) ------------------------------------------------
bool is_word_list(const std::string& name) {
    return name == "english_wikipedia" || name == "us_tv_and_film" || name == "dutch" || name == "english";
}
bool is_name_list(const std::string& name) { return name == "surnames" || name == "male_names" || name == "female_names"; }

PasswordHint dictionary_hint(const PasswordMatch& m, bool sole_match) {
    if (m.list_name == kCommonPasswordsList || m.list_name == kMiraiList || m.list_name == kDeviceDefaultsList) {
        if (sole_match && !m.l33t && !m.reversed) {
            // A bucketed list knows a word's rank to within its bucket: claim only what
            // holds for the bucket's last position.
            if (m.last_position <= 10) return PasswordHint::top10_password;
            if (m.last_position <= 100) return PasswordHint::top100_password;
            return PasswordHint::common_password;
        }
        if (std::log10(m.guesses) <= 4) return PasswordHint::similar_to_common_password;
    } else if (is_word_list(m.list_name)) {
        if (sole_match) return PasswordHint::single_word;
    } else if (is_name_list(m.list_name)) {
        return PasswordHint::names;
    }
    // no warning: the first suggestion instead
    size_t upper = 0, lower = 0;
    for (char32_t c : m.token) {
        if (c >= U'A' && c <= U'Z') ++upper;
        if (c >= U'a' && c <= U'z') ++lower;
    }
    const bool starts_upper = !m.token.empty() && m.token[0] >= U'A' && m.token[0] <= U'Z' && upper == 1 && m.token.size() > 1;
    if (starts_upper) return PasswordHint::capitals_do_not_help;
    if (upper > 0 && lower == 0) return PasswordHint::all_capitals_do_not_help;
    if (m.reversed && m.token.size() >= 4) return PasswordHint::reversed_words_do_not_help;
    if (m.l33t) return PasswordHint::substitutions_do_not_help;
    return PasswordHint::add_another_word;
}

PasswordHint hint_for(int score, const std::vector<PasswordMatch>& sequence) {
    if (sequence.empty()) return PasswordHint::use_a_few_words;
    if (score > 2) return PasswordHint::none;
    const PasswordMatch* longest = &sequence[0];
    for (const PasswordMatch& m : sequence)
        if (m.token.size() > longest->token.size()) longest = &m;
    switch (longest->kind) {
        case PatternKind::dictionary: return dictionary_hint(*longest, sequence.size() == 1);
        case PatternKind::spatial: return longest->turns == 1 ? PasswordHint::straight_row : PasswordHint::keyboard_pattern;
        case PatternKind::repeat: return longest->base_token.size() == 1 ? PasswordHint::repeated_character : PasswordHint::repeated_pattern;
        case PatternKind::sequence: return PasswordHint::sequence;
        case PatternKind::year: return PasswordHint::recent_year;
        case PatternKind::date: return PasswordHint::date;
        case PatternKind::bruteforce: break;
    }
    return PasswordHint::add_another_word;
}

}  // namespace

// --- The check ----------------------------------------------------------------------------
PasswordVerdict check_password(std::string_view password, const PasswordDictionaries& dictionaries, const PasswordContext& context) {
    PasswordVerdict verdict;
    const std::u32string typed = utf8_to_code_points(password);
    if (typed.empty()) return verdict;  // too_short, score 0, "use a few words"

    const std::u32string analysed = typed.substr(0, kMaximumAnalysedLength);
    const std::u32string lowered = to_lower(analysed);
    const RankedList device_defaults = ranked_from(kDeviceDefaultsList, context.device_defaults, false);
    const RankedList user_inputs = ranked_from(kUserInputsList, context.user_inputs, true);
    MatchLists lists;
    for (const RankedList& list : dictionaries.lists()) lists.lists.push_back(&list);
    lists.lists.push_back(&device_defaults);
    lists.lists.push_back(&user_inputs);

    const std::vector<PasswordMatch> matches = find_all_matches(analysed, lists);
    const GuessEstimate estimate = most_guessable_match_sequence(analysed, matches);

    verdict.guesses_log10 = std::log10(estimate.guesses);
    verdict.score = guesses_to_score(estimate.guesses);
    verdict.strength = strength_class_for_score(verdict.score);
    verdict.hint = hint_for(verdict.score, estimate.sequence);

    if (is_only_listed_word(lowered, estimate, dictionaries.find(kMiraiList)))
        verdict.refusal = PasswordRefusal::mirai_default;
    else if (is_only_listed_word(lowered, estimate, &device_defaults))
        verdict.refusal = PasswordRefusal::device_default;
    else if (is_only_listed_word(lowered, estimate, dictionaries.find(kCommonPasswordsList)))
        verdict.refusal = PasswordRefusal::common_password;
    else if (is_keyboard_walk(analysed.size(), matches, estimate.sequence))
        verdict.refusal = PasswordRefusal::keyboard_walk;
    else if (contains_user_input(matches))
        verdict.refusal = PasswordRefusal::contains_user_input;
    else if (typed.size() < kMinimumPasswordLength)
        verdict.refusal = PasswordRefusal::too_short;
    else if (verdict.score < kMinimumAcceptedScore)
        verdict.refusal = PasswordRefusal::weak;
    else
        verdict.refusal = PasswordRefusal::none;
    verdict.accepted = verdict.refusal == PasswordRefusal::none;
    return verdict;
}

StrengthClass strength_class_for_score(int score) {
    if (score >= 4) return StrengthClass::very_strong;
    if (score == 3) return StrengthClass::strong;
    if (score == 2) return StrengthClass::fair;
    return StrengthClass::weak;
}

// --- Codes ----------------------------------------------------------------------------------
const char* refusal_code(PasswordRefusal refusal) {
    switch (refusal) {
        case PasswordRefusal::none: return "none";
        case PasswordRefusal::too_short: return "too_short";
        case PasswordRefusal::mirai_default: return "mirai_default";
        case PasswordRefusal::device_default: return "device_default";
        case PasswordRefusal::common_password: return "common_password";
        case PasswordRefusal::keyboard_walk: return "keyboard_walk";
        case PasswordRefusal::contains_user_input: return "contains_user_input";
        case PasswordRefusal::weak: return "weak";
    }
    return "weak";
}

const char* strength_class_code(StrengthClass strength) {
    switch (strength) {
        case StrengthClass::weak: return "weak";
        case StrengthClass::fair: return "fair";
        case StrengthClass::strong: return "strong";
        case StrengthClass::very_strong: return "very_strong";
    }
    return "weak";
}

const char* hint_code(PasswordHint hint) {
    switch (hint) {
        case PasswordHint::none: return "none";
        case PasswordHint::use_a_few_words: return "use_a_few_words";
        case PasswordHint::add_another_word: return "add_another_word";
        case PasswordHint::top10_password: return "top10_password";
        case PasswordHint::top100_password: return "top100_password";
        case PasswordHint::common_password: return "common_password";
        case PasswordHint::similar_to_common_password: return "similar_to_common_password";
        case PasswordHint::single_word: return "single_word";
        case PasswordHint::names: return "names";
        case PasswordHint::straight_row: return "straight_row";
        case PasswordHint::keyboard_pattern: return "keyboard_pattern";
        case PasswordHint::repeated_character: return "repeated_character";
        case PasswordHint::repeated_pattern: return "repeated_pattern";
        case PasswordHint::sequence: return "sequence";
        case PasswordHint::recent_year: return "recent_year";
        case PasswordHint::date: return "date";
        case PasswordHint::capitals_do_not_help: return "capitals_do_not_help";
        case PasswordHint::all_capitals_do_not_help: return "all_capitals_do_not_help";
        case PasswordHint::reversed_words_do_not_help: return "reversed_words_do_not_help";
        case PasswordHint::substitutions_do_not_help: return "substitutions_do_not_help";
    }
    return "none";
}

}  // namespace cleanslate
