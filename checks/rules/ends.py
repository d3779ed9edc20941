"""P rules on where a sentence's end mark goes: inside brackets, and after a title.

GB/T 15834—2011 附录 A distinguishes brackets inside a sentence (句内括号, notes on a word, part of
the sentence) from brackets after it (句外括号, notes on the whole sentence, placed after its end
mark). A 句号 inside a bracket that the sentence then continues past is misplaced. And a title is
not a sentence: 附录 B — 标题末尾通常不用标点符号; a 公文's title never ends in a 点号.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.passages import text_paragraphs
from checks.rules.wordlists import load_list
from desktop.plan.model import Paragraph, ParagraphRole, Span

# 。 right before a closing bracket, and the sentence continues after the bracket.
_STOP_IN_INNER_BRACKET = re.compile(r"。(?=[）)][，。；、：,;:\u4e00-\u9fff])")


class StopInsideInnerBracket(Rule):
    """句内括号里用了句号：健全机制（由组织科负责。），落实责任。

    Why: GB/T 15834—2011 4.9 and 附录 A: a bracket inside the sentence is part of it, so the
    sentence's end mark stands after the closing bracket and none stands inside it. Only a
    bracket placed after the sentence's own end mark (句外括号) may end with one.
    """

    code = "P014"
    name = "stop-inside-inner-bracket"
    title = "句内括号里用了句号"
    severity = Severity.WARNING
    basis = "GB/T 15834—2011 4.9、附录 A"
    bad = "一、加强党建\n1.健全考核机制（由组织科牵头负责。），全面落实责任。"
    good = "一、加强党建\n1.健全考核机制（由组织科牵头负责），全面落实责任。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for paragraph in text_paragraphs(ctx):
            piece = paragraph.span.slice(text)
            if "。）" not in piece and "。)" not in piece:
                continue
            for match in _STOP_IN_INNER_BRACKET.finditer(piece):
                open_at = max(piece.rfind("（", 0, match.start()), piece.rfind("(", 0, match.start()))
                before = piece[:open_at].rstrip()
                if open_at < 0 or (before and before[-1] in "。！？!?"):
                    continue  # a bracket after the sentence's end mark notes the whole sentence
                at = paragraph.span.start + match.start()
                span = Span(at, at + 1)
                yield ctx.finding(
                    self,
                    span,
                    "句内括号中不用句号：括号属于句子的一部分，句末点号应放在括号之后",
                    Fix(span, "", "删去句号"),
                )


_TITLE_END = "。，；：、,;:"
_TITLE_INNER = re.compile(r"[，。；：,;:？！?!]")
_TITLE_LOOKAHEAD = 5  # a title stands among the first few lines


class TitleEndPunctuation(Rule):
    """文件标题末尾用了点号（2024年教育工作要点。）。

    Why: GB/T 15834—2011 附录 B (标题的标点用法): a title is not a sentence and takes no end mark,
    and a 公文's title never does. A line is taken for the title when it stands among the first
    lines, before any heading, and ends with the name of the document's kind (要点, 计划, 意见…)
    followed only by the stray mark; a line with other pause marks inside is a sentence.
    """

    code = "P015"
    name = "title-end-punctuation"
    title = "标题末尾用了点号"
    severity = Severity.WARNING
    basis = "GB/T 15834—2011 附录 B"
    bad = "2024年全市教育工作要点。\n\n一、加强党建\n1.抓学习。\n2.抓班子。"
    good = "2024年全市教育工作要点\n\n一、加强党建\n1.抓学习。\n2.抓班子。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        endings = tuple(load_list("punctuation").get("title_endings") or ())
        for paragraph in _title_candidates(ctx):
            line = paragraph.span.slice(ctx.text)
            title = line.rstrip()
            if not title or title[-1] not in _TITLE_END:
                continue
            body = title.rstrip(_TITLE_END)
            if not body.endswith(endings) or _TITLE_INNER.search(body) or len(body.strip()) > 60:
                continue
            end = Span(paragraph.span.start + len(body), paragraph.span.start + len(title))
            marks = end.slice(ctx.text)
            yield ctx.finding(
                self, end, f"标题末尾不用标点，应删去“{marks}”", Fix(end, "", "删去标题末尾的标点")
            )
            return


def _title_candidates(ctx: Context) -> list[Paragraph]:
    """The title line, or the first lines before the first heading when none was recognised."""
    if ctx.plan.title_span is not None:
        return [p for p in ctx.plan.paragraphs if p.role is ParagraphRole.TITLE]
    found: list[Paragraph] = []
    for paragraph in ctx.paragraphs:
        if paragraph.role in (ParagraphRole.HEADING, ParagraphRole.BLOCK, ParagraphRole.BODY):
            break
        found.append(paragraph)
        if len(found) == _TITLE_LOOKAHEAD:
            break
    return found


RULES: tuple[type[Rule], ...] = (StopInsideInnerBracket, TitleEndPunctuation)
