"""W006 and W007: political wording that is non-normative, outdated, unquoted or incomplete.

Reviewers of a 公文 check these first: leaders are named in full with their title, formulas are
quoted and complete, and a formula replaced by a newer one (三个自信 → 四个自信, 德智体美 →
德智体美劳) is not carried into a plan written after the change. The lists are data in
``resources/wording/political.yaml``; the near-miss check against the canonical full forms
(W008) is in ``wording_formulas``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.wordlists import (
    WORDING_DIR,
    Replacements,
    alternation,
    entries,
    listed_replacements,
    replacement_table,
)
from desktop.plan.errors import InputError
from desktop.plan.model import Span


@lru_cache(maxsize=1)
def political_replacements() -> Replacements:
    """The wrong → right table of ``political.yaml`` (also read by W008, to report a form once)."""
    return replacement_table("political", "replacements")


class PoliticalWording(Rule):
    """政治表述不规范或已过时（习总书记→习近平总书记，三个自信→四个自信）。

    A non-normative or outdated political expression from ``resources/wording/political.yaml``
    (习总书记; 三个自信 in a plan written after 2016; 两个坚决维护).

    Each entry names the source of the normative form; an entry that is only less normative, or
    still heard in some settings, is a warning, and an outdated one applies from its year on.
    """

    code = "W006"
    silenced_by_user_words = True
    name = "political-wording"
    title = "政治表述不规范"
    severity = Severity.ERROR
    basis = "实务：中央文件规范表述；新华社新闻信息报道中的禁用词和慎用词"
    bad = "2024年教育工作要点\n一、深入学习习总书记关于教育的重要论述。"
    good = "2024年教育工作要点\n一、深入学习习近平总书记关于教育的重要论述。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        yield from listed_replacements(self, ctx, political_replacements())


_QUOTE_PAIRS = {"“": "”", "‘": "’", '"': '"', "'": "'"}
_WRONG_QUOTES = {"《": "》", "「": "」", "『": "』", "【": "】", "〈": "〉"}
Formula = tuple[str, str, list[str], re.Pattern[str]]


@lru_cache(maxsize=1)
def _formulas() -> tuple[re.Pattern[str], list[Formula]]:
    path = WORDING_DIR / "political.yaml"
    listed = []
    names = []
    for i, entry in enumerate(entries("political", "formulas", ("name",), ("suffix", "members")), 1):
        members, suffix = list(entry.get("members") or []), entry.get("suffix", "")
        if bool(members) != bool(suffix):
            raise InputError(path, f"“formulas”第 {i} 条的 members 与 suffix 应同时给出")
        names.append(entry["name"])
        if members:
            alt, tail = "|".join(map(re.escape, members)), re.escape(suffix)
            listing = re.compile(rf"(?:(?:{alt}){tail}?[、和与及])+(?:{alt}){tail}")
            listed.append((entry["name"], suffix, members, listing))
    return alternation(names), listed


class FormulaWording(Rule):
    """固定提法未加引号、引号有误或列举不全（四个意识、“四个自信”少一项）。

    A fixed political formula (“四个意识”“四个自信”“两个维护”“两个确立”) without its quotation
    marks, in the wrong marks, or enumerated incompletely (道路自信、理论自信、制度自信).

    The formulas are quoted and complete in every central document; a missing member is a
    political error, not a style choice.
    """

    code = "W007"
    silenced_by_user_words = True
    name = "formula-wording"
    title = "固定提法不完整或引号有误"
    severity = Severity.WARNING
    basis = "GB/T 15834—2011 4.8.3.3、4.8.3.4"
    bad = "2024年教育工作要点\n一、增强四个意识，坚定道路自信、理论自信、制度自信。"
    good = "2024年教育工作要点\n一、增强“四个意识”，坚定道路自信、理论自信、制度自信、文化自信。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        pattern, formulas = _formulas()
        for m in pattern.finditer(text):
            yield from self._quotes(ctx, m)
        for name, suffix, members, listing in formulas:
            if suffix in text:
                yield from self._completeness(ctx, name, suffix, members, listing)

    def _quotes(self, ctx: Context, m: re.Match[str]) -> Iterator[Finding]:
        text, name = ctx.text, m.group()
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        if before in _QUOTE_PAIRS and after == _QUOTE_PAIRS[before]:
            if before == "‘" and not _inside_double_quotes(text, m.start() - 1):
                span = Span(m.start() - 1, m.end() + 1)
                yield ctx.finding(
                    self, span, f"“{name}”不在引号内，应使用双引号“”", Fix(span, f"“{name}”", "改为双引号")
                )
            return
        if before in _WRONG_QUOTES and after == _WRONG_QUOTES[before]:
            span = Span(m.start() - 1, m.end() + 1)
            yield ctx.finding(
                self, span, f"固定提法应写作“{name}”，不用{before}{after}", Fix(span, f"“{name}”")
            )
            return
        if _inside_double_quotes(text, m.start()):
            return  # part of a longer quoted phrase
        span = Span(m.start(), m.end())
        yield ctx.finding(self, span, f"固定提法“{name}”应加引号“”", Fix(span, f"“{name}”", "加引号"))

    def _completeness(
        self, ctx: Context, name: str, suffix: str, members: list[str], listing: re.Pattern[str]
    ) -> Iterator[Finding]:
        for m in listing.finditer(ctx.text):
            present = [x for x in members if x in m.group()]
            if len(present) >= len(members) or len(present) < 2:
                continue
            missing = "、".join(x + suffix for x in members if x not in present)
            whole = "、".join(x + suffix for x in members)
            yield ctx.finding(self, Span(m.start(), m.end()), f"“{name}”是{whole}，此处缺少{missing}")


def _inside_double_quotes(text: str, offset: int) -> bool:
    """True when ``offset`` lies inside an open “ … ” on its line."""
    line_start = text.rfind("\n", 0, offset) + 1
    piece = text[line_start:offset]
    return piece.count("“") > piece.count("”")
