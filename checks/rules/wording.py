"""W rules: wrong characters, doubled words, placeholders; and the registry of the whole W family.

Every word list is data in ``resources/wording/*.yaml``, read once and validated (``wordlists``).
The other W rules live beside this module, one idea each: variant characters (W002,
``wording_variants``), the spliced name (W004, ``wording_spliced``), political wording and
formulas (W006, W007, ``wording_political``; W008, ``wording_formulas``), words decided by context
and redundancy (W009, W010, ``wording_usage``), the app's own prompts (W012, ``prompts``).
Here: typos (W001), doubled words (W003), placeholders (W005) and non-recommended variant word
forms (W011). ``RULES`` lists them all. A writer's own words (``ctx.user_words``) silence these
findings in the engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.prompts import AppPrompt
from checks.rules.wording_formulas import FormulaNearMiss
from checks.rules.wording_political import FormulaWording, PoliticalWording
from checks.rules.wording_spliced import SplicedName
from checks.rules.wording_usage import ContextualWord, RedundantWording
from checks.rules.wording_variants import VariantCharacter, variant_table
from checks.rules.wordlists import (
    HAN,
    WORDING_DIR,
    Replacements,
    entries,
    excepted,
    listed_replacements,
    load_list,
    replacement_table,
    word_map,
    words,
)
from desktop.plan.errors import InputError
from desktop.plan.model import Span

__all__ = ["RULES", "load_list", "variant_table"]


@lru_cache(maxsize=1)
def _typos() -> Replacements:
    return replacement_table("typos", "typos")


class ListedWrongWord(Rule):
    """常见错别字（己经→已经、再接再励→再接再厉）。

    A common wrong character from ``resources/wording/typos.yaml`` (己经 for 已经).

    Only forms wrong in any context are listed, each with its reason; where the same characters
    also arise where two words meet (自己经常 holds 己经, 书记要 holds 记要), the entry lists those
    exceptions. Pairs where both forms are standard (制定/制订) are not listed.
    """

    code = "W001"
    silenced_by_user_words = True
    name = "listed-wrong-word"
    title = "错别字"
    severity = Severity.ERROR
    basis = "党政机关公文处理工作条例 第二十条（四）文字用法规范；《现代汉语词典》（第7版）"
    bad = "2024年教育工作要点\n一、全区己经建成优质园12所。"
    good = "2024年教育工作要点\n一、全区已经建成优质园12所，自己经常深入学校。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        yield from listed_replacements(self, ctx, _typos())


@lru_cache(maxsize=1)
def _variant_words() -> Replacements:
    return replacement_table("variant_words", "variant_words", "《第一批异形词整理表》推荐词形为“{right}”")


class VariantWord(Rule):
    """异形词未用推荐词形（凝炼→凝练、装璜→装潢）。

    A word written in a form the 第一批异形词整理表 (GF 1001—2001) does not recommend (凝炼 for
    凝练, 直接了当 for 直截了当), from ``resources/wording/variant_words.yaml``.

    Both forms are read the same and mean the same, so this is not a typo; but the Ministry of
    Education's notice of 2002 requires the education system's 公文 to use the recommended form.
    """

    code = "W011"
    silenced_by_user_words = True
    name = "variant-word"
    title = "异形词"
    severity = Severity.WARNING
    basis = "GF 1001—2001 第一批异形词整理表；教育部、国家语委关于在教育系统试行该表的通知（2002）"
    bad = "2024年教育工作要点\n一、凝炼学校办学特色。"
    good = "2024年教育工作要点\n一、凝练学校办学特色，按纳税人数核定。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        yield from listed_replacements(self, ctx, _variant_words())


Doubles = tuple[re.Pattern[str], dict[str, list[str]], frozenset[str], tuple[str, ...]]


@lru_cache(maxsize=1)
def _doubles() -> Doubles:
    path = WORDING_DIR / "doubles.yaml"
    chars = word_map("doubles", "chars")
    for head, listed in chars.items():
        if len(head) != 1:
            raise InputError(path, f"“chars”的键“{head}”应为单个汉字")
        stray = [w for w in listed if head not in w]
        if stray:
            raise InputError(path, f"“chars”中“{head}”的词“{stray[0]}”不含“{head}”")
    single = "|".join(f"{re.escape(c)}{re.escape(c)}" for c in chars)
    pattern = re.compile(rf"(?P<single>{single})|(?P<word>([{HAN}]{{2,4}})\3)")
    longer = tuple(words("doubles", "longer_words"))
    return pattern, chars, frozenset(words("doubles", "words_except")), longer


class DoubledWord(Rule):
    """字词连写两遍（的的、了了、中心中心）。

    A word written twice in a row (的的, 了了, 中心中心): a 衍字 in proofreading terms.

    Only function words that never reduplicate are checked singly, and only where neither copy
    belongs to a word (目的的, 为了了解, 普及及时): 常常, 天天, 人人, 一一, 谢谢, 学习习近平 and
    管理理念 stay silent. A doubled word of two to four characters is reported unless it is a
    normal reduplication (研究研究, 一个一个) or the second copy starts a longer word.
    """

    code = "W003"
    silenced_by_user_words = True
    name = "doubled-word"
    title = "字词重复"
    severity = Severity.WARNING
    basis = "党政机关公文处理工作条例 第二十条（四）文字用法规范（衍字）"
    bad = "2024年教育工作要点\n一、提高教育的的质量。"
    good = "2024年教育工作要点\n一、提高教育的质量，常常深入学校，学习习近平总书记重要讲话。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        # One finding per doubled word per line: a paragraph that doubles 中心 three times is one
        # cause (a find-and-replace gone wrong), named once with every place.
        groups: dict[tuple[int, str], list[Span]] = {}
        for span, unit in self._doubles(ctx.text):
            groups.setdefault((ctx.plan.lines.line_of(span.start), unit), []).append(span)
        for (_line, unit), spans in groups.items():
            first, more = spans[0], len(spans) - 1
            also = f"（本段共 {len(spans)} 处）" if more else ""
            if len(unit) == 1:  # a doubled 的 is a slip: delete the second copy
                fixes = [Fix(Span(s.start + 1, s.end), "", f"删去重复的“{unit}”") for s in spans]
                yield ctx.finding(
                    self, first, f"“{unit}”连写了两遍，应删去一个{also}", fixes[0], fixes=tuple(fixes[1:])
                )
            else:  # a doubled word may be the trace of a replacement (融合…中心中心): no blind fix
                yield ctx.finding(self, first, f"“{unit}”连写了两遍，请核对原意后删改{also}")

    @staticmethod
    def _doubles(text: str) -> Iterator[tuple[Span, str]]:
        """Every doubled word of ``text`` that is not a normal reduplication, with its unit."""
        pattern, chars, words_except, longer = _doubles()
        for m in pattern.finditer(text):
            piece = m.group()
            if m.group("single"):
                boundary = chars[piece[0]]
                if excepted(text, m.start(), piece[0], boundary):
                    continue
                if excepted(text, m.start() + 1, piece[0], boundary):
                    continue
                unit = piece[0]
            else:
                unit = m.group(3)
                if piece in words_except or any(text.startswith(w, m.start() + len(unit)) for w in longer):
                    continue
            yield Span(m.start(), m.end()), unit


@lru_cache(maxsize=1)
def _placeholders() -> re.Pattern[str]:
    listed = entries("placeholders", "placeholders", ("pattern", "first", "label"))
    alternatives = "|".join(f"(?:{e['pattern']})" for e in listed)
    # A cheap first-character gate: Python's re tries every alternative at every position otherwise.
    firsts = "".join(sorted({ch for e in listed for ch in e["first"]}))
    return re.compile(f"(?=[{re.escape(firsts)}])(?:{alternatives})")


# The characters that make up web addresses, e-mail addresses, file names and codes.
_MACHINE = re.compile(r"[A-Za-z0-9_\-./@*]")  # not ":" — 联系人:XX is a half-width colon, not a URL
_PLACEHOLDER_ONLY = re.compile(r"[XxＸｘ×＊*0-9\-./]+")
_SEPARATOR_LINE = re.compile(r"[\s*＊×\-=_—~～·.]+")


def _inside_machine_text(text: str, start: int, end: int) -> bool:
    """True when the match is part of an address, e-mail, file name or code (xxgk, xx@163.com).

    A placeholder stands alone or with a year's digits (20XX, 20XX-20XX); when the run of
    address-like characters around it holds other letters or symbols, or more than four digits
    (a code such as XX2023001), it is machine text where X is an ordinary letter.
    """
    lo, hi = start, end
    while lo > 0 and _MACHINE.match(text, lo - 1):
        lo -= 1
    while hi < len(text) and _MACHINE.match(text, hi):
        hi += 1
    run = text[lo:hi]
    if run == text[start:end]:
        return False
    return not _PLACEHOLDER_ONLY.fullmatch(run) or sum(c.isdigit() for c in run) > 4


def _on_separator_line(text: str, start: int) -> bool:
    """True when the line holds only rule characters (****** as a divider, not a blank)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    return bool(_SEPARATOR_LINE.fullmatch(line))


class Placeholder(Rule):
    """草稿中的占位符未替换（XX所、×××、【待定】、20XX年）。

    A placeholder left in a draft: XX所, ×××, 〇〇, 【待定】, TODO, a template year 20XX.

    Drafts and templates are written with blanks to fill; one left in the issued plan is
    embarrassing. X in a web address, an e-mail address, a file name or a code (xxgk, XX2023001)
    is a letter, not a blank, and a line of asterisks is a divider.
    """

    code = "W005"
    silenced_by_user_words = True
    name = "placeholder"
    title = "草稿占位符未替换"
    severity = Severity.ERROR
    basis = "党政机关公文处理工作条例 第二十条（四）人名、地名、时间、数字准确"
    bad = "2024年教育工作要点\n一、新建幼儿园XX所，完成时间【待定】。"
    good = "2024年教育工作要点\n一、新建幼儿园3所，推进1+X证书制度试点，详见www.xxjy.gov.cn。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _placeholders().finditer(text):
            if m.group() in ctx.user_words:
                continue
            if _inside_machine_text(text, m.start(), m.end()) or _on_separator_line(text, m.start()):
                continue
            yield ctx.finding(self, Span(m.start(), m.end()), f"“{m.group()}”是草稿占位符，请填入实际内容")


RULES: tuple[type[Rule], ...] = (
    ListedWrongWord,
    VariantCharacter,
    DoubledWord,
    SplicedName,
    Placeholder,
    PoliticalWording,
    FormulaWording,
    FormulaNearMiss,
    ContextualWord,
    RedundantWording,
    VariantWord,
    AppPrompt,
)
