"""W004: a name that does not belong — an unrelated organisation where the issuer's name stands,
spliced into ordinary words, and advertising or gambling terms.

Defaced web pages replace a bureau's name (and words like 教育资源) throughout a page; a plan copied
from one carries the replacement everywhere. The detector first finds names in the issuer's
positions (notice title, plan title, signature, 印发 line) that cannot be an education issuer, then
reports every occurrence of them. The place and organisation words are data in
``resources/wording/spliced.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from checks.context import Context
from checks.finding import Finding, Severity
from checks.rule import Rule
from checks.rules.wordlists import HAN, alternation, load_list
from desktop.plan.model import Span

# Positions where a 公文 names its issuer: notice title, the plan's title, signature, 印发 line.
_ROLE_PATTERNS = tuple(
    re.compile(p, re.MULTILINE)
    for p in (
        rf"^[ \t\u3000]*(?P<n>[{HAN}（）()]{{2,30}}?)关于[{HAN}]",
        rf"《(?P<n>[{HAN}]{{2,30}}?)(?:19|20)\d{{2}}年度?(?:教育)?工作(?:要点|计划|意见|思路|安排)》",
        rf"^[ \t\u3000]*(?P<n>[{HAN}]{{2,30}}?)(?:19|20)\d{{2}}年度?(?:教育)?工作(?:要点|计划|意见|思路|安排)[ \t\u3000]*$",
        rf"^[ \t\u3000]*(?P<n>[{HAN}]{{2,30}}?)[ \t\u3000]+(?:19|20)\d{{2}}年\d{{1,2}}月\d{{1,2}}日印发[ \t\u3000]*$",
        rf"^[ \t\u3000]*(?P<n>[{HAN}]{{2,30}})[ \t\u3000]*\n(?:[ \t\u3000]*\n)*[ \t\u3000]*(?:19|20)\d{{2}}年\d{{1,2}}月\d{{1,2}}日[ \t\u3000]*$",
    )
)
_STRIP_SUFFIXES = ("办公室", "秘书处", "综合处", "党委", "党组")


@lru_cache(maxsize=1)
def _spliced() -> dict[str, Any]:
    data = dict(load_list("spliced"))
    outside = "|".join(map(re.escape, data["outside_places"]))
    orgs = "|".join(map(re.escape, sorted(data["organisation_suffixes"], key=len, reverse=True)))
    data["outside_name_re"] = re.compile(rf"(?:{outside})[{HAN}]{{1,8}}?(?:{orgs})")
    data["spam_re"] = alternation(data["spam_terms"])
    return data


def suspicious_name(name: str) -> str:
    """Why ``name`` cannot be the issuer of an education plan ("" when it can)."""
    data = _spliced()
    if any(name.startswith(p) for p in data["outside_places"]):
        return "以境外地名开头"
    if any(w in name for w in data["institution_words"]):
        return ""
    if any(name.endswith(s) for s in data["body_suffixes"] + data["place_suffixes"]):
        return ""
    suffix = next((s for s in data["organisation_suffixes"] if name.endswith(s)), "")
    return f"以“{suffix}”结尾却不是行政机关或教育单位" if suffix else ""


def _issuer_names(ctx: Context) -> tuple[dict[str, str], list[Span]]:
    """Names standing where the issuer belongs that cannot be an issuer, and those role spans."""
    text, meta = ctx.text, ctx.plan.metadata
    found: list[tuple[str, Span | None]] = [(meta.issuer, None), (meta.printer, None)]
    for pattern in _ROLE_PATTERNS:
        found.extend((m.group("n"), Span(m.start("n"), m.end("n"))) for m in pattern.finditer(text))
    # A name glued into several places, led by a place outside the mainland, is suspicious too.
    counts: dict[str, int] = {}
    for m in _spliced()["outside_name_re"].finditer(text):
        counts[m.group()] = counts.get(m.group(), 0) + 1
    found.extend((name, None) for name, n in counts.items() if n >= 2)
    names: dict[str, str] = {}
    roles: list[Span] = []
    for raw, span in found:
        for name in {raw, *(raw[: -len(s)] for s in _STRIP_SUFFIXES if raw.endswith(s))}:
            reason = suspicious_name(name) if len(name) >= 2 else ""
            if reason:
                names[name] = reason
                if span:
                    roles.append(span)
    return {n: r for n, r in names.items() if not _covered(n, names)}, roles


def _covered(name: str, names: dict[str, str]) -> bool:
    """X办公室 is covered by X (X's occurrences include it); a bare prefix by its full name."""
    for other in names:
        if other == name:
            continue
        if name.startswith(other) and name[len(other) :] in _STRIP_SUFFIXES:
            return True
        if other.startswith(name) and other[len(name) :] not in _STRIP_SUFFIXES:
            return True
    return False


class SplicedName(Rule):
    """混入与本单位无关的名称或广告博彩用语（发文机关位置被换成他名，并嵌入正文词语）。

    A name that does not belong: an unrelated organisation standing in the issuer's place and
    spliced into ordinary words (学前××供给, 融合××中心), or advertising and gambling terms.

    Defaced web pages replace the bureau's name (and words like 教育资源) throughout; a peer plan
    copied from such a page carries the contamination into the writer's draft.
    """

    code = "W004"
    silenced_by_user_words = True
    name = "spliced-name"
    title = "混入无关名称"
    severity = Severity.ERROR
    basis = "实务"
    bad = "新加坡东岸广场2024年工作要点\n一、推进融合新加坡东岸广场中心建设。"
    good = "镇江市教育局2024年工作要点\n一、推进融合教育资源中心建设。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        names, roles = _issuer_names(ctx)
        for name, reason in names.items():
            # One finding per paragraph (one cause), at its first occurrence, naming how many more.
            by_line: dict[int, list[int]] = {}
            start = text.find(name)
            while start != -1:
                by_line.setdefault(text.count("\n", 0, start), []).append(start)
                start = text.find(name, start + len(name))
            for starts in by_line.values():
                first, end = starts[0], starts[0] + len(name)
                message = _spliced_message(text, first, end, name, reason, roles)
                if len(starts) > 1:
                    message += f"（本段共{len(starts)}处）"
                yield ctx.finding(self, Span(first, end), message)
        for m in _spliced()["spam_re"].finditer(text):
            yield ctx.finding(
                self,
                Span(m.start(), m.end()),
                f"“{m.group()}”是广告或博彩用语，与公文无关，疑似被篡改或误粘贴",
            )


def _spliced_message(text: str, start: int, end: int, name: str, reason: str, roles: list[Span]) -> str:
    if any(r.start <= start and end <= r.end for r in roles):
        return f"发文机关位置是“{name}”，它{reason}，不是教育局的名称；原文疑被篡改，请核对并改回本单位名称"
    before, after = text[start - 1 : start], text[end : end + 1]
    if re.fullmatch(f"[{HAN}]", before or "") and re.fullmatch(f"[{HAN}]", after or ""):
        context = text[max(0, start - 2) : end + 2]
        return (
            f"“{name}”嵌在“{context}”中，读不通：此处原应是本单位名称或普通词语（如“教育资源”）；"
            "同一名称出现在发文机关位置，疑被批量替换"
        )
    return f"此处出现“{name}”（{reason}），与发文机关位置的异常名称相同，疑似被替换的文字"
