// password_matching.cpp — the matchers. Each mirrors the zxcvbn 4.4 function of the same name.
#include "core/password_matching.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "core/keyboard_graphs.h"

namespace cleanslate {
namespace {

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// --- Dictionary words -------------------------------------------------------------------
void dictionary_match(const std::u32string& password, const MatchLists& lists, std::vector<PasswordMatch>& out) {
    const std::u32string lowered = to_lower(password);
    const size_t n = password.size();
    for (const RankedList* list : lists.lists) {
        if (list->ranks.empty()) continue;
        for (size_t i = 0; i < n; ++i) {
            for (size_t j = i; j < n && j - i < list->longest_word; ++j) {
                const std::u32string word = lowered.substr(i, j - i + 1);
                auto it = list->ranks.find(word);
                if (it == list->ranks.end()) continue;
                PasswordMatch m;
                m.kind = PatternKind::dictionary;
                m.i = i;
                m.j = j;
                m.token = password.substr(i, j - i + 1);
                m.matched_word = word;
                m.rank = it->second;
                m.last_position = list->last_position(it->second);
                m.list_name = list->name;
                out.push_back(std::move(m));
            }
        }
    }
}

void reverse_dictionary_match(const std::u32string& password, const MatchLists& lists, std::vector<PasswordMatch>& out) {
    const std::u32string reversed(password.rbegin(), password.rend());
    std::vector<PasswordMatch> found;
    dictionary_match(reversed, lists, found);
    const size_t n = password.size();
    for (PasswordMatch& m : found) {
        std::reverse(m.token.begin(), m.token.end());
        m.reversed = true;
        const size_t i = n - 1 - m.j, j = n - 1 - m.i;
        m.i = i;
        m.j = j;
        out.push_back(std::move(m));
    }
}

// --- l33t ----------------------------------------------------------------------------------
// zxcvbn's table: the letter and the symbols people type for it.
const std::vector<std::pair<char32_t, std::u32string>>& l33t_table() {
    static const std::vector<std::pair<char32_t, std::u32string>> table = {
        {U'a', U"4@"}, {U'b', U"8"}, {U'c', U"({[<"}, {U'e', U"3"}, {U'g', U"69"}, {U'i', U"1!|"},
        {U'l', U"1|7"}, {U'o', U"0"}, {U's', U"$5"}, {U't', U"+7"}, {U'x', U"%"}, {U'z', U"2"},
    };
    return table;
}

using Substitution = std::vector<std::pair<char32_t, char32_t>>;  // (symbol, letter)

// Every consistent way to read the symbols present as letters (a symbol reads as one letter
// at a time: '1' is either 'i' or 'l'), as zxcvbn's enumerate_l33t_subs.
std::vector<Substitution> l33t_substitutions(const std::u32string& password) {
    std::vector<std::pair<char32_t, std::u32string>> relevant;
    for (const auto& [letter, symbols] : l33t_table()) {
        std::u32string present;
        for (char32_t s : symbols)
            if (password.find(s) != std::u32string::npos) present.push_back(s);
        if (!present.empty()) relevant.emplace_back(letter, present);
    }
    std::vector<Substitution> subs{{}};
    for (const auto& [letter, symbols] : relevant) {
        std::vector<Substitution> next;
        for (char32_t symbol : symbols) {
            for (const Substitution& sub : subs) {
                auto same_symbol = std::find_if(sub.begin(), sub.end(), [&](const auto& p) { return p.first == symbol; });
                if (same_symbol == sub.end()) {
                    Substitution extended = sub;
                    extended.emplace_back(symbol, letter);
                    next.push_back(std::move(extended));
                } else {
                    Substitution alternative = sub;
                    alternative.erase(alternative.begin() + (same_symbol - sub.begin()));
                    alternative.emplace_back(symbol, letter);
                    next.push_back(sub);
                    next.push_back(std::move(alternative));
                }
            }
        }
        // drop duplicates (the same set of pairs in another order)
        std::vector<Substitution> unique;
        std::vector<Substitution> seen;
        for (Substitution& sub : next) {
            Substitution key = sub;
            std::sort(key.begin(), key.end(), [](const auto& a, const auto& b) { return std::make_pair(a.second, a.first) < std::make_pair(b.second, b.first); });
            if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
            seen.push_back(std::move(key));
            unique.push_back(std::move(sub));
        }
        subs = std::move(unique);
    }
    return subs;
}

// Passwords full of symbols can be read in thousands of ways; the first readings already catch
// the disguised words people actually use, and the check must stay fast enough to run as the
// customer types. (zxcvbn tries them all.)
constexpr size_t kMaxL33tReadings = 64;

void l33t_match(const std::u32string& password, const MatchLists& lists, std::vector<PasswordMatch>& out) {
    std::vector<Substitution> readings = l33t_substitutions(password);
    if (readings.size() > kMaxL33tReadings) readings.resize(kMaxL33tReadings);
    for (const Substitution& sub : readings) {
        if (sub.empty()) break;
        std::u32string translated = password;
        for (char32_t& c : translated)
            for (auto [symbol, letter] : sub)
                if (c == symbol) { c = letter; break; }
        std::vector<PasswordMatch> found;
        dictionary_match(translated, lists, found);
        for (PasswordMatch& m : found) {
            const std::u32string token = password.substr(m.i, m.j - m.i + 1);
            if (to_lower(token) == m.matched_word) continue;  // only matches with a real substitution
            if (token.size() <= 1) continue;
            m.token = token;
            m.l33t = true;
            for (auto [symbol, letter] : sub)
                if (token.find(symbol) != std::u32string::npos) m.l33t_subs.emplace_back(symbol, letter);
            out.push_back(std::move(m));
        }
    }
}

// --- Keyboard walks ---------------------------------------------------------------------
void spatial_match(const std::u32string& password, std::vector<PasswordMatch>& out) {
    const size_t n = password.size();
    for (const KeyboardGraph& graph : keyboard_graphs()) {
        size_t i = 0;
        while (n > 0 && i < n - 1) {
            size_t j = i + 1;
            int last_direction = -1;
            int turns = 0;
            int shifted_count = 0;
            if (graph.shift_aware) {
                auto it = graph.is_shifted.find(password[i]);
                if (it != graph.is_shifted.end() && it->second) shifted_count = 1;
            }
            while (true) {
                bool found = false;
                auto around = graph.neighbours.find(password[j - 1]);
                if (j < n && around != graph.neighbours.end()) {
                    const char32_t current = password[j];
                    int direction = -1;
                    for (const std::u32string& key : around->second) {
                        ++direction;
                        const size_t position = key.find(current);
                        if (key.empty() || position == std::u32string::npos) continue;
                        found = true;
                        if (position == 1) ++shifted_count;  // the shifted symbol of that key
                        if (last_direction != direction) {
                            ++turns;  // every walk starts with a turn
                            last_direction = direction;
                        }
                        break;
                    }
                }
                if (found) {
                    ++j;
                    continue;
                }
                if (j - i > 2) {  // walks of one or two keys are not walks
                    PasswordMatch m;
                    m.kind = PatternKind::spatial;
                    m.i = i;
                    m.j = j - 1;
                    m.token = password.substr(i, j - i);
                    m.graph_name = graph.name;
                    m.turns = turns;
                    m.shifted_count = shifted_count;
                    out.push_back(std::move(m));
                }
                i = j;
                break;
            }
        }
    }
}

// --- Sequences (abcd, 1357, 9876) ---------------------------------------------------------
void sequence_match(const std::u32string& password, std::vector<PasswordMatch>& out) {
    constexpr long kMaxDelta = 5;
    const size_t n = password.size();
    if (n <= 1) return;
    auto add = [&](size_t i, size_t j, long delta) {
        const long magnitude = delta < 0 ? -delta : delta;
        if (!(j - i > 1 || magnitude == 1)) return;
        if (magnitude == 0 || magnitude > kMaxDelta) return;
        PasswordMatch m;
        m.kind = PatternKind::sequence;
        m.i = i;
        m.j = j;
        m.token = password.substr(i, j - i + 1);
        m.ascending = delta > 0;
        out.push_back(std::move(m));
    };
    size_t i = 0;
    std::optional<long> last_delta;
    for (size_t k = 1; k < n; ++k) {
        const long delta = static_cast<long>(password[k]) - static_cast<long>(password[k - 1]);
        if (!last_delta) last_delta = delta;
        if (delta == *last_delta) continue;
        const size_t j = k - 1;
        add(i, j, *last_delta);
        i = j;
        last_delta = delta;
    }
    add(i, n - 1, *last_delta);
}

// --- Years ----------------------------------------------------------------------------------
// Recent years (1900-2039), left to right without overlap, like a regex search.
void year_match(const std::u32string& password, std::vector<PasswordMatch>& out) {
    const size_t n = password.size();
    size_t i = 0;
    while (i + 4 <= n) {
        const std::u32string t = password.substr(i, 4);
        const bool digits = is_digit(t[0]) && is_digit(t[1]) && is_digit(t[2]) && is_digit(t[3]);
        const bool recent = digits && ((t[0] == U'1' && t[1] == U'9') || (t[0] == U'2' && t[1] == U'0' && t[2] <= U'3'));
        if (!recent) {
            ++i;
            continue;
        }
        PasswordMatch m;
        m.kind = PatternKind::year;
        m.i = i;
        m.j = i + 3;
        m.token = t;
        m.year = (t[0] - U'0') * 1000 + (t[1] - U'0') * 100 + (t[2] - U'0') * 10 + (t[3] - U'0');
        out.push_back(std::move(m));
        i += 4;
    }
}

// --- Dates ------------------------------------------------------------------------------
constexpr int kDateMinYear = 1000;
constexpr int kDateMaxYear = 2050;

struct DayMonthYear {
    int day, month, year;
};

std::optional<std::pair<int, int>> day_month(int a, int b) {
    if (a >= 1 && a <= 31 && b >= 1 && b <= 12) return std::make_pair(a, b);
    if (b >= 1 && b <= 31 && a >= 1 && a <= 12) return std::make_pair(b, a);
    return std::nullopt;
}

int two_to_four_digit_year(int year) {
    if (year > 99) return year;
    return year > 50 ? year + 1900 : year + 2000;
}

std::optional<DayMonthYear> ints_to_date(int a, int b, int c) {
    const int ints[3] = {a, b, c};
    if (b > 31 || b <= 0) return std::nullopt;
    int over_12 = 0, over_31 = 0, under_1 = 0;
    for (int v : ints) {
        if ((v > 99 && v < kDateMinYear) || v > kDateMaxYear) return std::nullopt;
        if (v > 31) ++over_31;
        if (v > 12) ++over_12;
        if (v <= 0) ++under_1;
    }
    if (over_31 >= 2 || over_12 == 3 || under_1 >= 2) return std::nullopt;
    const std::pair<int, std::pair<int, int>> splits[2] = {{c, {a, b}}, {a, {b, c}}};
    for (const auto& [year, rest] : splits) {
        if (year >= kDateMinYear && year <= kDateMaxYear) {
            auto dm = day_month(rest.first, rest.second);
            if (!dm) return std::nullopt;  // a four-digit year with no day and month: not a date
            return DayMonthYear{dm->first, dm->second, year};
        }
    }
    for (const auto& [year, rest] : splits) {
        auto dm = day_month(rest.first, rest.second);
        if (dm) return DayMonthYear{dm->first, dm->second, two_to_four_digit_year(year)};
    }
    return std::nullopt;
}

int to_int(const std::u32string& digits) {
    int v = 0;
    for (char32_t c : digits) v = v * 10 + static_cast<int>(c - U'0');
    return v;
}

bool is_date_separator(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' || c == U'/' || c == U'\\' ||
           c == U'_' || c == U'.' || c == U'-';
}

void date_match(const std::u32string& password, std::vector<PasswordMatch>& out) {
    const size_t n = password.size();
    std::vector<PasswordMatch> found;
    auto add = [&](size_t i, size_t j, int year, bool separator) {
        PasswordMatch m;
        m.kind = PatternKind::date;
        m.i = i;
        m.j = j;
        m.token = password.substr(i, j - i + 1);
        m.year = year;
        m.date_has_separator = separator;
        found.push_back(std::move(m));
    };
    // without separators: 4 to 8 digits, split in the ways zxcvbn tries
    static const std::map<size_t, std::vector<std::pair<size_t, size_t>>> splits = {
        {4, {{1, 2}, {2, 3}}}, {5, {{1, 3}, {2, 3}}}, {6, {{1, 2}, {2, 4}, {4, 5}}},
        {7, {{1, 3}, {2, 3}, {4, 5}, {4, 6}}}, {8, {{2, 4}, {4, 6}}}};
    for (size_t i = 0; i + 3 < n; ++i) {
        for (size_t j = i + 3; j < i + 8 && j < n; ++j) {
            const std::u32string token = password.substr(i, j - i + 1);
            if (!std::all_of(token.begin(), token.end(), is_digit)) continue;
            std::optional<DayMonthYear> chosen;
            for (auto [k, l] : splits.at(token.size())) {
                auto dmy = ints_to_date(to_int(token.substr(0, k)), to_int(token.substr(k, l - k)), to_int(token.substr(l)));
                if (!dmy) continue;
                // prefer the reading with the year closest to the reference year
                if (!chosen || std::abs(dmy->year - kReferenceYear) < std::abs(chosen->year - kReferenceYear)) chosen = dmy;
            }
            if (chosen) add(i, j, chosen->year, false);
        }
    }
    // with separators: 1-4 digits, separator, 1-2 digits, the same separator, 1-4 digits
    for (size_t i = 0; i + 5 < n; ++i) {
        for (size_t j = i + 5; j < i + 10 && j < n; ++j) {
            const std::u32string token = password.substr(i, j - i + 1);
            size_t a = 0;
            while (a < token.size() && is_digit(token[a])) ++a;
            if (a < 1 || a > 4 || a >= token.size() || !is_date_separator(token[a])) continue;
            const char32_t separator = token[a];
            size_t b = a + 1;
            while (b < token.size() && is_digit(token[b])) ++b;
            if (b - a - 1 < 1 || b - a - 1 > 2 || b >= token.size() || token[b] != separator) continue;
            size_t c = b + 1;
            while (c < token.size() && is_digit(token[c])) ++c;
            if (c != token.size() || c - b - 1 < 1 || c - b - 1 > 4) continue;
            auto dmy = ints_to_date(to_int(token.substr(0, a)), to_int(token.substr(a + 1, b - a - 1)), to_int(token.substr(b + 1)));
            if (dmy) add(i, j, dmy->year, true);
        }
    }
    // drop dates that lie inside another date match
    for (size_t k = 0; k < found.size(); ++k) {
        bool inside = false;
        for (size_t other = 0; other < found.size() && !inside; ++other) {
            if (other == k) continue;
            const bool same = found[other].i == found[k].i && found[other].j == found[k].j && found[other].year == found[k].year &&
                              found[other].date_has_separator == found[k].date_has_separator;
            if (same) continue;
            inside = found[other].i <= found[k].i && found[other].j >= found[k].j;
        }
        if (!inside) out.push_back(found[k]);
    }
}

// --- Repeats (aaa, abcabc) ------------------------------------------------------------------
// Length of the longest run of copies of password[i, i+length) starting at i, in characters.
size_t repeated_span(const std::u32string& s, size_t i, size_t length) {
    size_t copies = 1;
    while (i + (copies + 1) * length <= s.size() && s.compare(i + copies * length, length, s, i, length) == 0) ++copies;
    return copies >= 2 ? copies * length : 0;
}

// The shortest unit that repeats to make the whole of `s` (like ^(.+?)\1+$).
std::u32string shortest_repeating_unit(const std::u32string& s) {
    for (size_t length = 1; length <= s.size() / 2; ++length) {
        if (s.size() % length != 0) continue;
        if (repeated_span(s, 0, length) == s.size()) return s.substr(0, length);
    }
    return s;
}

void repeat_match(const std::u32string& password, const MatchLists& lists, std::vector<PasswordMatch>& out) {
    const size_t n = password.size();
    size_t from = 0;
    while (from < n) {
        // the leftmost position where anything repeats, then the greedy and the lazy reading
        size_t start = n, greedy_span = 0, greedy_unit = 0, lazy_span = 0, lazy_unit = 0;
        for (size_t i = from; i < n && start == n; ++i) {
            for (size_t length = (n - i) / 2; length >= 1; --length) {  // greedy: longest unit first
                const size_t span = repeated_span(password, i, length);
                if (span == 0) continue;
                start = i;
                greedy_span = span;
                greedy_unit = length;
                break;
            }
        }
        if (start == n) break;
        for (size_t length = 1; length <= (n - start) / 2; ++length) {  // lazy: shortest unit first
            const size_t span = repeated_span(password, start, length);
            if (span == 0) continue;
            lazy_span = span;
            lazy_unit = length;
            break;
        }
        std::u32string token, base;
        if (greedy_span > lazy_span) {  // "aabaab": greedy sees aab twice, lazy only "aa"
            token = password.substr(start, greedy_span);
            base = shortest_repeating_unit(password.substr(start, greedy_unit));
        } else {
            token = password.substr(start, lazy_span);
            base = password.substr(start, lazy_unit);
        }
        const GuessEstimate base_estimate = most_guessable_match_sequence(base, find_all_matches(base, lists));
        const size_t end = start + token.size();
        PasswordMatch m;
        m.kind = PatternKind::repeat;
        m.i = start;
        m.j = end - 1;
        m.token = token;
        m.base_token = base;
        m.base_guesses = base_estimate.guesses;
        m.repeat_count = static_cast<double>(token.size()) / static_cast<double>(base.size());
        out.push_back(std::move(m));
        from = end;
    }
}

}  // namespace

// --- All matchers ---------------------------------------------------------------------------
std::vector<PasswordMatch> find_all_matches(const std::u32string& password, const MatchLists& lists) {
    std::vector<PasswordMatch> matches;
    dictionary_match(password, lists, matches);
    reverse_dictionary_match(password, lists, matches);
    l33t_match(password, lists, matches);
    spatial_match(password, matches);
    repeat_match(password, lists, matches);
    sequence_match(password, matches);
    year_match(password, matches);
    date_match(password, matches);
    std::stable_sort(matches.begin(), matches.end(), [](const PasswordMatch& a, const PasswordMatch& b) {
        return a.i != b.i ? a.i < b.i : a.j < b.j;
    });
    return matches;
}

}  // namespace cleanslate
