"""Writing the build's data files (shared by make-password-data.py and make-wordlists.py)."""
import os


def write_lines(path, lines):
    """One item a line, UTF-8, "\\n" endings; written to a temporary file first and moved
    into place, so a build step never picks up a half-written file."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, path)


# --- Ranked lists in rank buckets -------------------------------------------------------
RANK_BUCKET_FACTOR = 2


def bucketed_lines(ranked_words, factor=RANK_BUCKET_FACTOR):
    """A ranked list (most common first) as the lines of rank buckets: ranks 1, 2-3, 4-7,
    8-15, ... (each bucket `factor` times the one before), each bucket a header "#rank N"
    with N its FIRST rank, then its words in alphabetical order. The core gives every word
    of a bucket the rank N (wasm/core/password_dictionaries.h): a rank never higher than the
    word's own, so fewer guesses and a check only stricter, never weaker. Alphabetical order
    within a bucket is what makes the file compress: frequency order scatters similar words.
    Every word is kept; the caller removes duplicates first (the core keeps the best rank)."""
    if factor < 2:
        raise ValueError("bucketed_lines: the factor must be at least 2")
    lines = []
    first = 1  # the rank of the bucket's first word, 1-based
    while first <= len(ranked_words):
        end = first * factor  # the next bucket's first rank
        lines.append("#rank %d" % first)
        lines.extend(sorted(ranked_words[first - 1:end - 1]))
        first = end
    return lines
