// password_dictionaries.h — the ranked word lists the password estimator matches against.
// The lists are data cut at build time (scripts/make-password-data.py, make-wordlists.py) and
// handed to core as text at run time: the wizard fetches them when the password step opens.
// Nothing here is global: the screen owns one PasswordDictionaries and passes it in.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cleanslate {

// --- Text helpers -------------------------------------------------------------------
// Passwords are analysed as Unicode code points, so "é" is one character, as a person counts.
std::u32string utf8_to_code_points(std::string_view utf8);  // invalid bytes become U+FFFD
std::string code_points_to_utf8(std::u32string_view text);
// Lowercase for ASCII and Latin-1 letters; enough for the lists and keyboards we match.
std::u32string to_lower(std::u32string_view text);

// --- Ranked lists -------------------------------------------------------------------
// A word's rank says how common it is, 1 = most common: its position in the list, or, in a list
// cut into rank buckets, the first rank of its bucket (see add_ranked_text). zxcvbn counts a
// match's guesses from this rank, so the order of the source files matters.
using RankedWords = std::unordered_map<std::u32string, int>;

struct RankedList {
    std::string name;  // "passwords", "english_wikipedia", "dutch", "mirai", ...
    RankedWords ranks;
    size_t longest_word = 0;  // in code points: no longer stretch of a password can match
    std::unordered_map<int, int> words_at_rank;  // how many words share a rank (a bucket's size)

    // Adds a word at the next rank (one after the number of words listed) unless it is
    // already listed: the first (best) rank wins.
    void add(std::u32string word);
    // Adds a word at the given rank (a rank bucket's) unless it is already listed.
    void add(std::u32string word, int rank);
    // The highest position in frequency order a word of this rank can have: the rank itself
    // in a list without buckets, the bucket's last position in a bucketed one. What the
    // check tells a customer ("one of the 10 most used") must hold for that position.
    int last_position(int rank) const;
};

// Names with a meaning to the estimator (refusals and hints).
inline constexpr std::string_view kCommonPasswordsList = "passwords";
inline constexpr std::string_view kMiraiList = "mirai";

class PasswordDictionaries {
public:
    // One word a line, most common first. Lowercased; blank lines skipped; a word already
    // listed keeps its first (best) rank. Two kinds of header line:
    //   "#list NAME"  starts a new list NAME in the same text, so one file can carry several
    //                 lists; words before any header go to `list_name`.
    //   "#rank N"     starts a rank bucket: the words that follow, up to the next header, all
    //                 have rank N (a positive integer). The build writes buckets of ranks 1,
    //                 2-3, 4-7, 8-15, ... with N the bucket's FIRST rank and its words in
    //                 alphabetical order, which compresses far better than frequency order
    //                 (scripts/data_files.py). A word's rank is then at most its own rank in
    //                 frequency order (zxcvbn's): fewer guesses, so the check is only ever
    //                 stricter, never weaker.
    // Words outside a bucket (a list without "#rank" lines, or words right after "#list" or
    // after a "#rank" whose N is not a positive integer) take the next rank by position: one
    // after the number of words the list holds. So a list without buckets has rank = line
    // number, and adding to a list that already exists continues after its words.
    void add_ranked_text(std::string_view list_name, std::string_view text);

    // devices/mirai/credentials.json: {"credentials": [{"user", "password", ...}]}. The
    // passwords become the list "mirai", ranked in the scanner's order (its first guesses
    // first). Returns false and adds nothing if the text is not that shape.
    bool add_mirai_credentials(std::string_view json_text);

    const std::vector<RankedList>& lists() const { return lists_; }
    // Goes up whenever words are added: a verdict made before (another language's dictionary
    // arrived after a switch) is out of date.
    unsigned revision() const { return revision_; }
    const RankedList* find(std::string_view list_name) const;

    // Whether the lists the refusals depend on are loaded; the screen should not accept a
    // password before both are (a failed fetch must not silently weaken the check).
    bool has_common_passwords() const { return find(kCommonPasswordsList) != nullptr; }
    bool has_mirai_credentials() const { return find(kMiraiList) != nullptr; }

private:
    RankedList& list_named(std::string_view list_name);
    std::vector<RankedList> lists_;
    unsigned revision_ = 0;
};

}  // namespace cleanslate
