// text_match.h — typo- and case-tolerant matching of what people type against known names.
// Customers type "Hikvsion", feeds say "dahua technology", labels say "DS-2CD2042WD-I":
// every comparison in identification goes through the normalisation and the indexes here,
// so one set of rules decides what counts as "the same name".
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cleanslate {

// --- Normalisation ---------------------------------------------------------------------
// Lower case, Latin diacritics folded to ASCII, punctuation as spaces, runs of spaces
// collapsed, and company-form words ("technology", "co ltd", "inc", ...) dropped when
// something else remains: "Dahua Technology Co., Ltd." -> "dahua".
std::string normalize_name(std::string_view text);

// The normalised words of a text.
std::vector<std::string> name_tokens(std::string_view text);

// Only letters and digits, lower case: "D-Link" and "d link" both become "dlink",
// "DS-2CD2042WD-I" becomes "ds2cd2042wdi". Used for model numbers and spacing variants.
std::string compact_name(std::string_view text);

// --- Distance and similarity -----------------------------------------------------------
// Optimal-string-alignment (Damerau-Levenshtein with adjacent transpositions) distance,
// or max_distance + 1 as soon as the distance is known to exceed max_distance.
int bounded_edit_distance(std::string_view a, std::string_view b, int max_distance);

// How many edits a token of this length may carry and still count as a typo of another:
// none for short tokens (too many short words are one edit apart), then one, then two.
int allowed_typos(size_t token_length);

// 0..1 for two single tokens: 1 when equal, 1 - distance/length within allowed_typos,
// a partial score when the query is a prefix of at least three letters, else 0.
double token_similarity(std::string_view query_token, std::string_view name_token);

// 0..1 for a query against a name, both as free text. Every word of the name should be
// covered by a word of the query (typos allowed); extra query words cost a little
// ("xmeye pro" vs "XMEye" = 0.85), missing name words cost a lot.
double name_similarity(std::string_view query, std::string_view name);

// --- Name index --------------------------------------------------------------------------
// Many names, each carrying payloads (e.g. "family 12, as a brand"), looked up fuzzily.
// Lookup cost depends on the query's length, not on how many names there are: candidate
// names come from hash lookups on exact words, on words with one letter deleted
// (symmetric-delete typo search) and on word prefixes. A common word ("view", "cam") can
// make thousands of names candidates, so each is first checked against a cheap upper bound
// of its similarity (word lengths and letter sets); only those that could reach the
// threshold are scored in full.
struct NamePayload {
    uint32_t family = 0;  // index into DeviceDb::families
    uint8_t kind = 0;     // what the name is for that family; the caller's enum
};

struct NameHit {
    uint32_t name = 0;        // index into NameIndex::names()
    double similarity = 0;    // 0..1
};

class NameIndex {
public:
    struct Entry {
        std::string display;             // shortest spelling added, as printed
        std::vector<std::string> tokens; // normalised words
        std::string compact;             // letters and digits only
        std::vector<NamePayload> payloads;
    };

    void add(std::string_view name, NamePayload payload);

    // How the query is compared: kName wants the query to be the name (answers typed
    // into a field); kInText looks for the name anywhere inside a longer text (label
    // text, a feed's free-form vendor string), so extra words cost nothing.
    enum class Mode { kName, kInText };
    std::vector<NameHit> search(std::string_view query, double min_similarity,
                                Mode mode = Mode::kName) const;

    const std::vector<Entry>& names() const { return entries_; }
    // Sorts the words for prefix search; call once after the last add(). Searching before
    // finish() still works but finds no half-typed words.
    void finish();

private:
    // A query's words as the bounds need them: text, letters held, index word id if any.
    struct QueryWords {
        std::vector<std::string> tokens;
        std::vector<uint64_t> letters;
        std::vector<uint32_t> ids;        // kNoToken for a word no name holds
        std::string compact;
        uint64_t compact_letters = 0;
    };
    // An entry as the bounds need it, in flat arrays so thousands can be checked quickly:
    // its words are entry_tokens_[first_token .. first_token + token_count), in order.
    struct EntryShape {
        uint32_t first_token = 0;
        uint32_t token_count = 0;
        uint32_t compact_length = 0;
        uint64_t compact_letters = 0;
        char compact_first = 0;           // so most prefix tests need not read the text
    };
    static constexpr uint32_t kNoToken = 0xFFFFFFFFu;
    static constexpr size_t kMaxQueryWords = 64;

    double score(const Entry& entry, const std::vector<std::string>& query_tokens,
                 std::string_view query_compact, Mode mode) const;
    double score_bound(uint32_t id, const QueryWords& query, Mode mode) const;
    void candidate_tokens(std::string_view query_token, std::vector<uint32_t>& out) const;
    std::vector<uint32_t> candidate_names(const QueryWords& query) const;
    QueryWords query_words(std::string_view query) const;

    std::vector<Entry> entries_;
    std::vector<EntryShape> entry_shapes_;                      // parallel to entries_
    std::vector<uint32_t> entry_tokens_;                        // word ids of every entry, see EntryShape
    std::vector<uint64_t> token_letters_;                       // parallel to tokens_
    std::unordered_map<std::string, uint32_t> by_normalized_;   // dedup of spellings
    std::unordered_map<std::string, uint32_t> by_compact_;      // "dlink" == "d link"
    std::vector<std::string> tokens_;                           // unique words
    std::vector<std::vector<uint32_t>> token_entries_;          // word -> names holding it
    std::unordered_map<std::string, uint32_t> token_ids_;
    std::unordered_multimap<std::string, uint32_t> deletes_;    // word minus one letter -> word
    std::vector<uint32_t> sorted_tokens_;                       // by text, for prefix search (finish())
    size_t longest_token_ = 0;
};

// --- Model prefix index ------------------------------------------------------------------
// Model numbers are listed as series prefixes ("DS-2CD", "DIR-8"): a typed model matches a
// prefix when its compact form starts with it (similarity 0.7 for two characters rising to
// 1 for six or more: longer series are more specific), or with it give or take one typo for
// prefixes of five or more characters (0.85 of that). A typed model shorter than a listed prefix ("DS-2")
// still matches, partially, so half-typed models find their series.
struct ModelHit {
    uint32_t family = 0;
    uint32_t prefix = 0;      // index into ModelIndex::prefixes()
    double similarity = 0;    // 0..1
    bool exact = true;        // the typed model starts with the prefix, no typo, not half-typed
};

class ModelIndex {
public:
    struct Prefix {
        std::string display;
        std::string compact;
        std::vector<uint32_t> families;
    };
    void add(std::string_view model, uint32_t family);
    std::vector<ModelHit> search(std::string_view typed_model) const;
    const std::vector<Prefix>& prefixes() const { return prefixes_; }
    void finish();  // as NameIndex::finish(): enables half-typed models

private:
    std::vector<Prefix> prefixes_;
    std::unordered_map<std::string, uint32_t> by_compact_;
    std::unordered_multimap<std::string, uint32_t> deletes_;  // compact minus one char
    std::vector<uint32_t> sorted_;                            // by compact, for partial typing (finish())
    size_t longest_ = 0;                                      // longest compact prefix
};

// --- Fingerprint index -------------------------------------------------------------------
// Fingerprints are case-insensitive patterns in a header or banner ("uc-httpd" in
// "uc-httpd 1.0.0"). Where a pattern may stand is part of the pattern, so that a short name
// never matches an unrelated server that merely contains it:
//   kWord   whole words (the default). "httpd" is in "httpd/2.4" and "Linux httpd", never in
//           "mini_httpd", "uc-httpd", "lighttpd" or "thttpd": a word joined to the one before it
//           by '-' or '_' belongs to that word, while "GoAhead" still names "GoAhead-Webs".
//           A pattern edge that is no letter or digit ("DCS-") may run into anything.
//   kPrefix the start of a word: "RTL" in "RTL8196C login:".
//   kStart  the start of the text: "Linux, HTTP/1.1, DIR-" in "Linux, HTTP/1.1, DIR-825 Ver 2.0".
//   kWhole  the whole text, give or take a version after '/': "httpd" is "httpd" and
//           "httpd/2.0", not "Apache httpd".
// Patterns are bucketed by their first three letters, so a lookup walks the text once
// (linear in its length) instead of trying every pattern.
enum class PatternPlace : uint8_t { kWord, kPrefix, kStart, kWhole };

class FingerprintIndex {
public:
    struct Pattern {
        std::string display;
        std::string lowered;
        PatternPlace place = PatternPlace::kWord;
        std::vector<uint32_t> families;
        std::vector<uint8_t> weights;  // parallel to families: the caller's weight per family
    };
    void add(std::string_view pattern, PatternPlace place, uint32_t family, uint8_t weight = 0);
    std::vector<uint32_t> search(std::string_view text) const;  // pattern indexes found, sorted
    const std::vector<Pattern>& patterns() const { return patterns_; }

private:
    bool matches_at(const Pattern& pattern, std::string_view lowered, size_t at) const;
    std::vector<Pattern> patterns_;
    std::unordered_map<std::string, uint32_t> by_key_;  // place + lowered text
    std::unordered_map<uint32_t, std::vector<uint32_t>> by_trigram_;  // first three bytes -> patterns
    std::vector<uint8_t> first_pairs_ = std::vector<uint8_t>(1u << 16, 0);  // first two bytes of some pattern
    std::vector<uint32_t> short_patterns_;  // fewer than three characters
};

// True when `pattern` occurs in `text` at the place it names (case-insensitive); the single
// rule FingerprintIndex applies, for tools and tests that check one pattern.
bool pattern_matches(std::string_view pattern, PatternPlace place, std::string_view text);

std::string lower_ascii(std::string_view text);

}  // namespace cleanslate
