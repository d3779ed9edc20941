"""The superior's words and the draft's words for the same work (``resources/align_synonyms.yaml``).

A city writes 推进县域普通高中振兴 and the county answers 实施县中提升行动: the same task, few shared
words. Before the two texts are cut into words, every phrasing of a group is replaced by the
group's first one, so both sides carry the same rare words and the TF-IDF similarity of
``desktop.plan.compare`` sees the answer. The replacement is one regular expression, longest
phrasing first, built on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desktop.data import load_yaml, resource_path
from desktop.plan.errors import InputError

SYNONYMS_PATH = resource_path("align_synonyms.yaml")
GENERIC_PATH = resource_path("theme_phrases.yaml")
_WHAT = "对标同义说法表"


@dataclass(frozen=True)
class Vocabulary:
    """Synonym groups as one replacement, and the headings whose items are not tasks."""

    canonical: dict[str, str]  # each phrasing → its group's first phrasing
    pattern: re.Pattern[str] | None
    context_headings: frozenset[str]
    # Words every plan says (推进, 教育资源 …): never evidence that an item answers a task. The one
    # list the themes' phrases use too (``generic`` in resources/theme_phrases.yaml).
    generic: frozenset[str] = frozenset()

    def normalise(self, text: str) -> str:
        """``text`` with every known phrasing replaced by its group's standard one."""
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: self.canonical[m.group()], text)


def parse_vocabulary(data: object, path: Path) -> Vocabulary:
    """Validate the YAML document; a malformed list raises InputError naming the file and group."""
    if not isinstance(data, dict):
        raise InputError(path, f"{_WHAT}应包含 groups 和 context_headings 两项。")
    groups, headings = data.get("groups"), data.get("context_headings")
    if not isinstance(groups, list) or not isinstance(headings, list):
        raise InputError(path, f"{_WHAT}的 groups 和 context_headings 都应是列表。")
    canonical: dict[str, str] = {}
    for number, group in enumerate(groups, start=1):
        if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) and w for w in group):
            raise InputError(path, f"{_WHAT}第 {number} 组应是至少两个说法的列表。")
        for phrasing in group:
            if phrasing in canonical and canonical[phrasing] != group[0]:
                raise InputError(path, f"{_WHAT}中“{phrasing}”出现在两组里（第 {number} 组）。")
            canonical[phrasing] = group[0]
    if not all(isinstance(h, str) and h for h in headings):
        raise InputError(path, f"{_WHAT}的 context_headings 每项应是一个标题名称。")
    ordered = sorted(canonical, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None
    return Vocabulary(canonical, pattern, frozenset(headings))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The bundled synonym table and the generic words of plans, read once per process."""
    from dataclasses import replace

    vocab = parse_vocabulary(load_yaml(SYNONYMS_PATH, what=_WHAT), SYNONYMS_PATH)
    lists = load_yaml(GENERIC_PATH, what="主题短语词表")
    generic = lists.get("generic") if isinstance(lists, dict) else None
    if not isinstance(generic, list):
        raise InputError(GENERIC_PATH, "主题短语词表应包含 generic（通用词）列表。")
    return replace(vocab, generic=frozenset(str(w) for w in generic))
