"""W rules: wrong characters, variant forms, doubled words, placeholders, political wording and
text that does not belong in the plan at all.

Every word list is data in ``resources/wording/*.yaml``, read once; each list is driven by one rule
class. A writer's own words (``ctx.user_words``) silence these findings in the engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from checks.engine import Context, Finding, Fix, Rule, Severity
from desktop.plan.model import Span

WORDING_DIR = Path(__file__).resolve().parents[2] / "resources" / "wording"
_HAN = "\u4e00-\u9fff"


@cache
def load_list(name: str) -> dict[str, Any]:
    """``resources/wording/<name>.yaml``, read once per process."""
    return yaml.safe_load((WORDING_DIR / f"{name}.yaml").read_text(encoding="utf-8")) or {}


def _alternation(words: list[str]) -> re.Pattern[str]:
    """One regex for many literal words, longest first so 习近平中国… wins over shorter entries."""
    return re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))


def _excepted(text: str, start: int, wrong: str, exceptions: list[str]) -> bool:
    """True when the match at ``start`` is part of one of ``exceptions`` (预防犯罪 holds 防犯)."""
    for word in exceptions:
        k = word.find(wrong)
        while k != -1:
            if text.startswith(word, start - k) and start - k >= 0:
                return True
            k = word.find(wrong, k + 1)
    return False


class ListedWrongWord(Rule):
    """A common wrong character from ``resources/wording/typos.yaml`` (己经 for 已经).

    Only certain errors are listed, each with the reason; pairs where both forms are standard are not.
    """

    code = "W001"
    name = "listed-wrong-word"
    title = "错别字"
    severity = Severity.ERROR
    basis = "GB/T 15835—2011"
    bad = "2024年教育工作要点\n一、全区己经建成优质园12所。"
    good = "2024年教育工作要点\n一、全区已经建成优质园12所。"

    @staticmethod
    @lru_cache(maxsize=1)
    def _table() -> tuple[re.Pattern[str], dict[str, dict[str, Any]]]:
        entries = {e["wrong"]: e for e in load_list("typos")["typos"]}
        return _alternation(list(entries)), entries

    def check(self, ctx: Context) -> Iterator[Finding]:
        pattern, entries = self._table()
        text = ctx.text
        for m in pattern.finditer(text):
            entry = entries[m.group()]
            if _excepted(text, m.start(), m.group(), entry.get("except") or []):
                continue
            right = entry["right"]
            yield ctx.finding(
                self,
                Span(m.start(), m.end()),
                f"“{m.group()}”应为“{right}”：{entry['reason']}",
                Fix(Span(m.start(), m.end()), right, f"改为“{right}”"),
            )


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
    """A traditional or Japanese character form in simplified text (徳 for 德, 學 for 学).

    Pasted from a Hong Kong, Taiwan or Japanese source or typed with the wrong input method;
    GB/T 15835 and the 通用规范汉字表 require the simplified form in 公文.
    """

    code = "W002"
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
    pattern = re.compile(rf"(?P<single>{single})|(?P<word>([{_HAN}]{{2,4}})\3)")
    return pattern, chars, frozenset(data.get("words_except") or [])


class DoubledWord(Rule):
    """A word written twice in a row (的的, 了了, 中心中心).

    Only function words that never reduplicate are checked singly, so 常常, 天天, 人人 stay silent.
    """

    code = "W003"
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
                if _excepted(text, m.start(), piece, chars[piece[0]]):
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


# Positions where a 公文 names its issuer: notice title, the plan's title, signature, 印发 line.
_ROLE_PATTERNS = tuple(
    re.compile(p, re.MULTILINE)
    for p in (
        rf"^[ \t\u3000]*(?P<n>[{_HAN}（）()]{{2,30}}?)关于[{_HAN}]",
        rf"《(?P<n>[{_HAN}]{{2,30}}?)(?:19|20)\d{{2}}年度?(?:教育)?工作(?:要点|计划|意见|思路|安排)》",
        rf"^[ \t\u3000]*(?P<n>[{_HAN}]{{2,30}}?)(?:19|20)\d{{2}}年度?(?:教育)?工作(?:要点|计划|意见|思路|安排)[ \t\u3000]*$",
        rf"^[ \t\u3000]*(?P<n>[{_HAN}]{{2,30}}?)[ \t\u3000]+(?:19|20)\d{{2}}年\d{{1,2}}月\d{{1,2}}日印发[ \t\u3000]*$",
        rf"^[ \t\u3000]*(?P<n>[{_HAN}]{{2,30}})[ \t\u3000]*\n(?:[ \t\u3000]*\n)*[ \t\u3000]*(?:19|20)\d{{2}}年\d{{1,2}}月\d{{1,2}}日[ \t\u3000]*$",
    )
)
_STRIP_SUFFIXES = ("办公室", "秘书处", "综合处", "党委", "党组")


@lru_cache(maxsize=1)
def _spliced() -> dict[str, Any]:
    data = dict(load_list("spliced"))
    outside = "|".join(map(re.escape, data["outside_places"]))
    orgs = "|".join(map(re.escape, sorted(data["organisation_suffixes"], key=len, reverse=True)))
    data["outside_name_re"] = re.compile(rf"(?:{outside})[{_HAN}]{{1,8}}?(?:{orgs})")
    data["spam_re"] = _alternation(data["spam_terms"])
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
    """A name that does not belong: an unrelated organisation standing in the issuer's place and
    spliced into ordinary words (学前××供给, 融合××中心), or advertising and gambling terms.

    Defaced web pages replace the bureau's name (and words like 教育资源) throughout; a peer plan
    copied from such a page carries the contamination into the writer's draft.
    """

    code = "W004"
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
            start = text.find(name)
            while start != -1:
                end = start + len(name)
                yield ctx.finding(
                    self, Span(start, end), _spliced_message(text, start, end, name, reason, roles)
                )
                start = text.find(name, end)
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
    if re.fullmatch(f"[{_HAN}]", before or "") and re.fullmatch(f"[{_HAN}]", after or ""):
        context = text[max(0, start - 2) : end + 2]
        return (
            f"“{name}”嵌在“{context}”中，读不通：此处原应是本单位名称或普通词语（如“教育资源”）；"
            "同一名称出现在发文机关位置，疑被批量替换"
        )
    return f"此处出现“{name}”（{reason}），与发文机关位置的异常名称相同，疑似被替换的文字"


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
    """A placeholder left in a draft: XX所, ×××, 〇〇, 【待定】, TODO.

    Drafts are written with blanks to fill; one left in the issued plan is embarrassing.
    """

    code = "W005"
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
def _political() -> tuple[re.Pattern[str], dict[str, dict[str, Any]]]:
    entries = {e["wrong"]: e for e in load_list("political")["replacements"]}
    return _alternation(list(entries)), entries


class PoliticalWording(Rule):
    """A non-normative political expression from ``resources/wording/political.yaml`` (习总书记).

    Reviewers check these first: leaders are named in full with their title, formulas verbatim.
    """

    code = "W006"
    name = "political-wording"
    title = "政治表述不规范"
    severity = Severity.ERROR
    basis = "实务"
    bad = "2024年教育工作要点\n一、深入学习习总书记关于教育的重要论述。"
    good = "2024年教育工作要点\n一、深入学习习近平总书记关于教育的重要论述。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        pattern, entries = _political()
        for m in pattern.finditer(ctx.text):
            entry = entries[m.group()]
            span = Span(m.start(), m.end())
            yield ctx.finding(
                self,
                span,
                f"“{m.group()}”应为“{entry['right']}”：{entry['reason']}",
                Fix(span, entry["right"], f"改为“{entry['right']}”"),
            )


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
    return _alternation([e["name"] for e in entries]), listed


class FormulaWording(Rule):
    """A fixed political formula (“四个意识”“四个自信”“两个维护”“两个确立”) without its quotation
    marks, in the wrong marks, or enumerated incompletely (道路自信、理论自信、制度自信).

    The formulas are quoted and complete in every central document; a missing member is a
    political error, not a style choice.
    """

    code = "W007"
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
