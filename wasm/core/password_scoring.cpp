// password_scoring.cpp — guesses per pattern and the minimum-guesses search (after zxcvbn 4.4).
#include "core/password_scoring.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "core/keyboard_graphs.h"

namespace cleanslate {
namespace {

// --- zxcvbn's constants ----------------------------------------------------------------
constexpr double kBruteforceCardinality = 10;
constexpr double kMinGuessesBeforeGrowingSequence = 10000;
constexpr double kMinSubmatchGuessesSingleChar = 10;
constexpr double kMinSubmatchGuessesMultiChar = 50;
constexpr double kMinYearSpace = 20;

double n_choose_k(double n, double k) {
    if (k > n) return 0;
    if (k == 0) return 1;
    double r = 1;
    for (double d = 1; d <= k; ++d) {
        r *= n;
        r /= d;
        n -= 1;
    }
    return r;
}

bool is_upper(char32_t c) { return (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }
bool is_lower(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7); }
char32_t lower(char32_t c) { return is_upper(c) ? c + 0x20 : c; }

// --- Per-pattern guesses -------------------------------------------------------------------
double bruteforce_guesses(const PasswordMatch& m) {
    const double guesses = std::pow(kBruteforceCardinality, static_cast<double>(m.token.size()));
    // one more than the smallest submatch, so a real pattern over the same span wins
    const double floor = m.token.size() == 1 ? kMinSubmatchGuessesSingleChar + 1 : kMinSubmatchGuessesMultiChar + 1;
    return std::max(guesses, floor);
}

// Capitals cost little: first or last letter, or all of them, doubles; otherwise count the
// ways to choose which letters are capitals.
double uppercase_variations(const std::u32string& word) {
    size_t upper = 0, lower_count = 0;
    for (char32_t c : word) {
        if (is_upper(c)) ++upper;
        if (is_lower(c)) ++lower_count;
    }
    if (upper == 0) return 1;
    const size_t n = word.size();
    const bool start_upper = n >= 2 && is_upper(word[0]) && upper == 1;
    const bool end_upper = n >= 2 && is_upper(word[n - 1]) && upper == 1;
    const bool all_upper = lower_count == 0;
    if (start_upper || end_upper || all_upper) return 2;
    double variations = 0;
    for (size_t k = 1; k <= std::min(upper, lower_count); ++k) variations += n_choose_k(static_cast<double>(upper + lower_count), static_cast<double>(k));
    return variations;
}

double l33t_variations(const PasswordMatch& m) {
    if (!m.l33t) return 1;
    double variations = 1;
    for (auto [symbol, letter] : m.l33t_subs) {
        size_t subbed = 0, unsubbed = 0;
        for (char32_t c : m.token) {
            const char32_t lc = lower(c);
            if (lc == symbol) ++subbed;
            if (lc == letter) ++unsubbed;
        }
        if (subbed == 0 || unsubbed == 0) {
            variations *= 2;  // fully substituted (or not at all): the attacker tries both
        } else {
            double possibilities = 0;
            for (size_t k = 1; k <= std::min(subbed, unsubbed); ++k) possibilities += n_choose_k(static_cast<double>(subbed + unsubbed), static_cast<double>(k));
            variations *= possibilities;
        }
    }
    return variations;
}

double dictionary_guesses(const PasswordMatch& m) {
    return static_cast<double>(m.rank) * uppercase_variations(m.token) * l33t_variations(m) * (m.reversed ? 2 : 1);
}

double sequence_guesses(const PasswordMatch& m) {
    const char32_t first = m.token.empty() ? 0 : m.token[0];
    double base;
    if (first == U'a' || first == U'A' || first == U'z' || first == U'Z' || first == U'0' || first == U'1' || first == U'9')
        base = 4;  // obvious starting points
    else if (first >= U'0' && first <= U'9')
        base = 10;
    else
        base = 26;
    if (!m.ascending) base *= 2;
    return base * static_cast<double>(m.token.size());
}

double year_space(int year) { return std::max(std::abs(static_cast<double>(year - kReferenceYear)), kMinYearSpace); }

double date_guesses(const PasswordMatch& m) {
    double guesses = year_space(m.year) * 365;
    if (m.date_has_separator) guesses *= 4;
    return guesses;
}

double spatial_guesses(const PasswordMatch& m) {
    double starts = 0, degree = 0;
    for (const KeyboardGraph& graph : keyboard_graphs()) {
        if (graph.name == m.graph_name) {
            starts = graph.starting_positions;
            degree = graph.average_degree;
        }
    }
    const double length = static_cast<double>(m.token.size());
    const double turns = m.turns;
    double guesses = 0;
    // patterns of this length or shorter with this many turns or fewer
    for (double i = 2; i <= length; ++i) {
        const double possible_turns = std::min(turns, i - 1);
        for (double j = 1; j <= possible_turns; ++j) guesses += n_choose_k(i - 1, j - 1) * starts * std::pow(degree, j);
    }
    if (m.shifted_count > 0) {
        const double shifted = m.shifted_count;
        const double unshifted = length - shifted;
        if (unshifted == 0) {
            guesses *= 2;
        } else {
            double variations = 0;
            for (double k = 1; k <= std::min(shifted, unshifted); ++k) variations += n_choose_k(shifted + unshifted, k);
            guesses *= variations;
        }
    }
    return guesses;
}

double factorial(size_t n) {
    double f = 1;
    for (size_t k = 2; k <= n; ++k) f *= static_cast<double>(k);
    return f;
}

}  // namespace

// --- One match ------------------------------------------------------------------------------
double estimate_guesses(const PasswordMatch& match, size_t password_length) {
    double min_guesses = 1;
    if (match.token.size() < password_length)
        min_guesses = match.token.size() == 1 ? kMinSubmatchGuessesSingleChar : kMinSubmatchGuessesMultiChar;
    double guesses = 0;
    switch (match.kind) {
        case PatternKind::bruteforce: guesses = bruteforce_guesses(match); break;
        case PatternKind::dictionary: guesses = dictionary_guesses(match); break;
        case PatternKind::spatial: guesses = spatial_guesses(match); break;
        case PatternKind::repeat: guesses = match.base_guesses * match.repeat_count; break;
        case PatternKind::sequence: guesses = sequence_guesses(match); break;
        case PatternKind::year: guesses = year_space(match.year); break;
        case PatternKind::date: guesses = date_guesses(match); break;
    }
    return std::max(guesses, min_guesses);
}

int guesses_to_score(double guesses) {
    constexpr double kDelta = 5;  // zxcvbn: a tiny margin so exact powers of ten round down
    if (guesses < 1e3 + kDelta) return 0;
    if (guesses < 1e6 + kDelta) return 1;
    if (guesses < 1e8 + kDelta) return 2;
    if (guesses < 1e10 + kDelta) return 3;
    return 4;
}

// --- The search -------------------------------------------------------------------------
// Chooses the sequence that minimises  l! * product(guesses) + 10000^(l-1)  for l matches:
// the attacker must try the patterns in every order, and tries shorter sequences first.
// Dynamic programming over prefixes, as in zxcvbn: best[k][l] is the best length-l sequence
// covering password[0..k].
GuessEstimate most_guessable_match_sequence(const std::u32string& password, std::vector<PasswordMatch> candidates) {
    GuessEstimate result;
    const size_t n = password.size();
    if (n == 0) return result;

    struct Step {
        size_t match;   // index into pool
        double product; // product of guesses along the sequence
        double total;   // the minimised function
    };
    std::vector<PasswordMatch> pool = std::move(candidates);
    for (PasswordMatch& m : pool) m.guesses = estimate_guesses(m, n);
    std::vector<std::vector<size_t>> ending_at(n);
    for (size_t k = 0; k < pool.size(); ++k)
        if (pool[k].j < n) ending_at[pool[k].j].push_back(k);
    for (auto& list : ending_at)
        std::stable_sort(list.begin(), list.end(), [&](size_t a, size_t b) { return pool[a].i < pool[b].i; });

    std::vector<std::map<size_t, Step>> best(n);

    auto consider = [&](size_t match_index, size_t length) {
        const PasswordMatch& m = pool[match_index];
        double product = m.guesses;
        if (length > 1) product *= best[m.i - 1].at(length - 1).product;
        const double total = factorial(length) * product + std::pow(kMinGuessesBeforeGrowingSequence, static_cast<double>(length - 1));
        for (const auto& [other_length, other] : best[m.j]) {
            if (other_length > length) continue;
            if (other.total <= total) return;  // a sequence no longer than this one does better
        }
        best[m.j][length] = Step{match_index, product, total};
    };

    auto add_bruteforce = [&](size_t i, size_t j) {
        PasswordMatch m;
        m.kind = PatternKind::bruteforce;
        m.i = i;
        m.j = j;
        m.token = password.substr(i, j - i + 1);
        m.guesses = estimate_guesses(m, n);
        pool.push_back(std::move(m));
        return pool.size() - 1;
    };

    for (size_t k = 0; k < n; ++k) {
        for (size_t index : ending_at[k]) {
            const size_t i = pool[index].i;
            if (i > 0) {
                std::vector<size_t> lengths;
                for (const auto& entry : best[i - 1]) lengths.push_back(entry.first);
                for (size_t length : lengths) consider(index, length + 1);
            } else {
                consider(index, 1);
            }
        }
        // bruteforce over [0..k], or appended to a sequence ending at i-1 that does not
        // itself end in bruteforce (two adjacent bruteforce spans are never better than one)
        consider(add_bruteforce(0, k), 1);
        for (size_t i = 1; i <= k; ++i) {
            std::vector<size_t> lengths;
            for (const auto& [length, step] : best[i - 1])
                if (pool[step.match].kind != PatternKind::bruteforce) lengths.push_back(length);
            if (lengths.empty()) continue;
            const size_t brute = add_bruteforce(i, k);
            for (size_t length : lengths) consider(brute, length + 1);
        }
    }

    // unwind from the best sequence covering the whole password
    size_t length = 0;
    double total = INFINITY;
    for (const auto& [candidate_length, step] : best[n - 1]) {
        if (step.total < total) {
            length = candidate_length;
            total = step.total;
        }
    }
    result.guesses = total;
    std::vector<PasswordMatch> sequence;
    size_t k = n;
    while (k > 0 && length > 0) {
        const Step& step = best[k - 1].at(length);
        sequence.push_back(pool[step.match]);
        k = pool[step.match].i;
        --length;
    }
    std::reverse(sequence.begin(), sequence.end());
    result.sequence = std::move(sequence);
    return result;
}

}  // namespace cleanslate
