"""The words the outline, targets, task table and comparison look for: ``resources/plan_words.yaml``.

Which unnumbered headings are role headings (总体目标), which labels open a block (工作措施：), which
units make a number a target (所, 人次), which labels say who is responsible (牵头单位), which stage
words date a sentence (元年) — this is knowledge of how plans are written, not logic, so a maintainer
extends it in the YAML file without touching code. The file is read once per process, on first use,
and its shape is checked then: a missing section or key, a value that is not a list of words, or a key
nobody reads (a misspelt one) is an :class:`InputError` naming the file and the key.

Every parse needs the role and block names, and importing PyYAML costs some 10 ms, more than
``plandesk outline`` spends on a whole plan. So the checked words are also kept as JSON (which the
outline imports anyway), keyed by the YAML file's exact text: a changed file is always read afresh,
and a cache that cannot be written (a read-only installation) only costs the time it would save. The
cache sits in the user's cache folder (``desktop.data.user_cache_dir``: ``$PLANDESK_CACHE_DIR`` when
set, as tests do), never beside the data, which an installed copy cannot write.
"""

from __future__ import annotations

import contextlib
import os
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
_CACHE_FORMAT = 1


@lru_cache(maxsize=4)
def load_plan_words(path: Path) -> PlanWords:
    """The word lists of ``path``, checked, read once per process."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = None  # load_yaml says what is wrong with the file, in the writer's words
    cache = _cache_file(path)
    if text is not None and (cached := _read_cache(cache, text)) is not None:
        return cached
    data = load_yaml(path, what=WHAT)
    words = validate(data, path)
    if text is not None:
        _write_cache(cache, text, data)
    return words


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


def _cache_file(path: Path) -> Path:
    from desktop.data import user_cache_dir

    return user_cache_dir() / "words" / f"{path.stem}.json"


def _read_cache(cache: Path, text: str) -> PlanWords | None:
    """The words cached for exactly ``text``, or None (no cache, another text, a damaged file)."""
    import json

    try:
        stored = json.loads(cache.read_text(encoding="utf-8"))
        if stored["format"] != _CACHE_FORMAT or stored["source"] != text:
            return None
        return validate(stored["words"], cache)
    except (OSError, ValueError, KeyError, TypeError, InputError):
        return None


def _write_cache(cache: Path, text: str, data: Any) -> None:
    """Keep the words for the next process; written whole or not at all, never a half file."""
    import json

    payload = json.dumps({"format": _CACHE_FORMAT, "source": text, "words": data}, ensure_ascii=False)
    partial = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(payload, encoding="utf-8")
        os.replace(partial, cache)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
