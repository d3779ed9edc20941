"""W008: a fixed formula written with one character wrong, missing or extra.

The canonical full forms (习近平新时代中国特色社会主义思想, 落实立德树人根本任务, 铸牢中华民族
共同体意识 …) are data in ``resources/wording/formulas.yaml`` with their sources. A typo list can
only hold the slips someone foresaw; comparing with the canonical form catches any single slip.

The search is anchored, not a scan of every window against every formula: a formula's first two
characters (or its last two) must appear in the text, and only the windows starting (or ending)
there, one character shorter, as long, or one longer than the formula, are compared with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.wording_political import political_replacements
from checks.rules.wordlists import HAN, WORDING_DIR, entries
from desktop.plan.errors import InputError
from desktop.plan.model import Span

MIN_LENGTH = 6  # shorter formulas (四个意识) differ by one character from other fixed words
CERTAIN_LENGTH = 8  # from this length a slip of a content character is taken as a typo (error)
# A slip of one of these is a looser wording (党组织领导下的), not a garbled formula: a warning.
SOFT_CHARACTERS = frozenset("的地之和与及下了等其")
# One of these inside a formula usually splits it into a construction of its own (以落实立德树人
# 为根本任务, 把…作为…): the characters around are the formula's parts used in a sentence.
JOINING_CHARACTERS = frozenset("的为是和与及以并或在对把将作等")
SEPARATORS = frozenset("、，,；;")  # an enumeration's separators count as the same character
_HAN_RE = re.compile(f"[{HAN}]")


@dataclass(frozen=True)
class Formula:
    """A canonical formula, where it comes from, and its equally correct one-character variants."""

    text: str
    source: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class Slip:
    """One edit that turns the window into the formula: ``kind`` sub, missing or extra at ``index``."""

    kind: str
    index: int  # in the window
    wrong: str  # the window's character (sub, extra) or "" (missing)
    right: str  # the formula's character (sub, missing) or "" (extra)


@lru_cache(maxsize=1)
def _formulas() -> tuple[dict[str, list[Formula]], dict[str, list[Formula]], re.Pattern[str]]:
    """Formulas by their first two and by their last two characters, and a gate for both."""
    path = WORDING_DIR / "formulas.yaml"
    heads: dict[str, list[Formula]] = {}
    tails: dict[str, list[Formula]] = {}
    seen: set[str] = set()
    for i, entry in enumerate(entries("formulas", "formulas", ("text", "source"), ("variants",)), 1):
        text = entry["text"]
        if len(_HAN_RE.findall(text)) < MIN_LENGTH or not (
            _HAN_RE.fullmatch(text[0]) and _HAN_RE.fullmatch(text[-1])
        ):
            raise InputError(path, f"“formulas”第 {i} 条“{text}”应至少 {MIN_LENGTH} 个字，且首尾是汉字")
        if text in seen:
            raise InputError(path, f"“formulas”第 {i} 条“{text}”重复")
        seen.add(text)
        formula = Formula(text, entry["source"], tuple(entry.get("variants") or ()))
        heads.setdefault(text[:2], []).append(formula)
        tails.setdefault(text[-2:], []).append(formula)
    firsts = "".join(sorted({a[0] for a in heads} | {a[0] for a in tails}))
    return heads, tails, re.compile(f"[{re.escape(firsts)}]")


def _same(a: str, b: str) -> bool:
    return a == b or (a in SEPARATORS and b in SEPARATORS)


def _equal(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) != len(b) or not SEPARATORS.intersection(b):
        return False
    return all(_same(x, y) for x, y in zip(a, b, strict=True))


def one_slip(formula: str, window: str) -> Slip | None:
    """The single edit of a Han character inside the formula that makes ``window``, else None.

    The first and last characters must agree (a different first or last character usually makes
    another word), and a slip in punctuation or spacing is not a wording matter.
    """
    if not window or not _same(window[0], formula[0]) or not _same(window[-1], formula[-1]):
        return None
    n = len(formula)
    i = next((k for k in range(min(n, len(window))) if not _same(formula[k], window[k])), None)
    if i is None:
        return None  # equal, or one is a prefix of the other (ruled out by the last character)
    if len(window) == n and _equal(formula[i + 1 :], window[i + 1 :]):
        slip = Slip("sub", i, window[i], formula[i])
    elif len(window) == n - 1 and _equal(formula[i + 1 :], window[i:]):
        slip = Slip("missing", i, "", formula[i])
    elif len(window) == n + 1 and _equal(formula[i:], window[i + 1 :]):
        slip = Slip("extra", i, window[i], "")
    else:
        return None
    changed = slip.wrong + slip.right
    if not all(_HAN_RE.fullmatch(c) for c in changed):
        return None  # punctuation or spacing: not a matter of wording
    if (slip.kind == "extra" and changed in JOINING_CHARACTERS) or (
        slip.kind == "missing" and changed == "的"
    ):
        return None  # a construction (以…为…) or a 的 more or less, not a slip
    return slip


class FormulaNearMiss(Rule):
    """规范提法差一字（“铸牢中华民族共同意识”“落实立德育人根本任务”）。

    A canonical formula from ``resources/wording/formulas.yaml`` written with one character
    substituted, missing or extra inside it (立德育人根本任务, 中华民族共同意识). A 的 more or
    less (办好人民满意教育) is a looser wording, and an extra 为, 和, 把 … makes a construction of
    its own (以落实立德树人为根本任务), so neither is reported; nor is a window that touches the
    formula written correctly (学习习近平新时代…, where two words meet on a shared 习).

    Formulas are quoted verbatim from central documents, and a reviewer compares them character
    by character; the list gives each one's source. A slip in a function word (的, 和, 下) or in a
    short formula is a warning; a content character wrong in a long formula is an error.
    """

    code = "W008"
    silenced_by_user_words = True
    name = "formula-near-miss"
    title = "规范提法差一字"
    severity = Severity.ERROR
    basis = "党政机关公文处理工作条例 第二十条（四）引文准确；formulas.yaml 逐条注明出处"
    bad = "2024年教育工作要点\n一、铸牢中华民族共同意识，落实立德育人根本任务。"
    good = "2024年教育工作要点\n一、坚持以习近平新时代中国特色社会主义思想为指导，办人民满意的教育。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        heads, tails, gate = _formulas()
        found: dict[tuple[int, int], tuple[Formula, Slip]] = {}
        exact: list[tuple[int, int, str]] = []
        size = len(text)
        for m in gate.finditer(text):
            pos = m.start()
            pair = text[pos : pos + 2]
            # Only windows whose other end holds the formula's other end character are compared:
            # a cheap test that turns away nearly every occurrence of a common anchor (教育, 发展).
            for formula in heads.get(pair, ()):
                n, last = len(formula.text), formula.text[-1]
                for end in (pos + n - 1, pos + n, pos + n + 1):
                    if end <= size and _same(text[end - 1], last):
                        self._compare(text, formula, pos, end, found, exact)
            for formula in tails.get(pair, ()):
                end, n, first = pos + 2, len(formula.text), formula.text[0]
                for start in (end - n + 1, end - n - 1, end - n):
                    if start >= 0 and _same(text[start], first):
                        self._compare(text, formula, start, end, found, exact)
        yield from self._report(ctx, found, exact)

    @staticmethod
    def _compare(
        text: str,
        formula: Formula,
        start: int,
        end: int,
        found: dict[tuple[int, int], tuple[Formula, Slip]],
        exact: list[tuple[int, int, str]],
    ) -> None:
        window = text[start:end]
        if _equal(window, formula.text):
            exact.append((start, end, formula.text))
            return
        if "\n" in window or any(text.startswith(v, start) for v in formula.variants):
            return
        slip = one_slip(formula.text, window)
        if slip is None:
            return
        known = found.get((start, end))
        if known is None or len(known[0].text) < len(formula.text):
            found[(start, end)] = (formula, slip)

    def _report(
        self,
        ctx: Context,
        found: dict[tuple[int, int], tuple[Formula, Slip]],
        exact: list[tuple[int, int, str]],
    ) -> Iterator[Finding]:
        listed = _listed_spans(ctx.text)
        kept: list[tuple[int, int, Formula, Slip]] = []
        # Longest formula first: a slip inside 德智体美劳全面发展的社会主义建设者和接班人 is reported
        # once, for the whole formula, not again for 德智体美劳全面发展.
        for (start, end), (formula, slip) in sorted(found.items(), key=lambda kv: -len(kv[1][0].text)):
            if any(_covers(a, b, t, start, end, formula.text) for a, b, t in exact):
                continue
            if any(a < end and start < b for a, b in listed):
                continue  # W006 reports this form with its own reason
            if any(s < end and start < e for s, e, _, _ in kept):
                continue
            kept.append((start, end, formula, slip))
        for start, end, formula, slip in sorted(kept, key=lambda k: k[0]):
            yield self._finding(ctx, start, end, formula, slip)

    def _finding(self, ctx: Context, start: int, end: int, formula: Formula, slip: Slip) -> Finding:
        at = start + slip.index
        window = ctx.text[start:end]
        if slip.kind == "sub":
            what, fix = f"“{slip.right}”写成了“{slip.wrong}”", Fix(Span(at, at + 1), slip.right)
        elif slip.kind == "missing":
            what, fix = f"漏了“{slip.right}”", Fix(Span(at, at), slip.right)
        else:
            what, fix = f"多了“{slip.wrong}”", Fix(Span(at, at + 1), "")
        long = len(_HAN_RE.findall(formula.text)) >= CERTAIN_LENGTH
        soft = bool(set(slip.wrong + slip.right) & SOFT_CHARACTERS)
        severity = Severity.ERROR if long and not soft else Severity.WARNING
        message = f"“{window}”与规范提法“{formula.text}”差一字：{what}（出处：{formula.source}）"
        return ctx.finding(
            self,
            Span(start, end),
            message,
            Fix(fix.span, fix.replacement, f"改为“{formula.text}”"),
            severity=severity,
        )


def _covers(a: int, b: int, written: str, start: int, end: int, formula: str) -> bool:
    """True when the correctly written formula at ``a:b`` explains the window ``start:end``.

    The same formula overlapping the window means two words meet on a shared character
    (学习习近平…); another formula around the whole window means the window is part of it.
    """
    if written == formula:
        return a < end and start < b
    return a <= start and end <= b


def _listed_spans(text: str) -> list[tuple[int, int]]:
    """Where W006's wrong forms stand, in any plan year (an old form is not a slip either)."""
    pattern, _ = political_replacements()
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
