"""Recall and precision of the checks on defects injected into copies of the corpus plans.

Each defect kind of :mod:`bench.defects` (a marker lost, a number duplicated, parts that do not
add up, 十四五 written 十三五, a half-width comma, a quote left open, 的的, 己经 …; over sixty kinds
a proofreader of 公文 catches) is injected ONE at a time into a fresh copy of every corpus plan
that gives it a place, at a position a seeded generator picks (long plans get several instances
at different lines). A defect is found when a NEW finding (absent from the clean copy) with an
accepted code appears at the defect's line. Precision: of all new findings the injections cause,
the share that is at the defect's line with an accepted code; the others are listed with their
code and message so a reader can judge whether they are false alarms or fair consequences.

The copies start from the plan with the fixes that only turn half-width punctuation full-width
applied (P002's fix-all, (一) → （一）: what the web copies did to the author's marks), so one
injected comma is not drowned in a finding the paragraph already has;
a place whose line already has a finding of an accepted code is not used.
The plan year is the corpus file's (as a writer's draft would state it).

Run from the repository root: ``python -m bench.recall [--kind NAME] [--plan TEXT] [--all] [--list] [CORPUS_DIR]``
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from random import Random

from bench.common import CORPUS
from bench.defects import KINDS, Injected, Kind, Site
from checks.config import CheckConfig
from checks.finding import Finding, apply_fixes
from checks.run import run_checks
from desktop.plan.parse import parse
from desktop.plan.read.loader import load_source

SEED = "plandesk-recall-1"
FAMILIES = ("S", "P", "N", "D", "W")  # the themes (T) judge a whole plan, not a single defect
LONG_PLAN = 10_000  # characters: a plan this long gives each kind three instances at different lines
ATTEMPTS = 12  # draws of a kind's generator before a plan is judged to offer it no fresh place


@dataclass
class Outcome:
    """One injected defect and the findings it caused."""

    kind: Kind
    plan: str
    injected: Injected
    new: list[Finding]
    line_text: str

    @property
    def hits(self) -> list[Finding]:
        return [f for f in self.new if self.injected.accepts(f.code, f.line)]

    @property
    def others(self) -> list[Finding]:
        return [f for f in self.new if not self.injected.accepts(f.code, f.line)]

    @property
    def found(self) -> bool:
        return any(self.injected.accepts(f.code, f.line) for f in self.new)


def _config(year: int) -> CheckConfig:
    return CheckConfig.defaults().merged(select=FAMILIES, year=year)


_HALF_TO_FULL = str.maketrans(",;:()?!", "，；：（）？！")


def clean_copy(text: str, config: CheckConfig) -> str:
    """The plan with every fix that only turns half-width punctuation full-width applied.

    That is P002's fix-all and the bracket markers' (（一） for (一)): the web copies turned the
    author's full-width marks half-width, and a writer who accepted those fixes would have this text.
    """
    fixes = [
        fix
        for finding in run_checks(parse(text), config)
        for fix in finding.all_fixes()
        if fix.replacement != (old := fix.span.slice(text))
        and old.translate(_HALF_TO_FULL) == fix.replacement
    ]
    return apply_fixes(text, fixes)


def new_findings(before: Counter[tuple[str, int]], after: list[Finding]) -> list[Finding]:
    """Findings of ``after`` beyond those the clean copy had, counted by code and line."""
    left = Counter(before)
    new = []
    for finding in after:
        key = (finding.code, finding.line)
        if left[key]:
            left[key] -= 1
        else:
            new.append(finding)
    return new


def _excerpt(old: str, new: str, line: int) -> str:
    """The injected line around its first changed character."""
    a, b = old.split("\n")[line - 1], new.split("\n")[line - 1]
    column = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    lo = max(0, column - 18)
    return ("…" if lo else "") + b[lo : column + 24].strip() + ("…" if column + 24 < len(b) else "")


def measure(corpus: Path, kinds: list[Kind], plan_filter: str = "") -> tuple[list[Outcome], Counter[str]]:
    """Inject every kind into every corpus plan that gives it a place; the outcomes and skipped counts."""
    outcomes: list[Outcome] = []
    skipped: Counter[str] = Counter()  # plans whose only places for a kind were already flagged
    for path in sorted(corpus.glob("*.txt")):
        if plan_filter not in path.name:
            continue
        year = int(path.name[:4])
        config = _config(year)
        text = clean_copy(load_source(path).text, config)
        plan = parse(text)
        baseline = run_checks(plan, config)
        before = Counter((f.code, f.line) for f in baseline)
        site = Site(path.name, text, plan, year)
        instances = 3 if len(text) >= LONG_PLAN else 1
        for kind in kinds:
            for injected in _instances(site, kind, baseline, instances):
                if injected is None:
                    skipped[kind.name] += 1
                    continue
                after = run_checks(parse(injected.text), config)
                outcome = Outcome(
                    kind,
                    path.name,
                    injected,
                    new_findings(before, after),
                    _excerpt(text, injected.text, injected.line),
                )
                outcomes.append(outcome)
    return outcomes, skipped


def _instances(site: Site, kind: Kind, baseline: list[Finding], count: int) -> Iterator[Injected | None]:
    """Up to ``count`` injections of ``kind`` at different lines, none on a line already flagged for it.

    Yields None for an instance whose every draw fell on an already flagged line (not measurable).
    """
    used: set[int] = set()
    for index in range(count):
        rng = Random(f"{SEED}:{site.name}:{kind.name}:{index}")
        choice: Injected | None = None
        offered = False
        for _ in range(ATTEMPTS):
            injected = kind.inject(site, rng)
            if injected is None:
                break
            offered = True
            assert injected.text.count("\n") == site.text.count("\n"), kind.name
            flagged = any(injected.accepts(f.code, f.line) for f in baseline)
            if not flagged and not used.intersection(injected.lines):
                choice = injected
                break
        if not offered:
            return
        if choice is not None:
            used.update(choice.lines)
        elif index == 0:
            yield None  # the plan offers the kind only places already flagged
            return
        else:
            return
        yield choice


def _percent(part: int, whole: int) -> str:
    return f"{part / whole:6.1%}" if whole else "     —"


def report(outcomes: list[Outcome], skipped: Counter[str], kinds: list[Kind], show_all: bool) -> None:
    """Print the table per kind, the figures per family and overall, the misses and the other findings."""
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_kind[outcome.kind.name].append(outcome)
    print(f"{'类别':<4}{'缺陷':<32}{'注入':>5}{'发现':>5}{'召回率':>8}{'新增':>6}{'精确率':>8}  报出代码")
    family_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for kind in kinds:
        done = by_kind[kind.name]
        found = sum(o.found for o in done)
        hits = sum(len(o.hits) for o in done)
        new = sum(len(o.new) for o in done)
        counts = family_counts[kind.family]
        for i, value in enumerate((len(done), found, hits, new)):
            counts[i] += value
        label = kind.label if len(kind.label) <= 20 else kind.label[:19] + "…"
        codes = Counter(f.code for o in done for f in o.hits)
        note = " ".join(f"{code}×{n}" for code, n in codes.most_common(3))
        if skipped[kind.name]:
            note += f"（{skipped[kind.name]}个范本只有已报同类问题的位置，未注入）"
        print(
            f"{kind.family:<5}{label:<{32 - _wide(label)}}{len(done):>6}{found:>6}"
            f"{_percent(found, len(done)):>9}{new:>7}{_percent(hits, new):>9}  {note}"
        )
    print()
    total = [sum(c[i] for c in family_counts.values()) for i in range(4)]
    for family in FAMILIES:
        n, found, hits, new = family_counts.get(family, [0, 0, 0, 0])
        print(
            f"  {family}  召回率 {found}/{n} = {_percent(found, n).strip()}    精确率 {hits}/{new} = {_percent(hits, new).strip()}"
        )
    n, found, hits, new = total
    print(f"总计：{len(kinds)} 类缺陷，{n} 处注入")
    print(
        f"召回率 recall（在缺陷所在行、以认可的代码报出的新发现）: {found}/{n} = {_percent(found, n).strip()}"
    )
    print(f"精确率 precision（注入引起的新发现中指向缺陷的）: {hits}/{new} = {_percent(hits, new).strip()}")
    covered = sum(
        1 for k in kinds if by_kind[k.name] and sum(o.found for o in by_kind[k.name]) == len(by_kind[k.name])
    )
    print(f"全部发现的缺陷类别：{covered}/{len(kinds)}")

    misses = [o for o in outcomes if not o.found]
    if misses:
        print("\n未发现（文件 第N行 注入的改动：所在行；期望代码；新增的发现）：")
        for o in misses:
            new = ", ".join(f"{f.code}@{f.line}" for f in o.new) or "无"
            print(
                f"  [{o.kind.label}] {o.plan[:32]} 第{o.injected.line}行 {o.injected.note}：{o.line_text}"
                f"  期望{'/'.join(o.injected.codes)}；新增：{new}"
            )
    others = [(o, f) for o in outcomes for f in o.others]
    if others:
        print("\n不指向缺陷的新发现（可能是误报，也可能是缺陷的连带后果，请判断）：")
        shown: Counter[tuple[str, str]] = Counter()
        for o, f in others:
            key = (o.kind.name, f.code)
            shown[key] += 1
            if show_all or shown[key] <= 3:
                where = (
                    "同行" if f.line == o.injected.line else f"第{f.line}行（缺陷在第{o.injected.line}行）"
                )
                print(f"  [{o.kind.label}] {o.plan[:32]} {f.code} {where}：{f.message}")
        hidden = sum(max(0, n - 3) for n in shown.values())
        if hidden and not show_all:
            print(f"  ……另有 {hidden} 条同类同代码的未列出（--all 全部列出）")


def _wide(text: str) -> int:
    """How many extra columns East Asian characters take, for aligning the table."""
    return sum(1 for c in text if ord(c) > 0x2E80)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="注入缺陷，测量检查的召回率与精确率")
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS, help="语料目录（默认：内置语料）")
    parser.add_argument("--kind", default="", help="只测名称或标签含此文字的缺陷类别")
    parser.add_argument("--plan", default="", help="只测文件名含此文字的范本")
    parser.add_argument("--all", action="store_true", help="列出全部不指向缺陷的新发现")
    parser.add_argument("--list", action="store_true", help="只列出缺陷类别及其说明")
    args = parser.parse_args(argv)
    kinds = [k for k in KINDS if args.kind in k.name or args.kind in k.label]
    if args.list:
        for k in kinds:
            print(f"{k.family} {k.name:<28} {k.label}\n    {k.doc}")
        return 0
    start = time.perf_counter()
    outcomes, skipped = measure(args.corpus, kinds, args.plan)
    report(outcomes, skipped, kinds, args.all)
    print(f"\n用时 {time.perf_counter() - start:.1f} 秒")
    return 0


if __name__ == "__main__":
    sys.exit(main())
