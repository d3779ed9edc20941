"""Recognising and writing outline markers: 一、 （一） 1. （1） ① and their common variants.

Variants are recognised so that a plan with ``(一)`` or ``1、`` still has a sensible outline; the
marker remembers whether its punctuation is the canonical one, so the checks can report it and
renumbering can normalise it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.plan.charclass import HAN
from desktop.plan.model import MarkerStyle
from desktop.plan.numerals import CIRCLED_CHARS, from_chinese, from_circled, to_chinese, to_circled

_CN = "一二三四五六七八九十百零〇"
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# Each pattern is anchored at the start of a line (after indentation is stripped). The odd forms
# that copies produce are recognised and marked non-canonical: 1﹒ and 一﹒ (small full stop),
# 1 . (a space before the dot, from Word's list numbering), (1 1 ) (a PDF doubled the number).
_DOTS = "、.．，,﹒﹑"
# 一、 and the wrong forms 一. 一． 一， 一,
_CN_DUN = re.compile(rf"([{_CN}]{{1,4}})[ \t]*([{_DOTS}])")
# （一） (一) and a stray 、 or . after the bracket
_CN_PAREN = re.compile(rf"([（(])[ \t]*([{_CN}]{{1,4}})(?:[ \t]+\2)?[ \t]*([）)])([{_DOTS}]*)")
# 1. 1、 1． 1， — not 3.1万 (a decimal) and not 2020年
_ARABIC_DOT = re.compile(rf"([0-9０-９]{{1,4}})[ \t]*([{_DOTS}])(?![0-9０-９])")
# （1） (1) 1） 1)
_ARABIC_PAREN = re.compile(
    rf"([（(])[ \t]*([0-9０-９]{{1,3}})(?:[ \t]+\2)?[ \t]*([）)])([{_DOTS}]*)|([0-9０-９]{{1,3}})([）)])([{_DOTS}]*)"
)
_CIRCLED = re.compile(rf"([{CIRCLED_CHARS}])([{_DOTS}]*)")
# 01 02 … : zero-padded numbers standing for markers (a WeChat layout), the heading right after.
_BARE = re.compile(rf"(0[1-9]|[1-9][0-9])(?={HAN}|[“《])")

CANONICAL_FORMAT = {
    MarkerStyle.CN_DUN: "{cn}、",
    MarkerStyle.CN_PAREN: "（{cn}）",
    MarkerStyle.ARABIC_DOT: "{n}.",
    MarkerStyle.ARABIC_PAREN: "（{n}）",
    MarkerStyle.CIRCLED: "{circled}",
}


@dataclass(frozen=True, slots=True)
class MarkerMatch:
    """A marker found at the start of a line: where it ends, what it means, and if it is canonical."""

    style: MarkerStyle
    number: int
    length: int  # characters from the line start to the end of the marker
    canonical: bool
    bare: bool = False  # a number without punctuation (01, 02 …), accepted only in its sequence


def match_marker(line: str) -> MarkerMatch | None:
    """The outline marker that starts ``line``, if any (``line`` without leading indentation)."""
    if not line:
        return None
    first = line[0]
    if first in "（(":
        m = _CN_PAREN.match(line)
        if m:
            number = from_chinese(m.group(2))
            if number:
                canonical = (
                    m.group(1) == "（" and m.group(3) == "）" and not m.group(4) and " " not in m.group(0)
                )
                return MarkerMatch(MarkerStyle.CN_PAREN, number, m.end(), canonical)
        m = _ARABIC_PAREN.match(line)
        if m and m.group(2):
            number = int(m.group(2).translate(_FULLWIDTH_DIGITS))
            canonical = m.group(1) == "（" and m.group(3) == "）" and not m.group(4) and m.group(2).isascii()
            return MarkerMatch(MarkerStyle.ARABIC_PAREN, number, m.end(), canonical and " " not in m.group(0))
        return None
    if first in _CN:
        m = _CN_DUN.match(line)
        if m:
            number = from_chinese(m.group(1))
            if number and not _is_phrase(line, m):
                return MarkerMatch(
                    MarkerStyle.CN_DUN, number, m.end(), m.group(2) == "、" and " " not in m.group(0)
                )
        return None
    if first in CIRCLED_CHARS:  # before isdigit(): "②".isdigit() is True
        m = _CIRCLED.match(line)
        number = from_circled(first)
        if m and number:
            return MarkerMatch(MarkerStyle.CIRCLED, number, m.end(), not m.group(2))
        return None
    if "0" <= first <= "9" or "０" <= first <= "９":
        m = _ARABIC_DOT.match(line)
        if m:
            digits = m.group(1)
            number = int(digits.translate(_FULLWIDTH_DIGITS))
            if number == 0 or (len(digits) == 4 and 1900 <= number <= 2100 and m.group(2) != "."):
                return None  # 2022、2023年 is a list of years, not item 2022
            canonical = m.group(2) == "." and digits.isascii() and digits[0] != "0" and " " not in m.group(0)
            return MarkerMatch(MarkerStyle.ARABIC_DOT, number, m.end(), canonical)
        m = _ARABIC_PAREN.match(line)
        if m and m.group(5):
            number = int(m.group(5).translate(_FULLWIDTH_DIGITS))
            return MarkerMatch(MarkerStyle.ARABIC_PAREN, number, m.end(), False) if number else None
        if first == "0":
            return match_bare(line)
        return None
    return None


def match_bare(line: str, expected: int | None = None) -> MarkerMatch | None:
    """A bare number before a heading (01坚守教育初心使命): zero-padded, or the ``expected`` one
    (10 after 09). Without a zero or an expectation, 12所学校 is a count, not a marker."""
    m = _BARE.match(line)
    if m is None:
        return None
    digits = m.group(1)
    if digits[0] != "0" and (expected is None or int(digits) != expected):
        return None
    return MarkerMatch(MarkerStyle.ARABIC_DOT, int(digits), m.end(), False, bare=True)


def _is_phrase(line: str, m: re.Match[str]) -> bool:
    """一、二年级 or 三，四季度: a list of numerals in prose, not a marker."""
    rest = line[m.end() : m.end() + 2]
    return m.group(2) in "、，," and bool(rest) and rest[0] in _CN and rest[1:2] in ("年", "季", "月", "、")


def format_marker(style: MarkerStyle, number: int) -> str:
    """The canonical marker for ``number`` in ``style``: 三、 （三） 3. （3） ③."""
    return CANONICAL_FORMAT[style].format(cn=to_chinese(number), n=number, circled=to_circled(number))
