"""Where a place in the cleaned text stands in the file it was read from: line and column.

Cleaning (``desktop.plan.read.textio``) keeps, for each line of the cleaned text, the file line it
starts on. That is enough for a line number, but not for a column, nor for a place in a paragraph
that was rejoined from several file lines: the indentation it dropped, the page marks it removed
and the lines it glued all shift what follows. Tracking every edit through every cleaning step
would tie each step to this one need, so the place is found again afterwards instead.

Cleaning only ever deletes characters of the original, turns a web space into a plain space, and
inserts a space where it glues two Latin words; it never reorders. So the cleaned line is a
subsequence of the original read from its first file line on, and a greedy walk that matches each
cleaned character with the next equal character of the original finds it. Where the walk cannot
match (an HTML entity decoded to one character, say), the answer falls back to the line's origin
and the cleaned column, which is what the line map alone gave before.
"""

from __future__ import annotations

from collections.abc import Sequence

_SAME = {"\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\t": " ", "\u3000": " "}
# How far the walk may skip original characters in search of one cleaned character before it
# decides the two texts have parted (markup, an entity): beyond this the fallback is safer.
_MAX_SKIP = 400


def _norm(char: str) -> str:
    return _SAME.get(char, char)


def file_position(
    raw_lines: Sequence[str], cleaned_line: str, origin: int, column: int
) -> tuple[int, int] | None:
    """The 1-based (file line, column) of 1-based ``column`` of ``cleaned_line``, which starts on
    file line ``origin`` of ``raw_lines``; None when the walk cannot follow the cleaning."""
    if not (1 <= origin <= len(raw_lines)) or column < 1:
        return None
    target = min(column, len(cleaned_line) + 1) - 1
    line, pos = origin - 1, 0
    for index, char in enumerate(cleaned_line[: target + 1]):
        want = _norm(char)
        skipped = 0
        while True:
            if line >= len(raw_lines):
                return None
            raw = raw_lines[line]
            if pos >= len(raw):
                line, pos = line + 1, 0
                if want == " ":
                    break  # a space cleaning put where it glued two lines
                continue
            have = _norm(raw[pos])
            if have == want:
                break
            if want == " " and have != " ":
                break  # an inserted space: it stands before this character
            pos += 1
            skipped += 1
            if skipped > _MAX_SKIP:
                return None
        if line >= len(raw_lines):
            return None  # the walk ran off the file's end: the texts have parted
        if index == target:
            return line + 1, pos + 1
        if want == " " and (pos >= len(raw_lines[line]) or _norm(raw_lines[line][pos]) != " "):
            continue  # inserted: consumed nothing of the original
        pos += 1
    return line + 1, pos + 1  # the column just past the line's end
