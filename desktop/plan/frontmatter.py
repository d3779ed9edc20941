"""The parts of a plan around its outline: issuing notice, title, issuer line, closing lines.

A plan published as the 附件 of an 印发通知 arrives with the notice in front of it (关于印发…的
通知, recipients, 现将…印发给你们, 附件, issuer, date, 抄送, 印发). The notice is kept apart from
the plan and read for metadata; so are the signature, date and 附注 after the plan's last item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.plan.model import Metadata, Notice, ParagraphRole, Span

_NOTICE_TITLE = re.compile(r"关于.{1,80}的?(?:通知|决定|通报)$")
_PLAN_WORDS = re.compile(r"要点|计划|意见|安排|方案|思路|任务|重点")
_QUOTED = re.compile(r"《([^《》]{4,80})》")
_DATE = r"(?:\d{4}|[二〇零一三四五六七八九]{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_DATE_LINE = re.compile(rf"^{_DATE}$")
_PRINT_LINE = re.compile(rf"^(.*?)\s*({_DATE})\s*印\s*发$")
_CC_LINE = re.compile(r"^抄\s*(?:送|报)\s*[:：]\s*(.*)$")
_ATTACHMENT_LINE = re.compile(r"^附\s*件\s*[:：]?\s*(.*)$")
_ORG_LINE = re.compile(
    r"^[\u4e00-\u9fff（）()]{2,30}(?:局|委员会|教育委|委|厅|办公室|政府|中心|处|科|部|院|学校)$"
)
_NOTE_LINE = re.compile(r"^[（(][^（）()]{2,20}[）)]$")
_YEAR = re.compile(r"(20\d{2}|[二〇零一三四五六七八九]{4})\s*年")
_CN_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


@dataclass
class Front:
    """What surrounds the outline: line roles by 1-based line, body range, title, notice, metadata."""

    roles: dict[int, ParagraphRole] = field(default_factory=dict)
    body_start: int = 1
    body_end: int = 0
    title_span: Span | None = None
    notice: Notice | None = None
    metadata: Metadata = field(default_factory=Metadata)


def find_front(text: str, stripped: list[Span]) -> Front:
    """Find notice, title, issuer line and closing lines; everything else is the plan body."""
    lines = [text[s.start : s.end] for s in stripped]
    filled = [i for i, line in enumerate(lines) if line]
    front = Front(body_end=len(lines))
    if not filled:
        return front
    fields: dict[str, object] = {}

    title_index: int | None = None
    notice_start = next(
        (i for i in filled[:8] if _NOTICE_TITLE.search(lines[i]) and len(lines[i]) <= 90), None
    )
    if notice_start is not None:
        title_index = _plan_title_after_notice(lines, filled, notice_start)
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
        title_index = next((i for i in filled[:5] if _looks_like_title(lines[i])), None)
        if title_index is not None:
            for i in filled:
                if i < title_index:
                    front.roles[i + 1] = ParagraphRole.FRONT

    if title_index is not None:
        front.title_span = stripped[title_index]
        front.roles[title_index + 1] = ParagraphRole.TITLE
        fields["title"] = lines[title_index].strip("《》")
        after = title_index + 1
        # An issuer line or a date line directly under the title belongs to the front matter.
        while after < len(lines) and (
            not lines[after] or _ORG_LINE.match(lines[after]) or _DATE_LINE.match(lines[after])
        ):
            if lines[after]:
                front.roles[after + 1] = ParagraphRole.FRONT
                key = "date" if _DATE_LINE.match(lines[after]) else "issuer"
                fields.setdefault(key, _squeeze_date(lines[after]) if key == "date" else lines[after])
            after += 1
        front.body_start = after + 1

    front.body_end = _closing(lines, filled, front, fields)
    year = _year(str(fields.get("title", ""))) or _year(str(fields.get("date", "")))
    if year is None and front.notice is not None:
        year = _year(front.notice.title)
    fields["year"] = year
    front.metadata = Metadata.from_dict(fields)
    return front


def _looks_like_title(line: str) -> bool:
    return (
        len(line) <= 60
        and line[-1] not in "。；;，,：:"
        and bool(_PLAN_WORDS.search(line))
        and (bool(_YEAR.search(line)) or "年度" in line)
    )


def _plan_title_after_notice(lines: list[str], filled: list[int], notice_start: int) -> int | None:
    """The plan's own title: the name the notice quotes (现将《…》印发), standing on a later line."""
    names: list[str] = []
    for i in filled:
        if i < notice_start:
            continue
        names += [n for n in _QUOTED.findall(lines[i]) if _PLAN_WORDS.search(n)]
        if len(names) >= 3 or i > notice_start + 30:
            break
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
        if seen_tail and _looks_like_title(lines[i]):
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
        if _PRINT_LINE.match(lines[i]) or _DATE_LINE.match(lines[i]) or _CC_LINE.match(lines[i]):
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
        elif _DATE_LINE.match(line):
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
        if _DATE_LINE.match(line):
            fields.setdefault("date", _squeeze_date(line))
        elif _NOTE_LINE.match(line) and ("此件" in line or len(line) <= 12):  # （此件公开发布）
            fields.setdefault("note", line)
        elif m := _PRINT_LINE.match(line):
            fields.setdefault("printer", m.group(1).strip())
            fields.setdefault("print_date", _squeeze_date(m.group(2)))
        elif m := _CC_LINE.match(line):
            fields.setdefault("cc", _split_list(m.group(1)))
        elif _ORG_LINE.match(line):
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


def _year(value: str) -> int | None:
    m = _YEAR.search(value)
    if not m:
        return None
    digits = m.group(1).translate(_CN_YEAR_DIGITS)
    return int(digits) if digits.isdigit() else None
