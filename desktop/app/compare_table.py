"""The Compare window's table: one row per node, last year's text left, the draft's right.

One table of two text columns, not two lists, so both sides always scroll together and a row is
as tall as the longer of its two texts (``compare_rows`` draws the cells). Most rows of a
next-year draft are unchanged, so the table can hide them and step from change to change; what to
say about it (wrapped around, nothing changed) is the window's business.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop.app.compare_rows import COLOURS, HtmlDelegate, row_cells
from desktop.plan.compare.model import ChangeKind

if TYPE_CHECKING:
    from desktop.plan.compare import Comparison

SPAN_ROLE = Qt.ItemDataRole.UserRole + 1  # (start, end) of the place in the draft


class ChangesTable(QTableWidget):
    """Rows of a comparison, coloured by kind of change; each cell knows its place in the draft."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.kinds: list[ChangeKind] = []  # the kind of change of each row
        self.setHorizontalHeaderLabels([self.tr("去年"), self.tr("变化"), self.tr("今年（草稿）")])
        self.setItemDelegateForColumn(0, HtmlDelegate(self))
        self.setItemDelegateForColumn(2, HtmlDelegate(self))
        self.verticalHeader().setVisible(False)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # A light selection: the row's own colour (its kind of change) stays readable around it.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#c5dcf7"))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#000000"))
        self.setPalette(palette)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        head = self.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(1, self.fontMetrics().horizontalAdvance("相似度 100%") + 16)
        head.sectionResized.connect(self.resizeRowsToContents)
        self.setToolTip(self.tr("单击：草稿的光标移到该条开头；双击：切换到草稿窗口"))

    def fill(self, result: Comparison, changes_only: bool) -> None:
        """Show the rows of ``result``; a row without a draft node points where it would have been."""
        self.setUpdatesEnabled(False)
        self.clearContents()
        self.setRowCount(len(result.rows))
        self.kinds = [row.kind for row in result.rows]
        anchor = 0
        for k, row in enumerate(result.rows):
            colour = QColor(COLOURS[row.kind.value])
            if row.new is not None:
                anchor = row.new.node.span.start
            span = (row.new.node.span.start, row.new.node.own_span.end) if row.new else (anchor, anchor)
            for column, value in enumerate(row_cells(row)):
                item = QTableWidgetItem(value)
                item.setBackground(colour)
                item.setData(SPAN_ROLE, span)
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(k, column, item)
        self.show_changes_only(changes_only)
        self.setUpdatesEnabled(True)
        self.resizeRowsToContents()

    def changed_rows(self) -> list[int]:
        """Rows whose node was edited, moved, added or removed."""
        return [k for k, kind in enumerate(self.kinds) if kind is not ChangeKind.UNCHANGED]

    def show_changes_only(self, hide_unchanged: bool) -> None:
        changed = set(self.changed_rows())
        for k in range(self.rowCount()):
            self.setRowHidden(k, hide_unchanged and k not in changed)

    def span_at(self, row: int, column: int) -> tuple[int, int] | None:
        """The place in the draft of a cell: its node, or where a removed node would have been."""
        item = self.item(row, column)
        span = item.data(SPAN_ROLE) if item is not None else None
        return (int(span[0]), int(span[1])) if span else None

    def step(self, direction: int) -> tuple[int, bool]:
        """Select the next (previous) changed row: (its row, whether it wrapped around), or (-1, False)."""
        rows = self.changed_rows()
        if not rows:
            return -1, False
        selected = self.selectionModel().selectedRows()
        current = selected[0].row() if selected else -1  # focus alone makes a row current
        if direction > 0:
            ahead = [k for k in rows if k > current]
        else:
            ahead = [k for k in reversed(rows) if k < current] if current >= 0 else rows[-1:]
        row = ahead[0] if ahead else rows[0] if direction > 0 else rows[-1]
        self.setCurrentCell(row, 1)
        self.scrollToItem(self.item(row, 1), QAbstractItemView.ScrollHint.PositionAtCenter)
        return row, not ahead
