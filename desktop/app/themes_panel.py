"""The themes dock: which themes the draft covers (covered / weak / missing) next to the peers.

It shows the ``ThemesReport`` of ``checks.themes.report`` as it is, in the command line's words:
the status names are ``Status.label``, so the panel and ``plandesk themes`` never disagree.
Above the list it says whose checklist it is (a kindergarten's is not a bureau's), and when the
kind was assumed rather than recognised, so the writer knows to set it.

Below the list, the selected theme's detail: what each peer wrote about it (the sentences, with
the peer's name and the line of its file) and the specific phrases peers name under it that the
draft does not, so a writer can borrow a phrasing without opening five files. Before the first
report it says why the list is empty: nothing is open yet, or the dictionary is still loading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.app.theme_detail import ThemeDetail

if TYPE_CHECKING:
    from checks.themes.coverage import Mention, Status
    from checks.themes.report import ThemeRow, ThemesReport
    from desktop.app.workers import Analysis

# A theme on the checklist because most peers of the draft's kind cover it (``ThemeRow.expected``);
# the command line heads the same group “范本普遍覆盖的主题”.
EXPECTED_LABEL = "范本普遍覆盖"
STATUS_COLOURS = {"covered": "#2e7d32", "weak": "#ef8f00", "missing": "#d32f2f"}
MENTION_ROLE = Qt.ItemDataRole.UserRole + 2
EXPAND_ROLE = Qt.ItemDataRole.UserRole + 3
THEME_ROLE = Qt.ItemDataRole.UserRole + 4  # index into ``ThemesDock.themes``, on a top-level row
EMPTY_WINDOW = "打开或新建一份要点后，这里显示主题覆盖情况。"
LOADING = "正在加载词典…"
UNAVAILABLE = "主题分析暂不可用（词典未能加载，详见日志）。"
_UNSHOWN = object()  # what ``ThemesDock._shown`` holds before the first ``set_report``


class ThemesDock(QDockWidget):
    """Dock listing themes; mentions are children to double-click or step through."""

    jump_requested = Signal(int, int)

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
        self.placeholder = QLabel(self.tr(EMPTY_WINDOW))
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #666666;")
        self.kind_label = QLabel()
        self.kind_label.setWordWrap(True)
        self.suggestions = QLabel()
        self.suggestions.setWordWrap(True)
        # What peers wrote about the selected theme: selectable text, to copy a phrasing from.
        self.detail = ThemeDetail()
        self.tree.currentItemChanged.connect(lambda _now, _before: self._show_detail())
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
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
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.suggestions)
        self.setWidget(body)
        self.report: ThemesReport | None = None
        self.themes: list[ThemeRow] = []  # what each top-level row shows, by THEME_ROLE
        self._shown: object = _UNSHOWN  # the report the tree was last built from
        self._editor: QPlainTextEdit | None = None
        self.set_report(None)

    def watch(self, editor: QPlainTextEdit, analysis_shown: SignalInstance) -> None:
        """Say why the list is empty: nothing open yet, the dictionary loading, or no analysis.

        ``analysis_shown`` carries each complete analysis; one without themes means they failed."""
        self._editor = editor
        editor.textChanged.connect(self._update_placeholder)
        analysis_shown.connect(self._analysis_shown)
        self._update_placeholder()

    def _analysis_shown(self, result: Analysis) -> None:
        if result.themes is None and self.report is None and self._has_text():
            self.placeholder.setText(self.tr(UNAVAILABLE))

    def _has_text(self) -> bool:
        return self._editor is not None and not self._editor.document().isEmpty()

    def _update_placeholder(self) -> None:
        """Only the first keystroke of a session changes anything: once a report is shown it stays."""
        if self.report is not None:
            return
        text = self.tr(LOADING) if self._has_text() else self.tr(EMPTY_WINDOW)
        if self.placeholder.text() != text and self.placeholder.text() != self.tr(UNAVAILABLE):
            self.placeholder.setText(text)

    def set_report(self, report: ThemesReport | None) -> None:
        """Show a report; the tree is rebuilt only when what it shows changed.

        Reports are frozen dataclasses: an equal report (the same text analysed again after an edit
        elsewhere) shows the same rows, so the tree, its selection and its scroll stay put."""
        unchanged = self._shown is not _UNSHOWN and report == self._shown
        self.report = report
        if unchanged:
            return
        self._shown = report
        self.placeholder.setVisible(report is None)
        self.splitter.setVisible(report is not None)
        if report is None:
            self._update_placeholder()
        kind = self._kind_text(report)
        self.kind_label.setText(kind)
        self.kind_label.setVisible(bool(kind))
        expanded = {
            self.tree.topLevelItem(i).text(0)
            for i in range(self.tree.topLevelItemCount())
            if self.tree.topLevelItem(i).isExpanded()
        }
        current = self.tree.currentItem()
        while current is not None and current.parent() is not None:
            current = current.parent()
        selected = current.text(0) if current is not None else ""
        self.tree.clear()
        self.themes = []
        for row in report.rows if report is not None else ():
            item = self._theme_item(row, expanded)
            self.themes.append(row)
            self.tree.addTopLevelItem(item)
            item.setExpanded(bool(item.data(0, EXPAND_ROLE)))  # only takes once in the tree
            if item.text(0) == selected:
                self.tree.setCurrentItem(item)
        self._show_detail()
        if report is not None and report.suggestions:
            words = [str(s["phrase"]) for s in report.suggestions]
            self.suggestions.setText(self.tr("范本常用而本稿未提：") + "、".join(words))
        else:
            self.suggestions.clear()

    def _show_detail(self) -> None:
        """The selected theme's peer sentences and phrases, in the pane under the list."""
        self.detail.show_theme(self.selected_theme())

    def selected_theme(self) -> ThemeRow | None:
        """The theme of the current row (or of the row a selected mention belongs to)."""
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None:
            return None
        index = item.data(0, THEME_ROLE)
        return self.themes[index] if index is not None and 0 <= index < len(self.themes) else None

    def _kind_text(self, report: ThemesReport | None) -> str:
        """Whose checklist the report is: “清单：幼儿园的计划”, or that the kind was assumed."""
        if report is None:
            return ""
        label = self.tr(report.kind_label)
        if report.kind_certain:
            return self.tr("清单：%1的计划").replace("%1", label)
        return self.tr("清单：暂按%1的计划（未识别出计划类别，可在“公文信息”中指定）").replace("%1", label)

    def _status_cells(self, item: QTreeWidgetItem, status: Status) -> None:
        """The status column in the command line's words (``Status.label``) and its colour."""
        item.setText(1, self.tr(status.label))
        item.setForeground(1, QBrush(QColor(STATUS_COLOURS.get(status.value, "#555555"))))

    def _theme_item(self, row: ThemeRow, expanded: set[str]) -> QTreeWidgetItem:
        cov = row.coverage
        name = cov.theme.name + (self.tr("（必备）") if row.required else "")
        peers = f"{row.peers_covering}/{row.peers_total}" if row.peers_total else ""
        item = QTreeWidgetItem([name, "", peers, str(len(cov.mentions))])
        self._status_cells(item, cov.status)
        item.setToolTip(0, name)
        if row.expected:  # on the checklist because most peers cover it, not because it is required
            item.setToolTip(
                2, self.tr(EXPECTED_LABEL) + self.tr("：范本要点中有 %1 份写到这一主题").replace("%1", peers)
            )
        item.setData(0, THEME_ROLE, len(self.themes))
        missing = cov.parts_missing
        if missing:
            item.setToolTip(0, name + "\n" + self.tr("缺少：") + "、".join(missing))
            item.setToolTip(1, self.tr("缺少：") + "、".join(missing))
        for part in cov.parts:  # 五育: one row per part with its own status and mentions
            child = QTreeWidgetItem([part.name, "", "", str(len(part.mentions))])
            self._status_cells(child, part.status)
            self._add_mentions(child, part.mentions)
            item.addChild(child)
        if not cov.parts:
            self._add_mentions(item, cov.mentions)
        # A theme with a missing part opens by itself: the missing part is the news.
        item.setData(0, EXPAND_ROLE, name in expanded or bool(missing))
        return item

    def _add_mentions(self, parent: QTreeWidgetItem, mentions: tuple[Mention, ...]) -> None:
        for mention in mentions:
            where = self.tr("第 %1 行").replace("%1", str(mention.line))
            child = QTreeWidgetItem([f"{where}  {mention.term}"])
            child.setData(0, MENTION_ROLE, (mention.span.start, mention.span.end))
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
        span = item.data(0, MENTION_ROLE)
        if span:
            self.jump_requested.emit(span[0], span[1])

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
