"""P rules on 点号 (pause and stop marks) where they do not belong (GB/T 15834—2011 4.2–4.5, 5.1).

A 点号 never opens a line; 顿号 is not set between marks that already separate (”、“ 》、《) or
before the 等 that closes a list; a work plan states what will be done, so a 问号 or 叹号 in its
statements reads as a slip or as rhetoric that does not belong in a 公文.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.pairs import unmatched
from checks.rules.passages import passages, text_paragraphs
from checks.rules.wordlists import load_list
from desktop.plan.model import ParagraphRole, Span

_LINE_START_PAUSE = re.compile(r"[ \u3000\t]*([，、。；：？！,;:?!])")
_AFTER_OPENER = re.compile(r"[“‘《（(]([，、。；：,;:])")


class PauseAtLineStart(Rule):
    """点号出现在行首或引号、括号之首（段落以“，”“。”开头，“（，”）。

    Why: GB/T 15834—2011 5.1.1 and 5.1.2: 句号、逗号、顿号、分号、冒号、问号、叹号 follow the
    words they close and never begin a line. A paragraph, a quotation or a bracket that starts
    with one has lost the words before it, or the line was broken in the wrong place.
    """

    code = "P009"
    name = "pause-at-line-start"
    title = "点号出现在行首"
    severity = Severity.WARNING
    basis = "GB/T 15834—2011 5.1.1、5.1.2"
    bad = "一、加强党建\n1.抓学习\n，抓落实。"
    good = "一、加强党建\n1.抓学习，抓落实。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        unpaired = _unpaired_offsets(ctx) if _AFTER_OPENER.search(text) else set()
        for paragraph in text_paragraphs(ctx):
            match = _LINE_START_PAUSE.match(text, paragraph.span.start, paragraph.span.end)
            if match is not None:
                at, mark = match.start(1), match.group(1)
                yield ctx.finding(
                    self, Span(at, at + 1), f"行首出现点号“{mark}”：点号应紧跟在它所点断的文字之后"
                )
            for inner in _AFTER_OPENER.finditer(text, paragraph.span.start, paragraph.span.end):
                if inner.start() in unpaired:
                    continue  # “，: a right quote turned round, P001's
                at, mark = inner.start(1), inner.group(1)
                yield ctx.finding(
                    self, Span(at, at + 1), f"引号或括号内以点号“{mark}”开头：点号应紧跟在它所点断的文字之后"
                )


def _unpaired_offsets(ctx: Context) -> set[int]:
    """Offsets of pair marks left unmatched in their passage (P001 reports them)."""
    found: set[int] = set()
    for passage in passages(ctx):
        piece = passage.span.slice(ctx.text)
        found.update(passage.span.start + offset for offset, _ch, _closing in unmatched(piece))
    return found


_DUN_BETWEEN = re.compile(r"[”’》]、(?=[“‘《])")


class DunBetweenQuotes(Rule):
    """并列的引号或书名号之间用了顿号（“双减”、“五育”；《条例》、《规定》）。

    Why: GB/T 15834—2011 4.5.3.5: between quoted or titled items in a row the marks themselves
    separate, so the 顿号 is normally left out (it stays when a note stands between them, as in
    《条例》（2012年）、《规定》). “通常不用”: a matter of style, hence 提示.
    """

    code = "P010"
    name = "dun-between-quotes"
    title = "并列引号、书名号之间用顿号"
    severity = Severity.INFO
    basis = "GB/T 15834—2011 4.5.3.5"
    bad = "一、加强党建\n1.落实《义务教育法》、《教师法》，推进“双减”、“五育”并举。"
    good = "一、加强党建\n1.落实《义务教育法》《教师法》，推进“双减”“五育”并举。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for paragraph in text_paragraphs(ctx):
            piece = paragraph.span.slice(text)
            if "、" not in piece:
                continue
            spots = [paragraph.span.start + m.start() + 1 for m in _DUN_BETWEEN.finditer(piece)]
            if not spots:
                continue
            kinds = "书名号" if all(text[at - 1] == "》" for at in spots) else "引号或书名号"
            yield ctx.finding(
                self,
                Span(spots[0], spots[-1] + 1),
                f"并列的{kinds}之间通常不用顿号（本段{len(spots)}处）",
                fixes=tuple(Fix(Span(at, at + 1), "", "删去顿号") for at in spots),
            )


_DUN_BEFORE_DENG = re.compile(r"、(?=等)")


class DunBeforeDeng(Rule):
    """列举末尾的“等”之前多了顿号（学校、家庭、社会、等）。

    Why: GB/T 15834—2011 4.5 and 附录 B: 等 and 等等 close the list as part of its last item; the
    顿号 separates items, and 等 is not one.
    """

    code = "P017"
    name = "dun-before-deng"
    title = "“等”前用了顿号"
    severity = Severity.WARNING
    basis = "GB/T 15834—2011 4.5、附录 B"
    bad = "一、加强党建\n1.构建学校、家庭、社会、等协同育人机制。"
    good = "一、加强党建\n1.构建学校、家庭、社会等协同育人机制。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        starting = tuple(load_list("punctuation").get("deng_starting") or ())
        for paragraph in text_paragraphs(ctx):
            piece = paragraph.span.slice(text)
            if "、等" not in piece:
                continue
            for match in _DUN_BEFORE_DENG.finditer(piece):
                if any(piece.startswith(w, match.end()) for w in starting):
                    continue  # 一等、二等、等级…: a word, not the list-closing 等
                at = paragraph.span.start + match.start()
                span = Span(at, at + 1)
                yield ctx.finding(self, span, "“等”之前不用顿号", Fix(span, "", "删去顿号"))


_QUESTION_OR_BANG = re.compile(r"[？！?!]")
_STATEMENT_ROLES = (ParagraphRole.HEADING, ParagraphRole.BODY, ParagraphRole.BLOCK)


class QuestionOrExclamation(Rule):
    """计划的陈述中用了问号或叹号。

    Why: GB/T 15834—2011 4.2 and 4.3 keep the 问号 for questions and the 叹号 for exclamations;
    a work plan states tasks and measures in plain statements, so either mark in its items is a
    slip for 。 or rhetoric a 公文 does without. Quoted titles and slogans are not judged.
    """

    code = "P013"
    name = "question-or-exclamation"
    title = "陈述中用问号、叹号"
    severity = Severity.INFO
    basis = "GB/T 15834—2011 4.2、4.3"
    bad = "一、加强党建\n1.全面提升教育质量！"
    good = "一、加强党建\n1.全面提升教育质量。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for paragraph in text_paragraphs(ctx):
            if paragraph.role not in _STATEMENT_ROLES:
                continue
            piece = paragraph.span.slice(text)
            spots = [m.start() for m in _QUESTION_OR_BANG.finditer(piece) if not _quoted(piece, m.start())]
            if not spots:
                continue
            marks = "、".join(dict.fromkeys(f"“{piece[i]}”" for i in spots))
            start = paragraph.span.start
            yield ctx.finding(
                self,
                Span(start + spots[0], start + spots[-1] + 1),
                f"工作计划的陈述中用了{marks}（{len(spots)}处），宜改为陈述句，用句号",
            )


def _quoted(piece: str, i: int) -> bool:
    """Inside “…”, 《…》 or ‘…’, or the mark closing a quotation (“…吗？”)."""
    for opener, closer in (("“", "”"), ("《", "》"), ("‘", "’")):
        if piece.rfind(opener, 0, i) > piece.rfind(closer, 0, i):
            return True
    return False


_ORDINAL_DUN = re.compile(
    r"(第[一二三四五六七八九十]{1,3}|其[一二三四五六七八九十]{1,3}|首先|其次|再次|最后)、(?![第其一二三四五六七八九十])"
)


class OrdinalDun(Rule):
    """“第一”“其一”“首先”类序次语后用了顿号（第一、加强学习），应为逗号。

    Why: GB/T 15834—2011 4.4.3.3: after ordinals of the 第 kind, the 其 kind and the 首先 kind a
    comma is used; the 顿号 goes after bare Chinese numerals (一、, 4.5.3.3). A list of ordinals
    (第一、第二批, 第一、二名) is not an ordinal opening a clause, and is left alone.
    """

    code = "P018"
    name = "ordinal-dun"
    title = "“第一”类序次语后用顿号"
    severity = Severity.WARNING
    basis = "GB/T 15834—2011 4.4.3.3"
    bad = "一、加强党建\n1.抓学习。第一、加强理论学习；第二、加强业务学习。"
    good = "一、加强党建\n1.抓学习。第一，加强理论学习；第二，加强业务学习。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for paragraph in text_paragraphs(ctx):
            piece = paragraph.span.slice(text)
            if "、" not in piece:
                continue
            spots = [paragraph.span.start + m.end() - 1 for m in _ORDINAL_DUN.finditer(piece)]
            if not spots:
                continue
            words = "、".join(dict.fromkeys(f"“{m.group(1)}”" for m in _ORDINAL_DUN.finditer(piece)))
            yield ctx.finding(
                self,
                Span(spots[0], spots[-1] + 1),
                f"序次语{words}之后应用逗号，不用顿号",
                fixes=tuple(Fix(Span(at, at + 1), "，", "改为逗号") for at in spots),
            )


RULES: tuple[type[Rule], ...] = (
    PauseAtLineStart,
    DunBetweenQuotes,
    QuestionOrExclamation,
    DunBeforeDeng,
    OrdinalDun,
)
