"""The words the outline, targets, task table and comparison look for: ``resources/plan_words.yaml``.

Which unnumbered headings are role headings (总体目标), which labels open a block (工作措施：), which
units make a number a target (所, 人次), which labels say who is responsible (牵头单位), which stage
words date a sentence (元年) — this is knowledge of how plans are written, not logic, so a maintainer
extends it in the YAML file without touching code. The file is read once per process, on first use,
and its shape is checked then: a missing section or key, a value that is not a list of words, or a key
nobody reads (a misspelt one) is an :class:`InputError` naming the file and the key.

Every parse needs the role and block names, and importing PyYAML costs some 10 ms, more than
``plandesk outline`` spends on a whole plan. ``load_yaml`` serves a file it parsed in an earlier run
from ``desktop.yaml_cache`` (keyed by the file's exact text, in the user's cache folder), so the
outline reads the words without PyYAML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from desktop.data import load_yaml, resource_path
from desktop.plan.errors import InputError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: every parse imports this module
if TYPE_CHECKING:
    from typing import Any

PLAN_WORDS_PATH = resource_path("plan_words.yaml")
WHAT = "要点词表"

# Every section and key the program reads; the file must hold exactly these.
SCHEMA: dict[str, tuple[str, ...]] = {
    "roles": ("names", "alone_suffixes"),
    "blocks": ("names",),
    "targets": (
        "units",
        "word_units",
        "qualifiers_before",
        "qualifiers_after",
        "leading",
        "trailing",
        "noun_stops",
    ),
    "task_table": ("headers", "lead", "responsible", "deadline", "deadline_inline"),
    "carried_over": ("extra_stages", "stage_not_followed_by"),
}
# Lists of single characters: they are looked up one character of the text at a time.
SINGLE_CHARACTERS = frozenset({("targets", "noun_stops"), ("carried_over", "stage_not_followed_by")})
# Lists of a fixed length: the task table has six columns (their widths are WIDTHS in task_table.py).
LENGTHS = {("task_table", "headers"): 6}

PlanWords = Mapping[str, Mapping[str, tuple[str, ...]]]


@lru_cache(maxsize=4)
def load_plan_words(path: Path) -> PlanWords:
    """The word lists of ``path``, checked, read once per process."""
    return validate(load_yaml(path, what=WHAT), path)


def words(section: str, key: str) -> tuple[str, ...]:
    """One list of the shipped file: ``words("roles", "names")``."""
    return load_plan_words(PLAN_WORDS_PATH)[section][key]


def alternation(entries: Iterable[str]) -> str:
    """A regex alternation of ``entries``, longest first so 人次 wins over 人 wherever both fit (the
    order of words of one length cannot change what matches, so it is made fixed)."""
    return "|".join(map(re.escape, sorted(set(entries), key=lambda word: (-len(word), word))))


def validate(data: Any, path: Path) -> PlanWords:
    """``data`` as read from ``path``, each list a tuple of words, or :class:`InputError` saying what
    is wrong and where (section, key and entry)."""
    if not isinstance(data, dict):
        raise InputError(path, f"{WHAT}应为“节: 键: 列表”的映射（roles、blocks …）。")
    _no_unknown(data, SCHEMA, path, "")
    result: dict[str, dict[str, tuple[str, ...]]] = {}
    for section, keys in SCHEMA.items():
        body = data.get(section)
        if not isinstance(body, dict):
            raise InputError(path, f"{WHAT}缺少“{section}”一节，或它不是“键: 列表”的映射。")
        _no_unknown(body, keys, path, f"{section}.")
        result[section] = {key: _entries(body.get(key), section, key, path) for key in keys}
    return result


def _no_unknown(mapping: dict[Any, Any], known: Iterable[str], path: Path, prefix: str) -> None:
    unknown = [str(k) for k in mapping if k not in known]
    if unknown:
        names = "”“".join(prefix + k for k in unknown)
        raise InputError(path, f"{WHAT}中有未知的键“{names}”（可能拼错了；应为 {'、'.join(known)}）。")


def _entries(value: Any, section: str, key: str, path: Path) -> tuple[str, ...]:
    """The words of one list, checked: a non-empty list of non-empty strings (single characters
    where the list says so)."""
    name = f"{section}.{key}"
    if value is None:
        raise InputError(path, f"{WHAT}缺少“{name}”，或它后面没有列出词语。")
    if not isinstance(value, list) or not value:
        raise InputError(path, f"{WHAT}的“{name}”应为至少一项的列表（[词, 词, …] 或每行“- 词”）。")
    for i, entry in enumerate(value, 1):
        if not isinstance(entry, str) or not entry.strip():
            raise InputError(
                path,
                f"{WHAT}的“{name}”第 {i} 项“{entry}”不是词语"
                "（纯数字、yes/no、true/false 或以符号开头的词请加引号）。",
            )
        if (section, key) in SINGLE_CHARACTERS and len(entry) != 1:
            raise InputError(path, f"{WHAT}的“{name}”第 {i} 项“{entry}”应为单个字。")
    length = LENGTHS.get((section, key))
    if length is not None and len(value) != length:
        raise InputError(path, f"{WHAT}的“{name}”应恰有 {length} 项，现有 {len(value)} 项。")
    return tuple(value)
