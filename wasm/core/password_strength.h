// password_strength.h — the new-password check on the password step.
//
// Estimates how many guesses an attacker needs (zxcvbn's method: ranked dictionaries with
// capitals, l33t and reversal; keyboard walks on QWERTY, Belgian AZERTY and keypads; repeats;
// sequences; years and dates; bruteforce for the rest; the cheapest decomposition wins) and
// then applies hard refusals the customer sees in plain words.
//
// Refusals, in this order, the first that applies wins (locale key password.refusal.<code>):
//   mirai_default        one of the passwords in the Mirai scanner's table, ignoring case,
//                        or only a disguise of one (capitals, l33t, reversed)
//   device_default       the device's own default login (user or password), same rule
//   common_password      in the common-password list, ignoring case, or only a disguise of one
//   keyboard_walk        keyboard walks make up more than half the characters (qwerty123, 1qaz2wsx)
//   contains_user_input  contains the brand, model or user name the caller passed (3+ letters)
//   too_short            fewer than kMinimumPasswordLength (8) characters: what most devices
//                        require and the floor NIST SP 800-63B sets
//   weak                 score below 3 (fewer than 10^8 guesses)
// The list refusals come before too_short because they are what a customer most needs to hear
// ("admin" is the virus's own guess); an empty password is simply too_short.
//
// Privacy: the password is only read from the string_view during the call; nothing is kept.
// The caller clears its own buffer. The completion report stores strength_class only.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/password_dictionaries.h"

namespace cleanslate {

inline constexpr size_t kMinimumPasswordLength = 8;
inline constexpr int kMinimumAcceptedScore = 3;
// Only this many characters are analysed; more can only add strength, and the search grows
// with the square of the length.
inline constexpr size_t kMaximumAnalysedLength = 64;

enum class PasswordRefusal { none, too_short, mirai_default, device_default, common_password, keyboard_walk, contains_user_input, weak };

// Score 0-1 weak, 2 fair, 3 strong, 4 very_strong.
enum class StrengthClass { weak, fair, strong, very_strong };

// One hint for improving the password (locale key password.hint.<code>), after zxcvbn's feedback.
enum class PasswordHint {
    none,                        // strong enough: nothing to add
    use_a_few_words,             // nothing typed yet
    add_another_word,
    top10_password,
    top100_password,
    common_password,
    similar_to_common_password,
    single_word,
    names,
    straight_row,                // qwerty, asdfgh
    keyboard_pattern,            // 1qaz2wsx
    repeated_character,          // aaaa
    repeated_pattern,            // abcabc
    sequence,                    // abcd, 9876
    recent_year,
    date,
    capitals_do_not_help,
    all_capitals_do_not_help,
    reversed_words_do_not_help,
    substitutions_do_not_help,   // p@ssw0rd
};

// What the caller knows about this device and customer.
struct PasswordContext {
    // User names and passwords of the device family's default_logins.
    std::vector<std::string> device_defaults;
    // Words the password must not contain: brand, model, the customer's user name, ...
    std::vector<std::string> user_inputs;
};

struct PasswordVerdict {
    int score = 0;                  // 0..4, zxcvbn's scale
    double guesses_log10 = 0;
    StrengthClass strength = StrengthClass::weak;
    bool accepted = false;
    PasswordRefusal refusal = PasswordRefusal::too_short;
    PasswordHint hint = PasswordHint::use_a_few_words;
};

// Pure given its inputs. Works with whatever dictionaries are loaded; the screen should wait
// for has_common_passwords() and has_mirai_credentials() before offering to continue.
PasswordVerdict check_password(std::string_view password, const PasswordDictionaries& dictionaries,
                               const PasswordContext& context = {});

StrengthClass strength_class_for_score(int score);

// Stable codes for locales and the report.
const char* refusal_code(PasswordRefusal refusal);      // "none", "too_short", ...
const char* strength_class_code(StrengthClass strength); // "weak", "fair", "strong", "very_strong"
const char* hint_code(PasswordHint hint);               // "none", "add_another_word", ...

}  // namespace cleanslate
