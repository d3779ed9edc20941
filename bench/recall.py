"""Recall and precision of the checks on defects injected into copies of the corpus plans.

Each defect a writer really makes (a marker lost, a number duplicated, a sum broken, 十四五
swapped for 十三五, a wrong 教师节 ordinal, a half-width comma, a dropped opening quote, 的的 …)
is injected, one at a time, into a fresh copy of each corpus plan whose text gives it a place.
A defect counts as found when a new finding of the expected code appears at the injected line.
Precision: of the new findings each injection causes, the share that points at the defect.
The copies start from the plan with its half-width punctuation already fixed (P002's fix-all),
so a single injected comma is not drowned in the document-level finding.

Run: python bench/recall.py [CORPUS_DIR]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.common import CORPUS as _BUNDLED  # noqa: E402
from checks.finding import apply_fixes  # noqa: E402
from checks.run import run_checks  # noqa: E402
from desktop.plan.loader import load_source  # noqa: E402
from desktop.plan.parse import parse  # noqa: E402

CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else _BUNDLED

# An injection: text → (new text, 1-based line where the defect is, accepted codes), or None.
Injection = Callable[[str], "tuple[str, int, tuple[str, ...]] | None"]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _join(lines: list[str]) -> str:
    return "\n".join(lines)


def _item_lines(text: str) -> list[int]:
    return [i for i, line in enumerate(_lines(text)) if re.match(r"\d{1,2}\.", line)]


def remove_marker(text: str):
    items = _item_lines(text)
    if len(items) < 4:
        return None
    lines = _lines(text)
    i = items[len(items) // 2]
    lines[i] = re.sub(r"^\d{1,2}\.", "", lines[i])
    return _join(lines), items[len(items) // 2 + 1] + 1, ("S001",)


def duplicate_number(text: str):
    items = _item_lines(text)
    if len(items) < 4:
        return None
    lines = _lines(text)
    i, prev = items[len(items) // 2], items[len(items) // 2 - 1]
    number = re.match(r"\d+", lines[prev]).group()
    lines[i] = re.sub(r"^\d{1,2}\.", f"{number}.", lines[i])
    return _join(lines), i + 1, ("S002",)


def wrong_start(text: str):
    lines = _lines(text)
    for i, line in enumerate(lines):
        if line.startswith("一、"):
            lines[i] = "二" + line[1:]
            return _join(lines), i + 1, ("S003", "S002", "S001")
    return None


def _append_to_item(text: str, sentence: str, which: float = 0.5):
    """Append a sentence to the body line of an item in the middle of the plan."""
    lines = _lines(text)
    candidates = [i for i, line in enumerate(lines) if len(line) > 40 and line.endswith("。")]
    if not candidates:
        return None
    i = candidates[int(len(candidates) * which)]
    lines[i] = lines[i] + sentence
    return _join(lines), i + 1


def break_sum(text: str):
    done = _append_to_item(text, "新建中小学12所，其中小学7所、初中4所。")
    return done and (*done, ("N001",))


def rate_above_100(text: str):
    done = _append_to_item(text, "学前三年教育毛入园率达102%。", 0.3)
    return done and (*done, ("N002",))


def inverted_range(text: str):
    used = re.search(r"\d([～—])\d", text)  # written like the document's own (accepted) ranges
    done = _append_to_item(text, f"新增市优质园5{used.group(1) if used else '～'}3所。", 0.6)
    return done and (*done, ("N003",))


def hyphen_range(text: str):
    done = _append_to_item(text, "新增市优质园2-3所。", 0.4)
    return done and (*done, ("N005",))


def leading_zero_date(text: str, year: int):
    done = _append_to_item(text, f"请于{year}年03月05日前报送材料。", 0.8)
    return done and (*done, ("D008",))


def wrong_teachers_day(text: str, year: int):
    done = _append_to_item(text, f"隆重庆祝第{year - 1984 - 1}个教师节。", 0.7)
    return done and (*done, ("D004",))


def swap_five_year(text: str, year: int):
    if not 2021 <= year <= 2025:
        return None  # 十三五 is right in a plan for 2016–2020
    lines = _lines(text)
    for i, line in enumerate(lines):
        if "十四五" in line:
            lines[i] = line.replace("十四五", "十三五", 1)
            return _join(lines), i + 1, ("D003",)
    return None


def _replace_in_body(text: str, old: str, new: str, codes: tuple[str, ...], skip: int = 0):
    lines = _lines(text)
    seen = 0
    for i, line in enumerate(lines):
        if old in line and len(line) > 20:
            if seen == skip:
                lines[i] = line.replace(old, new, 1)
                return _join(lines), i + 1, codes
            seen += 1
    return None


# One slip typed into a long body line: (label, what was there, what is typed, accepted codes, which
# of the lines holding it).
TYPED = (
    ("半角逗号", "，", ",", ("P002",), 5),
    ("删去左引号", "“", "", ("P001",), 3),
    ("的的", "的", "的的", ("W003",), 7),
    ("。。", "。", "。。", ("P003",), 4),
    ("中文间空格", "教育", "教 育", ("P005",), 9),
    ("文号方括号", "实施", "落实《通知》（苏教办[2020]1号）并实施", ("P004",), 2),
)


def mixed_marker(text: str):
    items = _item_lines(text)
    if len(items) < 4:
        return None
    lines = _lines(text)
    i = items[len(items) // 3]
    lines[i] = re.sub(r"^(\d{1,2})\.", r"\1、", lines[i])
    return _join(lines), i + 1, ("S004", "S005")


def injections(year: int) -> Iterator[tuple[str, Injection]]:
    yield "删除一个序号", remove_marker
    yield "序号重复", duplicate_number
    yield "首个序号不是一", wrong_start
    yield "序号写法混用", mixed_marker
    yield "分项之和不符", break_sum
    yield "比率超过100%", rate_above_100
    yield "范围颠倒", inverted_range
    yield "十四五→十三五", lambda t: swap_five_year(t, year)
    yield "教师节届数错", lambda t: wrong_teachers_day(t, year)
    yield "范围用短横线", hyphen_range
    yield "日期前导零", lambda t: leading_zero_date(t, year)
    for label, old, new, codes, skip in TYPED:
        yield label, lambda t, a=(old, new, codes, skip): _replace_in_body(t, *a)


def _baseline(text: str) -> str:
    """The plan with P002's fix-all applied, as a writer who accepted it would have it."""
    plan = parse(text)
    from checks.config import CheckConfig

    fixes = [f for finding in run_checks(plan, CheckConfig(select=("P002",))) for f in finding.all_fixes()]
    return apply_fixes(text, fixes)


def _keys(text: str) -> Counter:
    return Counter((f.code, f.line) for f in run_checks(parse(text)))


def main() -> int:
    found = total = hits = new_total = 0
    missed: list[str] = []
    for path in sorted(CORPUS.glob("*.txt")):
        text = _baseline(load_source(path).text)
        year = parse(text).metadata.year or int(path.name[:4])
        before = _keys(text)
        for label, inject in injections(year):
            result = inject(text)
            if result is None:
                continue
            changed, line, codes = result
            new = _keys(changed) - before
            total += 1
            new_total += sum(new.values())
            right = sum(n for (code, at), n in new.items() if code in codes and at == line)
            hits += right
            if right:
                found += 1
            else:
                missed.append(f"{path.name[:24]} {label} 第{line}行 期望{'/'.join(codes)}，新增{dict(new)}")
    print(f"召回率 recall: {found}/{total} = {found / max(total, 1):.0%}")
    print(f"注入文本上的精确率 precision: {hits}/{new_total} = {hits / max(new_total, 1):.0%}")
    print("语料原文上的精确率：见 tests/checks/corpus_findings.yaml（每条均经审阅）")
    for line in missed:
        print("  未发现：" + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
