"""N rules on how a number is written (GB/T 15835—2011): 概数 with a 顿号, Arabic digits mixed with
千/百, a decimal without its leading zero, full-width digits.

These judge the characters, not the targets: 三、四个 is no target, and 5千名 must be caught before
anything reads it as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.numbers_data import around, number_words
from desktop.plan.model import Span

_SUCCESSOR = {
    "一": "二两",
    "二": "三",
    "两": "三",
    "三": "四",
    "四": "五",
    "五": "六",
    "六": "七",
    "七": "八",
    "八": "九",
}


_COMMA_BEFORE_NUMERAL_RE = re.compile("、(?=[二两三四五六七八九])")


@cache
def _approximate_re() -> re.Pattern[str]:
    # 三、四个 / 七、八十岁 / 十二、三名: two neighbouring numerals, then a counting word. The
    # lookbehind wants a Han character before, so 三、 opening a line or after ： (a marker) is not
    # read, and 第 before makes it an ordinal list (第一、二批).
    units = sorted(number_words()["approximate_units"], key=len, reverse=True)
    return re.compile(
        r"(?<=[\u4e00-\u9fff])(?<![第])(十?)([一二两三四五六七八])、([二两三四五六七八九])"
        rf"(?=(?:{'|'.join(map(re.escape, units))})(?!级|等|届|期|类|号|楼|中全会|季度|产业))"
    )


class ApproximateNumberWithComma(Rule):
    """相邻两数字连用表示概数时中间加了顿号（三、四个 应为 三四个）。

    Why: GB/T 15835—2011 5.2.1: two neighbouring numerals that together give an approximate number
    (三四个月, 七八十岁) are written without a 顿号; with one they read as a list of two exact
    numbers. Lists are left alone: ordinals (第一、二批), grades and prizes (一、二年级, 一、二等奖),
    months (三、四月) and numerals that open a line (a heading's 三、).
    """

    code = "N008"
    name = "approximate-number-with-comma"
    title = "概数中间误加顿号"
    severity = Severity.WARNING
    basis = "GB/T 15835—2011 5.2.1"
    bad = "一、教师队伍\n1.每学期开展三、四次集中培训。"
    good = "一、教师队伍\n1.每学期开展三四次集中培训，组织一、二年级教师参加。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        if "、" not in text:
            return
        for m in around(text, _COMMA_BEFORE_NUMERAL_RE, _approximate_re(), 3, 8):
            _ten, low, high = m.groups()
            if high not in _SUCCESSOR[low]:
                continue
            if text[m.end() : m.end() + 1] == "、":
                continue  # 三、四、五个: a list of three
            comma = m.start(3) - 1
            written = m.group() + text[m.end() : m.end() + 1]
            right = written.replace("、", "")
            yield ctx.finding(
                self,
                Span(m.start(), m.end() + 1),
                f"“{written}”是概数，两数之间不加顿号，应写作“{right}”",
                Fix(Span(comma, comma + 1), "", "删去顿号"),
            )


_MULTIPLIER_RE = re.compile("[千百]")


@cache
def _mixed_re() -> re.Pattern[str]:
    # 5千名, 1.5千人, 3百万元: Arabic digits with 千 or 百 as a unit, before a counting word. 千米,
    # 千克, 千瓦 and 百分点 are units or set phrases: what may follow is the list in numbers.yaml.
    after = sorted(number_words()["counted_after_multiplier"], key=len, reverse=True)
    return re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)([千百])(?={'|'.join(map(re.escape, after))})")


class ArabicWithChineseMultiplier(Rule):
    """阿拉伯数字与“千”“百”混用（5千名 应为 5000名）。

    Why: GB/T 15835—2011 5.3: only 万 and 亿 may be written in characters after Arabic digits (10亿
    零817万5288人); any other number is written wholly in one form, so 5千名 is 5000名 and 3百万元 is
    300万元. 千米, 千克 and 千瓦 are units, not numerals, and are left alone.
    """

    code = "N010"
    name = "arabic-with-chinese-multiplier"
    title = "阿拉伯数字与千、百混用"
    severity = Severity.WARNING
    basis = "GB/T 15835—2011 5.3"
    bad = "一、教师队伍\n1.全年培训教师5千名。"
    good = "一、教师队伍\n1.全年培训教师5000名，新建跑道3千米，新增学位2万个。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        if "千" not in text and "百" not in text:
            return
        for m in around(text, _MULTIPLIER_RE, _mixed_re(), 12, 6):
            number, multiplier = m.groups()
            value = round(float(number) * (1000 if multiplier == "千" else 100), 6)
            fix = None
            message = f"“{m.group()}”中阿拉伯数字与“{multiplier}”混用，除“万”“亿”外应统一写作阿拉伯数字"
            if value == int(value):
                right = str(int(value))
                fix = Fix(Span(m.start(), m.end()), right, f"改为{right}")
                message += f"，写作“{right}”"
            yield ctx.finding(self, Span(m.start(), m.end()), message, fix)


# .5%, .8个百分点: a decimal below one written without its zero, after a Han character.
_BARE_DECIMAL_RE = re.compile(r"\.(\d+)(?=[%％]|个百分点|[万亿]|倍)")


class DecimalWithoutZero(Rule):
    """纯小数缺少小数点前的“0”（.5% 应为 0.5%）。

    Why: GB/T 15835—2011 5.1.2: a decimal below one is written with the 0 before the point; a bare
    .5 is easily read as 5 once the point is lost in print or copying.
    """

    code = "N011"
    name = "decimal-without-zero"
    title = "纯小数缺少前导零"
    severity = Severity.WARNING
    basis = "GB/T 15835—2011 5.1.2"
    bad = "一、教育投入\n1.教育经费占比提高.5个百分点。"
    good = "一、教育投入\n1.教育经费占比提高0.5个百分点。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        if "." not in text:
            return
        for m in _BARE_DECIMAL_RE.finditer(text):
            if m.start() == 0 or not "\u4e00" <= text[m.start() - 1] <= "\u9fff":
                continue  # 1.5 is a decimal; .5 after a character has lost its 0
            yield ctx.finding(
                self,
                Span(m.start(), m.end()),
                f"纯小数“{m.group()}”应写出小数点前的“0”，写作“0{m.group()}”",
                Fix(Span(m.start(), m.start()), "0", "补上“0”"),
            )


_FULL_WIDTH_RE = re.compile(r"[０-９]+(?:[．.][０-９]+)?")
_TO_HALF = str.maketrans("０１２３４５６７８９．", "0123456789.")


class FullWidthDigits(Rule):
    """阿拉伯数字用了全角字符（１２所 应为 12所）。

    Why: GB/T 15835—2011 5.1.7.1: Arabic digits are set half-width (正体二分字身, half a character);
    full-width ones come from an input method left in full-width mode, look different in print and
    are not read as numbers by search or by the checks. A paragraph with several is one finding with a
    fix for each; the fix is certain.
    """

    code = "N012"
    name = "full-width-digits"
    title = "阿拉伯数字用了全角"
    severity = Severity.WARNING
    basis = "GB/T 15835—2011 5.1.7.1"
    bad = "一、办学条件\n1.新建中小学１２所。"
    good = "一、办学条件\n1.新建中小学12所。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        by_line: dict[int, list[re.Match[str]]] = {}
        for m in _FULL_WIDTH_RE.finditer(text):
            by_line.setdefault(text.rfind("\n", 0, m.start()), []).append(m)
        for matches in by_line.values():
            shown = "、".join(f"“{m.group()}”" for m in matches)
            fixes = tuple(
                Fix(Span(m.start(), m.end()), m.group().translate(_TO_HALF), "改为半角数字") for m in matches
            )
            yield ctx.finding(
                self,
                Span(matches[0].start(), matches[0].end()),
                f"{shown}是全角数字，应写作半角阿拉伯数字“{fixes[0].replacement}”",
                fixes=fixes,
            )


RULES: tuple[type[Rule], ...] = (
    ApproximateNumberWithComma,
    ArabicWithChineseMultiplier,
    DecimalWithoutZero,
    FullWidthDigits,
)
