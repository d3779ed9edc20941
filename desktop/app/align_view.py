"""The 对标上级要点 window: each task of the superior body's plan, and the draft items that answer it.

The core (``desktop.plan.references.align``) does the work on the window's ``Jobs``; this module
shows its tasks in one tree (drawn by ``align_tree.TaskTree``), the unanswered first, each with its
best answer and the others below it. Clicking a task or an answer puts the main editor's cursor
at the start of the draft item (nothing selected, the text untouched). A task that does not concern the writer's level is marked
不适用: the mark is remembered per superior plan (``remembered.NotApplicableStore``, in the user's
data folder) and ``plandesk align`` reads the same marks.

The superior plan is a file, or one of the 上级要点 entries of the writer's reference library; the
chosen file is remembered with the draft under ``extra["superior"]`` (saved in .plan.yaml).
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.app.align_sources import align_files, pick_superior, superior_entries
from desktop.app.align_tree import ITEM_ROLE, TargetList, TaskTree

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow
    from desktop.plan.references.align import Alignment, TaskAnswer
    from desktop.plan.references.tasks import Task

logger = logging.getLogger(__name__)
SUPERIOR_KEY = "superior"
OPEN_FILTER = "要点文件 (*.txt *.docx *.plan.yaml);;Word 文档 (*.docx);;文本 (*.txt)"
_FROM_FILE = "<choose a file>"


class AlignWindow(QMainWindow):
    """The superior's tasks against the draft in ``main``, the unanswered first."""

    alignment_shown = Signal(object)  # Alignment
    failed = Signal(str)

    def __init__(self, main: MainWindow) -> None:
        super().__init__(main, Qt.WindowType.Window)
        self.main = main
        self.result: Alignment | None = None
        self.setWindowTitle(self.tr("对标上级要点"))

        self.summary = QLabel(self.tr("尚未选择上级要点"))
        self.summary.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title = QLabel()
        self.title.setWordWrap(True)
        # Plans of different years: said in red under the title, hidden otherwise.
        self.year_warning = QLabel()
        self.year_warning.setWordWrap(True)
        self.year_warning.setStyleSheet("color: #b00020;")
        self.year_warning.hide()
        self.source_box = QComboBox()
        self.source_box.setMinimumContentsLength(32)
        self.source_box.activated.connect(self._source_chosen)
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.clicked.connect(self._choose_and_refresh)
        self.refresh_button = QPushButton(self.tr("重新对标"))
        self.refresh_button.clicked.connect(self.refresh)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.summary)
        titles.addWidget(self.title)
        titles.addWidget(self.year_warning)
        header.addLayout(titles, 1)
        header.addWidget(QLabel(self.tr("上级要点：")))
        header.addWidget(self.source_box)
        header.addWidget(self.choose_button)
        header.addWidget(self.refresh_button)

        self.tree = TaskTree()
        self.tree.itemClicked.connect(self._item_clicked)
        self.tree.itemActivated.connect(self._item_clicked)  # Enter on a row, as a click
        self.tree.currentItemChanged.connect(self._current_changed)
        self.mark_button = QPushButton(self.tr("标记为不适用"))
        self.mark_button.setToolTip(
            self.tr("本级不承担的上级任务（如省级专项），标记后排在最后，下次自动记住")
        )
        self.mark_button.setEnabled(False)
        self.mark_button.clicked.connect(self.toggle_not_applicable)
        legend = QHBoxLayout()
        for swatch in self.tree.legend():
            legend.addWidget(swatch)
        legend.addWidget(QLabel(self.tr("点击任务或回应条目，草稿跳到该条")))
        legend.addStretch(1)
        legend.addWidget(self.mark_button)

        self.targets = TargetList()
        self.targets.itemClicked.connect(self._target_clicked)
        targets_box = QWidget()
        targets_layout = QVBoxLayout(targets_box)
        targets_layout.setContentsMargins(0, 0, 0, 0)
        targets_layout.addWidget(QLabel(self.tr("指标核对（上级要求的比率）")))
        targets_layout.addWidget(self.targets)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(targets_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(header)
        layout.addLayout(legend)
        layout.addWidget(split, 1)
        self.setCentralWidget(body)
        self._fit_to_screen(1180, 720)
        self.fill_sources()

    def _fit_to_screen(self, width: int, height: int) -> None:
        """At most ``width`` × ``height``, inside the screen (a 1366×768 laptop has ~1366×728)."""
        from desktop.app.screen_fit import fit_to_screen

        self.resize(width, height)
        fit_to_screen(self)

    # The superior plan -----------------------------------------------------------------------------
    def superior_path(self) -> str:
        value = self.main.files.draft.extra.get(SUPERIOR_KEY)
        return str(value) if value else ""

    def set_superior(self, path: str | Path) -> None:
        """Remember the superior plan with the draft (``superior`` in its .plan.yaml). Not an edit of
        the text: the draft is not marked modified."""
        self.main.files.draft.extra[SUPERIOR_KEY] = str(Path(path).resolve())
        self.fill_sources()

    def fill_sources(self) -> None:
        """The box: the chosen file, the library's 上级要点, and 从文件选择…."""
        box = self.source_box
        box.blockSignals(True)
        box.clear()
        current = self.superior_path()
        entries = superior_entries()
        if current and current not in {p for _l, p, _y in entries}:
            box.addItem(Path(current).name, current)
        for label, path, _year in entries:
            box.addItem(label, path)
            box.setItemData(box.count() - 1, label, Qt.ItemDataRole.ToolTipRole)  # shown cut in the box
        box.addItem(self.tr("从文件选择…"), _FROM_FILE)
        index = box.findData(current) if current else -1
        box.setCurrentIndex(max(index, 0) if current else box.count() - 1)
        box.blockSignals(False)

    def choose_superior(self) -> bool:
        start = self.superior_path() or self.main.settings.last_folder()
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择上级要点"), start, self.tr(OPEN_FILTER))
        if not path:
            self.fill_sources()
            return False
        self.set_superior(path)
        return True

    def _choose_and_refresh(self) -> None:
        if self.choose_superior():
            self.refresh()

    def _source_chosen(self, index: int) -> None:
        path = self.source_box.itemData(index)
        if path == _FROM_FILE:
            self._choose_and_refresh()
        elif path:
            self.set_superior(path)
            self.refresh()

    # Aligning ---------------------------------------------------------------------------------------
    def refresh(self) -> bool:
        """Align the draft on screen with the superior plan, in the background."""
        path = self.superior_path()
        if not path:
            self.summary.setText(self.tr("尚未选择上级要点"))
            return False
        self.summary.setText(self.tr("对标中…"))
        text = self.main.editor.toPlainText()
        overrides = self.main.files.draft.overrides
        self.main.jobs.submit(
            partial(align_files, path, text, overrides),
            self,
            self._on_done,
            self._on_failed,
            lane="align",
            latest=True,  # only the newest request's result is shown
        )
        return True

    def wait_idle(self, msecs: int = -1) -> bool:
        return self.main.jobs.wait_idle(msecs)

    def _on_failed(self, trace: str) -> None:
        logger.error("align failed:\n%s", trace)
        self._show_failure(self.tr("对标出错，请查看日志。"))

    def _show_failure(self, message: str) -> None:
        self.summary.setText(self.tr("无法对标"))
        self.title.setText(message)
        self.failed.emit(message)

    def _on_done(self, outcome: tuple[Alignment | None, str]) -> None:
        result, error = outcome
        if result is None:
            self._show_failure(error)
            return
        self.show_alignment(result)

    def show_alignment(self, result: Alignment) -> None:
        keep = self.tree.selected_path()
        self.result = result
        superior_year = f"（{result.superior.year}年）" if result.superior.year else ""
        draft_year = f"（{result.draft.year}年）" if result.draft.year else ""
        self.summary.setText(result.summary_line())
        self.title.setText(
            f"上级：{result.superior.title or Path(self.superior_path()).name}{superior_year}"
            f"　草稿：{self.main.files.draft.display_name}{draft_year}"
        )
        warning = result.year_warning()
        self.year_warning.setText(warning)
        self.year_warning.setVisible(bool(warning))
        self.tree.fill(result, keep)
        self._current_changed(self.tree.currentItem(), None)
        self.targets.fill(result)
        self.alignment_shown.emit(result)

    # 不适用 ----------------------------------------------------------------------------------------
    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        answer = self._answer(self.tree.selected_path())
        self.mark_button.setEnabled(answer is not None)
        marked = answer is not None and answer.status == "not_applicable"
        self.mark_button.setText(self.tr("取消不适用") if marked else self.tr("标记为不适用"))

    def _answer(self, path: str) -> TaskAnswer | None:
        if self.result is None or not path:
            return None
        return next((a for a in self.result.answers if a.task.path == path), None)

    def toggle_not_applicable(self) -> None:
        """Mark the selected task 不适用 (or take the mark back), remember it, align again."""
        from desktop.plan.references.remembered import NotApplicableStore

        answer = self._answer(self.tree.selected_path())
        if answer is None or self.result is None:
            return
        on = answer.status != "not_applicable"
        try:
            NotApplicableStore().mark(
                self.result.superior.text, answer.task.path, on, self.result.superior.title
            )
        except OSError as error:
            self.statusBar().showMessage(self.tr("无法保存“不适用”标记：") + str(error), 8000)
            return
        self.refresh()

    # Jumping ----------------------------------------------------------------------------------------
    def _item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, ITEM_ROLE)
        if target is not None:
            self.jump_to_item(target)

    def _target_clicked(self, item: QListWidgetItem) -> None:
        offset = item.data(ITEM_ROLE)
        if offset is not None:
            self._goto(int(offset), None)

    def jump_to_item(self, item: Task) -> None:
        """Cursor at the start of the draft item; the text may have changed since the alignment,
        so the item is found again by its headline near where it was."""
        self._goto(item.start, item.headline)

    def _goto(self, offset: int, headline: str | None) -> None:
        text = self.main.editor.toPlainText()
        if self.result is not None and self.result.draft.text != text:
            found = text.find(headline) if headline else -1
            if found >= 0:
                offset = text.rfind("\n", 0, found) + 1  # the start of its line, marker included
            self.statusBar().showMessage(self.tr("草稿已改动，位置可能有偏差；可点“重新对标”。"), 5000)
        # Cursor at the start, nothing selected, focus kept here (the main window is not raised).
        self.main.editor.goto(min(offset, len(text)))


def open_align(window: MainWindow) -> AlignWindow | None:
    """Open (or bring back) the 对标上级要点 window of ``window``; asks for the superior plan if none
    is remembered and the library has none. Returns None when the writer cancels the choice."""
    view = window.findChild(AlignWindow)
    if view is None:
        view = AlignWindow(window)
    remembered = view.superior_path()
    if not remembered or not Path(remembered).exists():
        entries = superior_entries()
        if entries:
            plan = window.current_plan()
            path, note = pick_superior(entries, plan.metadata.year if plan is not None else None)
            view.set_superior(path)  # the library's 上级要点 of the draft's year, else the newest
            if note:
                view.statusBar().showMessage(note, 15000)
        elif not view.choose_superior():
            return None
    view.show()
    view.raise_()
    view.activateWindow()
    view.refresh()
    return view
