"""Rejoining lines that a web page, a PDF or a document-sharing site broke inside a sentence.

A line that does not end its sentence, followed by a line that does not open something new (a
numbered heading, a role heading, a date, an issuer, a title), continues on that next line. That
is decided by classes of evidence, because a heading or a title also ends without a full stop:

- an open pair: the line leaves a quote, 《》 or bracket open (关于印发《…教育体育 / 工作要点》的通知);
- a page break: a PDF page marker stood between the two lines;
- prose: the line is a sentence's worth of text with clause punctuation, not a heading;
- a wrapped page: most lines of the text are cut at one width, as a PDF's lines are;
- a lone marker: ``一、`` or ``01`` alone on its line, its heading on the next;
- a line that starts with a comma or a closing bracket, which no line can;
- page chunks of a document-sharing site: ``1、`` ``2、`` … prefixed to pages cut mid-word.

Each line keeps the 1-based line of the file it began on, so a finding on the joined paragraph
reports the file's own first line of it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from desktop.plan.charclass import is_han
from desktop.plan.markers import match_marker
from desktop.plan.roles import match_label
from desktop.plan.titles import DATE_LINE, ORG_LINE, looks_like_title


@dataclass(slots=True)
class Line:
    """A line of text being cleaned: its 1-based line in the file, and what it holds."""

    origin: int
    text: str
    page_break: bool = False  # a PDF page marker stood right before this line


_TERMINAL = "。！？；;：:，,、"
_CLOSERS = "”’」』）)》〕】\\]"
_CLOSED = re.compile(rf"(?:[。！？!?；;：:…]+[{_CLOSERS}]*|[）)〕】\]])$")
_SENTENCE_CLOSED = re.compile(rf"[。！？!?]+[{_CLOSERS}]*$")
_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"), ("(", ")"), ("【", "】"), ("「", "」"), ("〔", "〕"))
_CLAUSE_PUNCT = re.compile(r"[，,、；;：:。]")
_SENTENCE_PUNCT = re.compile(r"[；;：:。]")
_HEADING_PUNCT = re.compile(r"[，,；;：:。]")
_LIST_LABEL = re.compile(r"^(?:抄\s*送|抄\s*报|分\s*送|主\s*送)\s*[:：]")
_NEW_FIELD = re.compile(r"^(?:附\s*件|印\s*发|抄\s*送|抄\s*报|主\s*送|联系人|联系电话|\d{4}\s*年)")
_CLOSING_PUNCT_START = re.compile(r"^[，,、。；;：:）)」』”’》〕】]")
_NOTICE_TITLE_TAIL = re.compile(r"(?:通知|决定|意见|要点|方案|计划|通报|函|批复|报告)$")
_PAGE_CHUNK = re.compile(r"^(\d{1,3})、")
_BARE_NUMBER = re.compile(r"^(?:0[1-9]|[1-9]\d)$")
_PROSE_MIN = 20  # characters: shorter lines are headings, names, dates more often than prose


def _closed(text: str) -> bool:
    return bool(_CLOSED.search(text))


def _open_pair(text: str) -> bool:
    return any(text.count(a) > text.count(b) for a, b in _PAIRS)


def _heading_like(text: str) -> bool:
    """A numbered heading without clause punctuation, or a role heading standing alone."""
    m = match_marker(text)
    if m is not None:
        return len(text) <= 40 and not _HEADING_PUNCT.search(text[m.length :])
    label = match_label(text)
    return label is not None and label.is_role and not label.inline_text


def _prose(text: str) -> bool:
    """A sentence's worth of running text: clause punctuation inside, not a bare heading."""
    if len(text) < _PROSE_MIN or looks_like_title(text):
        return False
    m = match_marker(text)
    if m is not None:  # 1)高三年级:2023年高考,… is prose; 一、加强党建,提升质量 is a heading
        return bool(_SENTENCE_PUNCT.search(text[m.length : -1]))
    return bool(_CLAUSE_PUNCT.search(text[:-1]))


def _opens_new(text: str) -> bool:
    """The line starts something of its own: a heading, a label, a date, an issuer, a title."""
    if match_marker(text) is not None or match_label(text) is not None:
        return True
    if DATE_LINE.match(text) or (len(text) <= 40 and ORG_LINE.match(text)):
        return True
    return looks_like_title(text) or bool(re.match(r"^(?:附\s*件|印\s*发|抄\s*送|抄\s*报|主\s*送)", text))


def _width(text: str) -> int:
    """Display width in half-width cells (half-width , : ; ( ) were full-width in the original)."""
    narrow = len(text.encode("ascii", "ignore")) - sum(text.count(ch) for ch in ",:;()")
    return 2 * len(text) - narrow


def wrap_width(lines: list[Line]) -> int | None:
    """The width a PDF cut its lines at, when most long lines share one; None for running text."""
    widths = [w for w in (_width(line.text) for line in lines) if w >= 30]
    if len(widths) < 5:
        return None
    counts = Counter(widths)

    def near(w: int) -> int:
        return counts[w - 1] + counts[w] + counts[w + 1]

    best = max(counts, key=lambda w: (near(w), w))
    if near(best) >= 5 and near(best) >= 0.3 * len(widths):
        return best + 1 if counts[best + 1] else best
    return None


def strip_page_chunks(lines: list[Line]) -> list[Line]:
    """Join a document-sharing site's page chunks (``1、…``, ``2、…``) cut mid-word at each start."""
    for start in range(min(3, len(lines))):
        m = _PAGE_CHUNK.match(lines[start].text)
        if not m or m.group(1) != "1":
            continue
        run = [start]
        while (
            run[-1] + 1 < len(lines)
            and (m := _PAGE_CHUNK.match(lines[run[-1] + 1].text))
            and int(m.group(1)) == len(run) + 1
        ):
            run.append(run[-1] + 1)
        pages = [lines[i].text for i in run]
        if len(run) < 2 or not all(len(p) >= 200 and is_han(p[-1]) for p in pages[:-1]):
            continue
        text = "".join(_PAGE_CHUNK.sub("", p, count=1) for p in pages)
        return [*lines[:start], Line(lines[start].origin, text), *lines[run[-1] + 1 :]]
    return lines


def _glue(a: str, b: str) -> str:
    return (
        a + " " + b
        if a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalnum()
        else a + b
    )


def rejoin(lines: list[Line], evidence: bool = True) -> list[Line]:
    """Rejoin lines broken in the middle of a sentence, a name or a list (see the module's rules).

    Without ``evidence`` (lines that are real paragraphs), only a notice title's 的通知 tail and an
    抄送 list broken by a narrow column are joined, as they always were.
    """
    width = wrap_width(lines) if evidence else None
    out: list[Line] = []
    in_list = False
    last_bare = 0
    for line in lines:
        text = line.text
        if out:
            prev = out[-1]
            if _joins(prev, line, width, in_list, last_bare, evidence):
                prev.text = _glue(prev.text, text)
                continue
        in_list = bool(_LIST_LABEL.match(text))
        if _BARE_NUMBER.match(text):
            last_bare = int(text) if text.startswith("0") or int(text) == last_bare + 1 else last_bare
        out.append(Line(line.origin, text, line.page_break))
    return out


def _lone_marker(text: str, last_bare: int) -> bool:
    m = match_marker(text)
    if m is not None and not text[m.length :].strip():
        return True
    return bool(_BARE_NUMBER.match(text)) and (text.startswith("0") or int(text) == last_bare)


def _joins(prev: Line, line: Line, width: int | None, in_list: bool, last_bare: int, evidence: bool) -> bool:
    a, b = prev.text, line.text
    ends_open = a[-1] not in _TERMINAL
    if ends_open and b.startswith("的") and len(b) <= 30 and _NOTICE_TITLE_TAIL.search(b):
        return True  # 关于印发《…》 / 的通知
    if in_list and not a.endswith("。") and not _NEW_FIELD.match(b) and _looks_like_list(b):
        return True  # 抄送：…区人大常委会办 / 公室，区政府办公室…
    if not evidence:
        return False
    if _CLOSING_PUNCT_START.match(b):
        return True  # a line cannot begin with a comma or a closing bracket
    if match_marker(b) is not None:
        return False
    if _lone_marker(a, last_bare):
        return True  # 一、 / 指导思想：…; 01 / 坚守教育初心使命
    if _closed(a) and not (width and not _SENTENCE_CLOSED.search(a) and _width(a) >= width - 6):
        return False
    if _opens_new(b):
        return False
    if width is not None and _width(a) >= width - 6 and not _heading_like(a):
        return True  # a PDF's line cut at the page width
    if line.page_break:
        return True  # 建构起“日常生活劳动+ / - 2 - / 生产劳动+服务性劳动”
    if _open_pair(a) and not _heading_like(a):
        return True
    return _prose(a)


def _looks_like_list(line: str) -> bool:
    """A continuation of an 抄送 list: names separated by commas, no sentence punctuation."""
    return len(line) <= 60 and "。" not in line[:-1] and not re.search(r"\d{4}年\d{1,2}月", line)
