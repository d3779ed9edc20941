"""What changed in the numbers, and what was copied forward that still speaks of last year.

Targets are matched inside each pair of aligned nodes (and between the two preambles), first on
the same subject and unit, then on a similar subject with the same unit, so 幼儿园学位 2100个 in an
item that moved still meets 幼儿园学位 2400个. Targets of removed or added nodes are dropped or new.

Carried-over text: sentences of the draft found word for word in last year's plan that name last
year, an anniversary or 届 ordinal (the calendar of the D rules knows which), or a stage of a
five-year plan (开局之年 …; more stage words in ``resources/plan_words.yaml``). Such a sentence was
right last year and is very likely wrong now.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from desktop.plan.compare.model import CarriedOver, Pair, Row, TargetChange, Unit
from desktop.plan.model import ParagraphRole, Plan, Span, Target
from desktop.plan.numerals import to_chinese
from desktop.plan.plan_words import alternation, words

_SUBJECT_SIMILAR = 60.0  # rapidfuzz ratio of two subjects that name the same thing
_SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
_ORDINAL = re.compile(
    r"第[0-9一二三四五六七八九十百零〇两]{1,6}届|[0-9一二三四五六七八九十百零〇两]{1,6}周年"
)
_ORDINAL_CONTEXT = 10  # characters after 第N届 quoted in the message: 第二届教科研骨干高级研修班


def _owner_map(units: tuple[Unit, ...], targets: list[Target]) -> dict[int | None, list[Target]]:
    """Targets grouped by the unit whose own text holds them (None: outside every node)."""
    spans = sorted((u.node.own_span.start, u.node.own_span.end, u.index) for u in units)
    starts = [s for s, _e, _i in spans]
    grouped: dict[int | None, list[Target]] = defaultdict(list)
    for target in targets:
        offset = target.value_span.start
        k = bisect.bisect_right(starts, offset) - 1
        inside = k >= 0 and offset < spans[k][1]
        grouped[spans[k][2] if inside else None].append(target)
    return grouped


def _same(a: Target, b: Target) -> bool:
    return a.value == b.value and a.value_high == b.value_high


def _match(
    old: list[Target], new: list[Target]
) -> tuple[list[tuple[Target, Target]], list[Target], list[Target]]:
    """Match targets of one node pair: exact subject first, then a similar one, unit always equal."""
    from rapidfuzz import fuzz

    pairs: list[tuple[Target, Target]] = []
    left_old, left_new = list(old), list(new)
    for strict in (True, False):
        for n in list(left_new):
            best, best_score = None, -1.0
            for o in left_old:
                if o.unit != n.unit:
                    continue
                if strict:
                    score = 100.0 if o.subject == n.subject else -1.0
                else:
                    score = fuzz.ratio(o.subject, n.subject)
                    if o.subject and n.subject and (o.subject in n.subject or n.subject in o.subject):
                        score = max(score, 90.0)
                    if score < _SUBJECT_SIMILAR:
                        score = -1.0
                if score > best_score or (score == best_score and best is not None and _same(o, n)):
                    best, best_score = o, score
            if best is not None and best_score >= 0:
                pairs.append((best, n))
                left_old.remove(best)
                left_new.remove(n)
    return pairs, left_old, left_new


def target_changes(
    old_plan: Plan,
    new_plan: Plan,
    old_units: tuple[Unit, ...],
    new_units: tuple[Unit, ...],
    pairs: list[Pair],
    rows: list[Row],
) -> list[TargetChange]:
    """Changed, new and dropped targets, in the order of the comparison's rows."""
    from desktop.plan.targets import extract_targets

    old_owned = _owner_map(old_units, extract_targets(old_plan))
    new_owned = _owner_map(new_units, extract_targets(new_plan))
    row_of_old = {r.old.index: k for k, r in enumerate(rows) if r.old is not None}
    row_of_new = {r.new.index: k for k, r in enumerate(rows) if r.new is not None}
    found: list[TargetChange] = []
    matched_pairs = [(None, None)] + [(p.old.index, p.new.index) for p in pairs]
    seen_old: set[int | None] = set()
    seen_new: set[int | None] = set()
    for old_index, new_index in matched_pairs:
        seen_old.add(old_index)
        seen_new.add(new_index)
        row = -1 if new_index is None else row_of_new[new_index]
        matched, dropped, added = _match(old_owned.get(old_index, []), new_owned.get(new_index, []))
        for o, n in matched:
            if not _same(o, n):
                found.append(
                    TargetChange("changed", n.subject or o.subject, n.unit, o, n, (row, n.span.start))
                )
        for n in added:
            found.append(TargetChange("new", n.subject, n.unit, None, n, (row, n.span.start)))
        for o in dropped:
            found.append(TargetChange("dropped", o.subject, o.unit, o, None, (row, o.span.start)))
    for index, owned in old_owned.items():
        if index not in seen_old:
            for o in owned:
                found.append(
                    TargetChange("dropped", o.subject, o.unit, o, None, (row_of_old[index], o.span.start))
                )
    for index, owned in new_owned.items():
        if index not in seen_new:
            for n in owned:
                found.append(
                    TargetChange("new", n.subject, n.unit, None, n, (row_of_new[index], n.span.start))
                )
    found.sort(key=lambda t: t.order)
    return found


def _sentences(plan: Plan) -> Iterable[tuple[int, str]]:
    """(offset, sentence) of the plan's own text: preamble, nodes and closing; not the title."""
    text = plan.text
    for paragraph in plan.body_paragraphs():
        if paragraph.role is ParagraphRole.TITLE:
            continue
        span = paragraph.span
        for match in _SENTENCE.finditer(text, span.start, span.end):
            sentence = match.group().strip()
            if len(sentence) >= 4:
                yield match.start() + (len(match.group()) - len(match.group().lstrip())), sentence


def carried_over(old_plan: Plan, new_plan: Plan) -> list[CarriedOver]:
    """Sentences copied unchanged from last year's plan that still name last year or its ordinals."""
    from desktop.plan.knowledge.calendar import load_calendar

    old_year = old_plan.year
    new_year = new_plan.year or (old_year + 1 if old_year else None)
    if old_year is not None and new_year is not None and new_year <= old_year:
        return []  # not last year's plan and this year's draft: nothing can be stale
    calendar = load_calendar()
    stage_re = _stage_pattern(tuple(calendar.stages))
    old_sentences = {s for _o, s in _sentences(old_plan)}
    found: list[CarriedOver] = []
    for offset, sentence in _sentences(new_plan):
        if sentence not in old_sentences:
            continue
        hit = _dating_term(sentence, old_year, new_year, calendar, stage_re)
        if hit is None:
            continue
        start, end, reason = hit
        found.append(
            CarriedOver(
                span=Span(offset, offset + len(sentence)),
                line=new_plan.lines.line_of(offset),
                term=sentence[start:end],
                term_span=Span(offset + start, offset + end),
                reason=reason,
                excerpt=sentence if len(sentence) <= 60 else sentence[:58] + "…",
            )
        )
    return found


@lru_cache(maxsize=2)
def _stage_pattern(calendar_stages: tuple[str, ...]) -> re.Pattern[str]:
    """A stage word: the calendar's five-year-plan stages (开局之年 …) and the stage words it does not
    list (``carried_over`` in ``resources/plan_words.yaml``), not running on into a word such as
    起始年级 or 元年份."""
    stages = alternation({*calendar_stages, *words("carried_over", "extra_stages")})
    not_after = "".join(map(re.escape, words("carried_over", "stage_not_followed_by")))
    return re.compile(f"(?:{stages})(?![{not_after}])")


def _dating_term(sentence: str, old_year: int | None, new_year: int | None, calendar, stage_re):
    """(start, end, reason) of the first thing that ties ``sentence`` to last year, or None."""
    if old_year is not None:
        m = re.search(rf"(?<![0-9]){old_year}(?:年|年度)?(?![0-9])", sentence)
        if m:
            return m.start(), m.end(), f"原样保留了去年的年份“{m.group()}”"
    for item in calendar.anniversaries:
        m = item.pattern.search(sentence)
        if m:
            reason = f"原样保留了去年的纪念日序数“{m.group()}”"
            if new_year is not None and new_year >= item.since:
                digits = m.group(1)
                right = new_year - item.base
                written = str(right) if digits.isdigit() else to_chinese(right)
                reason += f"，{new_year}年应为“{m.group().replace(digits, written)}”"
            return m.start(), m.end(), reason
    m = _ORDINAL.search(sentence)
    if m:
        context = re.match(r"[^，,。；;、\s]*", sentence[m.end() : m.end() + _ORDINAL_CONTEXT]).group()
        return m.start(), m.end(), f"原样保留了去年的届次或序数“{m.group()}{context}”，请核对今年是否应顺延"
    m = stage_re.search(sentence)
    if m:
        return m.start(), m.end(), f"原样保留了去年对年度阶段的表述“{m.group()}”，今年所处阶段已不同"
    return None
