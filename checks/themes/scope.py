"""Whether a text is a whole plan, or only part of one: the honest reading of a missing theme.

A theme missing from a whole plan is a gap the writer should see. A theme missing from a text
that stops mid-sentence, or from a few hundred characters of key tasks, is missing from what was
written so far: the rest may hold it. The T rules report the second case once, as information,
naming why the text does not look whole. Both signals are properties of the text itself:

* it is short: fewer than ``brief_chars`` Chinese characters in the plan's own paragraphs (an
  annual plan that deploys a year's work runs to several thousand; a list of key projects, an
  excerpt or a draft just begun does not);
* it is cut: the last paragraph of running text does not end with a sentence mark, or the text
  ends on a heading without a full stop although its items have text under them (a list-form
  plan, all headings, ends on one as it should; a last item of one sentence is a whole item).
  Trailing lines that are neither a heading nor running text (no clause punctuation: a page
  footer, “扫一扫…”) are skipped.

A cut text may develop later what it names in passing, and what it lacks is mostly in the part
cut away, so T002 and T003 are silent on it; a short text that is complete is what it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.plan.model import Paragraph, ParagraphRole, Plan

BRIEF_CHARS = 1500
_HAN = re.compile(r"[\u3400-\u9fff]")
_CLAUSE_MARK = re.compile(r"[，。；：、！？,;:!?]")
_ENDS_A_SENTENCE = re.compile(r"[。！？；…!?;）)》」』”’]\s*$")
_AFTER_HEADLINE = re.compile(r"[\s。；;：:，,]+")
_NOT_PLAN = {ParagraphRole.BLANK, ParagraphRole.NOTICE, ParagraphRole.TITLE, ParagraphRole.CLOSING}


@dataclass(frozen=True)
class Scope:
    """``whole`` unless the text is short or cut; ``reason`` says which, in Chinese."""

    whole: bool
    chars: int  # Chinese characters in the plan's own paragraphs
    reason: str = ""
    cut: bool = False  # stops mid-sentence or on a heading: what follows is missing, not absent


def scope_of(plan: Plan, brief_chars: int = BRIEF_CHARS) -> Scope:
    """How much of a plan the text is (see the module docstring)."""
    text = plan.text
    own = [p for p in plan.paragraphs if p.role not in _NOT_PLAN]
    chars = sum(len(_HAN.findall(p.span.slice(text))) for p in own)
    headline_ends = {n.headline_span.start: n.headline_span.end for n in plan.walk()}
    # (line, is a heading) for headings and running text; lines that are neither are furniture
    shaped = [(p.span.slice(text).strip(), _is_heading(p, text, headline_ends)) for p in own]
    kept = [(line, heading) for line, heading in shaped if heading or _CLAUSE_MARK.search(line)]
    if kept:
        line, heading = kept[-1]
        # a heading without a full stop at the end of a plan whose items have text under them
        bare_heading = heading and any(not h for _, h in kept)
        if not _ENDS_A_SENTENCE.search(line) and (bare_heading or not heading):
            shown = line if len(line) <= 12 else "…" + line[-12:]
            return Scope(False, chars, f"文本止于“{shown}”，似为节选或尚未写完", cut=True)
    if chars < brief_chars:
        return Scope(False, chars, f"全文仅约 {chars} 字（完整的年度计划通常有数千字）")
    return Scope(True, chars)


def _is_heading(paragraph: Paragraph, text: str, headline_ends: dict[int, int]) -> bool:
    """Whether the paragraph is only an item's headline, with no sentence after it."""
    if paragraph.role is not ParagraphRole.HEADING:
        return False
    span = paragraph.span
    for start in range(span.start, span.end):
        end = headline_ends.get(start)
        if end is not None:
            return not _AFTER_HEADLINE.sub("", text[end : span.end])
    return False
