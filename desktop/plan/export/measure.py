"""Measuring text the way LibreOffice and Word set it: widths in characters, rows a paragraph
takes, where a 2号 title breaks.

Widths matter where the standard fixes positions relative to each other (署名 and 成文日期,
7.3.5) and for the title's shape (7.3.3). Digits and Latin letters are narrower than Chinese,
and both programs add a quarter-em between an ideograph and a run of digits, so
``2027年1月10日`` is about 7.4 characters wide, not 6.5: widths come from glyph advances, never
from counting characters.
"""

from __future__ import annotations


def text_width(text: str) -> float:
    """Width in 3号 characters: Chinese one, Latin letters and digits about a half."""
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in text)


_NUMBER_UNITS = frozenset("年月日号届次期个所项条%％")


def break_title(title: str, max_width: float = 20.0) -> list[str]:
    """Break a 2号 title into lines at word boundaries: fewest lines, as even as possible, and
    never an hourglass (a middle line shorter than both neighbours), per GB/T 9704 7.3.3.
    """
    if text_width(title) <= max_width:
        return [title]
    import itertools

    from desktop.plan.knowledge.tokens import cut

    # The shared tokenizer: its dictionary loads only the entries the title's characters need,
    # and its user dictionary keeps a domain term (课后服务, 五育并举) whole on one line.
    words = [w for w in cut(title) if w]
    cuts = list(itertools.accumulate(len(w) for w in words))[:-1]
    no_start, no_end = set("）》」”’，、。：；！？"), set("（《「“‘")
    cuts = [
        c
        for c in cuts
        if title[c] not in no_start
        and title[c - 1] not in no_end
        and not (title[c - 1].isdigit() and (title[c].isdigit() or title[c] in _NUMBER_UNITS))  # 2027｜年
    ]
    # A break inside the quoted name (关于印发《…》的通知) reads worse than one outside it.
    inside_quote = {c for c in cuts if title.rfind("《", 0, c) > title.rfind("》", 0, c)}
    best: tuple[float, list[str]] | None = None
    for count in range(2, 5):
        for chosen in itertools.combinations(cuts, count - 1):
            bounds = (0, *chosen, len(title))
            lines = [title[a:b] for a, b in itertools.pairwise(bounds)]
            widths = [text_width(line) for line in lines]
            if max(widths) > max_width:
                continue
            mean = sum(widths) / len(widths)
            score = sum((w - mean) ** 2 for w in widths)
            if any(
                widths[i] < widths[i - 1] and widths[i] < widths[i + 1] for i in range(1, len(widths) - 1)
            ):
                score += 1000
            score += 20 * sum(1 for c in chosen if c in inside_quote)
            if best is None or score < best[0]:
                best = (score, lines)
        if best is not None:
            return best[1]
    return [title]


_INDENTED = frozenset(("正文", "一级标题", "二级标题", "三级标题", "四级标题", "附件说明"))
_NO_LINE_START = frozenset("，。、；：？！）》」』”’…—,.;:?!)%％")
_NO_LINE_END = frozenset("（《「『“‘([")
_ASCII_NARROW = frozenset(",.;:!'|il ")


def line_count(text: str, indent_chars: float = 0, size: float = 16.0, width: float = 8845 / 20) -> int:
    """Rows a paragraph takes in the 版心, breaking as LibreOffice does: Chinese anywhere; a
    closing mark never starts a row (the glyph before it moves down with it) and an opening mark
    never ends one; a run of Latin letters or digits (2022, 1+X) moves down whole, with a
    quarter-em of automatic space between it and Chinese (tests/export compares it with renders)."""
    tokens = _glyph_tokens(text, size)
    rows, x = 1, indent_chars * size
    row: list[tuple[str, float]] = []
    for k, (first, w) in enumerate(tokens):
        need = w + (tokens[k + 1][1] if first in _NO_LINE_END and k + 1 < len(tokens) else 0)
        if x + need > width + 0.01 and (row or x > 0):
            rows += 1
            carried: list[tuple[str, float]] = []
            if first in _NO_LINE_START:
                while row:
                    carried.insert(0, row.pop())
                    if carried[0][0] not in _NO_LINE_START:
                        break
            row, x = carried, sum(t[1] for t in carried)
        row.append((first, w))
        x += w
    return rows


def width_pt(text: str, size: float = 16.0) -> float:
    """The advance of ``text`` set on one row, in points (automatic CJK–digit space included)."""
    return sum(w for _, w in _glyph_tokens(text, size))


def _glyph_tokens(text: str, size: float) -> list[tuple[str, float]]:
    """(first character, advance in points) of each unbreakable piece of ``text``."""
    # Glyphs condensed by 0.25 pt (Normal's character spacing).
    # The CJK–Latin automatic space measured in LibreOffice renders: 3.45–3.57 pt at 16 pt.
    cjk, narrow, gap = size - 0.25, size / 4 - 0.25, size * 0.22
    tokens, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isascii() and ch.isalnum():
            j = i
            while j < n and text[j].isascii() and (text[j].isalnum() or text[j] in ".+-"):
                j += 1
            w = sum(_latin_width(c, size) for c in text[i:j])
            # Automatic space only against ideographs, not against Chinese punctuation.
            w += gap if i > 0 and _ideograph(text[i - 1]) else 0
            w += gap if j < n and _ideograph(text[j]) else 0
        else:
            j = i + 1
            w = narrow if ch in _ASCII_NARROW else (size * 0.31 if ch.isascii() else cjk)
        tokens.append((ch, w))
        i = j
    return tokens


def _ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _latin_width(ch: str, size: float) -> float:
    """Times New Roman advances (em) less the 0.25 pt condensing."""
    if ch in _ASCII_NARROW:
        em = 0.25
    elif ch.isupper():
        em = 0.7
    elif ch.islower():
        em = 0.45
    elif ch == "+":
        em = 0.56
    else:
        em = 0.5
    return size * em - 0.25
