"""P rules on the 冒号 (GB/T 15834—2011 4.7 and its 补充规则 in 附录 A).

A colon stands where there is a pause before what it announces, and it announces to the end of
the sentence: so one sentence does not hold a colon inside another colon's scope, and a list of
examples that runs on inside the sentence (开展如：读书节、艺术节等活动) has no pause for one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.passages import passages, text_paragraphs
from checks.rules.wordlists import alternation, load_list
from desktop.plan.model import Span

BASIS_COLON = "GB/T 15834—2011 4.7、附录 A"
_SENTENCE = re.compile(r"[^。！？!?；;\n]+")
_COLON = re.compile(r"[：:]")
_FIELD_LABEL_MAX = 8  # 牵头单位：…，责任单位：… — short labels of parallel fields
_FIELD_SPAN_MAX = 30


class NestedColon(Rule):
    """一句之内套用冒号（总体要求是：……，主要任务包括：……）。

    Why: GB/T 15834—2011 附录 A: a colon announces what follows to the end of its sentence, so a
    second colon inside that sentence nests one announcement inside another and the reader
    cannot tell where either ends. The standard asks for separate paragraphs (or sentences)
    instead. Parallel short fields (牵头单位：…，配合单位：…) are not nesting.
    """

    code = "P011"
    name = "nested-colon"
    title = "一句之内套用冒号"
    severity = Severity.WARNING
    basis = BASIS_COLON
    bad = "一、加强党建\n1.工作要求是：坚持问题导向，全面梳理学校管理中存在的问题，重点解决：制度不健全、执行不到位。"
    good = "一、加强党建\n1.工作要求是：坚持问题导向，全面梳理学校管理中存在的问题。重点解决制度不健全、执行不到位的问题。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for passage in passages(ctx):
            piece = passage.span.slice(text)
            if piece.count("：") + piece.count(":") < 2:
                continue
            for sentence in _SENTENCE.finditer(piece):
                colons = [i for i in _colons(piece, sentence.start(), sentence.end())]
                if len(colons) < 2:
                    continue
                nested = next((b for a, b in itertools.pairwise(colons) if not _fields(piece, a, b)), None)
                if nested is None:
                    continue  # parallel fields: 牵头单位：市教育局，配合单位：各学校
                at = passage.span.start + nested
                yield ctx.finding(
                    self,
                    Span(at, at + 1),
                    "一句之内套用了冒号：前一个冒号提示到句末，后一个冒号落在它的范围内；宜拆成两句或分段",
                )


def _colons(piece: str, start: int, end: int) -> list[int]:
    """Colons of one sentence that are not a clock time (10:30) nor inside quotes or brackets."""
    found: list[int] = []
    for match in _COLON.finditer(piece, start, end):
        i = match.start()
        if i and piece[i - 1].isdigit() and piece[i + 1 : i + 2].isdigit():
            continue
        if any(piece.rfind(o, start, i) > piece.rfind(c, start, i) for o, c in ("“”", "（）", "()", "《》")):
            continue
        found.append(i)
    return found


def _fields(piece: str, first: int, second: int) -> bool:
    """Two colons of parallel short fields: a short value, one comma, a short label."""
    between = piece[first + 1 : second]
    commas = [i for i, ch in enumerate(between) if ch in "，,"]
    if len(commas) != 1 or len(between) > _FIELD_SPAN_MAX:
        return False
    return len(between) - commas[0] - 1 <= _FIELD_LABEL_MAX


@cache
def _openers() -> tuple[re.Pattern[str], tuple[str, ...]]:
    data = load_list("punctuation")
    words = list(data.get("example_openers") or ())
    return alternation(words), tuple(data.get("ru_ending") or ())


_LIST_THEN_DENG = re.compile(r"[^。！？!?；;：:\n]{1,80}?等(?:等)?(?=[\u4e00-\u9fff])")


class ColonBeforeInlineExamples(Rule):
    """“如”“例如”“包括”之后用了冒号，而举例以“等”收束后句子仍在继续（开展如：读书节、艺术节等活动）。

    Why: GB/T 15834—2011 4.7 and 附录 A: a colon stands only where there is a pause. When the
    examples close with 等 and the sentence goes on (等活动、等方面), they are part of the
    sentence and nothing pauses before them; the colon goes.
    """

    code = "P012"
    name = "colon-before-inline-examples"
    title = "句中举例前误用冒号"
    severity = Severity.WARNING
    basis = BASIS_COLON
    bad = "一、加强党建\n1.开展如：读书节、艺术节、科技节等主题活动。"
    good = "一、加强党建\n1.开展读书节、艺术节、科技节等主题活动。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        pattern, ru_ending = _openers()
        for paragraph in text_paragraphs(ctx):
            piece = paragraph.span.slice(text)
            if "等" not in piece or ("：" not in piece and ":" not in piece):
                continue
            for match in pattern.finditer(piece):
                colon = match.end()
                if piece[colon : colon + 1] not in ("：", ":"):
                    continue
                if match.group() == "如" and any(
                    piece.startswith(w, colon - len(w)) for w in ru_ending if colon - len(w) >= 0
                ):
                    continue  # 正如：, 假如： — not “for example”
                if not _LIST_THEN_DENG.match(piece, colon + 1):
                    continue
                at = paragraph.span.start + colon
                span = Span(at, at + 1)
                yield ctx.finding(
                    self,
                    span,
                    f"“{match.group()}”后的举例以“等”收束、句子仍在继续，此处没有停顿，不用冒号",
                    Fix(span, "", "删去冒号"),
                )


RULES: tuple[type[Rule], ...] = (NestedColon, ColonBeforeInlineExamples)
