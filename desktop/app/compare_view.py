"""The Compare window: last year's plan on the left, the draft on the right, row against row.

The core (``desktop.plan.compare``) does all the work off the GUI thread, through the main
window's ``jobs``; this module shows its rows in one table of two text columns (``compare_table``)
above the lists of target changes and carried-over sentences.

Made for reading, not editing: clicking a row, a target change or a carried-over sentence moves
the draft's cursor to the start of that place and scrolls to it, without selecting anything and
without taking the focus from this window, so no keystroke can overwrite the draft by surprise.
Most rows of a next-year draft are unchanged, so "只看改动" hides them (on by default, remembered),
and F8 / Shift+F8 (or Alt+↓ / Alt+↑) step from change to change.

Last year's plan is remembered with the draft under ``extra["last_year"]`` and saved with it in
.plan.yaml; choosing it is not an edit of the text, so it does not mark the draft modified.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.app.compare_memory import CompareMemory
from desktop.app.compare_rows import COLOURS, carried_entries, target_entries
from desktop.app.compare_table import SPAN_ROLE, ChangesTable
from desktop.app.screen_fit import available_area, fit_to_screen
from desktop.plan.compare.model import ChangeKind
from desktop.plan.errors import InputError

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow
    from desktop.plan.compare import Comparison
    from desktop.plan.model import Metadata

__all__ = ["COLOURS", "CompareWindow", "compare_files", "open_compare"]

logger = logging.getLogger(__name__)
LAST_YEAR_KEY = "last_year"
OPEN_FILTER = "要点文件 (*.txt *.docx *.plan.yaml);;草稿 (*.plan.yaml);;Word 文档 (*.docx);;文本 (*.txt)"
WANTED_SIZE = (1280, 820)


def compare_files(old_path: str, text: str, overrides: Metadata | None) -> tuple[Comparison | None, str]:
    """Load last year's plan, parse the draft snapshot and compare them: (result, "") or
    (None, a Chinese message naming the file). Runs off the GUI thread."""
    from desktop.plan.compare import compare_plans
    from desktop.plan.parse import parse
    from desktop.plan.read.loader import load_plan

    try:
        _source, old_plan = load_plan(old_path)
    except InputError as error:
        return None, error.message
    return compare_plans(old_plan, parse(text, overrides)), ""


class CompareWindow(QMainWindow):
    """Side-by-side comparison of last year's plan with the draft in ``main``."""

    jump_requested = Signal(int, int)  # start, end offsets in the draft
    comparison_shown = Signal(object)  # Comparison
    failed = Signal(str)

    def __init__(self, main: MainWindow) -> None:
        super().__init__(main, Qt.WindowType.Window)
        self.main = main
        self.result: Comparison | None = None
        self.memory = CompareMemory(main.settings.folder)
        self.setWindowTitle(self.tr("与去年要点比对"))

        self.title = QLabel()
        self.summary = QLabel(self.tr("比对中…"))
        self.summary.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.choose_button = QPushButton(self.tr("更换去年要点…"))
        self.choose_button.clicked.connect(self._choose_and_refresh)
        self.refresh_button = QPushButton(self.tr("重新比对"))
        self.refresh_button.clicked.connect(self.refresh)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.summary)
        titles.addWidget(self.title)
        header.addLayout(titles, 1)
        header.addWidget(self.choose_button)
        header.addWidget(self.refresh_button)

        self.changes_only = QCheckBox(self.tr("只看改动"))
        self.changes_only.setToolTip(self.tr("隐藏未改动的条目（设置会被记住）"))
        self.changes_only.setChecked(self.memory.changes_only)
        self.changes_only.toggled.connect(self._changes_only_toggled)
        self.previous_action = self._nav_action("上一处改动", -1, ("Shift+F8", "Alt+Up"), "Shift+F8 或 Alt+↑")
        self.next_action = self._nav_action("下一处改动", 1, ("F8", "Alt+Down"), "F8 或 Alt+↓")
        legend = QHBoxLayout()
        for kind in ChangeKind:  # the words of `plandesk compare` (ChangeKind.label)
            swatch = QLabel(f" {self.tr(kind.label)} ")
            swatch.setStyleSheet(
                f"background:{COLOURS[kind.value]}; border:1px solid #bbbbbb; padding:1px 6px;"
            )
            legend.addWidget(swatch)
        legend.addStretch(1)
        legend.addWidget(self.changes_only)
        self.previous_button = self._nav_button(self.previous_action)
        self.next_button = self._nav_button(self.next_action)
        legend.addWidget(self.previous_button)
        legend.addWidget(self.next_button)

        self.table = ChangesTable()
        self.table.cellClicked.connect(self._row_clicked)
        self.table.cellDoubleClicked.connect(self._row_double_clicked)
        self.targets = QListWidget()
        self.targets.itemClicked.connect(self._item_clicked)
        self.carried = QListWidget()
        self.carried.itemClicked.connect(self._item_clicked)
        lists = QSplitter(Qt.Orientation.Horizontal)
        for title, widget in (
            (self.tr("指标变化"), self.targets),
            (self.tr("原样沿用、仍指向去年的表述"), self.carried),
        ):
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(QLabel(f"<b>{title}</b>"))
            layout.addWidget(widget)
            lists.addWidget(box)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lists)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addLayout(legend)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.jump_requested.connect(self._jump)
        self._place()

    def _place(self) -> None:
        """Sized for a desktop monitor, centred on the main window's screen, and clamped to its
        available area, so on a 1366×768 laptop the whole window, lists included, is on screen."""
        self.resize(*WANTED_SIZE)
        area = available_area(self.main)
        self.move(area.center() - self.rect().center())
        fit_to_screen(self, area)

    def _nav_action(self, label: str, direction: int, keys: tuple[str, ...], shown: str) -> QAction:
        action = QAction(self.tr(label), self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{self.tr(label)}（{shown}）")
        action.triggered.connect(self.next_change if direction > 0 else self.previous_change)
        self.addAction(action)
        return action

    def _nav_button(self, action: QAction) -> QPushButton:
        button = QPushButton(action.text())
        button.setToolTip(action.toolTip())
        button.clicked.connect(action.trigger)
        return button

    # Last year's plan ------------------------------------------------------------------------------
    def last_year_path(self) -> str:
        """Last year's plan of this draft: saved with it, else remembered for its file."""
        draft = self.main.files.draft
        value = draft.extra.get(LAST_YEAR_KEY) or self.memory.last_year_for(draft.path or draft.source_path)
        return str(value) if value else ""

    def set_last_year(self, path: str | Path) -> None:
        """Remember last year's plan with the draft (saved in its .plan.yaml as ``last_year``) and
        for its file. Not an edit of the text: the draft is not marked modified."""
        draft = self.main.files.draft
        draft.extra[LAST_YEAR_KEY] = str(Path(path).resolve())
        self.memory.remember_last_year(draft.path or draft.source_path, str(draft.extra[LAST_YEAR_KEY]))

    def choose_last_year(self) -> bool:
        start = self.last_year_path() or self.main.settings.last_folder()
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择去年的要点"), start, self.tr(OPEN_FILTER))
        if not path:
            return False
        self.set_last_year(path)
        return True

    def _choose_and_refresh(self) -> None:
        if self.choose_last_year():
            self.refresh()

    # Comparing --------------------------------------------------------------------------------------
    def refresh(self) -> bool:
        """Compare the draft on screen with last year's plan, in the background."""
        old_path = self.last_year_path()
        if not old_path:
            self.summary.setText(self.tr("尚未选择去年的要点"))
            return False
        self.summary.setText(self.tr("比对中…"))
        text = self.main.editor.toPlainText()
        overrides = self.main.files.draft.overrides
        self.main.jobs.submit(
            lambda: compare_files(old_path, text, overrides),
            self,
            self._on_done,
            self._on_failed,
            lane="compare",
            latest=True,  # only the newest request's result is shown
        )
        return True

    def wait_idle(self, msecs: int = -1) -> bool:
        return self.main.jobs.wait_idle(msecs)

    def _on_failed(self, trace: str) -> None:
        logger.error("compare failed:\n%s", trace)
        self._show_failure(self.tr("比对出错，请查看日志。"))

    def _show_failure(self, message: str) -> None:
        self.summary.setText(self.tr("无法比对"))
        self.title.setText(message)
        self.failed.emit(message)

    def _on_done(self, outcome: tuple[Comparison | None, str]) -> None:
        result, error = outcome
        if result is None:
            self._show_failure(error)
            return
        self.show_comparison(result)

    def show_comparison(self, result: Comparison) -> None:
        self.result = result
        old_name = Path(self.last_year_path()).name
        old_year = f"{result.old_plan.year}年" if result.old_plan.year else ""
        new_year = f"{result.new_plan.year}年" if result.new_plan.year else ""
        self.summary.setText(result.summary_line())
        self.title.setText(
            f"去年：{old_name} {old_year}　→　今年：{self.main.files.draft.display_name} {new_year}"
        )
        self.table.fill(result, self.changes_only.isChecked())
        self._say_if_unchanged()
        self._fill_lists(result)
        self.comparison_shown.emit(result)

    def _fill_lists(self, result: Comparison) -> None:
        for widget, entries in (
            (self.targets, target_entries(result)),
            (self.carried, carried_entries(result)),
        ):
            widget.clear()
            for text, span, tip in entries:
                item = QListWidgetItem(text)
                item.setToolTip(tip)
                item.setData(SPAN_ROLE, span)
                widget.addItem(item)

    # Only the changes, and stepping between them -------------------------------------------------------
    def changed_rows(self) -> list[int]:
        """Table rows whose node was edited, moved, added or removed."""
        return self.table.changed_rows()

    def _changes_only_toggled(self, checked: bool) -> None:
        self.memory.changes_only = checked
        self.table.show_changes_only(checked)
        self._say_if_unchanged()

    def _say_if_unchanged(self) -> None:
        if self.result is not None and self.changes_only.isChecked() and not self.changed_rows():
            self.statusBar().showMessage(self.tr("与去年相比没有改动；取消“只看改动”可查看全部条目。"))

    def next_change(self) -> int:
        """Select the next changed row after the current one (from the top after the last)."""
        return self._step(1)

    def previous_change(self) -> int:
        """Select the changed row before the current one (from the bottom before the first)."""
        return self._step(-1)

    def _step(self, direction: int) -> int:
        row, wrapped = self.table.step(direction)
        if row < 0:
            self.statusBar().showMessage(self.tr("没有改动"), 3000)
            return -1
        if wrapped:  # past the last (first) change: say so
            message = "已到最后一处改动，从头开始" if direction > 0 else "已到第一处改动，从末尾开始"
            self.statusBar().showMessage(self.tr(message), 3000)
        self._row_clicked(row, 1)
        return row

    # Moving the draft's cursor ------------------------------------------------------------------------
    def _row_clicked(self, row: int, column: int) -> None:
        self._emit_jump(self.table.span_at(row, column))

    def _row_double_clicked(self, row: int, column: int) -> None:
        """The writer asked for the draft: show it, cursor at the item's start, nothing selected."""
        self._row_clicked(row, column)
        self.main.raise_()
        self.main.activateWindow()
        self.main.editor.setFocus()

    def _item_clicked(self, item: QListWidgetItem) -> None:
        self._emit_jump(item.data(SPAN_ROLE))

    def _emit_jump(self, span: object) -> None:
        if not span:
            return
        start, end = span  # type: ignore[misc]
        if self.result is not None and self.result.new_plan.text != self.main.editor.toPlainText():
            self.statusBar().showMessage(self.tr("草稿已改动，位置可能有偏差；可点“重新比对”。"), 5000)
        self.jump_requested.emit(int(start), int(end))

    def _jump(self, start: int, _end: int) -> None:
        """Cursor to the start of the place, scrolled into view; nothing selected, focus kept here
        (the main window is neither raised nor activated)."""
        self.main.editor.goto(min(start, len(self.main.editor.toPlainText())))


def open_compare(window: MainWindow) -> CompareWindow | None:
    """Open (or bring back) the Compare window of ``window``; asks for last year's plan if needed.

    Returns None when the writer cancels the choice of last year's plan.
    """
    view = window.findChild(CompareWindow)
    if view is None:
        view = CompareWindow(window)
    remembered = view.last_year_path()
    if (not remembered or not Path(remembered).exists()) and not view.choose_last_year():
        return None
    view.show()
    view.raise_()
    view.activateWindow()
    view.refresh()
    return view
