"""The word lists of the W rules: ``resources/wording/*.yaml`` read once, validated, and literal matching.

Shared by the ``wording*`` modules, which would otherwise import each other. A list is read on
first use (so ``plandesk rules`` and the S/P/N/D checks never parse it) and checked entry by
entry: a maintainer who breaks a list gets a Chinese message naming the file, the key and the
entry, not a ``KeyError`` from deep inside a rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from checks.finding import Finding, Fix, Severity
from desktop.data import load_yaml, resource_path
from desktop.plan.errors import InputError
from desktop.plan.model import Span

if TYPE_CHECKING:
    from checks.context import Context
    from checks.rule import Rule

WORDING_DIR = resource_path("wording")
HAN = "\u4e00-\u9fff"  # a character class body: f"[{HAN}]"
SEVERITIES = ("error", "warning", "info")


@cache
def load_list(name: str) -> dict[str, Any]:
    """``resources/wording/<name>.yaml`` as a mapping, read once per process."""
    path = WORDING_DIR / f"{name}.yaml"
    data = load_yaml(path, what="词表")
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(path, "词表应为“键: 列表”的映射")
    return data


def entries(
    name: str, key: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """The entries under ``key`` of list ``name``, each a mapping with every ``required`` field.

    Text fields must be non-empty strings; ``except``/``variants``/``members`` lists of strings;
    ``pattern`` a valid regular expression; ``severity`` one of error, warning, info; ``since``
    and ``until`` years. Anything else raises :class:`InputError` naming the file, key and entry.
    """
    path = WORDING_DIR / f"{name}.yaml"
    raw = load_list(name).get(key)
    if not isinstance(raw, list) or not raw:
        raise InputError(path, f"缺少“{key}”，或“{key}”不是非空列表")
    allowed = set(required) | set(optional)
    result = []
    for i, entry in enumerate(raw, 1):
        where = f"“{key}”第 {i} 条"
        if not isinstance(entry, dict):
            raise InputError(path, f"{where}应为“字段: 值”的映射")
        missing = [f for f in required if entry.get(f) in (None, "", [])]
        if missing:
            raise InputError(path, f"{where}缺少必填项“{'”“'.join(missing)}”")
        unknown = sorted(set(entry) - allowed)
        if unknown:
            raise InputError(path, f"{where}有未知字段“{'”“'.join(map(str, unknown))}”")
        for field, value in entry.items():
            problem = _field_problem(field, value)
            if problem:
                raise InputError(path, f"{where}的“{field}”{problem}")
        result.append(entry)
    return result


_LIST_FIELDS = {"except", "variants", "members"}
_YEAR_FIELDS = {"since", "until"}


def _field_problem(field: str, value: object) -> str:
    """Why ``value`` is not a valid ``field`` ("" when it is)."""
    if field in _LIST_FIELDS:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            return "应为词语列表"
        return ""
    if field in _YEAR_FIELDS:
        return "" if isinstance(value, int) and 1949 <= value <= 2100 else "应为四位数年份"
    if field == "severity":
        return "" if value in SEVERITIES else "应为 error、warning 或 info"
    if field == "right" and value == "":
        return ""  # an empty right form deletes the wrong one (a redundant word)
    if not isinstance(value, str) or not value:
        return "应为非空文字"
    if field == "pattern":
        try:
            re.compile(value)
        except re.error as error:
            return f"不是有效的正则表达式（{error}）"
    return ""


def words(name: str, key: str) -> list[str]:
    """The list of words under ``key`` of list ``name`` (non-empty strings)."""
    raw = load_list(name).get(key)
    if not isinstance(raw, list) or not raw or not all(isinstance(w, str) and w for w in raw):
        raise InputError(WORDING_DIR / f"{name}.yaml", f"“{key}”应为非空的词语列表")
    return raw


def word_map(name: str, key: str) -> dict[str, list[str]]:
    """The mapping under ``key`` of list ``name``: a character or word → its list of words."""
    path = WORDING_DIR / f"{name}.yaml"
    raw = load_list(name).get(key)
    if not isinstance(raw, dict) or not raw:
        raise InputError(path, f"“{key}”应为“字: 词语列表”的映射")
    result = {}
    for head, listed in raw.items():
        if not isinstance(head, str) or not head:
            raise InputError(path, f"“{key}”的键“{head}”应为文字")
        if listed is not None and (
            not isinstance(listed, list) or not all(isinstance(w, str) and w for w in listed)
        ):
            raise InputError(path, f"“{key}”中“{head}”的值应为词语列表")
        result[head] = list(listed or [])
    return result


def alternation(literals: Iterable[str]) -> re.Pattern[str]:
    """One regex for many literal words, longest first so 习近平中国… wins over shorter entries.

    Words of one length cannot both match at one place, so their order changes nothing: it is made
    fixed (not the set's, which differs from run to run) so the pattern is the same in every run."""
    return re.compile("|".join(map(re.escape, sorted(set(literals), key=lambda word: (-len(word), word)))))


def excepted(text: str, start: int, wrong: str, exceptions: list[str]) -> bool:
    """True when the match at ``start`` is part of one of ``exceptions`` (预防犯罪 holds 防犯)."""
    for word in exceptions:
        k = word.find(wrong)
        while k != -1:
            if start - k >= 0 and text.startswith(word, start - k):
                return True
            k = word.find(wrong, k + 1)
    return False


Replacements = tuple[re.Pattern[str], dict[str, dict[str, Any]]]


def replacement_table(name: str, key: str, default_reason: str = "") -> Replacements:
    """A list of ``{wrong, right, reason, except?, severity?, since?, source?}`` entries as one
    pattern and a look-up by ``wrong``; each exception must contain its wrong form.

    With ``default_reason`` (a format string over ``right``) an entry may leave out its reason.
    """
    path = WORDING_DIR / f"{name}.yaml"
    required = ("wrong", "right") if default_reason else ("wrong", "right", "reason")
    optional = ("except", "severity", "since", "source", "reason")
    table: dict[str, dict[str, Any]] = {}
    for i, entry in enumerate(entries(name, key, required, optional), 1):
        wrong = entry["wrong"]
        if wrong in table:
            raise InputError(path, f"“{key}”第 {i} 条的“{wrong}”重复")
        if not entry["right"] or entry["right"] == wrong:
            raise InputError(path, f"“{key}”第 {i} 条的 right 应为与“{wrong}”不同的正确写法")
        stray = [w for w in entry.get("except") or [] if wrong not in w]
        if stray:
            raise InputError(path, f"“{key}”第 {i} 条的 except 中“{stray[0]}”不含“{wrong}”")
        if not entry.get("reason"):
            entry = {**entry, "reason": default_reason.format(right=entry["right"])}
        table[wrong] = entry
    return alternation(table), table


def listed_replacements(rule: Rule, ctx: Context, table: Replacements) -> Iterator[Finding]:
    """Every listed wrong form in the text, with its reason and the listed right form as the fix.

    An entry with ``since`` applies from that plan year on (and not at all when the year is
    unknown); an entry's own ``severity`` overrides the rule's.
    """
    pattern, listed = table
    text = ctx.text
    for m in pattern.finditer(text):
        entry = listed[m.group()]
        since = entry.get("since")
        if since is not None and (ctx.year is None or ctx.year < since):
            continue
        if excepted(text, m.start(), m.group(), entry.get("except") or []):
            continue
        right = entry["right"]
        span = Span(m.start(), m.end())
        extra = {"severity": Severity(entry["severity"])} if entry.get("severity") else {}
        yield ctx.finding(
            rule,
            span,
            f"“{m.group()}”应为“{right}”：{entry['reason']}",
            Fix(span, right, f"改为“{right}”"),
            **extra,
        )
