"""W rules: wrong characters, variant forms, doubled words, placeholders, political wording and
text that does not belong in the plan at all.

Every word list is data in ``resources/wording/*.yaml``, read once (``wordlists``); each list is
driven by one rule class. The spliced-name detector (W004) is in ``wording_spliced``; ``RULES``
here lists the whole W family. A writer's own words (``ctx.user_words``) silence these findings in
the engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.wording_spliced import SplicedName
from checks.rules.wordlists import HAN, alternation, excepted, load_list
from desktop.plan.model import Span

Replacements = tuple[re.Pattern[str], dict[str, dict[str, Any]]]


def _replacement_table(name: str, key: str) -> Replacements:
    """A list of ``{wrong, right, reason, except?}`` entries as one pattern and a look-up by ``wrong``."""
    entries = {e["wrong"]: e for e in load_list(name)[key]}
    return alternation(list(entries)), entries


def _listed_replacements(rule: Rule, ctx: Context, table: Replacements) -> Iterator[Finding]:
    """Every listed wrong form in the text, with its reason and the listed right form as the fix.

    W001 (typos) and W006 (political wording) are the same check over different lists.
    """
    pattern, entries = table
    text = ctx.text
    for m in pattern.finditer(text):
        entry = entries[m.group()]
        if excepted(text, m.start(), m.group(), entry.get("except") or []):
            continue
        right = entry["right"]
        span = Span(m.start(), m.end())
        yield ctx.finding(
            rule, span, f"“{m.group()}”应为“{right}”：{entry['reason']}", Fix(span, right, f"改为“{right}”")
        )


@lru_cache(maxsize=1)
def _typos() -> Replacements:
    return _replacement_table("typos", "typos")


class ListedWrongWord(Rule):
    """常见错别字（己经→已经）。

    A common wrong character from ``resources/wording/typos.yaml`` (己经 for 已经).

    Only certain errors are listed, each with the reason; pairs where both forms are standard are not.
    """

    code = "W001"
    silenced_by_user_words = True
    name = "listed-wrong-word"
    title = "错别字"
    severity = Severity.ERROR
    basis = "GB/T 15835—2011"
    bad = "2024年教育工作要点\n一、全区己经建成优质园12所。"
    good = "2024年教育工作要点\n一、全区已经建成优质园12所。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        yield from _listed_replacements(self, ctx, _typos())


@lru_cache(maxsize=1)
def variant_table() -> dict[str, str]:
    """Traditional and Japanese forms → simplified, from OpenCC's own tables (jp2t, then t2s).

    A character counts as a variant when OpenCC changes it, it is not in GB 2312 (so 乾, 於, 著,
    correct in simplified text too, stay silent), and what it becomes is in GB 2312.
    """
    import opencc

    chars = [chr(c) for c in range(0x4E00, 0x9FA6)]
    joined = "\n".join(chars)
    direct = opencc.OpenCC("t2s").convert(joined).split("\n")
    via_japanese = opencc.OpenCC("t2s").convert(opencc.OpenCC("jp2t").convert(joined)).split("\n")
    table: dict[str, str] = {}
    for ch, simple, japanese in zip(chars, direct, via_japanese, strict=True):
        target = simple if simple != ch else japanese
        if target == ch or len(target) != 1 or _in_gb2312(ch) or not _in_gb2312(target):
            continue
        table[ch] = target
    return table


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=1)
def _variant_re() -> re.Pattern[str]:
    return re.compile("[" + "".join(variant_table()) + "]")


class VariantCharacter(Rule):
    """简体文本中夹有繁体字或日文字形（徳→德、學→学）。

    A traditional or Japanese character form in simplified text (徳 for 德, 學 for 学).

    Pasted from a Hong Kong, Taiwan or Japanese source or typed with the wrong input method;
    GB/T 15835 and the 通用规范汉字表 require the simplified form in 公文.
    """

    code = "W002"
    silenced_by_user_words = True
    name = "variant-character"
    title = "繁体字或异体字"
    severity = Severity.ERROR
    basis = "实务"
    bad = "2024年教育工作要点\n一、落实立徳树人根本任务。"
    good = "2024年教育工作要点\n一、落实立德树人根本任务。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        table = variant_table()
        for m in _variant_re().finditer(ctx.text):
            right = table[m.group()]
            span = Span(m.start(), m.end())
            yield ctx.finding(
                self,
                span,
                f"“{m.group()}”是繁体字或日文字形，规范简化字为“{right}”",
                Fix(span, right, f"改为“{right}”"),
            )


@lru_cache(maxsize=1)
def _doubles() -> tuple[re.Pattern[str], dict[str, list[str]], frozenset[str]]:
    data = load_list("doubles")
    chars = {str(k): list(v or []) for k, v in data["chars"].items()}
    single = "|".join(f"{re.escape(c)}{re.escape(c)}" for c in chars)
    pattern = re.compile(rf"(?P<single>{single})|(?P<word>([{HAN}]{{2,4}})\3)")
    return pattern, chars, frozenset(data.get("words_except") or [])


class DoubledWord(Rule):
    """字词连写两遍（的的、了了、中心中心）。

    A word written twice in a row (的的, 了了, 中心中心).

    Only function words that never reduplicate are checked singly, so 常常, 天天, 人人 stay silent.
    """

    code = "W003"
    silenced_by_user_words = True
    name = "doubled-word"
    title = "字词重复"
    severity = Severity.WARNING
    basis = "实务"
    bad = "2024年教育工作要点\n一、提高教育的的质量。"
    good = "2024年教育工作要点\n一、提高教育的质量，常常深入学校。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        pattern, chars, words_except = _doubles()
        text = ctx.text
        for m in pattern.finditer(text):
            piece = m.group()
            if m.group("single"):
                if excepted(text, m.start(), piece, chars[piece[0]]):
                    continue
                unit = piece[0]
            else:
                if piece in words_except:
                    continue
                unit = m.group(3)
            span = Span(m.start(), m.end())
            if len(unit) == 1:  # a doubled 的 is a slip: delete the second copy
                fix = Fix(Span(m.start() + 1, m.end()), "", f"删去重复的“{unit}”")
                yield ctx.finding(self, span, f"“{unit}”连写了两遍，应删去一个", fix)
            else:  # a doubled word may be the trace of a replacement (融合…中心中心): no blind fix
                yield ctx.finding(self, span, f"“{unit}”连写了两遍，请核对原意后删改")


@lru_cache(maxsize=1)
def _placeholders() -> tuple[re.Pattern[str], list[str]]:
    entries = load_list("placeholders")["placeholders"]
    alternatives = "|".join(f"(?P<p{i}>{e['pattern']})" for i, e in enumerate(entries))
    # A cheap first-character gate: Python's re tries every alternative at every position otherwise.
    firsts = "".join(sorted({ch for e in entries for ch in e.get("first", "")}))
    gate = f"(?=[{re.escape(firsts)}])" if firsts else ""
    pattern = re.compile(f"{gate}(?:{alternatives})")
    return pattern, [e["label"] for e in entries]


class Placeholder(Rule):
    """草稿中的占位符未替换（XX所、×××、【待定】、TODO）。

    A placeholder left in a draft: XX所, ×××, 〇〇, 【待定】, TODO.

    Drafts are written with blanks to fill; one left in the issued plan is embarrassing.
    """

    code = "W005"
    silenced_by_user_words = True
    name = "placeholder"
    title = "草稿占位符未替换"
    severity = Severity.ERROR
    basis = "实务"
    bad = "2024年教育工作要点\n一、新建幼儿园XX所，完成时间【待定】。"
    good = "2024年教育工作要点\n一、新建幼儿园3所，推进1+X证书制度试点。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        pattern, _labels = _placeholders()
        for m in pattern.finditer(ctx.text):
            if m.group() in ctx.user_words:
                continue
            yield ctx.finding(self, Span(m.start(), m.end()), f"“{m.group()}”是草稿占位符，请填入实际内容")


@lru_cache(maxsize=1)
def _political() -> Replacements:
    return _replacement_table("political", "replacements")


class PoliticalWording(Rule):
    """政治表述不规范（习总书记→习近平总书记）。

    A non-normative political expression from ``resources/wording/political.yaml`` (习总书记).

    Reviewers check these first: leaders are named in full with their title, formulas verbatim.
    """

    code = "W006"
    silenced_by_user_words = True
    name = "political-wording"
    title = "政治表述不规范"
    severity = Severity.ERROR
    basis = "实务"
    bad = "2024年教育工作要点\n一、深入学习习总书记关于教育的重要论述。"
    good = "2024年教育工作要点\n一、深入学习习近平总书记关于教育的重要论述。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        yield from _listed_replacements(self, ctx, _political())


_QUOTE_PAIRS = {"“": "”", "‘": "’", '"': '"', "'": "'"}
_WRONG_QUOTES = {"《": "》", "「": "」", "『": "』", "【": "】", "〈": "〉"}


@lru_cache(maxsize=1)
def _formulas() -> tuple[re.Pattern[str], list[tuple[str, str, list[str], re.Pattern[str]]]]:
    entries = load_list("political")["formulas"]
    listed = []
    for entry in entries:
        members, suffix = list(entry.get("members") or []), entry.get("suffix", "")
        if members and suffix:
            alt, tail = "|".join(map(re.escape, members)), re.escape(suffix)
            listing = re.compile(rf"(?:(?:{alt}){tail}?[、和与及])+(?:{alt}){tail}")
            listed.append((entry["name"], suffix, members, listing))
    return alternation([e["name"] for e in entries]), listed


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
    basis = "GB/T 15834—2011"
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


RULES: tuple[type[Rule], ...] = (
    ListedWrongWord,
    VariantCharacter,
    DoubledWord,
    SplicedName,
    Placeholder,
    PoliticalWording,
    FormulaWording,
)
