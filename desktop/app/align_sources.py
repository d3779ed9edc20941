"""Where the 对标上级要点 window gets its superior plan, and the work it runs off the GUI thread.

Kept apart from the window so the window module holds only widgets: the library's 上级要点 entries
(listed defensively: a damaged library must not keep the writer from choosing a file) and the
background job that loads, parses and aligns.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.plan.errors import InputError

if TYPE_CHECKING:
    from desktop.plan.model import Metadata
    from desktop.plan.references.align import Alignment
    from desktop.plan.references.library import Entry

logger = logging.getLogger(__name__)


def align_files(superior_path: str, text: str, overrides: Metadata | None) -> tuple[Alignment | None, str]:
    """Load the superior plan, parse the draft snapshot and align them: (result, "") or (None, a
    Chinese message naming the file). Runs off the GUI thread; reads the remembered 不适用 marks."""
    from desktop.plan.parse import parse
    from desktop.plan.read.loader import load_plan
    from desktop.plan.references.align import align_plans
    from desktop.plan.references.remembered import NotApplicableStore

    try:
        _source, superior = load_plan(superior_path)
    except InputError as error:
        return None, error.message
    if not superior.nodes:
        return None, f"“{Path(superior_path).name}”中没有识别出任何标题或条目（如“一、”“1.”），无法逐项对标。"
    marked = NotApplicableStore().paths(superior.text)
    return align_plans(superior, parse(text, overrides), marked), ""


def superior_entries() -> list[tuple[str, str, int | None]]:
    """(label, path, year) of the library's 上级要点 entries; empty when there is no library yet."""
    try:
        from desktop.plan.references.library import Library

        library = Library.default()
        found: list[Entry] = library.entries("superior")
        return [(entry_label(e), str(library.path(e)), e.year) for e in found]
    except Exception:  # a damaged library must not keep the writer from choosing a file
        logger.exception("cannot list the reference library")
        return []


def pick_superior(entries: list[tuple[str, str, int | None]], draft_year: int | None) -> tuple[str, str]:
    """The entry to use when the writer has chosen none: the newest of the draft's year, and only
    when there is none of that year the newest of all (path, and a note saying so: the view also
    shows the years apart, so a choice across years is never silent). ("", "") for no entries."""
    if not entries:
        return "", ""
    same = [e for e in entries if draft_year is not None and e[2] == draft_year]
    if same:
        return same[-1][1], ""
    label, path, year = entries[-1]
    if draft_year is None or year is None:
        return path, ""
    return path, f"资料库中没有 {draft_year} 年的上级要点，暂用 {year} 年的“{label}”。"


def entry_label(entry: Entry) -> str:
    """How the 上级要点 box names a library entry, in the library's own words and with the name its
    参考资料库 list shows (issuer, year, title): 参考资料库 · 上级要点：某市教育局 2024年工作要点."""
    return f"参考资料库 · {entry.role_label}：{entry.name}"
