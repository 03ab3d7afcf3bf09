"""Writing the build's data files (shared by make-password-data.py and make-wordlists.py)."""
import os


def write_lines(path, lines):
    """One item a line, UTF-8, "\\n" endings; written to a temporary file first and moved
    into place, so a build step never picks up a half-written file."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, path)
