"""W009 and W010: words that are right or wrong by their context, and redundant expressions.

Both are lists of patterns in ``resources/wording/usage.yaml``: each pattern names the faulty
characters ``(?P<w>…)`` and states its context with look-arounds, so an entry fires only where
the context decides (截止 followed by a time and a clause → 截至; 必需 followed by a verb →
必须). Each entry carries its own severity: error where the context makes it certain, warning
where a reader could still mean it, info for a house preference (其它 → 其他).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.wordlists import WORDING_DIR, entries
from desktop.plan.errors import InputError
from desktop.plan.model import Span


@dataclass(frozen=True)
class UsageEntry:
    """One pattern of ``usage.yaml``, compiled, with what to say and how sure we are."""

    pattern: re.Pattern[str]
    right: str | None  # None: no certain fix
    reason: str
    severity: Severity


@lru_cache(maxsize=2)
def _usage(key: str) -> tuple[UsageEntry, ...]:
    path = WORDING_DIR / "usage.yaml"
    listed = []
    for i, entry in enumerate(
        entries("usage", key, ("pattern", "reason", "source", "severity"), ("right",)), 1
    ):
        pattern = re.compile(entry["pattern"], re.MULTILINE)
        if "w" not in pattern.groupindex:
            raise InputError(path, f"“{key}”第 {i} 条的 pattern 缺少命名组 (?P<w>…)")
        listed.append(UsageEntry(pattern, entry.get("right"), entry["reason"], Severity(entry["severity"])))
    return tuple(listed)


def _usage_findings(rule: Rule, ctx: Context, key: str, whole_match: bool) -> Iterator[Finding]:
    """Every match of every entry of ``key``: the span is ``w`` (or the whole match), the fix
    replaces ``w`` with the entry's right form when it has one."""
    text = ctx.text
    for entry in _usage(key):
        for m in entry.pattern.finditer(text):
            w = Span(m.start("w"), m.end("w"))
            span = Span(m.start(), m.end()) if whole_match else w
            wrong = w.slice(text)
            shown = m.group() if whole_match else _shown(text, m)
            if entry.right is None:
                yield ctx.finding(rule, span, f"“{shown}”：{entry.reason}", severity=entry.severity)
                continue
            if entry.right == "":
                fix = Fix(w, "", f"删去“{wrong}”")
                message = f"“{shown}”应删去“{wrong}”：{entry.reason}"
            else:
                fix = Fix(w, entry.right, f"改为“{entry.right}”")
                message = f"“{shown}”中的“{wrong}”应为“{entry.right}”：{entry.reason}"
            yield ctx.finding(rule, span, message, fix, severity=entry.severity)


def _shown(text: str, m: re.Match[str]) -> str:
    """The match with the two characters after it (the context that decided), within its line."""
    line_end = text.find("\n", m.end())
    end = min(m.end() + 2, len(text) if line_end == -1 else line_end)
    return text[m.start() : end]


class ContextualWord(Rule):
    """易混词按语境用错（截止2023年底→截至，必需坚持→必须，近一步→进一步）。

    A word confused with its look-alike where the context decides: 截止 with a time object at the
    head of a clause (截至), 必需 before a verb (必须), 近一步 before a verb (进一步), 付校长
    (副校长), and the house preferences 其它 → 其他, 做出决定 → 作出决定 (info).

    Proofreading guides for 公文 list these pairs first; a pattern fires only in the context that
    decides between them, so 截止日期, 所必需的, 更近一步 stay silent.
    """

    code = "W009"
    silenced_by_user_words = True
    name = "contextual-word"
    title = "易混词用错"
    severity = Severity.ERROR
    basis = "党政机关公文处理工作条例 第二十条（四）文字用法规范；usage.yaml 逐条注明依据"
    bad = "2024年教育工作要点\n截止2023年底，全区共有学校80所。一、必需坚持立德树人。"
    good = "2024年教育工作要点\n截至2023年底，全区共有学校80所，报名截止日期为3月1日。一、必须坚持立德树人。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        yield from _usage_findings(self, ctx, "confusables", whole_match=False)


class RedundantWording(Rule):
    """语义重复（约50人左右、近百余所、凯旋而归、关于对……的通知）。

    A redundant or self-contradicting expression: 约…左右, 近…余, 超过…以上, 截至到, 凯旋而归,
    再次重申, 原因是由于, 关于对 (two prepositions), 切忌不要.

    公文 proofreading guides list 重复赘余 among the commonest faults; the fix deletes the
    redundant part where one reading is certain, and says which two words clash where it is not.
    """

    code = "W010"
    silenced_by_user_words = True
    name = "redundant-wording"
    title = "语义重复"
    severity = Severity.WARNING
    basis = "党政机关公文处理工作条例 第十九条（三）表述准确，文字精炼；usage.yaml 逐条注明依据"
    bad = "2024年教育工作要点\n一、新增学位约3000个左右，近百余所学校参与。"
    good = "2024年教育工作要点\n一、新增学位约3000个，百余所学校参与，节约经费20万元左右。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        yield from _usage_findings(self, ctx, "redundancies", whole_match=True)
