"""The themes dock: which themes the draft covers (covered / weak / missing) next to the peers.

It shows the report of ``checks.themes`` as it is; it reads the fields of the JSON contract
(id, name, required, status, mentions, peers_covering, peers_total) from objects or mappings, so
the same panel shows the report whichever of the two forms the module returns.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

STATUS_LABELS = {"covered": "已覆盖", "weak": "较弱", "missing": "缺失", "expected": "范本普遍覆盖"}
STATUS_COLOURS = {"covered": "#2e7d32", "weak": "#ef8f00", "missing": "#d32f2f"}
MENTION_ROLE = Qt.ItemDataRole.UserRole + 2


def field(obj: Any, name: str, default: Any = None) -> Any:
    """A contract field of a report object or mapping."""
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def themes_of(report: Any) -> list[Any]:
    """The report's themes as mappings of the contract's fields (ThemesReport or its JSON form)."""
    if report is None:
        return []
    rows = field(report, "rows", None)
    if rows is None:
        return list(field(report, "themes", []) or [])
    themes = []
    for row in rows:
        cov = row.coverage
        themes.append(
            {
                "id": cov.theme.id,
                "name": cov.theme.name,
                "required": row.required,
                "status": cov.status.value,
                "mentions": [
                    {"line": m.line, "term": m.term, "start": m.span.start, "end": m.span.end}
                    for m in cov.mentions
                ],
                "peers_covering": row.peers_covering,
                "peers_total": row.peers_total,
                "missing_parts": list(cov.parts_missing),
            }
        )
    return themes


def mention_span(mention: Any) -> tuple[int, int] | None:
    """The mention's character span, when the report gives one."""
    span = field(mention, "span")
    if span is not None:
        return int(field(span, "start")), int(field(span, "end"))
    start, end = field(mention, "start"), field(mention, "end")
    return (int(start), int(end)) if start is not None and end is not None else None


class ThemesDock(QDockWidget):
    """Dock listing themes; mentions are children to double-click or step through."""

    jump_requested = Signal(int, int)
    line_requested = Signal(int)  # 1-based line, when a mention carries no span

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("主题"))
        self.setObjectName("themes_dock")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("主题"), self.tr("状态"), self.tr("范本覆盖"), self.tr("提及")])
        self.tree.itemDoubleClicked.connect(lambda item, _c: self._jump(item))
        self.previous_button = QPushButton(self.tr("上一处"))
        self.next_button = QPushButton(self.tr("下一处"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(+1))
        self.placeholder = QLabel(self.tr("主题分析尚不可用。"))
        self.suggestions = QLabel()
        self.suggestions.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.tree)
        layout.addWidget(self.suggestions)
        self.setWidget(body)
        self.report: Any = None
        self.set_report(None)

    def set_report(self, report: Any) -> None:
        self.report = report
        themes = themes_of(report)
        self.placeholder.setVisible(report is None)
        self.tree.setVisible(report is not None)
        expanded = {
            self.tree.topLevelItem(i).text(0)
            for i in range(self.tree.topLevelItemCount())
            if self.tree.topLevelItem(i).isExpanded()
        }
        self.tree.clear()
        for theme in themes:
            self.tree.addTopLevelItem(self._theme_item(theme, expanded))
        for column in range(1, 4):
            self.tree.resizeColumnToContents(column)
        suggestions = field(report, "suggestions", None) if report is not None else None
        if suggestions:
            words = [str(field(s, "phrase", s)) for s in suggestions]
            self.suggestions.setText(self.tr("范本常用而本稿未提：") + "、".join(words))
        else:
            self.suggestions.clear()

    def _theme_item(self, theme: Any, expanded: set[str]) -> QTreeWidgetItem:
        status = str(field(theme, "status", ""))
        status = getattr(status, "value", status)
        name = str(field(theme, "name", field(theme, "id", "")))
        if field(theme, "required", False):
            name += self.tr("（必备）")
        mentions = list(field(theme, "mentions", []) or [])
        peers = field(theme, "peers_covering")
        total = field(theme, "peers_total")
        item = QTreeWidgetItem(
            [
                name,
                self.tr(STATUS_LABELS.get(status, status)),
                f"{peers}/{total}" if peers is not None and total else "",
                str(len(mentions)),
            ]
        )
        item.setForeground(1, QBrush(QColor(STATUS_COLOURS.get(status, "#555555"))))
        missing_parts = field(theme, "missing_parts", None)
        if missing_parts:
            names = [str(field(p, "name", p)) for p in missing_parts]
            item.setToolTip(0, self.tr("缺少：") + "、".join(names))
            item.setText(1, item.text(1) + self.tr("（缺：%1）").replace("%1", "、".join(names)))
        for mention in mentions:
            line = field(mention, "line", "")
            child = QTreeWidgetItem(
                [f"{self.tr('第 %1 行').replace('%1', str(line))}  {field(mention, 'term', '')}"]
            )
            child.setData(0, MENTION_ROLE, (mention_span(mention), line))
            item.addChild(child)
        item.setExpanded(name in expanded)
        return item

    def _jump(self, item: QTreeWidgetItem) -> None:
        data = item.data(0, MENTION_ROLE)
        if not data:
            return
        span, line = data
        if span is not None:
            self.jump_requested.emit(span[0], span[1])
        elif line:
            self.line_requested.emit(int(line))

    def step(self, direction: int) -> None:
        """Go to the next (or previous) mention of the selected theme."""
        current = self.tree.currentItem()
        if current is None:
            return
        theme = current.parent() or current
        if theme.childCount() == 0:
            return
        index = theme.indexOfChild(current) if current.parent() else -1
        index = (index + direction) % theme.childCount()
        child = theme.child(index)
        self.tree.setCurrentItem(child)
        self._jump(child)
