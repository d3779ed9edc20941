"""Tables in the editor's text: one line per row, each cell closed by a full-width bar.

A plan's tables (targets, schedules, who is responsible for what) must survive the trip from a
source .docx through the editor to the export. The editor holds plain text, so a table is written
as rows of cells between bars::

    ｜序号｜重点工作任务｜主要责任单位｜协同配合单位｜
    ｜1｜新建中小学3所，新增学位2700个。｜计财科｜基建办｜

Why this form and not tab-separated lines (what Word gives when a table is copied as text): a
writer sees where each cell starts and ends and edits a cell as text; an empty first or last cell
survives (cleaning strips tabs at a line's ends); a row never starts with what looks like an
outline marker, so a merged row ``一、办学条件`` in the first cell is not taken for a heading; and
a one-column table is still a table. Bars are U+FF5C; an ASCII ``|`` typed by hand counts too.

Tab-separated rows pasted straight from Word or WPS are recognised as well, when at least two
consecutive lines have the same number (two or more) of tab-separated cells; they are exported as
tables without being rewritten, since the text is the writer's.

The parser gives table lines ``ParagraphRole.TABLE`` (never headings, never body sentences);
:func:`plan_tables` groups them back into :class:`Table` values for the export.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.plan.model import ParagraphRole, Span

if TYPE_CHECKING:
    from desktop.plan.model import Plan

BAR = "｜"
BARS = "｜|"
_EDGE_SPACES = " \u3000\r"  # not tabs: a tab at a line's end is an empty cell of a pasted row


@dataclass(frozen=True, slots=True)
class Table:
    """One table of the text: its rows of cells, and where it stands (1-based lines)."""

    first_line: int
    last_line: int
    rows: tuple[tuple[str, ...], ...]
    span: Span  # from the first row's first character to the last row's end

    @property
    def columns(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def padded_rows(self) -> tuple[tuple[str, ...], ...]:
        """Every row with as many cells as the widest (a row typed short gets empty cells)."""
        width = self.columns
        return tuple(row + ("",) * (width - len(row)) for row in self.rows)


def format_row(cells: Sequence[str]) -> str:
    """One row as a line of text: ``｜a｜b｜``. Line breaks, tabs and bars inside a cell become
    spaces and ``／``, so the row stays one line with the same cells."""
    clean = (
        " ".join(cell.replace("\t", " ").split("\n")).replace("｜", "／").replace("|", "/").strip()
        for cell in cells
    )
    return BAR + BAR.join(clean) + BAR


def bar_cells(line: str) -> tuple[str, ...] | None:
    """The cells of a bar row (``｜a｜b｜``), or None when the line is not one."""
    line = line.strip(_EDGE_SPACES + "\t")
    if len(line) < 2 or line[0] not in BARS or line[-1] not in BARS:
        return None
    inner = line[1:-1]
    cells: list[str] = []
    start = 0
    for index, ch in enumerate(inner):
        if ch in BARS:
            cells.append(inner[start:index].strip(_EDGE_SPACES + "\t"))
            start = index + 1
    cells.append(inner[start:].strip(_EDGE_SPACES + "\t"))
    if not any(cells):
        return None
    return tuple(cells)


def cell_spans(line: str) -> list[tuple[int, int]]:
    """Where each cell's text lies in a row's line (bar or tab form), as offsets into ``line``,
    edge spaces excluded: for a reader of cells that must point back into the text."""
    separators = BARS if bar_cells(line) is not None else "\t"
    bounds = [i for i, ch in enumerate(line) if ch in separators]
    if separators != BARS:  # tab rows have no bar before the first cell and after the last
        bounds = [-1, *bounds, len(line)]
    pairs = list(itertools.pairwise(bounds))
    spans = []
    for before, after in pairs:
        start, end = before + 1, after
        while start < end and line[start] in _EDGE_SPACES + "\t":
            start += 1
        while end > start and line[end - 1] in _EDGE_SPACES + "\t":
            end -= 1
        spans.append((start, end))
    return spans


def _tab_cells(line: str) -> tuple[str, ...] | None:
    line = line.strip(_EDGE_SPACES)
    if "\t" not in line or not line.strip("\t"):
        return None
    return tuple(cell.strip(_EDGE_SPACES) for cell in line.split("\t"))


def table_rows(lines: Sequence[str]) -> dict[int, tuple[str, ...]]:
    """The cells of every line that is a table row, by 0-based line index.

    A bar row counts alone; tab-separated rows count in runs of two or more consecutive lines
    with the same number of cells, so one stray tab in a sentence is not a table.
    """
    rows: dict[int, tuple[str, ...]] = {}
    run: list[tuple[int, tuple[str, ...]]] = []

    def close_run() -> None:
        if len(run) >= 2:
            rows.update(run)
        run.clear()

    for index, line in enumerate(lines):
        if "｜" in line or "|" in line:
            cells = bar_cells(line)
            if cells is not None:
                close_run()
                rows[index] = cells
                continue
        cells = _tab_cells(line) if "\t" in line else None
        if cells is None:
            close_run()
            continue
        if run and len(run[-1][1]) != len(cells):
            close_run()
        run.append((index, cells))
    close_run()
    return rows


def find_tables(text: str) -> list[Table]:
    """Every table of ``text``: consecutive table rows (a blank line or text ends a table)."""
    lines = text.split("\n")
    rows = table_rows(lines)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    return _group(sorted(rows), rows, lines, offsets)


def plan_tables(plan: Plan) -> list[Table]:
    """The tables of a parsed plan: runs of consecutive ``TABLE`` paragraphs, with their cells."""
    numbers = [p.line - 1 for p in plan.paragraphs if p.role is ParagraphRole.TABLE]
    if not numbers:
        return []
    lines = plan.text.split("\n")
    rows = table_rows(lines)
    offsets = [plan.lines.line_start(n + 1) for n in range(len(lines))]
    offsets.append(len(plan.text) + 1)
    return _group([n for n in numbers if n in rows], rows, lines, offsets)


def _group(
    numbers: list[int], rows: dict[int, tuple[str, ...]], lines: Sequence[str], offsets: Sequence[int]
) -> list[Table]:
    tables: list[Table] = []
    current: list[int] = []

    def close() -> None:
        if current:
            first, last = current[0], current[-1]
            span = Span(offsets[first], offsets[last] + len(lines[last]))
            tables.append(Table(first + 1, last + 1, tuple(rows[n] for n in current), span))
            current.clear()

    for number in numbers:
        if current and number != current[-1] + 1:
            close()
        current.append(number)
    close()
    return tables
