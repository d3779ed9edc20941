"""The problems dock: findings of the checks, filtered by severity and family, with their fixes.

It shows ``checks.finding.Finding`` objects exactly as the command line reports them; applying a
fix is handed to the host as a list of ``Fix`` so the text is changed in one undoable edit. A
wording (W) finding on a word the bureau uses on purpose can be silenced for good: “加入词典”
hands the finding to the host, which keeps the word in the bureau's list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from checks.finding import Severity
from desktop.app.editor import SEVERITY_COLOURS

if TYPE_CHECKING:
    from checks.finding import Finding, Fix

FAMILIES = (
    ("S", "结构与编号"),
    ("P", "标点"),
    ("N", "数字与目标"),
    ("D", "日期与届次"),
    ("W", "用词"),
    ("T", "主题"),
)
# One source for the words: the severity enum's own labels, as ``plandesk check`` prints them.
SEVERITIES = tuple((s.value, s.label) for s in sorted(Severity, key=lambda s: -s.rank))
Index = QModelIndex | QPersistentModelIndex


class FindingsModel(QAbstractTableModel):
    """Table of findings: 级别, 代码, 说明, 位置."""

    HEADERS = ("级别", "代码", "说明", "位置")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        # (line, column) in the file, as ``plandesk check`` prints it; the host knows the file.
        self.position: Callable[[Finding], tuple[int, int]] = lambda f: (f.line, f.column)

    def set_findings(self, findings: list[Finding]) -> bool:
        """Show ``findings``; False (and no reset of the view) when they are the ones shown."""
        if _key(findings) == _key(self.findings):
            self.findings = list(findings)  # same rows; keep the newest objects for their fixes
            return False
        self.beginResetModel()
        self.findings = list(findings)
        self.endResetModel()
        return True

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        finding = self.findings[index.row()]
        column = index.column()
        severity = finding.severity.value
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self.tr(finding.severity.label)
            if column == 1:
                return finding.code + (" ✎" if finding.fix or finding.fixes else "")
            if column == 2:
                return finding.message
            line, column = self.position(finding)
            return self.tr("第 %1 行，第 %2 列").replace("%1", str(line)).replace("%2", str(column))
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QBrush(QColor(SEVERITY_COLOURS.get(severity, "#888888")))
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{finding.code}  {finding.message}\n{finding.excerpt}"
            if finding.basis:
                tip += "\n" + self.tr("依据：") + finding.basis
            return tip
        if role == Qt.ItemDataRole.UserRole:  # sort keys
            # Plain numbers and strings: the proxy compares these natively.
            position = finding.span.start
            return (
                (3 - finding.severity.rank) * 100_000_000 + position,
                f"{finding.code}:{position:09d}",
                finding.message,
                position,
            )[column]
        return None


def _key(findings: list[Finding] | tuple[Finding, ...]) -> tuple[object, ...]:
    return tuple((f.code, f.span.start, f.span.end, f.severity.value, f.message) for f in findings)


class FindingsFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.severity = ""
        self.family = ""
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, FindingsModel)
        finding = model.findings[row]
        if self.severity and finding.severity.value != self.severity:
            return False
        return not (self.family and not finding.code.startswith(self.family))


class ProblemsDock(QDockWidget):
    """Dock listing the findings; double-click jumps, buttons apply fixes."""

    jump_requested = Signal(int, int)  # start, end offsets
    fixes_requested = Signal(object)  # list[Fix]
    add_word_requested = Signal(object)  # the W Finding whose word goes into the bureau's list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("问题"))
        self.setObjectName("problems_dock")
        self.model = FindingsModel(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 6)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.severity_box = QComboBox()
        self.severity_box.addItem(self.tr("全部级别"), "")
        for value, label in SEVERITIES:
            self.severity_box.addItem(self.tr(label), value)
        self.family_box = QComboBox()
        self.family_box.addItem(self.tr("全部类别"), "")
        for prefix, label in FAMILIES:
            self.family_box.addItem(f"{prefix} {self.tr(label)}", prefix)
        self.severity_box.currentIndexChanged.connect(self._filter_changed)
        self.family_box.currentIndexChanged.connect(self._filter_changed)
        self.fix_button = QPushButton(self.tr("应用修复"))
        self.fix_all_button = QPushButton(self.tr("修复全部同类"))
        self.fix_button.clicked.connect(self.apply_current_fix)
        self.fix_all_button.clicked.connect(self.apply_all_of_current_code)
        self.add_word_button = QPushButton(self.tr("加入词典"))
        self.add_word_button.setToolTip(self.tr("本单位有意这样用词：加入本单位词典，今后不再提示"))
        self.add_word_button.clicked.connect(self.add_current_word)
        self.rule_button = QPushButton(self.tr("规则说明"))
        self.rule_button.setToolTip(self.tr("这条规则是什么意思：名称、依据、正误示例和参数"))
        self.rule_button.clicked.connect(self.explain_current_rule)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.summary = QLabel()

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        buttons = (self.fix_button, self.fix_all_button, self.add_word_button, self.rule_button)
        for widget in (self.severity_box, self.family_box, *buttons):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self.setWidget(body)
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        """A new panel font (视图 → 字号…): rows as tall as its text."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.view.verticalHeader().setDefaultSectionSize(QFontMetrics(self.font()).height() + 6)

    def set_position_function(self, position: Callable[[Finding], tuple[int, int]]) -> None:
        """How to name a finding's place in the file (the host knows the file's line map)."""
        self.model.position = position
        self.positions_changed()

    def positions_changed(self) -> None:
        """The file's line map changed (opened, saved, edited): repaint the 位置 column."""
        rows = self.model.rowCount()
        if rows:
            column = len(FindingsModel.HEADERS) - 1
            self.model.dataChanged.emit(self.model.index(0, column), self.model.index(rows - 1, column))

    def set_findings(self, findings: list[Finding] | tuple[Finding, ...]) -> None:
        current = self.current_finding()
        if not self.model.set_findings(list(findings)):
            self._update_buttons()
            return
        header = self.view.horizontalHeader()
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if current is not None:
            self._reselect(current)
        self._update_summary()
        self._update_buttons()

    def _reselect(self, old: Finding) -> None:
        for row, finding in enumerate(self.model.findings):
            if finding.code == old.code and finding.message == old.message:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    self.view.setCurrentIndex(index)
                return

    def visible_findings(self) -> list[Finding]:
        rows = (self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(self.proxy.rowCount()))
        return [self.model.findings[r] for r in rows]

    def set_filter(self, severity: str = "", family: str = "") -> None:
        self.severity_box.setCurrentIndex(max(0, self.severity_box.findData(severity)))
        self.family_box.setCurrentIndex(max(0, self.family_box.findData(family)))

    def _filter_changed(self) -> None:
        # Qt ≥ 6.9 announces filter changes this way; invalidateFilter() is deprecated there.
        begin = getattr(self.proxy, "beginFilterChange", None)
        if begin is not None:
            begin()
        self.proxy.severity = self.severity_box.currentData() or ""
        self.proxy.family = self.family_box.currentData() or ""
        if begin is not None:
            self.proxy.endFilterChange()
        else:
            self.proxy.invalidateFilter()
        self._update_summary()

    def _update_summary(self) -> None:
        shown, total = self.proxy.rowCount(), len(self.model.findings)
        text = self.tr("共 %1 项").replace("%1", str(total))
        if shown != total:
            text = self.tr("显示 %1 / %2 项").replace("%1", str(shown)).replace("%2", str(total))
        self.summary.setText(text)

    def select_row(self, row: int) -> None:
        """Make the visible row ``row`` current (keyboard navigation and tests)."""
        self.view.setCurrentIndex(self.proxy.index(row, 0))

    def current_finding(self) -> Finding | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        row = self.proxy.mapToSource(index).row()
        return self.model.findings[row] if 0 <= row < len(self.model.findings) else None

    def _update_buttons(self) -> None:
        finding = self.current_finding()
        fixes = finding.all_fixes() if finding is not None else ()
        self.fix_button.setEnabled(bool(fixes))
        # What the fix will do, so a partial one (“部分修复：…”) is seen before it is applied.
        labels = list(dict.fromkeys(fix.description for fix in fixes))
        more = self.tr("（另 %1 处）").replace("%1", str(len(fixes) - 1)) if len(fixes) > 1 else ""
        self.fix_button.setToolTip("；".join(labels[:3]) + more if fixes else "")
        self.fix_all_button.setEnabled(finding is not None and bool(self.fixes_for_code(finding.code)))
        self.add_word_button.setEnabled(finding is not None and _silenceable(finding))
        self.rule_button.setEnabled(finding is not None)
        if finding is not None:
            self.fix_all_button.setText(self.tr("修复全部 %1").replace("%1", finding.code))
        else:
            self.fix_all_button.setText(self.tr("修复全部同类"))

    def _double_clicked(self, index: QModelIndex) -> None:
        finding = self.model.findings[self.proxy.mapToSource(index).row()]
        self.jump_requested.emit(finding.span.start, finding.span.end)

    def fixes_for_code(self, code: str) -> list[Fix]:
        """Every fix offered by findings of ``code``, each once."""
        seen: dict[tuple[int, int, str], Fix] = {}
        for finding in self.model.findings:
            if finding.code == code:
                for fix in finding.all_fixes():
                    seen.setdefault((fix.span.start, fix.span.end, fix.replacement), fix)
        return list(seen.values())

    def apply_current_fix(self) -> None:
        finding = self.current_finding()
        if finding is not None and finding.all_fixes():
            # Every place of the cause at once: a renumbering fixes the rest of the run too.
            self.fixes_requested.emit(list(finding.all_fixes()))

    def apply_all_of_current_code(self) -> None:
        finding = self.current_finding()
        if finding is not None:
            fixes = self.fixes_for_code(finding.code)
            if fixes:
                self.fixes_requested.emit(fixes)

    def add_current_word(self) -> None:
        """“加入词典” on the current W finding."""
        finding = self.current_finding()
        if finding is not None and _silenceable(finding):
            self.add_word_requested.emit(finding)

    def explain_current_rule(self) -> QWidget | None:
        """“这条规则是什么意思”: the current finding's rule, from the rule registry."""
        from desktop.app.help_dialog import show_rule

        finding = self.current_finding()
        return show_rule(self.window(), finding.code) if finding is not None else None

    def _context_menu(self, point: object) -> None:
        index = self.view.indexAt(point)  # type: ignore[arg-type]
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        for button in (self.fix_button, self.fix_all_button, self.add_word_button):
            action = menu.addAction(button.text(), button.click)
            action.setEnabled(button.isEnabled())
        menu.addSeparator()
        menu.addAction(self.tr("这条规则是什么意思"), self.explain_current_rule)
        menu.exec(self.view.viewport().mapToGlobal(point))  # type: ignore[arg-type]


def _silenceable(finding: Finding) -> bool:
    """True when the finding's rule is silenced by the writer's word list (“加入词典” helps)."""
    from checks.rules import rule_by_code

    rule = rule_by_code(finding.code)
    return rule is not None and rule.silenced_by_user_words
