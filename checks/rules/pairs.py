"""P rules on paired marks (GB/T 15834—2011 4.8 引号, 4.9 括号, 4.15 书名号).

A pair is judged inside one passage (see ``passages``): a quotation opened at the end of a
hard-wrapped line and closed on the next is one pair, not two halves. A half left open is
certainly wrong only when the passage is whole; in a passage that stops without ending its
sentence (a wrap the copy broke, or an item cut off before the next heading) it is a warning,
and at the very end of a text that stops mid-sentence it is the unfinished sentence, not a fault.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.passages import is_cjk, marker_offsets, passages, show, text_paragraphs
from desktop.plan.model import Span

BASIS_PAIRS = "GB/T 15834—2011 4.8、4.9、4.15"
PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "【": "】", "(": ")"}
CLOSERS = {v: k for k, v in PAIRS.items()}
# A bracket closes an opener of either width: （…) is one pair with a half-width half (P002's).
_CLOSES = {"”": "“", "’": "‘", "》": "《", "）": "（(", ")": "(（", "】": "【"}
_PAIR_NAMES = {"“": "引号", "‘": "单引号", "《": "书名号", "（": "括号", "【": "方头括号", "(": "括号"}
_ANY_PAIR = re.compile("[" + re.escape("".join(PAIRS) + "".join(CLOSERS)) + "]")


def unmatched(piece: str) -> list[tuple[int, str, bool]]:
    """Unmatched marks as (offset, mark, is_closing), by a stack over all pair kinds together."""
    stack: list[tuple[int, str]] = []
    bad: list[tuple[int, str, bool]] = []
    for match in _ANY_PAIR.finditer(piece):
        i, ch = match.start(), match.group()
        if ch in PAIRS:
            stack.append((i, ch))
            continue
        openers = _CLOSES[ch]
        depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] in openers), None)
        if depth is None:
            bad.append((i, ch, True))
        else:
            bad.extend((j, c, False) for j, c in stack[depth + 1 :])
            del stack[depth:]
    bad.extend((j, c, False) for j, c in stack)
    return sorted(bad)


class UnbalancedPairs(Rule):
    """段落中成对标点不配对（有“无”，有《无》，有（无））。

    Why: a lost quotation mark or bracket changes what is quoted or parenthesised; in text
    copied forward it is usually half of a pair deleted with an edit. A pair is judged inside one
    whole paragraph: a paragraph that stops without ending its sentence gets a warning, and the
    end of a text cut mid-sentence gets nothing, since the other half may simply not be there yet.
    """

    code = "P001"
    name = "unbalanced-pairs"
    title = "成对标点不配对"
    severity = Severity.ERROR
    basis = BASIS_PAIRS
    bad = "一、加强党建\n1.推进十四五”基础教育规划落实。"
    good = "一、加强党建\n1.推进“十四五”基础教育规划落实。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        markers = marker_offsets(ctx)
        untitled = ctx.plan.title_span is None
        for passage in passages(ctx):
            piece = passage.span.slice(text)
            if not _ANY_PAIR.search(piece):
                continue
            for offset, ch, closing in _reversed_quotes(piece, unmatched(piece)):
                at = passage.span.start + offset
                if at in markers:
                    continue  # (1) markers are the S rules' business
                certain = passage.whole and not (closing and passage.first and untitled)
                if not certain and not closing and passage.last:
                    continue  # the text stops mid-sentence: the closing half may follow
                yield ctx.finding(
                    self,
                    Span(at, at + 1),
                    _message(ch, closing, certain),
                    **({} if certain else {"severity": Severity.WARNING}),
                )


_TURNED = None  # in place of is_closing: a left quote that should have been the right one


def _reversed_quotes(piece: str, found: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool | None]]:
    """Two unmatched left quotes in a row (推进“十四五“规划) are one fault, the second written the
    wrong way round: reported once, at the second, as a closing quote turned round."""
    kept: list[tuple[int, str, bool | None]] = []
    for item in found:
        offset, ch, closing = item
        if kept and not closing and ch in "“‘":
            last_offset, last_ch, last_closing = kept[-1]
            if not last_closing and last_ch == ch and not _ANY_PAIR.search(piece, last_offset + 1, offset):
                kept[-1] = (offset, ch, _TURNED)
                continue
        kept.append(item)
    return kept


def _message(ch: str, closing: bool | None, certain: bool) -> str:
    if closing is _TURNED:
        message = f"两个{show(ch)}之间没有{show(PAIRS[ch])}：后一个应为{show(PAIRS[ch])}"
    elif closing:
        message = f"{show(ch)}没有与之配对的{show(CLOSERS[ch])}：{_PAIR_NAMES[CLOSERS[ch]]}缺少前一半"
    else:
        message = f"{show(ch)}没有与之配对的{show(PAIRS[ch])}：{_PAIR_NAMES[ch]}缺少后一半"
    if not certain:
        message += "（本段未以句末标点结束，请核对是否断行或漏写）"
    return message


def _inner_pairs(piece: str, opener: str, closer: str) -> list[tuple[int, int]]:
    """(open, close) offsets of every pair of ``opener``/``closer`` nested inside another such pair."""
    found: list[tuple[int, int]] = []
    stack: list[int] = []
    for match in re.finditer(f"[{opener}{closer}]", piece):
        if match.group() == opener:
            stack.append(match.start())
        elif stack:
            opened = stack.pop()
            if stack:
                found.append((opened, match.start()))
    return found


class _NestedSameMarks(Rule):
    """Base of P016 and P019: a pair inside a pair of the same kind, the inner one to be turned
    into its single form. Judged only in a balanced passage (an unbalanced one is P001's)."""

    opener: str
    closer: str
    inner: tuple[str, str]
    what: str

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for passage in passages(ctx):
            piece = passage.span.slice(text)
            if piece.count(self.opener) < 2 or unmatched(piece):
                continue
            nested = _inner_pairs(piece, self.opener, self.closer)
            if not nested:
                continue
            base = passage.span.start
            fixes = tuple(
                Fix(Span(base + i, base + i + 1), mark, f"内层改为{mark}")
                for pair in nested
                for i, mark in zip(pair, self.inner, strict=True)
            )
            first, last = base + nested[0][0], base + nested[-1][1]
            yield ctx.finding(
                self,
                Span(first, last + 1),
                f"{self.what}内又用了{self.what}（{len(nested)}处），内层应改用{self.inner[0]}{self.inner[1]}",
                fixes=tuple(sorted(fixes, key=lambda f: f.span.start)),
            )


class NestedDoubleQuotes(_NestedSameMarks):
    """引号里面又用了双引号（“学习“四个意识”专题活动”），内层应为单引号‘’。

    Why: GB/T 15834—2011 4.8.3.4: quotation marks inside quotation marks are single ones (‘’),
    so the reader sees which closing mark ends which quotation.
    """

    code = "P016"
    name = "nested-double-quotes"
    title = "引号内层应用单引号"
    severity = Severity.WARNING
    basis = "GB/T 15834—2011 4.8.3.4"
    bad = "一、加强党建\n1.开展“学习“四个意识”专题活动”。"
    good = "一、加强党建\n1.开展“学习‘四个意识’专题活动”。"
    opener, closer, inner, what = "“", "”", ("‘", "’"), "引号"


class NestedBookTitles(_NestedSameMarks):
    """书名号里面又用了双书名号（《关于印发《幼儿园工作规程》的通知》），内层应为〈〉。

    Why: GB/T 15834—2011 4.15: a title inside a title takes the single 书名号 〈〉, the outer one
    the double 《》, as in 《关于印发〈幼儿园工作规程〉的通知》.
    """

    code = "P019"
    name = "nested-book-titles"
    title = "书名号内层应用单书名号"
    severity = Severity.WARNING
    basis = "GB/T 15834—2011 4.15"
    bad = "一、加强党建\n1.落实《关于印发《幼儿园工作规程》的通知》要求。"
    good = "一、加强党建\n1.落实《关于印发〈幼儿园工作规程〉的通知》要求。"
    opener, closer, inner, what = "《", "》", ("〈", "〉"), "书名号"


_STRAIGHT = re.compile("[\"']")


class StraightQuotes(Rule):
    """中文中用了直引号（"双减"、'五育'），应为弯引号“”‘’。

    Why: GB/T 15834—2011 4.8 gives “” and ‘’ as the Chinese quotation marks; the straight ASCII
    marks come from an English keyboard and cannot show which half opens and which closes.
    When they pair up within the paragraph the fix is certain: alternate “ and ”.
    """

    code = "P007"
    name = "straight-quotes"
    title = "中文中使用直引号"
    severity = Severity.WARNING
    basis = "GB/T 15834—2011 4.8"
    bad = '一、加强党建\n1.落实"双减"政策。'
    good = "一、加强党建\n1.落实“双减”政策。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for paragraph in text_paragraphs(ctx):
            piece = paragraph.span.slice(text)
            if '"' not in piece and "'" not in piece:
                continue
            for mark in "\"'":
                spots = [m.start() for m in _STRAIGHT.finditer(piece) if m.group() == mark]
                if not spots or not _in_chinese(piece, spots, mark):
                    continue
                start = paragraph.span.start
                first = Span(start + spots[0], start + spots[0] + 1)
                what = "双引号" if mark == '"' else "单引号"
                shown = "“”" if mark == '"' else "‘’"
                if len(spots) % 2:
                    yield ctx.finding(
                        self, first, f"中文中用了直{what}（{mark}），应改为{shown}；本段直引号不成对，请核对"
                    )
                    continue
                fixes = tuple(
                    Fix(Span(start + i, start + i + 1), shown[k % 2], f"改为{shown[k % 2]}")
                    for k, i in enumerate(spots)
                )
                yield ctx.finding(
                    self,
                    first if len(spots) == 2 else Span(start + spots[0], start + spots[-1] + 1),
                    f"中文中用了直{what}（{mark}，{len(spots) // 2}对），应改为{shown}",
                    fixes=fixes,
                )


def _in_chinese(piece: str, spots: list[int], mark: str) -> bool:
    """The straight quotes enclose Chinese text (not an English quotation, an inch or foot mark)."""
    if mark == "'" and all(i > 0 and piece[i - 1].isdigit() for i in spots):
        return False  # 5'30"
    for k in range(0, len(spots) - 1, 2):
        if any(is_cjk(c) for c in piece[spots[k] + 1 : spots[k + 1]]):
            return True
    lone = spots[-1] if len(spots) % 2 else None
    if lone is not None:
        near = piece[max(0, lone - 1) : lone + 2]
        return any(is_cjk(c) for c in near)
    return False


RULES: tuple[type[Rule], ...] = (UnbalancedPairs, StraightQuotes, NestedDoubleQuotes, NestedBookTitles)
