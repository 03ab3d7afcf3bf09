// text_match.cpp — normalisation, bounded edit distance and the three lookup indexes.
#include "core/text_match.h"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace cleanslate {

// --- Normalisation ---------------------------------------------------------------------
namespace {

// ASCII spelling of U+00C0..U+00FF (Latin-1 letters with diacritics). '#' marks the two
// letters that need two ASCII letters, ' ' the multiplication and division signs.
constexpr std::string_view kLatin1Fold =
    "aaaaaa#ceeeeiiiidnooooo ouuuuyts"   // U+00C0..U+00DF (Æ, Þ=t, ß=s handled below)
    "aaaaaa#ceeeeiiiidnooooo ouuuuyty";  // U+00E0..U+00FF

// Words that name a company's legal form, line of business or home city rather than the
// brand: "Zhejiang Dahua Technology Co., Ltd." is "Dahua" to a customer.
const std::unordered_set<std::string>& company_words() {
    static const std::unordered_set<std::string> words = {
        "co", "company", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc",
        "gmbh", "ag", "sa", "bv", "nv", "plc", "srl", "technology", "technologies", "tech",
        "electronics", "electronic", "international", "intl", "group", "holding", "holdings",
        "industrial", "industries", "products", "digital", "the", "shenzhen", "guangzhou",
        "hangzhou", "zhejiang", "xiamen", "beijing", "shanghai", "dongguan"};
    return words;
}

// Appends the folded form of the UTF-8 sequence starting at text[i]; returns its length.
size_t fold_utf8(std::string_view text, size_t i, std::string& out) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
        char c = static_cast<char>(byte);
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
        else if (c == '\'') {}  // "Dream's" -> "dreams"
        else out += ' ';
        return 1;
    }
    if ((byte == 0xC3) && i + 1 < text.size()) {
        auto next = static_cast<unsigned char>(text[i + 1]);
        if (next >= 0x80 && next <= 0xBF) {
            unsigned code = 0xC0 + (next - 0x80);
            char folded = kLatin1Fold[code - 0xC0];
            if (code == 0xC6 || code == 0xE6) out += "ae";
            else if (code == 0xDE || code == 0xFE) out += "th";
            else if (code == 0xDF) out += "ss";
            else out += folded;
            return 2;
        }
    }
    // Latin Extended-A (U+0100..U+017F): pairs of upper/lower case; fold by base letter.
    if ((byte == 0xC4 || byte == 0xC5) && i + 1 < text.size()) {
        // Base letter per code point, as runs: 6 a (U+0100), 8 c, 4 d, 10 e, 8 g, 4 h, 12 i
        // (with the IJ ligature), 2 j, 3 k, 10 l, 9 n, 8 o (with the OE ligature), 6 r, 8 s,
        // 6 t, 12 u, 2 w, 3 y, 6 z, 1 s (long s, U+017F).
        static const std::string kExtendedA = [] {
            const std::pair<char, int> runs[] = {{'a', 6}, {'c', 8}, {'d', 4}, {'e', 10}, {'g', 8},
                {'h', 4}, {'i', 12}, {'j', 2}, {'k', 3}, {'l', 10}, {'n', 9}, {'o', 8}, {'r', 6},
                {'s', 8}, {'t', 6}, {'u', 12}, {'w', 2}, {'y', 3}, {'z', 6}, {'s', 1}};
            std::string letters;
            for (const auto& [letter, count] : runs) letters.append(static_cast<size_t>(count), letter);
            return letters;
        }();
        unsigned code = ((byte & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
        if (code >= 0x100 && code - 0x100 < kExtendedA.size()) {
            if (code == 0x152 || code == 0x153) out += "oe";
            else out += kExtendedA[code - 0x100];
            return 2;
        }
    }
    // Anything else (CJK, symbols): keep the bytes so exact names in other scripts still match.
    size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    length = std::min(length, text.size() - i);
    out.append(text.substr(i, length));
    return length;
}

std::vector<std::string> split_words(std::string_view folded) {
    std::vector<std::string> words;
    size_t i = 0;
    while (i < folded.size()) {
        while (i < folded.size() && folded[i] == ' ') ++i;
        size_t start = i;
        while (i < folded.size() && folded[i] != ' ') ++i;
        if (i > start) words.emplace_back(folded.substr(start, i - start));
    }
    return words;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

// Every string made by deleting one character: the symmetric-delete typo index's keys.
template <typename Callback>
void for_each_delete(std::string_view word, Callback&& callback) {
    std::string variant;
    for (size_t i = 0; i < word.size(); ++i) {
        if (i > 0 && word[i] == word[i - 1]) continue;  // same variant as the previous one
        variant.assign(word.substr(0, i));
        variant.append(word.substr(i + 1));
        callback(variant);
    }
}

// Which letters a word holds, one bit per letter: a-z, 0-9, other bytes folded onto the
// remaining bits (a shared bit only weakens the bounds below, never breaks them).
uint64_t letter_set(std::string_view word) {
    uint64_t set = 0;
    for (char c : word) {
        auto byte = static_cast<unsigned char>(c);
        unsigned bit = (byte >= 'a' && byte <= 'z') ? byte - 'a'
                       : (byte >= '0' && byte <= '9') ? 26u + (byte - '0')
                                                      : 36u + byte % 28u;
        set |= uint64_t{1} << bit;
    }
    return set;
}

// Branch-free population count (bits summed in pairs, nibbles, bytes): run thousands of
// times per search, where a loop over the set bits showed up as the main cost.
int count_bits(uint64_t bits) {
    bits = bits - ((bits >> 1) & 0x5555555555555555ull);
    bits = (bits & 0x3333333333333333ull) + ((bits >> 2) & 0x3333333333333333ull);
    bits = (bits + (bits >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return static_cast<int>((bits * 0x0101010101010101ull) >> 56);
}

}  // namespace

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::vector<std::string> name_tokens(std::string_view text) {
    std::string folded;
    folded.reserve(text.size());
    for (size_t i = 0; i < text.size();) i += fold_utf8(text, i, folded);
    std::vector<std::string> words = split_words(folded);
    std::vector<std::string> kept;
    for (auto& w : words)
        if (!company_words().count(w)) kept.push_back(w);
    return kept.empty() ? words : kept;
}

std::string normalize_name(std::string_view text) {
    std::string joined;
    for (const auto& word : name_tokens(text)) {
        if (!joined.empty()) joined += ' ';
        joined += word;
    }
    return joined;
}

std::string compact_name(std::string_view text) {
    std::string folded;
    for (size_t i = 0; i < text.size();) i += fold_utf8(text, i, folded);
    folded.erase(std::remove(folded.begin(), folded.end(), ' '), folded.end());
    return folded;
}

// --- Distance and similarity -----------------------------------------------------------
int bounded_edit_distance(std::string_view a, std::string_view b, int max_distance) {
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > max_distance) return max_distance + 1;
    if (n == 0 || m == 0) return std::max(n, m);
    // Three rolling rows: the transposition rule looks two rows back.
    std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
    for (int j = 0; j <= m; ++j) previous[j] = j;
    for (int i = 1; i <= n; ++i) {
        current[0] = i;
        int row_best = current[0];
        for (int j = 1; j <= m; ++j) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int value = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                value = std::min(value, before[j - 2] + 1);
            current[j] = value;
            row_best = std::min(row_best, value);
        }
        if (row_best > max_distance) return max_distance + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], max_distance + 1);
}

int allowed_typos(size_t token_length) {
    if (token_length <= 3) return 0;
    if (token_length <= 7) return 1;
    return 2;
}

double token_similarity(std::string_view query_token, std::string_view name_token) {
    if (query_token == name_token) return 1.0;
    const size_t longest = std::max(query_token.size(), name_token.size());
    const int allowed = allowed_typos(std::min(query_token.size(), name_token.size()) + 1);
    if (allowed > 0) {
        int distance = bounded_edit_distance(query_token, name_token, allowed);
        if (distance <= allowed && distance <= allowed_typos(name_token.size()))
            return 1.0 - static_cast<double>(distance) / static_cast<double>(longest);
    }
    // A half-typed word: "hikvis" for "hikvision".
    if (query_token.size() >= 3 && starts_with(name_token, query_token))
        return 0.5 + 0.4 * static_cast<double>(query_token.size()) / static_cast<double>(name_token.size());
    return 0.0;
}

namespace {

// At least token_similarity(query_word, name_word) for two different words, from their
// lengths and letter sets: the cheap test that spares a full comparison.
// Typos: an insertion or deletion changes the set of letters a word holds by at most one
// letter, a substitution by at most two, a transposition not at all, so two different
// words are at least max(1, length difference, ceil(letters held by only one / 2)) edits
// apart, and the typo score 1 - distance/length only falls as the distance grows.
// Half-typed words: the same expression as token_similarity, tested only when every letter
// of the query word is in the name word (name_starts_with_query() reads the text).
template <typename PrefixTest>
double different_token_bound(size_t query_length, uint64_t query_letters, size_t name_length, uint64_t name_letters,
                             PrefixTest&& name_starts_with_query) {
    const size_t shorter = std::min(query_length, name_length);
    const size_t longest = std::max(query_length, name_length);
    double bound = 0;
    const int most = std::min(allowed_typos(shorter + 1), allowed_typos(name_length));
    if (most > 0) {
        const int fewest = std::max({1, static_cast<int>(longest - shorter),
                                     (count_bits(query_letters ^ name_letters) + 1) / 2});
        if (fewest <= most) bound = 1.0 - static_cast<double>(fewest) / static_cast<double>(longest);
    }
    if (query_length >= 3 && name_length > query_length && (query_letters & ~name_letters) == 0 &&
        name_starts_with_query())
        bound = std::max(bound, 0.5 + 0.4 * static_cast<double>(query_length) / static_cast<double>(name_length));
    return bound;
}

// Greedy best cover of the name's words by the query's words; returns the mean word
// similarity and how many query words were used.
double cover(const std::vector<std::string>& name_words, const std::vector<std::string>& query_words,
             size_t& used_query_words) {
    std::vector<bool> used(query_words.size(), false);
    double total = 0;
    used_query_words = 0;
    for (const auto& name_word : name_words) {
        double best = 0;
        size_t best_at = query_words.size();
        for (size_t q = 0; q < query_words.size(); ++q) {
            if (used[q]) continue;
            double s = token_similarity(query_words[q], name_word);
            if (s > best) { best = s; best_at = q; }
        }
        if (best_at < query_words.size()) { used[best_at] = true; ++used_query_words; }
        total += best;
    }
    return name_words.empty() ? 0.0 : total / static_cast<double>(name_words.size());
}

double combine(double coverage, size_t used, size_t query_words, NameIndex::Mode mode) {
    if (mode == NameIndex::Mode::kInText || query_words == 0) return coverage;
    return coverage * (0.7 + 0.3 * static_cast<double>(used) / static_cast<double>(query_words));
}

}  // namespace

double name_similarity(std::string_view query, std::string_view name) {
    if (compact_name(query) == compact_name(name) && !compact_name(name).empty()) return 1.0;
    auto query_words = name_tokens(query);
    auto name_words = name_tokens(name);
    size_t used = 0;
    double coverage = cover(name_words, query_words, used);
    return combine(coverage, used, query_words.size(), NameIndex::Mode::kName);
}

// --- Name index --------------------------------------------------------------------------
void NameIndex::add(std::string_view name, NamePayload payload) {
    std::string normalized = normalize_name(name);
    if (normalized.empty()) return;
    auto found = by_normalized_.find(normalized);
    uint32_t id;
    if (found != by_normalized_.end()) {
        id = found->second;
        // Show the plainest spelling: "Hikvision" rather than the legal "Hangzhou Hikvision ...".
        if (name.size() < entries_[id].display.size()) entries_[id].display = std::string(name);
    } else {
        id = static_cast<uint32_t>(entries_.size());
        Entry entry;
        entry.display = std::string(name);
        entry.tokens = name_tokens(name);
        entry.compact = compact_name(normalized);
        EntryShape shape;
        shape.first_token = static_cast<uint32_t>(entry_tokens_.size());
        shape.token_count = static_cast<uint32_t>(entry.tokens.size());
        shape.compact_length = static_cast<uint32_t>(entry.compact.size());
        shape.compact_letters = letter_set(entry.compact);
        shape.compact_first = entry.compact.empty() ? '\0' : entry.compact[0];
        entry_shapes_.push_back(shape);
        by_normalized_.emplace(normalized, id);
        by_compact_.emplace(entry.compact, id);
        for (const auto& token : entry.tokens) {
            auto [it, inserted] = token_ids_.emplace(token, static_cast<uint32_t>(tokens_.size()));
            if (inserted) {
                longest_token_ = std::max(longest_token_, token.size());
                tokens_.push_back(token);
                token_letters_.push_back(letter_set(token));
                token_entries_.emplace_back();
                if (allowed_typos(token.size() + 1) > 0)
                    {
                    // clang 14 cannot capture a structured binding: copy the id first.
                    uint32_t token_id = it->second;
                    for_each_delete(token, [&](const std::string& v) { deletes_.emplace(v, token_id); });
                }
            }
            entry_tokens_.push_back(it->second);  // every word, repeats too: score_bound mirrors cover()
            auto& holders = token_entries_[it->second];
            if (holders.empty() || holders.back() != id) holders.push_back(id);
        }
        entries_.push_back(std::move(entry));
    }
    auto& payloads = entries_[id].payloads;
    for (const auto& p : payloads)
        if (p.family == payload.family && p.kind == payload.kind) return;
    payloads.push_back(payload);
}

void NameIndex::candidate_tokens(std::string_view query_token, std::vector<uint32_t>& out) const {
    std::string key(query_token);
    if (auto it = token_ids_.find(key); it != token_ids_.end()) out.push_back(it->second);
    // A word two letters longer than every indexed word is no typo of one, and its deletes
    // would cost the square of its length: a pasted page must stay cheap.
    if (allowed_typos(query_token.size() + 1) > 0 && query_token.size() <= longest_token_ + 2) {
        // Index word = query minus a letter, query = index word minus a letter, or both
        // minus one letter (substitution, transposition).
        auto range = deletes_.equal_range(key);
        for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
        for_each_delete(query_token, [&](const std::string& variant) {
            if (auto it = token_ids_.find(variant); it != token_ids_.end()) out.push_back(it->second);
            auto r = deletes_.equal_range(variant);
            for (auto it = r.first; it != r.second; ++it) out.push_back(it->second);
        });
    }
    if (query_token.size() >= 3) {
        auto it = std::lower_bound(sorted_tokens_.begin(), sorted_tokens_.end(), query_token,
                                   [&](uint32_t t, std::string_view q) { return tokens_[t] < q; });
        // Bounded: a three-letter start can be shared by many words; the first ones suffice.
        for (int taken = 0; it != sorted_tokens_.end() && taken < 32 && starts_with(tokens_[*it], query_token);
             ++it, ++taken)
            out.push_back(*it);
    }
}

void NameIndex::finish() {
    sorted_tokens_.resize(tokens_.size());
    for (uint32_t i = 0; i < tokens_.size(); ++i) sorted_tokens_[i] = i;
    std::sort(sorted_tokens_.begin(), sorted_tokens_.end(), [&](uint32_t a, uint32_t b) { return tokens_[a] < tokens_[b]; });
}

double NameIndex::score(const Entry& entry, const std::vector<std::string>& query_tokens,
                        std::string_view query_compact, Mode mode) const {
    if (entry.compact == query_compact) return 1.0;
    size_t used = 0;
    double coverage = cover(entry.tokens, query_tokens, used);
    double best = combine(coverage, used, query_tokens.size(), mode);
    // A name printed with spaces or hyphens typed as one word: "dlink" for "D-Link".
    if (entry.tokens.size() > 1) {
        for (const auto& q : query_tokens) {
            double s = token_similarity(q, entry.compact);
            if (s > 0) best = std::max(best, combine(s, 1, query_tokens.size(), mode));
        }
    }
    return best;
}

// An upper bound of score(), to skip names that cannot reach a threshold without changing
// any result. It mirrors score() term by term with each word similarity replaced by an
// upper bound (1 for the same word, different_token_bound otherwise): the greedy cover
// gives each name word at most its best similarity against any query word and counts a
// query word as used only for a name word scoring above zero, so "used" is at most
// min(name words with a bound above zero, query words). Sum, mean and combine() are
// monotone, in floating point too, so score() <= score_bound() for every name and query.
double NameIndex::score_bound(uint32_t id, const QueryWords& query, Mode mode) const {
    const EntryShape& shape = entry_shapes_[id];
    const size_t query_count = query.tokens.size();
    // Lengths and letters first: most names differ there, and then the text is not read.
    auto same_as_compact = [&](std::string_view text, uint64_t letters) {
        return text.size() == shape.compact_length && letters == shape.compact_letters && entries_[id].compact == text;
    };
    if (same_as_compact(query.compact, query.compact_letters)) return 1.0;

    double total = 0;
    size_t matchable = 0;
    for (uint32_t i = 0; i < shape.token_count; ++i) {
        const uint32_t token = entry_tokens_[shape.first_token + i];
        const std::string& word = tokens_[token];
        double best = 0;
        for (size_t q = 0; q < query_count; ++q) {
            double s = token == query.ids[q] ? 1.0
                       : different_token_bound(query.tokens[q].size(), query.letters[q], word.size(), token_letters_[token],
                                               [&] { return starts_with(word, query.tokens[q]); });
            best = std::max(best, s);
        }
        total += best;
        if (best > 0) ++matchable;
    }
    const double coverage = shape.token_count == 0 ? 0.0 : total / static_cast<double>(shape.token_count);
    double bound = combine(coverage, std::min(matchable, query_count), query_count, mode);
    if (shape.token_count > 1) {
        for (size_t q = 0; q < query_count; ++q) {
            double s = same_as_compact(query.tokens[q], query.letters[q])
                           ? 1.0
                           : different_token_bound(query.tokens[q].size(), query.letters[q], shape.compact_length,
                                                   shape.compact_letters,
                                                   [&] {
                                                       return query.tokens[q][0] == shape.compact_first &&
                                                              starts_with(entries_[id].compact, query.tokens[q]);
                                                   });
            if (s > 0) bound = std::max(bound, combine(s, 1, query_count, mode));
        }
    }
    return bound;
}

// Names holding a word that equals, is one typo from, or starts with a query word (or the
// query typed as one word), plus the name spelled exactly as the query; each once, in no
// particular order (search sorts its hits).
std::vector<uint32_t> NameIndex::candidate_names(const QueryWords& query) const {
    std::vector<uint32_t> tokens;
    for (const auto& t : query.tokens) candidate_tokens(t, tokens);
    if (query.tokens.size() > 1) candidate_tokens(query.compact, tokens);  // "hik vision"

    std::vector<uint32_t> names;
    std::vector<bool> seen(entries_.size(), false);
    auto take = [&](uint32_t id) {
        if (!seen[id]) {
            seen[id] = true;
            names.push_back(id);
        }
    };
    if (auto it = by_compact_.find(query.compact); it != by_compact_.end()) take(it->second);
    for (uint32_t t : tokens)
        for (uint32_t id : token_entries_[t]) take(id);
    return names;
}

NameIndex::QueryWords NameIndex::query_words(std::string_view query) const {
    QueryWords words;
    words.tokens = name_tokens(query);
    // Every word is compared with every word of every candidate name, so a pasted page is
    // read up to its first kMaxQueryWords different words: names are a few words long and a
    // label shows its brand and model near the top.
    if (words.tokens.size() > kMaxQueryWords) {
        std::vector<std::string> distinct;
        std::unordered_set<std::string> seen;
        for (auto& t : words.tokens)
            if (seen.insert(t).second && distinct.size() < kMaxQueryWords) distinct.push_back(std::move(t));
        words.tokens = std::move(distinct);
    }
    for (const auto& t : words.tokens) {
        words.compact += t;
        words.letters.push_back(letter_set(t));
        auto it = token_ids_.find(t);
        words.ids.push_back(it == token_ids_.end() ? kNoToken : it->second);
    }
    words.compact_letters = letter_set(words.compact);
    return words;
}

std::vector<NameHit> NameIndex::search(std::string_view query, double min_similarity, Mode mode) const {
    std::vector<NameHit> hits;
    const QueryWords words = query_words(query);
    if (words.tokens.empty()) return hits;

    for (uint32_t id : candidate_names(words)) {
        // A common word ("view") brings thousands of names; most cannot reach the threshold.
        if (score_bound(id, words, mode) < min_similarity) continue;
        double s = score(entries_[id], words.tokens, words.compact, mode);
        if (s >= min_similarity) hits.push_back({id, s});
    }
    std::sort(hits.begin(), hits.end(), [](const NameHit& a, const NameHit& b) {
        return a.similarity != b.similarity ? a.similarity > b.similarity : a.name < b.name;
    });
    return hits;
}

// --- Model prefix index ------------------------------------------------------------------
void ModelIndex::add(std::string_view model, uint32_t family) {
    std::string compact = compact_name(model);
    if (compact.size() < 2) return;
    auto [it, inserted] = by_compact_.emplace(compact, static_cast<uint32_t>(prefixes_.size()));
    if (inserted) {
        longest_ = std::max(longest_, compact.size());
        prefixes_.push_back({std::string(model), compact, {}});
        if (compact.size() >= 5)
            {
            uint32_t prefix_id = it->second;  // clang 14 cannot capture a structured binding
            for_each_delete(compact, [&](const std::string& v) { deletes_.emplace(v, prefix_id); });
        }
    }
    auto& families = prefixes_[it->second].families;
    if (std::find(families.begin(), families.end(), family) == families.end()) families.push_back(family);
}

void ModelIndex::finish() {
    sorted_.resize(prefixes_.size());
    for (uint32_t i = 0; i < prefixes_.size(); ++i) sorted_[i] = i;
    std::sort(sorted_.begin(), sorted_.end(), [&](uint32_t a, uint32_t b) { return prefixes_[a].compact < prefixes_[b].compact; });
}

std::vector<ModelHit> ModelIndex::search(std::string_view typed_model) const {
    const std::string typed = compact_name(typed_model);
    struct Scored { uint32_t id; double similarity; bool exact; };
    std::vector<Scored> prefix_scores;
    if (typed.size() < 2) return {};

    // Listed prefixes the typed model starts with; a short series ("IPC", "DS") says less
    // than a long one ("IPC-HFW"), so similarity grows with the prefix's length.
    auto specificity = [](size_t length) { return std::min(1.0, 0.55 + 0.075 * static_cast<double>(length)); };
    // No listed prefix is longer than longest_, so no longer start of the typed model can
    // match one: this keeps a pasted page of text as cheap as a model number.
    const size_t longest_start = std::min(typed.size(), longest_ + 1);
    for (size_t length = 2; length <= std::min(typed.size(), longest_); ++length) {
        auto it = by_compact_.find(typed.substr(0, length));
        if (it != by_compact_.end()) prefix_scores.push_back({it->second, specificity(length), true});
    }
    // The same with one typo, for prefixes long enough that one typo is still specific.
    for (size_t length = 5; length <= longest_start + 1; ++length) {
        std::string start = typed.substr(0, std::min(length, typed.size()));
        auto consider = [&](uint32_t id) {
            const std::string& p = prefixes_[id].compact;
            std::string_view against = std::string_view(typed).substr(0, std::min(typed.size(), p.size()));
            int d = bounded_edit_distance(against, p, 1);
            if (d > 1 && typed.size() > p.size())
                d = std::min(d, bounded_edit_distance(std::string_view(typed).substr(0, p.size() + 1), p, 1));
            if (d > 1 && p.size() >= 2)
                d = std::min(d, bounded_edit_distance(std::string_view(typed).substr(0, std::min(typed.size(), p.size() - 1)), p, 1));
            if (d == 1) prefix_scores.push_back({id, 0.85 * specificity(p.size()), false});
        };
        auto range = deletes_.equal_range(start);
        for (auto it = range.first; it != range.second; ++it) consider(it->second);
        for_each_delete(start, [&](const std::string& v) {
            if (auto it = by_compact_.find(v); it != by_compact_.end() && v.size() >= 5) consider(it->second);
            auto r = deletes_.equal_range(v);
            for (auto it = r.first; it != r.second; ++it) consider(it->second);
        });
    }
    // Half-typed models: "ds2c" finds the "DS-2CD" series, less surely.
    if (typed.size() >= 3) {
        auto it = std::lower_bound(sorted_.begin(), sorted_.end(), typed,
                                   [&](uint32_t p, const std::string& q) { return prefixes_[p].compact < q; });
        for (int taken = 0; it != sorted_.end() && taken < 32 && starts_with(prefixes_[*it].compact, typed);
             ++it, ++taken)
            if (prefixes_[*it].compact.size() > typed.size())
                prefix_scores.push_back({*it, 0.5 + 0.4 * static_cast<double>(typed.size()) /
                                                        static_cast<double>(prefixes_[*it].compact.size()), false});
    }

    // Best prefix per family; a longer matching prefix is the more specific reason.
    std::vector<ModelHit> hits;
    for (const auto& [id, similarity, exact] : prefix_scores)
        for (uint32_t family : prefixes_[id].families) {
            auto found = std::find_if(hits.begin(), hits.end(), [&](const ModelHit& h) { return h.family == family; });
            if (found == hits.end()) hits.push_back({family, id, similarity, exact});
            else if (similarity > found->similarity ||
                     (similarity == found->similarity &&
                      prefixes_[id].compact.size() > prefixes_[found->prefix].compact.size()))
                *found = {family, id, similarity, exact};
        }
    std::sort(hits.begin(), hits.end(), [](const ModelHit& a, const ModelHit& b) {
        return a.similarity != b.similarity ? a.similarity > b.similarity : a.family < b.family;
    });
    return hits;
}

// --- Fingerprint index -------------------------------------------------------------------
namespace {

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// A character that continues a word on the left of a pattern: letters, digits and the
// joiners of compound server names ("uc-httpd", "mini_httpd", "boa.httpd").
bool joins_left(char c) { return is_alnum(c) || c == '_' || c == '-' || c == '.'; }
// On the right only letters and digits continue it: "GoAhead" names "GoAhead-Webs" and
// "dropbear" names "dropbear_2014.63" (a name, then its variant or version).
bool joins_right(char c) { return is_alnum(c); }

// Three bytes as one number: the trigram buckets' key.
uint32_t trigram(std::string_view text, size_t at) {
    return static_cast<uint32_t>(static_cast<unsigned char>(text[at])) << 16 |
           static_cast<uint32_t>(static_cast<unsigned char>(text[at + 1])) << 8 |
           static_cast<uint32_t>(static_cast<unsigned char>(text[at + 2]));
}

std::string pattern_key(std::string_view lowered, PatternPlace place) {
    std::string key(1, static_cast<char>('0' + static_cast<int>(place)));
    key.append(lowered);
    return key;
}

// The rule for one occurrence of `pattern` at `at` in `text`, both lower case and the text
// without leading or trailing spaces (trimmed()).
bool placed(std::string_view pattern, PatternPlace place, std::string_view text, size_t at) {
    if (text.compare(at, pattern.size(), pattern) != 0) return false;
    const size_t end = at + pattern.size();
    switch (place) {
        case PatternPlace::kStart: return at == 0;
        case PatternPlace::kWhole: return at == 0 && (end == text.size() || text[end] == '/');
        case PatternPlace::kWord:
        case PatternPlace::kPrefix: {
            // Edges that are letters or digits must meet the start of a word (and for kWord
            // its end); punctuation at an edge ("DCS-") may run into anything.
            if (is_alnum(pattern.front()) && at > 0 && joins_left(text[at - 1])) return false;
            if (place == PatternPlace::kWord && is_alnum(pattern.back()) && end < text.size() && joins_right(text[end]))
                return false;
            return true;
        }
    }
    return false;
}

std::string trimmed_lower(std::string_view text) {
    size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    size_t last = text.find_last_not_of(" \t\r\n");
    return lower_ascii(text.substr(first, last - first + 1));
}

}  // namespace

bool pattern_matches(std::string_view pattern, PatternPlace place, std::string_view text) {
    const std::string p = lower_ascii(pattern), t = trimmed_lower(text);
    if (p.empty()) return false;
    for (size_t at = t.find(p); at != std::string::npos; at = t.find(p, at + 1))
        if (placed(p, place, t, at)) return true;
    return false;
}

void FingerprintIndex::add(std::string_view pattern, PatternPlace place, uint32_t family, uint8_t weight) {
    std::string lowered = lower_ascii(pattern);
    if (lowered.empty()) return;
    auto [it, inserted] = by_key_.emplace(pattern_key(lowered, place), static_cast<uint32_t>(patterns_.size()));
    if (inserted) {
        patterns_.push_back({std::string(pattern), lowered, place, {}, {}});
        if (lowered.size() >= 3) {
            uint32_t key = trigram(lowered, 0);
            by_trigram_[key].push_back(it->second);
            first_pairs_[key >> 8] = 1;
        }
        else short_patterns_.push_back(it->second);
    }
    Pattern& p = patterns_[it->second];
    auto known = std::find(p.families.begin(), p.families.end(), family);
    if (known == p.families.end()) {
        p.families.push_back(family);
        p.weights.push_back(weight);
    } else {
        uint8_t& kept = p.weights[static_cast<size_t>(known - p.families.begin())];
        kept = std::min(kept, weight);  // listed twice: the weaker claim holds
    }
}

bool FingerprintIndex::matches_at(const Pattern& pattern, std::string_view lowered, size_t at) const {
    return placed(pattern.lowered, pattern.place, lowered, at);
}

std::vector<uint32_t> FingerprintIndex::search(std::string_view text) const {
    std::vector<uint32_t> found;
    const std::string lowered = trimmed_lower(text);
    for (size_t i = 0; i + 3 <= lowered.size(); ++i) {
        // Most places start no pattern: a table of first letter pairs says so without hashing.
        const uint32_t key = trigram(lowered, i);
        if (!first_pairs_[key >> 8]) continue;
        auto it = by_trigram_.find(key);
        if (it == by_trigram_.end()) continue;
        for (uint32_t id : it->second)
            if (matches_at(patterns_[id], lowered, i)) found.push_back(id);
    }
    // Short patterns ("GS", "XM") are few; each is looked for in one pass over the text.
    for (uint32_t id : short_patterns_) {
        const std::string& p = patterns_[id].lowered;
        for (size_t at = lowered.find(p); at != std::string::npos; at = lowered.find(p, at + 1))
            if (matches_at(patterns_[id], lowered, at)) { found.push_back(id); break; }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

}  // namespace cleanslate
