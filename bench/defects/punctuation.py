"""Punctuation defects (GB/T 15834—2011 标点符号用法): marks typed with the input method in the
wrong state, pairs left open by an edit, marks doubled or misused by hand."""

from __future__ import annotations

import re
from random import Random

from bench.defects.base import CJK, Injected, Site, choose, insert_sentence, kind, outside_pairs

P = ("P",)


def _replace_one(
    site: Site,
    rng: Random,
    pattern: re.Pattern[str],
    new: str,
    note: str,
    *,
    group: int = 0,
    cut: bool = False,
) -> Injected | None:
    """Replace ``group`` of one random match of ``pattern`` in the plan's own lines by ``new``."""
    found = choose(rng, site.occurrences(pattern, exclude_cut=cut))
    if found is None:
        return None
    line, m = found
    start = site.at(line, m.start(group))
    return site.done(start, site.at(line, m.end(group)), new, P, note)


_COMMA = re.compile(rf"(?<=[{CJK}])，(?=[{CJK}])")
_COLON_SEMI = re.compile(rf"(?<=[{CJK}])([；：])(?=[{CJK}“])")


@kind("中文句中半角逗号", "P")
def half_width_comma(site: Site, rng: Random) -> Injected | None:
    """One ， typed as a half-width , between Chinese words (the input method was in English mode)."""
    return _replace_one(site, rng, _COMMA, ",", "，→,")


@kind("中文句中半角冒号或分号", "P")
def half_width_colon_semicolon(site: Site, rng: Random) -> Injected | None:
    """One ： or ； typed half-width (: or ;) inside Chinese text."""
    found = choose(rng, site.occurrences(_COLON_SEMI))
    if found is None:
        return None
    line, m = found
    new = {"；": ";", "：": ":"}[m.group(1)]
    start = site.at(line, m.start(1))
    return site.done(start, start + 1, new, P, f"{m.group(1)}→{new}")


_PAREN = re.compile(rf"（([^（）\n]*[{CJK}][^（）\n]*)）")
_QUOTE = re.compile(rf"“([^“”\n]*[{CJK}][^“”\n]*)”")
_BOOK = re.compile(r"《([^《》\n]+)》")


def _pairs(site: Site, pattern: re.Pattern[str]) -> list[tuple[int, re.Match[str]]]:
    """Pairs in the plan's own lines, not a bracketed heading marker like （一）."""
    return [
        (i, m)
        for i, m in site.occurrences(pattern, exclude_cut=True)
        if not re.fullmatch(r"[一二三四五六七八九十\d]+", m.group(1))
    ]


@kind("中文括号一半写成半角", "P")
def half_width_paren(site: Site, rng: Random) -> Injected | None:
    """One side of a （…） typed half-width: （含民办学校) or (含民办学校）."""
    found = choose(rng, _pairs(site, _PAREN))
    if found is None:
        return None
    line, m = found
    if rng.random() < 0.5:
        start = site.at(line, m.end() - 1)
        return site.done(start, start + 1, ")", P, "）→)")
    start = site.at(line, m.start())
    return site.done(start, start + 1, "(", P, "（→(")


@kind("中文里用英文直引号", "P")
def ascii_quotes(site: Site, rng: Random) -> Injected | None:
    """A “…” pair typed as ASCII "…" around Chinese words."""
    found = choose(rng, _pairs(site, _QUOTE))
    if found is None:
        return None
    line, m = found
    start, end = site.at(line, m.start()), site.at(line, m.end())
    return site.done(start, end, f'"{m.group(1)}"', P, '“”→""')


def _drop_side(site: Site, rng: Random, pattern: re.Pattern[str], label: str) -> Injected | None:
    found = choose(rng, _pairs(site, pattern))
    if found is None:
        return None
    line, m = found
    column = m.start() if rng.random() < 0.5 else m.end() - 1
    mark = site.lines[line][column]
    start = site.at(line, column)
    return site.done(start, start + 1, "", P, f"删去{label}的“{mark}”")


@kind("引号缺一半", "P")
def quote_unbalanced(site: Site, rng: Random) -> Injected | None:
    """One side of a “…” pair deleted by an edit, the other left in the paragraph."""
    return _drop_side(site, rng, _QUOTE, "引号")


@kind("书名号缺一半", "P")
def book_title_unbalanced(site: Site, rng: Random) -> Injected | None:
    """One side of a 《…》 pair deleted, the other left in the paragraph."""
    return _drop_side(site, rng, _BOOK, "书名号")


@kind("括号缺一半", "P")
def paren_unbalanced(site: Site, rng: Random) -> Injected | None:
    """One side of a （…） pair deleted, the other left in the paragraph."""
    return _drop_side(site, rng, _PAREN, "括号")


@kind("后引号误为前引号（“…“）", "P")
def quote_reversed(site: Site, rng: Random) -> Injected | None:
    """A closing ” typed as a second opening “ (the input method's quote toggle got out of step)."""
    found = choose(rng, _pairs(site, _QUOTE))
    if found is None:
        return None
    line, m = found
    start = site.at(line, m.end() - 1)
    return site.done(start, start + 1, "“", P, "”→“")


_STOP = re.compile("。")


def _stops(site: Site) -> list[tuple[int, re.Match[str]]]:
    return [(i, m) for i, m in site.occurrences(_STOP) if outside_pairs(site.lines[i], m.start())]


@kind("句号重复（。。）", "P")
def double_full_stop(site: Site, rng: Random) -> Injected | None:
    """A full stop typed twice: 。。"""
    found = choose(rng, _stops(site))
    if found is None:
        return None
    line, m = found
    start = site.at(line, m.end())
    return site.done(start, start, "。", P, "。→。。")


@kind("逗号句号连用（，。）", "P")
def comma_before_stop(site: Site, rng: Random) -> Injected | None:
    """A clause deleted before a full stop but its comma kept: …工作，。"""
    found = choose(
        rng,
        [(i, m) for i, m in _stops(site) if m.start() > 0 and site.lines[i][m.start() - 1] not in "”）》"],
    )
    if found is None:
        return None
    line, m = found
    start = site.at(line, m.start())
    return site.done(start, start, "，", P, "。→，。")


_ENUM_DENG = re.compile(rf"、[{CJK}“”]{{2,10}}(等等?)(?=[{CJK}，。；])")
_ENUM_END = re.compile(rf"、[{CJK}]{{2,8}}(?=[，。；])")


@kind("省略号与“等”连用（……等等）", "P")
def ellipsis_with_deng(site: Site, rng: Random) -> Injected | None:
    """An enumeration closed twice: 读书节、科技节……等活动 (GB/T 15834—2011 4.11.3.5: not both)."""
    found = choose(rng, site.occurrences(_ENUM_DENG))
    if found is None:
        return None
    line, m = found
    start = site.at(line, m.start(1))
    return site.done(start, start, "……", P, f"{m.group(1)}→……{m.group(1)}")


@kind("省略号只写一半（…）", "P")
def single_ellipsis(site: Site, rng: Random) -> Injected | None:
    """An enumeration trailed off with one … instead of the two-character …… (GB/T 15834—2011 4.11)."""
    found = choose(rng, site.occurrences(_ENUM_END))
    if found is None:
        return None
    line, m = found
    start = site.at(line, m.end())
    return site.done(start, start, "…", P, "列举末加“…”")


_LEADING_CLAUSE = re.compile(rf"^\s*([{CJK}“”]{{2,20}})(?=，)")


@kind("段首点号（删去首句留下逗号）", "P")
def leading_comma(site: Site, rng: Random) -> Injected | None:
    """A paragraph's opening clause deleted but its comma kept, so the paragraph begins with ，"""
    heads = {n.line - 1 for n in site.plan.numbered()}
    lines = [i for i in site.own if i not in heads]
    found = choose(rng, site.occurrences(_LEADING_CLAUSE, lines))
    if found is None:
        return None
    line, m = found
    start = site.at(line, m.start(1))
    return site.done(start, site.at(line, m.end(1)), "", P, f"删去段首“{m.group(1)}”")


_DOC_NUMBER = re.compile(r"〔(\d{4})〕")
_DOC_SENTENCES = (
    "按照《关于做好{y}年义务教育招生入学工作的通知》（教基{l}{y}{r}{n}号）要求，规范招生入学秩序。",
    "落实《关于进一步加强中小学生睡眠管理工作的通知》（教基厅函{l}{y}{r}{n}号）要求，保障学生睡眠时间。",
    "按照《关于加强中小学校园安全工作的通知》（教安{l}{y}{r}{n}号）要求，健全校园安全防控体系。",
)


@kind("发文字号六角括号写成方括号", "P")
def doc_number_brackets(site: Site, rng: Random) -> Injected | None:
    """A document number's year in [ ] or 【】 instead of 〔〕: 教基[2023]5号 (GB/T 9704—2012 7.2.4)."""
    left, right = rng.choice((("[", "]"), ("【", "】")))
    found = choose(rng, site.occurrences(_DOC_NUMBER, site.every_line()))
    if found is not None and rng.random() < 0.5:
        line, m = found
        start, end = site.at(line, m.start()), site.at(line, m.end())
        return site.done(start, end, f"{left}{m.group(1)}{right}", P, f"〔〕→{left}{right}")
    sentence = rng.choice(_DOC_SENTENCES).format(y=site.year - 1, l=left, r=right, n=rng.randint(1, 30))
    return insert_sentence(site, rng, sentence, P, f"插入带{left}{right}的发文字号")


_WORD = re.compile(r"教育|学校|教师|学生|推进|落实|建设|发展|管理|课程|质量|活动|培训|安全|工作")


@kind("中文词中多余空格", "P")
def space_in_word(site: Site, rng: Random) -> Injected | None:
    """A space typed inside a word (or left by a deletion, or a line wrap joined badly): 教 育、落 实."""
    found = choose(rng, site.occurrences(_WORD))
    if found is None:
        return None
    line, m = found
    start = site.at(line, m.start() + 1)
    return site.done(start, start, " ", P, f"{m.group()}→{m.group()[0]} {m.group()[1]}")


_DOC_TITLE = re.compile(
    r"《([^《》\n]{4,40}(?:规划|方案|意见|办法|纲要|计划|规定|标准|要点|指南)[^《》\n]{0,6})》"
)


@kind("书名号内再用书名号（应为〈〉）", "P")
def nested_book_title(site: Site, rng: Random) -> Injected | None:
    """A title quoted inside a title with 《》 again: 《关于印发《X》的通知》 (GB/T 15834—2011 4.15.3.2: 〈〉)."""
    found = choose(rng, site.occurrences(_DOC_TITLE))
    if found is None:
        return None
    line, m = found
    start, end = site.at(line, m.start()), site.at(line, m.end())
    return site.done(start, end, f"《关于印发《{m.group(1)}》的通知》", P, "书名号嵌套未用〈〉")
