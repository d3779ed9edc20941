"""P rules on the 省略号 (GB/T 15834—2011 4.11): its form, and its use together with 等.

The 省略号 is six dots in two characters' space (……). Typed on an English keyboard it becomes
``...`` or ``。。。``; a single ``…`` is half of it. And since it marks a list left open, it says
what 等 says: ``……等`` and ``等……`` say it twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.passages import text_paragraphs
from checks.rules.wordlists import load_list
from desktop.plan.model import Span

BASIS_ELLIPSIS = "GB/T 15834—2011 4.11"
# Anything written as an ellipsis: a run of …, three or more 。, three or more dots.
_ELLIPSIS = r"(?:…+|。{3,}|\.{3,}|．{3,}|·{3,})"
_ANY_ELLIPSIS = re.compile(_ELLIPSIS)
_CLUES = ("…", "。。。", "...", "．．．", "···")


def _has_ellipsis(piece: str) -> bool:
    """A cheap test before the regex: most paragraphs hold no ellipsis at all."""
    return any(clue in piece for clue in _CLUES)


_ELLIPSIS_THEN_DENG = re.compile(rf"{_ELLIPSIS}[ \u3000]*等(?:等)?")
_DENG_THEN_ELLIPSIS = re.compile(rf"等(?:等)?[ \u3000]*{_ELLIPSIS}")


@cache
def _deng_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = load_list("punctuation")
    return tuple(data.get("deng_ending") or ()), tuple(data.get("deng_starting") or ())


def _ellipsis_with_deng(piece: str) -> list[tuple[int, int, int, int]]:
    """(match start, match end, ellipsis start, ellipsis end) for every ……等 and 等…… in ``piece``."""
    ending, starting = _deng_words()
    found: list[tuple[int, int, int, int]] = []
    for match in _ELLIPSIS_THEN_DENG.finditer(piece):
        deng = match.end() - (2 if match.group().endswith("等等") else 1)
        if match.end() - deng == 1 and any(piece.startswith(w, deng) for w in starting):
            continue  # ……等级: the word 等级, not the list-closing 等
        ellipsis = _ANY_ELLIPSIS.match(piece, match.start())
        assert ellipsis is not None
        found.append((match.start(), match.end(), ellipsis.start(), ellipsis.end()))
    for match in _DENG_THEN_ELLIPSIS.finditer(piece):
        start = match.start()
        if any(piece.startswith(w, start - len(w) + 1) for w in ending if start - len(w) + 1 >= 0):
            continue  # 平等……: the word 平等
        ellipsis = _ANY_ELLIPSIS.search(piece, start)
        assert ellipsis is not None
        found.append((start, match.end(), ellipsis.start(), ellipsis.end()))
    return sorted(found)


class EllipsisWithDeng(Rule):
    """省略号与“等”“等等”连用（……等、等……）。

    Why: GB/T 15834—2011 4.11 and its 补充规则: an ellipsis that closes a list says “and so on”,
    as 等 does; the standard allows one or the other, never both. 公文 prefer 等, so the fix
    deletes the ellipsis.
    """

    code = "P006"
    name = "ellipsis-with-deng"
    title = "省略号与“等”连用"
    severity = Severity.WARNING
    basis = BASIS_ELLIPSIS
    bad = "一、加强党建\n1.开展读书节、艺术节、科技节……等活动。"
    good = "一、加强党建\n1.开展读书节、艺术节、科技节等活动。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for paragraph in text_paragraphs(ctx):
            piece = paragraph.span.slice(text)
            if "等" not in piece or not _has_ellipsis(piece):
                continue
            for start, end, e_start, e_end in _ellipsis_with_deng(piece):
                base = paragraph.span.start
                ellipsis = Span(base + e_start, base + e_end)
                words = piece[start:end].replace(piece[e_start:e_end], "……").replace(" ", "")
                yield ctx.finding(
                    self,
                    Span(base + start, base + end),
                    f"“{words}”：省略号与“等”不能同时使用，删去其一",
                    Fix(ellipsis, "", "删去省略号"),
                )


_WRONG_FORMS = re.compile(r"(?<!…)(?:…|…{3}|…{5,})(?!…)|。{3,}|\.{3,}|．{3,}|·{3,}")


class EllipsisForm(Rule):
    """省略号写法不规范（…、。。。、...），应为“……”。

    Why: GB/T 15834—2011 4.11.2: the 省略号 is six dots (……); three dots are the Western form,
    a row of 句号 is three full stops, and a single … is half the mark.
    """

    code = "P008"
    name = "ellipsis-form"
    title = "省略号写法不规范"
    severity = Severity.WARNING
    basis = "GB/T 15834—2011 4.11.2"
    bad = "一、加强党建\n1.开展读书节、艺术节、科技节...丰富校园生活。"
    good = "一、加强党建\n1.开展读书节、艺术节、科技节……丰富校园生活。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for paragraph in text_paragraphs(ctx):
            piece = paragraph.span.slice(text)
            if not _has_ellipsis(piece):
                continue
            paired = {e_start for _, _, e_start, _ in _ellipsis_with_deng(piece)} if "等" in piece else set()
            fixes: list[Fix] = []
            for match in _WRONG_FORMS.finditer(piece):
                i, j = match.start(), match.end()
                if i in paired or _latin_around(piece, i, j):
                    continue  # P006 deletes it anyway; "etc..." is English
                fixes.append(Fix(Span(paragraph.span.start + i, paragraph.span.start + j), "……", "改为“……”"))
            if not fixes:
                continue
            shown = "、".join(dict.fromkeys(f"“{f.span.slice(text)}”" for f in fixes))
            yield ctx.finding(
                self,
                Span(fixes[0].span.start, fixes[-1].span.end),
                f"省略号写作{shown}，应写作“……”（六个点，占两个字的位置）",
                fixes=tuple(fixes),
            )


def _latin_around(piece: str, i: int, j: int) -> bool:
    before = piece[i - 1] if i else ""
    after = piece[j] if j < len(piece) else ""
    return (before.isascii() and before.isalnum()) or (after.isascii() and after.isalpha())


RULES: tuple[type[Rule], ...] = (EllipsisWithDeng, EllipsisForm)
