"""The parts of a plan around its outline: issuing notice, title, issuer line, closing lines.

A plan published as the 附件 of an 印发通知 arrives with the notice in front of it (关于印发…的
通知, recipients, 现将…印发给你们, 附件, issuer, date, 抄送, 印发). The notice is kept apart from
the plan and read for metadata; so are the signature, date and 附注 after the plan's last item.

Without a notice, the title is the last title-like line before the plan's text begins: a copied
page's own title and the document's title often both stand there, the document's last. A title
written over two lines (the issuer, then 2022年工作要点) is one title. With no title line at all,
the name a notice quotes, then the file's name, stand in (see :mod:`desktop.plan.titles` for the
year). The kind of plan is read from the names found (see :mod:`desktop.plan.plan_kind`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.plan.markers import match_marker
from desktop.plan.model import Metadata, Notice, ParagraphRole, Span
from desktop.plan.plan_kind import plan_kind
from desktop.plan.roles import match_label
from desktop.plan.titles import (
    DATE,
    DATE_LINE,
    ORG_LINE,
    PLAN_WORDS,
    clean_title,
    looks_like_title,
    names_issuer,
    opening_year,
    title_from_file_name,
    year_from_file_name,
    year_in,
)

_NOTICE_TITLE = re.compile(r"关于.{1,80}的?(?:通知|决定|通报)$")
_QUOTED = re.compile(r"《([^《》]{4,80})》")
_ISSUES = re.compile(r"现将.{0,10}《")
_PRINT_LINE = re.compile(rf"^(.*?)\s*({DATE})\s*印\s*发$")
_CC_LINE = re.compile(r"^抄\s*(?:送|报)\s*[:：]\s*(.*)$")
_ATTACHMENT_LINE = re.compile(r"^附\s*件\s*[:：]?\s*(.*)$")
_NOTE_LINE = re.compile(r"^[（(][^（）()]{2,20}[）)]$")


@dataclass
class Front:
    """What surrounds the outline: line roles by 1-based line, body range, title, notice, metadata."""

    roles: dict[int, ParagraphRole] = field(default_factory=dict)
    body_start: int = 1
    body_end: int = 0
    title_span: Span | None = None
    notice: Notice | None = None
    metadata: Metadata = field(default_factory=Metadata)


def find_front(text: str, stripped: list[Span], file_names: Sequence[str] = ()) -> Front:
    """Find notice, title, issuer line and closing lines; everything else is the plan body.

    ``file_names`` (the file's own name, a sharing site's name for the document) are the last
    resort for the title and the year, after everything the text itself says.
    """
    lines = [text[s.start : s.end] for s in stripped]
    filled = [i for i, line in enumerate(lines) if line]
    front = Front(body_end=len(lines))
    if not filled:
        return front
    fields: dict[str, object] = {}

    title_index: int | None = None
    first: int | None = None  # the title's first line (an issuer line, for a title over two lines)
    notice_start = next(
        (i for i in filled[:8] if _NOTICE_TITLE.search(lines[i]) and len(lines[i]) <= 90), None
    )
    if notice_start is not None:
        quoted = _quoted_plan_names(lines, filled, notice_start)
        title_index = _plan_title_after_notice(lines, filled, notice_start, quoted)
        first = title_index
        notice_end = (
            (title_index - 1) if title_index is not None else _notice_end(lines, filled, notice_start)
        )
        body = tuple(stripped[i] for i in filled if notice_start < i <= notice_end)
        front.notice = Notice(
            span=Span(stripped[notice_start].start, stripped[notice_end].end),
            title=lines[notice_start],
            body=body,
        )
        for i in filled:
            if i < notice_start:
                front.roles[i + 1] = ParagraphRole.FRONT
            elif i <= notice_end:
                front.roles[i + 1] = ParagraphRole.NOTICE
        _read_notice(lines, [i for i in filled if notice_start < i <= notice_end], fields)
        if title_index is None:
            front.body_start = notice_end + 2
    else:
        quoted = _quoted_plan_names(lines, filled, 0, issued_only=True)
        title_index = _title_without_notice(lines, filled, quoted)
        if title_index is not None:
            first = _issuer_above(lines, filled, title_index)
            before = [i for i in filled if i < first]
            for i in before:
                front.roles[i + 1] = ParagraphRole.FRONT
            _read_notice(lines, before, fields)  # a notice whose own title the copy lost

    if title_index is not None and first is not None:
        front.title_span = Span(stripped[first].start, stripped[title_index].end)
        for i in filled:
            if first <= i <= title_index:
                front.roles[i + 1] = ParagraphRole.TITLE
        fields["title"] = clean_title("".join(lines[i] for i in filled if first <= i <= title_index))
        after = title_index + 1
        # An issuer line or a date line directly under the title belongs to the front matter.
        while after < len(lines) and (
            not lines[after] or ORG_LINE.match(lines[after]) or DATE_LINE.match(lines[after])
        ):
            if lines[after]:
                front.roles[after + 1] = ParagraphRole.FRONT
                key = "date" if DATE_LINE.match(lines[after]) else "issuer"
                fields.setdefault(key, _squeeze_date(lines[after]) if key == "date" else lines[after])
            after += 1
        front.body_start = after + 1

    front.body_end = _closing(lines, filled, front, fields)
    if not fields.get("title"):
        from_names = (title_from_file_name(name) for name in file_names)
        fields["title"] = clean_title(quoted[0]) if quoted else next((t for t in from_names if t), "")
    fields["year"] = _plan_year(lines, filled, front, fields, quoted, file_names)
    notice_title = front.notice.title if front.notice else ""
    names = [str(fields.get("title", "")), str(fields.get("issuer", "")), notice_title]
    fields["kind"] = plan_kind(names, text)
    front.metadata = Metadata.from_dict(fields)
    return front


def _plan_year(
    lines: list[str],
    filled: list[int],
    front: Front,
    fields: dict[str, object],
    quoted: list[str],
    file_names: Sequence[str],
) -> int | None:
    """The plan's year: its title's, the notice's, its opening sentence's, its date's, its file's."""
    notice_title = front.notice.title if front.notice else ""
    for value in (str(fields.get("title", "")), *quoted, notice_title):
        if (year := year_in(value)) is not None:
            return year
    body = [i for i in filled if front.body_start - 1 <= i < front.body_end and i + 1 not in front.roles]
    for i in body[:3]:
        if (year := opening_year(lines[i])) is not None:
            return year
    if (year := year_in(str(fields.get("date", "")))) is not None:
        return year
    return next((y for y in map(year_from_file_name, file_names) if y is not None), None)


def _title_without_notice(lines: list[str], filled: list[int], quoted: list[str]) -> int | None:
    """The title of a plan without a notice: the name that a 现将《…》印发 line quotes, on a line
    of its own; else the last title-like line before the plan's text begins (a page's own title
    stands above the document's; a news lead or a banner is never title-like)."""
    wanted = {n.replace(" ", "") for n in quoted}
    if wanted:
        for i in filled[:16]:
            if lines[i].replace(" ", "").strip("《》") in wanted:
                return i
    found = None
    for i in filled[:8]:
        line = lines[i]
        if match_marker(line) is not None or match_label(line) is not None or "。" in line or len(line) > 60:
            break
        if looks_like_title(line):
            found = i
    return found


def _issuer_above(lines: list[str], filled: list[int], title_index: int) -> int:
    """The title's first line: the issuer's line directly above a title that does not name its
    issuer (中共威海市委教育工作委员会 威海市教育局 / 2022年工作要点 is one title on two lines)."""
    position = filled.index(title_index)
    if position == 0 or names_issuer(lines[title_index]):
        return title_index
    above = filled[position - 1]
    line = lines[above]
    if len(line) <= 40 and ORG_LINE.match(line) and not DATE_LINE.match(line):
        return above
    return title_index


def _quoted_plan_names(
    lines: list[str], filled: list[int], start: int, issued_only: bool = False
) -> list[str]:
    """Plan names quoted in 《》 from ``start`` on (现将《…》印发给你们); ``issued_only`` keeps to
    lines that issue something, so a plan's own mention of 《某某方案》 is not taken for its name."""
    names: list[str] = []
    for i in filled:
        if i < start:
            continue
        if i > start + 30 or len(names) >= 3:
            break
        if issued_only and match_marker(lines[i]) is not None:
            break
        if issued_only and not _ISSUES.search(lines[i]):
            continue
        names += [n for n in _QUOTED.findall(lines[i]) if PLAN_WORDS.search(n)]
    return names


def _plan_title_after_notice(
    lines: list[str], filled: list[int], notice_start: int, names: list[str]
) -> int | None:
    """The plan's own title: the name the notice quotes (现将《…》印发), standing on a later line."""
    wanted = {n.replace(" ", "") for n in names}
    for i in filled:
        if i > notice_start and lines[i].replace(" ", "").strip("《》") in wanted:
            return i
    # No quoted name: the first title-like line after the notice's 印发 or 抄送 line.
    seen_tail = False
    for i in filled:
        if i <= notice_start:
            continue
        if _PRINT_LINE.match(lines[i]) or _CC_LINE.match(lines[i]):
            seen_tail = True
            continue
        if seen_tail and looks_like_title(lines[i]):
            return i
    return None


def _notice_end(lines: list[str], filled: list[int], notice_start: int) -> int:
    """Without a plan title, the notice ends at its 印发 line, or its date line."""
    end = notice_start
    for i in filled:
        if i <= notice_start:
            continue
        if i > notice_start + 40:
            break
        if _PRINT_LINE.match(lines[i]) or DATE_LINE.match(lines[i]) or _CC_LINE.match(lines[i]):
            end = i
    return end


def _read_notice(lines: list[str], indices: list[int], fields: dict[str, object]) -> None:
    for position, i in enumerate(indices):
        line = lines[i]
        if m := _CC_LINE.match(line):
            fields["cc"] = _split_list(m.group(1))
        elif m := _PRINT_LINE.match(line):
            fields["printer"] = m.group(1).strip()
            fields["print_date"] = _squeeze_date(m.group(2))
        elif m := _ATTACHMENT_LINE.match(line):
            names = [n.strip("《》 ") for n in re.split(r"\s*\d+[.．、]\s*", m.group(1)) if n.strip("《》 ")]
            if names:
                fields["attachments"] = names
        elif DATE_LINE.match(line):
            fields.setdefault("date", _squeeze_date(line))
            if position > 0 and "issuer" not in fields:
                previous = lines[indices[position - 1]]
                if len(previous) <= 30 and not previous.endswith(("。", "：", ":")):
                    fields["issuer"] = previous
        elif line.endswith(("：", ":")) and "recipients" not in fields and not line.startswith("附"):
            fields["recipients"] = line[:-1]


def _closing(lines: list[str], filled: list[int], front: Front, fields: dict[str, object]) -> int:
    """Mark signature, date, 附注 and 版记 lines after the plan's last paragraph; return body end."""
    end = len(lines)
    for i in reversed(filled):
        if i + 1 < front.body_start:
            break
        line = lines[i]
        if DATE_LINE.match(line):
            fields.setdefault("date", _squeeze_date(line))
        elif _NOTE_LINE.match(line) and ("此件" in line or len(line) <= 12):  # （此件公开发布）
            fields.setdefault("note", line)
        elif m := _PRINT_LINE.match(line):
            fields.setdefault("printer", m.group(1).strip())
            fields.setdefault("print_date", _squeeze_date(m.group(2)))
        elif m := _CC_LINE.match(line):
            fields.setdefault("cc", _split_list(m.group(1)))
        elif ORG_LINE.match(line):
            fields.setdefault("issuer", line)
        else:
            break
        front.roles[i + 1] = ParagraphRole.CLOSING
        end = i
    return end


def _split_list(value: str) -> list[str]:
    return [part.strip(" 。.") for part in re.split(r"[，,、；;]", value) if part.strip(" 。.")]


def _squeeze_date(value: str) -> str:
    return re.sub(r"\s+", "", value)
