"""What one row of the Compare window shows: two HTML cells and the kind of change between them.

Kept apart from the window (``compare_view.py``) and its table (``compare_table.py``) because it is pure presentation of the core's
``Row``: the inline character diff, the colours, the wording of the change label. Edited text
shows deleted characters struck through in red on the left and inserted ones green on the
right. The label says "相似度 87%" for an edited pair, never a bare percentage, because "修改
100%" read as "entirely changed" when it was a similarity.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableWidget

from desktop.plan.compare.model import ChangeKind, similarity_label

if TYPE_CHECKING:
    from desktop.plan.compare import Comparison, Row

COLOURS = {  # row background by kind of change (a ChangeKind value); its words are ChangeKind.label
    "unchanged": "#ffffff",
    "edited": "#fff6d6",
    "moved": "#e3eefc",
    "added": "#e2f5e1",
    "removed": "#fbe3e3",
}
_PREVIEW = 70  # characters of an unchanged node shown in its row


class HtmlDelegate(QStyledItemDelegate):
    """Paints cells whose text is HTML (the inline diff) and sizes rows to the wrapped text."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        document.setTextWidth(max(50, option.rect.width() - 8))
        return document

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        html_text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = html_text
        document = self._document(option, index)
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.Text))
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 4, option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        self.initStyleOption(option, index)
        view = option.widget
        if isinstance(view, QTableWidget):
            option.rect.setWidth(view.columnWidth(index.column()))
        document = self._document(option, index)
        return QSize(int(document.idealWidth()) + 8, int(document.size().height()) + 4)


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _cell(path: str, body: str, note: str = "") -> str:
    head = f"<b>{html.escape(path)}</b>"
    if note:
        head += f" <span style='color:#666666'>{html.escape(note)}</span>"
    return f"{head}<br>{body}"


def _preview(text: str) -> str:
    return _escape(text if len(text) <= _PREVIEW else text[:_PREVIEW] + "…")


def similarity_text(similarity: float) -> str:
    """The label of an edited pair: the core's, so the window and the command line agree."""
    return similarity_label(similarity)


def row_cells(row: Row) -> tuple[str, str, str]:
    """(left HTML, middle label, right HTML) of one row: the inline diff for edited text."""
    kind = row.kind
    label = kind.label
    pair = row.pair
    if pair is not None and pair.edited:
        old_html, new_html = [], []
        for op in pair.diff:
            if op.op == "equal":
                old_html.append(_escape(op.old))
                new_html.append(_escape(op.new))
                continue
            if op.old:
                old_html.append(
                    f"<span style='background:#f7b9b9;text-decoration:line-through'>{_escape(op.old)}</span>"
                )
            if op.new:
                new_html.append(f"<span style='background:#a8e4a0'>{_escape(op.new)}</span>")
        left, right = "".join(old_html), "".join(new_html)
        label += "\n" + similarity_text(pair.similarity)
    else:
        left = _preview(row.old.text) if row.old else ""
        right = _preview(row.new.text) if row.new else ""
    if kind is ChangeKind.MOVED and pair is not None:
        label += "\n" + ("跨部分" if pair.other_section else "调位置")
    left_html = _cell(row.old.path, left) if row.old else ""
    right_html = _cell(row.new.path, right) if row.new else ""
    return left_html, label, right_html


Entry = tuple[str, tuple[int, int] | None, str]  # text, place in the draft, tooltip


def target_entries(result: Comparison) -> list[Entry]:
    """The target changes as list entries: 新建中小学：8所 → 10所, 新增 …, 删去 …."""
    entries: list[Entry] = []
    for change in result.target_changes:
        if change.kind == "changed" and change.old and change.new:
            text = f"{change.subject}：{change.old.text} → {change.new.text}"
        elif change.new is not None:
            text = f"新增 {change.subject}：{change.new.text}"
        else:
            text = f"删去 {change.subject}：{change.old.text if change.old else ''}"
        place = (change.new.span.start, change.new.span.end) if change.new is not None else None
        entries.append((text, place, ""))
    return entries


def carried_entries(result: Comparison) -> list[Entry]:
    """Sentences carried over that still point at last year, with their line and reason."""
    return [
        (f"第 {found.line} 行：{found.reason}", (found.term_span.start, found.term_span.end), found.excerpt)
        for found in result.carried_over
    ]
