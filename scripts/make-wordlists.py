#!/usr/bin/python3
"""Cut the passphrase word lists (and the Dutch estimator dictionary) at build time.

Run with /usr/bin/python3 (the Debian interpreter that sees python3-zxcvbn):
    /usr/bin/python3 scripts/make-wordlists.py --out-dir build/native/data

Writes, one word a line:
    words-en.txt       passphrase words, English: common words from wbritish
    words-nl.txt       passphrase words, Dutch: common words from wdutch
    dictionary-nl.txt  ranked Dutch words for the strength estimator ("#list dutch"), in rank
                       buckets like the English one (data_files.bucketed_lines)
and, with --builtin-out FILE, a C++ source with the most common passphrase words of each
language built into the wizard: the suggestion can then always be made, even when the full
lists could not be loaded (the home is off the internet, a download failed).

Passphrase words are typed on a phone by people who may be 80: lowercase a-z only (no
diacritics, no capitals), 3 to 7 letters, none from scripts/wordlist-blocklist.txt.

How "common" is decided:
  English  wbritish words (lowercase spelling exists, so no proper names) ranked by their best
           rank in zxcvbn's english_wikipedia and us_tv_and_film frequency lists.
  Dutch    no Dutch frequency list is available from Debian, so commonness is estimated from
           wdutch itself: a word that is the first part of many compounds AND the last part
           of many compounds (huis: huiskamer, boerenhuis) is an everyday word; inflected
           forms (liep) and suffixes (heid, baar) are rarely both. Ties go to shorter words.
"""
import argparse
import bisect
import os
import sys

from data_files import bucketed_lines, write_lines  # scripts/ is on sys.path: it is the script's folder

try:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS
except ImportError:
    sys.exit("make-wordlists: python3-zxcvbn is missing or this is not /usr/bin/python3")

HERE = os.path.dirname(os.path.abspath(__file__))
BLOCKLIST = os.path.join(HERE, "wordlist-blocklist.txt")
DUTCH_SOURCES = ["/usr/share/dict/nederlands", "/usr/share/dict/dutch"]
ENGLISH_SOURCES = ["/usr/share/dict/british-english"]
PASSPHRASE_MIN, PASSPHRASE_MAX = 3, 7
LOWER_ASCII = set("abcdefghijklmnopqrstuvwxyz")


# --- Inputs -----------------------------------------------------------------------
def read_first(paths):
    for path in paths:
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return [line.strip() for line in f if line.strip()]
    sys.exit("make-wordlists: none of %s exists (apt-get install wdutch wbritish)" % paths)


def read_blocklist():
    """Words separated by spaces or newlines; '#' starts a comment. Whole words, any language."""
    words = set()
    with open(BLOCKLIST, encoding="utf-8") as f:
        for line in f:
            words.update(word.lower() for word in line.split("#", 1)[0].split())
    return words


def plain(word):
    return set(word) <= LOWER_ASCII


def typeable(word, blocked):
    return plain(word) and PASSPHRASE_MIN <= len(word) <= PASSPHRASE_MAX and word not in blocked


# --- English --------------------------------------------------------------------------
def english_passphrase_words(count, blocked):
    dictionary = set(w for w in read_first(ENGLISH_SOURCES) if plain(w))
    best_rank = {}
    for name in ("english_wikipedia", "us_tv_and_film"):
        for rank, word in enumerate(FREQUENCY_LISTS[name], 1):
            if word not in best_rank or rank < best_rank[word]:
                best_rank[word] = rank
    names = set(FREQUENCY_LISTS["male_names"][:500]) | set(FREQUENCY_LISTS["female_names"][:500])
    candidates = [w for w in best_rank
                  if w in dictionary and typeable(w, blocked) and w not in names]
    candidates.sort(key=lambda w: (best_rank[w], w))
    return candidates[:count]


# --- Dutch ------------------------------------------------------------------------------
def dutch_compound_scores(words):
    """For each word: min(#compounds it starts, #compounds it ends), where the rest of the
    compound is itself a word of 3+ letters (the Dutch linking -s- / -en- is allowed)."""
    vocabulary = set(words)
    by_prefix = sorted(vocabulary)
    by_suffix = sorted(w[::-1] for w in vocabulary)

    def rest_is_word(rest):
        if len(rest) >= 3 and rest in vocabulary:
            return True
        for link in ("s", "en", "e"):
            if rest.startswith(link) and len(rest) - len(link) >= 3 and rest[len(link):] in vocabulary:
                return True
        return False

    def count(sorted_words, stem, as_suffix):
        n = 0
        k = bisect.bisect_left(sorted_words, stem)
        while k < len(sorted_words) and sorted_words[k].startswith(stem):
            rest = sorted_words[k][len(stem):]
            if as_suffix:
                rest = rest[::-1]
                # "boerenhuis" -> head "boeren": allow the linking letters at the head's end
                if len(rest) >= 3 and (rest in vocabulary or rest.rstrip("s") in vocabulary
                                       or (rest.endswith("en") and rest[:-2] in vocabulary)):
                    n += 1
            elif rest_is_word(rest):
                n += 1
            k += 1
        return n

    scores = {}
    for word in vocabulary:
        if 3 <= len(word) <= 12:
            starts = count(by_prefix, word, False)
            ends = count(by_suffix, word[::-1], True)
            scores[word] = min(starts, ends)
    return scores


def dutch_words(blocked):
    words = [w for w in read_first(DUTCH_SOURCES) if plain(w)]
    scores = dutch_compound_scores(words)
    ranked = sorted(scores, key=lambda w: (-scores[w], len(w), w))
    return ranked, scores


def dutch_passphrase_words(ranked, scores, count, blocked):
    # Letters a Dutch reader meets mostly in loanwords are harder to spell from hearing.
    foreign = set("qxyc")
    chosen = []
    for word in ranked:
        if scores[word] <= 0:
            break
        if len(word) >= 4 and typeable(word, blocked) and not (set(word) & foreign and "ch" not in word):
            chosen.append(word)
        if len(chosen) >= count:
            break
    return chosen


# --- What the estimator can use ---------------------------------------------------------
def useful_to_estimator(ranked):
    """The ranked words without those the estimator never uses, whatever the password:
    - a word whose rank exceeds 10^length: guessing its letters blindly (bruteforce, 10 guesses
      a character) is already cheaper, so the cheapest reading of a password never picks it;
    - a word the common-password list (loaded for every customer) ranks more common: that
      match costs fewer guesses and wins.
    Later words move up by the dropped ones; a lower rank means fewer guesses, so the check
    only becomes stricter, never weaker. This judges ranks by position, before the list is
    cut into rank buckets (bucketed_lines), which only lowers the kept words' ranks further."""
    common = {}
    for rank, word in enumerate(FREQUENCY_LISTS["passwords"], 1):
        common.setdefault(word.lower(), rank)
    kept = []
    for word in ranked:
        rank = len(kept) + 1
        if rank <= 10 ** len(word) and common.get(word, rank + 1) >= rank:
            kept.append(word)
    return kept


# --- Main ---------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out-dir", required=True)
    parser.add_argument("--passphrase-words", type=int, default=2048,
                        help="words per language for passphrases (a power of two; at least 2048)")
    parser.add_argument("--dutch-dictionary", type=int, default=30000,
                        help="ranked Dutch words for the strength estimator")
    parser.add_argument("--builtin-out", help="write the built-in word lists as a C++ source here")
    parser.add_argument("--builtin-words", type=int, default=512,
                        help="built-in words per language (a power of two)")
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    blocked = read_blocklist()

    english = english_passphrase_words(args.passphrase_words, blocked)
    ranked_dutch, scores = dutch_words(blocked)
    dutch = dutch_passphrase_words(ranked_dutch, scores, args.passphrase_words, blocked)
    for language, words in (("en", english), ("nl", dutch)):
        if len(words) < 2048:
            sys.exit("make-wordlists: only %d %s words; need 2048" % (len(words), language))
        # Alphabetical: the rank is not a secret, but a sorted list reads and diffs better.
        write_lines(os.path.join(args.out_dir, "words-%s.txt" % language), sorted(words))

    write_lines(os.path.join(args.out_dir, "dictionary-nl.txt"),
                ["#list dutch"] + bucketed_lines(useful_to_estimator(ranked_dutch[:args.dutch_dictionary])))
    if args.builtin_out:
        write_builtin_source(args.builtin_out, {"nl": dutch[:args.builtin_words], "en": english[:args.builtin_words]})


# --- The built-in lists -------------------------------------------------------------
def write_builtin_source(path, lists):
    """The most common words of each list (the lists above are ranked, most common first) as
    one newline-separated string per language, read by load_passphrase_words at first use."""
    lines = ["// Generated at build time by scripts/make-wordlists.py from wdutch and wbritish: do not edit.",
             "// The most common passphrase words of each language, built into the wizard (passphrase.h).",
             '#include "core/passphrase.h"',
             "",
             "namespace cleanslate {",
             "",
             "namespace {"]
    for language, words in sorted(lists.items()):
        lines.append("const char kBuiltin_%s[] =" % language)
        for start in range(0, len(words), 12):
            lines.append('    "%s\\n"' % "\\n".join(words[start:start + 12]))
        lines[-1] += ";"
    lines += ["}  // namespace",
              "",
              "const std::vector<std::string>& builtin_passphrase_words(std::string_view language) {",
              "    static const std::vector<std::string> en = load_passphrase_words(kBuiltin_en);",
              "    static const std::vector<std::string> nl = load_passphrase_words(kBuiltin_nl);",
              '    return language == "en" ? en : nl;',
              "}",
              "",
              "}  // namespace cleanslate"]
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    write_lines(path, lines)


if __name__ == "__main__":
    main()
