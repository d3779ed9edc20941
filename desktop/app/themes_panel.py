"""The themes dock: which themes the draft covers (covered / weak / missing) next to the peers.

It shows the report of ``checks.themes`` as it is; it reads the fields of the JSON contract
(id, name, required, status, mentions, peers_covering, peers_total, kind) from objects or
mappings, so the same panel shows the report whichever of the two forms the module returns.
Above the list it says whose checklist it is (a kindergarten's is not a bureau's), and when the
kind was assumed rather than recognised, so the writer knows to set it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
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
EXPAND_ROLE = Qt.ItemDataRole.UserRole + 3


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
                "parts": [
                    {
                        "id": p.id,
                        "name": p.name,
                        "status": p.status.value,
                        "mentions": [
                            {"line": m.line, "term": m.term, "start": m.span.start, "end": m.span.end}
                            for m in p.mentions
                        ],
                    }
                    for p in cov.parts
                ],
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
        self.tree.setHeaderLabels([self.tr("主题"), self.tr("状态"), self.tr("范本"), self.tr("提及")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name gets the room
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(24)
        self.tree.setIndentation(14)
        self.tree.headerItem().setToolTip(2, self.tr("范本要点中有几份写到这一主题"))
        self.tree.itemDoubleClicked.connect(lambda item, _c: self._jump(item))
        self.previous_button = QPushButton(self.tr("上一处"))
        self.next_button = QPushButton(self.tr("下一处"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(+1))
        self.placeholder = QLabel(self.tr("主题分析尚不可用。"))
        self.kind_label = QLabel()
        self.kind_label.setWordWrap(True)
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
        layout.addWidget(self.kind_label)
        layout.addWidget(self.tree)
        layout.addWidget(self.suggestions)
        self.setWidget(body)
        self.report: Any = None
        self.set_report(None)

    def set_report(self, report: Any) -> None:
        """Show a report; the tree is rebuilt only when what it shows changed."""
        themes = themes_of(report)
        kind = self._kind_text(report)
        key = (
            report is None,
            repr(themes),
            repr(field(report, "suggestions", None) if report else None),
            kind,
        )
        self.report = report
        if key == getattr(self, "_key", None):
            return
        self._key = key
        self.placeholder.setVisible(report is None)
        self.tree.setVisible(report is not None)
        self.kind_label.setText(kind)
        self.kind_label.setVisible(bool(kind))
        expanded = {
            self.tree.topLevelItem(i).text(0)
            for i in range(self.tree.topLevelItemCount())
            if self.tree.topLevelItem(i).isExpanded()
        }
        self.tree.clear()
        for theme in themes:
            item = self._theme_item(theme, expanded)
            self.tree.addTopLevelItem(item)
            item.setExpanded(bool(item.data(0, EXPAND_ROLE)))  # only takes once in the tree
        suggestions = field(report, "suggestions", None) if report is not None else None
        if suggestions:
            words = [str(field(s, "phrase", s)) for s in suggestions]
            self.suggestions.setText(self.tr("范本常用而本稿未提：") + "、".join(words))
        else:
            self.suggestions.clear()

    def _kind_text(self, report: Any) -> str:
        """Whose checklist the report is: “清单：幼儿园的计划”, or that the kind was assumed."""
        label = field(report, "kind_label", "") if report is not None else ""
        if not label:
            return ""
        if field(report, "kind_certain", False):
            return self.tr("清单：%1的计划").replace("%1", self.tr(label))
        return self.tr("清单：暂按%1的计划（未识别出计划类别，可在“公文信息”中指定）").replace(
            "%1", self.tr(label)
        )

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
        item.setToolTip(0, name)
        parts = list(field(theme, "parts", None) or [])
        missing_parts = field(theme, "missing_parts", None)
        if missing_parts:
            names = [str(field(p, "name", p)) for p in missing_parts]
            item.setToolTip(0, name + "\n" + self.tr("缺少：") + "、".join(names))
            item.setToolTip(1, self.tr("缺少：") + "、".join(names))
        if parts:  # 五育: one row per part with its own status and mentions
            for part in parts:
                part_status = str(field(part, "status", ""))
                part_mentions = list(field(part, "mentions", []) or [])
                row = QTreeWidgetItem(
                    [
                        str(field(part, "name", "")),
                        self.tr(STATUS_LABELS.get(part_status, part_status)),
                        "",
                        str(len(part_mentions)),
                    ]
                )
                row.setForeground(1, QBrush(QColor(STATUS_COLOURS.get(part_status, "#555555"))))
                self._add_mentions(row, part_mentions)
                row.setExpanded(False)
                item.addChild(row)
        else:
            self._add_mentions(item, mentions)
        # A theme with a missing part opens by itself: the missing part is the news.
        item.setData(0, EXPAND_ROLE, name in expanded or bool(parts and missing_parts))
        return item

    def _add_mentions(self, parent: QTreeWidgetItem, mentions: list[Any]) -> None:
        for mention in mentions:
            line = field(mention, "line", "")
            child = QTreeWidgetItem(
                [f"{self.tr('第 %1 行').replace('%1', str(line))}  {field(mention, 'term', '')}"]
            )
            child.setData(0, MENTION_ROLE, (mention_span(mention), line))
            child.setToolTip(0, child.text(0))
            parent.addChild(child)

    def part_rows(self, theme_name: str) -> list[tuple[str, str]]:
        """(part, status label) rows shown under a theme with parts (五育), for tests and checks."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.text(0).startswith(theme_name):
                return [
                    (item.child(j).text(0), item.child(j).text(1))
                    for j in range(item.childCount())
                    if item.child(j).data(0, MENTION_ROLE) is None
                ]
        return []

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
        """Go to the next (or previous) mention of the selected theme (or part of it)."""
        current = self.tree.currentItem()
        if current is None:
            return
        group = current.parent() if current.data(0, MENTION_ROLE) else current
        if group is None:
            return
        leaves: list[QTreeWidgetItem] = []

        def visit(item: QTreeWidgetItem) -> None:
            for i in range(item.childCount()):
                child = item.child(i)
                if child.data(0, MENTION_ROLE):
                    leaves.append(child)
                else:
                    visit(child)

        visit(group)
        if not leaves:
            return
        index = leaves.index(current) if current in leaves else -1
        target = leaves[(index + direction) % len(leaves)]
        self.tree.setCurrentItem(target)
        self._jump(target)
