"""The rows of the 对标上级要点 window: the superior's tasks with their answers, and the target checks.

Kept apart from ``align_view.py`` (the window: choosing the superior plan, running the alignment,
jumping, the 不适用 mark) because this is how one ``Alignment`` is drawn, and nothing else: a
task per top-level row, coloured by its status (the legend uses the same ``COLOURS``), its best
answer beside it and the other answers as children; and below, the ratios the superior asks for
that the draft misses. Every row carries what a click jumps to (``ITEM_ROLE``: the draft item, or
the offset of a target's value), so the window needs no other bookkeeping.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

if TYPE_CHECKING:
    from desktop.plan.references.align import Alignment, TaskAnswer

COLOURS = {  # row background by status
    "unanswered": "#fbe3e3",
    "partial": "#fff6d6",
    "answered": "#e2f5e1",
    "not_applicable": "#eeeeee",
}
STATUS_NAMES = (
    ("unanswered", "未对应"),
    ("partial", "部分对应"),
    ("answered", "已对应"),
    ("not_applicable", "不适用"),
)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the draft item (Task) a row jumps to, or None
PATH_ROLE = Qt.ItemDataRole.UserRole + 2  # the superior task's path (top-level rows)


class TaskTree(QTreeWidget):
    """The superior's tasks in the order the alignment gives (the unanswered first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(4)
        self.setHeaderLabels(
            [self.tr("状态"), self.tr("上级任务"), self.tr("草稿中的回应"), self.tr("相似度")]
        )
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        head = self.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

    def legend(self) -> list[QLabel]:
        """One swatch per status, in the rows' colours."""
        swatches = []
        for status, name in STATUS_NAMES:
            swatch = QLabel(f" {self.tr(name)} ")
            swatch.setStyleSheet(f"background:{COLOURS[status]}; border:1px solid #bbbbbb; padding:1px 6px;")
            swatches.append(swatch)
        return swatches

    def fill(self, result: Alignment, keep: str) -> None:
        """Show ``result``; the task at path ``keep`` (the one selected before) is selected again."""
        self.setUpdatesEnabled(False)
        self.clear()
        for answer in result.answers:
            top = self.task_row(answer)
            self.addTopLevelItem(top)
            if answer.task.path == keep:
                self.setCurrentItem(top)
        self.expandAll()  # every answer in sight: the second one is often the better reading
        self.setUpdatesEnabled(True)

    def task_row(self, answer: TaskAnswer) -> QTreeWidgetItem:
        task, matches = answer.task, answer.matches
        best = matches[0] if matches else None
        row = QTreeWidgetItem(
            [
                self.tr(answer.status_label),
                f"{task.path}  {task.headline}",
                f"{best.item.path}  {best.item.headline}" if best else self.tr("（草稿中未找到）"),
                f"{best.similarity:.2f}" if best else "",
            ]
        )
        row.setToolTip(1, task.text[:300])
        colour = QBrush(QColor(COLOURS[answer.status]))
        for column in range(4):
            row.setBackground(column, colour)
        row.setData(0, ITEM_ROLE, best.item if best else None)
        row.setData(0, PATH_ROLE, task.path)
        for match in matches[1:]:
            child = QTreeWidgetItem(
                [
                    "",
                    self.tr("（另一条回应）"),
                    f"{match.item.path}  {match.item.headline}",
                    f"{match.similarity:.2f}",
                ]
            )
            child.setData(0, ITEM_ROLE, match.item)
            row.addChild(child)
        return row

    def selected_path(self) -> str:
        """The superior task's path of the selected row (an answer row counts as its task)."""
        item = self.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return str(item.data(0, PATH_ROLE)) if item is not None else ""


class TargetList(QListWidget):
    """The superior's ratios the draft does not meet (or does not state); met ones are left out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def fill(self, result: Alignment) -> None:
        self.clear()
        for task, check in result.target_checks():
            if check.verdict == "met":
                continue
            entry = QListWidgetItem(f"{task.path}：{check.note}")
            if check.verdict == "short":
                entry.setForeground(QBrush(QColor("#b00020")))
            entry.setData(ITEM_ROLE, check.found.value_span.start if check.found else None)
            self.addItem(entry)
        if not self.count():
            self.addItem(self.tr(result.targets_note()))
