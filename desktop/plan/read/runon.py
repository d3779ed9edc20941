"""Text whose paragraph breaks the copy lost: headings run into the paragraph, PDF line breaks as spaces.

A document-sharing site or a PDF extractor may deliver a plan as a few long lines: the title, 一、
指导思想, its paragraph, 二、… all run together (…育新人。一、坚持党建工作的统领地位不动摇(一)提高…),
and every line break of the PDF turned into a space inside a word (指 导). The outline a reader
sees is still there, so the breaks are put back — but only on evidence, never on a marker alone:

- a marker that continues the numbering (二、 after 一、, 4. after 3.) after a full stop or a
  semicolon and a space — the trace of the line break the copy lost — starts a new line in any
  text (。（2） with no space is an author's inline list and stays);
- a marker after a space, following a heading with no clause punctuation, starts a new line
  (工作目标及具体措施 构建现代管理体系 1. 教师队伍建设。);
- in a line that has lost its breaks (long, with at least two continuing markers after full
  stops), a marker may also follow a full stop or a word directly (…工作计划一、指导思想…), and a
  role heading's name (指导思想, 工作目标) closes its heading line (一、指导思想 / 本学期学校将…).

Spaces between Chinese characters are removed only in a line where they recur at one interval,
the width of the PDF's lines: a single space (“不忘初心 牢记使命”) is the author's.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache

from desktop.plan.charclass import HAN, is_han
from desktop.plan.markers import MarkerMatch, match_marker
from desktop.plan.model import MarkerStyle
from desktop.plan.read.rejoin import Line
from desktop.plan.roles import role_names

_GAP = re.compile(r"(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])")
_MARKER_START = r"(?=[一二三四五六七八九十（(0-9０-９①-⑳])"
# What may stand before a marker inside a line: a full stop (or a semicolon and a space), a space
# after a word, or — only where the line lost its breaks — a word (not 第, 每, a numeral …).
_BEFORE = {
    "stop": re.compile(rf"[。！？!?][”’」』）)]*\s*{_MARKER_START}|[；;] \s*{_MARKER_START}"),
    "space": re.compile(rf" +{_MARKER_START}"),
    "word": re.compile(rf"(?<={HAN})(?<![第每约近达至和及或与共一二三四五六七八九十]){_MARKER_START}"),
}
_NOT_BEFORE_SPACE = " \t。！？!?；;”’」』）)"
_CLAUSE = re.compile(r"[，,。；;：:！？!?]")
_LOST_BREAKS_MIN = 200


@lru_cache(maxsize=1)
def _role_names_longest_first() -> tuple[str, ...]:
    return tuple(sorted(role_names(), key=lambda name: (-len(name), name)))


def close_pdf_gaps(lines: list[Line]) -> list[Line]:
    """Remove the spaces a PDF left inside words where its lines broke (recurring at one interval)."""
    for line in lines:
        text = line.text
        if len(text) < 150 or " " not in text:
            continue
        starts = [m.start() for m in _GAP.finditer(text)]
        if len(starts) < 5:
            continue
        gaps = Counter(b - a for a, b in itertools.pairwise(starts))
        width, count = gaps.most_common(1)[0]
        regular = count + gaps[width - 1] + gaps[width + 1]
        if width >= 15 and regular >= 4 and regular >= 0.4 * (len(starts) - 1):
            line.text = _GAP.sub("", text)
    return lines


def split_run_on(lines: list[Line]) -> list[Line]:
    """Put back the line breaks before headings that the copy ran into their paragraph."""
    last: dict[MarkerStyle, int] = {}
    out: list[Line] = []
    for line in lines:
        head = match_marker(line.text)
        if head is not None:
            _seen(last, head)
        cuts = _cuts(line.text, last) if len(line.text) > 20 else []
        if not cuts:
            out.append(line)
            continue
        bounds = [0, *cuts, len(line.text)]
        for a, b in itertools.pairwise(bounds):
            piece = line.text[a:b].strip()
            if piece:
                out.append(Line(line.origin, piece))
    return out


def _seen(last: dict[MarkerStyle, int], m: MarkerMatch) -> None:
    last[m.style] = m.number
    for style in list(last):
        if style.rank > m.style.rank:
            last[style] = 0  # a lower level may start again at 1 under a new heading


def _candidates(text: str, kinds: tuple[str, ...]) -> list[tuple[int, MarkerMatch, str]]:
    """Marker positions inside the line, with what precedes them: "stop" (a full stop and a space,
    the trace of a lost line break), "tight" (a full stop right before it), "space" or "word"."""
    found = []
    for kind in kinds:
        for m in _BEFORE[kind].finditer(text, 1):
            p = m.end()
            if kind == "space" and text[m.start() - 1] in _NOT_BEFORE_SPACE:
                continue
            marker = match_marker(text[p : p + 16])
            if marker is not None and p + marker.length < len(text):
                tight = kind == "stop" and not text[p - 1].isspace()
                found.append((p, marker, "tight" if tight else kind))
    found.sort(key=lambda c: c[0])
    return found


def _continues(last: dict[MarkerStyle, int], marker: MarkerMatch, fresh: bool) -> bool:
    previous = last.get(marker.style)
    if marker.number == 1:
        return fresh and not previous
    return previous is not None and marker.number == previous + 1


def _cuts(text: str, last: dict[MarkerStyle, int]) -> list[int]:
    candidates = _candidates(text, ("stop", "space"))
    if not candidates:
        return []
    stops = sum(1 for _, m, kind in candidates if kind in ("stop", "tight") and m.number >= 2)
    lost = len(text) >= _LOST_BREAKS_MIN and stops >= 2
    if lost:
        candidates = _candidates(text, ("stop", "space", "word"))
    cuts: list[int] = []
    if lost:
        head = match_marker(text)
        if head is not None:
            cuts += _role_cut(text, head.length)
    segment_start = 0
    for p, marker, kind in candidates:
        if kind in ("word", "tight") and not lost:
            continue  # 。（2） inside a paragraph is the author's inline list, unless the line lost its breaks
        if kind == "space" and _CLAUSE.search(text[segment_start:p]):
            continue
        if not _continues(last, marker, fresh=lost or kind == "space"):
            continue
        if kind in ("stop", "tight") and marker.number == 1 and not lost:
            continue
        _seen(last, marker)
        cuts.append(p)
        segment_start = p
        if lost:
            cuts += _role_cut(text[p:], marker.length, offset=p)
    return sorted(set(cuts))


def _role_cut(text: str, start: int, offset: int = 0) -> list[int]:
    """一、指导思想本学期… → cut after the role heading's name when a word follows it directly."""
    rest = text[start:]
    for name in _role_names_longest_first():
        if rest.startswith(name):
            after = rest[len(name) : len(name) + 1]
            if after and is_han(after):
                return [offset + start + len(name)]
            return []
    return []
