#!/usr/bin/python3
"""Cut the password estimator's ranked dictionaries from Debian's python3-zxcvbn.

Run with /usr/bin/python3 (the Debian interpreter that sees python3-zxcvbn):
    /usr/bin/python3 scripts/make-password-data.py --out-dir build/native/data

Writes, one word a line, in rank buckets (data_files.bucketed_lines): a line "#rank N"
starts a bucket whose words all take rank N, the rank of its most common word; buckets hold
ranks 1, 2-3, 4-7, 8-15, ... and list their words alphabetically (it compresses far better):
    passwords.txt      the common-password list (zxcvbn's `passwords`, ranked by frequency)
    dictionary-en.txt  English words and names, as sections: a line "#list <name>" starts
                       a new ranked list (zxcvbn's english_wikipedia, us_tv_and_film,
                       surnames, female_names, male_names), each in its own buckets
The files are generated at build time and never committed: the data belongs to Debian's
package, and a newer package simply yields newer lists.
"""
import argparse
import os
import sys

from data_files import bucketed_lines, write_lines  # scripts/ is on sys.path: it is the script's folder

# --- Inputs -----------------------------------------------------------------------
try:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS
except ImportError:
    sys.exit("make-password-data: python3-zxcvbn is missing (apt-get install python3-zxcvbn) "
             "or this is not /usr/bin/python3")

# Sections of dictionary-en.txt, in zxcvbn's own names so verdicts stay comparable.
ENGLISH_SECTIONS = ["english_wikipedia", "us_tv_and_film", "surnames", "female_names", "male_names"]


# --- Cleaning -----------------------------------------------------------------------
def usable(word):
    """A list entry the core can store on one line and match: no blanks, no '#' header clash."""
    return word and not word.startswith("#") and not any(c.isspace() for c in word)


def ranked(words, limit):
    seen, out = set(), []
    for word in words:
        word = word.lower()
        if usable(word) and word not in seen:
            seen.add(word)
            out.append(word)
        if len(out) >= limit:
            break
    return out


# --- Main ---------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out-dir", required=True)
    parser.add_argument("--passwords", type=int, default=30000,
                        help="how many common passwords to keep (at least 10000)")
    parser.add_argument("--words", type=int, default=30000,
                        help="how many entries to keep per English word or name list")
    args = parser.parse_args()
    if args.passwords < 10000:
        sys.exit("make-password-data: keep at least 10000 common passwords")
    os.makedirs(args.out_dir, exist_ok=True)

    passwords = ranked(FREQUENCY_LISTS["passwords"], args.passwords)
    write_lines(os.path.join(args.out_dir, "passwords.txt"), bucketed_lines(passwords))

    lines = []
    for name in ENGLISH_SECTIONS:
        lines.append("#list " + name)
        lines.extend(bucketed_lines(ranked(FREQUENCY_LISTS[name], args.words)))
    write_lines(os.path.join(args.out_dir, "dictionary-en.txt"), lines)


if __name__ == "__main__":
    main()
